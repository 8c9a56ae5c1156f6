/* kernel/kern_malloc.c: being written (issue 3). */
