/* vm/vm_kern.c: being written (issue 3). */
