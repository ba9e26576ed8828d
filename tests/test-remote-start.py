#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `backbreath --start` while the running instance quits: the running
# instance (here a stand-in that owns the app's name) goes away without
# answering, and the new process must become the running instance itself,
# not print a raw D-Bus error.
#
# usage: test-remote-start.py BACKBREATH APP_ID

import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402
from testlib import bus_connection, check, finish, private_bus  # noqa: E402

STAND_IN = r"""
import sys
from gi.repository import Gio, GLib

app_id = sys.argv[1]
path = "/" + app_id.replace(".", "/")
xml = '''<node><interface name="org.gtk.Actions">
  <method name="DescribeAll"><arg type="a{s(bgav)}" direction="out"/></method>
</interface></node>'''
loop = GLib.MainLoop()

def call(conn, sender, obj, iface, method, params, invocation):
    # Quit with the call unanswered, as an instance on its way out does.
    print("asked", flush=True)
    import os
    os._exit(0)

def acquired(conn, name):
    print("owner", flush=True)

bus = Gio.bus_get_sync(Gio.BusType.SESSION)
info = Gio.DBusNodeInfo.new_for_xml(xml)
bus.register_object(path, info.interfaces[0], call)
Gio.bus_own_name_on_connection(bus, app_id, Gio.BusNameOwnerFlags.NONE, acquired, None)
loop.run()
"""



def name_owner_pid(bus, name):
    try:
        reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                              "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                              GLib.Variant("(s)", (name,)), GLib.VariantType("(u)"),
                              Gio.DBusCallFlags.NONE, 1000, None)
        return reply.unpack()[0]
    except GLib.Error:
        return None


def main():
    exe, app_id = sys.argv[1], sys.argv[2]

    # A private session bus: nothing a user runs can answer for the app.
    with private_bus() as address:
        run_checks(exe, app_id, address)

    return finish()


def run_checks(exe, app_id, address):
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address)
    app = stand_in = None

    try:
        bus = bus_connection(address)

        stand_in = subprocess.Popen(["/usr/bin/python3", "-c", STAND_IN, app_id],
                                    env=env, stdout=subprocess.PIPE, text=True)
        check(stand_in.stdout.readline().strip() == "owner", "a stand-in owns the app's name")

        err = tempfile.TemporaryFile(mode="w+")
        app = subprocess.Popen([exe, "--start", "desk-break"], env=env,
                               stdout=subprocess.DEVNULL, stderr=err)
        check(stand_in.stdout.readline().strip() == "asked", "the new process asked the running one")
        stand_in.wait(timeout=10)

        # The new process takes the name itself and keeps running.
        owner = None
        for _ in range(200):
            owner = name_owner_pid(bus, app_id)
            if owner == app.pid or app.poll() is not None:
                break
            time.sleep(0.05)

        err.seek(0)
        stderr = err.read()
        check(owner == app.pid, f"the new process became the running instance (owner {owner}, pid {app.pid})")
        check(app.poll() is None, "it keeps running with the session")
        check("GDBus.Error" not in stderr and "NoReply" not in stderr,
              "no raw D-Bus error is printed: " + stderr.strip().replace("\n", " | "))
    finally:
        for proc in (app, stand_in):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
