# SPDX-License-Identifier: GPL-2.0
"""gdb helpers for the kernel, loaded by `make gdb` (tools/runtest.py gdb).

  dmesg            the log ring buffer (kernel/printk.c), oldest first
  e820             the sanitised memory map (arch/x86_64/e820.c)
  ksym ADDR        the symbol+offset of a text address (kernel/kallsyms.c)

They read the kernel's own data structures through the debug information,
so they work on a halted or crashed kernel as well as a running one.
"""
import gdb

LOG_BUF_LEN = 1 << 17


def ulong(v):
    return int(v.cast(gdb.lookup_type('unsigned long long')))


class Dmesg(gdb.Command):
    """Print the kernel log buffer: dmesg"""

    def __init__(self):
        super().__init__('dmesg', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        inf = gdb.selected_inferior()
        buf = gdb.parse_and_eval('log_buf')
        base = ulong(buf.address)
        head = ulong(gdb.parse_and_eval('log_head'))
        pos = ulong(gdb.parse_and_eval('log_tail'))
        rec_t = gdb.lookup_type('struct log_rec')
        while pos < head:
            off = pos % LOG_BUF_LEN
            rec = gdb.Value(base + off).cast(rec_t.pointer()).dereference()
            length = int(rec['len'])
            if length == 0:
                pos += LOG_BUF_LEN - off
                continue
            n = int(rec['text_len'])
            text = bytes(inf.read_memory(base + off + rec_t.sizeof, n)).decode(
                errors='replace')
            level = int(rec['level'])
            ts = ulong(rec['ts_nsec'])
            if level == 15:
                gdb.write('%s\n' % text)
            else:
                gdb.write('[%5d.%06d] %s\n' % (ts // 10**9, ts % 10**9 // 1000, text))
            pos += length


E820_NAMES = {1: 'usable', 2: 'reserved', 3: 'ACPI data', 4: 'ACPI NVS', 5: 'unusable',
              7: 'persistent (type 7)', 12: 'persistent (type 12)',
              0xefffffff: 'soft reserved'}


class E820(gdb.Command):
    """Print the sanitised e820 memory map: e820"""

    def __init__(self):
        super().__init__('e820', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        table = gdb.parse_and_eval('e820_table').dereference()
        for i in range(int(table['nr_entries'])):
            e = table['entries'][i]
            addr, size, typ = ulong(e['addr']), ulong(e['size']), int(e['type'])
            gdb.write('BIOS-e820: [mem %#018x-%#018x] %s\n' % (
                addr, addr + size - 1, E820_NAMES.get(typ, 'type %d' % typ)))


class Ksym(gdb.Command):
    """Name the function containing an address: ksym ADDR"""

    def __init__(self):
        super().__init__('ksym', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        addr = ulong(gdb.parse_and_eval(arg))
        block = gdb.block_for_pc(addr)
        while block and not block.function:
            block = block.superblock
        if not block:
            gdb.write('%#x: not in the kernel text\n' % addr)
            return
        gdb.write('%s+%#x\n' % (block.function.name, addr - block.start))


Dmesg()
E820()
Ksym()
gdb.write('kernel helpers loaded: dmesg, e820, ksym\n')
