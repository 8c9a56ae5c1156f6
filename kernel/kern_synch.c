/* kernel/kern_synch.c: being written (issue 4). */
