/* vm/vm_map.c: being written (issue 4). */
