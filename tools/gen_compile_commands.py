#!/usr/bin/env python3
"""compile_commands.json (clang's JSON compilation database) from the
commands of a dry run of the Makefile on standard input:

  make -nB V=1 KTEST=1 OBJECTS... | gen_compile_commands.py > compile_commands.json

Every line that compiles one source (-c FILE) becomes an entry; the rest
(mkdir, stamps, links) is ignored. Nothing is built, so build/ is untouched.
"""
import json
import os
import shlex
import sys


def entry(line, directory):
    try:
        args = shlex.split(line)
    except ValueError:
        return None
    if '-c' not in args:
        return None
    i = args.index('-c')
    if i + 1 >= len(args) or not args[i + 1].endswith(('.c', '.S')):
        return None
    out = args[args.index('-o') + 1] if '-o' in args[:-1] else None
    e = {'directory': directory, 'arguments': args, 'file': args[i + 1]}
    if out:
        e['output'] = out
    return e


def main():
    directory = os.getcwd()
    entries = [e for e in (entry(l, directory) for l in sys.stdin) if e]
    if not entries:
        sys.exit('gen_compile_commands: no compile commands on standard input')
    json.dump(entries, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
