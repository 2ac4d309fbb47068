#!/usr/bin/env python3
"""Validate the inline-annotated entity gold set and print counts.

Usage:
    python3 check.py            # validate all NN-slug.txt files next to this script
    python3 check.py --lint     # also list unmarked occurrences of marked surfaces
    python3 check.py FILE...    # validate only the given files

Markup: [[kind|surface text]] with kind in KINDS. No nesting, no empty
surface, no stray "[[", "]]" or "|" outside a mention. Exit status is 1 when
any syntax error is found, so the script can run in CI.
"""

import re
import sys
from collections import Counter
from pathlib import Path

KINDS = ("person", "organization", "place", "group", "event", "date", "quantity")
MIN_WORDS, MAX_WORDS = 350, 600


def parse(text):
    """Return (plain_text, mentions, errors).

    mentions: list of (kind, surface, start, end) with offsets into plain_text,
    so a consumer can rebuild character spans of the unmarked article.
    """
    plain = []
    mentions = []
    errors = []
    pos = 0
    out_len = 0
    line_of = lambda i: text.count("\n", 0, i) + 1  # noqa: E731
    while True:
        open_i = text.find("[[", pos)
        close_stray = text.find("]]", pos)
        if close_stray != -1 and (open_i == -1 or close_stray < open_i):
            errors.append(f"line {line_of(close_stray)}: ']]' without '[['")
        if open_i == -1:
            plain.append(text[pos:])
            break
        chunk = text[pos:open_i]
        plain.append(chunk)
        out_len += len(chunk)
        close_i = text.find("]]", open_i + 2)
        if close_i == -1:
            errors.append(f"line {line_of(open_i)}: '[[' never closed")
            plain.append(text[open_i:])
            break
        inner = text[open_i + 2 : close_i]
        ln = line_of(open_i)
        if "[[" in inner:
            errors.append(f"line {ln}: nested '[[' in {inner!r}")
        if "\n" in inner:
            errors.append(f"line {ln}: mention spans a line break: {inner!r}")
        if "|" not in inner:
            errors.append(f"line {ln}: missing '|' in {inner!r}")
            kind, surface = "", inner
        else:
            kind, surface = inner.split("|", 1)
        if "|" in surface:
            errors.append(f"line {ln}: extra '|' in {inner!r}")
        if kind not in KINDS:
            errors.append(f"line {ln}: unknown kind {kind!r} in {inner!r}")
        if not surface.strip():
            errors.append(f"line {ln}: empty surface in {inner!r}")
        elif surface != surface.strip():
            errors.append(f"line {ln}: surface has outer whitespace: {inner!r}")
        mentions.append((kind, surface, out_len, out_len + len(surface)))
        plain.append(surface)
        out_len += len(surface)
        pos = close_i + 2
    plain_text = "".join(plain)
    return plain_text, mentions, errors


def lint(plain, mentions):
    """Surfaces marked somewhere but also present unmarked (likely misses)."""
    covered = [False] * len(plain)
    for _, _, s, e in mentions:
        for i in range(s, e):
            covered[i] = True
    warnings = []
    for surface in sorted({m[1] for m in mentions}):
        if len(surface) < 3 and not surface.isupper():
            continue
        pat = re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w])")
        for m in pat.finditer(plain):
            if not any(covered[m.start() : m.end()]):
                ctx = plain[max(0, m.start() - 30) : m.end() + 30].replace("\n", " ")
                warnings.append(f"unmarked {surface!r}: ...{ctx}...")
    return warnings


def main(argv):
    want_lint = "--lint" in argv
    args = [a for a in argv if not a.startswith("--")]
    here = Path(__file__).resolve().parent
    files = [Path(a) for a in args] or sorted(here.glob("[0-9][0-9]-*.txt"))
    if not files:
        print("no gold files found", file=sys.stderr)
        return 1
    total = Counter()
    n_errors = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        plain, mentions, errors = parse(text)
        words = len(plain.split())
        per = Counter(k for k, _, _, _ in mentions)
        total.update(per)
        flag = "" if MIN_WORDS <= words <= MAX_WORDS else f"  WARNING: {words} words outside {MIN_WORDS}-{MAX_WORDS}"
        print(f"{f.name}: {len(mentions)} mentions, {words} words{flag}")
        for e in errors:
            print(f"  ERROR {e}")
        n_errors += len(errors)
        if want_lint:
            for w in lint(plain, mentions):
                print(f"  lint {w}")
    print()
    for k in KINDS:
        print(f"{k:13s}{total[k]:5d}")
    print(f"{'TOTAL':13s}{sum(total.values()):5d}  in {len(files)} files")
    if n_errors:
        print(f"{n_errors} syntax error(s)")
        return 1
    print("syntax OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
