/* arch/x86/x86_pat.c: being written (issue 3). */
