/* bb-history-io.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-history.h"

G_BEGIN_DECLS

/**
 * BbHistoryFormat:
 * @BB_HISTORY_FORMAT_JSON: one object with a "sessions" array
 * @BB_HISTORY_FORMAT_CSV: a header line, then a line a session
 */
typedef enum
{
  BB_HISTORY_FORMAT_JSON,
  BB_HISTORY_FORMAT_CSV,
} BbHistoryFormat;

/**
 * BbHistoryIoError:
 * @BB_HISTORY_IO_ERROR_FORMAT: the file name does not end in .json or .csv
 * @BB_HISTORY_IO_ERROR_PARSE: the file is not well-formed JSON or CSV
 * @BB_HISTORY_IO_ERROR_INVALID: a record has a missing or bad field
 */
typedef enum
{
  BB_HISTORY_IO_ERROR_FORMAT,
  BB_HISTORY_IO_ERROR_PARSE,
  BB_HISTORY_IO_ERROR_INVALID,
} BbHistoryIoError;

#define BB_HISTORY_IO_ERROR (bb_history_io_error_quark ())

GQuark   bb_history_io_error_quark (void);

gboolean bb_history_format_for_path (const char       *path,
                                     BbHistoryFormat  *format,
                                     GError          **error);
gboolean bb_history_export          (BbHistory        *self,
                                     const char       *path,
                                     BbHistoryFormat   format,
                                     guint            *n_sessions,
                                     GError          **error);
gboolean bb_history_import          (BbHistory        *self,
                                     const char       *path,
                                     BbHistoryFormat   format,
                                     guint            *n_added,
                                     guint            *n_skipped,
                                     GError          **error);

G_END_DECLS
