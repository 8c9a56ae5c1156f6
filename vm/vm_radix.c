/* vm/vm_radix.c: being written (issue 4). */
