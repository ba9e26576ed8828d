/* bb-history.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bb-clock.h"
#include "bb-session.h"
#include "bb-streak.h"

G_BEGIN_DECLS

/**
 * BbHistoryError:
 * @BB_HISTORY_ERROR_OPEN: the store could not be opened or created
 * @BB_HISTORY_ERROR_WRITE: a write failed (a full disk, a read-only folder)
 * @BB_HISTORY_ERROR_READ: a read failed
 */
typedef enum
{
  BB_HISTORY_ERROR_OPEN,
  BB_HISTORY_ERROR_WRITE,
  BB_HISTORY_ERROR_READ,
} BbHistoryError;

#define BB_HISTORY_ERROR (bb_history_error_quark ())

/**
 * BbHistorySource:
 * @BB_HISTORY_SOURCE_PRACTICE: started from the list of sessions
 * @BB_HISTORY_SOURCE_COMMAND_LINE: started with `--start`
 * @BB_HISTORY_SOURCE_REMINDER: started from a reminder
 */
typedef enum
{
  BB_HISTORY_SOURCE_PRACTICE,
  BB_HISTORY_SOURCE_COMMAND_LINE,
  BB_HISTORY_SOURCE_REMINDER,
} BbHistorySource;

/**
 * BbHistoryOpenFlags:
 * @BB_HISTORY_OPEN_NONE: open to read and record
 * @BB_HISTORY_OPEN_RECOVER: also check the whole file and put a damaged
 *   one right, end sessions a crash left in progress and write the daily
 *   backup; only the window app, which records sessions, does this
 */
typedef enum
{
  BB_HISTORY_OPEN_NONE    = 0,
  BB_HISTORY_OPEN_RECOVER = 1 << 0,
} BbHistoryOpenFlags;

/* A session under way is saved every this much of its active time, so a
 * killed app loses less than 5 s of practice even when the kill comes
 * just before a save. */
#define BB_HISTORY_CHECKPOINT_US (4 * G_USEC_PER_SEC)

/* Daily backups kept. */
#define BB_HISTORY_N_BACKUPS 7

/* The schema version this code writes. */
#define BB_HISTORY_SCHEMA_VERSION 4

#define BB_TYPE_HISTORY (bb_history_get_type ())

G_DECLARE_FINAL_TYPE (BbHistory, bb_history, BB, HISTORY, GObject)

GQuark      bb_history_error_quark     (void);

char       *bb_history_get_default_path (void);
BbHistory  *bb_history_open            (const char          *path,
                                        BbClock             *clock,
                                        BbHistoryOpenFlags   flags,
                                        GError             **error);
const char *bb_history_get_path        (BbHistory           *self);
const char *bb_history_get_notice      (BbHistory           *self);
const char *bb_history_get_moved_to    (BbHistory           *self);

void        bb_history_track           (BbHistory           *self,
                                        BbSession           *session,
                                        const char          *preset_id,
                                        BbHistorySource      source);

/**
 * BbSessionRecord:
 * @id: the row's id; with @start_utc_us, where the next page begins
 * @uuid: the session's stable id
 * @start_utc_us: the start, UTC microseconds
 * @day: the local calendar day of the start, a #GDate Julian day
 * @practiced_ms: active practice
 * @breaths_done: whole breaths done
 * @outcome: "completed", "stopped" or "interrupted"
 * @preset_id: (nullable): the preset it was built from
 * @position_id: (nullable): the body position
 *
 * One ended session, as the list of sessions shows it.
 */
typedef struct
{
  gint64   id;
  char    *uuid;
  gint64   start_utc_us;
  guint32  day;
  gint     utc_offset_s;
  gint64   practiced_ms;
  guint    breaths_done;
  char    *outcome;
  char    *preset_id;
  char    *position_id;
} BbSessionRecord;

void        bb_session_record_clear    (BbSessionRecord     *record);

/**
 * BbBackFelt:
 * @BB_BACK_FELT_UNANSWERED: not asked, or skipped
 * @BB_BACK_FELT_YES: the back ribs widened, clearly
 * @BB_BACK_FELT_A_LITTLE: a little
 * @BB_BACK_FELT_NOT_YET: not yet
 *
 * The answer to "Could you feel your back ribs widen?".
 */
typedef enum
{
  BB_BACK_FELT_UNANSWERED,
  BB_BACK_FELT_YES,
  BB_BACK_FELT_A_LITTLE,
  BB_BACK_FELT_NOT_YET,
} BbBackFelt;

/* Neck and shoulder tension is asked on a scale of 1 (easy) to 5. */
#define BB_TENSION_MAX 5

/**
 * BbCheckin:
 * @back_felt: the answer on the back, or %BB_BACK_FELT_UNANSWERED
 * @tension_before: 1 to %BB_TENSION_MAX before the session, 0 unanswered
 * @tension_after: the same after it
 *
 * The answers a user gave around one session. Every answer is optional.
 */
typedef struct
{
  BbBackFelt back_felt;
  guint      tension_before;
  guint      tension_after;
} BbCheckin;

/**
 * BbCheckinRecord:
 * @start_utc_us: the session's start, UTC microseconds
 * @day: its local calendar day, a #GDate Julian day
 * @position_id: (nullable): the position it was practised in
 * @checkin: the answers
 *
 * A check-in with the session it belongs to.
 */
typedef struct
{
  gint64     start_utc_us;
  guint32    day;
  char      *position_id;
  BbCheckin  checkin;
} BbCheckinRecord;

/**
 * BbCheckinStats:
 * @n_checkins: sessions with at least one answer
 * @n_felt: sessions where the back was felt (yes)
 * @n_a_little: sessions where it was felt a little
 * @n_not_yet: sessions where it was not felt yet
 *
 * What the check-ins add up to.
 */
typedef struct
{
  guint n_checkins;
  guint n_felt;
  guint n_a_little;
  guint n_not_yet;
} BbCheckinStats;

void        bb_checkin_record_clear    (BbCheckinRecord     *record);
const char *bb_back_felt_to_string     (BbBackFelt           back_felt);
gboolean    bb_back_felt_from_string   (const char          *str,
                                        BbBackFelt          *back_felt);

gboolean    bb_history_save_checkin    (BbHistory           *self,
                                        BbSession           *session,
                                        const BbCheckin     *checkin,
                                        GError             **error);
gboolean    bb_history_get_checkin     (BbHistory           *self,
                                        BbSession           *session,
                                        BbCheckin           *checkin);
GArray     *bb_history_list_checkins   (BbHistory           *self,
                                        gint64               since_utc_us,
                                        guint                limit,
                                        GError             **error);
gboolean    bb_history_get_checkin_stats (BbHistory         *self,
                                          BbCheckinStats    *stats,
                                          GError           **error);
GHashTable *bb_history_dup_felt_days   (BbHistory           *self,
                                        GError             **error);

BbDayTotal *bb_history_dup_days        (BbHistory           *self,
                                        guint               *n_days,
                                        GError             **error);
BbDayTotal *bb_history_dup_days_between (BbHistory          *self,
                                         guint32             first,
                                         guint32             last,
                                         guint              *n_days,
                                         GError            **error);
GArray     *bb_history_list_sessions   (BbHistory           *self,
                                        const BbSessionRecord *after,
                                        guint                limit,
                                        GError             **error);
GArray     *bb_history_list_sessions_at (BbHistory          *self,
                                         guint               offset,
                                         guint               limit,
                                         GError            **error);
gint64      bb_history_count_sessions  (BbHistory           *self,
                                        GError             **error);
gboolean    bb_history_delete_session  (BbHistory           *self,
                                        gint64               id,
                                        GError             **error);
gboolean    bb_history_restore_session (BbHistory           *self,
                                        gint64               id,
                                        gint64              *new_id,
                                        GError             **error);
gint64      bb_history_get_session_position (BbHistory      *self,
                                             gint64          id);
gboolean    bb_history_get_stats       (BbHistory           *self,
                                        gint64               goal_ms,
                                        BbStats             *stats,
                                        GError             **error);
guint32     bb_history_get_today       (BbHistory           *self);
gboolean    bb_history_get_last_break  (BbHistory           *self,
                                        gint64               min_ms,
                                        gint64              *end_utc_us,
                                        GError             **error);

G_END_DECLS
