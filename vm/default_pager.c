/* vm/default_pager.c: being written (issue 4). */
