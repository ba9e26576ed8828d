#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The app killed with SIGKILL 15 s into a session, ten times in a row on
# the same history: each time the file stays sound, the next start marks
# the session interrupted, and the practice it kept is within 5 s of the
# truth. Real processes, the real clock, files checked with sqlite3.
#
# usage: test-kill.py BACKBREATH APP_ID

import os
import signal
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402
from testlib import bus_connection, check, finish, private_bus, sqlite  # noqa: E402

ROUNDS = 10
INTO_SESSION = 15.0
TOLERANCE_MS = 5000




def wait_for(predicate, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def name_has_owner(bus, name):
    reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", GLib.Variant("(s)", (name,)), GLib.VariantType("(b)"),
                          Gio.DBusCallFlags.NONE, 1000, None)
    return reply.unpack()[0]


def main():
    exe, app_id = sys.argv[1], sys.argv[2]

    with private_bus() as address:
        return run_rounds(exe, app_id, address)


def run_rounds(exe, app_id, address):
    bus = bus_connection(address)

    with tempfile.TemporaryDirectory() as home:
        # The accessibility bus is not what is tested here.
        env = dict(os.environ, XDG_DATA_HOME=home, GTK_A11Y="none", DBUS_SESSION_BUS_ADDRESS=address)
        path = os.path.join(home, "backbreath", "history.db")

        def in_progress():
            if not os.path.exists(path):
                return None
            try:
                return sqlite(path, "SELECT uuid || ' ' || start_utc_us FROM sessions "
                                    "WHERE outcome = 'in-progress'") or None
            except subprocess.CalledProcessError as e:
                print("# sqlite3: " + e.stderr.strip(), flush=True)
                return None

        seen = set()

        def new_in_progress():
            row = in_progress()
            if row is None:
                return None
            rows = [r for r in row.splitlines() if r.split()[0] not in seen]
            return rows[0] if rows else None

        for i in range(ROUNDS):
            # Each run is its own instance: the previous one was killed.
            app = subprocess.Popen([exe, "--start", "desk-break"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                # A first start under the sanitizers, on a busy machine, builds its
                # caches: give it time, which a passing run does not spend.
                check(wait_for(new_in_progress, 90), f"round {i + 1}: the session is written when it starts")
                row = new_in_progress()
                if row is None:
                    continue
                uuid, start_us = row.split()
                seen.add(uuid)
                # The session began at its row's start time; kill it 15 s later.
                delay = int(start_us) / 1e6 + INTO_SESSION - time.time()
                time.sleep(max(delay, 0))
                killed_at = time.time()
                app.send_signal(signal.SIGKILL)
                app.wait()
            finally:
                if app.poll() is None:
                    app.kill()
                    app.wait()

            # The bus lets go of a killed process's name a moment later;
            # until then a new start would hand its session to the dead one.
            wait_for(lambda: not name_has_owner(bus, app_id), 10)

            truth_ms = (killed_at - int(start_us) / 1e6) * 1000
            kept_ms = int(sqlite(path, f"SELECT practiced_ms FROM sessions WHERE uuid = '{uuid}'"))
            check(abs(truth_ms - kept_ms) <= TOLERANCE_MS,
                  f"round {i + 1}: {kept_ms} ms kept of {truth_ms:.0f} ms practised")
            check(sqlite(path, "PRAGMA integrity_check") == "ok", f"round {i + 1}: integrity_check says ok")

        # The next start, with no session, ends what the last kill left.
        app = subprocess.Popen([exe], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            check(wait_for(lambda: in_progress() is None, 30), "the next start marks the last one interrupted")
        finally:
            app.terminate()
            app.wait(timeout=30)

        counts = sqlite(path, "SELECT outcome || ' ' || count(*) FROM sessions GROUP BY outcome")
        check(counts == f"interrupted {ROUNDS}", f"all {ROUNDS} are interrupted: {counts}")
        ends = sqlite(path, "SELECT count(*) FROM sessions WHERE end_utc_us IS NULL OR end_utc_us < start_utc_us")
        check(ends == "0", "each keeps the end of its last checkpoint")
        check(sqlite(path, "PRAGMA integrity_check") == "ok", "integrity_check says ok at the end")

    return finish()


if __name__ == "__main__":
    sys.exit(main())
