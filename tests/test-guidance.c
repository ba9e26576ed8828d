/* test-guidance.c
 *
 * Check-ins in the store, and what they lead to: the tip before the next
 * session and progression, on the fake clock with a history in a
 * temporary folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sqlite3.h>

#include "bb-catalog.h"
#include "bb-fake-clock.h"
#include "bb-guidance.h"
#include "bb-history.h"
#include "bb-test-util.h"

#define SEC G_GINT64_CONSTANT (1000000)
#define DAY (G_GINT64_CONSTANT (86400) * SEC)

/* Tuesday 14 November 2023, 22:13:20 UTC. */
#define REAL_START (G_GINT64_CONSTANT (1700000000) * SEC)

typedef struct
{
  char      *dir;
  char      *path;
  BbClock   *clock;
  BbHistory *history;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("backbreath-guidance-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "history.db", NULL);
  fixture->clock = bb_fake_clock_new (1000 * SEC, REAL_START);
  fixture->history = bb_history_open (fixture->path, fixture->clock, BB_HISTORY_OPEN_RECOVER, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->history);
  bb_test_remove_tree (fixture->dir);
  g_assert_finalize_object (fixture->clock);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
query (Fixture    *fixture,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static BbSession *
new_session (Fixture    *fixture,
             const char *position_id)
{
  BbPattern pattern = { 4000, 0, 6000, 0 };
  BbSession *session = bb_session_new (fixture->clock, &pattern, position_id, 2);

  bb_history_track (fixture->history, session, NULL, BB_HISTORY_SOURCE_PRACTICE);

  return session;
}

/* Practises two breaths in @position_id and answers the check-in. */
static void
practise (Fixture    *fixture,
          const char *position_id,
          BbBackFelt  back_felt,
          guint       before,
          guint       after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbSession) session = new_session (fixture, position_id);
  BbCheckin checkin = { back_felt, before, after };

  bb_session_start (session);
  bb_fake_clock_advance (BB_FAKE_CLOCK (fixture->clock), 21 * SEC);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_FINISHED);

  g_assert_true (bb_history_save_checkin (fixture->history, session, &checkin, &error));
  g_assert_no_error (error);
}

static void
next_day (Fixture *fixture)
{
  bb_fake_clock_advance (BB_FAKE_CLOCK (fixture->clock), DAY);
}

static BbTip
tip_now (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) recent = bb_history_list_checkins (fixture->history, 0, 10, &error);

  g_assert_no_error (error);

  return bb_guidance_choose_tip ((const BbCheckinRecord *) (gpointer) recent->data, recent->len);
}

static void
progress_now (Fixture    *fixture,
              BbProgress *progress)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) felt_days = bb_history_dup_felt_days (fixture->history, &error);

  g_assert_no_error (error);
  bb_guidance_get_progress (felt_days, progress);
}

/* The tension before is given while the session has no row yet; the
 * answers after come later and keep it. */
static void
test_checkin_save (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbSession) session = new_session (fixture, "seated");
  g_autoptr(BbSession) untracked = NULL;
  BbCheckin before = { BB_BACK_FELT_UNANSWERED, 4, 0 };
  BbCheckin after = { BB_BACK_FELT_A_LITTLE, 0, 2 };
  BbCheckin bad = { BB_BACK_FELT_YES, 0, BB_TENSION_MAX + 1 };
  BbCheckin got;
  BbPattern pattern = { 4000, 0, 6000, 0 };
  char *value;

  g_assert_true (bb_history_save_checkin (fixture->history, session, &before, &error));
  g_assert_no_error (error);
  value = query (fixture, "SELECT count (*) FROM checkins");
  g_assert_cmpstr (value, ==, "0");
  g_free (value);

  bb_session_start (session);
  value = query (fixture, "SELECT tension_before || '/' || coalesce (tension_after, '-') FROM checkins");
  g_assert_cmpstr (value, ==, "4/-");
  g_free (value);

  bb_fake_clock_advance (BB_FAKE_CLOCK (fixture->clock), 21 * SEC);
  g_assert_true (bb_history_save_checkin (fixture->history, session, &after, &error));
  g_assert_no_error (error);
  value = query (fixture, "SELECT back_felt || '/' || tension_before || '/' || tension_after FROM checkins"
                          " JOIN sessions ON uuid = session_uuid WHERE outcome = 'completed'");
  g_assert_cmpstr (value, ==, "a-little/4/2");
  g_free (value);

  g_assert_true (bb_history_get_checkin (fixture->history, session, &got));
  g_assert_cmpint (got.back_felt, ==, BB_BACK_FELT_A_LITTLE);
  g_assert_cmpuint (got.tension_before, ==, 4);
  g_assert_cmpuint (got.tension_after, ==, 2);

  /* Out of range: an error, and nothing changes. */
  g_assert_false (bb_history_save_checkin (fixture->history, session, &bad, &error));
  g_assert_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE);
  g_clear_error (&error);
  value = query (fixture, "SELECT back_felt || '/' || tension_before || '/' || tension_after FROM checkins");
  g_assert_cmpstr (value, ==, "a-little/4/2");
  g_free (value);

  /* A session this store does not record. */
  untracked = bb_session_new (fixture->clock, &pattern, "seated", 2);
  g_assert_false (bb_history_save_checkin (fixture->history, untracked, &after, &error));
  g_assert_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE);
  g_assert_false (bb_history_get_checkin (fixture->history, untracked, &got));
}

/* A check-in goes with its session when that is deleted, and comes back
 * with it. */
static void
test_checkin_delete (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sessions = NULL;
  g_autoptr(GArray) checkins = NULL;
  BbCheckinStats stats;
  gint64 id, new_id;

  practise (fixture, "face-down", BB_BACK_FELT_YES, 3, 2);
  sessions = bb_history_list_sessions (fixture->history, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  id = g_array_index (sessions, BbSessionRecord, 0).id;

  g_assert_true (bb_history_delete_session (fixture->history, id, &error));
  g_assert_true (bb_history_get_checkin_stats (fixture->history, &stats, &error));
  g_assert_cmpuint (stats.n_checkins, ==, 0);

  g_assert_true (bb_history_restore_session (fixture->history, id, &new_id, &error));
  g_assert_no_error (error);
  checkins = bb_history_list_checkins (fixture->history, 0, 10, &error);
  g_assert_cmpuint (checkins->len, ==, 1);
  g_assert_cmpstr (g_array_index (checkins, BbCheckinRecord, 0).position_id, ==, "face-down");
  g_assert_cmpint (g_array_index (checkins, BbCheckinRecord, 0).checkin.back_felt, ==, BB_BACK_FELT_YES);
  g_assert_cmpuint (g_array_index (checkins, BbCheckinRecord, 0).checkin.tension_before, ==, 3);
}

static void
test_checkin_stats (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) checkins = NULL;
  g_autoptr(BbSession) running = NULL;
  BbCheckin before = { BB_BACK_FELT_UNANSWERED, 5, 0 };
  BbCheckinStats stats;

  practise (fixture, "seated", BB_BACK_FELT_YES, 4, 2);
  practise (fixture, "seated", BB_BACK_FELT_A_LITTLE, 0, 0);
  practise (fixture, "standing", BB_BACK_FELT_NOT_YET, 2, 0);
  practise (fixture, "standing", BB_BACK_FELT_YES, 0, 1);
  practise (fixture, "standing", BB_BACK_FELT_UNANSWERED, 3, 3);

  /* Under way: not counted yet. */
  running = new_session (fixture, "seated");
  bb_session_start (running);
  g_assert_true (bb_history_save_checkin (fixture->history, running, &before, &error));

  g_assert_true (bb_history_get_checkin_stats (fixture->history, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_checkins, ==, 5);
  g_assert_cmpuint (stats.n_felt, ==, 2);
  g_assert_cmpuint (stats.n_a_little, ==, 1);
  g_assert_cmpuint (stats.n_not_yet, ==, 1);

  checkins = bb_history_list_checkins (fixture->history, 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 3);
  /* Newest first. */
  g_assert_cmpuint (g_array_index (checkins, BbCheckinRecord, 0).checkin.tension_after, ==, 3);
  g_assert_cmpint (g_array_index (checkins, BbCheckinRecord, 0).checkin.back_felt, ==, BB_BACK_FELT_UNANSWERED);
  g_assert_cmpuint (g_array_index (checkins, BbCheckinRecord, 1).checkin.tension_after, ==, 1);
  g_assert_cmpuint (g_array_index (checkins, BbCheckinRecord, 2).checkin.tension_before, ==, 2);
  g_assert_cmpuint (g_array_index (checkins, BbCheckinRecord, 2).checkin.tension_after, ==, 0);
  g_assert_cmpint (g_array_index (checkins, BbCheckinRecord, 2).checkin.back_felt, ==, BB_BACK_FELT_NOT_YET);
}

/* "Not yet" leads to one tip, then the next while it stays so; a back
 * felt ends the tips; tension that rose leads to the shoulders. */
static void
test_tip (Fixture       *fixture,
          gconstpointer  data)
{
  static const BbTip expected[] = {
    BB_TIP_HANDS_ON_BACK, BB_TIP_OTHER_POSITION, BB_TIP_TOWEL,
    BB_TIP_HAND_ON_BELLY, BB_TIP_BREATHE_OUT_FIRST, BB_TIP_HANDS_ON_BACK,
  };

  g_assert_cmpint (tip_now (fixture), ==, BB_TIP_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      practise (fixture, "seated", BB_BACK_FELT_NOT_YET, 0, 0);
      g_assert_cmpint (tip_now (fixture), ==, expected[i]);
    }

  practise (fixture, "seated", BB_BACK_FELT_YES, 3, 3);
  g_assert_cmpint (tip_now (fixture), ==, BB_TIP_NONE);

  practise (fixture, "seated", BB_BACK_FELT_A_LITTLE, 2, 4);
  g_assert_cmpint (tip_now (fixture), ==, BB_TIP_SHOULDERS);

  /* Tension that fell, or only one of the two answers: nothing. */
  practise (fixture, "seated", BB_BACK_FELT_UNANSWERED, 4, 2);
  g_assert_cmpint (tip_now (fixture), ==, BB_TIP_NONE);
  practise (fixture, "seated", BB_BACK_FELT_UNANSWERED, 0, 5);
  g_assert_cmpint (tip_now (fixture), ==, BB_TIP_NONE);

  /* A new run of "not yet" starts from the first tip. */
  practise (fixture, "seated", BB_BACK_FELT_NOT_YET, 2, 4);
  g_assert_cmpint (tip_now (fixture), ==, BB_TIP_HANDS_ON_BACK);
}

static void
test_tip_text (void)
{
  const BbPosition *face_down = bb_catalog_lookup_position ("face-down");
  const BbPosition *hands_knees = bb_catalog_lookup_position ("hands-knees");
  g_autofree char *from_seated = bb_guidance_dup_tip_text (BB_TIP_OTHER_POSITION, "seated");
  g_autofree char *from_face_down = bb_guidance_dup_tip_text (BB_TIP_OTHER_POSITION, "face-down");
  g_autofree char *none = bb_guidance_dup_tip_text (BB_TIP_NONE, NULL);

  /* Another position is a more supported one than the last. */
  g_assert_nonnull (strstr (from_seated, face_down->name));
  g_assert_nonnull (strstr (from_face_down, hands_knees->name));
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (bb_guidance_get_tip_title (BB_TIP_NONE), ==, "");

  for (BbTip tip = BB_TIP_HANDS_ON_BACK; tip <= BB_TIP_SHOULDERS; tip++)
    {
      g_autofree char *text = bb_guidance_dup_tip_text (tip, NULL);

      g_assert_cmpstr (bb_guidance_get_tip_title (tip), !=, "");
      g_assert_cmpuint (strlen (text), >, 20);
    }
}

/* Five separate days with the back felt open the next stage; the same
 * day twice, "a little", or sessions that did not end do not count. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  BbProgress progress;

  progress_now (fixture, &progress);
  g_assert_cmpint (progress.stage, ==, BB_STAGE_SUPPORTED);
  g_assert_cmpuint (progress.days, ==, 0);
  g_assert_null (progress.best_position_id);

  for (guint day = 1; day < BB_PROGRESS_DAYS; day++)
    {
      practise (fixture, "childs-pose", BB_BACK_FELT_YES, 0, 0);
      practise (fixture, "childs-pose", BB_BACK_FELT_YES, 0, 0);
      practise (fixture, "face-down", BB_BACK_FELT_A_LITTLE, 0, 0);
      next_day (fixture);
    }

  progress_now (fixture, &progress);
  g_assert_cmpint (progress.stage, ==, BB_STAGE_SUPPORTED);
  g_assert_cmpuint (progress.days, ==, BB_PROGRESS_DAYS - 1);
  g_assert_cmpstr (progress.best_position_id, ==, "childs-pose");
  g_assert_cmpstr (bb_guidance_get_next_position (progress.stage), ==, "seated");

  practise (fixture, "childs-pose", BB_BACK_FELT_YES, 0, 0);
  progress_now (fixture, &progress);
  g_assert_cmpint (progress.stage, ==, BB_STAGE_SEATED);
  g_assert_cmpuint (progress.days, ==, 0);
  g_assert_cmpstr (bb_guidance_get_next_position (progress.stage), ==, "standing");

  for (guint day = 0; day < BB_PROGRESS_DAYS; day++)
    {
      next_day (fixture);
      practise (fixture, "seated", BB_BACK_FELT_YES, 0, 0);
      practise (fixture, "standing", day < 2 ? BB_BACK_FELT_YES : BB_BACK_FELT_NOT_YET, 0, 0);
    }

  progress_now (fixture, &progress);
  g_assert_cmpint (progress.stage, ==, BB_STAGE_STANDING);
  g_assert_cmpuint (progress.days, ==, 2);
  g_assert_cmpstr (progress.best_position_id, ==, "standing");
  g_assert_null (bb_guidance_get_next_position (progress.stage));

  for (guint day = 0; day < BB_PROGRESS_DAYS - 2; day++)
    {
      next_day (fixture);
      practise (fixture, "standing", BB_BACK_FELT_YES, 0, 0);
    }

  progress_now (fixture, &progress);
  g_assert_cmpint (progress.stage, ==, BB_STAGE_MOVING);
  g_assert_cmpstr (bb_guidance_get_stage_advice (progress.stage), !=, "");
}

/* Doing well seated, never lying down, is not sent back to the floor. */
static void
test_progress_skip (void)
{
  g_autoptr(GHashTable) felt_days = g_hash_table_new (g_str_hash, g_str_equal);
  BbProgress progress;

  g_hash_table_insert (felt_days, (gpointer) "seated", GUINT_TO_POINTER (7));
  g_hash_table_insert (felt_days, (gpointer) "standing", GUINT_TO_POINTER (1));
  g_hash_table_insert (felt_days, (gpointer) "unknown", GUINT_TO_POINTER (40));
  bb_guidance_get_progress (felt_days, &progress);
  g_assert_cmpint (progress.stage, ==, BB_STAGE_STANDING);
  g_assert_cmpuint (progress.days, ==, 1);
  g_assert_cmpstr (progress.best_position_id, ==, "standing");
  g_assert_cmpint (bb_guidance_get_position_stage ("hands-knees"), ==, BB_STAGE_SUPPORTED);
  g_assert_cmpint (bb_guidance_get_position_stage (NULL), ==, BB_STAGE_SUPPORTED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/guidance/checkin/save", test_checkin_save);
  ADD ("/guidance/checkin/delete", test_checkin_delete);
  ADD ("/guidance/checkin/stats", test_checkin_stats);
  ADD ("/guidance/tip", test_tip);
  g_test_add_func ("/guidance/tip-text", test_tip_text);
  ADD ("/guidance/progress", test_progress);
  g_test_add_func ("/guidance/progress-skip", test_progress_skip);

  return g_test_run ();
}
