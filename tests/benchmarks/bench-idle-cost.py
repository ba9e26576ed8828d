#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# idle-cost: what backbreath-reminders costs at rest, with reminders on
# and no reminder due (interval 60 minutes), beside a bare GIO
# GApplication held on the same bus. Both are started the same way
# (--gapplication-service on a private session bus) and measured over
# DURATION seconds after a short settle: wake-ups (voluntary and
# involuntary context switches of all threads, /proc/PID/task/*/status),
# CPU time (/proc/PID/stat), PSS (/proc/PID/smaps_rollup) and RSS.
#
# Targets: no wake-up between due times (at most 2 a minute allowed for
# noise), PSS at most 10 MB. Reports and exits 0 whatever the figures.
#
# usage: bench-idle-cost.py BACKBREATH-REMINDERS BARE-GAPPLICATION APP-ID SCHEMA-DIR [DURATION]

import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from testlib import private_bus  # noqa: E402

SETTLE = 3
TARGET_WAKEUPS_PER_MINUTE = 2
TARGET_PSS_KB = 10 * 1024


def status(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            values[key] = value.split()[0] if value.split() else ""
    return values


def wakeups(pid):
    """Context switches of every thread: GDBus and GLib have threads of
    their own, and /proc/PID/status counts only the main one."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        s = status(f"{pid}/task/{tid}")
        total += int(s["voluntary_ctxt_switches"]) + int(s["nonvoluntary_ctxt_switches"])
    return total


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15; the split starts at field 3.
    return int(fields[11]) + int(fields[12])


def pss_kb(pid):
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def sample(pid):
    return wakeups(pid), cpu_ticks(pid)


def main():
    reminders, bare, app_id, schema_dir = sys.argv[1:5]
    duration = float(sys.argv[5]) if len(sys.argv) > 5 else 120
    hz = os.sysconf("SC_CLK_TCK")
    tmp = tempfile.mkdtemp(prefix="bb-idle-")

    config = os.path.join(tmp, "config")
    settings = os.path.join(config, "glib-2.0", "settings")
    os.makedirs(settings)
    with open(os.path.join(settings, "keyfile"), "w") as f:
        f.write(f"[{app_id.replace('.', '/')}]\n"
                "reminders-enabled=true\n"
                "reminder-interval=uint32 60\n"
                "active-hours-start=uint32 0\n"
                "active-hours-end=uint32 0\n"
                "active-weekdays=[uint32 1, 2, 3, 4, 5, 6, 7]\n")

    procs = {}
    try:
        with private_bus() as address:
            env = dict(os.environ)
            # As people run it, without the test suite's debugging aids.
            for name in ("G_DEBUG", "G_ENABLE_DIAGNOSTIC", "MALLOC_CHECK_", "MALLOC_PERTURB_"):
                env.pop(name, None)
            env.update({
                "DBUS_SESSION_BUS_ADDRESS": address,
                "GSETTINGS_BACKEND": "keyfile",
                "GSETTINGS_SCHEMA_DIR": schema_dir,
                "XDG_CONFIG_HOME": config,
                "XDG_DATA_HOME": os.path.join(tmp, "data"),
            })
            for name, exe in (("reminders", reminders), ("bare", bare)):
                procs[name] = subprocess.Popen([exe, "--gapplication-service"], env=env)
            time.sleep(SETTLE)
            for name, proc in procs.items():
                if proc.poll() is not None:
                    print(f"idle-cost: {name} exited early with {proc.returncode}")
                    return 0

            before = {name: sample(proc.pid) for name, proc in procs.items()}
            time.sleep(duration)
            after = {name: sample(proc.pid) for name, proc in procs.items()}

            print(f"idle-cost over {duration:.0f} s at rest, reminders on, none due:")
            figures = {}
            for name, proc in procs.items():
                woke = after[name][0] - before[name][0]
                cpu_ms = (after[name][1] - before[name][1]) * 1000 / hz
                pss = pss_kb(proc.pid)
                rss = int(status(proc.pid)["VmRSS"])
                figures[name] = (woke, pss)
                print(f"  {name:9}: {woke} wake-ups ({woke * 60 / duration:.2f}/min), "
                      f"CPU {cpu_ms:.0f} ms, PSS {pss / 1024:.1f} MB, RSS {rss / 1024:.1f} MB")

            woke, pss = figures["reminders"]
            per_minute = woke * 60 / duration
            print(f"  target: 0 wake-ups between due times (at most {TARGET_WAKEUPS_PER_MINUTE}/min): "
                  f"{'met' if per_minute <= TARGET_WAKEUPS_PER_MINUTE else 'NOT met'} "
                  f"({woke} wake-ups{', none' if woke == 0 else ''})")
            print(f"  target: PSS <= {TARGET_PSS_KB // 1024} MB: "
                  f"{'met' if pss <= TARGET_PSS_KB else 'NOT met'} ({pss / 1024:.1f} MB)")
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
