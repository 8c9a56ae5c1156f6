/* kernel/kern_sx.c: being written (issue 4). */
