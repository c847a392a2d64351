# SPDX-License-Identifier: GPL-2.0
"""gdb helpers for the kernel, loaded by `make gdb` (tools/runtest.py gdb).

  dmesg            the log ring buffer (kernel/printk.c), oldest first
  e820             the sanitised memory map (arch/x86_64/e820.c)
  ksym ADDR        the symbol+offset of a text address (kernel/kallsyms.c)
  lx-dmesg         the same as dmesg
  lx-buddyinfo     free blocks per zone and order, as /proc/buddyinfo
  lx-slabinfo      the slab caches, as /proc/slabinfo (without the tunables)
  lx-vmallocinfo   the busy vmap areas, as /proc/vmallocinfo
  lx-ps            the tasks (init_task's list and every CPU's idle task)
  lx-pte ADDR [MM] the page-table walk of ADDR in init_mm or the mm at MM

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


# ---- the lx-* helpers ------------------------------------------------------
# Each reads memory only (no kernel function is called). The field names they
# use are kept at the top of each helper, in one place.

PAGE_OFFSET = 0xffff888000000000        # include/asm/page.h
START_KERNEL_MAP = 0xffffffff80000000


def ptr_to(addr, typename):
    """The object of type TYPENAME at ADDR (an int)."""
    addr &= 0xffffffffffffffff              # per-CPU offsets wrap around
    return gdb.Value(addr).cast(gdb.lookup_type(typename).pointer()).dereference()


def container_of(ptr, typename, field):
    t = gdb.lookup_type(typename)
    off = next(f.bitpos // 8 for f in t.fields() if f.name == field)
    return ptr_to(ulong(ptr) - off, typename)


def list_entries(head, typename, field):
    """The entries of the list_head HEAD (a gdb.Value, not a pointer)."""
    first = ulong(head.address)
    node = head['next']
    n = 0
    while ulong(node) != first:
        yield container_of(node, typename, field)
        node = node['next']
        n += 1
        if n > 100000:
            raise gdb.GdbError('list at %#x: no end after 100000 entries' % first)


class LxBuddyinfo(gdb.Command):
    """Free blocks per order and zone, as /proc/buddyinfo: lx-buddyinfo"""
    # mm/vmstat.c frag_show: node_data[], node_zones[], present_pages, name,
    # free_area[order].nr_free

    def __init__(self):
        super().__init__('lx-buddyinfo', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        nodes = int(gdb.parse_and_eval('sizeof(node_data) / sizeof(node_data[0])'))
        for nid in range(nodes):
            pgdat = gdb.parse_and_eval('node_data[%d]' % nid)
            if not ulong(pgdat):
                continue
            zones = pgdat['node_zones']
            for z in range(zones.type.range()[1] + 1):
                zone = zones[z]
                if not ulong(zone['present_pages']):
                    continue
                fa = zone['free_area']
                nr = [ulong(fa[o]['nr_free']) for o in range(fa.type.range()[1] + 1)]
                gdb.write('Node %d, zone %8s %s\n' % (
                    nid, zone['name'].string(), ''.join('%6d ' % n for n in nr)))


class LxSlabinfo(gdb.Command):
    """Slab caches, as /proc/slabinfo (no tunables): lx-slabinfo"""
    # mm/slub.c slabinfo_show: slab_caches, struct kmem_cache list, name, size,
    # objects, order, total_objects, nr_slabs, partial; struct slab slab_list, counters

    def __init__(self):
        super().__init__('lx-slabinfo', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        gdb.write('# name            <active_objs> <num_objs> <objsize> <objperslab> '
                  '<pagesperslab> : slabdata <active_slabs> <num_slabs>\n'
                  '# (active_objs: CPU slabs count as in use, as the kernel\'s own)\n')
        for s in list_entries(gdb.parse_and_eval('slab_caches'), 'struct kmem_cache', 'list'):
            objs = ulong(s['total_objects']['counter'])
            slabs = ulong(s['nr_slabs']['counter'])
            free = 0
            for slab in list_entries(s['partial'], 'struct slab', 'slab_list'):
                c = ulong(slab['counters'])
                free += ((c >> 16) & 0x7fff) - (c & 0xffff)
            gdb.write('%-17s %6d %6d %6d %4d %4d : slabdata %6d %6d\n' % (
                s['name'].string(), objs - free, objs, int(s['size']), int(s['objects']),
                1 << int(s['order']), slabs, slabs))


class LxVmallocinfo(gdb.Command):
    """Busy vmalloc areas, as /proc/vmallocinfo: lx-vmallocinfo"""
    # mm/vmalloc.c: vmap_area_root (rb_root), struct vmap_area rb_node, va_start,
    # va_end, vm; struct vm_struct addr, size, caller, nr_pages

    def __init__(self):
        super().__init__('lx-vmallocinfo', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        stack, node = [], gdb.parse_and_eval('vmap_area_root')['rb_node']
        while stack or ulong(node):         # in order: left, node, right
            while ulong(node):
                stack.append(node)
                node = node['rb_left']
            node = stack.pop()
            va = container_of(node, 'struct vmap_area', 'rb_node')
            vm = va['vm']
            if not ulong(vm):
                gdb.write('0x%016x-0x%016x %7d unpurged vm_area\n' % (
                    ulong(va['va_start']), ulong(va['va_end']),
                    ulong(va['va_end']) - ulong(va['va_start'])))
            else:
                addr, size = ulong(vm['addr']), ulong(vm['size'])
                line = '0x%016x-0x%016x %7d' % (addr, addr + size, size)
                caller = ulong(vm['caller'])
                if caller:
                    line += ' ' + symbolize(caller)
                if int(vm['nr_pages']):
                    line += ' pages=%d' % int(vm['nr_pages'])
                gdb.write(line + '\n')
            node = node['rb_right']


def symbolize(addr):
    block = gdb.block_for_pc(addr)
    while block and not block.function:
        block = block.superblock
    if not block:
        return '%#x' % addr
    return '%s+%#x' % (block.function.name, addr - block.start)


TASK_STATES = {0: 'R', 1: 'S', 2: 'D', 0x80: 'X'}


class LxPs(gdb.Command):
    """Tasks: pid, state, CPU, comm: lx-ps"""
    # include/linux/sched.h: init_task, tasks, pid, __state, cpu, comm;
    # kernel/sched/core.c: per-CPU runqueues .idle; __per_cpu_offset, nr_cpu_ids

    def __init__(self):
        super().__init__('lx-ps', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        init = gdb.parse_and_eval('init_task')
        tasks = [init] + list(list_entries(init['tasks'], 'struct task_struct', 'tasks'))
        seen = {ulong(t.address) for t in tasks}
        rq_addr = ulong(gdb.parse_and_eval('&runqueues'))
        for cpu in range(int(gdb.parse_and_eval('nr_cpu_ids'))):
            off = ulong(gdb.parse_and_eval('__per_cpu_offset[%d]' % cpu))
            idle = ptr_to(rq_addr + off, 'struct rq')['idle']
            if ulong(idle) and ulong(idle) not in seen:
                seen.add(ulong(idle))
                tasks.append(idle.dereference())
        gdb.write('  PID S CPU TASK               COMM\n')
        for t in tasks:
            state = ulong(t['__state'])
            gdb.write('%5d %s %3d 0x%016x %s\n' % (
                int(t['pid']), TASK_STATES.get(state, '%#x' % state), int(t['cpu']),
                ulong(t.address), t['comm'].string(length=16).split('\0')[0]))


PTE_FLAGS = [(0, 'P'), (1, 'RW'), (2, 'US'), (3, 'PWT'), (4, 'PCD'), (5, 'A'), (6, 'D'),
             (7, 'PS'), (8, 'G'), (63, 'NX')]
PTE_PFN_MASK = 0x000ffffffffff000


class LxPte(gdb.Command):
    """Walk one address through the page tables: lx-pte ADDR [MM]
(MM: the address of a struct mm_struct; default init_mm)"""
    # mm_struct pgd; 4 levels of 512 entries, p4d folded

    def __init__(self):
        super().__init__('lx-pte', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        argv = gdb.string_to_argv(arg)
        if len(argv) not in (1, 2):
            raise gdb.GdbError('usage: lx-pte ADDR [MM]')
        addr = ulong(gdb.parse_and_eval(argv[0])) & 0xffffffffffffffff
        mm = ptr_to(ulong(gdb.parse_and_eval(argv[1])), 'struct mm_struct') if len(argv) == 2 \
            else gdb.parse_and_eval('init_mm')
        table = ulong(mm['pgd'])
        gdb.write('address %#018x, mm %#x, pgd %#x\n' % (addr, ulong(mm.address), table))
        inf = gdb.selected_inferior()
        for name, shift in (('pgd', 39), ('pud', 30), ('pmd', 21), ('pte', 12)):
            idx = (addr >> shift) & 511
            entry = int.from_bytes(bytes(inf.read_memory(table + idx * 8, 8)), 'little')
            flags = ' '.join(n for b, n in PTE_FLAGS if entry >> b & 1)
            gdb.write('%s[%3d] = %#018x %s\n' % (name, idx, entry, flags))
            if not entry & 1:
                gdb.write('not present\n')
                return
            if name == 'pte' or (name != 'pgd' and entry & 0x80):
                mask = (1 << shift) - 1
                phys = (entry & PTE_PFN_MASK & ~mask) | (addr & mask)
                gdb.write('present, %s, phys %#x\n' % (
                    {30: '1G page', 21: '2M page', 12: '4K page'}[shift], phys))
                return
            table = (entry & PTE_PFN_MASK) + PAGE_OFFSET


class LxDmesg(Dmesg):
    """Print the kernel log buffer: lx-dmesg"""

    def __init__(self):
        gdb.Command.__init__(self, 'lx-dmesg', gdb.COMMAND_DATA)


Dmesg()
E820()
Ksym()
LxDmesg()
LxBuddyinfo()
LxSlabinfo()
LxVmallocinfo()
LxPs()
LxPte()
gdb.write('kernel helpers loaded: dmesg, e820, ksym, lx-dmesg, lx-buddyinfo, lx-slabinfo, '
          'lx-vmallocinfo, lx-ps, lx-pte\n')
