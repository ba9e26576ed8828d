# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the X benchmarks share: a private Xvfb and session bus, and an
# environment in which the app and its yardstick run alike (cairo
# renderer, settings from a keyfile in a temporary
# directory so that the app's window has the yardstick's 800x600).

import os
import shutil
import subprocess
import tempfile
import time

WIDTH, HEIGHT = 800, 600


class Display:
    def __init__(self, schema_id, schema_dir):
        self.schema_id = schema_id
        self.schema_dir = schema_dir

    def __enter__(self):
        self.tmp = tempfile.mkdtemp(prefix="bb-bench-")
        self.display = ":%d" % (90 + os.getpid() % 100)
        self.xvfb = subprocess.Popen(["Xvfb", self.display, "-screen", "0", "1280x1024x24",
                                      "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        config = os.path.join(self.tmp, "config")
        settings = os.path.join(config, "glib-2.0", "settings")
        os.makedirs(settings)
        group = "/" + self.schema_id.replace(".", "/") + "/"
        with open(os.path.join(settings, "keyfile"), "w") as f:
            f.write(f"[{group.strip('/')}]\nwindow-width={WIDTH}\nwindow-height={HEIGHT}\n")
        runtime = os.path.join(self.tmp, "runtime")
        os.makedirs(runtime, mode=0o700)

        # A private session bus, so that every program is measured
        # itself and not through a wrapper. The accessibility bus it
        # starts goes into the private runtime directory too: one shared
        # with other test runs on the machine comes and goes under us.
        bus_env = dict(os.environ, XDG_RUNTIME_DIR=runtime, DISPLAY=self.display)
        self.bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                    stdout=subprocess.PIPE, text=True, env=bus_env)
        address = self.bus.stdout.readline().strip()

        self.env = dict(os.environ)
        # Measure the programs as people run them, without the test
        # suite's debugging aids (MALLOC_CHECK_ alone slows every malloc).
        for name in ("G_DEBUG", "G_ENABLE_DIAGNOSTIC", "MALLOC_CHECK_", "MALLOC_PERTURB_",
                     "WAYLAND_DISPLAY"):
            self.env.pop(name, None)
        self.env.update({
            "DBUS_SESSION_BUS_ADDRESS": address,
            "DISPLAY": self.display,
            "GDK_BACKEND": "x11",
            "GSK_RENDERER": "cairo",
            "GSETTINGS_BACKEND": "keyfile",
            "GSETTINGS_SCHEMA_DIR": self.schema_dir,
            "NO_AT_BRIDGE": "1",
            "XDG_CONFIG_HOME": config,
            "XDG_DATA_HOME": os.path.join(self.tmp, "data"),
            "XDG_RUNTIME_DIR": runtime,
        })
        # Xvfb is ready once a client can connect.
        for _ in range(100):
            if subprocess.run(["xdpyinfo"], env=self.env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0:
                break
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        for proc in (self.xvfb, self.bus):
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(self.tmp, ignore_errors=True)


def median(values):
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
