#!/usr/bin/env python3
"""Run the kernel under QEMU and the host tests; turn their KTAP into verdicts.

  runtest.py iso KERNEL OUT.iso [--cmdline C] [--initrd F]   a GRUB rescue ISO
  runtest.py host BINARY                        the host unit tests
  runtest.py test [opts] --host BIN KERNEL      host tests, the kernel's tests,
                                                then the boot checks; the last
                                                line is "N passed, N failed, N skipped"
  runtest.py run [opts] KERNEL                  serial console on this terminal
  runtest.py bench [opts] --out F KERNEL        the benchmark rows
                                                (Documentation/benchmarks.md)
  runtest.py gdb [opts] KERNEL                  QEMU halted + gdb attached

--initrd FILE puts FILE on the ISO as the multiboot2 module "initrd" (the
kernel unpacks it as its initramfs), for every boot of the command.
QEMU uses software emulation unless --accel kvm. The verdict leaves QEMU
through isa-debug-exit: 33 means every test passed, 35 that one failed;
anything else (0 after a triple fault or panic with -no-reboot, 1 for a
QEMU error, a timeout) is a failure whatever the output says.
"""
import argparse
import hashlib
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktap  # noqa: E402

BUILD = os.environ.get('B', 'build')
# The initramfs every boot of this run gets (--initrd), or None.
INITRD = None
EXIT_PASS, EXIT_FAIL = 33, 35


def grub_quote(word):
    """One word of a grub.cfg command, taken literally by GRUB's parser."""
    return "'" + word.replace("'", "'\\''") + "'"


def split_cmdline(cmdline):
    """Words as a shell would split them (x="a b" is the word x=a b, which
    GRUB hands on as "x=a b", the form Linux's parser takes); text a shell
    cannot split (an unbalanced quote in junk) splits on white space."""
    try:
        return shlex.split(cmdline)
    except ValueError:
        return cmdline.split()


def make_iso(kernel, out, cmdline, initrd=None):
    """A CD image booting KERNEL with multiboot2 through GRUB, and INITRD
    as the module whose command line is "initrd".

    GRUB is one El Torito image (grub-mkimage) with its few modules and its
    script embedded, so the BIOS loads it in one read: booting this way
    reaches the kernel in about 0.4 s under TCG, where grub-mkrescue's
    module-by-module loading takes over 3 s. The script runs in GRUB's
    rescue parser; each word of the command line is single-quoted so that
    GRUB takes it literally (GRUB itself backslash-escapes \\ ' and ").
    """
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, 'iso', 'boot', 'grub'))
        copy_stripped(kernel, os.path.join(d, 'iso', 'boot', 'kernel.elf'))
        words = ' '.join(grub_quote(w) for w in split_cmdline(cmdline))
        module = ''
        if initrd:
            shutil.copy(initrd, os.path.join(d, 'iso', 'boot', 'initramfs.cpio'))
            module = 'module2 /boot/initramfs.cpio initrd\n'
        cfg = os.path.join(d, 'embed.cfg')
        with open(cfg, 'w') as f:
            f.write('serial --unit=0 --speed=115200\n'
                    'terminal_output serial\n'
                    'multiboot2 /boot/kernel.elf %s\n'
                    '%s'
                    'boot\n' % (words, module))
        steps = [
            ['grub-mkimage', '-O', 'i386-pc-eltorito', '-p', '/boot/grub', '-c', cfg,
             '-o', os.path.join(d, 'iso', 'boot', 'grub', 'eltorito.img'),
             'biosdisk', 'iso9660', 'multiboot2', 'serial', 'terminal'],
            ['xorriso', '-as', 'mkisofs', '-quiet', '-R', '-b', 'boot/grub/eltorito.img',
             '-no-emul-boot', '-boot-load-size', '4', '-boot-info-table',
             '-o', out, os.path.join(d, 'iso')],
        ]
        for cmd in steps:
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            if r.returncode:
                sys.stderr.write(r.stdout.decode(errors='replace'))
                raise SystemExit('runtest: %s failed' % cmd[0])


def copy_stripped(kernel, out):
    """KERNEL without its symbols and debug information, for the ISO.

    GRUB's multiboot2 loader reads every section that is not loaded (to
    offer the kernel its ELF sections): 2 MiB of DWARF here, some 26 M
    instructions of boot_to_ready. The kernel has its own symbol table
    (tools/kallsyms.py) and gdb reads the unstripped file; without a
    suitable objcopy the ISO carries the file as it is."""
    r = subprocess.run(['objcopy', '--strip-all', kernel, out],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if r.returncode:
        shutil.copy(kernel, out)


def iso_for(kernel, cmdline, initrd=None):
    """The ISO for KERNEL, CMDLINE and INITRD (default: --initrd), cached."""
    initrd = initrd or INITRD
    key = os.path.abspath(kernel) + str(os.path.getmtime(kernel)) + cmdline
    if initrd:
        key += os.path.abspath(initrd) + str(os.path.getmtime(initrd))
    key = hashlib.sha1(key.encode()).hexdigest()[:12]
    out = os.path.join(os.path.dirname(kernel) or '.', 'iso-%s.iso' % key)
    if not os.path.exists(out):
        make_iso(kernel, out, cmdline, initrd)
    return out


def qemu_cmd(iso, mem, smp, accel, extra=()):
    return ['qemu-system-x86_64', '-machine', 'pc', '-cpu', 'max', '-accel', accel,
            '-m', mem, '-smp', str(smp), '-cdrom', iso, '-boot', 'd',
            '-display', 'none', '-monitor', 'none', '-no-reboot',
            '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04'] + list(extra)


def boot(kernel, cmdline, mem, smp, accel, timeout, extra=(), until=None, initrd=None):
    """Boot and capture the serial console. Returns (exit status or None on
    timeout, console text, seconds)."""
    iso = iso_for(kernel, cmdline, initrd)
    with tempfile.NamedTemporaryFile(suffix='.log', delete=False) as f:
        log = f.name
    cmd = qemu_cmd(iso, mem, smp, accel, ['-serial', 'file:' + log] + list(extra))
    start = time.time()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    status = None
    while time.time() - start < timeout:
        try:
            status = p.wait(timeout=0.2)
            break
        except subprocess.TimeoutExpired:
            if until and until in read(log):
                break
    if status is None:
        p.kill()
        p.wait()
    qemu_out = p.stdout.read().decode(errors='replace')
    text = read(log)
    os.unlink(log)
    if qemu_out.strip() and status not in (EXIT_PASS, EXIT_FAIL):
        text += '\n[qemu] ' + qemu_out
    return status, text, time.time() - start


def read(path):
    with open(path, 'rb') as f:
        return f.read().decode(errors='replace')


def tail(text, n=40):
    return '\n'.join('    | ' + l for l in text.splitlines()[-n:])


class Tally:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0

    def add(self, p, f, s):
        self.passed += p
        self.failed += f
        self.skipped += s

    def line(self):
        return '%d passed, %d failed, %d skipped' % (self.passed, self.failed, self.skipped)


def run_host(binary, tally):
    r = subprocess.run([binary], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    text = r.stdout.decode(errors='replace')
    p, f, s, ok = ktap.report(text, 'host: ')
    if not ok and f == 0:
        f = 1                       # a broken document or sanitizer abort
        print(tail(text))
    tally.add(p, f, s)
    print('host tests: %d passed, %d failed, %d skipped' % (p, f, s))
    return ok and r.returncode == 0


# What the runner (tests/user/runner.c, static glibc) cannot start without.
USER_SPACE_CALLS = ['execve', 'clone', 'wait4', 'mmap']


def can_exec(kernel):
    """Does KERNEL implement the system calls of USER_SPACE_CALLS (their
    table entries are defined)? Until it does, no boot tries to run the
    user tests: init could not start them, or the runner its programs."""
    r = subprocess.run(['nm', kernel], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    defined = {l.split()[2] for l in r.stdout.decode(errors='replace').splitlines()
               if len(l.split()) == 3 and l.split()[1] in 'Tt'}
    return all('__x64_sys_' + c in defined for c in USER_SPACE_CALLS)


def run_kernel_tests(a, label, cmdline, mem, tally, smp=None, kernel=None, user=False):
    """One boot of the suites. With @user (and --user-initrd, on a kernel
    that can exec) the boot goes on into user space: ktest.user=1, the
    runner of tests/user/ as init, its TAP counted after the KTAP."""
    kernel = kernel or a.kernel
    full = ('ktest.run=all panic=-1 ' + cmdline).strip()
    initrd = None
    user = user and a.user_initrd and can_exec(kernel)
    if user:
        full += ' ktest.user=1 rdinit=/tests/runner'
        initrd = a.user_initrd
    status, text, secs = boot(kernel, full, mem, smp or a.smp, a.accel, a.timeout,
                              initrd=initrd)
    os.makedirs(BUILD, exist_ok=True)
    logname = os.path.join(BUILD, 'test-%s.log' % label)
    with open(logname, 'w') as f:
        f.write(text)
    p, fl, s, ok = ktap.report(text, label + ': ')
    verdict_ok = status == EXIT_PASS
    if user and '\nTAP version 13' not in text:
        print('FAILED %s: the user tests did not run (no TAP after the suites)' % label)
        ok = False
        fl += 1
    if not ok or not verdict_ok:
        if status != EXIT_PASS and fl == 0:
            fl = 1
            why = 'timed out after %ds' % a.timeout if status is None else \
                  'QEMU exit status %s (33 = pass)' % status
            print('FAILED %s: %s; console tail (full log: %s):' % (label, why, logname))
            print(tail(text))
    tally.add(p, fl, s)
    print('%s: %d passed, %d failed, %d skipped (-m %s, %.1fs)' % (label, p, fl, s, mem, secs))


def junk_cmdline(n, seed):
    rng = random.Random(seed)
    alphabet = [chr(c) for c in range(0x21, 0x7f)] + [' '] * 12 + ['='] * 6 + ['"'] * 2
    return ''.join(rng.choice(alphabet) for _ in range(n))


def run_boot_check(a, label, cmdline, mem, tally):
    """Boot and require the "ready:" line (and no oops) within the timeout."""
    status, text, secs = boot(a.kernel, ('panic=-1 ' + cmdline).strip(), mem, a.smp,
                              a.accel, min(a.timeout, 120), until='\nready:')
    ok = '\nready:' in text and 'Kernel panic' not in text and 'Oops' not in text
    if ok:
        tally.add(1, 0, 0)
        print('ok %s: reached ready: (-m %s, %.1fs)' % (label, mem, secs))
    else:
        tally.add(0, 1, 0)
        print('FAILED %s: no "ready:" line (-m %s); console tail:' % (label, mem))
        print(tail(text))


# The boot matrix: every machine runs the whole kernel suite.
MATRIX = [
    ('32M', ''),
    ('3G', ''),
    ('5G', ''),
    ('16G', ''),
    ('512M', 'memmap=64M$256M'),
    ('512M', 'mem=100M'),
    ('5G', 'movablecore=1G'),
    # The page allocator's debugging options, each in a boot of its own.
    ('512M', 'debug_pagealloc=on'),
    ('512M', 'page_owner=on'),
    ('128M', 'page_poison=1 init_on_alloc=1'),
    ('512M', 'init_on_free=1'),
    # The whole suite again with page allocations failing at random.
    ('512M', 'fail_page_alloc=1,20,0,-1 fail_page_alloc.min_order=0 '
             'fail_page_alloc.ignore_gfp_wait=N'),
    # And with slab allocations failing: their callers, the slub suites included, survive.
    ('512M', 'failslab=1,20,0,-1 failslab.ignore_gfp_wait=N'),
    # SLUB's sizing and merging parameters (tests/kernel/slub_alloc_test.c checks their effect).
    ('512M', 'slub_min_order=1 slub_max_order=1 slub_min_objects=4 slab_nomerge'),
    # Every cache a debug cache: the whole suite through slub_debug's checks.
    ('512M', 'slub_debug=FZPU'),
]

# The same suite on more CPUs: (CPUs, memory, extra command line). make test
# also runs the whole suite at SMP=4 (or at 1 when SMP=4 was asked for).
SMP_MATRIX = [
    ('2', '512M', ''),
    ('8', '1G', ''),
    ('4', '512M', 'maxcpus=2'),
    ('4', '512M', 'nosmp'),
    ('4', '512M', 'lockdep=on'),
    ('4', '512M', 'watchdog_thresh=1'),
    # kmap_local_page, kmap_atomic and kmap map for real (tests/kernel/highmem_test.c).
    ('4', '512M', 'kmap_local.force_map=1'),
    # RDSEED/RDRAND not credited: the CRNG gets ready from the cycle counter alone
    # (tests/kernel/random_test.c waits for it).
    ('4', '512M', 'random.trust_cpu=off'),
]

# Boots that must crash cleanly: (label, command line, what the report says).
CRASHES = [
    ('double-fault', 'lkdtm.cpoint_type=DOUBLE_FAULT',
     ['double fault: 0000 [#1]', 'RIP: 0010:lkdtm_double_fault+',
      'Kernel panic - not syncing: Fatal exception']),
    ('bug', 'lkdtm.cpoint_type=BUG',
     ['kernel BUG at kernel/lkdtm.c:', 'invalid opcode: 0000 [#1]',
      'RIP: 0010:lkdtm_bug+', 'Kernel panic - not syncing: Fatal exception']),
    ('panic', 'lkdtm.cpoint_type=PANIC', ['Kernel panic - not syncing: dumptest', 'Call Trace:']),
    # A kthread overflows its vmalloc'd stack into the guard page below: a double fault,
    # reported from its IST stack with the task and its trace (kernel/fork.c, traps.c).
    ('stack-overflow', 'lkdtm.cpoint_type=EXHAUST_STACK',
     ['BUG: stack guard page was hit at', 'kernel stack overflow (double-fault): 0000 [#1]',
      'Comm: lkdtm-stack', 'Call Trace:', ' recursive_loop', ' lkdtm_exhaust_stack+',
      'Kernel panic - not syncing: Fatal exception']),
    ('stack-guard-leading', 'lkdtm.cpoint_type=STACK_GUARD_PAGE_LEADING',
     ['BUG: stack guard page was hit at', 'kernel stack overflow (page fault): 0000 [#1]',
      'Comm: lkdtm-stack', 'RIP: 0010:lkdtm_stack_guard_page_leading+',
      'Kernel panic - not syncing: Fatal exception']),
    ('stack-guard-trailing', 'lkdtm.cpoint_type=STACK_GUARD_PAGE_TRAILING',
     ['BUG: stack guard page was hit at', 'kernel stack overflow (page fault): 0000 [#1]',
      'Comm: lkdtm-stack', 'RIP: 0010:lkdtm_stack_guard_page_trailing+',
      'Kernel panic - not syncing: Fatal exception']),
    ('mem-1M', 'mem=1M', ['Kernel panic - not syncing: Not enough usable memory']),
]


def run_crash_check(a, label, cmdline, expected, tally):
    """Provoke a crash; the report must be complete and QEMU must stop (the
    panic reboots, which -no-reboot turns into an exit) well before the
    timeout: never a silent hang or triple fault."""
    label = 'crash-' + label
    status, text, secs = boot(a.kernel, 'panic=-1 ' + cmdline, a.mem, a.smp, a.accel, 60)
    missing = [e for e in expected if e not in text]
    if status is not None and not missing:
        tally.add(1, 0, 0)
        print('ok %s: reported and stopped (%.1fs)' % (label, secs))
    else:
        tally.add(0, 1, 0)
        print('FAILED %s: %s; console tail:' % (label, 'timed out' if status is None else
                                                'missing %s' % missing))
        print(tail(text))


def bad_initrds(initrd):
    """Broken copies of the test initramfs, each with what the kernel must
    say about it: cut inside the first header of its second (crc) part,
    and that part's magic spoiled. What came before is unpacked either way."""
    with open(initrd, 'rb') as f:
        data = f.read()
    crc = data.find(b'070702')
    spoiled = data[:crc] + b'070709' + data[crc + 6:]
    return [
        ('truncated', data[:crc + 60],
         'Initramfs unpacking failed: truncated archive at offset %d' % crc),
        ('corrupt', spoiled, 'Initramfs unpacking failed: no cpio magic at offset %d' % crc),
    ]


def run_initrd_checks(a, tally):
    """Boot each broken initramfs: the failure is reported with its offset,
    the boot goes on, and the initrd's memory is freed (the initramfs
    suite's case for it passes)."""
    cmdline = 'ktest.run=all ktest.filter=initramfs.initramfs_initrd_memory_is_freed panic=-1'
    for label, data, expected in bad_initrds(INITRD):
        label = 'initrd-' + label
        path = os.path.join(BUILD, '%s.cpio' % label)
        with open(path, 'wb') as f:
            f.write(data)
        status, text, secs = boot(a.kernel, (cmdline + ' ' + a.cmdline).strip(), a.mem, a.smp,
                                  a.accel, min(a.timeout, 120), initrd=path)
        if status == EXIT_PASS and expected in text:
            tally.add(1, 0, 0)
            print('ok %s: reported, boot went on (%.1fs)' % (label, secs))
        else:
            tally.add(0, 1, 0)
            print('FAILED %s: status %s, %r %s; console tail:' % (
                label, status, expected, 'found' if expected in text else 'missing'))
            print(tail(text))


GDB_HELPERS = ['lx-buddyinfo', 'lx-slabinfo', 'lx-vmallocinfo', 'lx-ps', 'lx-dmesg',
               'lx-pte start_kernel']


def run_gdb_check(a, tally):
    """The helpers of tools/gdb/kernel.py on the plain image at its shell,
    through QEMU's gdb stub: each must print what the kernel itself knows."""
    import re
    import socket
    label = 'gdb-helpers'
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    iso = iso_for(a.plain, 'panic=-1 ' + a.cmdline)
    with tempfile.NamedTemporaryFile(suffix='.log', delete=False) as f:
        log = f.name
    cmd = qemu_cmd(iso, a.mem, a.smp, a.accel, ['-serial', 'file:' + log,
                                                '-gdb', 'tcp:127.0.0.1:%d' % port])
    q = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    out, why = '', None
    try:
        start = time.time()
        while '\nready:' not in read(log) and q.poll() is None and time.time() - start < 120:
            time.sleep(0.2)
        if '\nready:' not in read(log):
            why = 'no "ready:" line'
            out = read(log)
        else:
            here = os.path.dirname(os.path.abspath(__file__))
            gcmd = ['gdb', '-batch', '-nx', '-ex', 'set architecture i386:x86-64',
                    '-ex', 'file ' + a.plain, '-ex', 'target remote 127.0.0.1:%d' % port,
                    '-ex', 'source %s/gdb/kernel.py' % here,
                    '-ex', 'print/x &start_kernel']
            for h in GDB_HELPERS:
                gcmd += ['-ex', 'echo ==== %s\\n' % h, '-ex', h]
            r = subprocess.run(gcmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=120)
            out = r.stdout.decode(errors='replace')
    except subprocess.TimeoutExpired:
        why = 'gdb timed out'
    finally:
        q.kill()
        q.wait()
        os.unlink(log)
    if why is None:
        sec = dict(re.findall(r'==== (\S+)[^\n]*\n(.*?)(?=\n==== |\Z)', out, re.S))
        sym = re.search(r'= 0x([0-9a-f]+)', out)
        phys = re.search(r'present, .* phys (0x[0-9a-f]+)', sec.get('lx-pte', ''))
        checks = [
            ('lx-buddyinfo DMA32', re.search(r'^Node 0, zone +DMA32( +\d+){11}',
                                             sec.get('lx-buddyinfo', ''), re.M)),
            ('lx-slabinfo kmalloc-64', re.search(r'^kmalloc-64 ', sec.get('lx-slabinfo', ''),
                                                 re.M)),
            ('lx-ps swapper/0', re.search(r'^ +0 \S+ +\d+ 0x\S+ swapper/0$',
                                          sec.get('lx-ps', ''), re.M)),
            ('lx-ps init', re.search(r'^ +1 \S+ +\d+ 0x\S+ init$', sec.get('lx-ps', ''),
                                     re.M)),
            ('lx-ps kthreadd', re.search(r'^ +2 \S+ +\d+ 0x\S+ kthreadd$',
                                         sec.get('lx-ps', ''), re.M)),
            ('lx-pte start_kernel', sym and phys and
             int(phys.group(1), 16) == int(sym.group(1), 16) - 0xffffffff80000000),
            ('lx-dmesg Memory:/ready:', re.search(r'^\[ *[\d.]+\] Memory: .*?^ready: ',
                                                  sec.get('lx-dmesg', ''), re.M | re.S)),
            ('lx-vmallocinfo', re.search(r'^0x[0-9a-f]{16}-0x[0-9a-f]{16} +\d+ \w',
                                         sec.get('lx-vmallocinfo', ''), re.M)),
        ]
        bad = [n for n, ok in checks if not ok]
        if bad:
            why = 'wrong or missing output: %s' % ', '.join(bad)
    if why is None:
        tally.add(1, 0, 0)
        print('ok %s: %s' % (label, ', '.join(GDB_HELPERS)))
    else:
        tally.add(0, 1, 0)
        print('FAILED %s: %s; output tail:' % (label, why))
        print(tail(out, 60))


def run_plain_check(a, tally):
    """The image of make run has no suites: ktest.run=all must fail, saying so."""
    status, text, secs = boot(a.plain, 'ktest.run=all panic=-1 ' + a.cmdline, a.mem, a.smp,
                              a.accel, 60)
    if status == EXIT_FAIL and 'ktest: this image has no tests' in text:
        tally.add(1, 0, 0)
        print('ok plain-image-refuses-tests: no tests, said so (%.1fs)' % secs)
    else:
        tally.add(0, 1, 0)
        print('FAILED plain-image-refuses-tests: QEMU exit status %s (35 expected); '
              'console tail:' % status)
        print(tail(text))


def cmd_test(a):
    """KERNEL (the DEBUG_VM build in make test) runs every boot but one: the
    first, which runs --nodebug (the same tests without DEBUG_VM) if given."""
    tally = Tally()
    if a.host:
        run_host(a.host, tally)
    if a.nodebug:
        run_kernel_tests(a, 'kernel-nodebug', a.cmdline, a.mem, tally, kernel=a.nodebug,
                         user=True)
    else:
        run_kernel_tests(a, 'kernel', a.cmdline, a.mem, tally, user=True)
    other_smp = '1' if a.smp == '4' else '4'
    run_kernel_tests(a, 'kernel-smp' + other_smp, a.cmdline, a.mem, tally, other_smp,
                     user=True)
    if not a.no_matrix:
        for smp, mem, extra in SMP_MATRIX:
            label = 'kernel-smp%s-%s%s' % (smp, mem, ('-' + extra) if extra else '')
            run_kernel_tests(a, label, (a.cmdline + ' ' + extra).strip(), mem, tally, smp)
        for mem, extra in MATRIX:
            label = 'kernel-%s%s' % (mem, ('-' + extra.replace('$', '_')) if extra else '')
            run_kernel_tests(a, label, (a.cmdline + ' ' + extra).strip(), mem, tally)
        if a.hardened:
            # The build with CONFIG_SLAB_FREELIST_HARDENED (make SLAB_FREELIST_HARDENED=1;
            # make test's has DEBUG_VM too).
            run_kernel_tests(a, 'kernel-hardened-smp4', a.cmdline, a.mem, tally, '4',
                             a.hardened)
        run_boot_check(a, 'boot-junk-cmdline', a.cmdline + ' ' + junk_cmdline(4096, 2), a.mem,
                       tally)
        for label, cmdline, expected in CRASHES:
            run_crash_check(a, label, cmdline, expected, tally)
        if INITRD:
            run_initrd_checks(a, tally)
        if a.plain:
            run_gdb_check(a, tally)
        if a.plain:
            run_plain_check(a, tally)
    print(tally.line())
    return 0 if tally.failed == 0 else 1


def cmd_host(a):
    tally = Tally()
    ok = run_host(a.binary, tally)
    print(tally.line())
    return 0 if ok else 1


def cmd_run(a):
    iso = iso_for(a.kernel, a.cmdline)
    cmd = qemu_cmd(iso, a.mem, a.smp, a.accel, ['-serial', 'mon:stdio'])
    cmd.remove('-monitor')
    cmd.remove('none')
    print('runtest: ' + ' '.join(shlex.quote(c) for c in cmd), file=sys.stderr)
    print('runtest: Ctrl-A X quits QEMU', file=sys.stderr)
    return subprocess.call(cmd)


# Rows from a boot of their own, at the size Documentation/benchmarks.md gives.
BENCH_SIZED = [('memmap_init', '4G', 'memmap_init_per_GiB')]


def bench_boot(a, mem, glob, user=False):
    """The rows of one benchmark boot: the kernel's (ktest.run=bench), or
    with @user the user-space program's (tests/user/bench.c as init, on
    BENCH.md's machine for those rows: -cpu max,-erms -m 1G)."""
    if user:
        cmdline = ('rdinit=/tests/bench panic=-1 %s' % a.cmdline).strip()
        status, text, secs = boot(a.kernel, cmdline, mem, 1, 'tcg', a.timeout,
                                  extra=['-icount', 'shift=0', '-cpu', 'max,-erms'],
                                  initrd=a.user_initrd)
    else:
        cmdline = ('ktest.run=bench ktest.filter=%s panic=-1 %s' % (glob, a.cmdline)).strip()
        status, text, secs = boot(a.kernel, cmdline, mem, 1, 'tcg', a.timeout,
                                  extra=['-icount', 'shift=0'])
    rows = [l.strip() for l in text.splitlines() if l.startswith('bench: ')]
    if 'bench: done' not in rows:
        print('runtest: the benchmark run (-m %s, %s) did not finish (status %s); '
              'console tail:' % (mem, glob, status))
        print(tail(text))
        return None
    return rows[:-1]


def cmd_bench(a):
    rows = bench_boot(a, a.mem, '*')
    if rows is None:
        return 1
    for glob, mem, name in BENCH_SIZED:
        sized = bench_boot(a, mem, glob)
        if sized is None:
            return 1
        rows = [r for r in rows if r.split()[1] != name] + sized
    if a.user_initrd and can_exec(a.kernel):
        user = bench_boot(a, '1G', '*', user=True)
        if user is None:
            return 1
        rows += user
    rows.append('bench: done')
    with open(a.out, 'w') as f:
        f.write('\n'.join(rows) + '\n')
    print('\n'.join(rows))
    return 0


def cmd_gdb(a):
    iso = iso_for(a.kernel, a.cmdline)
    cmd = qemu_cmd(iso, a.mem, a.smp, a.accel, ['-serial', 'file:%s/gdb-serial.log' % BUILD,
                                                '-s', '-S'])
    q = subprocess.Popen(cmd)
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        return subprocess.call(['gdb', '-q', a.kernel,
                                '-ex', 'source %s/gdb/kernel.py' % here,
                                '-ex', 'target remote localhost:1234'])
    finally:
        q.kill()


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)

    def machine(p):
        p.add_argument('--mem', default='512M')
        p.add_argument('--smp', default='1')
        p.add_argument('--accel', default='tcg')
        p.add_argument('--cmdline', default='')
        p.add_argument('--timeout', type=int, default=300)
        p.add_argument('--initrd')
        p.add_argument('kernel')

    p = sub.add_parser('iso')
    p.add_argument('kernel')
    p.add_argument('out')
    p.add_argument('--cmdline', default='')
    p.add_argument('--initrd')
    p = sub.add_parser('host')
    p.add_argument('binary')
    p = sub.add_parser('test')
    machine(p)
    p.add_argument('--host')
    p.add_argument('--no-matrix', action='store_true')
    p.add_argument('--hardened', help='a kernel built with SLAB_FREELIST_HARDENED=1')
    p.add_argument('--nodebug', help='the tests built without DEBUG_VM, for the first boot')
    p.add_argument('--plain', help='the image of make run (no tests), which must refuse them')
    p.add_argument('--user-initrd', help='the initramfs with the user tests (tests/user/): '
                   'the first two boots run them when the kernel can exec')
    machine(sub.add_parser('run'))
    p = sub.add_parser('bench')
    machine(p)
    p.add_argument('--out', default=os.path.join(BUILD, 'bench.txt'))
    p.add_argument('--user-initrd', help='the initramfs with tests/user/bench.c: its rows '
                   'too, when the kernel can exec')
    machine(sub.add_parser('gdb'))
    a = ap.parse_args()
    global INITRD
    INITRD = getattr(a, 'initrd', None)
    if a.cmd == 'iso':
        make_iso(a.kernel, a.out, a.cmdline, a.initrd)
        return 0
    return {'test': cmd_test, 'host': cmd_host, 'run': cmd_run, 'bench': cmd_bench,
            'gdb': cmd_gdb}[a.cmd](a)


if __name__ == '__main__':
    sys.exit(main())
