#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The app by keyboard alone, as a user without a mouse goes through it:
# real key presses (xdotool, under the test's X server, with no window
# manager) into the real app on a private bus. Choose a session with Tab
# and Space, start it with Enter, pause and resume with Space, stop with
# Esc and take it back with Ctrl+Z, stop it for good, open Preferences
# with Ctrl+comma and leave with Esc, the history with Ctrl+H and back.
# After each step the app's state is read through AT-SPI (what has the
# focus, what shows) and from the history file. The test has an X server
# of its own, so that no other test's window takes the keys, and no other
# test's accessibility bus is published on it.
#
# usage: test-keyboard.py BACKBREATH APP_ID

import os
import subprocess
import sys
import time

from testlib import accessible_app, accessible_session, app_environment, check, finish, sqlite, wait_for

exe, app_id = sys.argv[1:3]


def main():
    with accessible_session() as (tmp, pyatspi):
        run(tmp, pyatspi)


def run(tmp, pyatspi):
    """The steps, on the test's display and bus."""
    data = os.path.join(tmp, "data")
    env = app_environment(tmp, app_id,
                          "chimes-enabled=false\nwelcome-shown=true\nsettle-countdown=false\n")
    history = os.path.join(data, "backbreath", "history.db")

    app_process = subprocess.Popen([exe], env=env)
    try:
        app = accessible_app(pyatspi, app_process.pid)
        check(app is not None, "the app is on the accessibility bus")
        if app is None:
            return

        def nodes():
            out = []
            stack = [app.getChildAtIndex(i) for i in range(app.childCount)]
            while stack:
                node = stack.pop()
                if node is None:
                    continue
                try:
                    states = node.getState()
                    if not states.contains(pyatspi.STATE_VISIBLE):
                        continue
                    if node.getRoleName() in ("frame", "dialog", "window") and \
                            not states.contains(pyatspi.STATE_SHOWING):
                        continue
                except Exception:
                    continue
                out.append(node)
                stack.extend(node.getChildAtIndex(i) for i in range(node.childCount))
            return out

        def focused():
            for node in nodes():
                if node.getState().contains(pyatspi.STATE_FOCUSED) and \
                        node.getRoleName() not in ("frame", "dialog", "window"):
                    return f"{node.getRoleName()}:{(node.name or '').strip()}"
            return None

        def showing(role, name):
            for node in nodes():
                if node.getRoleName() == role and (node.name or "").strip() == name:
                    try:
                        e = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
                        if e.width > 0 and e.height > 0:
                            return node
                    except Exception:
                        return node
            return None

        def windows():
            return [node.name for node in nodes() if node.getRoleName() in ("frame", "dialog", "window")]

        def key(*keys):
            subprocess.run(["xdotool", "key", "--delay", "80"] + list(keys), check=True)
            time.sleep(0.3)

        def session_rows():
            if not os.path.exists(history):
                return 0
            return int(sqlite(history, "SELECT count(*) FROM sessions;") or 0)

        ids = wait_for(lambda: subprocess.run(["xdotool", "search", "--onlyvisible", "--pid",
                                               str(app_process.pid)],
                                              capture_output=True, text=True).stdout.split(), 10)
        check(bool(ids), "the window is on the X server")
        if not ids:
            return
        subprocess.run(["xdotool", "windowfocus", "--sync", ids[-1]], check=True)
        wait_for(lambda: showing("push button", "Start"), 10)
        time.sleep(0.5)

        check(wait_for(lambda: focused() == "push button:Start", 15),
              f"the focus begins on Start ({focused()})")

        # Choose: Tab walks into the list of sessions; Space picks one.
        target = "radio button:Between sets"
        for _ in range(40):
            if focused() == target:
                break
            key("Tab")
        check(focused() == target, f"Tab reaches “Between sets” in the list ({focused()})")
        key("space")
        radio = showing("radio button", "Between sets")
        check(radio is not None and radio.getState().contains(pyatspi.STATE_CHECKED),
              "Space chooses it")

        # Start: Enter, with the focus still on the list.
        key("Return")
        check(wait_for(lambda: showing("push button", "Pause"), 15) is not None,
              "Enter starts the session")
        time.sleep(1)

        key("space")
        check(wait_for(lambda: showing("push button", "Resume"), 15) is not None,
              "Space pauses")
        key("space")
        check(wait_for(lambda: showing("push button", "Pause"), 15) is not None,
              "Space resumes")

        # Stop, and take it back from the toast.
        key("Escape")
        check(wait_for(lambda: showing("push button", "Done") is not None
                       and showing("push button", "Resume") is not None, 3),
              "Esc stops, with Resume on offer "
              f"({[n.name for n in nodes() if n.getRoleName() == 'push button']})")
        key("ctrl+z")
        check(wait_for(lambda: showing("push button", "Pause"), 15) is not None
              and showing("push button", "Done") is None,
              "Ctrl+Z resumes the stopped session")

        # Stop for good: Esc, then Done, which has the focus.
        key("Escape")
        check(wait_for(lambda: focused() == "push button:Done", 15),
              f"Esc stops again, the focus on Done ({focused()})")
        key("Return")
        check(wait_for(lambda: showing("push button", "Start"), 15) is not None,
              "Done leads back to the choice of sessions")
        check(wait_for(lambda: session_rows() == 1, 15), "the session is in the history once")

        # Preferences and back.
        key("ctrl+comma")
        check(wait_for(lambda: "Preferences" in windows(), 15),
              f"Ctrl+comma opens Preferences ({windows()})")
        key("Escape")
        check(wait_for(lambda: "Preferences" not in windows(), 15),
              f"Esc closes Preferences ({windows()})")

        # History and back, by the tabs.
        ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app_process.pid)],
                             capture_output=True, text=True).stdout.split()
        subprocess.run(["xdotool", "windowfocus", "--sync", ids[-1]], check=False)
        key("ctrl+h")
        check(wait_for(lambda: showing("filler", "History"), 15) is not None,
              "Ctrl+H shows the history")
        seen = []
        for _ in range(30):
            if focused() == "page tab:Practice":
                break
            key("Tab")
            seen.append(focused())
        check(focused() == "page tab:Practice", f"Tab reaches the Practice tab ({seen})")
        key("space")
        check(wait_for(lambda: showing("push button", "Start"), 15) is not None
              and showing("filler", "History") is None,
              "Space on it shows the practice page again")
    finally:
        app_process.terminate()
        app_process.wait(timeout=10)


main()
sys.exit(finish())
