#!/usr/bin/env python3
"""Medians of paired A/B rounds written by ab-rounds.sh, and new/base ratios.

    python3 benchmarks/ab/medians.py OUT_DIR
"""
import json
import re
import statistics
import sys
from pathlib import Path


def objects(path):
    """The JSON objects of one result file; other lines (build or error output) are skipped."""
    found = []
    for line in path.read_text().splitlines():
        if line.startswith("{"):
            found.append(json.loads(line))
    return found


def main(out):
    rows = {}
    for path in sorted(out.glob("*-*-*.json")):
        kind, version, _ = path.stem.split("-")
        for o in objects(path):
            if kind == "pp":
                key = ("ping-pong p50 ns", o["mechanism"])
                value = o["p50_ns"]
            elif o["run"] == "ping-pong":
                key = ("mailbox ping-pong p50 ns", o["kind"] + " (alongside " + o["alongside"] + ")")
                value = o["p50_ns"]
            else:
                key = ("throughput msg/s", "%d-to-1 %s %s" % (o["senders"], o["codec"], o["policy"]))
                value = o["msgs_per_s"]
            rows.setdefault(key, {}).setdefault(version, []).append(value)
    print("| figure | what | base median | new median | new/base | base runs | new runs |")
    print("|---|---|---|---|---|---|---|")
    for (figure, what), runs in rows.items():
        if "base" in runs and "new" in runs:
            b, n = statistics.median(runs["base"]), statistics.median(runs["new"])
            print("| %s | %s | %.0f | %.0f | %.2f | %s | %s |" % (figure, what, b, n, n / b, runs["base"], runs["new"]))
    for path in sorted(out.glob("c-*.txt")):
        found = re.findall(r"^(spin|futex)\s+\d+\s+\d+\s+(\d+)", path.read_text(), re.M)
        print("C baseline %s: %s" % (path.stem, ", ".join("%s p50 %s ns" % m for m in found)))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
