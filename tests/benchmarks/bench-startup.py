#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# startup: time from exec to the main window mapped, and to its first
# drawing, for backbreath and for the smallest libadwaita window, started
# alternately under one Xvfb. Prints every round, the medians, their
# ratios and the gap in milliseconds. Target: mapped <= 1.10x the bare
# window.
#
# It measures twice, in two environments:
# - "as people run it": GTK probes GL at display set-up, GIO loads its
#   modules and every widget is published on the accessibility bus, as
#   on a GNOME desktop (only the renderer is cairo: Xvfb has no GPU);
# - "lean": with GDK_DEBUG=gl-disable and no GIO modules, as in the test
#   suite, and no accessibility (GTK_A11Y=none), which take away most of
#   what any GTK program pays to start, so the same gap in milliseconds
#   is a larger ratio.
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

# What keeps a GTK program's start small, and people's sessions do not
# set. (GTK 4 does not read NO_AT_BRIDGE, which the test suite sets too.)
LEAN = {
    "GDK_DEBUG": "gl-disable",
    "GIO_MODULE_DIR": "/nonexistent",
    "GTK_A11Y": "none",
    "GTK_USE_PORTAL": "0",
}


def launch(launcher, program, env):
    out = subprocess.run([launcher, program], env=env, check=True, timeout=60,
                         stdout=subprocess.PIPE, text=True).stdout
    mapped, frame = (float(x) for x in out.split())
    return mapped, frame


def measure(name, launcher, programs, env, rounds):
    times = {key: [] for key, _ in programs}

    # Once each first, so that all start with warm caches (and, as
    # people run it, with the accessibility bus up).
    for _, program in programs:
        launch(launcher, program, env)
    for i in range(rounds):
        # Rotate which goes first, so none always follows another.
        order = programs[i % 3:] + programs[:i % 3]
        for key, program in order:
            times[key].append(launch(launcher, program, env))
        print(f"startup ({name}) round {i + 1}: backbreath mapped {times['app'][-1][0]:.0f} ms, "
              f"first frame {times['app'][-1][1]:.0f} ms; bare window mapped "
              f"{times['bare'][-1][0]:.0f} ms, first frame {times['bare'][-1][1]:.0f} ms; "
              f"header window mapped {times['header'][-1][0]:.0f} ms")

    app_map = benchlib.median([t[0] for t in times["app"]])
    bare_map = benchlib.median([t[0] for t in times["bare"]])
    header_map = benchlib.median([t[0] for t in times["header"]])
    app_frame = benchlib.median([t[1] for t in times["app"]])
    bare_frame = benchlib.median([t[1] for t in times["bare"]])
    ratio = app_map / bare_map
    print(f"startup ({name}): medians of {rounds} alternating starts")
    print(f"startup ({name}): exec to window mapped: backbreath {app_map:.0f} ms, "
          f"bare window {bare_map:.0f} ms, {app_map - bare_map:.0f} ms more, ratio {ratio:.2f} "
          f"(target <= {TARGET:.2f}: {'met' if ratio <= TARGET else 'NOT met'})")
    print(f"startup ({name}): exec to first frame: backbreath {app_frame:.0f} ms, "
          f"bare window {bare_frame:.0f} ms, {app_frame - bare_frame:.0f} ms more, "
          f"ratio {app_frame / bare_frame:.2f}")
    print(f"startup ({name}): second yardstick, bare window + header bar, title and one "
          f"symbolic icon: mapped {header_map:.0f} ms, {header_map / bare_map:.2f}x the bare "
          f"window; backbreath {app_map / header_map:.2f}x it")


def main():
    launcher, app, bare, header, schema_id, schema_dir = sys.argv[1:7]
    rounds = int(sys.argv[7]) if len(sys.argv) > 7 else 9
    programs = [("app", app), ("bare", bare), ("header", header)]

    with benchlib.Display(schema_id, schema_dir) as display:
        people = {k: v for k, v in display.env.items()
                  if k not in LEAN and k != "NO_AT_BRIDGE"}
        measure("as people run it", launcher, programs, people, rounds)
        measure("lean", launcher, programs, dict(people, **LEAN), rounds)


if __name__ == "__main__":
    main()
