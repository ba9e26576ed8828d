/* bb-guide-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-a11y.h"
#include "bb-catalog.h"
#include "bb-guidance.h"
#include "bb-guide-card.h"

/*
 * Above the list of sessions: the tip the last check-ins call for (see
 * bb_guidance_choose_tip()), which the user can dismiss until the next
 * check-in, and where the user stands in progression, with what comes
 * next. Both are read from the history once the app has opened it,
 * which is after the first frame, and again when it changes: at once
 * if the card is on show, else when it is next shown.
 */

/* Check-ins the tip is chosen from, the newest. */
#define N_RECENT 10

struct _BbGuideCard
{
  AdwBin         parent_instance;

  /* Template children */
  GtkWidget     *tip_box;
  GtkLabel      *tip_title;
  GtkLabel      *tip_text;
  GtkWidget     *progress_box;
  GtkLabel      *stage_label;
  GtkLabel      *days_label;
  GtkLevelBar   *level_bar;
  GtkLabel      *next_label;

  /* Owned */
  BbApplication *application;
  BbHistory     *history;

  /* Plain state */
  gint64         newest_checkin;     /* start of the session the tip is for */
  gint64         dismissed_checkin;  /* and the one whose tip was dismissed */
  gboolean       dirty;
};

G_DEFINE_FINAL_TYPE (BbGuideCard, bb_guide_card, ADW_TYPE_BIN)

static void
update_tip (BbGuideCard *self)
{
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) answered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const BbCheckinRecord *newest = NULL;
  BbTip tip;

  all = bb_history_list_checkins (self->history, 0, 2 * N_RECENT, &error);
  if (all == NULL)
    {
      g_warning ("Could not read the check-ins: %s", error->message);
      gtk_widget_set_visible (self->tip_box, FALSE);
      return;
    }

  /* A check-in with only the tension before is a session under way, or
   * one whose questions after were skipped: it says nothing of how the
   * breath went. */
  answered = g_array_sized_new (FALSE, FALSE, sizeof (BbCheckinRecord), N_RECENT);
  for (guint i = 0; i < all->len && answered->len < N_RECENT; i++)
    {
      const BbCheckinRecord *record = &g_array_index (all, BbCheckinRecord, i);

      if (record->checkin.back_felt != BB_BACK_FELT_UNANSWERED || record->checkin.tension_after != 0)
        g_array_append_vals (answered, record, 1);
    }

  if (answered->len > 0)
    newest = &g_array_index (answered, BbCheckinRecord, 0);
  tip = bb_guidance_choose_tip ((const BbCheckinRecord *) (void *) answered->data, answered->len);
  self->newest_checkin = newest != NULL ? newest->start_utc_us : 0;

  if (tip == BB_TIP_NONE || self->newest_checkin == self->dismissed_checkin)
    {
      gtk_widget_set_visible (self->tip_box, FALSE);
      return;
    }

  text = bb_guidance_dup_tip_text (tip, newest->position_id);
  gtk_label_set_label (self->tip_title, bb_guidance_get_tip_title (tip));
  gtk_label_set_label (self->tip_text, text);
  gtk_widget_set_visible (self->tip_box, TRUE);
}

static const char *
position_name (const char *position_id)
{
  const BbPosition *position = bb_catalog_lookup_position (position_id);

  return position != NULL ? bb_catalog_gettext (position->name) : NULL;
}

static void
update_progress (BbGuideCard *self)
{
  g_autoptr(GHashTable) felt_days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *days = NULL;
  g_autofree char *next = NULL;
  g_autofree char *value_text = NULL;
  const char *best;
  const char *next_position;
  BbProgress progress;

  felt_days = bb_history_dup_felt_days (self->history, &error);
  if (felt_days == NULL)
    {
      g_warning ("Could not read the days the back was felt: %s", error->message);
      gtk_widget_set_visible (self->progress_box, FALSE);
      return;
    }

  bb_guidance_get_progress (felt_days, &progress);
  best = position_name (progress.best_position_id);
  next_position = position_name (bb_guidance_get_next_position (progress.stage));

  if (progress.stage == BB_STAGE_MOVING)
    days = g_strdup (_("Your back has widened on many days, kneeling, seated and standing."));
  else if (best != NULL)
    /* Translators: "Back felt on 3 of 5 days in Child’s pose" */
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Back felt on %u of %u day in %s",
                                         "Back felt on %u of %u days in %s",
                                         BB_PROGRESS_DAYS),
                            progress.days, BB_PROGRESS_DAYS, best);
  else
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Feel your back widen on %u day to take the next step",
                                         "Feel your back widen on %u separate days to take the next step",
                                         BB_PROGRESS_DAYS),
                            BB_PROGRESS_DAYS);

  if (next_position != NULL)
    /* Translators: the next position, then advice for it */
    next = g_strdup_printf (_("Next: %s. %s"), next_position,
                            bb_guidance_get_stage_advice (progress.stage + 1));
  else if (progress.stage == BB_STAGE_STANDING)
    next = g_strdup_printf (_("Next: in movement. %s"),
                            bb_guidance_get_stage_advice (BB_STAGE_MOVING));
  else
    next = g_strdup (bb_guidance_get_stage_advice (progress.stage));

  gtk_label_set_label (self->stage_label, bb_guidance_get_stage_name (progress.stage));
  gtk_label_set_label (self->days_label, days);
  gtk_label_set_label (self->next_label, next);

  gtk_widget_set_visible (GTK_WIDGET (self->level_bar), progress.stage != BB_STAGE_MOVING);
  gtk_level_bar_set_value (self->level_bar, progress.days);
  value_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u day", "%u of %u days", BB_PROGRESS_DAYS),
                                progress.days, BB_PROGRESS_DAYS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  -1);
  gtk_widget_set_visible (self->progress_box, TRUE);
}

/**
 * bb_guide_card_refresh:
 *
 * Reads the tip and the progress from the history again.
 */
void
bb_guide_card_refresh (BbGuideCard *self)
{
  g_return_if_fail (BB_IS_GUIDE_CARD (self));

  self->dirty = FALSE;

  if (self->history == NULL)
    {
      gtk_widget_set_visible (self->tip_box, FALSE);
      gtk_widget_set_visible (self->progress_box, FALSE);
      return;
    }

  update_tip (self);
  update_progress (self);
}

static void
changed_cb (BbGuideCard *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bb_guide_card_refresh (self);
  else
    self->dirty = TRUE;
}

static void
history_cb (BbGuideCard *self)
{
  BbHistory *history = bb_application_get_history (self->application);

  if (history == NULL || history == self->history)
    return;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  g_signal_connect_object (history, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  bb_guide_card_refresh (self);
}

static void
dismiss_tip_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BbGuideCard *self = BB_GUIDE_CARD (widget);

  self->dismissed_checkin = self->newest_checkin;
  gtk_widget_set_visible (self->tip_box, FALSE);
}

static void
bb_guide_card_map (GtkWidget *widget)
{
  BbGuideCard *self = BB_GUIDE_CARD (widget);

  if (self->dirty)
    bb_guide_card_refresh (self);

  GTK_WIDGET_CLASS (bb_guide_card_parent_class)->map (widget);
}

static void
bb_guide_card_dispose (GObject *object)
{
  BbGuideCard *self = (BbGuideCard *)object;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_GUIDE_CARD);
  g_clear_object (&self->history);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bb_guide_card_parent_class)->dispose (object);
}

static void
bb_guide_card_class_init (BbGuideCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_guide_card_dispose;

  widget_class->map = bb_guide_card_map;

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-guide-card.ui");
  gtk_widget_class_bind_template_child (widget_class, BbGuideCard, tip_box);
  gtk_widget_class_bind_template_child (widget_class, BbGuideCard, tip_title);
  gtk_widget_class_bind_template_child (widget_class, BbGuideCard, tip_text);
  gtk_widget_class_bind_template_child (widget_class, BbGuideCard, progress_box);
  gtk_widget_class_bind_template_child (widget_class, BbGuideCard, stage_label);
  gtk_widget_class_bind_template_child (widget_class, BbGuideCard, days_label);
  gtk_widget_class_bind_template_child (widget_class, BbGuideCard, level_bar);
  gtk_widget_class_bind_template_child (widget_class, BbGuideCard, next_label);

  gtk_widget_class_install_action (widget_class, "guide.dismiss-tip", NULL, dismiss_tip_action);
}

static void
bb_guide_card_init (BbGuideCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  /* Its shortcuts make it an actionable node to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Guide"),
                                  -1);

  /* Hand-made levels: the bar counts days, with no "low" or "high". */
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL);
}

/**
 * bb_guide_card_set_application:
 * @application: the app whose history the card reads
 *
 * Follows @application's history from now on; the card shows once the
 * history is open.
 */
void
bb_guide_card_set_application (BbGuideCard   *self,
                               BbApplication *application)
{
  g_return_if_fail (BB_IS_GUIDE_CARD (self));
  g_return_if_fail (BB_IS_APPLICATION (application));

  if (self->application == application)
    return;

  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  g_set_object (&self->application, application);
  g_signal_connect_object (application, "notify::history",
                           G_CALLBACK (history_cb), self, G_CONNECT_SWAPPED);
  history_cb (self);
}
