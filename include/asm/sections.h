/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel image's section boundaries, defined by linker.ld. */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

/* The loader's part (.boot) at its physical address: the image starts here. */
extern char __boot_start[];
extern char _text[], _etext[];
extern char __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_stop[];
extern char _end[];

#endif /* _ASM_SECTIONS_H */
