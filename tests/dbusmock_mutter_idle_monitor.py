# SPDX-License-Identifier: GPL-3.0-or-later
#
# A python-dbusmock template for Mutter's idle monitor: the methods of
# org.gnome.Mutter.IdleMonitor on /org/gnome/Mutter/IdleMonitor/Core, in
# place as soon as the name is owned, as with the real Mutter. Idle watch
# ids count from 100 and user-active ones from 200, so a test knows which
# id answered which call; the test fires them with EmitSignal
# ("org.gnome.Mutter.IdleMonitor", "WatchFired", "u", [id]) and reads
# RemoveWatch calls from GetMethodCalls. SetIdletime sets what
# GetIdletime answers (an hour, unless set); SetFailActive (TRUE) makes
# AddUserActiveWatch fail.

BUS_NAME = "org.gnome.Mutter.IdleMonitor"
MAIN_OBJ = "/org/gnome/Mutter/IdleMonitor/Core"
MAIN_IFACE = "org.gnome.Mutter.IdleMonitor"
SYSTEM_BUS = False


def load(mock, _parameters):
    mock.idle_next = 99
    mock.active_next = 199
    mock.idletime = 3600000
    mock.fail_active = False
    mock.AddMethods(MAIN_IFACE, [
        ("AddIdleWatch", "t", "u", "self.idle_next += 1; ret = self.idle_next"),
        ("AddUserActiveWatch", "", "u",
         "if self.fail_active: raise dbus.exceptions.DBusException('no', name='org.example.Failed')\n"
         "self.active_next += 1; ret = self.active_next"),
        ("RemoveWatch", "u", "", ""),
        ("GetIdletime", "", "t", "ret = self.idletime"),
        ("SetIdletime", "t", "", "self.idletime = args[0]"),
        ("SetFailActive", "b", "", "self.fail_active = args[0]"),
    ])
