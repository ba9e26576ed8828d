#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The break reminders on a real GNOME Shell: a headless gnome-shell (43)
# on a private session bus, with a private system bus where dbusmock
# plays logind and the display manager. backbreath-reminders, started by
# D-Bus activation, sends its GNotification to the shell's
# org.gtk.Notifications; the banner is looked at in the shell's own
# screenshots, and its "Start" button is clicked with mutter's virtual
# pointer (org.gnome.Mutter.RemoteDesktop), which D-Bus-activates the
# window app as a Wayland client of the shell. Minutes last
# SECONDS_PER_MINUTE seconds.
#
# The shell refuses to run as root: when started as root the script
# runs itself again as "nobody", in a temporary folder of that user, and
# copies the screenshots into OUTPUT-DIR afterwards.
#
# usage: test-reminders-shell.py BACKBREATH BACKBREATH-REMINDERS APP_ID SCHEMA_DIR OUTPUT-DIR

import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

SECONDS_PER_MINUTE = 10
INTERVAL = 1 * SECONDS_PER_MINUTE
WIDTH, HEIGHT = 1280, 800
WAYLAND_DISPLAY = "wayland-backbreath"
REMINDERS1 = "io.github.backbreath.Backbreath.Reminders1"
BTN_LEFT = 0x110
SCREEN_SHIELD = "org.gnome.Shell.ScreenShield"


def stage_for(user, tmp):
    """Copies what the test runs (this script, testlib.py, the two
    programs and the build's data folder) into @tmp, owned by @user: the
    project may lie where that user cannot read, such as under /root.
    Returns the script's arguments for the staged copies."""
    backbreath_exe, reminders_exe, app_id, schema_dir = sys.argv[1:5]
    here = os.path.dirname(os.path.abspath(__file__))
    stage = os.path.join(tmp, "stage")
    os.makedirs(os.path.join(stage, "bin"))
    for name in (os.path.basename(__file__), "testlib.py"):
        shutil.copy(os.path.join(here, name), stage)
    staged = []
    for exe in (backbreath_exe, reminders_exe):
        staged.append(os.path.join(stage, "bin", os.path.basename(exe)))
        shutil.copy(exe, staged[-1])
    shutil.copytree(schema_dir, os.path.join(stage, "data"))
    for root, dirs, files in os.walk(tmp):
        for name in dirs + files:
            os.lchown(os.path.join(root, name), user.pw_uid, user.pw_gid)
    return (os.path.join(stage, os.path.basename(__file__)),
            [staged[0], staged[1], app_id, os.path.join(stage, "data")])


def run_as_nobody():
    """Runs this script again as nobody; returns its exit status."""
    user = pwd.getpwnam("nobody")
    tmp = tempfile.mkdtemp(prefix="bb-shell-")
    try:
        os.chown(tmp, user.pw_uid, user.pw_gid)
        script, args = stage_for(user, tmp)
        env = dict(os.environ, HOME=tmp, USER="nobody", LOGNAME="nobody", BB_SHELL_TMP=tmp)
        output = sys.argv[5]
        result = subprocess.run(["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}",
                                 "--clear-groups",
                                 "/usr/bin/python3", script] + args + [tmp],
                                env=env, cwd=tmp)
        shots = os.path.join(tmp, "screenshots")
        if os.path.isdir(shots):
            shutil.rmtree(output, ignore_errors=True)
            os.makedirs(output)
            for name in sorted(os.listdir(shots)):
                shutil.copy(os.path.join(shots, name), os.path.join(output, name))
            print(f"# screenshots in {output}", flush=True)
        return result.returncode
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    # meson's timeout: end as after a failure, stopping what was started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    # meson gives the executables relative to the build folder.
    sys.argv[1:] = [a if i == 3 else os.path.abspath(a) for i, a in enumerate(sys.argv[1:], 1)]
    if os.getuid() == 0:
        sys.exit(run_as_nobody())

import gi  # noqa: E402

gi.require_version("Gio", "2.0")
gi.require_version("GdkPixbuf", "2.0")
from gi.repository import GdkPixbuf, Gio, GLib  # noqa: E402
from testlib import (bus_connection, check, connection_pid, finish, name_has_owner,  # noqa: E402
                     now_us, sqlite, wait_for, write_reminder_settings)






def call(bus, name, path, iface, method, args=None, reply=None, timeout=5000, flags=Gio.DBusCallFlags.NONE):
    result = bus.call_sync(name, path, iface, method, args,
                           GLib.VariantType(reply) if reply else None, flags, timeout, None)
    return result.unpack() if result is not None else None






class Monitor:
    """The calls to org.gtk.Notifications on the session bus, seen from
    a monitoring connection (the bus's BecomeMonitor)."""

    def __init__(self, address):
        self.lock = threading.Lock()
        self.calls = []      # (sender, serial, member, args)
        self.conn = bus_connection(address)
        self.conn.add_filter(self._filter)
        call(self.conn, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.Monitoring",
             "BecomeMonitor", GLib.Variant("(asu)", (["interface='org.gtk.Notifications'"], 0)))

    def _filter(self, conn, message, incoming):
        try:
            return self._filter_real(conn, message, incoming)
        except Exception as e:  # noqa: BLE001 (in GDBus's thread: say it, go on)
            print(f"# monitor: {e!r}", flush=True)
            return None

    def _filter_real(self, conn, message, incoming):
        if not incoming or message.get_destination() == conn.get_unique_name():
            return message
        kind = message.get_message_type()
        with self.lock:
            if kind == Gio.DBusMessageType.METHOD_CALL and message.get_interface() == "org.gtk.Notifications":
                body = message.get_body()
                self.calls.append((message.get_sender(), message.get_serial(), message.get_member(),
                                   body.unpack() if body is not None else ()))
        # Never handled here: a monitor must not answer anything.
        return None

    def find(self, member, notification_id=None):
        """The arguments of the calls of @member (GLib expects no reply:
        an error would go unseen, the banner is the proof)."""
        with self.lock:
            return [args for (sender, serial, name, args) in self.calls
                    if name == member and (notification_id is None or args[1] == notification_id)]

    def close(self):
        self.conn.close_sync(None)


class Shot:
    """A screenshot, as rows of RGB bytes."""

    def __init__(self, path):
        pixbuf = GdkPixbuf.Pixbuf.new_from_file(path)
        self.path = path
        self.width, self.height = pixbuf.get_width(), pixbuf.get_height()
        self.stride, self.n = pixbuf.get_rowstride(), pixbuf.get_n_channels()
        self.data = pixbuf.get_pixels()

    def pixel(self, x, y):
        i = y * self.stride + x * self.n
        return tuple(self.data[i:i + 3])

    def diff_box(self, other, x0=0, y0=0, x1=None, y1=None, step=2):
        """The bounding box (left, top, right, bottom) of the pixels that
        differ from @other in the given area, or None."""
        x1 = self.width if x1 is None else x1
        y1 = self.height if y1 is None else y1
        box = None
        for y in range(y0, y1, step):
            for x in range(x0, x1, step):
                a, b = self.pixel(x, y), other.pixel(x, y)
                if sum(abs(p - q) for p, q in zip(a, b)) > 24:
                    if box is None:
                        box = [x, y, x, y]
                    else:
                        box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
        return box

    def colours(self, box, step=2):
        """How many distinct colours (in steps of 16) the box holds."""
        seen = set()
        for y in range(box[1], box[3] + 1, step):
            for x in range(box[0], box[2] + 1, step):
                seen.add(tuple(c // 16 for c in self.pixel(x, y)))
        return len(seen)


def children_of(pid):
    """The processes whose parent is @pid."""
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    # The command may hold spaces: the parent comes after its ")".
                    if int(f.read().rpartition(")")[2].split()[1]) == pid:
                        children.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return children


class Desktop:
    """The shell, its buses and virtual input, as the test drives them."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.procs = []
        self.shots = os.path.join(tmp, "screenshots")
        os.makedirs(self.shots, exist_ok=True)
        self.n_shots = 0
        self.rd_session = None

    def spawn(self, argv, env, log=None):
        out = open(os.path.join(self.tmp, log), "w") if log else subprocess.DEVNULL
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT if log else None)
        self.procs.append(proc)
        return proc

    def spawn_bus(self, env, listen):
        proc = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1",
                                 "--address=" + listen], stdout=subprocess.PIPE, text=True, env=env)
        self.procs.append(proc)
        return proc.stdout.readline().strip()

    def stop(self, timeout=10):
        procs, self.procs = self.procs, []
        for proc in reversed(procs):
            # A shell stuck in its start-up has a forked child stuck
            # before its exec (see start_desktop), which would outlive it.
            children = children_of(proc.pid)
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            for pid in children:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def screenshot(self, name):
        self.n_shots += 1
        path = os.path.join(self.shots, f"{self.n_shots:02d}-{name}.png")
        ok, used = call(self.bus, "org.gnome.Shell.Screenshot", "/org/gnome/Shell/Screenshot",
                        "org.gnome.Shell.Screenshot", "Screenshot",
                        GLib.Variant("(bbs)", (False, False, path)), "(bs)", timeout=20000)
        assert ok, f"screenshot {path} failed"
        return Shot(used)

    # Virtual input: relative motion only (absolute motion needs a
    # screen cast stream, which needs PipeWire). The pointer is first
    # pushed into the bottom-right corner, where nothing reacts to it.
    def start_input(self):
        rd = "org.gnome.Mutter.RemoteDesktop"
        (self.rd_session,) = call(self.bus, rd, "/org/gnome/Mutter/RemoteDesktop", rd, "CreateSession",
                                  None, "(o)")
        call(self.bus, rd, self.rd_session, rd + ".Session", "Start")
        self.pointer = None

    def _rd(self, method, args):
        call(self.bus, "org.gnome.Mutter.RemoteDesktop", self.rd_session,
             "org.gnome.Mutter.RemoteDesktop.Session", method, args)

    def move_to(self, x, y):
        if self.pointer is None:
            self._rd("NotifyPointerMotionRelative", GLib.Variant("(dd)", (4 * WIDTH, 4 * HEIGHT)))
            self.pointer = (WIDTH - 1, HEIGHT - 1)
        # In a few steps, as a hand would: the shell follows the pointer
        # through hover, not through jumps.
        px, py = self.pointer
        steps = 8
        for i in range(steps):
            self._rd("NotifyPointerMotionRelative",
                     GLib.Variant("(dd)", ((x - px) / steps, (y - py) / steps)))
            time.sleep(0.02)
        self.pointer = (x, y)

    def click(self):
        self._rd("NotifyPointerButton", GLib.Variant("(ib)", (BTN_LEFT, True)))
        time.sleep(0.05)
        self._rd("NotifyPointerButton", GLib.Variant("(ib)", (BTN_LEFT, False)))

    def nudge(self):
        """A little input that counts as activity."""
        self._rd("NotifyPointerMotionRelative", GLib.Variant("(dd)", (-1, 0)))
        self._rd("NotifyPointerMotionRelative", GLib.Variant("(dd)", (1, 0)))





def install_desktop_files(tmp, data, schema_dir, app_id, executables):
    """The apps' .desktop files, as the shell must find them at its start
    (or org.gtk.Notifications answers InvalidApp), from the build; GLib
    also wants their Exec in PATH. Returns the folder to add to PATH."""
    apps = os.path.join(data, "applications")
    os.makedirs(apps)
    for name in (app_id, app_id + ".Reminders"):
        shutil.copy(os.path.join(schema_dir, name + ".desktop"), apps)
    bindir = os.path.join(tmp, "bin")
    os.makedirs(bindir)
    for exe in executables:
        os.symlink(exe, os.path.join(bindir, os.path.basename(exe)))
    return bindir


def install_services(data, services):
    """D-Bus .service files where the session bus looks first
    ($XDG_DATA_HOME/dbus-1/services): name -> command line."""
    directory = os.path.join(data, "dbus-1", "services")
    os.makedirs(directory)
    for name, command in services.items():
        with open(os.path.join(directory, name + ".service"), "w") as f:
            f.write(f"[D-BUS Service]\nName={name}\nExec={command}\n")


def main():
    backbreath_exe, reminders_exe, app_id, schema_dir, output = sys.argv[1:6]
    # Run as root, the script runs again as nobody with its temporary
    # folder as OUTPUT-DIR; otherwise it makes one and copies the
    # screenshots out itself.
    tmp = output if os.environ.get("BB_SHELL_TMP") == output else tempfile.mkdtemp(prefix="bb-shell-")
    try:
        return run(backbreath_exe, reminders_exe, app_id, schema_dir, tmp)
    finally:
        if tmp != output:
            shots = os.path.join(tmp, "screenshots")
            if os.path.isdir(shots):
                shutil.rmtree(output, ignore_errors=True)
                shutil.copytree(shots, output)
            shutil.rmtree(tmp, ignore_errors=True)


def run(backbreath_exe, reminders_exe, app_id, schema_dir, tmp):
    desktop = Desktop(tmp)
    monitor = None
    activated = []
    try:
        monitor = run_checks(desktop, backbreath_exe, reminders_exe, app_id, schema_dir, tmp, activated)
    except Exception as e:  # noqa: BLE001 (a TAP failure, not a crash)
        check(False, f"the checks ran to the end: {e!r}")
    finally:
        if monitor is not None:
            monitor.close()
        # What the session bus started, then the shell, then the buses.
        for pid in activated:
            if pid:
                try:
                    os.kill(pid, 15)
                except ProcessLookupError:
                    pass
        desktop.stop()
        # BB_SHELL_VERBOSE=1: the shell's own log, after the results.
        for attempt in (1, 2):
            log = os.path.join(tmp, f"shell-{attempt}.log")
            if os.environ.get("BB_SHELL_VERBOSE") and os.path.exists(log):
                with open(log) as f:
                    for line in f:
                        print("# " + line.rstrip())
    return finish()


def start_desktop(desktop, tmp, data, config, bindir, attempt):
    """The system bus with its mocks, the session bus and the shell.
    Returns whether they came up, and what was seen."""
    uid = os.getuid()
    user = pwd.getpwuid(uid).pw_name
    runtime = os.path.join(tmp, f"runtime-{attempt}")
    os.mkdir(runtime, 0o700)

    base = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "G_DEBUG",
                         "GIO_MODULE_DIR", "GSETTINGS_SCHEMA_DIR", "GDK_BACKEND", "GDK_DEBUG",
                         "MALLOC_CHECK_", "XDG_CURRENT_DESKTOP", "XDG_SESSION_ID")}
    base.update({"PATH": bindir + ":" + os.environ.get("PATH", "/usr/bin:/bin"),
                 "XDG_RUNTIME_DIR": runtime, "XDG_DATA_HOME": data, "XDG_CONFIG_HOME": config,
                 "XDG_CACHE_HOME": os.path.join(tmp, "cache"), "GSETTINGS_BACKEND": "memory",
                 "NO_AT_BRIDGE": "1", "GTK_A11Y": "none"})

    # The system bus: logind with our session, and a display manager, or
    # the shell builds no lock screen.
    system_address = desktop.spawn_bus(base, f"unix:path={tmp}/system_bus-{attempt}")
    base["DBUS_SYSTEM_BUS_ADDRESS"] = system_address
    system = bus_connection(system_address)
    desktop.spawn(["/usr/bin/python3", "-m", "dbusmock", "--system", "--template", "logind"], base)
    desktop.spawn(["/usr/bin/python3", "-m", "dbusmock", "--system", "org.gnome.DisplayManager",
                   "/org/gnome/DisplayManager/Manager", "org.gnome.DisplayManager.Manager"], base)
    if not wait_for(lambda: name_has_owner(system, "org.freedesktop.login1") and
                    name_has_owner(system, "org.gnome.DisplayManager"), 10):
        return False, "no logind or display manager (dbusmock) on the system bus"
    mock = "org.freedesktop.DBus.Mock"
    call(system, "org.freedesktop.login1", "/org/freedesktop/login1", mock, "AddSession",
         GLib.Variant("(ssusb)", ("c1", "seat0", uid, user, True)))
    desktop.session_path = "/org/freedesktop/login1/session/c1"
    dm = ("org.gnome.DisplayManager", "/org/gnome/DisplayManager/Manager")
    call(system, *dm, mock, "AddProperty",
         GLib.Variant("(ssv)", ("org.gnome.DisplayManager.Manager", "Version", GLib.Variant("s", "43.0"))))
    call(system, *dm, mock, "AddMethod",
         GLib.Variant("(sssss)", ("org.gnome.DisplayManager.Manager", "RegisterSession", "a{sv}", "", "")))

    # The session bus, which starts the shell's helpers and our programs.
    address = desktop.spawn_bus(base, f"unix:tmpdir={tmp}")
    desktop.address = address
    desktop.bus = bus_connection(address)
    desktop.system = system

    shell_env = dict(base, DBUS_SESSION_BUS_ADDRESS=address, XDG_SESSION_TYPE="wayland",
                     XDG_SESSION_ID="c1", XDG_CURRENT_DESKTOP="GNOME", MUTTER_DEBUG_RESET_IDLETIME="1")
    started = time.monotonic()
    desktop.shell = desktop.spawn(["gnome-shell", "--headless", "--virtual-monitor", f"{WIDTH}x{HEIGHT}",
                                   "--wayland", "--no-x11", "--wayland-display", WAYLAND_DISPLAY],
                                  shell_env, log=f"shell-{attempt}.log")
    # In 43 the shell owns its org.gnome.ScreenSaver object under the
    # name org.gnome.Shell.ScreenShield (org.gnome.ScreenSaver is
    # gnome-settings-daemon's proxy), and only with a lock screen.
    needed = ("org.gtk.Notifications", "org.gnome.Shell.Screenshot", "org.gnome.Mutter.RemoteDesktop",
              SCREEN_SHIELD, "org.gnome.Mutter.IdleMonitor")
    log = os.path.join(tmp, f"shell-{attempt}.log")

    def up():
        with open(log) as f:
            return "GNOME Shell started" in f.read()
    ok = wait_for(lambda: desktop.shell.poll() is None and up() and
                  all(name_has_owner(desktop.bus, n) for n in needed), 15, 0.2)
    missing = [n for n in needed if not name_has_owner(desktop.bus, n)]
    seen = (f"GNOME Shell is up with {', '.join(needed)} ({time.monotonic() - started:.1f} s;"
            f" missing: {missing}; attempt {attempt})")
    if not ok:
        with open(log) as f:
            for line in f.readlines()[-20:]:
                print("# " + line.rstrip())
        return False, seen

    # The shell's screenshots are for org.gnome.Screenshot only.
    call(desktop.bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
         "RequestName", GLib.Variant("(su)", ("org.gnome.Screenshot", 4)), "(u)")
    desktop.start_input()
    return True, seen


def run_checks(desktop, backbreath_exe, reminders_exe, app_id, schema_dir, tmp, activated):
    service = app_id + ".Reminders"
    service_path = "/" + service.replace(".", "/")
    data = os.path.join(tmp, "data")
    config = os.path.join(tmp, "config")
    history = os.path.join(data, "backbreath", "history.db")
    os.makedirs(os.path.dirname(history))
    write_reminder_settings(config, app_id, chimes=False)
    bindir = install_desktop_files(tmp, data, schema_dir, app_id, (backbreath_exe, reminders_exe))

    # What our two programs run with, set on their command lines: the
    # shell's own helpers, started by the same bus, keep their defaults.
    ours = " ".join([
        "/usr/bin/env", "GSETTINGS_BACKEND=keyfile", f"GSETTINGS_SCHEMA_DIR={schema_dir}",
        f"BACKBREATH_REMINDER_SECONDS_PER_MINUTE={SECONDS_PER_MINUTE}",
        "GDK_BACKEND=wayland", f"WAYLAND_DISPLAY={WAYLAND_DISPLAY}", "GSK_RENDERER=cairo",
        "G_DEBUG=fatal-criticals", "LC_ALL=C.UTF-8", f"BACKBREATH_SOUNDS_DIR={schema_dir}/sounds",
        # The away monitor finds our logind session (the mock's) by it.
        "XDG_SESSION_ID=c1"])
    install_services(data, {
        app_id: f"{ours} {backbreath_exe} --gapplication-service",
        service: f"{ours} {reminders_exe} --gapplication-service --history {history}",
    })
    # Now and then (one start in seven here) the shell hangs in its
    # start-up, before "GNOME Shell started": its IBus manager spawns
    # ibus-daemon with a JavaScript child_setup, which can deadlock in
    # the forked child of the threaded shell, and the shell waits for
    # that child's exec for ever. Start it all again, once.
    for attempt in (1, 2):
        ok, seen = start_desktop(desktop, tmp, data, config, bindir, attempt)
        if ok:
            break
        print(f"# {seen}: starting again", flush=True)
        desktop.stop(timeout=3)
    check(ok, seen)
    if not ok:
        return None
    bus = desktop.bus
    monitor = Monitor(desktop.address)

    blank = desktop.screenshot("before")
    check(blank.width == WIDTH and blank.height == HEIGHT,
          f"the shell takes screenshots ({blank.width}x{blank.height})")

    # Started as the window app starts it when reminders are turned on.
    started = now_us()
    (result,) = call(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                     "StartServiceByName", GLib.Variant("(su)", (service, 0)), "(u)", timeout=20000)
    check(result == 1, "D-Bus starts backbreath-reminders")
    activated.append(connection_pid(bus, service))
    (due,) = call(bus, service, service_path, "org.freedesktop.DBus.Properties", "Get",
                  GLib.Variant("(ss)", (REMINDERS1, "NextDue")), "(v)")
    check(started < due <= now_us() + INTERVAL * 1e6,
          f"NextDue is one interval away ({(due - started) / 1e6:.1f} s)")

    # 1. The banner. The service is a GApplication: under GNOME, GLib
    # sends its notification to the shell's org.gtk.Notifications.
    sent = wait_for(lambda: monitor.find("AddNotification"), INTERVAL + 10)
    check(bool(sent), "the reminder reaches the shell's org.gtk.Notifications")
    if not sent:
        return monitor
    check(connection_pid(bus, "org.gtk.Notifications") == desktop.shell.pid,
          "... which is the shell's own")
    app, nid, info = sent[0]
    check(app == service and nid == "break-reminder",
          f"... from {app!r} with the id {nid!r}")
    title = info.get("title")
    buttons = [b.get("label") for b in info.get("buttons", [])]
    check(title == "Time for a breathing break" and buttons == ["Start", "Snooze"],
          f"... titled {title!r}, with the buttons {buttons}")

    # The banner slides in from the top: wait until two screenshots agree.
    def banner():
        shot = desktop.screenshot("banner")
        box = shot.diff_box(blank, WIDTH // 4, 0, 3 * WIDTH // 4, HEIGHT // 3)
        return (shot, box) if box and box[3] - box[1] > 40 else None
    found = wait_for(banner, 15, 0.3)
    check(bool(found), f"a banner shows at the top centre ({found[1] if found else None})")
    if not found:
        return monitor
    shot, box = found
    centre = (box[0] + box[2]) // 2
    check(abs(centre - WIDTH // 2) < 40 and box[2] - box[0] > 200,
          f"... centred, {box[2] - box[0]} px wide")
    check(shot.colours(box) > 8, f"... and not blank ({shot.colours(box)} colours) in {shot.path}")

    # 2. "Start". The pointer over the banner expands it, which shows
    # its buttons below the body; they share the banner's width.
    desktop.move_to((box[0] + box[2]) // 2, (box[1] + box[3]) // 2)

    def expanded():
        shot = desktop.screenshot("expanded")
        ebox = shot.diff_box(blank, WIDTH // 4, 0, 3 * WIDTH // 4, HEIGHT // 2)
        return (shot, ebox) if ebox and ebox[3] > box[3] + 20 else None
    found = wait_for(expanded, 15, 0.3)
    # ... and wait for the end of its animation.
    while found:
        again = expanded()
        if again is None or again[1] == found[1]:
            break
        found = again
    check(bool(found), f"the banner expands under the pointer ({found[1] if found else None})")
    if not found:
        return monitor
    shot, ebox = found
    start = (ebox[0] + (ebox[2] - ebox[0]) // 4, (box[3] + ebox[3]) // 2)
    check(shot.colours((start[0] - 40, start[1] - 8, start[0] + 40, start[1] + 8), 1) > 3,
          f"something is drawn where Start is, at {start}")
    n_removed = len(monitor.find("RemoveNotification"))
    desktop.move_to(*start)
    desktop.click()
    clicked = now_us()

    # The service withdraws the notification, then asks the window app
    # (which D-Bus starts) to begin the reminder's preset.
    check(wait_for(lambda: len(monitor.find("RemoveNotification")) > n_removed, 15),
          "the service withdraws the notification on Start")
    check(wait_for(lambda: name_has_owner(bus, app_id), 20), "Start opens the window app")
    activated.append(connection_pid(bus, app_id))
    rows = wait_for(lambda: os.path.exists(history) and
                    sqlite(history, "SELECT preset_id, start_utc_us FROM sessions WHERE source = 'reminder'"),
                    15)
    preset, _, begun = (rows or "|").partition("|")
    check(preset == "desk-break" and begun.isdigit() and int(begun) >= clicked - 2e6,
          f"the window app records a session begun from the reminder: {rows!r}")

    # The overview closes and the window shows (a Wayland client of the
    # shell): more than the plain background in the middle of the screen.
    middle = (WIDTH // 2 - 200, HEIGHT // 2 - 150, WIDTH // 2 + 200, HEIGHT // 2 + 150)

    def window_shown():
        shot = desktop.screenshot("window")
        return shot if shot.colours(middle, 4) > 4 and shot.diff_box(blank, *middle, 8) else None
    found = wait_for(window_shown, 20, 0.5)
    check(bool(found), f"the window shows ({found.path if found else None})")
    # For the eye: the first frame may still be the page transition.
    time.sleep(1)
    desktop.screenshot("session")

    away_checks(desktop, monitor, service, service_path)
    return monitor


def get_next_due(bus, service, path):
    (due,) = call(bus, service, path, "org.freedesktop.DBus.Properties", "Get",
                  GLib.Variant("(ss)", (REMINDERS1, "NextDue")), "(v)")
    return due


def idle_time(bus):
    (ms,) = call(bus, "org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
                 "org.gnome.Mutter.IdleMonitor", "GetIdletime", None, "(t)")
    return ms


def away_checks(desktop, monitor, service, service_path):
    """3. Time away: idle past away-minutes (1, scaled) is a break that
    input ends, and so is a lock; nothing shows while locked."""
    bus = desktop.bus
    threshold = 1 * SECONDS_PER_MINUTE

    def next_due():
        return get_next_due(bus, service, service_path)

    def until_due_in(low, high):
        """Waits for a moment @low to @high seconds before the next due
        time: the checks below then tell "one interval after the return"
        from the old cadence by half an interval."""
        ok = wait_for(lambda: low * 1e6 <= next_due() - now_us() <= high * 1e6, INTERVAL + 2, 0.05)
        assert ok, "no due time in sight"

    # A short idle (under the threshold) changes nothing. Input comes
    # every 2 s while the due time draws near, so that no idle from
    # before this check ends in it (its end moves NextDue, a moment after
    # the input).
    last_input = [0.0]

    def due_in_with_input(low, high):
        if time.monotonic() - last_input[0] >= 2:
            desktop.nudge()
            last_input[0] = time.monotonic()
        return low * 1e6 <= next_due() - now_us() <= high * 1e6

    assert wait_for(lambda: due_in_with_input(INTERVAL * 0.6, INTERVAL * 0.8), 2 * INTERVAL, 0.05), \
        "no due time in sight"
    desktop.nudge()
    time.sleep(0.5)
    before = next_due()
    time.sleep(threshold * 0.3)
    desktop.nudge()
    time.sleep(0.5)
    check(next_due() == before, "input after a short idle leaves NextDue alone")

    # A long one: no input past the threshold, then input half an
    # interval before the next due time.
    desktop.nudge()
    idle = wait_for(lambda: idle_time(bus) >= (threshold + 1) * 1000 and idle_time(bus), threshold + 5, 0.2)
    check(bool(idle), f"the shell counts the idle time past the threshold ({idle} ms)")
    until_due_in(INTERVAL * 0.4, INTERVAL * 0.6)
    before = next_due()
    desktop.nudge()
    back = now_us()
    moved = wait_for(lambda: next_due() != before, 15)
    after = next_due()
    check(moved and abs(after - (back + INTERVAL * 1e6)) < 1e6,
          f"input after the idle restarts the countdown: NextDue {(after - back) / 1e6:.2f} s after"
          f" the return (want {INTERVAL}, was {(before - back) / 1e6:.2f})")

    # A lock across a due time: no notification while locked; the
    # unlock, past the threshold, restarts the countdown.
    shield = (SCREEN_SHIELD, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver")

    def locked():
        return call(bus, *shield, "GetActive", None, "(b)")[0]
    until_due_in(INTERVAL * 0.4, INTERVAL * 0.6)
    due = old_due = next_due()
    n_added = len(monitor.find("AddNotification"))
    mock = "org.freedesktop.DBus.Mock"
    call(desktop.system, "org.freedesktop.login1", desktop.session_path, mock, "EmitSignal",
         GLib.Variant("(sssav)", ("org.freedesktop.login1.Session", "Lock", "", [])))
    lock_time = now_us()
    check(wait_for(locked, 15), "logind's Lock locks the shell")
    desktop.screenshot("locked")
    # Locked past the threshold and the due time.
    wait_for(lambda: False, threshold + 2)
    added = len(monitor.find("AddNotification")) - n_added
    check(now_us() > due and added == 0,
          f"no notification while locked, across a due time {(due - lock_time) / 1e6:.1f} s into the lock"
          f" ({added} sent)")
    call(desktop.system, "org.freedesktop.login1", desktop.session_path, mock, "EmitSignal",
         GLib.Variant("(sssav)", ("org.freedesktop.login1.Session", "Unlock", "", [])))
    unlocked = now_us()
    check(wait_for(lambda: not locked(), 15), "logind's Unlock unlocks the shell")
    wait_for(lambda: abs(next_due() - (unlocked + INTERVAL * 1e6)) < 1e6, 5)
    due = next_due()
    check(abs(due - (unlocked + INTERVAL * 1e6)) < 1e6,
          f"after the unlock NextDue is one interval away ({(due - unlocked) / 1e6:.2f} s; the old"
          f" cadence says {((old_due - unlocked) / 1e6) % INTERVAL:.2f} s)")
    check(len(monitor.find("AddNotification")) == n_added,
          "and no reminder comes at the unlock itself")


if __name__ == "__main__":
    sys.exit(main())
