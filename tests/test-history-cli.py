#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `backbreath --stats`, `--export` and `--import` against real history
# files, written and checked with SQLite's own command-line tool. Runs the
# real executable with no display: none of these may need one.
#
# usage: test-history-cli.py BACKBREATH

import datetime
import json
import os
import subprocess
import sys
import tempfile
from testlib import check, finish, sqlite  # noqa: E402



def run(exe, home, *args):
    env = dict(os.environ, XDG_DATA_HOME=home)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([exe, *args], env=env, capture_output=True, text=True, timeout=60)



ROW = ("INSERT INTO sessions (uuid, start_utc_us, end_utc_us, local_date, utc_offset_s, planned_ms,"
       " practiced_ms, breaths_done, breaths_planned, inhale_ms, hold_in_ms, exhale_ms, hold_out_ms,"
       " outcome, source) VALUES ('{uuid}', {start}, {start} + 60000000, '{day}', 0, 120000, {ms}, 12, 12, 4000, 0, 6000, 0,"
       " '{outcome}', 'practice');")


START = 1700000000000000


def main():
    exe = sys.argv[1]

    with tempfile.TemporaryDirectory() as home:
        out = run(exe, home, "--stats")
        check(out.returncode == 0 and "No sessions yet" in out.stdout,
              "an empty history says so, with no display: " + out.stdout.strip() + out.stderr.strip())

        path = os.path.join(home, "backbreath", "history.db")
        check(not os.path.exists(path), "--stats makes no store where there is none")
        out = run(exe, home, "--import", os.path.join(home, "none.json"))
        check(out.returncode == 1 and "none.json" in out.stderr, "importing a missing file says which")
        create(exe, home)
        check(os.path.exists(path), "an import makes the store")
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
            rows.append(ROW.format(uuid=f"a{i}", start=START, day=day, ms=ms, outcome=outcome))
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
        check(out.returncode == 0 and "5 sessions, 6 min in all" in out.stdout and "3-day streak" in out.stdout
              and "Longest streak: 3 days" in out.stdout,
              "the summary in words: " + out.stdout.replace("\n", " | "))
        check(sqlite(path, "SELECT count(*) FROM sessions WHERE outcome = 'in-progress'") == "0",
              "--stats changed nothing")

        out = run(exe, home, "--json")
        check(out.returncode == 2 and "--stats" in out.stderr, "--json alone is a usage error")

    # A file that is not a database: --stats says so and leaves it as it is;
    # the window app, which repairs, is tested in test-history.
    with tempfile.TemporaryDirectory() as home:
        folder = os.path.join(home, "backbreath")
        os.makedirs(folder)
        junk = os.urandom(4096)
        with open(os.path.join(folder, "history.db"), "wb") as f:
            f.write(junk)

        out = run(exe, home, "--stats")
        check(out.returncode == 1 and "damaged" in out.stderr, "--stats on a damaged file says so: " + out.stderr.strip())
        with open(os.path.join(folder, "history.db"), "rb") as f:
            check(f.read() == junk and os.listdir(folder) == ["history.db"], "and leaves it as it was")

    check_export_import(exe)
    check_hostile_imports(exe)

    return finish()


def create(exe, home):
    """Makes an empty store the way the app does, through an import."""
    empty = os.path.join(home, "empty.json")
    with open(empty, "w") as f:
        f.write('{"sessions": []}')
    out = run(exe, home, "--import", empty)
    assert out.returncode == 0, out.stderr


def fill(exe, home, count):
    create(exe, home)
    path = os.path.join(home, "backbreath", "history.db")
    day = datetime.date.today().isoformat()
    sqlite(path, "".join(ROW.format(uuid=f"{i:08x}", start=START + i, day=day, ms=60000 + i, outcome="completed")
                         for i in range(count)))
    # A time zone with a comma, a quote and a line break tests the quoting.
    sqlite(path, "UPDATE sessions SET time_zone = 'Odd, \"zone\"' || char(10) || 'name' WHERE uuid = '00000001'")
    return path


def check_export_import(exe):
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b, \
         tempfile.TemporaryDirectory() as files:
        source = fill(exe, a, 5)
        for ext in ("json", "csv"):
            out_file = os.path.join(files, f"history.{ext}")
            out = run(exe, a, "--export", out_file)
            check(out.returncode == 0 and "5 sessions written" in out.stdout,
                  f"--export writes {ext}: " + out.stdout.strip() + out.stderr.strip())

            home = os.path.join(b, ext)
            out = run(exe, home, "--import", out_file)
            check(out.returncode == 0 and out.stdout.strip() == "5 added, 0 skipped",
                  f"--import reads {ext} back: " + out.stdout.strip() + out.stderr.strip())
            out = run(exe, home, "--import", out_file)
            check(out.stdout.strip() == "0 added, 5 skipped", f"importing {ext} twice skips every session")

            target = os.path.join(home, "backbreath", "history.db")
            columns = "uuid, start_utc_us, local_date, time_zone, practiced_ms, outcome, source"
            check(sqlite(source, f"SELECT {columns} FROM sessions ORDER BY uuid") ==
                  sqlite(target, f"SELECT {columns} FROM sessions ORDER BY uuid"),
                  f"the {ext} round trip keeps every field, quotes and line breaks too")

        out = run(exe, a, "--export", os.path.join(files, "history.txt"))
        check(out.returncode == 2 and ".json or .csv" in out.stderr, "an unknown extension is a usage error")


GOOD = {"uuid": "abc123", "start_utc_us": 1700000000000000, "end_utc_us": 1700000120000000,
        "local_date": "2023-11-14", "utc_offset_s": 3600, "time_zone": "Europe/Berlin",
        "planned_ms": 120000, "practiced_ms": 120000, "breaths_done": 12, "breaths_planned": 12,
        "inhale_ms": 4000, "hold_in_ms": 0, "exhale_ms": 6000, "hold_out_ms": 0,
        "position_id": "seated", "preset_id": "desk-break", "outcome": "completed", "source": "practice"}


def check_hostile_imports(exe):
    def record(**changes):
        r = dict(GOOD)
        r.update(changes)
        return r

    def doc(*records):
        return json.dumps({"sessions": list(records)}).encode()

    cases = [
        ("a wrong type", doc(record(practiced_ms="120000")), "record 1", "practiced_ms"),
        ("a huge number", doc(record(planned_ms=10**30)), "record 1", "planned_ms"),
        ("a number past 64 bits", b'{"sessions": [' + json.dumps(GOOD).replace(
            '"breaths_done": 12', '"breaths_done": 99999999999999999999').encode() + b"]}",
         "record 1", "breaths_done"),
        ("a negative duration", doc(GOOD, record(uuid="def", practiced_ms=-5)), "record 2", "practiced_ms"),
        ("the year 9999", doc(record(local_date="9999-01-01")), "record 1", "local_date"),
        ("an end before the start", doc(record(end_utc_us=5)), "record 1", "end_utc_us"),
        ("a 10 MB string", doc(record(preset_id="x" * (10 * 1024 * 1024))), "record 1", "preset_id"),
        ("invalid UTF-8", json.dumps({"sessions": [GOOD]}).replace("seated", "se\u0000").encode()
         .replace(b"se\\u0000", b"se\xff\xfe"), "UTF-8", ""),
        ("duplicate uuids", doc(GOOD, record(local_date="2023-11-15")), "record 2", "uuid"),
        ("an unknown outcome", doc(record(outcome="in-progress")), "record 1", "outcome"),
        ("a missing field", doc({k: v for k, v in GOOD.items() if k != "source"}), "record 1", "source"),
        ("no sessions list", b'{"session": []}', "sessions", ""),
        ("not JSON at all", b"\x00\x01 nothing", "JSON", ""),
    ]
    header = ",".join(GOOD)
    good_line = ",".join(str(v) for v in GOOD.values())
    csv_cases = [
        ("a quoted field that never ends", f'{header}\n{good_line}\n"abc,1\n'.encode(), "line 3", ""),
        ("a short line", f"{header}\n{good_line}\nabc,1\n".encode(), "line 3", ""),
        ("a bad number on line 5, after a line break inside quotes",
         f'{header}\n{good_line}\n'.encode() + good_line.replace("abc123", "a1").replace(
             "Europe/Berlin", '"Europe/\nBerlin"').encode() + b"\n" +
         good_line.replace("abc123", "a2").replace(",120000,120000,", ",12x,120000,").encode() + b"\n",
         "line 5", "planned_ms"),
    ]

    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as files:
        path = fill(exe, home, 3)
        before = sqlite(path, "SELECT group_concat(uuid) FROM sessions")
        for i, (what, data, where, field) in enumerate(cases + csv_cases):
            ext = "json" if i < len(cases) else "csv"
            name = os.path.join(files, f"case{i}.{ext}")
            with open(name, "wb") as f:
                f.write(data)
            out = run(exe, home, "--import", name)
            said = out.stderr.strip()
            named = where in said and (not field or f"“{field}”" in said)
            check(out.returncode == 1 and named and "Nothing was imported" in said,
                  f"{what}: refused, naming {where} {field}: " + said[:200].replace("\n", " "))
            check(sqlite(path, "SELECT group_concat(uuid) FROM sessions") == before,
                  f"{what}: the store is unchanged")

        # A CSV with a quoted line break inside a field is fine.
        name = os.path.join(files, "newline.csv")
        with open(name, "wb") as f:
            f.write(f"{header}\n".encode() + good_line.replace("Europe/Berlin", '"Europe/\nBerlin"').encode())
        out = run(exe, home, "--import", name)
        check(out.returncode == 0 and out.stdout.strip() == "1 added, 0 skipped",
              "a CSV with a quoted line break imports: " + out.stdout.strip() + out.stderr.strip())
        check(sqlite(path, "SELECT time_zone FROM sessions WHERE uuid = 'abc123'") == "Europe/\nBerlin",
              "and keeps the line break")


if __name__ == "__main__":
    sys.exit(main())
