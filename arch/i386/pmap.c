/* arch/i386/pmap.c: being written (issue 3). */
