#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The history on a read-only folder and on a full disk (small tmpfs
# mounts made here): the app says what is wrong, the session still runs
# to its chimes, nothing crashes, and what was saved before stays sound.
# Needs root, as the test suite's machines have, for mount(8).
#
# usage: test-disk.py BACKBREATH

import os
import subprocess
import sys
import tempfile
import time

from testlib import check, finish, private_bus, sqlite  # noqa: E402

# A session begins with a settle countdown (on by default) before the
# first in-breath, and practice counts from that breath.
SETTLE_S = 3




def run_session(exe, env, seconds):
    """Runs `--start desk-break` for @seconds; returns (alive, stderr)."""
    err = tempfile.TemporaryFile(mode="w+")
    app = subprocess.Popen([exe, "--start", "desk-break"], env=env, stdout=err, stderr=err)
    try:
        time.sleep(seconds)
        alive = app.poll() is None
    finally:
        if app.poll() is None:
            app.terminate()
        app.wait(timeout=30)
    err.seek(0)
    return alive, err.read()


def main():
    exe = sys.argv[1]

    with private_bus() as address:
        run_checks(exe, address)

    return finish()


def run_checks(exe, address):
    mounts = []

    # Unmounted before the folder that holds the mounts is removed.
    with tempfile.TemporaryDirectory() as top:
        try:
            def mount(name, size):
                path = os.path.join(top, name)
                os.makedirs(path)
                subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", path],
                               check=True)
                mounts.append(path)
                return path

            env = dict(os.environ, GTK_A11Y="none", DBUS_SESSION_BUS_ADDRESS=address,
                       G_MESSAGES_DEBUG="")

            # A read-only data folder, with a history made before.
            ro = mount("ro", "4m")
            env["XDG_DATA_HOME"] = ro
            alive, _ = run_session(exe, env, 6)
            path = os.path.join(ro, "backbreath", "history.db")
            before = sqlite(path, "SELECT count(*) FROM sessions")
            subprocess.run(["mount", "-o", "remount,ro", ro], check=True)

            alive, said = run_session(exe, env, 6)
            check(alive, "read-only: the session runs on")
            check("History not recorded" in said,
                  "read-only: the app says the history is not recorded: " + said.strip()[-300:].replace("\n", " | "))
            subprocess.run(["mount", "-o", "remount,rw", ro], check=True)
            check(sqlite(path, "PRAGMA integrity_check") == "ok" and
                  sqlite(path, "SELECT count(*) FROM sessions") == before,
                  "read-only: the history is as it was")

            # A full disk: the store is made, then the disk fills up.
            full = mount("full", "1m")
            env["XDG_DATA_HOME"] = full
            alive, _ = run_session(exe, env, 3)
            path = os.path.join(full, "backbreath", "history.db")
            check(os.path.exists(path), "full: the store was made while there was room")
            with open(os.path.join(full, "filler"), "wb") as f:
                try:
                    while True:
                        f.write(b"\0" * 65536)
                        f.flush()
                except OSError:
                    pass

            alive, said = run_session(exe, env, 8)
            check(alive, "full: the session runs on")
            check("disk is full" in said,
                  "full: the app says what failed: " + said.strip()[-300:].replace("\n", " | "))
            os.remove(os.path.join(full, "filler"))
            check(sqlite(path, "PRAGMA integrity_check") == "ok", "full: the history is sound once there is room")

            # With room again, the next session is recorded.
            alive, said = run_session(exe, env, 6 + SETTLE_S)
            check(alive and int(sqlite(path, "SELECT count(*) FROM sessions WHERE practiced_ms >= 4000")) >= 1,
                  "full: with room again, sessions are saved")
        finally:
            for path in reversed(mounts):
                subprocess.run(["umount", path])


if __name__ == "__main__":
    sys.exit(main())
