#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# backbreath-reminders end to end, over a private session bus that
# D-Bus-activates both programs from .service files of its own: a
# python-dbusmock notification daemon receives the service's real
# notifications (GLib's freedesktop backend), and the real window app,
# on a display, answers "Start". Minutes last
# BACKBREATH_REMINDER_SECONDS_PER_MINUTE seconds, so an interval of
# 1 minute runs in 2 s.
#
# usage: test-reminders.py BACKBREATH-REMINDERS BACKBREATH APP_ID

import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402
from testlib import (bus_connection, check, connection_pid, finish, name_has_owner,  # noqa: E402
                     now_us, sqlite, wait_for, write_reminder_settings)

SECONDS_PER_MINUTE = 2
INTERVAL = 1 * SECONDS_PER_MINUTE        # reminder-interval=1
SNOOZE = 5 * SECONDS_PER_MINUTE          # snooze-minutes=5
NOTIFICATIONS = "/org/freedesktop/Notifications"
MOCK = "org.freedesktop.DBus.Mock"
REMINDERS1 = "io.github.backbreath.Backbreath.Reminders1"
LOGIN1 = "org.freedesktop.login1"


def object_path(name):
    return "/" + name.replace(".", "/")






class Daemon:
    """The mock notification daemon, as the test sees it."""

    def __init__(self, bus):
        self.bus = bus

    def calls(self, method):
        reply = self.bus.call_sync("org.freedesktop.Notifications", NOTIFICATIONS, MOCK, "GetCalls",
                                   None, GLib.VariantType("(a(tsav))"),
                                   Gio.DBusCallFlags.NONE, 2000, None)
        return [args for (_, name, args) in reply.unpack()[0] if name == method]

    def notifies(self):
        return self.calls("Notify")

    def closes(self):
        return [args[0] for args in self.calls("CloseNotification")]

    def current_id(self):
        """The id of the notification on screen: the mock numbers from 1
        each new one, the ones that replace another keep its id."""
        return sum(1 for args in self.notifies() if args[1] == 0)

    def invoke(self, notification_id, action):
        self.bus.call_sync("org.freedesktop.Notifications", NOTIFICATIONS, MOCK, "EmitSignal",
                           GLib.Variant("(sssav)", ("org.freedesktop.Notifications", "ActionInvoked", "us",
                                                    [GLib.Variant("u", notification_id),
                                                     GLib.Variant("s", action)])),
                           None, Gio.DBusCallFlags.NONE, 2000, None)

    def wait_notifies(self, n, timeout):
        return wait_for(lambda: len(self.notifies()) >= n, timeout)


def next_due(bus, name):
    reply = bus.call_sync(name, object_path(name), "org.freedesktop.DBus.Properties", "Get",
                          GLib.Variant("(ss)", (REMINDERS1, "NextDue")), GLib.VariantType("(v)"),
                          Gio.DBusCallFlags.NONE, 2000, None)
    return reply.unpack()[0]


def call(bus, name, method):
    bus.call_sync(name, object_path(name), REMINDERS1, method, None, None,
                  Gio.DBusCallFlags.NO_AUTO_START, 2000, None)


def set_zone(link, zone):
    """Points @link at @zone in the zone database, replacing it in one
    step as timedated does."""
    tmp_link = link + ".new"
    os.symlink(os.path.join("/usr/share/zoneinfo", zone), tmp_link)
    os.replace(tmp_link, link)






def write_bus_config(tmp, services):
    """A session bus config whose activatable services are @services,
    a dict of name to command line."""
    service_dir = os.path.join(tmp, "services")
    os.makedirs(service_dir)
    for name, command in services.items():
        with open(os.path.join(service_dir, name + ".service"), "w") as f:
            f.write(f"[D-BUS Service]\nName={name}\nExec={command}\n")
    path = os.path.join(tmp, "bus.conf")
    with open(path, "w") as f:
        f.write(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={tmp}</listen>
  <servicedir>{service_dir}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""")
    return path


def main():
    reminders_exe, backbreath_exe, app_id = sys.argv[1], sys.argv[2], sys.argv[3]
    tmp = tempfile.mkdtemp(prefix="bb-reminders-")
    try:
        run_checks(reminders_exe, backbreath_exe, app_id, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()




def run_checks(reminders_exe, backbreath_exe, app_id, tmp):
    service = app_id + ".Reminders"
    config = os.path.join(tmp, "config")
    data = os.path.join(tmp, "data")
    history = os.path.join(data, "backbreath", "history.db")
    # Chimes on, with no sound server here: the reminder chime is tried
    # at each due time, and must stay silent without harm.
    write_reminder_settings(config, app_id, chimes=True)

    env = dict(os.environ)
    env.pop("XDG_CURRENT_DESKTOP", None)
    env["GTK_A11Y"] = "none"
    env.update({
        "GSETTINGS_BACKEND": "keyfile",
        "XDG_CONFIG_HOME": config,
        "XDG_DATA_HOME": data,
        # No org.gtk.Notifications on this bus either way; say it.
        "GNOTIFICATION_BACKEND": "freedesktop",
        "BACKBREATH_REMINDER_SECONDS_PER_MINUTE": str(SECONDS_PER_MINUTE),
    })
    procs = []
    activated = []
    xvfb = None
    try:
        # The window app, on a display of its own unless the test has one.
        if "DISPLAY" not in env:
            display = ":%d" % (150 + os.getpid() % 100)
            xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            env["DISPLAY"] = display
            time.sleep(1)
        env["GDK_BACKEND"] = "x11"
        env.pop("WAYLAND_DISPLAY", None)

        # logind on a "system" bus of the test's own, for the screen
        # lock, in the environment the session bus hands on.
        system_proc = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                       stdout=subprocess.PIPE, text=True)
        procs.append(system_proc)
        system_address = system_proc.stdout.readline().strip()
        env["DBUS_SYSTEM_BUS_ADDRESS"] = system_address
        env["XDG_SESSION_ID"] = "c1"
        system = bus_connection(system_address)
        login1 = subprocess.Popen(["/usr/bin/python3", "-m", "dbusmock", "--system", "--template", "logind"],
                                  env=env, stdout=subprocess.DEVNULL)
        procs.append(login1)
        check(wait_for(lambda: name_has_owner(system, LOGIN1), 10), "logind (dbusmock) runs on the system bus")
        system.call_sync(LOGIN1, "/org/freedesktop/login1", MOCK, "AddSession",
                         GLib.Variant("(ssusb)", ("c1", "seat0", os.getuid(), "user", True)),
                         None, Gio.DBusCallFlags.NONE, 5000, None)

        # The system's time zone, as a link into the zone database that
        # the test can change.
        localtime = os.path.join(tmp, "localtime")
        set_zone(localtime, "UTC")
        env["BACKBREATH_LOCALTIME"] = localtime

        # The bus starts both programs as a desktop's would, with this
        # environment.
        bus_config = write_bus_config(tmp, {
            app_id: f"{backbreath_exe} --gapplication-service",
            service: f"{reminders_exe} --gapplication-service --history {history}",
        })
        daemon_proc = subprocess.Popen(["dbus-daemon", "--config-file", bus_config, "--nofork",
                                        "--print-address=1"], stdout=subprocess.PIPE, text=True, env=env)
        procs.append(daemon_proc)
        address = daemon_proc.stdout.readline().strip()
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        bus = bus_connection(address)
        mock = subprocess.Popen(["/usr/bin/python3", "-m", "dbusmock", "--template", "notification_daemon",
                                 "-p", '{"capabilities": "body actions"}'],
                                env=env, stdout=subprocess.DEVNULL)
        procs.append(mock)
        check(wait_for(lambda: name_has_owner(bus, "org.freedesktop.Notifications"), 10),
              "the mock notification daemon is on the bus")
        daemon = Daemon(bus)

        # Started as the window app starts it when reminders are turned on.
        started = now_us()
        reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                              "StartServiceByName", GLib.Variant("(su)", (service, 0)),
                              GLib.VariantType("(u)"), Gio.DBusCallFlags.NONE, 10000, None)
        check(reply.unpack()[0] == 1, "StartServiceByName starts the service")
        check(wait_for(lambda: name_has_owner(bus, service), 10), "the service owns " + service)
        reminders_pid = connection_pid(bus, service)
        activated.append(reminders_pid)

        # NextDue: one interval after the start.
        first_due = next_due(bus, service)
        check(started < first_due <= now_us() + INTERVAL * 1e6,
              f"NextDue is one interval away ({(first_due - started) / 1e6:.2f} s after the start)")

        # Exactly one notification per due time: due at first_due, then
        # each interval after it.
        time.sleep(max(0, (first_due - now_us()) / 1e6) + 2 * INTERVAL + INTERVAL / 2)
        notifies = daemon.notifies()
        check(len(notifies) == 3, f"three due times, three notifications (got {len(notifies)})")
        first = notifies[0]
        app_name, replaces, icon, summary, body, actions, hints, timeout = first
        check(summary == "Time for a breathing break", f"the title is plain words: {summary!r}")
        check(body == "Desk break, 2 minutes, Seated", f"the body names the preset and its length: {body!r}")
        keys = dict(zip(actions[0::2], actions[1::2]))
        check(keys == {"default": "", "app.start": "Start", "app.snooze": "Snooze"},
              f"Start, Snooze and a default action: {actions!r}")
        check(replaces == 0 and all(n[1] == 1 for n in notifies[1:]),
              f"later ones replace the first (replaces ids {[n[1] for n in notifies]})")
        check(hints.get("desktop-entry") == service, f"the desktop entry is the service's: {hints.get('desktop-entry')}")

        # Snooze from the notification: NextDue moves a snooze away, and
        # the notification goes.
        n_closes = len(daemon.closes())
        daemon.invoke(daemon.current_id(), "app.snooze")
        invoked = now_us()
        check(wait_for(lambda: next_due(bus, service) > invoked + (SNOOZE - INTERVAL) * 1e6, 5),
              "NextDue moved after the snooze")
        snoozed = next_due(bus, service)
        check(abs(snoozed - (invoked + SNOOZE * 1e6)) < 1e6,
              f"... by the snooze length ({(snoozed - invoked) / 1e6:.2f} s, want {SNOOZE} s)")
        check(wait_for(lambda: len(daemon.closes()) > n_closes, 5), "the snoozed notification is withdrawn")
        n_notifies = len(daemon.notifies())
        time.sleep(SNOOZE / 2)
        check(len(daemon.notifies()) == n_notifies, "no notification while snoozed")
        check(daemon.wait_notifies(n_notifies + 1, SNOOZE), "the reminder comes back after the snooze")

        # A click on the notification itself: D-Bus starts the window
        # app (org.freedesktop.Application.Activate), no session begins.
        check(not name_has_owner(bus, app_id), "the window app is not running yet")
        n_closes = len(daemon.closes())
        daemon.invoke(daemon.current_id(), "default")
        check(wait_for(lambda: name_has_owner(bus, app_id), 20), "the notification opens the window app")
        activated.append(connection_pid(bus, app_id))
        check(wait_for(lambda: len(daemon.closes()) > n_closes, 5), "... and goes")
        time.sleep(1)
        check(sqlite(history, "SELECT count(*) FROM sessions WHERE source = 'reminder'") == "0",
              "... and no session begins")

        # "Start": the window app begins the preset, recorded as started
        # from a reminder.
        n_notifies = len(daemon.notifies())
        check(daemon.wait_notifies(n_notifies + 1, 2 * INTERVAL), "the next reminder comes")
        daemon.invoke(daemon.current_id(), "app.start")
        rows = wait_for(lambda: os.path.exists(history) and
                        sqlite(history, "SELECT preset_id FROM sessions WHERE source = 'reminder'"), 15)
        check(rows == "desk-break", f"the window app recorded a reminder's session: {rows!r}")

        # SessionStarted withdraws the notification on screen.
        n_notifies = len(daemon.notifies())
        check(daemon.wait_notifies(n_notifies + 1, 2 * INTERVAL), "the next reminder comes")
        n_closes = len(daemon.closes())
        call(bus, service, "SessionStarted")
        check(wait_for(lambda: len(daemon.closes()) > n_closes, 5), "SessionStarted withdraws it")

        # SessionEnded: the service reads the last break again. A break
        # ended just after the latest reminder starts the countdown anew.
        n_notifies = len(daemon.notifies())
        check(daemon.wait_notifies(n_notifies + 1, 2 * INTERVAL), "a reminder comes")
        end = now_us()
        sqlite(history, "INSERT INTO sessions (uuid, start_utc_us, end_utc_us, local_date, utc_offset_s,"
               " planned_ms, practiced_ms, breaths_planned, inhale_ms, hold_in_ms, exhale_ms, hold_out_ms,"
               " outcome, source) VALUES ('a-break', %d, %d, date('now'), 0, 120000, 120000, 12,"
               " 4000, 0, 6000, 0, 'completed', 'practice')" % (end - 120 * 1000000, end))
        call(bus, service, "SessionEnded")
        due = next_due(bus, service)
        check(due == end + INTERVAL * 1000000,
              f"after SessionEnded, NextDue is one interval after the break ({(due - end) / 1e6:.3f} s)")

        # The window app itself says when its session starts: start one
        # directly while a notification is on screen.
        n_notifies = len(daemon.notifies())
        check(daemon.wait_notifies(n_notifies + 1, 2 * INTERVAL), "another reminder comes")
        n_closes = len(daemon.closes())
        bus.call_sync(app_id, object_path(app_id), "org.freedesktop.Application", "ActivateAction",
                      GLib.Variant("(sava{sv})", ("start-preset", [GLib.Variant("s", "desk-break")], {})),
                      None, Gio.DBusCallFlags.NONE, 5000, None)
        check(wait_for(lambda: len(daemon.closes()) > n_closes, 5),
              "a session begun in the window app withdraws it (SessionStarted)")

        # The screen locked across due times: nothing is shown, and a
        # lock longer than the away time counts as a break, so the
        # countdown starts afresh at the unlock.
        session_path = "/org/freedesktop/login1/session/c1"
        n_closes = len(daemon.closes())
        system.call_sync(LOGIN1, session_path, "org.freedesktop.login1.Session", "Lock",
                         None, None, Gio.DBusCallFlags.NONE, 5000, None)
        n_notifies = len(daemon.notifies())
        time.sleep(3 * INTERVAL)
        check(len(daemon.notifies()) == n_notifies,
              f"no reminder while the screen is locked ({len(daemon.notifies()) - n_notifies} shown)")
        system.call_sync(LOGIN1, session_path, "org.freedesktop.login1.Session", "Unlock",
                         None, None, Gio.DBusCallFlags.NONE, 5000, None)
        unlocked = now_us()
        check(wait_for(lambda: abs(next_due(bus, service) - (unlocked + INTERVAL * 1e6)) < 0.5e6, 5),
              "after a lock longer than the away time, the next reminder is one interval after the unlock "
              f"({(next_due(bus, service) - unlocked) / 1e6:.2f} s)")

        # The system's time zone changes (travel): the active hours are
        # worked out again in the new zone, at once. Two hours around
        # now in UTC are active; six hours east they are not.
        keyfile = os.path.join(config, "glib-2.0", "settings", "keyfile")
        minute = int(time.time() // 60 % 1440)
        with open(keyfile) as f:
            text = f.read()
        with open(keyfile, "w") as f:
            f.write(text.replace("active-hours-start=uint32 0\nactive-hours-end=uint32 0\n",
                                 f"active-hours-start=uint32 {(minute - 60) % 1440}\n"
                                 f"active-hours-end=uint32 {(minute + 60) % 1440}\n"))
        check(wait_for(lambda: 0 < next_due(bus, service) - now_us() <= 2 * INTERVAL * 1e6, 5),
              "in UTC, now is in the active hours: a reminder is due soon")
        set_zone(localtime, "Etc/GMT-6")
        check(wait_for(lambda: next_due(bus, service) - now_us() > 3600e6, 5),
              "moved six hours east, the next reminder waits for the active hours "
              f"({(next_due(bus, service) - now_us()) / 3600e6:.1f} h)")
        set_zone(localtime, "UTC")
        check(wait_for(lambda: 0 < next_due(bus, service) - now_us() <= 2 * INTERVAL * 1e6, 5),
              "back in UTC, it is due soon again")
        with open(keyfile, "w") as f:
            f.write(text)

        # A reminder names the user's own preset by the user's name, and
        # Daily practice in the position and length chosen for it.
        with open(keyfile) as f:
            text = f.read()
        own = ("own-presets=[{'id': <'own-stairs'>, 'name': <'Stairwell'>, 'position': <'standing'>,"
               " 'inhale-ms': <uint32 4000>, 'hold-in-ms': <uint32 0>, 'exhale-ms': <uint32 6000>,"
               " 'hold-out-ms': <uint32 0>, 'breaths': <uint32 0>, 'minutes': <uint32 3>}]\n")
        for settings, want in (("reminder-preset='own-stairs'\n" + own, "Stairwell, 3 minutes, Standing"),
                               ("reminder-preset='daily'\ndaily-position='seated'\ndaily-minutes=uint32 10\n",
                                "Daily practice, 10 minutes, Seated")):
            n_notifies = len(daemon.notifies())
            with open(keyfile, "w") as f:
                f.write(text.replace("reminder-preset='desk-break'\n", settings))
            body = wait_for(lambda: want in [n[4] for n in daemon.notifies()[n_notifies:]] and want,
                            3 * INTERVAL)
            check(body == want, f"a reminder names {want!r}: "
                  f"{[n[4] for n in daemon.notifies()[n_notifies:]]!r}")
        with open(keyfile, "w") as f:
            f.write(text)

        check(name_has_owner(bus, service) and connection_pid(bus, service) == reminders_pid,
              "the service is still running")

        # Reminders turned off: NextDue goes to 0, and the service, no
        # longer held, ends after GApplication's inactivity timeout.
        keyfile = os.path.join(config, "glib-2.0", "settings", "keyfile")
        with open(keyfile) as f:
            text = f.read()
        with open(keyfile, "w") as f:
            f.write(text.replace("reminders-enabled=true", "reminders-enabled=false"))
        check(wait_for(lambda: next_due(bus, service) == 0, 5), "NextDue is 0 with reminders off")
        check(wait_for(lambda: not name_has_owner(bus, service), 20),
              "the service ends when reminders are off")
    finally:
        # The programs the bus started, then the bus.
        for pid in activated:
            if pid:
                try:
                    os.kill(pid, 15)
                except ProcessLookupError:
                    pass
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
