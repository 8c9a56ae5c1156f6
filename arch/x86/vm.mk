# arch/x86: pmap pieces both ARCHes share (PAT caching modes, pv lists,
# TLB invalidation).
KSRCS += arch/x86/x86_pat.c arch/x86/pmap_pv.c arch/x86/pmap_tlb.c
