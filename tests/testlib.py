# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the Python test scripts share: TAP output, a private session bus
# (the app registers its real id, which neither a user's Backbreath nor
# another test may hold) and SQLite's own command-line tool.

import contextlib
import subprocess

_n = 0
_failed = False


def check(ok, what):
    """Prints one TAP line for @ok; remembers a failure."""
    global _n, _failed
    _n += 1
    print(("ok" if ok else "not ok") + f" {_n} - {what}", flush=True)
    _failed = _failed or not ok


def finish():
    """Prints the TAP plan; returns the exit status."""
    print(f"1..{_n}")
    return 1 if _failed else 0


@contextlib.contextmanager
def private_bus():
    """A dbus-daemon of the test's own; yields its address."""
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, text=True)
    try:
        yield daemon.stdout.readline().strip()
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def sqlite(path, sql):
    """Runs @sql with sqlite3, waiting out another process's lock."""
    return subprocess.run(["sqlite3", "-cmd", ".timeout 5000", path, sql],
                          capture_output=True, text=True, check=True).stdout.strip()


def bus_connection(address):
    """A Gio connection to the bus at @address."""
    import gi

    gi.require_version("Gio", "2.0")
    from gi.repository import Gio

    return Gio.DBusConnection.new_for_address_sync(
        address,
        Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
        None, None)
