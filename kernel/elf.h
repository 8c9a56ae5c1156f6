/*
 * elf.h - the parts of the ELF format exec needs (the System V ABI's
 * generic structures; 32-bit for i386, 64-bit for amd64).  Elf_Ehdr and
 * Elf_Phdr are the running ARCH's.
 */
#ifndef _KERNEL_ELF_H_
#define _KERNEL_ELF_H_

#include <stdint.h>

#define EI_NIDENT	16
#define ELFMAG		"\177ELF"
#define EI_CLASS	4
#define EI_DATA		5
#define EI_VERSION	6
#define ELFCLASS32	1
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1
#define ET_EXEC		2
#define EM_386		3
#define EM_X86_64	62

#define PT_LOAD		1
#define PT_INTERP	3
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

/* Auxiliary vector types (the ones exec gives). */
#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_ENTRY	9

typedef struct {
	unsigned char	e_ident[EI_NIDENT];
	uint16_t	e_type, e_machine;
	uint32_t	e_version;
	uint32_t	e_entry, e_phoff, e_shoff;
	uint32_t	e_flags;
	uint16_t	e_ehsize, e_phentsize, e_phnum;
	uint16_t	e_shentsize, e_shnum, e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	uint32_t	p_type, p_offset, p_vaddr, p_paddr;
	uint32_t	p_filesz, p_memsz, p_flags, p_align;
} Elf32_Phdr;

typedef struct {
	unsigned char	e_ident[EI_NIDENT];
	uint16_t	e_type, e_machine;
	uint32_t	e_version;
	uint64_t	e_entry, e_phoff, e_shoff;
	uint32_t	e_flags;
	uint16_t	e_ehsize, e_phentsize, e_phnum;
	uint16_t	e_shentsize, e_shnum, e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	uint32_t	p_type, p_flags;
	uint64_t	p_offset, p_vaddr, p_paddr;
	uint64_t	p_filesz, p_memsz, p_align;
} Elf64_Phdr;

#ifdef __x86_64__
typedef Elf64_Ehdr	Elf_Ehdr;
typedef Elf64_Phdr	Elf_Phdr;
#define ELF_TARG_CLASS	ELFCLASS64
#define ELF_TARG_MACH	EM_X86_64
#else
typedef Elf32_Ehdr	Elf_Ehdr;
typedef Elf32_Phdr	Elf_Phdr;
#define ELF_TARG_CLASS	ELFCLASS32
#define ELF_TARG_MACH	EM_386
#endif

#endif /* !_KERNEL_ELF_H_ */
