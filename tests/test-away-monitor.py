#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# BbAwayMonitor against python-dbusmock stand-ins for Mutter's idle
# monitor and the GNOME screen saver on a private session bus, and logind
# on a private "system" bus: idle, lock, sleep, their overlap, services
# missing or appearing late, and Mutter's watches removed at the end.
#
# usage: test-away-monitor.py BACKBREATH AWAY-MONITOR-PROBE

import os
import select
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402
from testlib import bus_connection, check, finish, private_bus, wait_for  # noqa: E402

PROBE = sys.argv[2]
MOCK_IFACE = "org.freedesktop.DBus.Mock"
MUTTER = ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
          "org.gnome.Mutter.IdleMonitor")
SCREEN_SAVER = ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver")
LOGIN1 = ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager")
SESSION_PATH = "/org/freedesktop/login1/session/c1"
SESSION_IFACE = "org.freedesktop.login1.Session"

THRESHOLD_MS = 2000
# Real times from the probe against ours: the same clock, but D-Bus and
# two processes in between.
SLACK = 0.8

MUTTER_TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               "dbusmock_mutter_idle_monitor.py")


def call(bus, name, path, iface, method, params=None, reply=None):
    return bus.call_sync(name, path, iface, method, params,
                         GLib.VariantType(reply) if reply else None,
                         Gio.DBusCallFlags.NO_AUTO_START, 5000, None)


def start_mock(env, args, name, bus):
    proc = subprocess.Popen([sys.executable, "-m", "dbusmock"] + args, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        reply = call(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                     "NameHasOwner", GLib.Variant("(s)", (name,)), "(b)")
        if reply.unpack()[0]:
            return proc
        time.sleep(0.05)
    raise RuntimeError(f"{name} did not appear")


def stop(proc):
    proc.terminate()
    proc.wait(timeout=10)


def start_mutter(env, bus):
    return start_mock(env, ["--template", MUTTER_TEMPLATE], MUTTER[0], bus)


def mutter_calls(bus, method):
    """The arguments of each call of @method the mock recorded."""
    reply = call(bus, MUTTER[0], MUTTER[1], MOCK_IFACE, "GetMethodCalls",
                 GLib.Variant("(s)", (method,)), "(a(tav))")
    return [args for _stamp, args in reply.unpack()[0]]




def emit(bus, target, path, iface, signal, signature, args):
    call(bus, target, path, MOCK_IFACE, "EmitSignal",
         GLib.Variant("(sssav)", (iface, signal, signature,
                                  [GLib.Variant(signature[i], a) for i, a in enumerate(args)])))


def watch_fired(bus, watch_id):
    emit(bus, MUTTER[0], MUTTER[1], MUTTER[2], "WatchFired", "u", [watch_id])


class Probe:
    def __init__(self, env, threshold=THRESHOLD_MS):
        self.proc = subprocess.Popen([PROBE, str(threshold)], env=env, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1)
        self.fd = self.proc.stdout.fileno()
        self.buffer = b""
        self.lines = []

    def _read(self, timeout):
        """The next line, "" at the end, None after @timeout seconds. Reads
        the pipe itself: a Python file object's buffer would hide lines
        from select()."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            chunk = os.read(self.fd, 4096)
            if not chunk:
                return ""
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode().strip()

    def events(self, quiet=0.5, timeout=5):
        """Lines printed until none came for @quiet seconds (at most
        @timeout in all)."""
        out = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self._read(quiet)
            if not line:
                break
            out.append(line)
        self.lines += out
        return out

    def expect(self, *wanted, timeout=5):
        """Reads lines until one of @wanted; returns all read."""
        out = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self._read(deadline - time.monotonic())
            if not line:
                break
            out.append(line)
            if line in wanted:
                break
        self.lines += out
        return out

    def send(self, line):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def close(self):
        """Ends stdin; returns the exit status and the lines left."""
        self.proc.stdin.close()
        rest = []
        while (line := self._read(10)):
            rest.append(line)
        return self.proc.wait(timeout=10), rest


def periods(lines):
    """(from, to) in seconds of each away-ended line."""
    out = []
    for line in lines:
        words = line.split()
        if words[0] == "away-ended":
            out.append((int(words[1]) / 1e6, int(words[2]) / 1e6))
    return out


def near(a, b):
    return abs(a - b) <= SLACK


def test_missing_then_appearing(env, session):
    probe = Probe(env)
    events = probe.events(quiet=1.0)
    check(probe.proc.poll() is None and events == [],
          f"no services at all: no crash, no events ({events})")

    mutter = start_mutter(env, session)
    check(wait_for(lambda: mutter_calls(session, "AddIdleWatch") == [[THRESHOLD_MS]]),
          "Mutter appearing later gets one idle watch for the threshold")

    screen_saver = start_mock(env, ["--template", "gnome_screensaver"], SCREEN_SAVER[0], session)
    call(session, *SCREEN_SAVER, "SetActive", GLib.Variant("(b)", (True,)))
    events = probe.expect("locked 1")
    check("locked 1" in events, f"a screen saver appearing later is heard ({events})")
    call(session, *SCREEN_SAVER, "SetActive", GLib.Variant("(b)", (False,)))
    events = probe.expect("away 0")
    check(len(periods(events)) == 1, f"its unlock ends one period ({events})")

    # Mutter restarting forgets our watches: a new one is asked for.
    stop(mutter)
    mutter = start_mutter(env, session)
    check(wait_for(lambda: mutter_calls(session, "AddIdleWatch") == [[THRESHOLD_MS]]),
          "a restarted Mutter gets a new idle watch")

    status, rest = probe.close()
    check(status == 0 and rest == ["bye"], f"the probe finishes cleanly ({status}, {rest})")
    check(wait_for(lambda: mutter_calls(session, "RemoveWatch") == [[100]]),
          f"its idle watch is removed at the end ({mutter_calls(session, 'RemoveWatch')})")
    stop(mutter)
    stop(screen_saver)


def test_all_sources(env, session, system):
    mutter = start_mutter(env, session)
    screen_saver = start_mock(env, ["--template", "gnome_screensaver"], SCREEN_SAVER[0], session)
    with tempfile.NamedTemporaryFile(mode="r", suffix=".log") as login1_log:
        login1 = start_mock(env, ["--system", "--template", "logind", "-l", login1_log.name],
                            LOGIN1[0], system)
        call(system, LOGIN1[0], LOGIN1[1], MOCK_IFACE, "AddSession",
             GLib.Variant("(ssusb)", ("c1", "seat0", os.getuid(), "user", True)), "(s)")

        probe = Probe(env)
        check(wait_for(lambda: mutter_calls(session, "AddIdleWatch") == [[THRESHOLD_MS]]),
              "one idle watch for the threshold")
        check(wait_for(lambda: f"Get {SESSION_PATH} {SESSION_IFACE}.LockedHint" in login1_log.read()),
              "the session from $XDG_SESSION_ID is found and asked whether it is locked")
        check(probe.events() == [], "nothing to say at the start")

        # Idle past the threshold, then back.
        fired = time.time()
        watch_fired(session, 100)
        events = probe.expect("away 1")
        check(events == ["away 1"], f"the idle watch firing makes the user away ({events})")
        check(wait_for(lambda: len(mutter_calls(session, "AddUserActiveWatch")) == 1),
              "a user-active watch is added")
        watch_fired(session, 999)
        check(probe.events() == [], "someone else's watch means nothing")
        time.sleep(0.5)
        back = time.time()
        watch_fired(session, 200)
        events = probe.expect("away 0")
        got = periods(events)
        check(len(got) == 1 and near(got[0][0], fired - THRESHOLD_MS / 1000) and near(got[0][1], back),
              f"one away period from a threshold before the idle watch to the input "
              f"({got} against {fired - THRESHOLD_MS / 1000:.3f}, {back:.3f})")
        check(wait_for(lambda: [100] in mutter_calls(session, "RemoveWatch")
                       and len(mutter_calls(session, "AddIdleWatch")) == 2),
              "the idle watch is renewed after the user came back")

        # The screen saver locks and unlocks.
        call(session, *SCREEN_SAVER, "SetActive", GLib.Variant("(b)", (True,)))
        locked_at = time.time()
        events = probe.expect("locked 1")
        check(events == ["locked 1", "away 1"] or events == ["locked 1"],
              f"the screen saver going active is a lock at once ({events})")
        probe.events(quiet=0.2)
        time.sleep(1.0)
        unlocked_at = time.time()
        call(session, *SCREEN_SAVER, "SetActive", GLib.Variant("(b)", (False,)))
        events = probe.expect("away 0")
        got = periods(events)
        check(len(got) == 1 and near(got[0][0], locked_at) and near(got[0][1], unlocked_at),
              f"the unlock ends one period over the lock ({got})")
        check([e.split()[0] for e in events] == ["away-ended", "locked", "away"]
              and "locked 0" in events,
              f"the period is told before the unlock ({events})")

        # Idle, then locked through logind, back at the keyboard, unlocked:
        # one period from the start of the idle to the unlock.
        fired = time.time()
        watch_fired(session, 101)
        probe.expect("away 1")
        check(wait_for(lambda: len(mutter_calls(session, "AddUserActiveWatch")) == 2),
              "a user-active watch for the second idle stretch")
        call(system, LOGIN1[0], SESSION_PATH, SESSION_IFACE, "Lock")
        events = probe.expect("locked 1")
        check(events == ["locked 1"], f"logind's Lock locks ({events})")
        watch_fired(session, 201)
        events = probe.events()
        check(events == [], f"input on the lock screen ends nothing ({events})")
        unlocked_at = time.time()
        call(system, LOGIN1[0], SESSION_PATH, SESSION_IFACE, "Unlock")
        events = probe.expect("away 0")
        got = periods(events)
        check(len(got) == 1 and near(got[0][0], fired - THRESHOLD_MS / 1000)
              and near(got[0][1], unlocked_at),
              f"idle and lock overlapping make one period ({got})")

        # LockedHint, as the screen locker sets it.
        call(system, LOGIN1[0], SESSION_PATH, SESSION_IFACE, "SetLockedHint",
             GLib.Variant("(b)", (True,)))
        events = probe.expect("away 1")
        check("locked 1" in events, f"LockedHint TRUE locks ({events})")
        call(system, LOGIN1[0], SESSION_PATH, SESSION_IFACE, "SetLockedHint",
             GLib.Variant("(b)", (False,)))
        events = probe.expect("away 0")
        check("locked 0" in events and len(periods(events)) == 1,
              f"LockedHint FALSE unlocks, one period ({events})")

        # A suspend.
        slept_at = time.time()
        emit(system, LOGIN1[0], LOGIN1[1], LOGIN1[2], "PrepareForSleep", "b", [True])
        events = probe.expect("away 1")
        check(events == ["away 1"], f"PrepareForSleep TRUE: away, not locked ({events})")
        time.sleep(1.0)
        woke_at = time.time()
        emit(system, LOGIN1[0], LOGIN1[1], LOGIN1[2], "PrepareForSleep", "b", [False])
        events = probe.expect("away 0")
        got = periods(events)
        check(len(got) == 1 and near(got[0][0], slept_at) and near(got[0][1], woke_at),
              f"the resume ends one period over the sleep ({got})")

        # Input between the idle watch firing and the user-active watch
        # being in place: GetIdletime tells.
        call(session, *MUTTER[:2], MUTTER[2], "SetIdletime", GLib.Variant("(t)", (300,)))
        idle_watch = 99 + len(mutter_calls(session, "AddIdleWatch"))
        watch_fired(session, idle_watch)
        back = time.time()
        events = probe.expect("away 0")
        got = periods(events)
        check(len(got) == 1 and near(got[0][1], back - 0.3),
              f"input missed by the user-active watch still ends the period ({events})")
        call(session, *MUTTER[:2], MUTTER[2], "SetIdletime", GLib.Variant("(t)", (3600000,)))

        # No user-active watch to be had: the period ends at once rather
        # than never.
        check(wait_for(lambda: len(mutter_calls(session, "AddIdleWatch")) == 4),
              "the idle watch was renewed after each return")
        call(session, *MUTTER[:2], MUTTER[2], "SetFailActive", GLib.Variant("(b)", (True,)))
        watch_fired(session, 99 + len(mutter_calls(session, "AddIdleWatch")))
        events = probe.expect("away 0")
        check(len(periods(events)) == 1,
              f"an idle stretch whose end cannot be watched ends at once ({events})")
        call(session, *MUTTER[:2], MUTTER[2], "SetFailActive", GLib.Variant("(b)", (False,)))

        # A new threshold replaces the idle watch.
        check(wait_for(lambda: len(mutter_calls(session, "AddIdleWatch")) == 5),
              "the idle watch was renewed again")
        probe.send("threshold 3000")
        check(wait_for(lambda: mutter_calls(session, "AddIdleWatch")[-1] == [3000]),
              "a new threshold asks for a new idle watch")
        last_idle = 99 + len(mutter_calls(session, "AddIdleWatch"))

        status, rest = probe.close()
        check(status == 0 and rest == ["bye"], f"the probe finishes cleanly ({status}, {rest})")
        removed = mutter_calls(session, "RemoveWatch")
        check(wait_for(lambda: [last_idle] in mutter_calls(session, "RemoveWatch")),
              f"the idle watch in use is removed at the end ({removed}, {last_idle})")
        added = list(range(100, last_idle + 1))
        removed = [args[0] for args in mutter_calls(session, "RemoveWatch")]
        check(all(i in removed for i in added),
              f"every idle watch asked for was removed ({added} against {removed})")

        stop(login1)
    stop(screen_saver)
    stop(mutter)


def main():
    with private_bus() as session_address, private_bus() as system_address:
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=session_address,
                   DBUS_SYSTEM_BUS_ADDRESS=system_address, XDG_SESSION_ID="c1")
        session = bus_connection(session_address)
        system = bus_connection(system_address)
        test_missing_then_appearing(env, session)
        test_all_sources(env, session, system)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
