/* arch/amd64/pmap.c: being written (issue 3). */
