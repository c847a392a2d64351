#!/usr/bin/env python3
"""Write a cpio archive (newc, or crc with -c) from a list of entries.

The list format is Linux's usr/gen_init_cpio's, so device nodes and owners
need no root privileges:

  # a comment
  file <name> <location> <mode> <uid> <gid> [<hard links>...]
  dir <name> <mode> <uid> <gid>
  nod <name> <mode> <uid> <gid> <dev_type> <maj> <min>    dev_type: c or b
  slink <name> <target> <mode> <uid> <gid>
  pipe <name> <mode> <uid> <gid>
  sock <name> <mode> <uid> <gid>

<name> is the path in the archive (stored without its leading '/'), <mode>
octal, <location> a file on this machine, relative to the current
directory. A file with hard links is one inode with several names; its data
is stored once, with the last name, as cpio does.

  gen_init_cpio.py [-t TIMESTAMP] [-c] [-o OUT] LIST

-t sets every entry's mtime (default: the file's own for files, now for the
rest; SOURCE_DATE_EPOCH also sets it), -c writes the crc format (magic
070702, each file's checksum the sum of its data bytes). The archive ends
with TRAILER!!! and is padded to 512 bytes. Errors name the list's line.
"""
import argparse
import os
import stat
import sys
import time


class Writer:
    def __init__(self, crc, fixed_mtime):
        self.out = bytearray()
        self.crc = crc
        self.fixed_mtime = fixed_mtime      # -t, or None
        self.mtime = int(time.time()) if fixed_mtime is None else fixed_mtime
        self.ino = 721

    def pad(self, align):
        self.out += b'\0' * (-len(self.out) % align)

    def entry(self, name, mode, uid, gid, nlink=1, mtime=None, data=b'', rdev=(0, 0),
              ino=None):
        name = name.lstrip('/').encode() + b'\0'
        if ino is None:
            ino = self.ino
            self.ino += 1
        check = sum(data) & 0xffffffff if self.crc else 0
        fields = [ino, mode, uid, gid, nlink, self.mtime if mtime is None else mtime,
                  len(data), 0, 0, rdev[0], rdev[1], len(name), check]
        self.out += (b'070702' if self.crc else b'070701')
        self.out += b''.join(b'%08X' % f for f in fields)
        self.out += name
        self.pad(4)
        self.out += data
        self.pad(4)

    def trailer(self):
        self.entry('TRAILER!!!', 0, 0, 0, ino=0)
        self.pad(512)


def octal(word):
    return int(word, 8)


def parse_line(w, words):
    kind, args = words[0], words[1:]
    counts = {'dir': 4, 'nod': 7, 'slink': 5, 'pipe': 4, 'sock': 4}
    if kind == 'file':
        if len(args) < 5:
            raise ValueError('file needs <name> <location> <mode> <uid> <gid>')
        name, location, mode, uid, gid = args[:5]
        with open(location, 'rb') as f:
            data = f.read()
        mtime = w.fixed_mtime if w.fixed_mtime is not None else int(os.stat(location).st_mtime)
        names = [name] + args[5:]
        ino = w.ino
        w.ino += 1
        for i, n in enumerate(names):
            last = i == len(names) - 1
            w.entry(n, stat.S_IFREG | octal(mode), int(uid), int(gid), len(names), mtime,
                    data if last else b'', ino=ino)
        return
    if kind not in counts:
        raise ValueError('unknown entry type %r' % kind)
    if len(args) != counts[kind]:
        raise ValueError('%s needs %d fields, not %d' % (kind, counts[kind], len(args)))
    if kind == 'dir':
        w.entry(args[0], stat.S_IFDIR | octal(args[1]), int(args[2]), int(args[3]))
    elif kind == 'nod':
        name, mode, uid, gid, dev_type, maj, mi = args
        if dev_type not in ('c', 'b'):
            raise ValueError('dev_type must be c or b, not %r' % dev_type)
        fmt = stat.S_IFCHR if dev_type == 'c' else stat.S_IFBLK
        w.entry(name, fmt | octal(mode), int(uid), int(gid), rdev=(int(maj), int(mi)))
    elif kind == 'slink':
        name, target, mode, uid, gid = args
        w.entry(name, stat.S_IFLNK | octal(mode), int(uid), int(gid), data=target.encode())
    elif kind == 'pipe':
        w.entry(args[0], stat.S_IFIFO | octal(args[1]), int(args[2]), int(args[3]))
    else:
        w.entry(args[0], stat.S_IFSOCK | octal(args[1]), int(args[2]), int(args[3]))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('-t', type=int, dest='mtime',
                    default=os.environ.get('SOURCE_DATE_EPOCH'))
    ap.add_argument('-c', action='store_true', dest='crc')
    ap.add_argument('-o', dest='out')
    ap.add_argument('list')
    a = ap.parse_args()
    mtime = int(a.mtime) if a.mtime is not None else None
    w = Writer(a.crc, mtime)
    with open(a.list) as f:
        for n, line in enumerate(f, 1):
            words = line.split()
            if not words or words[0].startswith('#'):
                continue
            try:
                parse_line(w, words)
            except (ValueError, OSError) as e:
                sys.exit('%s:%d: %s' % (a.list, n, e))
    w.trailer()
    if a.out:
        with open(a.out, 'wb') as f:
            f.write(w.out)
    else:
        sys.stdout.buffer.write(w.out)
    return 0


if __name__ == '__main__':
    sys.exit(main())
