/* vm/vm_vmspace.c: being written (issue 4). */
