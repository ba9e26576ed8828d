#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# session-cpu: CPU that a running session costs, the app's process and
# the X server's together, against the reference animation of
# ../shared/bench/REFERENCE.md (one circle from a tick callback in an
# 800x600 AdwApplicationWindow). Both run with an 800x600 window under one
# Xvfb with GSK_RENDERER=cairo, alternately, for several rounds; each
# measure is the CPU ticks of the two processes over MEASURE seconds
# after SETTLE seconds. Prints every round, the medians and the ratio.
# Target: ratio <= 1.0.
#
# It reports and exits 0 whatever the figures: on a shared machine a
# benchmark must not fail a build; the figures are for people to read.
#
# usage: bench-session-cpu.py BACKBREATH REFERENCE SCHEMA-ID SCHEMA-DIR [ROUNDS]

import os
import subprocess
import sys
import tempfile
import time

import benchlib

SETTLE = 2
MEASURE = 10
TARGET = 1.0


def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15; the split starts at field 3.
    return int(fields[11]) + int(fields[12])


def measure(argv, display):
    log = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen(argv, env=display.env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        time.sleep(SETTLE)
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"{argv[0]} exited early with {proc.returncode}:\n{log.read()}")
        app_before, x_before = ticks(proc.pid), ticks(display.xvfb.pid)
        time.sleep(MEASURE)
        app_after, x_after = ticks(proc.pid), ticks(display.xvfb.pid)
        if proc.poll() is not None:
            raise RuntimeError(f"{argv[0]} exited during the measurement")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return app_after - app_before, x_after - x_before


def main():
    app, reference, schema_id, schema_dir = sys.argv[1:5]
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    hz = os.sysconf("SC_CLK_TCK")
    runs = {"app": [], "ref": []}
    ratios = []

    with benchlib.Display(schema_id, schema_dir) as display:
        for i in range(rounds):
            # A 5-minute session, so that it runs through the measurement.
            programs = [("app", [app, "--start", "daily"]), ("ref", [reference])]
            if i % 2:
                programs.reverse()
            for name, argv in programs:
                runs[name].append(measure(argv, display))
            (aa, ax), (ra, rx) = runs["app"][-1], runs["ref"][-1]
            ratios.append((aa + ax) / (ra + rx))
            print(f"session-cpu round {i + 1}: app {aa} + X {ax} = {aa + ax} ticks; "
                  f"reference {ra} + X {rx} = {ra + rx} ticks; ratio {ratios[-1]:.2f}")

    def med(name, k):
        return benchlib.median([r[k] for r in runs[name]])

    app_total = benchlib.median([a + x for a, x in runs["app"]])
    ref_total = benchlib.median([a + x for a, x in runs["ref"]])
    ratio = benchlib.median(ratios)
    print(f"session-cpu: medians of {rounds} alternating rounds, {MEASURE} s each after {SETTLE} s, "
          f"{hz} ticks a second, 800x600 windows")
    print(f"session-cpu: backbreath --start daily: app {med('app', 0):.0f} + X {med('app', 1):.0f} "
          f"= {app_total:.0f} ticks")
    print(f"session-cpu: reference circle: app {med('ref', 0):.0f} + X {med('ref', 1):.0f} "
          f"= {ref_total:.0f} ticks")
    print(f"session-cpu: ratio {ratio:.2f} (median of the rounds' ratios; "
          f"target <= {TARGET:.1f}: {'met' if ratio <= TARGET else 'NOT met'})")


if __name__ == "__main__":
    main()
