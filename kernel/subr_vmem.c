/* kernel/subr_vmem.c: being written (issue 3). */
