#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The real window through a screen reader's eyes: the app runs on a
# private bus with its accessibility bridge on, and AT-SPI (pyatspi) walks
# every page and dialog. Every control that can be focused or acted on
# must have a meaningful name: not empty, not a widget type, not said
# twice over, and not the same as another control's beside it.
# Pages are reached the way a screen reader user reaches them, through
# the controls' own AT-SPI actions, and dialogs with their shortcuts.
#
# usage: test-accessibility.py BACKBREATH APP_ID

import os
import re
import subprocess
import sys
import time

from testlib import accessible_app, accessible_session, app_environment, check, finish, wait_for

exe, app_id = sys.argv[1:3]

# Roles a user acts on, whatever their states say.
ACTIONABLE_ROLES = {
    "push button", "toggle button", "check box", "radio button", "switch",
    "combo box", "menu item", "check menu item", "radio menu item",
    "slider", "spin button", "text", "entry", "password text", "link",
    "list item", "table cell", "page tab", "tree item",
}
# Containers GTK makes focusable for scrolling; a screen reader passes
# through them.
CONTAINER_ROLES = {"scroll pane", "scroll bar", "panel", "filler", "viewport"}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Bb)[A-Z]\w*$")


def doubled(name):
    words = name.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def loose(name):
    """@name as GTK 4.8 may garble it: “_Start Start” for “Start”."""
    words = name.replace("_", "").split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]
    return " ".join(words)


class Walker:
    def __init__(self, pyatspi, app):
        self.pyatspi = pyatspi
        self.app = app

    def windows(self):
        return [self.app.getChildAtIndex(i) for i in range(self.app.childCount)]

    def showing(self, node):
        """Whether @node is on screen. GTK 4.8 marks only windows as
        showing; below them, a widget that is not drawn has no size, and
        the app marks the covered pages of its stacks hidden (not
        visible), as they keep the size they last had."""
        try:
            states = node.getState()
            if not states.contains(self.pyatspi.STATE_VISIBLE):
                return False
            if node.getRoleName() in ("frame", "dialog", "window", "application"):
                return states.contains(self.pyatspi.STATE_SHOWING)
        except Exception:
            return False
        try:
            extents = node.queryComponent().getExtents(self.pyatspi.WINDOW_COORDS)
        except Exception:
            # Nodes without a place of their own, as stack pages, pass
            # the question to their children.
            return True
        return extents.width > 0 and extents.height > 0

    def nodes(self, node):
        """Every showing node below @node, depth first."""
        out = []
        stack = [node]
        while stack:
            current = stack.pop()
            if not self.showing(current):
                continue
            out.append(current)
            try:
                n = current.childCount
            except Exception:
                n = 0
            for i in reversed(range(n)):
                child = current.getChildAtIndex(i)
                if child is not None:
                    stack.append(child)
        return out

    def interactive(self, node):
        role = node.getRoleName()
        # A wrapper around the control that takes the focus, as a menu
        # button around its button, is the same control.
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None and child.getRoleName() == role and child.name == node.name:
                return False
        try:
            states = node.getState()
            focusable = states.contains(self.pyatspi.STATE_FOCUSABLE)
        except Exception:
            focusable = False
        try:
            actions = node.queryAction().nActions
        except NotImplementedError:
            actions = 0
        if role in CONTAINER_ROLES:
            return actions > 0
        # GTK 4.8 gives every label its context menu's actions (copy,
        # select all); a label is a control only when it takes the focus,
        # as a selectable one or a link.
        if role == "label":
            return focusable
        return role in ACTIONABLE_ROLES or focusable or actions > 0

    def labels(self, node):
        """The text of the labels that label @node, or None. (GTK also
        says that an icon labels its button, and names lists after empty
        labels: those do not count.)"""
        texts = []
        for relation in node.getRelationSet():
            if relation.getRelationType() == self.pyatspi.RELATION_LABELLED_BY:
                targets = [relation.getTarget(i) for i in range(relation.getNTargets())]
                texts += [loose(t.name) for t in targets
                          if t is not None and t.getRoleName() == "label" and (t.name or "").strip()]
        return " ".join(texts) if texts else None

    def audit(self, where):
        """Checks the names of every interactive node now showing."""
        if os.environ.get("BB_A11Y_DUMP"):
            print(f"# --- {where}")
            self.dump()
        problems = []
        count = 0
        for window in self.windows():
            if not self.showing(window):
                continue
            # A screen reader reads one window at a time: each window's
            # "Close" is its own.
            seen = {}
            for node in self.nodes(window):
                if node is window or not self.interactive(node):
                    continue
                count += 1
                role = node.getRoleName()
                name = (node.name or "").strip()
                if not name:
                    problems.append(f"a {role} without a name (in {self.path(node)})")
                elif TYPE_NAME.match(name):
                    problems.append(f"a {role} named by its type “{name}”")
                elif re.search(r"(^|\s)_\w", name):
                    problems.append(f"a {role} named with its mnemonic’s underline “{name}”")
                elif doubled(name):
                    problems.append(f"a {role} named twice over “{name}”")
                elif self.labels(node) not in (None, loose(name)):
                    # Its own label read with the one that labels it.
                    problems.append(f"a {role} named “{name}”, not “{self.labels(node)}” "
                                    f"as the label that labels it says")
                else:
                    key = (role, name)
                    if key in seen:
                        problems.append(f"two {role}s named “{name}”")
                    seen[key] = True
        check(count > 0 and not problems,
              f"{where}: {count} controls, all named"
              + ("" if not problems else ": " + "; ".join(sorted(set(problems))[:12])))
        return count

    def dump(self):
        """Prints the tree now showing, for a look by eye (BB_A11Y_DUMP=1)."""
        for window in self.windows():
            for node in self.nodes(window):
                depth = 0
                p = node.parent
                while p is not None and p != window and depth < 40:
                    depth += 1
                    p = p.parent
                flag = "*" if self.interactive(node) else " "
                print(f"# {flag}{'  ' * depth}{node.getRoleName()}: {node.name!r} {node.description!r}")

    def path(self, node):
        parts = []
        current = node
        while current is not None and len(parts) < 4:
            parts.append(f"{current.getRoleName()}:{(current.name or '')[:20]}")
            current = current.parent
        return " < ".join(parts)

    def find(self, role, name, window=None, acting=False):
        """The first control showing with @role and @name; with @acting,
        the first that has an action (not the wrapper around it)."""
        for win in ([window] if window else self.windows()):
            if not self.showing(win):
                continue
            for node in self.nodes(win):
                found = (node.name or "").strip()
                if node.getRoleName() == role and (found == name or loose(found) == name):
                    if acting:
                        try:
                            if node.queryAction().nActions == 0:
                                continue
                        except NotImplementedError:
                            continue
                    return node
        return None

    def window(self, name, timeout=5):
        """The window (or dialog) named @name once it shows."""
        def named():
            for win in self.windows():
                if self.showing(win) and (win.name or "") == name:
                    return win
            return None
        win = wait_for(named, timeout)
        check(win is not None, f"the window “{name}” shows"
              + ("" if win is not None else
                 f" (windows: {[w.name for w in self.windows() if self.showing(w)]})"))
        return win

    def close(self, name):
        """Closes the window named @name with its own close button."""
        win = self.window(name, 1)
        if win is not None:
            self.act("push button", "Close", window=win)
            wait_for(lambda: all((w.name or "") != name or not self.showing(w)
                                 for w in self.windows()), 5)

    def act(self, role, name, timeout=5, window=None):
        """Does the first action of the control named @name."""
        node = wait_for(lambda: self.find(role, name, window, acting=True), timeout)
        if node is None:
            check(False, f"a {role} named “{name}” is there to act on")
            return False
        node.queryAction().doAction(0)
        return True


def main():
    with accessible_session() as (tmp, pyatspi):
        run(tmp, pyatspi)


def run(tmp, pyatspi):
    """The walk, on the test's display and bus."""
    # A session of one short breath of the user's own, to reach the
    # check-in after a session that ended by itself.
    env = app_environment(tmp, app_id,
                          "chimes-enabled=false\nwelcome-shown=true\n"
                          "own-presets=[{'id': <'own-0000beef'>, 'name': <'One Breath'>, 'position': <'seated'>,"
                          " 'inhale-ms': <uint32 1000>, 'hold-in-ms': <uint32 0>, 'exhale-ms': <uint32 1000>,"
                          " 'hold-out-ms': <uint32 0>, 'breaths': <uint32 1>}]\n")

    app_process = subprocess.Popen([exe], env=env)
    try:
        app = accessible_app(pyatspi, app_process.pid)
        check(app is not None, "the app is on the accessibility bus")
        if app is None:
            return
        walker = Walker(pyatspi, app)
        wait_for(lambda: walker.find("push button", "Start"), 10)
        time.sleep(1)

        walker.audit("the practice page")

        def tab(name):
            return walker.act("page tab", name)

        if tab("Learn"):
            time.sleep(1)
            walker.audit("the learn page")
        if tab("History"):
            time.sleep(1.5)
            walker.audit("the history page")
            if walker.find("push button", "All Sessions") is not None:
                walker.act("push button", "All Sessions")
                time.sleep(1)
                walker.audit("all sessions")
        tab("Practice")
        time.sleep(0.5)

        if walker.act("push button", "New Session"):
            editor = walker.window("New Session")
            if editor is not None:
                walker.audit("the session editor")
                walker.act("push button", "Cancel", window=editor)
                time.sleep(0.5)

        def menu(item):
            if walker.act("push button", "Main Menu"):
                time.sleep(0.5)
                walker.audit("the main menu")
                return walker.act("menu item", item)
            return False

        if menu("Preferences"):
            prefs = walker.window("Preferences")
            if prefs is not None:
                time.sleep(0.5)
                walker.audit("the sound preferences")
                for page in ("Practice", "Reminders"):
                    if walker.act("page tab", page, window=prefs):
                        time.sleep(0.5)
                        walker.audit(f"the {page.lower()} preferences")
                walker.close("Preferences")

        for item, title in (("Keyboard Shortcuts", "Keyboard Shortcuts"),
                            ("About Backbreath", "About"),
                            ("Welcome", "Welcome")):
            if menu(item) and walker.window(title) is not None:
                time.sleep(0.5)
                walker.audit(f"the {item.lower()}")
                walker.close(title)

        if walker.act("push button", "Start"):
            time.sleep(1.5)
            walker.audit("a session")
            if walker.act("push button", "Pause"):
                time.sleep(0.5)
                walker.audit("a paused session")
                walker.act("push button", "Resume")
            if walker.act("push button", "Stop"):
                time.sleep(1)
                walker.audit("the end of a session")
                walker.act("push button", "Done")
                time.sleep(1)

        # A session that ends by itself asks the check-in.
        # Saved from its editor, a session of one's own is the one Start
        # begins (its radio button offers no AT-SPI action on GTK 4.8).
        if walker.act("push button", "Edit “One Breath”"):
            editor = walker.window("Edit Session")
            if editor is not None:
                walker.act("push button", "Save", window=editor)
                time.sleep(0.5)
        if walker.act("push button", "Start"):
            wait_for(lambda: walker.find("push button", "Not Yet"), 15)
            time.sleep(0.5)
            walker.audit("the check-in after a finished session")
            walker.act("push button", "Done")
            time.sleep(1)

        # The history now has sessions to list.
        if tab("History"):
            time.sleep(1.5)
            walker.audit("the history page with sessions")
            if walker.act("push button", "All Sessions"):
                time.sleep(1)
                walker.audit("all sessions")
    finally:
        app_process.terminate()
        app_process.wait(timeout=10)


main()
sys.exit(finish())
