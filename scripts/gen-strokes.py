#!/usr/bin/env python3
"""Writes documents/strokes.bin: the stroke count (笔画数) of every CJK
character from U+3400 to U+9FFF, one byte each (0 when unknown), from
Unihan's kTotalStrokes (its first value: the count of the mainland's
standard forms, 陈 7, not the 8 of counting 阝 as three strokes).
Unihan comes with Debian's unicode-data package:
    apt-get install unicode-data && python3 scripts/gen-strokes.py
"""
import bz2
import os
import sys

FIRST, LAST = 0x3400, 0x9FFF
src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/Unihan_IRGSources.txt.bz2"
counts = bytearray(LAST - FIRST + 1)
with bz2.open(src, "rt", encoding="utf-8") as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 3 and parts[1] == "kTotalStrokes":
            cp = int(parts[0][2:], 16)
            if FIRST <= cp <= LAST:
                counts[cp - FIRST] = int(parts[2].split()[0])
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "documents", "strokes.bin")
with open(out, "wb") as f:
    f.write(counts)
print("wrote", os.path.normpath(out))
