/* bb-checkin-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-a11y.h"
#include "bb-checkin-view.h"
#include "bb-tension-scale.h"
#include "bb-window.h"

/*
 * The check-in after a session: could the back ribs be felt to widen,
 * and how tense are the neck and shoulders now. One tap each, every
 * answer optional and saved at once for the session that ended, through
 * the application, which keeps answers given while the history is still
 * being opened. "Skip" closes the check-in; "Don't ask after sessions"
 * turns check-ins off (Preferences turns them on again).
 */

struct _BbCheckinView
{
  AdwBin           parent_instance;

  /* Template children */
  GtkToggleButton *yes_button;
  GtkToggleButton *a_little_button;
  GtkToggleButton *not_yet_button;
  BbTensionScale  *tension_scale;
  GtkLabel        *status_label;

  /* Owned */
  BbApplication   *application;
  BbSession       *session;

  /* Plain state */
  gboolean         resetting;
};

G_DEFINE_FINAL_TYPE (BbCheckinView, bb_checkin_view, ADW_TYPE_BIN)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
save (BbCheckinView   *self,
      const BbCheckin *checkin)
{
  g_autoptr(GError) error = NULL;

  if (self->resetting || self->application == NULL || self->session == NULL)
    return;

  if (bb_application_save_checkin (self->application, self->session, checkin, &error))
    gtk_label_set_label (self->status_label, _("Noted with this session. Thank you."));
  else
    gtk_label_set_label (self->status_label, error->message);
}

static void
back_toggled_cb (GtkToggleButton *button,
                 BbCheckinView   *self)
{
  BbCheckin checkin = { BB_BACK_FELT_UNANSWERED, 0, 0 };

  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->yes_button)
    checkin.back_felt = BB_BACK_FELT_YES;
  else if (button == self->a_little_button)
    checkin.back_felt = BB_BACK_FELT_A_LITTLE;
  else
    checkin.back_felt = BB_BACK_FELT_NOT_YET;

  save (self, &checkin);
}

static void
tension_cb (BbCheckinView *self)
{
  BbCheckin checkin = { BB_BACK_FELT_UNANSWERED, 0, 0 };

  checkin.tension_after = bb_tension_scale_get_value (self->tension_scale);
  if (checkin.tension_after != 0)
    save (self, &checkin);
}

static void
close_view (BbCheckinView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_clear_object (&self->session);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  close_view (BB_CHECKIN_VIEW (widget));
}

static void
turn_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BbCheckinView *self = BB_CHECKIN_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->application != NULL)
    g_settings_set_boolean (bb_application_get_settings (self->application), "checkin-enabled", FALSE);

  if (BB_IS_WINDOW (root))
    bb_window_add_toast (BB_WINDOW (root),
                         adw_toast_new (_("No more check-ins. Preferences can bring them back.")));

  close_view (self);
}

static void
bb_checkin_view_dispose (GObject *object)
{
  BbCheckinView *self = (BbCheckinView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CHECKIN_VIEW);
  g_clear_object (&self->session);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bb_checkin_view_parent_class)->dispose (object);
}

static void
bb_checkin_view_class_init (BbCheckinViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_checkin_view_dispose;

  /**
   * BbCheckinView::closed:
   *
   * The user skipped the check-in or turned check-ins off.
   */
  signals[CLOSED] = g_signal_new ("closed",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  g_type_ensure (BB_TYPE_TENSION_SCALE);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-checkin-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BbCheckinView, yes_button);
  gtk_widget_class_bind_template_child (widget_class, BbCheckinView, a_little_button);
  gtk_widget_class_bind_template_child (widget_class, BbCheckinView, not_yet_button);
  gtk_widget_class_bind_template_child (widget_class, BbCheckinView, tension_scale);
  gtk_widget_class_bind_template_child (widget_class, BbCheckinView, status_label);
  /* For tests: */
  gtk_widget_class_bind_template_child_full (widget_class, "skip_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "turn_off_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "checkin.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "checkin.turn-off", NULL, turn_off_action);
}

static void
bb_checkin_view_init (BbCheckinView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  /* Its actions make it an actionable node to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Questions after the session"),
                                  -1);

  g_signal_connect_object (self->yes_button, "toggled", G_CALLBACK (back_toggled_cb), self, 0);
  g_signal_connect_object (self->a_little_button, "toggled", G_CALLBACK (back_toggled_cb), self, 0);
  g_signal_connect_object (self->not_yet_button, "toggled", G_CALLBACK (back_toggled_cb), self, 0);
  g_signal_connect_object (self->tension_scale, "notify::value",
                           G_CALLBACK (tension_cb), self, G_CONNECT_SWAPPED);
}

/**
 * bb_checkin_view_begin:
 * @application: where answers are saved
 * @session: the session that ended
 *
 * Asks afresh, for @session.
 */
void
bb_checkin_view_begin (BbCheckinView *self,
                       BbApplication *application,
                       BbSession     *session)
{
  g_return_if_fail (BB_IS_CHECKIN_VIEW (self));
  g_return_if_fail (BB_IS_APPLICATION (application));
  g_return_if_fail (BB_IS_SESSION (session));

  g_set_object (&self->application, application);
  g_set_object (&self->session, session);

  self->resetting = TRUE;
  gtk_toggle_button_set_active (self->yes_button, FALSE);
  gtk_toggle_button_set_active (self->a_little_button, FALSE);
  gtk_toggle_button_set_active (self->not_yet_button, FALSE);
  bb_tension_scale_set_value (self->tension_scale, 0);
  self->resetting = FALSE;

  gtk_label_set_label (self->status_label, _("Every answer is optional."));
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}
