# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the Python test scripts share: TAP output, a private session bus
# (the app registers its real id, which neither a user's Backbreath nor
# another test may hold) and SQLite's own command-line tool.

import contextlib
import os
import random
import subprocess
import tempfile
import time

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
def own_display():
    """An Xvfb of the test's own; yields its DISPLAY. Tests that read
    the app through AT-SPI need one: the accessibility bus's address is
    published on the display, where tests running side by side would
    overwrite each other's."""
    server = None
    for _ in range(20):
        number = random.randrange(1000, 30000)
        if os.path.exists(f"/tmp/.X{number}-lock"):
            continue
        # Xvfb writes the display's number once it takes connections.
        # Without -noreset it would start over whenever its last client
        # leaves, as the accessibility bus's launcher does after it has
        # published its address: the app would then find no display,
        # and the address gone.
        read, write = os.pipe()
        server = subprocess.Popen(["Xvfb", f":{number}", "-displayfd", str(write), "-noreset",
                                   "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                  pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            ready = f.readline().strip() == str(number)
        if ready and server.poll() is None:
            break
        server.kill()
        server.wait()
        server = None
    if server is None:
        raise RuntimeError("no X server could start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


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


def wait_for(predicate, timeout=5, step=0.05):
    """Polls @predicate until it is true or @timeout seconds pass; returns
    its last value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def now_us():
    """The wall-clock time in microseconds, as GLib's real time."""
    return int(time.time() * 1e6)


def _bus_call(bus, method, name, reply):
    from gi.repository import Gio, GLib

    return bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                         method, GLib.Variant("(s)", (name,)), GLib.VariantType(reply),
                         Gio.DBusCallFlags.NONE, 2000, None).unpack()[0]


def name_has_owner(bus, name):
    """Whether someone owns @name on @bus."""
    return _bus_call(bus, "NameHasOwner", name, "(b)")


def connection_pid(bus, name):
    """The process id of @name's owner on @bus, or None."""
    from gi.repository import GLib

    try:
        return _bus_call(bus, "GetConnectionUnixProcessID", name, "(u)")
    except GLib.Error:
        return None


def write_reminder_settings(config, app_id, chimes):
    """Keyfile settings with reminders on, every minute of every day
    active ("now" always is), 1-minute interval and away time, 5-minute
    snooze; with @chimes on or off."""
    settings = os.path.join(config, "glib-2.0", "settings")
    os.makedirs(settings)
    group = app_id.replace(".", "/")
    with open(os.path.join(settings, "keyfile"), "w") as f:
        f.write(f"[{group}]\n"
                "reminders-enabled=true\n"
                "reminder-interval=uint32 1\n"
                "active-hours-start=uint32 0\n"
                "active-hours-end=uint32 0\n"
                "active-weekdays=[uint32 1, 2, 3, 4, 5, 6, 7]\n"
                "snooze-minutes=uint32 5\n"
                "away-minutes=uint32 1\n"
                "reminder-preset='desk-break'\n"
                f"chimes-enabled={'true' if chimes else 'false'}\n"
                "window-width=800\nwindow-height=600\n")


@contextlib.contextmanager
def accessible_session():
    """A temporary folder, an X display and a session bus of the test's
    own, with the accessibility bridge on; yields the folder and pyatspi.
    The display comes first: the bus's accessibility service publishes
    its address on the display it starts with."""
    with tempfile.TemporaryDirectory() as tmp, own_display() as display:
        os.environ["DISPLAY"] = display
        os.environ.pop("XAUTHORITY", None)
        with private_bus() as address:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
            os.environ.pop("NO_AT_BRIDGE", None)
            os.environ["XDG_RUNTIME_DIR"] = os.path.join(tmp, "runtime")
            os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700)
            import pyatspi

            yield tmp, pyatspi


def app_environment(tmp, app_id, settings):
    """The environment the app runs in for an AT-SPI test: its folders in
    @tmp, keyfile settings holding the lines @settings."""
    config = os.path.join(tmp, "config")
    keyfile = os.path.join(config, "glib-2.0", "settings")
    os.makedirs(keyfile)
    with open(os.path.join(keyfile, "keyfile"), "w") as f:
        f.write(f"[{app_id.replace('.', '/')}]\n{settings}")
    return dict(os.environ,
                XDG_DATA_HOME=os.path.join(tmp, "data"),
                XDG_CONFIG_HOME=config,
                XDG_CACHE_HOME=os.path.join(tmp, "cache"),
                GSETTINGS_BACKEND="keyfile",
                GSK_RENDERER="cairo",
                GDK_DEBUG="gl-disable",
                GTK_A11Y="atspi")


def accessible_app(pyatspi, pid, timeout=20):
    """The application @pid on the accessibility bus, or None."""
    desktop = pyatspi.Registry.getDesktop(0)

    def find():
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            try:
                if child is not None and child.get_process_id() == pid:
                    return child
            except Exception:
                pass
        return None

    return wait_for(find, timeout)
