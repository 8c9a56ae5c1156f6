/* vm/vm_object.c: being written (issue 4). */
