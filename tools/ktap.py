#!/usr/bin/env python3
"""KTAP version 1 parser: turns captured console output into a verdict.

Usage: ktap.py FILE     prints failures and "N passed, N failed, N skipped";
                        exit status 0 only when the document is complete and
                        nothing failed.

The document starts at the first "KTAP version 1" line without indentation;
what comes before (firmware, boot loader, boot log) is ignored. A test block
is "KTAP version 1", an optional "# Subtest: NAME", the plan "1..N", then N
result lines "ok I NAME [# SKIP reason]" / "not ok I NAME", each level
indented four spaces more than its parent. Lines at a block's indentation
starting with "# " are diagnostics for the next result. Anything else
(timestamped kernel messages, oops reports) is log output: it is kept and
shown with the failure that follows it.

A "TAP version 13" document at the top level after the first (the user
tests' runner, tests/user/runner.c, prints one after the kernel's suites)
is read the same way, as kselftest's runner.sh nests it: each program's
result "ok N selftests: COLLECTION: NAME" follows its own TAP, every line
of it behind "# "; that inner document, when it has a plan, gives the
program's cases as its children. A plan may carry a directive ("1..0 #
SKIP why": nothing ran).

Counting is by leaf: a case's parameters count one by one, a suite counts
through its cases, a program through its own results. A failed result
whose children all passed (a program that crashed after its last case, a
shorter run than planned) counts as one failure more. The document is broken (and the run failed) when a plan
is missing, results are numbered out of order, fewer results than planned
arrive (a crash or truncated output), or there is no KTAP document at all.
"""
import re
import sys

RESULT = re.compile(r'^(not ok|ok) (\d+)(?: (.*?))?(?: # (SKIP|TODO)(?: (.*))?)?$')
PLAN = re.compile(r'^1\.\.(\d+)(?: # .*)?$')
VERSION = re.compile(r'^(?:KTAP version 1|TAP version 13)$')
SUBTEST = re.compile(r'^# Subtest: (.*)$')


class Test:
    def __init__(self, name=''):
        self.name = name
        self.status = None          # 'pass', 'fail', 'skip'
        self.diagnostics = []       # '# ' lines and log lines before the result
        self.children = []
        self.plan = None

    def leaves(self):
        if not self.children:
            yield self
        for c in self.children:
            yield from c.leaves()


class Parser:
    def __init__(self, lines):
        self.lines = [l.rstrip('\r\n').replace('\r', '') for l in lines]
        self.i = 0
        self.errors = []
        self.documents = []         # the version line of each top-level document

    @staticmethod
    def split(line):
        stripped = line.lstrip(' ')
        return len(line) - len(stripped), stripped

    def is_structural(self, stripped):
        return bool(RESULT.match(stripped) or VERSION.match(stripped) or
                    PLAN.match(stripped))

    def parse_block(self, indent, path):
        """Parse from a "KTAP version" (or "# Subtest:") line at @indent."""
        block = Test()
        pending = []                # diagnostics for the next result
        child = None
        while self.i < len(self.lines):
            ind, s = self.split(self.lines[self.i])
            if ind < indent and self.is_structural(s):
                break               # the parent's result ends this block
            if ind == indent == 0 and VERSION.match(s) and block.plan is not None:
                break               # the next top-level document
            if ind == indent and VERSION.match(s) and block.plan is None:
                self.i += 1
                continue
            if ind == indent and SUBTEST.match(s) and block.plan is None:
                block.name = SUBTEST.match(s).group(1)
                self.i += 1
                continue
            if ind == indent and PLAN.match(s) and block.plan is None:
                block.plan = int(PLAN.match(s).group(1))
                self.i += 1
                continue
            if ind == indent + 4 and (VERSION.match(s) or SUBTEST.match(s)):
                child = self.parse_block(indent + 4, path + [block.name])
                continue
            m = RESULT.match(s) if ind == indent else None
            if m:
                self.i += 1
                t = Test(m.group(3) or '')
                t.status = ('skip' if m.group(4) == 'SKIP' else
                            'pass' if m.group(1) == 'ok' else 'fail')
                t.diagnostics = pending
                pending = []
                if child is not None:
                    t.children = child.children
                    t.plan = child.plan
                    pending_child_diag = child.diagnostics
                    t.diagnostics = pending_child_diag + t.diagnostics
                    child = None
                else:
                    self.nest_prefixed(t)
                expect = len(block.children) + 1
                if int(m.group(2)) != expect:
                    self.errors.append('%s: result %s numbered %s, expected %d' % (
                        '.'.join(path + [block.name]) or 'top', t.name, m.group(2), expect))
                block.children.append(t)
                continue
            pending.append(s if ind == indent and s.startswith('#') else self.lines[self.i])
            self.i += 1
        block.diagnostics = pending
        where = '.'.join([p for p in path + [block.name] if p]) or 'top level'
        if block.plan is None:
            self.errors.append('%s: no plan line' % where)
        elif len(block.children) < block.plan:
            self.errors.append('%s: planned %d results, got %d (crash or truncated output)'
                               % (where, block.plan, len(block.children)))
        elif len(block.children) > block.plan:
            self.errors.append('%s: planned %d results, got %d' % (
                where, block.plan, len(block.children)))
        return block

    @staticmethod
    def nest_prefixed(t):
        """A kselftest program's own TAP, its lines behind "# " in the
        diagnostics before its result, becomes @t's children."""
        inner = [d[2:] if d.startswith('# ') else '' for d in t.diagnostics]
        starts = [k for k, d in enumerate(inner) if VERSION.match(d)]
        if not starts:
            return
        sub = Parser(inner[starts[-1]:])
        block = sub.parse_block(0, [])
        if block.plan is not None:
            t.children = block.children
            t.plan = block.plan

    def parse(self):
        """Every top-level document in turn, as the children of one root."""
        root = None
        while self.i < len(self.lines):
            ind, s = self.split(self.lines[self.i])
            if ind == 0 and VERSION.match(s):
                doc = self.parse_block(0, [])
                self.documents.append(s)
                if root is None:
                    root = doc
                else:
                    root.children += doc.children
                continue
            self.i += 1
        if root is None:
            self.errors.append('no KTAP document in the output')
        return root


def failures(test, path=()):
    """(path, test) for every failed leaf and failed parent without leaves."""
    for c in test.children:
        p = path + (c.name,)
        if c.children:
            if c.status == 'fail' and not any(l.status == 'fail' for l in c.leaves()):
                yield p, c
            yield from failures(c, p)
        elif c.status == 'fail':
            yield p, c


def report(text, label='', out=sys.stdout):
    """Parse @text, print failures and a count line. Returns (passed, failed,
    skipped, ok)."""
    p = Parser(text.splitlines())
    root = p.parse()
    passed = failed = skipped = 0
    if root is not None:
        for leaf in root.leaves():
            if leaf is root:
                continue
            if leaf.status == 'pass':
                passed += 1
            elif leaf.status == 'skip':
                skipped += 1
            else:
                failed += 1
        for path, t in failures(root):
            failed += bool(t.children)      # failed, though every child passed
            print('FAILED %s%s' % (label, '.'.join(path)), file=out)
            for d in t.diagnostics[-40:]:
                print('    ' + d, file=out)
    for e in p.errors:
        print('BROKEN %s%s' % (label, e), file=out)
    ok = root is not None and not p.errors and failed == 0
    return passed, failed, skipped, ok


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], errors='replace') as f:
        passed, failed, skipped, ok = report(f.read())
    print('%d passed, %d failed, %d skipped' % (passed, failed, skipped))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
