/* bench-history.c
 *
 * history: 100,000 sessions over ten years, then each timed: open, the
 * stats, a year of calendar data, the first page of the list, and an
 * export to JSON. Medians of 5 runs; prints the database's size.
 * Targets: stats <= 20 ms, open to the first page <= 50 ms, export <= 1 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bb-fake-clock.h"
#include "bb-history.h"
#include "bb-history-io.h"
#include "bb-history-private.h"
#include "bb-session-list.h"

#define N_SESSIONS 100000
#define N_RUNS 5
#define SEC G_GINT64_CONSTANT (1000000)

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, N_RUNS, sizeof (double), compare_doubles);

  return values[N_RUNS / 2];
}

static void
fill (BbHistory *history,
      gint64     now)
{
  sqlite3 *db = bb_history_get_db (history);
  sqlite3_stmt *stmt = NULL;
  gint64 first = now - (gint64) 3650 * 24 * 3600 * SEC;

  g_assert (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK);
  g_assert (sqlite3_prepare_v2 (db,
                                "INSERT INTO sessions (uuid, start_utc_us, end_utc_us, local_date, utc_offset_s,"
                                " planned_ms, practiced_ms, breaths_done, breaths_planned, inhale_ms, hold_in_ms,"
                                " exhale_ms, hold_out_ms, position_id, preset_id, outcome, source)"
                                " VALUES (?1, ?2, ?2 + 120000000, ?3, 0, 120000, ?4, 12, 12, 4000, 0, 6000, 0,"
                                " 'seated', 'desk-break', ?5, 'practice')",
                                -1, &stmt, NULL) == SQLITE_OK);

  for (guint i = 0; i < N_SESSIONS; i++)
    {
      gint64 start = first + (gint64) i * (3650 * 24 * 3600 / N_SESSIONS) * SEC;
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (start / SEC);
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *day = g_date_time_format (when, "%Y-%m-%d");

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, start);
      sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, 60000 + g_random_int_range (0, 120000));
      sqlite3_bind_text (stmt, 5, i % 50 == 0 ? "interrupted" : "completed", -1, SQLITE_STATIC);
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }

  sqlite3_finalize (stmt);
  g_assert (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("backbreath-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "history.db", NULL);
  g_autofree char *export = g_build_filename (dir, "export.json", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  gint64 now = g_get_real_time ();
  g_autoptr(BbClock) clock = bb_fake_clock_new (1000 * SEC, now);
  double open_ms[N_RUNS], stats_ms[N_RUNS], year_ms[N_RUNS], page_ms[N_RUNS], export_ms[N_RUNS];
  double check_ms[N_RUNS];
  double list_ms[N_RUNS];
  double jump_ms[N_RUNS];
  double backup_ms = 0;
  GStatBuf st;

  g_setenv ("TZ", "UTC", TRUE);

  {
    g_autoptr(BbHistory) history = bb_history_open (path, clock, BB_HISTORY_OPEN_NONE, &error);

    g_assert_no_error (error);
    fill (history, now);
  }

  /* The window app's open: the whole file checked, and the day's backup
   * written the first time. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(BbHistory) history = NULL;
      gint64 t0 = g_get_monotonic_time ();

      history = bb_history_open (path, clock, BB_HISTORY_OPEN_RECOVER, &error);
      g_assert_no_error (error);
      if (run == 0)
        backup_ms = (g_get_monotonic_time () - t0) / 1000.0;
      check_ms[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  check_ms[0] = check_ms[1];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(BbHistory) history = NULL;
      g_autoptr(GArray) page = NULL;
      g_autofree BbDayTotal *days = NULL;
      guint32 today;
      guint n_days = 0;
      guint n = 0;
      BbStats stats;
      gint64 t0, t1, t2, t3, t4, t5;

      t0 = g_get_monotonic_time ();
      history = bb_history_open (path, clock, BB_HISTORY_OPEN_NONE, &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      page = bb_history_list_sessions (history, NULL, 50, &error);
      g_assert_no_error (error);
      g_assert (page->len == 50);
      t2 = g_get_monotonic_time ();
      g_assert (bb_history_get_stats (history, 60000, &stats, &error));
      t3 = g_get_monotonic_time ();
      today = bb_history_get_today (history);
      days = bb_history_dup_days_between (history, today - 365, today, &n_days, &error);
      g_assert_no_error (error);
      t4 = g_get_monotonic_time ();
      g_assert (bb_history_export (history, export, BB_HISTORY_FORMAT_JSON, &n, &error));
      g_assert (n == N_SESSIONS);
      t5 = g_get_monotonic_time ();

      /* The sessions list as the page has it: the count and the first
       * row, then a jump far down, read by offset. */
      {
        g_autoptr(BbSessionList) list = bb_session_list_new (history);
        g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
        gint64 t6 = g_get_monotonic_time ();
        g_autoptr(GObject) deep = g_list_model_get_item (G_LIST_MODEL (list), N_SESSIONS - 100);
        gint64 t7 = g_get_monotonic_time ();

        g_assert (first != NULL && deep != NULL);
        g_assert (g_list_model_get_n_items (G_LIST_MODEL (list)) == N_SESSIONS);
        list_ms[run] = (t6 - t5) / 1000.0;
        jump_ms[run] = (t7 - t6) / 1000.0;
      }

      open_ms[run] = (t2 - t0) / 1000.0;
      page_ms[run] = (t2 - t1) / 1000.0;
      stats_ms[run] = (t3 - t2) / 1000.0;
      year_ms[run] = (t4 - t3) / 1000.0;
      export_ms[run] = (t5 - t4) / 1000.0;

      if (run == 0)
        g_print ("history: %u sessions on %u days, %u days in the last year\n",
                 stats.n_sessions, (guint) (3650), n_days);
    }

  g_stat (path, &st);
  g_print ("history: database %.1f MB\n", st.st_size / 1e6);
  g_print ("history: medians of %d runs\n", N_RUNS);
  g_print ("history: open to the first page %.1f ms (of which the page %.1f ms; target <= 50 ms)\n",
           median (open_ms), median (page_ms));
  g_print ("history: the sessions list, count and first page %.1f ms; a jump to the end %.1f ms\n",
           median (list_ms), median (jump_ms));
  g_print ("history: the window app's open, every page checked, %.1f ms; "
           "%.0f ms once a day with the backup\n", median (check_ms), backup_ms);
  g_print ("history: stats %.1f ms (target <= 20 ms)\n", median (stats_ms));
  g_print ("history: a year of calendar days %.1f ms\n", median (year_ms));
  g_print ("history: export to JSON %.0f ms (target <= 1000 ms)\n", median (export_ms));

  g_unlink (export);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  {
    g_autoptr(GDir) handle = g_dir_open (backups, 0, NULL);
    const char *name;

    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *file = g_build_filename (backups, name, NULL);

        g_unlink (file);
      }
  }
  g_rmdir (backups);
  g_rmdir (dir);

  return 0;
}
