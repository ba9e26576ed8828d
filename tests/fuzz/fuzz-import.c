/* fuzz-import.c
 *
 * libFuzzer target for the history's import parsers: each input is
 * written to a file and imported, as JSON and as CSV, into a store in a
 * temporary folder. Built with -Dfuzzing=true and clang; run by
 * build-aux/fuzz.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bb-history.h"
#include "bb-history-io.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static BbHistory *history;
static char *json_path;
static char *csv_path;

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("backbreath-fuzz-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "history.db", NULL);
  json_path = g_build_filename (dir, "input.json", NULL);
  csv_path = g_build_filename (dir, "input.csv", NULL);

  history = bb_history_open (path, NULL, BB_HISTORY_OPEN_NONE, &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const BbHistoryFormat formats[] = { BB_HISTORY_FORMAT_JSON, BB_HISTORY_FORMAT_CSV };
  const char *paths[2];

  if (history == NULL)
    set_up ();

  paths[0] = json_path;
  paths[1] = csv_path;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      guint added = 0;
      guint skipped = 0;

      g_assert (g_file_set_contents (paths[i], (const char *) data, size, NULL));

      /* Either it imports, or it says why; both are fine. */
      if (!bb_history_import (history, paths[i], formats[i], &added, &skipped, &error))
        g_assert (error != NULL && error->message != NULL);
      else
        g_assert (error == NULL);
    }

  return 0;
}
