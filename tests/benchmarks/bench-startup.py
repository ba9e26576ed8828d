#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# startup: time from exec to the main window mapped, and to its first
# drawing, for backbreath and for the smallest libadwaita window, started
# alternately under one Xvfb. Prints every round, the medians and their
# ratios. Target: mapped <= 1.10x the bare window.
#
# A second yardstick, printed apart and with no target of its own: the
# bare window with a header bar, its title and one symbolic icon, what
# any GNOME app's first frame shows. The bare window sets up no font and
# reads no icon theme; this one does, and so tells how much of the gap
# is the price of showing any text and icon at all.
#
# It reports and exits 0 whatever the figures: on a shared machine a
# benchmark must not fail a build; the figures are for people to read.
#
# usage: bench-startup.py LAUNCH-TIME BACKBREATH BARE-WINDOW HEADER-WINDOW SCHEMA-ID SCHEMA-DIR
#                         [ROUNDS]

import subprocess
import sys

import benchlib

TARGET = 1.10


def launch(launcher, program, env):
    out = subprocess.run([launcher, program], env=env, check=True, timeout=60,
                         stdout=subprocess.PIPE, text=True).stdout
    mapped, frame = (float(x) for x in out.split())
    return mapped, frame


def main():
    launcher, app, bare, header, schema_id, schema_dir = sys.argv[1:7]
    rounds = int(sys.argv[7]) if len(sys.argv) > 7 else 9
    times = {"app": [], "bare": [], "header": []}
    programs = [("app", app), ("bare", bare), ("header", header)]

    with benchlib.Display(schema_id, schema_dir) as display:
        # Once each first, so that all start with warm caches.
        launch(launcher, app, display.env)
        launch(launcher, bare, display.env)
        launch(launcher, header, display.env)
        for i in range(rounds):
            # Rotate which goes first, so none always follows another.
            order = programs[i % 3:] + programs[:i % 3]
            for name, program in order:
                times[name].append(launch(launcher, program, display.env))
            print(f"startup round {i + 1}: backbreath mapped {times['app'][-1][0]:.0f} ms, "
                  f"first frame {times['app'][-1][1]:.0f} ms; bare window mapped "
                  f"{times['bare'][-1][0]:.0f} ms, first frame {times['bare'][-1][1]:.0f} ms; "
                  f"header window mapped {times['header'][-1][0]:.0f} ms")

    app_map = benchlib.median([t[0] for t in times["app"]])
    bare_map = benchlib.median([t[0] for t in times["bare"]])
    app_frame = benchlib.median([t[1] for t in times["app"]])
    bare_frame = benchlib.median([t[1] for t in times["bare"]])
    ratio = app_map / bare_map
    print(f"startup: medians of {rounds} alternating starts")
    print(f"startup: exec to window mapped: backbreath {app_map:.0f} ms, bare window {bare_map:.0f} ms, "
          f"ratio {ratio:.2f} (target <= {TARGET:.2f}: {'met' if ratio <= TARGET else 'NOT met'})")
    print(f"startup: exec to first frame: backbreath {app_frame:.0f} ms, bare window {bare_frame:.0f} ms, "
          f"ratio {app_frame / bare_frame:.2f}")
    header_map = benchlib.median([t[0] for t in times["header"]])
    print(f"startup: second yardstick, bare window + header bar, title and one symbolic icon: "
          f"mapped {header_map:.0f} ms, {header_map / bare_map:.2f}x the bare window; "
          f"backbreath {app_map / header_map:.2f}x it")


if __name__ == "__main__":
    main()
