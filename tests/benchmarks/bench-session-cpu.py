#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# session-cpu: CPU seconds the app uses during 20 s of a running session,
# against a reference program that animates one circle, both in windows of
# the same size under the same Xvfb with GSK_RENDERER=cairo.
#
# usage: bench-session-cpu.py BACKBREATH REFERENCE

import os
import shutil
import subprocess
import sys
import tempfile
import time

SECONDS = 20
WARM_UP = 3


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    # utime and stime are fields 14 and 15; the split starts at field 3.
    return (int(fields[11]) + int(fields[12])) / ticks


def measure(argv, env):
    log = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        time.sleep(WARM_UP)
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"{argv[0]} exited early with {proc.returncode}:\n{log.read()}")
        before = cpu_seconds(proc.pid)
        time.sleep(SECONDS)
        after = cpu_seconds(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return after - before


def main():
    app, reference = sys.argv[1], sys.argv[2]
    display = ":%d" % (90 + os.getpid() % 100)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # A private session bus, so both programs are measured themselves and
    # not through a wrapper.
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, text=True)
    address = bus.stdout.readline().strip()
    runtime = tempfile.mkdtemp(prefix="bb-cpu-")
    try:
        time.sleep(1)
        env = dict(os.environ)
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        env.update({
            "DISPLAY": display,
            "GDK_BACKEND": "x11",
            "GSK_RENDERER": "cairo",
            "GSETTINGS_BACKEND": "memory",
            "NO_AT_BRIDGE": "1",
            "XDG_RUNTIME_DIR": runtime,
        })
        env.pop("WAYLAND_DISPLAY", None)
        # A 5-minute session, so it runs through the whole measurement.
        app_cpu = measure([app, "--start", "daily"], env)
        ref_cpu = measure([reference], env)
    finally:
        for proc in (xvfb, bus):
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(runtime, ignore_errors=True)

    ratio = app_cpu / ref_cpu if ref_cpu > 0 else float("inf")
    print(f"session-cpu: app {app_cpu:.2f} s CPU in {SECONDS} s of a running session")
    print(f"session-cpu: reference circle {ref_cpu:.2f} s CPU in {SECONDS} s")
    print(f"session-cpu: ratio {ratio:.2f} (target <= 1.5: {'met' if ratio <= 1.5 else 'NOT met'})")


if __name__ == "__main__":
    main()
