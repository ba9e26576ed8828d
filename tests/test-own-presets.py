#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The user's own presets on the command line: `backbreath --start ID`
# starts one, in a first instance and through a running one, and an
# unknown id is answered with the valid ids, own ones included. The
# presets are in keyfile settings, as another process would have saved
# them; the sessions are read back from the history.
#
# usage: test-own-presets.py BACKBREATH APP_ID

import os
import subprocess
import sys
import tempfile

from testlib import check, finish, private_bus, sqlite, wait_for  # noqa: E402

PRESETS = ("[{'id': <'own-cafe0001'>, 'name': <'Stairwell'>, 'position': <'standing'>,"
           " 'inhale-ms': <uint32 5000>, 'hold-in-ms': <uint32 0>, 'exhale-ms': <uint32 7000>,"
           " 'hold-out-ms': <uint32 1000>, 'breaths': <uint32 9>, 'minutes': <uint32 0>},"
           " {'id': <'own-cafe0002'>, 'name': <'Ten on the floor'>, 'position': <'face-down'>,"
           " 'inhale-ms': <uint32 4000>, 'hold-in-ms': <uint32 2000>, 'exhale-ms': <uint32 6000>,"
           " 'hold-out-ms': <uint32 0>, 'breaths': <uint32 0>, 'minutes': <uint32 10>}]")


def write_settings(config, app_id):
    settings = os.path.join(config, "glib-2.0", "settings")
    os.makedirs(settings)
    group = app_id.replace(".", "/")
    with open(os.path.join(settings, "keyfile"), "w") as f:
        f.write(f"[{group}]\nown-presets={PRESETS}\n")


def main():
    exe, app_id = sys.argv[1], sys.argv[2]

    with private_bus() as address, tempfile.TemporaryDirectory() as home:
        data = os.path.join(home, "data")
        config = os.path.join(home, "config")
        write_settings(config, app_id)
        env = dict(os.environ, XDG_DATA_HOME=data, XDG_CONFIG_HOME=config,
                   GSETTINGS_BACKEND="keyfile", GTK_A11Y="none",
                   DBUS_SESSION_BUS_ADDRESS=address)
        run_checks(exe, env, os.path.join(data, "backbreath", "history.db"))

    return finish()


def run_checks(exe, env, path):
    out = subprocess.run([exe, "--start", "nowhere"], env=env, capture_output=True,
                         text=True, timeout=30)
    check(out.returncode == 2, f"an unknown preset exits 2 (got {out.returncode})")
    check("desk-break" in out.stderr and "own-cafe0001" in out.stderr and "own-cafe0002" in out.stderr,
          "the valid presets named include the own ones: " + out.stderr.strip())

    def row(preset):
        if not os.path.exists(path):
            return None
        try:
            return sqlite(path, "SELECT position_id, inhale_ms, hold_in_ms, exhale_ms, hold_out_ms,"
                                " breaths_planned, source FROM sessions"
                                f" WHERE preset_id = '{preset}'") or None
        except subprocess.CalledProcessError as e:
            print("# sqlite3: " + e.stderr.strip(), flush=True)
            return None

    app = subprocess.Popen([exe, "--start", "own-cafe0001"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        first = wait_for(lambda: row("own-cafe0001"), 30)
        check(first == "standing|5000|0|7000|1000|9|command-line",
              f"the first instance starts the own preset as saved: {first}")

        second = subprocess.run([exe, "--start", "own-cafe0002"], env=env, capture_output=True,
                                text=True, timeout=30)
        check(second.returncode == 0, f"a second --start hands over and exits 0 ({second.stderr.strip()})")
        # Ten minutes of 12 s breaths.
        got = wait_for(lambda: row("own-cafe0002"), 30)
        check(got == "face-down|4000|2000|6000|0|50|command-line",
              f"the running instance starts the other own preset: {got}")
        check(app.poll() is None, "the running instance keeps running")
    finally:
        if app.poll() is None:
            app.terminate()
            app.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
