/* vm/vm_fault.c: being written (issue 4). */
