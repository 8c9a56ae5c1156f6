/* vm/vm_pager.c: being written (issue 4). */
