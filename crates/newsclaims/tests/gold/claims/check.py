#!/usr/bin/env python3
"""Validate the claim-extraction gold set: every NN-slug.txt must have a NN-slug.tsv.

Usage: python3 check.py [DIR]   (DIR defaults to this script's directory)
Exit status is 1 when any problem is found; problems are printed one per line.
"""
import collections
import pathlib
import sys

HEADER = ["key", "kind", "form", "speaker", "target"]
KINDS = {"statement", "accusation", "denial", "prediction"}
FORMS = {"direct_quote", "partial_quote", "reported", "according_to", "unattributed"}


def check_pair(txt_path, tsv_path, problems, kinds, forms):
    text = txt_path.read_text(encoding="utf-8")
    lines = tsv_path.read_text(encoding="utf-8").split("\n")
    name = tsv_path.name
    words = len(text.split())
    if not 350 <= words <= 600:
        problems.append(f"{txt_path.name}: {words} words, expected 350-600")
    # The headline (and byline, when present) are never claim sources.
    text_lines = text.split("\n")
    preamble = 2 if len(text_lines) > 1 and text_lines[1].startswith("By ") else 1
    body_start = sum(len(l) + 1 for l in text_lines[:preamble])
    lower = text.lower()
    if not lines or lines[0].split("\t") != HEADER:
        problems.append(f"{name}: bad header {lines[0]!r}")
    seen = set()
    count = 0
    for no, line in enumerate(lines[1:], start=2):
        if line == "":
            continue
        cols = line.split("\t")
        where = f"{name}:{no}"
        if len(cols) != 5:
            problems.append(f"{where}: {len(cols)} columns, expected 5")
            continue
        key, kind, form, speaker, target = cols
        count += 1
        kinds[kind] += 1
        forms[form] += 1
        if kind not in KINDS:
            problems.append(f"{where}: bad kind {kind!r}")
        if form not in FORMS:
            problems.append(f"{where}: bad form {form!r}")
        n = text.count(key)
        if n != 1:
            problems.append(f"{where}: key occurs {n} times: {key!r}")
        elif text.find(key) < body_start:
            problems.append(f"{where}: key is in the headline/byline: {key!r}")
        if not 4 <= len(key.split()) <= 12:
            problems.append(f"{where}: key has {len(key.split())} words (4-12)")
        if key in seen:
            problems.append(f"{where}: duplicate key")
        seen.add(key)
        if (form == "unattributed") != (speaker == "-"):
            problems.append(f"{where}: speaker must be '-' exactly when form is unattributed")
        for label, value in (("speaker", speaker), ("target", target)):
            if value.lower().startswith(("the ", "a ", "an ")):
                problems.append(f"{where}: {label} {value!r} must not start with an article")
        if speaker != "-" and speaker.lower() not in lower:
            problems.append(f"{where}: speaker {speaker!r} not found in article")
        if kind in ("accusation", "denial"):
            if target == "-":
                problems.append(f"{where}: {kind} needs a target")
            elif target.lower() not in lower:
                problems.append(f"{where}: target {target!r} not found in article")
        elif target != "-":
            problems.append(f"{where}: target must be '-' for {kind}")
    return count


def main():
    root = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parent
    problems = []
    kinds = collections.Counter()
    forms = collections.Counter()
    total = 0
    txts = sorted(root.glob("[0-9][0-9]-*.txt"))
    for txt in txts:
        tsv = txt.with_suffix(".tsv")
        if not tsv.exists():
            problems.append(f"{txt.name}: missing sidecar {tsv.name}")
            continue
        n = check_pair(txt, tsv, problems, kinds, forms)
        print(f"{txt.stem:32} {n:3} claims")
        total += n
    for tsv in sorted(root.glob("[0-9][0-9]-*.tsv")):
        if not tsv.with_suffix(".txt").exists():
            problems.append(f"{tsv.name}: missing article {tsv.with_suffix('.txt').name}")
    print(f"{'TOTAL':32} {total:3} claims in {len(txts)} articles")
    print("kinds: " + ", ".join(f"{k}={kinds[k]}" for k in sorted(kinds)))
    print("forms: " + ", ".join(f"{k}={forms[k]}" for k in sorted(forms)))
    for p in problems:
        print("PROBLEM: " + p)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
