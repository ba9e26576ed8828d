/* bb-history-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bb-history-io.h"
#include "bb-history-private.h"
#include "bb-streak.h"

/*
 * Export and import of the sessions, with their check-ins, as JSON or
 * CSV: the user's data,
 * theirs to take elsewhere and bring back.
 *
 * Import reads and checks the whole file before it touches the store:
 * every field of every record, its type and its range. Only then does it
 * write, in one transaction, skipping sessions whose uuid is already
 * there. A bad file changes nothing, and the error names the record (or
 * the CSV line) and the field.
 */

G_DEFINE_QUARK (bb-history-io-error-quark, bb_history_io_error)

/* Files larger than this are not sessions a person practised. */
#define MAX_FILE_SIZE (256 * 1024 * 1024)
#define MAX_TEXT 200

/* 2000-01-01 and 2100-01-01, UTC. */
#define MIN_TIME_US (G_GINT64_CONSTANT (946684800) * G_USEC_PER_SEC)
#define MAX_TIME_US (G_GINT64_CONSTANT (4102444800) * G_USEC_PER_SEC)
#define DAY_MS (G_GINT64_CONSTANT (24) * 3600 * 1000)

typedef enum
{
  KIND_UUID,
  KIND_TIME,
  KIND_END_TIME,
  KIND_DATE,
  KIND_OFFSET,
  KIND_INT,
  KIND_TEXT,
  KIND_OUTCOME,
  KIND_SOURCE,
  KIND_BACK_FELT,
} Kind;

typedef struct
{
  const char *name;
  Kind        kind;
  gboolean    nullable;
  gint64      min;
  gint64      max;
} Field;

/* The columns, in the order of the CSV header and of the INSERT below:
 * the session's, then its check-in's, which are all optional, so that
 * files from before check-ins still import. */
static const Field fields[] = {
  { "uuid", KIND_UUID, FALSE, 0, 0 },
  { "start_utc_us", KIND_TIME, FALSE, MIN_TIME_US, MAX_TIME_US },
  { "end_utc_us", KIND_END_TIME, TRUE, MIN_TIME_US, MAX_TIME_US },
  { "local_date", KIND_DATE, FALSE, 0, 0 },
  { "utc_offset_s", KIND_OFFSET, FALSE, -14 * 3600, 14 * 3600 },
  { "time_zone", KIND_TEXT, TRUE, 0, 0 },
  { "planned_ms", KIND_INT, FALSE, 0, DAY_MS },
  { "practiced_ms", KIND_INT, FALSE, 0, DAY_MS },
  { "breaths_done", KIND_INT, FALSE, 0, BB_SESSION_MAX_BREATHS },
  { "breaths_planned", KIND_INT, FALSE, 1, BB_SESSION_MAX_BREATHS },
  { "inhale_ms", KIND_INT, FALSE, BB_PATTERN_BREATH_MIN_MS, BB_PATTERN_BREATH_MAX_MS },
  { "hold_in_ms", KIND_INT, FALSE, 0, BB_PATTERN_HOLD_MAX_MS },
  { "exhale_ms", KIND_INT, FALSE, BB_PATTERN_BREATH_MIN_MS, BB_PATTERN_BREATH_MAX_MS },
  { "hold_out_ms", KIND_INT, FALSE, 0, BB_PATTERN_HOLD_MAX_MS },
  { "position_id", KIND_TEXT, TRUE, 0, 0 },
  { "preset_id", KIND_TEXT, TRUE, 0, 0 },
  { "outcome", KIND_OUTCOME, FALSE, 0, 0 },
  { "source", KIND_SOURCE, FALSE, 0, 0 },
  { "back_felt", KIND_BACK_FELT, TRUE, 0, 0 },
  { "tension_before", KIND_INT, TRUE, 1, BB_TENSION_MAX },
  { "tension_after", KIND_INT, TRUE, 1, BB_TENSION_MAX },
};

#define N_FIELDS G_N_ELEMENTS (fields)
#define N_CHECKIN_FIELDS 3
#define N_SESSION_FIELDS (N_FIELDS - N_CHECKIN_FIELDS)

enum { F_UUID, F_START, F_END };

typedef struct
{
  gboolean  is_null;
  gint64    number;
  char     *text;
} Value;

typedef struct
{
  Value values[N_FIELDS];
} Record;

static void
record_clear (gpointer data)
{
  Record *record = data;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (record->values[i].text);
}

/**
 * bb_history_format_for_path:
 *
 * Returns: %TRUE with @format set from @path's extension, `.json` or
 *   `.csv` in any case
 */
gboolean
bb_history_format_for_path (const char       *path,
                            BbHistoryFormat  *format,
                            GError          **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".json"))
    *format = BB_HISTORY_FORMAT_JSON;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = BB_HISTORY_FORMAT_CSV;
  else
    {
      g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_FORMAT,
                   _("“%s” should end in .json or .csv"), path);
      return FALSE;
    }

  return TRUE;
}

/* Export */

static const char *
column_text (sqlite3_stmt *stmt,
             guint         column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
append_csv_field (GString    *line,
                  const char *text)
{
  if (text == NULL)
    return;

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* A JSON string, written as RFC 8259 has it. Writing the text directly,
 * rather than through a tree of JsonNodes, keeps an export of a hundred
 * thousand sessions well under a second; json-glib reads it back. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          g_string_append (out, "\\\\");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\r':
          g_string_append (out, "\\r");
          break;

        case '\t':
          g_string_append (out, "\\t");
          break;

        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }

  g_string_append_c (out, '"');
}

static gboolean
is_number_field (guint i)
{
  return fields[i].kind == KIND_TIME || fields[i].kind == KIND_END_TIME ||
         fields[i].kind == KIND_OFFSET || fields[i].kind == KIND_INT;
}

/**
 * bb_history_export:
 * @path: the file to write, replaced whole (written beside it first)
 * @n_sessions: (out) (optional): how many sessions were written
 *
 * Writes every ended session. Sessions still under way are left out.
 */
gboolean
bb_history_export (BbHistory        *self,
                   const char       *path,
                   BbHistoryFormat   format,
                   guint            *n_sessions,
                   GError          **error)
{
  sqlite3 *db = bb_history_get_db (self);
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int res;

  g_return_val_if_fail (BB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; i < N_FIELDS; i++)
    g_string_append_printf (sql, "%s%s.%s", i > 0 ? ", " : "",
                            i < N_SESSION_FIELDS ? "s" : "c", fields[i].name);
  g_string_append (sql, " FROM sessions s LEFT JOIN checkins c ON c.session_uuid = s.uuid"
                        " WHERE s.outcome <> 'in-progress' ORDER BY s.start_utc_us, s.id");

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_READ, "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  if (format == BB_HISTORY_FORMAT_JSON)
    g_string_append (out, "{\n  \"format\": \"backbreath-history\",\n  \"version\": 1,\n  \"sessions\": [");
  else
    {
      for (guint i = 0; i < N_FIELDS; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "," : "", fields[i].name);
      g_string_append (out, "\r\n");
    }

  while ((res = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (format == BB_HISTORY_FORMAT_JSON)
        g_string_append (out, n > 0 ? ",\n    {" : "\n    {");

      for (guint i = 0; i < N_FIELDS; i++)
        {
          gboolean null = sqlite3_column_type (stmt, i) == SQLITE_NULL;

          if (format == BB_HISTORY_FORMAT_JSON)
            {
              g_string_append_printf (out, "%s\"%s\": ", i > 0 ? ", " : "", fields[i].name);
              if (null)
                g_string_append (out, "null");
              else if (is_number_field (i))
                g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
              else
                append_json_string (out, column_text (stmt, i));
            }
          else
            {
              if (i > 0)
                g_string_append_c (out, ',');
              if (!null)
                append_csv_field (out, column_text (stmt, i));
            }
        }

      g_string_append (out, format == BB_HISTORY_FORMAT_JSON ? "}" : "\r\n");
      n++;
    }

  sqlite3_finalize (stmt);

  if (res != SQLITE_DONE)
    {
      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_READ, "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  if (format == BB_HISTORY_FORMAT_JSON)
    g_string_append (out, n > 0 ? "\n  ]\n}\n" : "]\n}\n");

  /* Written beside the target and renamed, so a full disk never leaves
   * half a file under the name the user chose. */
  if (!g_file_set_contents (path, out->str, out->len, error))
    return FALSE;

  if (n_sessions != NULL)
    *n_sessions = n;

  return TRUE;
}

/* Import: checking values */

static gboolean
invalid (GError     **error,
         const char  *where,
         const Field *field,
         const char  *problem)
{
  g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_INVALID,
               /* Translators: "record 3: field “practiced_ms”: must be …" */
               _("%s: field “%s”: %s"), where, field->name, problem);
  return FALSE;
}

static gboolean
check_value (const Field  *field,
             Value        *value,
             const char   *where,
             GError      **error)
{
  static const char * const outcomes[] = { "completed", "stopped", "interrupted", NULL };
  static const char * const sources[] = { "practice", "command-line", "reminder", NULL };

  if (value->is_null)
    return field->nullable ? TRUE : invalid (error, where, field, _("is missing"));

  switch (field->kind)
    {
    case KIND_TIME:
    case KIND_END_TIME:
    case KIND_OFFSET:
    case KIND_INT:
      if (value->number < field->min || value->number > field->max)
        {
          g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, field->min);
          g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, field->max);
          /* Translators: the two %s are numbers, as in "must be a whole
           * number from 0 to 86400000" */
          g_autofree char *problem = g_strdup_printf (_("must be a whole number from %s to %s"),
                                                      min, max);
          return invalid (error, where, field, problem);
        }
      return TRUE;

    case KIND_UUID:
      if (strlen (value->text) < 1 || strlen (value->text) > 64 ||
          strspn (value->text, "0123456789abcdefABCDEF-") != strlen (value->text))
        return invalid (error, where, field, _("must be up to 64 hexadecimal digits and dashes"));
      return TRUE;

    case KIND_DATE:
      {
        guint32 day = bb_streak_day_from_iso (value->text);
        GDate date;

        if (day == 0)
          return invalid (error, where, field, _("must be a date written as YYYY-MM-DD"));

        g_date_clear (&date, 1);
        g_date_set_julian (&date, day);
        if (g_date_get_year (&date) < 2000 || g_date_get_year (&date) > 2099)
          return invalid (error, where, field, _("must be a date from 2000 to 2099"));
      }
      return TRUE;

    case KIND_TEXT:
      if (strlen (value->text) > MAX_TEXT)
        return invalid (error, where, field, _("is too long"));
      return TRUE;

    case KIND_OUTCOME:
      if (!g_strv_contains (outcomes, value->text))
        return invalid (error, where, field, _("must be completed, stopped or interrupted"));
      return TRUE;

    case KIND_SOURCE:
      if (!g_strv_contains (sources, value->text))
        return invalid (error, where, field, _("must be practice, command-line or reminder"));
      return TRUE;

    case KIND_BACK_FELT:
      {
        BbBackFelt back_felt;

        if (!bb_back_felt_from_string (value->text, &back_felt) || back_felt == BB_BACK_FELT_UNANSWERED)
          return invalid (error, where, field, _("must be yes, a-little or not-yet"));
      }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_record (Record      *record,
              const char  *where,
              GError     **error)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (!check_value (&fields[i], &record->values[i], where, error))
      return FALSE;

  if (!record->values[F_END].is_null &&
      (record->values[F_END].number < record->values[F_START].number ||
       record->values[F_END].number - record->values[F_START].number > DAY_MS * 1000))
    return invalid (error, where, &fields[F_END], _("must be within a day after the start"));

  return TRUE;
}

/* Import: JSON */

static gboolean
value_from_json (const Field  *field,
                 JsonObject   *object,
                 Value        *value,
                 const char   *where,
                 GError      **error)
{
  JsonNode *node = json_object_get_member (object, field->name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      value->is_null = TRUE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return invalid (error, where, field, _("must be a plain value"));

  if (is_number_field (field - fields))
    {
      if (json_node_get_value_type (node) != G_TYPE_INT64)
        return invalid (error, where, field, _("must be a whole number"));
      value->number = json_node_get_int (node);
    }
  else
    {
      if (json_node_get_value_type (node) != G_TYPE_STRING)
        return invalid (error, where, field, _("must be text"));
      /* A huge string is refused before it is copied. */
      if (strlen (json_node_get_string (node)) > MAX_TEXT)
        return invalid (error, where, field, _("is too long"));
      value->text = g_strdup (json_node_get_string (node));
    }

  return TRUE;
}

static GArray *
read_json (const char  *contents,
           gsize        length,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (Record));
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonNode *sessions;
  JsonArray *array;

  g_array_set_clear_func (records, record_clear);

  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_PARSE,
                   _("Not a JSON file: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  sessions = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
             ? json_object_get_member (json_node_get_object (root), "sessions") : NULL;
  if (sessions == NULL || !JSON_NODE_HOLDS_ARRAY (sessions))
    {
      g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_PARSE,
                   _("Not a Backbreath history: there is no “sessions” list"));
      return NULL;
    }

  array = json_node_get_array (sessions);
  for (guint r = 0; r < json_array_get_length (array); r++)
    {
      JsonNode *node = json_array_get_element (array, r);
      /* Translators: where a problem is in a JSON history, as in
       * "record 3: field “uuid”: is missing" */
      g_autofree char *where = g_strdup_printf (_("record %u"), r + 1);
      Record *record;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_INVALID,
                       _("%s: must be an object"), where);
          return NULL;
        }

      g_array_set_size (records, records->len + 1);
      record = &g_array_index (records, Record, records->len - 1);

      for (guint i = 0; i < N_FIELDS; i++)
        if (!value_from_json (&fields[i], json_node_get_object (node), &record->values[i], where, error))
          return NULL;

      if (!check_record (record, where, error))
        return NULL;
    }

  return g_steal_pointer (&records);
}

/* Import: CSV, as RFC 4180 has it: quoted fields may hold commas, quotes
 * (doubled) and line breaks. */

static GPtrArray *
split_csv (const char  *contents,
           gsize        length,
           GArray      *lines,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;
  guint line = 1;
  guint row_line = 1;
  gsize i = 0;

  while (i <= length)
    {
      char c = i < length ? contents[i] : '\0';
      gboolean end = i == length;

      if (quoted)
        {
          if (end)
            {
              g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_PARSE,
                           _("line %u: a quoted field never ends"), row_line);
              return NULL;
            }
          if (c == '"' && i + 1 < length && contents[i + 1] == '"')
            {
              g_string_append_c (field, '"');
              i += 2;
              continue;
            }
          if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          i++;
          continue;
        }

      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          i++;
          continue;
        }

      if (c == ',' || c == '\n' || c == '\r' || end)
        {
          if (row == NULL)
            row = g_ptr_array_new_with_free_func (g_free);

          /* Keep "was it quoted" apart from the text: "" is empty text,
           * nothing at all is a missing value. */
          g_ptr_array_add (row, was_quoted || field->len > 0 ? g_strdup (field->str) : NULL);
          g_string_truncate (field, 0);
          was_quoted = FALSE;

          if (c != ',')
            {
              gboolean blank = row->len == 1 && g_ptr_array_index (row, 0) == NULL;

              if (!blank)
                {
                  g_ptr_array_add (rows, g_steal_pointer (&row));
                  g_array_append_val (lines, row_line);
                }
              g_clear_pointer (&row, g_ptr_array_unref);

              if (c == '\r' && i + 1 < length && contents[i + 1] == '\n')
                i++;
              line++;
              row_line = line;
            }
          i++;
          continue;
        }

      if (was_quoted)
        {
          g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_PARSE,
                       _("line %u: text after a closing quote"), line);
          return NULL;
        }

      g_string_append_c (field, c);
      i++;
    }

  return g_steal_pointer (&rows);
}

static GArray *
read_csv (const char  *contents,
          gsize        length,
          GError     **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) rows = split_csv (contents, length, lines, error);
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (Record));
  int columns[N_FIELDS];
  GPtrArray *header;

  g_array_set_clear_func (records, record_clear);

  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_PARSE,
                   _("The file is empty"));
      return NULL;
    }

  /* Columns are found by name, in any order. */
  header = g_ptr_array_index (rows, 0);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      columns[i] = -1;
      for (guint c = 0; c < header->len; c++)
        if (g_strcmp0 (g_ptr_array_index (header, c), fields[i].name) == 0)
          columns[i] = c;

      if (columns[i] < 0 && !fields[i].nullable)
        {
          g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_PARSE,
                       _("line 1: the column “%s” is missing"), fields[i].name);
          return NULL;
        }
    }

  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      /* Translators: where a problem is in a CSV history, as in
       * "line 3: field “uuid”: is missing" */
      g_autofree char *where = g_strdup_printf (_("line %u"), g_array_index (lines, guint, r));
      Record *record;

      if (row->len != header->len)
        {
          g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_PARSE,
                       _("%s: %u fields where the header has %u"), where, row->len, header->len);
          return NULL;
        }

      g_array_set_size (records, records->len + 1);
      record = &g_array_index (records, Record, records->len - 1);

      for (guint i = 0; i < N_FIELDS; i++)
        {
          const char *text = columns[i] >= 0 ? g_ptr_array_index (row, columns[i]) : NULL;
          Value *value = &record->values[i];

          if (text == NULL || (*text == '\0' && (is_number_field (i) || fields[i].nullable)))
            {
              value->is_null = TRUE;
              continue;
            }

          if (strlen (text) > MAX_TEXT)
            return invalid (error, where, &fields[i], _("is too long")), NULL;

          if (!g_utf8_validate (text, -1, NULL))
            return invalid (error, where, &fields[i], _("is not valid UTF-8 text")), NULL;

          if (is_number_field (i))
            {
              if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value->number, NULL))
                return invalid (error, where, &fields[i], _("must be a whole number")), NULL;
            }
          else
            value->text = g_strdup (text);
        }

      if (!check_record (record, where, error))
        return NULL;
    }

  return g_steal_pointer (&records);
}

static gboolean
record_has_checkin (const Record *record)
{
  for (guint i = N_SESSION_FIELDS; i < N_FIELDS; i++)
    if (!record->values[i].is_null)
      return TRUE;

  return FALSE;
}

/**
 * bb_history_import:
 * @n_added: (out) (optional): sessions added
 * @n_skipped: (out) (optional): sessions already in the store, by uuid
 *
 * Adds the sessions of @path. Every record is checked before anything is
 * written, and everything is written in one transaction: on any error
 * the store is as it was.
 */
gboolean
bb_history_import (BbHistory        *self,
                   const char       *path,
                   BbHistoryFormat   format,
                   guint            *n_added,
                   guint            *n_skipped,
                   GError          **error)
{
  sqlite3 *db = bb_history_get_db (self);
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GArray) records = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) sql = g_string_new ("INSERT OR IGNORE INTO sessions (");
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *checkin_stmt = NULL;
  const char *contents;
  gsize length;
  guint added = 0;

  g_return_val_if_fail (BB_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return FALSE;

  length = g_mapped_file_get_length (file);
  contents = length > 0 ? g_mapped_file_get_contents (file) : "";
  if (length > MAX_FILE_SIZE)
    {
      g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_PARSE,
                   _("The file is too large to be a history"));
      return FALSE;
    }

  records = format == BB_HISTORY_FORMAT_JSON ? read_json (contents, length, error)
                                             : read_csv (contents, length, error);
  if (records == NULL)
    return FALSE;

  for (guint r = 0; r < records->len; r++)
    {
      const char *uuid = g_array_index (records, Record, r).values[F_UUID].text;

      if (!g_hash_table_add (seen, (gpointer) uuid))
        {
          g_set_error (error, BB_HISTORY_IO_ERROR, BB_HISTORY_IO_ERROR_INVALID,
                       _("record %u: field “uuid”: “%s” appears twice in the file"), r + 1, uuid);
          return FALSE;
        }
    }

  for (guint i = 0; i < N_SESSION_FIELDS; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", fields[i].name);
  g_string_append (sql, ", checkpoint_utc_us) VALUES (");
  for (guint i = 0; i < N_SESSION_FIELDS; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_printf (sql, ", ?%u)", F_END + 1);

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT OR IGNORE INTO checkins (session_uuid, back_felt, tension_before, tension_after)"
                          " VALUES (?1, ?2, ?3, ?4)",
                          -1, &checkin_stmt, NULL) != SQLITE_OK)
    goto failed;

  for (guint r = 0; r < records->len; r++)
    {
      Record *record = &g_array_index (records, Record, r);

      sqlite3_reset (stmt);
      for (guint i = 0; i < N_SESSION_FIELDS; i++)
        {
          Value *value = &record->values[i];

          if (value->is_null)
            sqlite3_bind_null (stmt, i + 1);
          else if (is_number_field (i))
            sqlite3_bind_int64 (stmt, i + 1, value->number);
          else
            sqlite3_bind_text (stmt, i + 1, value->text, -1, SQLITE_STATIC);
        }

      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto failed;

      if (sqlite3_changes (db) == 0)
        continue;
      added++;

      /* The check-in comes with a session added; one already in the
       * store keeps its own. */
      if (!record_has_checkin (record))
        continue;

      sqlite3_reset (checkin_stmt);
      sqlite3_bind_text (checkin_stmt, 1, record->values[F_UUID].text, -1, SQLITE_STATIC);
      for (guint i = N_SESSION_FIELDS; i < N_FIELDS; i++)
        {
          Value *value = &record->values[i];

          if (value->is_null)
            sqlite3_bind_null (checkin_stmt, i - N_SESSION_FIELDS + 2);
          else if (is_number_field (i))
            sqlite3_bind_int64 (checkin_stmt, i - N_SESSION_FIELDS + 2, value->number);
          else
            sqlite3_bind_text (checkin_stmt, i - N_SESSION_FIELDS + 2, value->text, -1, SQLITE_STATIC);
        }

      if (sqlite3_step (checkin_stmt) != SQLITE_DONE)
        goto failed;
    }

  sqlite3_finalize (stmt);
  stmt = NULL;
  sqlite3_finalize (checkin_stmt);
  checkin_stmt = NULL;

  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  if (n_added != NULL)
    *n_added = added;
  if (n_skipped != NULL)
    *n_skipped = records->len - added;

  if (added > 0)
    bb_history_emit_changed (self);

  return TRUE;

failed:
  g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE, "%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_finalize (checkin_stmt);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
