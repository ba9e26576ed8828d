/* bb-history-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bb-history-report.h"

/*
 * The figures of `backbreath --stats`, as words for a person and as JSON
 * for scripts. Neither needs a display.
 */

/**
 * bb_history_report_duration:
 * @ms: a length of time
 *
 * Returns: (transfer full): @ms in words a person reads, such as
 *   "2 h 10 min", "4 min" or "35 s"
 */
char *
bb_history_report_duration (gint64 ms)
{
  /* Hours fit an int for a million years of practice. */
  int seconds = (int) MIN (MAX (ms, 0) / 1000, G_MAXINT);
  int minutes = seconds / 60;

  if (minutes >= 60)
    {
      if (minutes % 60 == 0)
        /* Translators: hours, as in "2 h" */
        return g_strdup_printf (_("%d h"), minutes / 60);

      /* Translators: hours and minutes, as in "2 h 10 min" */
      return g_strdup_printf (_("%d h %d min"), minutes / 60, minutes % 60);
    }

  if (minutes > 0)
    /* Translators: minutes, as in "4 min" */
    return g_strdup_printf (_("%d min"), minutes);

  /* Translators: seconds, as in "35 s" */
  return g_strdup_printf (_("%d s"), seconds);
}

/**
 * bb_history_report_text:
 *
 * Returns: (transfer full): a short summary, a few lines ending in a
 *   newline
 */
char *
bb_history_report_text (const BbStats *stats)
{
  g_autofree char *total = NULL;
  g_autofree char *today = NULL;
  g_autofree char *week = NULL;
  g_autofree char *average = NULL;
  GString *text;

  g_return_val_if_fail (stats != NULL, NULL);

  if (stats->n_sessions == 0)
    return g_strdup (_("No sessions yet. Your first one will show here.\n"));

  total = bb_history_report_duration (stats->total_ms);
  today = bb_history_report_duration (stats->today_ms);
  week = bb_history_report_duration (stats->week_ms);
  average = bb_history_report_duration (stats->average_ms);

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u session, %s in all\n", "%u sessions, %s in all\n",
                                       stats->n_sessions),
                          stats->n_sessions, total);
  /* Translators: the three %s are durations, as in "Today 4 min, this
   * week 26 min, 3 min a session on average" */
  g_string_append_printf (text, _("Today %s, this week %s, %s a session on average\n"),
                          today, week, average);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u-day streak\n", "%u-day streak\n",
                                       stats->current_streak),
                          stats->current_streak);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "Longest streak: %u day\n", "Longest streak: %u days\n",
                                       stats->longest_streak),
                          stats->longest_streak);
  if (stats->n_interrupted > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u session was cut short when the app closed\n",
                                         "%u sessions were cut short when the app closed\n",
                                         stats->n_interrupted),
                            stats->n_interrupted);

  return g_string_free (text, FALSE);
}

/**
 * bb_history_report_json:
 *
 * Returns: (transfer full): one JSON object, its times in whole seconds
 */
char *
bb_history_report_json (const BbStats *stats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (stats != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sessions");
  json_builder_add_int_value (builder, stats->n_sessions);
  json_builder_set_member_name (builder, "interrupted_sessions");
  json_builder_add_int_value (builder, stats->n_interrupted);
  json_builder_set_member_name (builder, "total_seconds");
  json_builder_add_int_value (builder, stats->total_ms / 1000);
  json_builder_set_member_name (builder, "today_seconds");
  json_builder_add_int_value (builder, stats->today_ms / 1000);
  json_builder_set_member_name (builder, "this_week_seconds");
  json_builder_add_int_value (builder, stats->week_ms / 1000);
  json_builder_set_member_name (builder, "average_seconds");
  json_builder_add_int_value (builder, stats->average_ms / 1000);
  json_builder_set_member_name (builder, "current_streak_days");
  json_builder_add_int_value (builder, stats->current_streak);
  json_builder_set_member_name (builder, "longest_streak_days");
  json_builder_add_int_value (builder, stats->longest_streak);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}
