#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `backbreath --stats` against real history files, written and checked
# with SQLite's own command-line tool. Runs the real executable, with no
# display: the command must not need one.
#
# usage: test-stats.py BACKBREATH

import datetime
import json
import os
import subprocess
import sys
import tempfile

n = 0
failed = False


def check(ok, what):
    global n, failed
    n += 1
    print(("ok" if ok else "not ok") + f" {n} - {what}")
    failed = failed or not ok


def run(exe, home, *args):
    env = dict(os.environ, XDG_DATA_HOME=home)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([exe, *args], env=env, capture_output=True, text=True, timeout=60)


def sqlite(path, sql):
    return subprocess.run(["sqlite3", path, sql], capture_output=True, text=True, check=True).stdout.strip()


ROW = ("INSERT INTO sessions (uuid, start_utc_us, end_utc_us, local_date, utc_offset_s, planned_ms,"
       " practiced_ms, breaths_done, breaths_planned, inhale_ms, hold_in_ms, exhale_ms, hold_out_ms,"
       " outcome, source) VALUES ('{uuid}', 0, 0, '{day}', 0, 120000, {ms}, 12, 12, 4000, 0, 6000, 0,"
       " '{outcome}', 'practice');")


def main():
    exe = sys.argv[1]

    with tempfile.TemporaryDirectory() as home:
        out = run(exe, home, "--stats")
        check(out.returncode == 0 and "No sessions yet" in out.stdout,
              "an empty history says so, with no display: " + out.stdout.strip() + out.stderr.strip())

        path = os.path.join(home, "backbreath", "history.db")
        check(os.path.exists(path), "the store was created")
        check(sqlite(path, "PRAGMA integrity_check") == "ok", "sqlite3 finds it sound")

        out = run(exe, home, "--stats", "--json")
        stats = json.loads(out.stdout)
        check(out.returncode == 0 and stats["sessions"] == 0 and stats["current_streak_days"] == 0,
              "--stats --json on an empty history")

        # Three days in a row ending today, one day long ago, and one
        # interrupted session today.
        today = datetime.date.today()
        rows = []
        for i, (days_ago, ms, outcome) in enumerate([(2, 120000, "completed"), (1, 60000, "stopped"),
                                                     (0, 90000, "completed"), (0, 30000, "interrupted"),
                                                     (400, 60000, "completed")]):
            day = (today - datetime.timedelta(days=days_ago)).isoformat()
            rows.append(ROW.format(uuid=f"u{i}", day=day, ms=ms, outcome=outcome))
        sqlite(path, "".join(rows))

        out = run(exe, home, "--stats", "--json")
        stats = json.loads(out.stdout)
        keys = {"sessions", "total_seconds", "today_seconds", "this_week_seconds", "current_streak_days",
                "longest_streak_days", "average_seconds", "interrupted_sessions"}
        check(keys <= set(stats), "every figure is there: " + ", ".join(sorted(keys - set(stats))))
        check(stats["sessions"] == 5 and stats["total_seconds"] == 360 and stats["today_seconds"] == 120,
              f"sessions and totals: {stats}")
        check(stats["current_streak_days"] == 3 and stats["longest_streak_days"] == 3,
              "a three-day streak up to today")
        check(stats["interrupted_sessions"] == 1 and stats["average_seconds"] == 72,
              "interrupted sessions and the average")

        out = run(exe, home, "--stats")
        check(out.returncode == 0 and "5 sessions, 6 min in all" in out.stdout and "3-day streak" in out.stdout,
              "the summary in words: " + out.stdout.replace("\n", " | "))
        check(sqlite(path, "SELECT count(*) FROM sessions WHERE outcome = 'in-progress'") == "0",
              "--stats changed nothing")

        out = run(exe, home, "--json")
        check(out.returncode == 2 and "--stats" in out.stderr, "--json alone is a usage error")

    # A file that is not a database: kept under another name, the user told.
    with tempfile.TemporaryDirectory() as home:
        folder = os.path.join(home, "backbreath")
        os.makedirs(folder)
        junk = os.urandom(4096)
        with open(os.path.join(folder, "history.db"), "wb") as f:
            f.write(junk)

        out = run(exe, home, "--stats")
        kept = [name for name in os.listdir(folder) if name.startswith("history.db.broken-")]
        check(out.returncode == 0 and len(kept) == 1, f"a broken file is moved aside: {os.listdir(folder)}")
        if kept:
            with open(os.path.join(folder, kept[0]), "rb") as f:
                check(f.read() == junk, "its bytes are kept")
            check(kept[0] in out.stderr, "the user is told where it went: " + out.stderr.strip())

    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
