/* bb-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "bb-history.h"
#include "bb-history-private.h"

/*
 * The practice history: one SQLite file in the user's data folder, in
 * WAL mode so the reminders service can read while the app writes.
 *
 * A session's row is written when it starts, checkpointed every
 * BB_HISTORY_CHECKPOINT_US of practice as its seconds go by, and finished
 * when it ends, all from the session's own signals: a killed app loses at most a
 * few seconds of practice, and the next open marks the row interrupted.
 *
 * The window app's open checks the whole file. One that is not a
 * database, or fails SQLite's quick check, is renamed beside itself, never
 * deleted; the newest daily
 * backup takes its place, or a new store is begun, and #BbHistory:notice
 * says so once.
 */

struct _BbHistory
{
  GObject   parent_instance;

  /* Owned */
  sqlite3  *db;
  BbClock  *clock;
  char     *path;
  char     *notice;
  char     *moved_to;

  /* Plain state */
  guint     write_failing : 1;
};

G_DEFINE_FINAL_TYPE (BbHistory, bb_history, G_TYPE_OBJECT)
G_DEFINE_QUARK (bb-history-error-quark, bb_history_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each step takes the schema one version up, in one transaction. Never
 * edit a step that has shipped: add one. */
static const char * const migrations[] = {
  /* 0 -> 1: sessions */
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  start_utc_us INTEGER NOT NULL,"
  "  end_utc_us INTEGER,"
  "  local_date TEXT NOT NULL,"
  "  utc_offset_s INTEGER NOT NULL,"
  "  time_zone TEXT,"
  "  planned_ms INTEGER NOT NULL CHECK (planned_ms >= 0),"
  "  practiced_ms INTEGER NOT NULL DEFAULT 0 CHECK (practiced_ms >= 0),"
  "  breaths_done INTEGER NOT NULL DEFAULT 0 CHECK (breaths_done >= 0),"
  "  breaths_planned INTEGER NOT NULL CHECK (breaths_planned > 0),"
  "  inhale_ms INTEGER NOT NULL,"
  "  hold_in_ms INTEGER NOT NULL,"
  "  exhale_ms INTEGER NOT NULL,"
  "  hold_out_ms INTEGER NOT NULL,"
  "  position_id TEXT,"
  "  preset_id TEXT,"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('in-progress', 'completed', 'stopped', 'interrupted')),"
  "  source TEXT NOT NULL CHECK (source IN ('practice', 'command-line', 'reminder')),"
  "  checkpoint_utc_us INTEGER"
  ");"
  "CREATE INDEX sessions_local_date ON sessions (local_date);",

  /* 1 -> 2: check-ins after a session, filled by the guidance pages */
  "CREATE TABLE checkins ("
  "  session_uuid TEXT PRIMARY KEY REFERENCES sessions (uuid) ON DELETE CASCADE,"
  "  back_felt TEXT CHECK (back_felt IN ('yes', 'a-little', 'not-yet')),"
  "  tension_before INTEGER CHECK (tension_before BETWEEN 1 AND 5),"
  "  tension_after INTEGER CHECK (tension_after BETWEEN 1 AND 5)"
  ");"
  "CREATE INDEX sessions_start ON sessions (start_utc_us);",

  /* 2 -> 3: the day totals read from the index alone */
  "DROP INDEX sessions_local_date;"
  "CREATE INDEX sessions_days ON sessions (local_date, outcome, practiced_ms);",

  /* 3 -> 4: the last break, read from the newest end backwards */
  "CREATE INDEX sessions_breaks ON sessions (end_utc_us, practiced_ms, outcome)"
  "  WHERE outcome IN ('completed', 'stopped');",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BB_HISTORY_SCHEMA_VERSION);

static const char * const source_names[] = {
  [BB_HISTORY_SOURCE_PRACTICE] = "practice",
  [BB_HISTORY_SOURCE_COMMAND_LINE] = "command-line",
  [BB_HISTORY_SOURCE_REMINDER] = "reminder",
};

static gboolean
set_sqlite_error (GError     **error,
                  int          code,
                  sqlite3     *db,
                  const char  *what)
{
  g_set_error (error, BB_HISTORY_ERROR, code, "%s: %s", what,
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      int          code,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (error, code, db, sql);

  return TRUE;
}

static int
get_int_pragma (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);

  sqlite3_finalize (stmt);

  return value;
}

/* The local calendar day and UTC offset at @real_time (microseconds
 * since the epoch), in the time zone of the moment. */
static GDateTime *
local_at (gint64 real_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (real_time / G_USEC_PER_SEC);

  if (utc == NULL)
    return NULL;

  return g_date_time_to_local (utc);
}

/**
 * bb_history_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/backbreath/history.db`
 */
char *
bb_history_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "backbreath", "history.db", NULL);
}

static char *
backups_dir (BbHistory *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);

  return g_build_filename (dir, "backups", NULL);
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The backups' file names, oldest first; their names sort by date. */
static GPtrArray *
list_backups (BbHistory *self)
{
  g_autofree char *dir = backups_dir (self);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, "history-") && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));

  g_ptr_array_sort (names, compare_names);

  return names;
}

/* Copies the whole database @from into a new file @to with SQLite's
 * online backup API: the copy is consistent even while others write. */
/* Makes @path, if missing, readable by the user alone; SQLite then gives
 * its -wal and -shm files the same mode. */
static gboolean
create_private (const char  *path,
                int          code,
                GError     **error)
{
  int fd = g_open (path, O_CREAT | O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, BB_HISTORY_ERROR, code, "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  return TRUE;
}

static gboolean
copy_database (sqlite3     *from,
               const char  *to,
               GError     **error)
{
  g_autofree char *tmp = g_strconcat (to, ".tmp", NULL);
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int res;

  g_unlink (tmp);
  if (!create_private (tmp, BB_HISTORY_ERROR_WRITE, error))
    return FALSE;

  if (sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_WRITE, dest, tmp);
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", from, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_WRITE, dest, tmp);
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }

  do
    res = sqlite3_backup_step (backup, -1);
  while (res == SQLITE_BUSY || res == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (res != SQLITE_DONE)
    {
      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE,
                   "%s: %s", tmp, sqlite3_errstr (res));
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }

  sqlite3_close (dest);

  if (g_rename (tmp, to) != 0)
    {
      int saved = errno;

      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE,
                   "%s: %s", to, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;
}

/* One backup a day, the last BB_HISTORY_N_BACKUPS kept. */
static void
write_daily_backup (BbHistory *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = local_at (bb_clock_get_real_time (self->clock));
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *dir = backups_dir (self);
  g_autofree char *day = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (now == NULL)
    return;

  day = g_date_time_format (now, "%Y-%m-%d");
  name = g_strdup_printf ("history-%s.db", day);
  path = g_build_filename (dir, name, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !copy_database (self->db, path, &error))
    {
      g_message ("No backup of the history today: %s",
                 error != NULL ? error->message : g_strerror (errno));
      return;
    }

  names = list_backups (self);
  for (guint i = 0; i + BB_HISTORY_N_BACKUPS < names->len; i++)
    g_unlink (g_ptr_array_index (names, i));
}

static gboolean
configure (sqlite3  *db,
           GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);

  if (!wal)
    return set_sqlite_error (error, BB_HISTORY_ERROR_OPEN, db, "PRAGMA journal_mode = WAL");

  /* FULL rather than NORMAL: a few saves a minute cost nothing, and a
   * power cut then loses no finished session. */
  return exec (db, "PRAGMA synchronous = FULL", BB_HISTORY_ERROR_OPEN, error) &&
         exec (db, "PRAGMA foreign_keys = ON", BB_HISTORY_ERROR_OPEN, error);
}

/* SQLite's word that the file itself is damaged, as opposed to busy,
 * out of memory or unreadable for now. */
static gboolean
is_damage (int code)
{
  code &= 0xff;

  return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
}

typedef enum
{
  CHECK_OK,
  CHECK_DAMAGED,
  CHECK_FAILED,
} Check;

/* Runs @sql, whose first row says "ok" when all is well. */
static Check
check_database (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int res = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  Check check;

  if (res == SQLITE_OK)
    res = sqlite3_step (stmt);

  if (res == SQLITE_ROW)
    check = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 ? CHECK_OK : CHECK_DAMAGED;
  else if (is_damage (res))
    check = CHECK_DAMAGED;
  else
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_OPEN, db, sql);
      check = CHECK_FAILED;
    }

  sqlite3_finalize (stmt);

  return check;
}

static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  int version = get_int_pragma (db, "PRAGMA user_version");

  if (version < 0)
    return set_sqlite_error (error, BB_HISTORY_ERROR_OPEN, db, "PRAGMA user_version");

  if (version > BB_HISTORY_SCHEMA_VERSION)
    {
      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_OPEN,
                   _("The history was written by a newer Backbreath (version %d of its format); "
                     "it is left as it is"), version);
      return FALSE;
    }

  while (version < BB_HISTORY_SCHEMA_VERSION)
    {
      g_autofree char *set_version = NULL;

      if (!exec (db, "BEGIN IMMEDIATE", BB_HISTORY_ERROR_OPEN, error))
        return FALSE;

      /* Another process may have taken the same step meanwhile. */
      version = get_int_pragma (db, "PRAGMA user_version");
      if (version < 0 || version >= BB_HISTORY_SCHEMA_VERSION)
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          if (version < 0)
            return set_sqlite_error (error, BB_HISTORY_ERROR_OPEN, db, "PRAGMA user_version");
          break;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!exec (db, migrations[version], BB_HISTORY_ERROR_OPEN, error) ||
          !exec (db, set_version, BB_HISTORY_ERROR_OPEN, error) ||
          !exec (db, "COMMIT", BB_HISTORY_ERROR_OPEN, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      version++;
    }

  return TRUE;
}

/* Opens @path, creating it when missing. A file that is not a database
 * shows at once, when its header is read; @full_check also runs SQLite's
 * quick check, which reads every page. */
static sqlite3 *
open_file (const char  *path,
           gboolean     full_check,
           gboolean    *damaged,
           GError     **error)
{
  sqlite3 *db = NULL;
  Check check;

  *damaged = FALSE;

  /* Made here so it is private from the start. */
  if (!create_private (path, BB_HISTORY_ERROR_OPEN, error))
    return NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_OPEN, db, path);
      sqlite3_close (db);
      return NULL;
    }

  /* Before anything reads: a lock held by another process is a wait,
   * not damage. */
  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 1);

  check = check_database (db, "SELECT CASE WHEN count (*) >= 0 THEN 'ok' END FROM sqlite_schema", error);
  if (check == CHECK_OK && full_check)
    check = check_database (db, "PRAGMA quick_check", error);

  if (check == CHECK_OK && !configure (db, error))
    check = is_damage (sqlite3_errcode (db)) ? CHECK_DAMAGED : CHECK_FAILED;

  if (check != CHECK_OK)
    {
      *damaged = check == CHECK_DAMAGED;
      if (*damaged)
        g_clear_error (error);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Renames the broken file, and its -wal and -shm, beside itself. */
static char *
move_aside (BbHistory  *self,
            GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.broken-%s", self->path, stamp);
  static const char * const suffixes[] = { "-wal", "-shm" };

  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.broken-%s-%u", self->path, stamp, n);
    }

  if (g_rename (self->path, target) != 0)
    {
      int saved = errno;

      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_OPEN,
                   "%s: %s", self->path, g_strerror (saved));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      /* A stale log beside a new file would be replayed into it. */
      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved = errno;

          g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_OPEN,
                       "%s: %s", from, g_strerror (saved));
          return NULL;
        }
    }

  return g_steal_pointer (&target);
}

/* Puts the newest backup that opens in place of the moved file. */
static char *
restore_backup (BbHistory *self)
{
  g_autoptr(GPtrArray) names = list_backups (self);

  for (guint i = names->len; i > 0; i--)
    {
      const char *name = g_ptr_array_index (names, i - 1);
      g_autoptr(GError) error = NULL;
      sqlite3 *backup = NULL;
      gboolean ok;

      if (sqlite3_open_v2 (name, &backup, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
          check_database (backup, "PRAGMA quick_check", NULL) != CHECK_OK)
        {
          sqlite3_close (backup);
          continue;
        }

      ok = copy_database (backup, self->path, &error);
      sqlite3_close (backup);

      if (ok)
        return g_path_get_basename (name);

      g_message ("Could not restore %s: %s", name, error->message);
    }

  return NULL;
}

static void
recover_interrupted (BbHistory *self)
{
  /* A row still in progress at open was left by an app that ended
   * without finishing it: keep what its last checkpoint saved. */
  if (!exec (self->db,
             "UPDATE sessions SET outcome = 'interrupted', end_utc_us = checkpoint_utc_us "
             "WHERE outcome = 'in-progress'",
             BB_HISTORY_ERROR_WRITE, NULL))
    g_message ("Could not mark interrupted sessions: %s", sqlite3_errmsg (self->db));
}

static void
bb_history_dispose (GObject *object)
{
  BbHistory *self = (BbHistory *)object;

  g_clear_object (&self->clock);

  G_OBJECT_CLASS (bb_history_parent_class)->dispose (object);
}

static void
bb_history_finalize (GObject *object)
{
  BbHistory *self = (BbHistory *)object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->notice, g_free);
  g_clear_pointer (&self->moved_to, g_free);

  G_OBJECT_CLASS (bb_history_parent_class)->finalize (object);
}

static void
bb_history_class_init (BbHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_history_dispose;
  object_class->finalize = bb_history_finalize;

  /**
   * BbHistory::changed:
   *
   * Ended sessions were added, changed or removed through this object:
   * a session ended, an import added rows, a row was deleted or put
   * back. Rows in progress do not count.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bb_history_init (BbHistory *self)
{
}

/**
 * bb_history_open:
 * @path: (nullable): the database file, or %NULL for the default
 * @clock: (nullable): the time source, or %NULL for the system clock
 * @flags: what else to do on open
 *
 * Opens the store, creating its folder (mode 0700) and file (0600) when
 * missing and bringing its schema up to date. A damaged file is moved
 * aside and replaced, see bb_history_get_notice().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
BbHistory *
bb_history_open (const char          *path,
                 BbClock             *clock,
                 BbHistoryOpenFlags   flags,
                 GError             **error)
{
  g_autoptr(BbHistory) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  gboolean recover = (flags & BB_HISTORY_OPEN_RECOVER) != 0;
  gboolean damaged = FALSE;

  g_return_val_if_fail (clock == NULL || BB_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (BB_TYPE_HISTORY, NULL);
  self->clock = clock != NULL ? g_object_ref (clock) : g_object_ref (bb_clock_get_default ());
  self->path = path != NULL ? g_strdup (path) : bb_history_get_default_path ();

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }

  /* The full check reads the whole file, so only the window app, which
   * repairs, makes it; others see damage when they read it. */
  self->db = open_file (self->path, recover, &damaged, &local_error);

  if (self->db == NULL && damaged && !recover)
    {
      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_OPEN,
                   _("The history file %s is damaged. Open Backbreath to set it right."),
                   self->path);
      return NULL;
    }

  if (self->db == NULL && damaged)
    {
      g_autofree char *restored = NULL;

      self->moved_to = move_aside (self, error);
      if (self->moved_to == NULL)
        return NULL;

      restored = restore_backup (self);
      if (restored != NULL)
        self->notice = g_strdup_printf (_("Your history file was damaged. It was kept as %s, "
                                          "and the backup %s was restored."),
                                        self->moved_to, restored);
      else
        self->notice = g_strdup_printf (_("Your history file was damaged. It was kept as %s, "
                                          "and a new history was begun."),
                                        self->moved_to);
      /* The caller tells the user: a window or stderr. */
      g_debug ("%s", self->notice);

      g_clear_error (&local_error);
      self->db = open_file (self->path, TRUE, &damaged, &local_error);
      if (self->db == NULL && damaged)
        g_set_error (&local_error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_OPEN,
                     _("The history file %s could not be made anew."), self->path);
    }

  if (self->db == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!migrate (self->db, error))
    return NULL;

  if (recover)
    {
      recover_interrupted (self);
      write_daily_backup (self);
    }

  return g_steal_pointer (&self);
}

sqlite3 *
bb_history_get_db (BbHistory *self)
{
  g_return_val_if_fail (BB_IS_HISTORY (self), NULL);

  return self->db;
}

const char *
bb_history_get_path (BbHistory *self)
{
  g_return_val_if_fail (BB_IS_HISTORY (self), NULL);

  return self->path;
}

/**
 * bb_history_get_notice:
 *
 * Returns: (nullable): what the user should be told about the opening of
 *   the store, such as a damaged file moved aside; %NULL when all was well
 */
const char *
bb_history_get_notice (BbHistory *self)
{
  g_return_val_if_fail (BB_IS_HISTORY (self), NULL);

  return self->notice;
}

/**
 * bb_history_get_moved_to:
 *
 * Returns: (nullable): where a damaged file was moved on open
 */
const char *
bb_history_get_moved_to (BbHistory *self)
{
  g_return_val_if_fail (BB_IS_HISTORY (self), NULL);

  return self->moved_to;
}

/**
 * bb_history_get_today:
 *
 * Returns: the local calendar day now, as a #GDate Julian day number
 */
guint32
bb_history_get_today (BbHistory *self)
{
  g_autoptr(GDateTime) now = NULL;
  GDate date;

  g_return_val_if_fail (BB_IS_HISTORY (self), 0);

  now = local_at (bb_clock_get_real_time (self->clock));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));

  return g_date_get_julian (&date);
}

/* Recording a session */

typedef struct
{
  BbHistory       *history;
  char            *uuid;
  char            *preset_id;
  BbHistorySource  source;
  guint            saved_at;  /* the session's seconds-left at the last save */
  gboolean         written;
  BbCheckin        checkin;   /* every answer given so far */
} Recording;

static void
recording_free (gpointer data)
{
  Recording *recording = data;

  g_clear_object (&recording->history);
  g_free (recording->uuid);
  g_free (recording->preset_id);
  g_free (recording);
}

static void
report_write (BbHistory  *self,
              gboolean    ok,
              const char *what,
              const char *reason)
{
  /* A full disk or a read-only folder: say it once, keep practising. */
  if (!ok && !self->write_failing)
    g_message ("Could not %s in %s: %s", what, self->path,
               reason != NULL ? reason : sqlite3_errmsg (self->db));

  self->write_failing = !ok;
}

static guint
breaths_done (BbSession *session)
{
  guint breath = bb_session_get_breath (session);

  if (bb_session_get_state (session) == BB_SESSION_STATE_FINISHED)
    return bb_session_get_n_breaths (session);

  /* The breath under way counts once it is whole. */
  return breath > 0 ? breath - 1 : 0;
}

static gboolean
step_done (sqlite3_stmt *stmt)
{
  int res = sqlite3_step (stmt);

  sqlite3_finalize (stmt);

  return res == SQLITE_DONE;
}

/* Runs @stmt in a transaction of its own. On failure @reason says why,
 * read before the rollback can replace SQLite's message. */
static gboolean
in_transaction (sqlite3       *db,
                sqlite3_stmt  *stmt,
                char         **reason)
{
  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      *reason = g_strdup (sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  if (!step_done (stmt) || sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      *reason = g_strdup (sqlite3_errmsg (db));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static const char * const back_felt_names[] = {
  [BB_BACK_FELT_UNANSWERED] = NULL,
  [BB_BACK_FELT_YES] = "yes",
  [BB_BACK_FELT_A_LITTLE] = "a-little",
  [BB_BACK_FELT_NOT_YET] = "not-yet",
};

/**
 * bb_back_felt_to_string:
 *
 * Returns: (nullable): the stored name of @back_felt, %NULL when unanswered
 */
const char *
bb_back_felt_to_string (BbBackFelt back_felt)
{
  g_return_val_if_fail (back_felt <= BB_BACK_FELT_NOT_YET, NULL);

  return back_felt_names[back_felt];
}

/**
 * bb_back_felt_from_string:
 * @str: (nullable): a stored name, or %NULL for unanswered
 *
 * Returns: %TRUE if @str names an answer
 */
gboolean
bb_back_felt_from_string (const char *str,
                          BbBackFelt *back_felt)
{
  g_return_val_if_fail (back_felt != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (back_felt_names); i++)
    {
      if (g_strcmp0 (back_felt_names[i], str) == 0)
        {
          *back_felt = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
has_answers (const BbCheckin *checkin)
{
  return checkin->back_felt != BB_BACK_FELT_UNANSWERED ||
         checkin->tension_before != 0 ||
         checkin->tension_after != 0;
}

static void
bind_answer (sqlite3_stmt *stmt,
             int           column,
             guint         value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int (stmt, column, value);
}

/* Writes every answer the recording holds, over what was there. */
static gboolean
write_checkin (Recording  *recording,
               GError    **error)
{
  g_autofree char *reason = NULL;
  BbHistory *self = recording->history;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (self->db == NULL ||
      sqlite3_prepare_v2 (self->db,
                          "INSERT INTO checkins (session_uuid, back_felt, tension_before, tension_after)"
                          " VALUES (?1, ?2, ?3, ?4)"
                          " ON CONFLICT (session_uuid) DO UPDATE SET back_felt = excluded.back_felt,"
                          " tension_before = excluded.tension_before, tension_after = excluded.tension_after",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      report_write (self, FALSE, "save a check-in", NULL);
      set_sqlite_error (error, BB_HISTORY_ERROR_WRITE, self->db, "check-in");
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, recording->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, back_felt_names[recording->checkin.back_felt], -1, SQLITE_STATIC);
  bind_answer (stmt, 3, recording->checkin.tension_before);
  bind_answer (stmt, 4, recording->checkin.tension_after);

  ok = in_transaction (self->db, stmt, &reason);
  report_write (self, ok, "save a check-in", reason);
  if (!ok)
    {
      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE,
                   /* Shown under the check-in. Translators: the first
                    * %s is the history file, the second the database's
                    * reason, in English */
                   _("Your answers could not be saved in %s: %s"), self->path,
                   reason != NULL ? reason : "unknown error");
      return FALSE;
    }

  bb_history_emit_changed (self);

  return TRUE;
}

static void
insert_row (Recording *recording,
            BbSession *session)
{
  g_autofree char *reason = NULL;
  BbHistory *self = recording->history;
  const BbPattern *pattern = bb_session_get_pattern (session);
  gint64 start = bb_session_get_start_real_time (session);
  g_autoptr(GDateTime) local = local_at (start);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *local_date = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (self->db == NULL || local == NULL)
    return;

  local_date = g_date_time_format (local, "%Y-%m-%d");

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO sessions (uuid, start_utc_us, local_date, utc_offset_s, time_zone,"
                          " planned_ms, breaths_planned, inhale_ms, hold_in_ms, exhale_ms, hold_out_ms,"
                          " position_id, preset_id, outcome, source, checkpoint_utc_us)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                          " 'in-progress', ?14, ?2)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      report_write (self, FALSE, "begin a session", NULL);
      return;
    }

  sqlite3_bind_text (stmt, 1, recording->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_text (stmt, 3, local_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_date_time_get_utc_offset (local) / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 5, g_time_zone_get_identifier (zone), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, bb_session_get_duration (session) / 1000);
  sqlite3_bind_int64 (stmt, 7, bb_session_get_n_breaths (session));
  sqlite3_bind_int64 (stmt, 8, pattern->inhale_ms);
  sqlite3_bind_int64 (stmt, 9, pattern->hold_in_ms);
  sqlite3_bind_int64 (stmt, 10, pattern->exhale_ms);
  sqlite3_bind_int64 (stmt, 11, pattern->hold_out_ms);
  sqlite3_bind_text (stmt, 12, bb_session_get_position (session), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, recording->preset_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, source_names[recording->source], -1, SQLITE_STATIC);

  ok = in_transaction (self->db, stmt, &reason);
  report_write (self, ok, "begin a session", reason);
  recording->written = ok;
  recording->saved_at = bb_session_get_seconds_left (session);

  /* Answers given before the row existed, as the tension before a
   * session that was settling in, or tracked late. */
  if (ok && has_answers (&recording->checkin))
    write_checkin (recording, NULL);
}

/* Saves the practice so far; @outcome ends the row when not NULL. */
static void
update_row (Recording  *recording,
            BbSession  *session,
            const char *outcome)
{
  g_autofree char *reason = NULL;
  gboolean ok;
  BbHistory *self = recording->history;
  gint64 now = bb_clock_get_real_time (self->clock);
  sqlite3_stmt *stmt = NULL;

  if (self->db == NULL || !recording->written)
    return;

  if (sqlite3_prepare_v2 (self->db,
                          "UPDATE sessions SET practiced_ms = ?2, breaths_done = ?3,"
                          " checkpoint_utc_us = ?4,"
                          " outcome = coalesce (?5, outcome),"
                          " end_utc_us = CASE WHEN ?5 IS NULL THEN end_utc_us ELSE ?6 END"
                          " WHERE uuid = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      report_write (self, FALSE, "save a session", NULL);
      return;
    }

  sqlite3_bind_text (stmt, 1, recording->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, bb_session_get_elapsed (session) / 1000);
  sqlite3_bind_int64 (stmt, 3, breaths_done (session));
  sqlite3_bind_int64 (stmt, 4, now);
  /* The end is when the session ended, even if this row is written
   * later, as when the store opened after it. */
  sqlite3_bind_int64 (stmt, 6, bb_session_get_end_real_time (session) != 0
                                ? bb_session_get_end_real_time (session) : now);
  if (outcome != NULL)
    sqlite3_bind_text (stmt, 5, outcome, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 5);

  ok = in_transaction (self->db, stmt, &reason);
  report_write (self, ok, "save a session", reason);
  recording->saved_at = bb_session_get_seconds_left (session);

  if (ok && outcome != NULL)
    bb_history_emit_changed (self);
}

/* The session announces every whole second from its one timeout. Saving
 * every BB_HISTORY_CHECKPOINT_US of them, counted in those whole seconds,
 * bounds what a killed app can lose. */
static void
second_cb (BbSession  *session,
           GParamSpec *pspec,
           Recording  *recording)
{
  guint seconds_left = bb_session_get_seconds_left (session);

  if (bb_session_get_state (session) == BB_SESSION_STATE_RUNNING &&
      recording->saved_at >= seconds_left + BB_HISTORY_CHECKPOINT_US / G_USEC_PER_SEC)
    update_row (recording, session, NULL);
}

static void
state_changed_cb (BbSession  *session,
                  GParamSpec *pspec,
                  Recording  *recording)
{
  switch (bb_session_get_state (session))
    {
    case BB_SESSION_STATE_RUNNING:
      if (!recording->written)
        insert_row (recording, session);
      break;

    case BB_SESSION_STATE_PAUSED:
      update_row (recording, session, NULL);
      break;

    case BB_SESSION_STATE_FINISHED:
      update_row (recording, session, "completed");
      break;

    case BB_SESSION_STATE_STOPPED:
      update_row (recording, session, "stopped");
      break;

    case BB_SESSION_STATE_READY:
    default:
      break;
    }
}

/**
 * bb_history_track:
 * @session: a session, ready or running
 * @preset_id: (nullable): the preset it was built from
 * @source: where it was started from
 *
 * Records @session from its start to its end: every session is followed
 * until it ends, also after another one has begun.
 */
void
bb_history_track (BbHistory       *self,
                  BbSession       *session,
                  const char      *preset_id,
                  BbHistorySource  source)
{
  Recording *recording;

  g_return_if_fail (BB_IS_HISTORY (self));
  g_return_if_fail (BB_IS_SESSION (session));
  g_return_if_fail (source <= BB_HISTORY_SOURCE_REMINDER);

  recording = g_new0 (Recording, 1);
  recording->history = g_object_ref (self);
  recording->uuid = g_uuid_string_random ();
  recording->preset_id = g_strdup (preset_id);
  recording->source = source;

  /* The recording lives as long as the session, so its handlers need no
   * disconnecting. */
  g_object_set_data_full (G_OBJECT (session), "bb-history-recording", recording, recording_free);
  g_signal_connect (session, "notify::seconds-left", G_CALLBACK (second_cb), recording);
  g_signal_connect (session, "notify::state", G_CALLBACK (state_changed_cb), recording);

  /* A session may be followed late, when the store took a while to
   * open: its row starts in progress and takes the state it is in. A
   * session yet to reach its first in-breath (ready, or settling) has
   * no practice yet: its row starts with that breath, as for any other. */
  if (bb_session_get_start_real_time (session) != 0)
    {
      insert_row (recording, session);
      if (bb_session_get_state (session) != BB_SESSION_STATE_RUNNING)
        state_changed_cb (session, NULL, recording);
    }
}

static BbDayTotal *
query_days (BbHistory   *self,
            const char  *first,
            const char  *last,
            guint       *n_days,
            GError     **error)
{
  /* Zero-terminated, so an empty result is an empty array, not NULL. */
  g_autoptr(GArray) days = g_array_new (TRUE, FALSE, sizeof (BbDayTotal));
  sqlite3_stmt *stmt = NULL;
  int res;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT local_date, sum (practiced_ms), count (*), total (outcome = 'completed')"
                          " FROM sessions"
                          " WHERE outcome <> 'in-progress' AND local_date BETWEEN ?1 AND ?2"
                          " GROUP BY local_date ORDER BY local_date",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "days");
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);

  while ((res = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BbDayTotal day;

      day.day = bb_streak_day_from_iso ((const char *) sqlite3_column_text (stmt, 0));
      day.practiced_ms = sqlite3_column_int64 (stmt, 1);
      day.n_sessions = sqlite3_column_int (stmt, 2);
      day.n_completed = sqlite3_column_int (stmt, 3);

      /* The store checks its own rows; a bad date is skipped, not fatal. */
      if (day.day != 0)
        g_array_append_val (days, day);
    }

  sqlite3_finalize (stmt);

  if (res != SQLITE_DONE)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "days");
      return NULL;
    }

  *n_days = days->len;

  return (BbDayTotal *) g_array_free (g_steal_pointer (&days), FALSE);
}

/**
 * bb_history_dup_days:
 * @n_days: (out): how many days
 *
 * Returns: (transfer full) (array length=n_days): the days with ended
 *   sessions, ascending, or %NULL with @error set
 */
BbDayTotal *
bb_history_dup_days (BbHistory  *self,
                     guint      *n_days,
                     GError    **error)
{
  g_return_val_if_fail (BB_IS_HISTORY (self), NULL);
  g_return_val_if_fail (n_days != NULL, NULL);

  return query_days (self, "0000-00-00", "9999-99-99", n_days, error);
}

/**
 * bb_history_dup_days_between:
 * @first: the first local day, a #GDate Julian day
 * @last: the last local day, included
 * @n_days: (out): how many days
 *
 * Returns: (transfer full) (array length=n_days): the days from @first to
 *   @last with ended sessions, ascending, or %NULL with @error set
 */
BbDayTotal *
bb_history_dup_days_between (BbHistory  *self,
                             guint32     first,
                             guint32     last,
                             guint      *n_days,
                             GError    **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (BB_IS_HISTORY (self), NULL);
  g_return_val_if_fail (g_date_valid_julian (first) && g_date_valid_julian (last), NULL);
  g_return_val_if_fail (n_days != NULL, NULL);

  from = bb_streak_day_to_iso (first);
  to = bb_streak_day_to_iso (last);

  return query_days (self, from, to, n_days, error);
}

void
bb_session_record_clear (BbSessionRecord *record)
{
  g_clear_pointer (&record->uuid, g_free);
  g_clear_pointer (&record->outcome, g_free);
  g_clear_pointer (&record->preset_id, g_free);
  g_clear_pointer (&record->position_id, g_free);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

#define SESSION_COLUMNS \
  "id, uuid, start_utc_us, local_date, utc_offset_s, practiced_ms, breaths_done," \
  " outcome, preset_id, position_id"

static GArray *
read_records (BbHistory     *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (BbSessionRecord));
  int res;

  g_array_set_clear_func (records, (GDestroyNotify) bb_session_record_clear);

  while ((res = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BbSessionRecord record;

      record.id = sqlite3_column_int64 (stmt, 0);
      record.uuid = dup_column (stmt, 1);
      record.start_utc_us = sqlite3_column_int64 (stmt, 2);
      record.day = bb_streak_day_from_iso ((const char *) sqlite3_column_text (stmt, 3));
      record.utc_offset_s = sqlite3_column_int (stmt, 4);
      record.practiced_ms = sqlite3_column_int64 (stmt, 5);
      record.breaths_done = sqlite3_column_int (stmt, 6);
      record.outcome = dup_column (stmt, 7);
      record.preset_id = dup_column (stmt, 8);
      record.position_id = dup_column (stmt, 9);
      g_array_append_val (records, record);
    }

  sqlite3_finalize (stmt);

  if (res != SQLITE_DONE)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "sessions");
      return NULL;
    }

  return g_steal_pointer (&records);
}

/**
 * bb_history_list_sessions:
 * @after: (nullable): the last record of the page before, or %NULL for
 *   the newest sessions
 * @limit: at most this many
 *
 * Lists ended sessions, newest first, a page at a time: the page after
 * @after is found through the index, however deep it lies.
 *
 * Returns: (transfer full) (element-type BbSessionRecord): the records,
 *   or %NULL with @error set
 */
GArray *
bb_history_list_sessions (BbHistory             *self,
                          const BbSessionRecord *after,
                          guint                  limit,
                          GError               **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (BB_IS_HISTORY (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT " SESSION_COLUMNS " FROM sessions"
                          " WHERE outcome <> 'in-progress' AND (start_utc_us, id) < (?1, ?2)"
                          " ORDER BY start_utc_us DESC, id DESC LIMIT ?3",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "sessions");
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, after != NULL ? after->start_utc_us : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 2, after != NULL ? after->id : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 3, limit);

  return read_records (self, stmt, error);
}

/**
 * bb_history_list_sessions_at:
 * @offset: how many of the newest sessions to pass over
 * @limit: at most this many
 *
 * Like bb_history_list_sessions(), for a list that jumps to a place
 * without reading the pages before it.
 *
 * Returns: (transfer full) (element-type BbSessionRecord): the records,
 *   or %NULL with @error set
 */
GArray *
bb_history_list_sessions_at (BbHistory  *self,
                             guint       offset,
                             guint       limit,
                             GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (BB_IS_HISTORY (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT " SESSION_COLUMNS " FROM sessions"
                          " WHERE outcome <> 'in-progress'"
                          " ORDER BY start_utc_us DESC, id DESC LIMIT ?1 OFFSET ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "sessions");
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, offset);

  return read_records (self, stmt, error);
}

/**
 * bb_history_count_sessions:
 *
 * Returns: the number of ended sessions, or -1 with @error set
 */
gint64
bb_history_count_sessions (BbHistory  *self,
                           GError    **error)
{
  gint64 n;

  g_return_val_if_fail (BB_IS_HISTORY (self), -1);

  n = get_int_pragma (self->db, "SELECT count (*) FROM sessions WHERE outcome <> 'in-progress'");
  if (n < 0)
    set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "sessions");

  return n;
}

/**
 * bb_history_get_last_break:
 * @min_ms: the least practice a session needs to count as a break
 * @end_utc_us: (out): the end of the last break, UTC microseconds, or 0
 *   when no session counts
 *
 * Finds the latest end of a completed or stopped session with at least
 * @min_ms of practice, wherever it was practised: reminders count from it.
 * The partial index `sessions_breaks` holds exactly the ended sessions, by
 * end, with their practice and outcome, so the query walks it from its
 * newest end and stops at the first long enough, without reading the
 * table.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
bb_history_get_last_break (BbHistory  *self,
                           gint64      min_ms,
                           gint64     *end_utc_us,
                           GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int res;

  g_return_val_if_fail (BB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (end_utc_us != NULL, FALSE);

  *end_utc_us = 0;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT end_utc_us FROM sessions"
                          " WHERE outcome IN ('completed', 'stopped')"
                          " AND end_utc_us IS NOT NULL AND practiced_ms >= ?1"
                          " ORDER BY end_utc_us DESC LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "last break");

  sqlite3_bind_int64 (stmt, 1, min_ms);

  res = sqlite3_step (stmt);
  if (res == SQLITE_ROW)
    *end_utc_us = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);

  if (res != SQLITE_ROW && res != SQLITE_DONE)
    return set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "last break");

  return TRUE;
}

/* Every column, named, so that a row put back keeps them all. */
#define ALL_SESSION_COLUMNS \
  "id, uuid, start_utc_us, end_utc_us, local_date, utc_offset_s, time_zone, planned_ms," \
  " practiced_ms, breaths_done, breaths_planned, inhale_ms, hold_in_ms, exhale_ms," \
  " hold_out_ms, position_id, preset_id, outcome, source, checkpoint_utc_us"
#define ALL_CHECKIN_COLUMNS "session_uuid, back_felt, tension_before, tension_after"

/* Runs the statements of @sql in one transaction, each with @id for
 * its parameter, and announces the change. When the last statement
 * changed no row, nothing was there to change: @nothing says so. */
static gboolean
change_rows (BbHistory   *self,
             const char  *sql,
             gint64       id,
             const char  *nothing,
             GError     **error)
{
  const char *tail = sql;

  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (error, BB_HISTORY_ERROR_WRITE, self->db, "sessions");

  while (*tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (self->db, tail, -1, &stmt, &tail) != SQLITE_OK)
        goto failed;
      if (stmt == NULL)
        break;
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (stmt))
        goto failed;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error_literal (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE, nothing);
      return FALSE;
    }

  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  bb_history_emit_changed (self);

  return TRUE;

failed:
  set_sqlite_error (error, BB_HISTORY_ERROR_WRITE, self->db, "sessions");
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
ensure_trash (BbHistory  *self,
              GError    **error)
{
  /* A temporary table lives with this connection: a deleted row can be
   * put back while the app runs, and is gone for good when it quits. */
  if (!exec (self->db,
             "CREATE TEMP TABLE IF NOT EXISTS deleted_sessions AS"
             " SELECT " ALL_SESSION_COLUMNS " FROM main.sessions WHERE 0;"
             "CREATE TEMP TABLE IF NOT EXISTS deleted_checkins AS"
             " SELECT " ALL_CHECKIN_COLUMNS " FROM main.checkins WHERE 0;",
             BB_HISTORY_ERROR_WRITE, error))
    return FALSE;

  return TRUE;
}

/**
 * bb_history_delete_session:
 * @id: the record's id
 *
 * Deletes an ended session and its check-in. Until the store is closed,
 * bb_history_restore_session() can put it back.
 *
 * Returns: %TRUE if a session was deleted
 */
gboolean
bb_history_delete_session (BbHistory  *self,
                           gint64      id,
                           GError    **error)
{
  g_return_val_if_fail (BB_IS_HISTORY (self), FALSE);

  return ensure_trash (self, error) &&
         change_rows (self,
                      /* An id used again by a later row replaces what
                       * the trash kept under it; if there is no such
                       * row, all of this is rolled back. */
                      "DELETE FROM temp.deleted_checkins WHERE session_uuid IN"
                      " (SELECT uuid FROM temp.deleted_sessions WHERE id = ?1);"
                      "DELETE FROM temp.deleted_sessions WHERE id = ?1;"
                      "INSERT INTO temp.deleted_sessions SELECT " ALL_SESSION_COLUMNS
                      " FROM main.sessions WHERE id = ?1 AND outcome <> 'in-progress';"
                      "INSERT INTO temp.deleted_checkins SELECT " ALL_CHECKIN_COLUMNS
                      " FROM main.checkins WHERE session_uuid IN"
                      " (SELECT uuid FROM temp.deleted_sessions WHERE id = ?1);"
                      "DELETE FROM main.sessions WHERE id IN"
                      " (SELECT id FROM temp.deleted_sessions WHERE id = ?1);",
                      id, _("This session is no longer in your history."), error);
}

static gint64
query_int64 (BbHistory  *self,
             const char *sql,
             gint64      id,
             const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      if (text != NULL)
        sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);

  return value;
}

/**
 * bb_history_restore_session:
 * @id: the id a session had when bb_history_delete_session() deleted it
 * @new_id: (out) (optional): the id it has now
 *
 * Puts a deleted session back, with its check-in. Another process may
 * have taken its id meanwhile: it then comes back under a new one, and
 * the uuid, which names it, is the same.
 *
 * Returns: %TRUE if it is back
 */
gboolean
bb_history_restore_session (BbHistory  *self,
                            gint64      id,
                            gint64     *new_id,
                            GError    **error)
{
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (BB_IS_HISTORY (self), FALSE);

  if (!ensure_trash (self, error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT uuid FROM temp.deleted_sessions WHERE id = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        uuid = dup_column (stmt, 0);
    }
  sqlite3_finalize (stmt);

  if (!change_rows (self,
                    "INSERT INTO main.sessions SELECT"
                    " CASE WHEN EXISTS (SELECT 1 FROM main.sessions WHERE id = ?1) THEN NULL ELSE id END,"
                    " uuid, start_utc_us, end_utc_us, local_date, utc_offset_s, time_zone, planned_ms,"
                    " practiced_ms, breaths_done, breaths_planned, inhale_ms, hold_in_ms, exhale_ms,"
                    " hold_out_ms, position_id, preset_id, outcome, source, checkpoint_utc_us"
                    " FROM temp.deleted_sessions WHERE id = ?1;"
                    "INSERT INTO main.checkins SELECT " ALL_CHECKIN_COLUMNS
                    " FROM temp.deleted_checkins WHERE session_uuid IN"
                    " (SELECT uuid FROM temp.deleted_sessions WHERE id = ?1);"
                    "DELETE FROM temp.deleted_checkins WHERE session_uuid IN"
                    " (SELECT uuid FROM temp.deleted_sessions WHERE id = ?1);"
                    "DELETE FROM temp.deleted_sessions WHERE id = ?1;",
                    id, _("This session can no longer be put back."), error))
    return FALSE;

  if (new_id != NULL)
    *new_id = query_int64 (self, "SELECT id FROM sessions WHERE uuid = ?1", 0, uuid);

  return TRUE;
}

/**
 * bb_history_get_session_position:
 * @id: an ended session's id
 *
 * Returns: how many ended sessions come before it in
 *   bb_history_list_sessions() order, or -1 if it is not there
 */
gint64
bb_history_get_session_position (BbHistory *self,
                                 gint64     id)
{
  g_return_val_if_fail (BB_IS_HISTORY (self), -1);

  return query_int64 (self,
                      "SELECT (SELECT count (*) FROM main.sessions AS s"
                      "        WHERE s.outcome <> 'in-progress'"
                      "        AND (s.start_utc_us, s.id) > (k.start_utc_us, k.id))"
                      " FROM main.sessions AS k WHERE k.id = ?1 AND k.outcome <> 'in-progress'",
                      id, NULL);
}

void
bb_history_emit_changed (BbHistory *self)
{
  g_return_if_fail (BB_IS_HISTORY (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * bb_history_get_stats:
 * @goal_ms: the daily goal for streaks
 * @stats: (out caller-allocates): the figures
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
bb_history_get_stats (BbHistory  *self,
                      gint64      goal_ms,
                      BbStats    *stats,
                      GError    **error)
{
  g_autofree BbDayTotal *days = NULL;
  guint n_days = 0;
  int interrupted;

  g_return_val_if_fail (BB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  days = bb_history_dup_days (self, &n_days, error);
  if (days == NULL)
    return FALSE;

  interrupted = get_int_pragma (self->db, "SELECT count (*) FROM sessions WHERE outcome = 'interrupted'");
  if (interrupted < 0)
    return set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "interrupted sessions");

  bb_stats_compute (days, n_days, bb_history_get_today (self), goal_ms, stats);
  stats->n_interrupted = interrupted;

  return TRUE;
}

/* Check-ins */

/**
 * bb_history_save_checkin:
 * @session: a session this store records
 * @checkin: the answers given now; unanswered ones keep what was given
 *   before, so the tension before and the answers after can come apart
 *
 * Keeps the user's answers with @session. A session that has no row yet,
 * as one still settling in, gets them with its row.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
bb_history_save_checkin (BbHistory        *self,
                         BbSession        *session,
                         const BbCheckin  *checkin,
                         GError          **error)
{
  Recording *recording;

  g_return_val_if_fail (BB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (BB_IS_SESSION (session), FALSE);
  g_return_val_if_fail (checkin != NULL, FALSE);

  if (checkin->back_felt > BB_BACK_FELT_NOT_YET ||
      checkin->tension_before > BB_TENSION_MAX ||
      checkin->tension_after > BB_TENSION_MAX)
    {
      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE,
                   "A check-in answer is out of range");
      return FALSE;
    }

  recording = g_object_get_data (G_OBJECT (session), "bb-history-recording");
  if (recording == NULL || recording->history != self)
    {
      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE,
                   /* Shown under the check-in. Translators: %s is the
                    * history file */
                   _("This session is not in your history at %s, so your answers can’t be kept"),
                   self->path);
      return FALSE;
    }

  if (checkin->back_felt != BB_BACK_FELT_UNANSWERED)
    recording->checkin.back_felt = checkin->back_felt;
  if (checkin->tension_before != 0)
    recording->checkin.tension_before = checkin->tension_before;
  if (checkin->tension_after != 0)
    recording->checkin.tension_after = checkin->tension_after;

  if (!recording->written)
    return TRUE;

  return write_checkin (recording, error);
}

/**
 * bb_history_get_checkin:
 * @checkin: (out): the answers given so far
 *
 * Returns: %TRUE if this store records @session
 */
gboolean
bb_history_get_checkin (BbHistory *self,
                        BbSession *session,
                        BbCheckin *checkin)
{
  Recording *recording;

  g_return_val_if_fail (BB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (BB_IS_SESSION (session), FALSE);
  g_return_val_if_fail (checkin != NULL, FALSE);

  *checkin = (BbCheckin) { 0, };

  recording = g_object_get_data (G_OBJECT (session), "bb-history-recording");
  if (recording == NULL || recording->history != self)
    return FALSE;

  *checkin = recording->checkin;

  return TRUE;
}

void
bb_checkin_record_clear (BbCheckinRecord *record)
{
  g_clear_pointer (&record->position_id, g_free);
}

/* A stored answer out of range (a file edited by hand) reads as none. */
static guint
read_tension (sqlite3_stmt *stmt,
              int           column)
{
  gint64 value = sqlite3_column_int64 (stmt, column);

  return value >= 1 && value <= BB_TENSION_MAX ? (guint) value : 0;
}

/**
 * bb_history_list_checkins:
 * @since_utc_us: only sessions that started at or after this
 * @limit: at most this many
 *
 * Lists the check-ins of ended sessions, newest first.
 *
 * Returns: (transfer full) (element-type BbCheckinRecord): the records,
 *   or %NULL with @error set
 */
GArray *
bb_history_list_checkins (BbHistory  *self,
                          gint64      since_utc_us,
                          guint       limit,
                          GError    **error)
{
  g_autoptr(GArray) records = NULL;
  sqlite3_stmt *stmt = NULL;
  int res;

  g_return_val_if_fail (BB_IS_HISTORY (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT s.start_utc_us, s.local_date, s.position_id,"
                          " c.back_felt, c.tension_before, c.tension_after"
                          " FROM checkins c JOIN sessions s ON s.uuid = c.session_uuid"
                          " WHERE s.start_utc_us >= ?1 AND s.outcome <> 'in-progress'"
                          " ORDER BY s.start_utc_us DESC, s.id DESC LIMIT ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "check-ins");
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, since_utc_us);
  sqlite3_bind_int64 (stmt, 2, limit);

  records = g_array_new (FALSE, TRUE, sizeof (BbCheckinRecord));
  g_array_set_clear_func (records, (GDestroyNotify) bb_checkin_record_clear);

  while ((res = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BbCheckinRecord record = { 0, };

      record.start_utc_us = sqlite3_column_int64 (stmt, 0);
      record.day = bb_streak_day_from_iso ((const char *) sqlite3_column_text (stmt, 1));
      record.position_id = dup_column (stmt, 2);
      if (!bb_back_felt_from_string ((const char *) sqlite3_column_text (stmt, 3),
                                     &record.checkin.back_felt))
        record.checkin.back_felt = BB_BACK_FELT_UNANSWERED;
      record.checkin.tension_before = read_tension (stmt, 4);
      record.checkin.tension_after = read_tension (stmt, 5);
      g_array_append_val (records, record);
    }

  sqlite3_finalize (stmt);

  if (res != SQLITE_DONE)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "check-ins");
      return NULL;
    }

  return g_steal_pointer (&records);
}

/**
 * bb_history_get_checkin_stats:
 * @stats: (out): what the check-ins of ended sessions add up to
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
bb_history_get_checkin_stats (BbHistory       *self,
                              BbCheckinStats  *stats,
                              GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int res;

  g_return_val_if_fail (BB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  *stats = (BbCheckinStats) { 0, };

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT count (*),"
                          " total (c.back_felt = 'yes'),"
                          " total (c.back_felt = 'a-little'),"
                          " total (c.back_felt = 'not-yet')"
                          " FROM checkins c JOIN sessions s ON s.uuid = c.session_uuid"
                          " WHERE s.outcome <> 'in-progress'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "check-ins");

  res = sqlite3_step (stmt);
  if (res == SQLITE_ROW)
    {
      stats->n_checkins = sqlite3_column_int (stmt, 0);
      stats->n_felt = sqlite3_column_int (stmt, 1);
      stats->n_a_little = sqlite3_column_int (stmt, 2);
      stats->n_not_yet = sqlite3_column_int (stmt, 3);
    }
  sqlite3_finalize (stmt);

  if (res != SQLITE_ROW)
    return set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "check-ins");

  return TRUE;
}

/**
 * bb_history_dup_felt_days:
 *
 * Counts, for each position, the separate local days on which a session
 * in it ended with the back clearly felt: what progression counts.
 *
 * Returns: (transfer full) (element-type utf8 guint): position id to a
 *   number of days (GUINT_TO_POINTER), or %NULL with @error set
 */
GHashTable *
bb_history_dup_felt_days (BbHistory  *self,
                          GError    **error)
{
  g_autoptr(GHashTable) days = NULL;
  sqlite3_stmt *stmt = NULL;
  int res;

  g_return_val_if_fail (BB_IS_HISTORY (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT s.position_id, count (DISTINCT s.local_date)"
                          " FROM checkins c JOIN sessions s ON s.uuid = c.session_uuid"
                          " WHERE c.back_felt = 'yes' AND s.position_id IS NOT NULL"
                          " AND s.outcome <> 'in-progress'"
                          " GROUP BY s.position_id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "check-ins");
      return NULL;
    }

  days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while ((res = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (days, dup_column (stmt, 0),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));

  sqlite3_finalize (stmt);

  if (res != SQLITE_DONE)
    {
      set_sqlite_error (error, BB_HISTORY_ERROR_READ, self->db, "check-ins");
      return NULL;
    }

  return g_steal_pointer (&days);
}
