/* test-history.c
 *
 * The SQLite store, on real files in a temporary folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "bb-fake-clock.h"
#include "bb-history.h"
#include "bb-history-io.h"
#include "bb-session-list.h"
#include "bb-test-util.h"

#define SEC G_GINT64_CONSTANT (1000000)

/* Tuesday 14 November 2023, 22:13:20 UTC. */
#define REAL_START (G_GINT64_CONSTANT (1700000000) * SEC)

typedef struct
{
  char    *dir;
  char    *path;
  BbClock *clock;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("backbreath-history-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "data", "history.db", NULL);
  fixture->clock = bb_fake_clock_new (1000 * SEC, REAL_START);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  bb_test_remove_tree (fixture->dir);
  g_assert_finalize_object (fixture->clock);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static BbHistory *
open_history (Fixture            *fixture,
              BbHistoryOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  BbHistory *history = bb_history_open (fixture->path, fixture->clock, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (history);

  return history;
}

/* Runs @sql on the file with a connection of its own and returns the
 * first column of the first row as text. */
static char *
query (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static void
assert_query (const char *path,
              const char *sql,
              const char *expected)
{
  g_autofree char *result = query (path, sql);

  g_assert_cmpstr (result, ==, expected);
}

static void
advance (Fixture *fixture,
         gint64   delta)
{
  bb_fake_clock_advance (BB_FAKE_CLOCK (fixture->clock), delta);
}

static BbSession *
desk_break (Fixture *fixture,
            guint    n_breaths)
{
  BbPattern pattern = { 4000, 0, 6000, 0 };

  return bb_session_new (fixture->clock, &pattern, "seated", n_breaths);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BbHistory) history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *version = g_strdup_printf ("%d", BB_HISTORY_SCHEMA_VERSION);
  GStatBuf st;

  g_assert_null (bb_history_get_notice (history));
  g_assert_cmpstr (bb_history_get_path (history), ==, fixture->path);

  /* Private to the user. */
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  assert_query (fixture->path, "PRAGMA journal_mode", "wal");
  assert_query (fixture->path, "PRAGMA user_version", version);
  assert_query (fixture->path, "SELECT count (*) FROM sessions", "0");
  assert_query (fixture->path, "PRAGMA integrity_check", "ok");

  /* An empty store has figures too: all zero. */
  {
    BbStats stats = { .n_sessions = 99 };
    g_autoptr(GError) error = NULL;

    g_assert_true (bb_history_get_stats (history, 0, &stats, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.n_sessions, ==, 0);
    g_assert_cmpuint (stats.current_streak, ==, 0);
  }
}

static void
test_record (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BbHistory) history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  g_autoptr(BbSession) session = desk_break (fixture, 3);
  BbStats stats = { 0 };
  g_autoptr(GError) error = NULL;

  bb_history_track (history, session, "desk-break", BB_HISTORY_SOURCE_COMMAND_LINE);
  assert_query (fixture->path, "SELECT count (*) FROM sessions", "0");

  /* Written as it starts. */
  bb_session_start (session);
  assert_query (fixture->path, "SELECT outcome || ' ' || practiced_ms || ' ' || source || ' ' || preset_id"
                               " || ' ' || position_id || ' ' || planned_ms || ' ' || breaths_planned FROM sessions",
                "in-progress 0 command-line desk-break seated 30000 3");
  assert_query (fixture->path, "SELECT inhale_ms || '/' || hold_in_ms || '/' || exhale_ms || '/' || hold_out_ms FROM sessions",
                "4000/0/6000/0");
  assert_query (fixture->path, "SELECT start_utc_us FROM sessions", "1700000000000000");

  /* Saved every 4 s of practice, from the session's seconds. */
  advance (fixture, 3 * SEC);
  assert_query (fixture->path, "SELECT practiced_ms FROM sessions", "0");
  advance (fixture, 1 * SEC);
  assert_query (fixture->path, "SELECT practiced_ms FROM sessions", "4000");
  advance (fixture, 7 * SEC);
  assert_query (fixture->path, "SELECT practiced_ms || ' ' || breaths_done FROM sessions", "8000 0");
  advance (fixture, 1 * SEC);
  assert_query (fixture->path, "SELECT practiced_ms || ' ' || breaths_done FROM sessions", "12000 1");

  /* Paused time is not practice: the pause saves, and nothing follows. */
  advance (fixture, 500 * 1000);
  bb_session_pause (session);
  assert_query (fixture->path, "SELECT practiced_ms FROM sessions", "12500");
  advance (fixture, 60 * SEC);
  assert_query (fixture->path, "SELECT practiced_ms FROM sessions", "12500");
  bb_session_resume (session);

  advance (fixture, 30 * SEC);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_FINISHED);
  assert_query (fixture->path, "SELECT outcome || ' ' || practiced_ms || ' ' || breaths_done FROM sessions",
                "completed 30000 3");
  assert_query (fixture->path, "SELECT end_utc_us - start_utc_us FROM sessions", "90000000");

  g_assert_true (bb_history_get_stats (history, 60 * 1000, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_sessions, ==, 1);
  g_assert_cmpint (stats.total_ms, ==, 30000);
  g_assert_cmpint (stats.today_ms, ==, 30000);
  /* Half a minute is under a one-minute goal, but the session ran to
   * its end: the day counts. */
  g_assert_cmpuint (stats.current_streak, ==, 1);
  g_assert_cmpuint (stats.longest_streak, ==, 1);
}

static void
test_stopped (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BbHistory) history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  g_autoptr(BbSession) first = desk_break (fixture, 12);
  g_autoptr(BbSession) second = desk_break (fixture, 12);

  bb_history_track (history, first, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  bb_session_start (first);
  advance (fixture, 25 * SEC);

  /* A second session begins before the first is stopped, as when the
   * app replaces one: both are recorded to their end. */
  bb_history_track (history, second, NULL, BB_HISTORY_SOURCE_REMINDER);
  bb_session_stop (first);
  bb_session_start (second);
  advance (fixture, 3 * SEC);
  bb_session_pause (second);

  assert_query (fixture->path, "SELECT outcome || ' ' || practiced_ms || ' ' || breaths_done FROM sessions"
                               " WHERE source = 'practice'", "stopped 25000 2");
  assert_query (fixture->path, "SELECT outcome || ' ' || practiced_ms || ' ' || coalesce (preset_id, '-')"
                               " FROM sessions WHERE source = 'reminder'", "in-progress 3000 -");

  /* Stopped after 25 s: under a one-minute goal the day does not count
   * (it would at 20 s). */
  {
    g_autoptr(GError) error = NULL;
    BbStats stats;

    g_assert_true (bb_history_get_stats (history, 60 * 1000, &stats, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.current_streak, ==, 0);
    g_assert_cmpuint (stats.longest_streak, ==, 0);
    g_assert_true (bb_history_get_stats (history, 20 * 1000, &stats, &error));
    g_assert_cmpuint (stats.longest_streak, ==, 1);
  }
}

/* The last break is the latest end of a session long enough, completed
 * or stopped; one under way or too short does not count. */
static void
test_last_break (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BbHistory) history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  g_autoptr(BbSession) first = desk_break (fixture, 12);
  g_autoptr(BbSession) second = desk_break (fixture, 12);
  g_autoptr(BbSession) third = desk_break (fixture, 12);
  g_autoptr(GError) error = NULL;
  gint64 end = -1;

  g_assert_true (bb_history_get_last_break (history, 60 * 1000, &end, &error));
  g_assert_no_error (error);
  g_assert_cmpint (end, ==, 0);

  /* Completed: 12 breaths of 10 s. */
  bb_history_track (history, first, NULL, BB_HISTORY_SOURCE_PRACTICE);
  bb_session_start (first);
  advance (fixture, 121 * SEC);
  g_assert_cmpint (bb_session_get_state (first), ==, BB_SESSION_STATE_FINISHED);
  advance (fixture, 600 * SEC);

  /* Stopped after half a minute: a break only for a lower bar. */
  bb_history_track (history, second, NULL, BB_HISTORY_SOURCE_REMINDER);
  bb_session_start (second);
  advance (fixture, 30 * SEC);
  bb_session_stop (second);

  g_assert_true (bb_history_get_last_break (history, 60 * 1000, &end, &error));
  g_assert_cmpint (end, ==, REAL_START + 120 * SEC);
  g_assert_true (bb_history_get_last_break (history, 30 * 1000, &end, &error));
  g_assert_cmpint (end, ==, REAL_START + 751 * SEC);

  /* Under way: not a break yet. */
  bb_history_track (history, third, NULL, BB_HISTORY_SOURCE_PRACTICE);
  bb_session_start (third);
  advance (fixture, 90 * SEC);
  g_assert_true (bb_history_get_last_break (history, 0, &end, &error));
  g_assert_cmpint (end, ==, REAL_START + 751 * SEC);

  /* The query reads the index alone. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_autoptr(GString) details = g_string_new (NULL);

    g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db,
                                         "EXPLAIN QUERY PLAN SELECT end_utc_us FROM sessions"
                                         " WHERE outcome IN ('completed', 'stopped')"
                                         " AND end_utc_us IS NOT NULL AND practiced_ms >= 60000"
                                         " ORDER BY end_utc_us DESC LIMIT 1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (details, "%s;", sqlite3_column_text (stmt, 3));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    g_test_message ("plan: %s", details->str);
    g_assert_nonnull (strstr (details->str, "COVERING INDEX sessions_breaks"));
    g_assert_null (strstr (details->str, "TEMP B-TREE"));
  }
}

/* The app killed mid-session: the next open of the window app marks the
 * row interrupted, with its last checkpoint. */
/* Sessions followed late, as when the store opened after they began:
 * each row takes the state its session is in, and follows it on. */
static void
test_track_late (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BbHistory) history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  g_autoptr(BbSession) running = desk_break (fixture, 12);
  g_autoptr(BbSession) stopped = desk_break (fixture, 12);

  bb_session_start (stopped);
  advance (fixture, 11 * SEC);
  bb_session_stop (stopped);
  /* Written two days later, it still ends when it ended. */
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), 48 * 3600 * SEC);
  bb_history_track (history, stopped, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  assert_query (fixture->path, "SELECT outcome || ' ' || practiced_ms || ' ' || breaths_done FROM sessions",
                "stopped 11000 1");
  assert_query (fixture->path, "SELECT end_utc_us - start_utc_us FROM sessions", "11000000");

  bb_session_start (running);
  advance (fixture, 5 * SEC);
  bb_history_track (history, running, "desk-break", BB_HISTORY_SOURCE_COMMAND_LINE);
  assert_query (fixture->path, "SELECT outcome FROM sessions WHERE source = 'command-line'", "in-progress");
  advance (fixture, 115 * SEC);
  assert_query (fixture->path, "SELECT outcome || ' ' || practiced_ms || ' ' || breaths_done FROM sessions"
                               " WHERE source = 'command-line'", "completed 120000 12");
}

static void
test_interrupted (Fixture       *fixture,
                  gconstpointer  data)
{
  BbHistory *crashed = open_history (fixture, BB_HISTORY_OPEN_NONE);
  BbSession *session = desk_break (fixture, 12);
  g_autoptr(BbHistory) reader = NULL;
  g_autoptr(BbHistory) next = NULL;
  BbStats stats = { 0 };

  bb_history_track (crashed, session, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  bb_session_start (session);
  advance (fixture, 17 * SEC + 500 * 1000);

  /* Opened without recovering (the reminders service), nothing changes. */
  reader = open_history (fixture, BB_HISTORY_OPEN_NONE);
  assert_query (fixture->path, "SELECT outcome FROM sessions", "in-progress");

  next = open_history (fixture, BB_HISTORY_OPEN_RECOVER);
  assert_query (fixture->path, "SELECT outcome || ' ' || practiced_ms FROM sessions", "interrupted 16000");
  assert_query (fixture->path, "SELECT end_utc_us - start_utc_us FROM sessions", "16000000");
  g_assert_true (bb_history_get_stats (next, 0, &stats, NULL));
  g_assert_cmpuint (stats.n_interrupted, ==, 1);
  g_assert_cmpint (stats.total_ms, ==, 16000);

  /* The crashed process's objects are let go only now. */
  g_object_unref (session);
  g_object_unref (crashed);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BbHistory) history = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *kept = NULL;
  g_autofree char *junk = g_malloc (8192);
  gsize length = 0;

  for (guint i = 0; i < 8192; i++)
    junk[i] = g_random_int_range (0, 256);

  g_mkdir_with_parents (dir, 0700);
  write_file (fixture->path, junk, 8192);

  history = open_history (fixture, BB_HISTORY_OPEN_RECOVER);

  /* The old bytes are kept, under a name that says so. */
  g_assert_nonnull (bb_history_get_moved_to (history));
  g_assert_true (g_str_has_prefix (bb_history_get_moved_to (history), fixture->path));
  g_assert_true (strstr (bb_history_get_moved_to (history), ".broken-") != NULL);
  g_assert_true (g_file_get_contents (bb_history_get_moved_to (history), &kept, &length, NULL));
  g_assert_cmpmem (kept, length, junk, 8192);

  /* The user is told where. */
  g_assert_nonnull (bb_history_get_notice (history));
  g_assert_nonnull (strstr (bb_history_get_notice (history), bb_history_get_moved_to (history)));
  g_assert_nonnull (strstr (bb_history_get_notice (history), "new history"));

  assert_query (fixture->path, "PRAGMA integrity_check", "ok");
  assert_query (fixture->path, "SELECT count (*) FROM sessions", "0");
}

/* Only the window app repairs: another reader is told, and the file is
 * left exactly as it was. */
static void
test_damaged_read_only (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  BbHistory *history;
  gsize length = 0;

  g_mkdir_with_parents (dir, 0700);
  write_file (fixture->path, "not a database, but not empty either", -1);

  history = bb_history_open (fixture->path, fixture->clock, BB_HISTORY_OPEN_NONE, &error);
  g_assert_null (history);
  g_assert_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_true (g_file_get_contents (fixture->path, &kept, &length, NULL));
  g_assert_cmpstr (kept, ==, "not a database, but not empty either");
}

static void
test_restore_backup (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BbHistory) history = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *backup = g_build_filename (backups, "history-2023-11-14.db", NULL);
  gsize length = 0;

  /* A day with a session, then the daily backup on the next open. */
  {
    g_autoptr(BbHistory) first = open_history (fixture, BB_HISTORY_OPEN_RECOVER);
    g_autoptr(BbSession) session = desk_break (fixture, 1);

    bb_history_track (first, session, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
    bb_session_start (session);
    advance (fixture, 10 * SEC);
  }
  g_unlink (backup);
  g_clear_object (&history);
  history = open_history (fixture, BB_HISTORY_OPEN_RECOVER);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  assert_query (backup, "SELECT outcome FROM sessions", "completed");
  g_clear_object (&history);

  /* Then the file is cut in half. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  write_file (fixture->path, contents, length / 2);
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

    g_unlink (wal);
  }

  history = open_history (fixture, BB_HISTORY_OPEN_RECOVER);
  g_assert_nonnull (bb_history_get_moved_to (history));
  g_assert_nonnull (strstr (bb_history_get_notice (history), "history-2023-11-14.db"));
  assert_query (fixture->path, "SELECT outcome || ' ' || practiced_ms FROM sessions", "completed 10000");
}

static void
test_backups_kept (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDir) handle = NULL;
  guint n = 0;

  /* Ten days, a backup each; the last seven are kept. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(BbHistory) history = open_history (fixture, BB_HISTORY_OPEN_RECOVER);

      bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), 24 * 3600 * SEC);
    }

  handle = g_dir_open (backups, 0, NULL);
  while (g_dir_read_name (handle) != NULL)
    n++;
  g_assert_cmpuint (n, ==, BB_HISTORY_N_BACKUPS);
  {
    g_autofree char *oldest = g_build_filename (backups, "history-2023-11-17.db", NULL);
    g_autofree char *gone = g_build_filename (backups, "history-2023-11-16.db", NULL);

    g_assert_true (g_file_test (oldest, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  }
}

/* A store written by an older Backbreath is brought up to date in place,
 * its rows intact; one from a newer Backbreath is left alone. */
static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GError) error = NULL;
  BbHistory *history;
  sqlite3 *db = NULL;

  /* Version 1, as the first release wrote it. */
  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE sessions ("
                                 "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
                                 "  start_utc_us INTEGER NOT NULL, end_utc_us INTEGER,"
                                 "  local_date TEXT NOT NULL, utc_offset_s INTEGER NOT NULL, time_zone TEXT,"
                                 "  planned_ms INTEGER NOT NULL CHECK (planned_ms >= 0),"
                                 "  practiced_ms INTEGER NOT NULL DEFAULT 0 CHECK (practiced_ms >= 0),"
                                 "  breaths_done INTEGER NOT NULL DEFAULT 0 CHECK (breaths_done >= 0),"
                                 "  breaths_planned INTEGER NOT NULL CHECK (breaths_planned > 0),"
                                 "  inhale_ms INTEGER NOT NULL, hold_in_ms INTEGER NOT NULL,"
                                 "  exhale_ms INTEGER NOT NULL, hold_out_ms INTEGER NOT NULL,"
                                 "  position_id TEXT, preset_id TEXT,"
                                 "  outcome TEXT NOT NULL CHECK (outcome IN ('in-progress', 'completed', 'stopped', 'interrupted')),"
                                 "  source TEXT NOT NULL CHECK (source IN ('practice', 'command-line', 'reminder')),"
                                 "  checkpoint_utc_us INTEGER);"
                                 "CREATE INDEX sessions_local_date ON sessions (local_date);"
                                 "INSERT INTO sessions (uuid, start_utc_us, local_date, utc_offset_s, planned_ms,"
                                 "  practiced_ms, breaths_planned, inhale_ms, hold_in_ms, exhale_ms, hold_out_ms,"
                                 "  outcome, source)"
                                 "  VALUES ('a', 1, '2023-11-14', 0, 60000, 60000, 6, 4000, 0, 6000, 0, 'completed', 'practice');"
                                 "PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  {
    g_autofree char *version = g_strdup_printf ("%d", BB_HISTORY_SCHEMA_VERSION);

    assert_query (fixture->path, "PRAGMA user_version", version);
  }
  /* Every step ran: the index of the last one is there. */
  assert_query (fixture->path, "SELECT count (*) FROM sqlite_schema WHERE name = 'sessions_days'", "1");
  assert_query (fixture->path, "SELECT count (*) FROM sqlite_schema WHERE name = 'sessions_breaks'", "1");
  assert_query (fixture->path, "SELECT practiced_ms FROM sessions WHERE uuid = 'a'", "60000");
  assert_query (fixture->path, "SELECT count (*) FROM checkins", "0");
  g_object_unref (history);

  /* From a newer Backbreath: refused, untouched. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  history = bb_history_open (fixture->path, fixture->clock, BB_HISTORY_OPEN_RECOVER, &error);
  g_assert_null (history);
  g_assert_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "newer"));
  assert_query (fixture->path, "PRAGMA user_version", "99");
  assert_query (fixture->path, "SELECT practiced_ms FROM sessions WHERE uuid = 'a'", "60000");
}

/* Each session keeps the calendar day where it began: the same instant is
 * another day in Berlin and in New York, and moving between them later
 * does not move the past. */
static void
test_travel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BbHistory) history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  static const char * const zones[] = { "Europe/Berlin", "America/New_York" };
  static const char * const expected[] = { "2023-11-14 3600", "2023-11-14 -18000" };

  /* 22:13 UTC: 23:13 in Berlin, 17:13 in New York, same day. Then four
   * hours later: the next day in Berlin only. */
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(BbSession) session = desk_break (fixture, 1);
      g_autofree char *sql = g_strdup_printf ("SELECT local_date || ' ' || utc_offset_s FROM sessions"
                                              " WHERE time_zone = '%s'", zones[i]);

      g_setenv ("TZ", zones[i], TRUE);
      bb_history_track (history, session, NULL, BB_HISTORY_SOURCE_PRACTICE);
      bb_session_start (session);
      advance (fixture, 10 * SEC);
      assert_query (fixture->path, sql, expected[i]);
    }

  {
    g_autoptr(BbSession) session = desk_break (fixture, 1);

    g_setenv ("TZ", "Europe/Berlin", TRUE);
    bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), 4 * 3600 * SEC);
    bb_history_track (history, session, NULL, BB_HISTORY_SOURCE_PRACTICE);
    bb_session_start (session);
    advance (fixture, 10 * SEC);
    assert_query (fixture->path, "SELECT local_date FROM sessions ORDER BY id DESC", "2023-11-15");
  }

  /* The first two stay where they were. */
  assert_query (fixture->path, "SELECT count (*) FROM sessions WHERE local_date = '2023-11-14'", "2");
  g_setenv ("TZ", "UTC", TRUE);
}

static void
writer_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* The list of sessions pages from the store, latest first, each session
 * once, whatever the order the rows went in. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BbHistory) history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree BbDayTotal *days = NULL;
  BbSessionRecord last = { 0 };
  gint64 previous = G_MAXINT64;
  guint n_pages = 0;
  guint n_days = 0;

  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(BbSession) session = desk_break (fixture, 1);

      bb_history_track (history, session, NULL, BB_HISTORY_SOURCE_PRACTICE);
      bb_session_start (session);
      advance (fixture, 10 * SEC);
      /* Every other session a day apart, the others an hour before it:
       * the rows do not go in in order of their start. */
      bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), (i % 2 == 0 ? 24 : -1) * 3600 * SEC);
    }

  for (;;)
    {
      g_autoptr(GArray) page = bb_history_list_sessions (history, n_pages > 0 ? &last : NULL, 10, &error);

      g_assert_no_error (error);
      g_assert_nonnull (page);
      if (page->len == 0)
        break;

      n_pages++;
      g_assert_cmpuint (page->len, ==, n_pages < 3 ? 10 : 5);
      for (guint i = 0; i < page->len; i++)
        {
          BbSessionRecord *record = &g_array_index (page, BbSessionRecord, i);

          g_assert_cmpint (record->start_utc_us, <=, previous);
          previous = record->start_utc_us;
          g_assert_true (g_hash_table_add (seen, g_strdup (record->uuid)));
          g_assert_cmpstr (record->outcome, ==, "completed");
          g_assert_cmpint (record->practiced_ms, ==, 10000);
        }

      bb_session_record_clear (&last);
      last = g_array_index (page, BbSessionRecord, page->len - 1);
      last.uuid = g_strdup (last.uuid);
      last.outcome = NULL;
      last.preset_id = NULL;
      last.position_id = NULL;
    }
  bb_session_record_clear (&last);

  g_assert_cmpuint (n_pages, ==, 3);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 25);

  /* A range of days, both ends included. */
  days = bb_history_dup_days_between (history, bb_streak_day_from_iso ("2023-11-15"),
                                      bb_streak_day_from_iso ("2023-11-17"), &n_days, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_days, ==, 3);
  g_assert_cmpuint (days[0].day, ==, bb_streak_day_from_iso ("2023-11-15"));
  g_assert_cmpuint (days[2].day, ==, bb_streak_day_from_iso ("2023-11-17"));
}

/* Records @n sessions of 10 s each, @hours apart in real time, the last
 * one ending now. */
static void
record_sessions (Fixture   *fixture,
                 BbHistory *history,
                 guint      n,
                 int        hours)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbSession) session = desk_break (fixture, 1);

      bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), hours * 3600 * SEC);
      bb_history_track (history, session, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
      bb_session_start (session);
      advance (fixture, 10 * SEC);
    }
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

/* A deleted session comes back whole: every column and its check-in. */
static void
test_delete_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BbHistory) history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *row_sql = "SELECT group_concat (quote (id) || uuid || start_utc_us || quote (end_utc_us)"
                        " || local_date || utc_offset_s || quote (time_zone) || planned_ms"
                        " || practiced_ms || breaths_done || breaths_planned || inhale_ms || hold_in_ms"
                        " || exhale_ms || hold_out_ms || quote (position_id) || quote (preset_id)"
                        " || outcome || source || quote (checkpoint_utc_us), '|')"
                        " FROM (SELECT * FROM sessions ORDER BY id)";
  guint changed = 0;
  gint64 new_id = 0;

  g_signal_connect (history, "changed", G_CALLBACK (count_cb), &changed);
  record_sessions (fixture, history, 3, 1);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpint (bb_history_count_sessions (history, &error), ==, 3);
  g_assert_no_error (error);

  g_free (query (fixture->path,
                 "INSERT INTO checkins (session_uuid, back_felt, tension_before, tension_after)"
                 " SELECT uuid, 'a-little', 4, 2 FROM sessions WHERE id = 2"));
  before = query (fixture->path, row_sql);

  g_assert_true (bb_history_delete_session (history, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpint (bb_history_count_sessions (history, &error), ==, 2);
  assert_query (fixture->path, "SELECT count (*) FROM sessions WHERE id = 2", "0");
  assert_query (fixture->path, "SELECT count (*) FROM checkins", "0");

  /* Twice is an error that says so, and announces nothing. */
  g_assert_false (bb_history_delete_session (history, 2, &error));
  g_assert_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 4);

  g_assert_true (bb_history_restore_session (history, 2, &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (new_id, ==, 2);
  g_assert_cmpuint (changed, ==, 5);
  after = query (fixture->path, row_sql);
  g_assert_cmpstr (after, ==, before);
  assert_query (fixture->path, "SELECT back_felt || tension_before || tension_after FROM checkins",
                "a-little42");
  assert_query (fixture->path, "PRAGMA integrity_check", "ok");

  /* Put back once only. */
  g_assert_false (bb_history_restore_session (history, 2, NULL, &error));
  g_assert_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE);
  g_clear_error (&error);

  /* The newest row deleted, its id taken by another writer meanwhile:
   * it comes back under a new id, with its uuid. */
  g_assert_true (bb_history_delete_session (history, 3, &error));
  g_free (query (fixture->path,
                 "INSERT INTO sessions (id, uuid, start_utc_us, local_date, utc_offset_s, planned_ms,"
                 " breaths_planned, inhale_ms, hold_in_ms, exhale_ms, hold_out_ms, outcome, source)"
                 " VALUES (3, 'other', 1, '2023-11-14', 0, 1000, 1, 4000, 0, 6000, 0, 'completed', 'practice')"));
  g_assert_true (bb_history_restore_session (history, 3, &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (new_id, ==, 4);
  g_assert_cmpint (bb_history_count_sessions (history, &error), ==, 4);
  /* Newest first: the restored row, then the two of the first hour,
   * then "other", which began in 1970. */
  g_assert_cmpint (bb_history_get_session_position (history, 4), ==, 0);
  g_assert_cmpint (bb_history_get_session_position (history, 2), ==, 1);
  g_assert_cmpint (bb_history_get_session_position (history, 1), ==, 2);
  g_assert_cmpint (bb_history_get_session_position (history, 3), ==, 3);
  g_assert_cmpint (bb_history_get_session_position (history, 99), ==, -1);
  assert_query (fixture->path, "SELECT count (DISTINCT uuid) FROM sessions", "4");
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

/* The list reads pages as they are asked for, heads each day once,
 * and deletes with a way back. */
static void
test_session_list (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BbHistory) history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  g_autoptr(BbSessionList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbSessionItem) first = NULL;
  g_autoptr(BbSessionItem) third = NULL;
  ItemsChanged changed = { 0 };
  guint32 previous_day = 0;
  guint n_headed = 0;
  gint64 id;

  /* Five sessions a day, for 26 days. */
  record_sessions (fixture, history, 130, 5);

  list = bb_session_list_new (history);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 130);
  g_assert_cmpuint (bb_session_list_get_n_pages_read (list), ==, 0);

  /* A jump reads one page, by offset. */
  third = g_list_model_get_item (G_LIST_MODEL (list), 2 * BB_SESSION_LIST_PAGE_SIZE + 3);
  g_assert_nonnull (third);
  g_assert_cmpuint (bb_session_list_get_n_pages_read (list), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 130));

  for (guint i = 0; i < 130; i++)
    {
      g_autoptr(BbSessionItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      guint32 day = bb_session_item_get_day (item);

      g_assert_cmpint (day, <=, previous_day == 0 ? G_MAXUINT32 : previous_day);
      g_assert_cmpint (bb_session_item_get_first_of_day (item), ==, day != previous_day);
      n_headed += bb_session_item_get_first_of_day (item);
      previous_day = day;
      g_assert_cmpstr (bb_session_item_get_title (item), ==, "Desk break");
      g_assert_true (g_str_has_suffix (bb_session_item_get_details (item), " · 10 s · 1 breath"));
    }
  {
    g_autofree char *n_days = query (fixture->path, "SELECT count (DISTINCT local_date) FROM sessions");

    g_assert_cmpuint (n_headed, ==, atoi (n_days));
    g_assert_cmpuint (n_headed, >=, 26);
  }
  /* Three pages, and the last one was already there. */
  g_assert_cmpuint (bb_session_list_get_n_pages_read (list), ==, 3);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (bb_session_item_get_day_text (first), ==, "Today");
  g_assert_true (g_str_has_prefix (bb_session_item_get_label (first), "Desk break, Today at "));

  /* Deleting the newest: the next row takes its place and its heading. */
  id = bb_session_item_get_id (first);
  g_assert_true (bb_session_list_delete (list, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 2);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 129);
  {
    g_autoptr(BbSessionItem) now_first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpint (bb_session_item_get_id (now_first), !=, id);
    g_assert_true (bb_session_item_get_first_of_day (now_first));
  }

  g_assert_true (bb_session_list_restore (list, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 2);
  {
    g_autoptr(BbSessionItem) back = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpint (bb_session_item_get_id (back), ==, id);
  }

  /* A session ended elsewhere reads the list afresh. */
  record_sessions (fixture, history, 1, 1);
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_cmpuint (changed.removed, ==, 130);
  g_assert_cmpuint (changed.added, ==, 131);

  /* Put back after another session came: where it belongs now. */
  {
    g_autoptr(BbSessionItem) fifth = g_list_model_get_item (G_LIST_MODEL (list), 5);

    id = bb_session_item_get_id (fifth);
    g_assert_true (bb_session_list_delete (list, 5, &error));
    record_sessions (fixture, history, 1, 1);
    g_assert_true (bb_session_list_restore (list, id, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changed.position, ==, 6);
    g_assert_cmpuint (changed.added, ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 132);
  }
  {
    g_autoptr(BbSessionItem) back = g_list_model_get_item (G_LIST_MODEL (list), 6);

    g_assert_cmpint (bb_session_item_get_id (back), ==, id);
  }

  /* Rows another process removed under the count: blank items, never
   * NULL, until the list reads afresh. */
  g_free (query (fixture->path, "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions ORDER BY start_utc_us LIMIT 100)"));
  {
    guint count = changed.count;
    g_autoptr(BbSessionItem) blank = NULL;

    blank = g_list_model_get_item (G_LIST_MODEL (list), 131);
    g_assert_nonnull (blank);
    g_assert_cmpstr (bb_session_item_get_title (blank), ==, "");
    while (g_main_context_iteration (NULL, FALSE));
    g_assert_cmpuint (changed.count, ==, count + 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 32);
  }
}

/* Two processes at once: one records while the other reads. */
static void
test_two_processes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BbHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  guint reads = 0;
  gboolean done = FALSE;

  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                             g_test_get_filename (G_TEST_BUILT, "test-history", NULL),
                             "--writer", fixture->path, NULL);
  g_assert_no_error (error);

  /* Both make the file and its schema at once. */
  history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  g_subprocess_wait_async (writer, NULL, writer_done_cb, &done);

  while (!done)
    {
      BbStats stats = { 0 };

      g_assert_true (bb_history_get_stats (history, 0, &stats, &error));
      g_assert_no_error (error);
      reads++;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
  g_test_message ("%u reads while the other process wrote", reads);
  g_assert_cmpuint (reads, >, 0);

  g_subprocess_wait_check (writer, NULL, &error);
  g_assert_no_error (error);
  assert_query (fixture->path, "SELECT count (*) || ' ' || sum (practiced_ms) FROM sessions", "50 500000");
}

/* The other process of /history/two-processes. */
static int
run_writer (const char *path)
{
  g_autoptr(BbClock) clock = bb_fake_clock_new (1000 * SEC, REAL_START);
  g_autoptr(BbHistory) history = bb_history_open (path, clock, BB_HISTORY_OPEN_NONE, NULL);
  BbPattern pattern = { 4000, 0, 6000, 0 };

  if (history == NULL)
    return 1;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(BbSession) session = bb_session_new (clock, &pattern, "seated", 1);

      bb_history_track (history, session, NULL, BB_HISTORY_SOURCE_PRACTICE);
      bb_session_start (session);
      bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 10 * SEC);
    }

  return 0;
}

/* Check-ins go out with their sessions, as JSON and CSV, and come back
 * with them; files from before check-ins still import, and a bad answer
 * is an error that names its field and changes nothing. */

/* One session of a single breath, with @checkin unless it is NULL. */
static void
checked_in_session (Fixture         *fixture,
                    BbHistory       *history,
                    const BbCheckin *checkin)
{
  g_autoptr(BbSession) session = desk_break (fixture, 1);
  g_autoptr(GError) error = NULL;

  bb_history_track (history, session, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  bb_session_start (session);
  if (checkin != NULL)
    g_assert_true (bb_history_save_checkin (history, session, checkin, &error));
  g_assert_no_error (error);
  advance (fixture, 20 * SEC);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_FINISHED);
  advance (fixture, 3600 * SEC);
}

static char *
checkins_text (BbHistory *history)
{
  g_autoptr(GArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  checkins = bb_history_list_checkins (history, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < checkins->len; i++)
    {
      BbCheckinRecord *record = &g_array_index (checkins, BbCheckinRecord, i);

      g_string_append_printf (text, "%s%s/%u/%u", i > 0 ? " " : "",
                              record->checkin.back_felt == BB_BACK_FELT_UNANSWERED
                                ? "-" : bb_back_felt_to_string (record->checkin.back_felt),
                              record->checkin.tension_before, record->checkin.tension_after);
    }

  return g_string_free (text, FALSE);
}

static BbHistory *
open_other (Fixture    *fixture,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  BbHistory *history = bb_history_open (path, fixture->clock, BB_HISTORY_OPEN_NONE, &error);

  g_assert_no_error (error);

  return history;
}

static void
write_named_file (Fixture    *fixture,
                  const char *name,
                  const char *contents,
                  char      **path)
{
  g_autoptr(GError) error = NULL;

  *path = g_build_filename (fixture->dir, name, NULL);
  g_file_set_contents (*path, contents, -1, &error);
  g_assert_no_error (error);
}

#define OLD_RECORD \
  "\"uuid\": \"0123abcd-0000-4000-8000-000000000001\", \"start_utc_us\": 1700000000000000, " \
  "\"end_utc_us\": 1700000010000000, \"local_date\": \"2023-11-14\", \"utc_offset_s\": 0, " \
  "\"time_zone\": null, \"planned_ms\": 10000, \"practiced_ms\": 10000, \"breaths_done\": 1, " \
  "\"breaths_planned\": 1, \"inhale_ms\": 4000, \"hold_in_ms\": 0, \"exhale_ms\": 6000, " \
  "\"hold_out_ms\": 0, \"position_id\": \"seated\", \"preset_id\": null, " \
  "\"outcome\": \"completed\", \"source\": \"practice\""

static void
test_transfer_checkins (Fixture       *fixture,
                        gconstpointer  data)
{
  static const BbCheckin felt = { BB_BACK_FELT_YES, 2, 1 };
  static const BbCheckin not_yet = { BB_BACK_FELT_NOT_YET, 0, 3 };
  g_autoptr(BbHistory) history = open_history (fixture, BB_HISTORY_OPEN_NONE);
  g_autoptr(BbHistory) from_json = open_other (fixture, "from-json.db");
  g_autoptr(BbHistory) from_csv = open_other (fixture, "from-csv.db");
  g_autoptr(BbHistory) old = open_other (fixture, "old.db");
  g_autofree char *json = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "export.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0, skipped = 0, n = 0;

  checked_in_session (fixture, history, &felt);
  checked_in_session (fixture, history, NULL);
  checked_in_session (fixture, history, &not_yet);
  expected = checkins_text (history);
  g_assert_cmpstr (expected, ==, "not-yet/0/3 yes/2/1");

  g_assert_true (bb_history_export (history, json, BB_HISTORY_FORMAT_JSON, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (g_file_get_contents (json, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "\"back_felt\": \"yes\", \"tension_before\": 2, \"tension_after\": 1}"));
  g_assert_nonnull (strstr (contents, "\"back_felt\": null, \"tension_before\": null, \"tension_after\": null}"));
  g_assert_nonnull (strstr (contents, "\"back_felt\": \"not-yet\", \"tension_before\": null, \"tension_after\": 3}"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (bb_history_export (history, csv, BB_HISTORY_FORMAT_CSV, &n, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, ",source,back_felt,tension_before,tension_after\r\n"));
  g_assert_nonnull (strstr (contents, ",practice,yes,2,1\r\n"));
  g_assert_nonnull (strstr (contents, ",practice,,,\r\n"));
  g_assert_nonnull (strstr (contents, ",practice,not-yet,,3\r\n"));

  /* Back, from either. */
  g_assert_true (bb_history_import (from_json, json, BB_HISTORY_FORMAT_JSON, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  {
    g_autofree char *text = checkins_text (from_json);

    g_assert_cmpstr (text, ==, expected);
  }
  g_assert_true (bb_history_import (from_csv, csv, BB_HISTORY_FORMAT_CSV, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  {
    g_autofree char *text = checkins_text (from_csv);

    g_assert_cmpstr (text, ==, expected);
  }

  /* A session already in the store keeps its own answers. */
  {
    BbCheckinStats stats = { 0 };
    g_autofree char *text = NULL;

    g_assert_true (bb_history_import (history, json, BB_HISTORY_FORMAT_JSON, &added, &skipped, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 0);
    g_assert_cmpuint (skipped, ==, 3);
    text = checkins_text (history);
    g_assert_cmpstr (text, ==, expected);
    g_assert_true (bb_history_get_checkin_stats (from_csv, &stats, &error));
    g_assert_cmpuint (stats.n_checkins, ==, 2);
    g_assert_cmpuint (stats.n_felt, ==, 1);
    g_assert_cmpuint (stats.n_not_yet, ==, 1);
  }

  /* Files from before check-ins. */
  {
    g_autofree char *path = NULL;
    g_autofree char *text = NULL;

    write_named_file (fixture, "old.json", "{\"format\": \"backbreath-history\", \"version\": 1, \"sessions\": [{" OLD_RECORD "}]}", &path);
    g_assert_true (bb_history_import (old, path, BB_HISTORY_FORMAT_JSON, &added, &skipped, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 1);
    text = checkins_text (old);
    g_assert_cmpstr (text, ==, "");
  }
  {
    g_autoptr(BbHistory) old_csv = open_other (fixture, "old-csv.db");
    g_autofree char *path = NULL;

    write_named_file (fixture, "old.csv",
                "uuid,start_utc_us,end_utc_us,local_date,utc_offset_s,time_zone,planned_ms,practiced_ms,"
                "breaths_done,breaths_planned,inhale_ms,hold_in_ms,exhale_ms,hold_out_ms,position_id,"
                "preset_id,outcome,source\r\n"
                "0123abcd-0000-4000-8000-000000000002,1700000000000000,1700000010000000,2023-11-14,0,,"
                "10000,10000,1,1,4000,0,6000,0,seated,,completed,practice\r\n", &path);
    g_assert_true (bb_history_import (old_csv, path, BB_HISTORY_FORMAT_CSV, &added, &skipped, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 1);
  }

  /* Bad answers: the error names the record and the field; nothing is
   * added. */
  {
    static const struct {
      const char *format;
      const char *fields;
      const char *message;
    } bad[] = {
      { "json", ", \"tension_before\": 6", "record 1: field “tension_before”: must be a whole number from 1 to 5" },
      { "json", ", \"tension_after\": 0", "record 1: field “tension_after”: must be a whole number from 1 to 5" },
      { "json", ", \"tension_after\": \"2\"", "record 1: field “tension_after”: must be a whole number" },
      { "json", ", \"back_felt\": \"maybe\"", "record 1: field “back_felt”: must be yes, a-little or not-yet" },
      { "json", ", \"back_felt\": true", "record 1: field “back_felt”: must be text" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(BbHistory) target = open_other (fixture, "bad.db");
        g_autofree char *path = NULL;
        g_autofree char *file = g_strdup_printf ("{\"sessions\": [{" OLD_RECORD "%s}]}", bad[i].fields);
        g_autoptr(GError) local_error = NULL;

        write_named_file (fixture, "bad.json", file, &path);
        g_assert_false (bb_history_import (target, path, BB_HISTORY_FORMAT_JSON, &added, &skipped, &local_error));
        g_assert_error (local_error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_INVALID);
        g_assert_cmpstr (local_error->message, ==, bad[i].message);
        g_assert_cmpint (bb_history_count_sessions (target, &error), ==, 0);
      }
  }
  {
    g_autoptr(BbHistory) target = open_other (fixture, "bad-csv.db");
    g_autofree char *path = NULL;
    g_autoptr(GError) local_error = NULL;

    write_named_file (fixture, "bad.csv",
                "uuid,start_utc_us,end_utc_us,local_date,utc_offset_s,time_zone,planned_ms,practiced_ms,"
                "breaths_done,breaths_planned,inhale_ms,hold_in_ms,exhale_ms,hold_out_ms,position_id,"
                "preset_id,outcome,source,back_felt,tension_before,tension_after\r\n"
                "0123abcd-0000-4000-8000-000000000003,1700000000000000,1700000010000000,2023-11-14,0,,"
                "10000,10000,1,1,4000,0,6000,0,seated,,completed,practice,yes,2,1\r\n"
                "0123abcd-0000-4000-8000-000000000004,1700000000000000,1700000010000000,2023-11-14,0,,"
                "10000,10000,1,1,4000,0,6000,0,seated,,completed,practice,yes,x,1\r\n", &path);
    g_assert_false (bb_history_import (target, path, BB_HISTORY_FORMAT_CSV, &added, &skipped, &local_error));
    g_assert_error (local_error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_INVALID);
    g_assert_cmpstr (local_error->message, ==, "line 3: field “tension_before”: must be a whole number");
    g_assert_cmpint (bb_history_count_sessions (target, &error), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  /* Local dates must not depend on the machine's time zone. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/history/create", Fixture, NULL, fixture_setup, test_create, fixture_teardown);
  g_test_add ("/history/record", Fixture, NULL, fixture_setup, test_record, fixture_teardown);
  g_test_add ("/history/stopped", Fixture, NULL, fixture_setup, test_stopped, fixture_teardown);
  g_test_add ("/history/track-late", Fixture, NULL, fixture_setup, test_track_late, fixture_teardown);
  g_test_add ("/history/last-break", Fixture, NULL, fixture_setup, test_last_break, fixture_teardown);
  g_test_add ("/history/interrupted", Fixture, NULL, fixture_setup, test_interrupted, fixture_teardown);
  g_test_add ("/history/not-a-database", Fixture, NULL, fixture_setup, test_not_a_database, fixture_teardown);
  g_test_add ("/history/damaged-read-only", Fixture, NULL, fixture_setup, test_damaged_read_only, fixture_teardown);
  g_test_add ("/history/restore-backup", Fixture, NULL, fixture_setup, test_restore_backup, fixture_teardown);
  g_test_add ("/history/backups-kept", Fixture, NULL, fixture_setup, test_backups_kept, fixture_teardown);
  g_test_add ("/history/migrate", Fixture, NULL, fixture_setup, test_migrate, fixture_teardown);
  g_test_add ("/history/travel", Fixture, NULL, fixture_setup, test_travel, fixture_teardown);
  g_test_add ("/history/pages", Fixture, NULL, fixture_setup, test_pages, fixture_teardown);
  g_test_add ("/history/delete-restore", Fixture, NULL, fixture_setup, test_delete_restore, fixture_teardown);
  g_test_add ("/history/session-list", Fixture, NULL, fixture_setup, test_session_list, fixture_teardown);
  g_test_add ("/history/two-processes", Fixture, NULL, fixture_setup, test_two_processes, fixture_teardown);
  g_test_add ("/history/transfer-checkins", Fixture, NULL, fixture_setup, test_transfer_checkins, fixture_teardown);

  return g_test_run ();
}
