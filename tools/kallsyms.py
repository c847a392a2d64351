#!/usr/bin/env python3
"""Generate the kernel's symbol table (kernel/kallsyms.c reads it).

Usage: nm -n kernel.elf | kallsyms.py > kallsyms.S
       kallsyms.py --empty > kallsyms.S   (for the first link)

Keeps text symbols (t/T/w/W inside [_text, _etext)), sorted by address, one
name per address (the first seen). The layout is documented in
kernel/kallsyms.c.
"""
import sys


def emit(syms, text_end):
    out = ['\t.section .kallsyms, "a"', '\t.balign 8']
    out += ['\t.globl kallsyms_num', 'kallsyms_num:', f'\t.quad {len(syms)}']
    out += ['\t.globl kallsyms_text_end', 'kallsyms_text_end:', f'\t.quad 0x{text_end:x}']
    out += ['\t.globl kallsyms_addresses', 'kallsyms_addresses:']
    out += [f'\t.quad 0x{a:x}' for a, _ in syms]
    out += ['\t.globl kallsyms_name_offsets', 'kallsyms_name_offsets:']
    off = 0
    for _, name in syms:
        out.append(f'\t.long {off}')
        off += len(name) + 1
    out += ['\t.globl kallsyms_names', 'kallsyms_names:']
    out += [f'\t.asciz "{name}"' for _, name in syms]
    out.append('\t.byte 0')
    print('\n'.join(out))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--empty':
        emit([], 0)
        return
    syms, bounds = [], {}
    for line in sys.stdin:
        parts = line.split()
        if len(parts) != 3:
            continue
        addr, kind, name = int(parts[0], 16), parts[1], parts[2]
        if name in ('_text', '_etext'):
            bounds[name] = addr
        if kind in 'tTwW' and name not in ('_text', '_etext'):
            syms.append((addr, name))
    lo, hi = bounds['_text'], bounds['_etext']
    seen, table = set(), []
    for addr, name in sorted(syms, key=lambda s: s[0]):
        if lo <= addr < hi and addr not in seen and not name.startswith('.L'):
            seen.add(addr)
            table.append((addr, name))
    emit(table, hi)


if __name__ == '__main__':
    main()
