/* bb-session-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-animation.h"
#include "bb-catalog.h"
#include "bb-format.h"
#include "bb-rib-view.h"
#include "bb-session-page.h"

/*
 * The page shows a running session. Text changes at most once a second,
 * so it is refreshed by a clock timeout at the next moment a number on
 * screen changes; that keeps working with the window hidden and with a
 * fake clock. Only the phase bar follows frames, and only while a session
 * runs with animations on.
 */

struct _BbSessionPage
{
  AdwBin          parent_instance;

  /* Template children */
  GtkLabel       *position_label;
  BbRibView      *rib_view;
  GtkLabel       *phase_label;
  GtkLabel       *cue_label;
  GtkProgressBar *phase_bar;
  GtkLabel       *countdown_label;
  GtkLabel       *breath_label;
  GtkLabel       *time_left_label;
  GtkButton      *pause_button;
  GtkButton      *stop_button;
  GtkWidget      *silent_notice;

  /* Owned */
  BbSession      *session;

  /* Plain state */
  guint           refresh_id;
  guint           tick_id;
};

G_DEFINE_FINAL_TYPE (BbSessionPage, bb_session_page, ADW_TYPE_BIN)

static void schedule_refresh (BbSessionPage *self);

static gboolean
is_running (BbSessionPage *self)
{
  return self->session != NULL &&
         bb_session_get_state (self->session) == BB_SESSION_STATE_RUNNING;
}

static void
refresh_bar (BbSessionPage *self)
{
  gtk_progress_bar_set_fraction (self->phase_bar,
                                 bb_session_get_phase_progress (self->session));
}

static void
refresh (BbSessionPage *self)
{
  BbSession *session = self->session;
  BbSessionState state;
  BbPhase phase;
  g_autofree char *countdown = NULL;
  g_autofree char *breath = NULL;
  g_autofree char *time = NULL;
  g_autofree char *time_left = NULL;

  if (session == NULL)
    return;

  state = bb_session_get_state (session);
  phase = bb_session_get_phase (session);

  if (state == BB_SESSION_STATE_PAUSED)
    {
      gtk_label_set_label (self->phase_label, _("Paused"));
      gtk_label_set_label (self->cue_label, _("Rest as long as you like, then go on with Space"));
      gtk_button_set_icon_name (self->pause_button, "media-playback-start-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), _("Resume (Space)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Resume"), -1);
    }
  else
    {
      gtk_label_set_label (self->phase_label, bb_catalog_get_phase_name (phase));
      gtk_label_set_label (self->cue_label, bb_catalog_get_cue (phase));
      gtk_button_set_icon_name (self->pause_button, "media-playback-pause-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), _("Pause (Space)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pause"), -1);
    }

  /* A phase that has begun shows at least 1, never 0. */
  if (phase != BB_PHASE_NONE)
    countdown = g_strdup_printf ("%u", MAX (1, bb_format_ceil_seconds (bb_session_get_phase_remaining (session))));
  gtk_label_set_label (self->countdown_label, countdown);

  breath = g_strdup_printf (_("Breath %u of %u"),
                            MAX (1, bb_session_get_breath (session)),
                            bb_session_get_n_breaths (session));
  gtk_label_set_label (self->breath_label, breath);

  time = bb_format_clock (bb_session_get_remaining (session));
  /* Translators: %s is a time such as "1:40" */
  time_left = g_strdup_printf (_("%s left"), time);
  gtk_label_set_label (self->time_left_label, time_left);

  refresh_bar (self);
}

static void
refresh_cb (BbClock  *clock,
            gpointer  user_data)
{
  BbSessionPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  schedule_refresh (self);
}

static gint64
until_next_second (gint64 remaining)
{
  gint64 part = remaining % G_USEC_PER_SEC;

  return part > 0 ? part : G_USEC_PER_SEC;
}

/* Wakes when the phase countdown or the time left next changes. */
static void
schedule_refresh (BbSessionPage *self)
{
  BbClock *clock;
  gint64 delay;

  if (self->session == NULL)
    return;

  clock = bb_session_get_clock (self->session);

  if (self->refresh_id != 0)
    {
      bb_clock_remove_timeout (clock, self->refresh_id);
      self->refresh_id = 0;
    }

  if (!is_running (self))
    return;

  delay = MIN (until_next_second (bb_session_get_phase_remaining (self->session)),
               until_next_second (bb_session_get_remaining (self->session)));
  self->refresh_id = bb_clock_add_timeout_at (clock,
                                              bb_clock_get_monotonic_time (clock) + delay,
                                              refresh_cb, self, NULL);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  refresh_bar (BB_SESSION_PAGE (widget));

  return G_SOURCE_CONTINUE;
}

static void
update_ticking (BbSessionPage *self)
{
  bb_animation_follow (GTK_WIDGET (self), &self->tick_id, is_running (self), tick_cb);
}

static void
session_changed_cb (BbSessionPage *self)
{
  refresh (self);
  schedule_refresh (self);
  update_ticking (self);
}

static void
toggle_pause_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BbSessionPage *self = BB_SESSION_PAGE (widget);

  if (self->session == NULL)
    return;

  if (bb_session_get_state (self->session) == BB_SESSION_STATE_PAUSED)
    bb_session_resume (self->session);
  else
    bb_session_pause (self->session);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbSessionPage *self = BB_SESSION_PAGE (widget);

  if (self->session != NULL)
    bb_session_stop (self->session);
}

static void
bb_session_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_session_page_parent_class)->map (widget);
  update_ticking (BB_SESSION_PAGE (widget));
}

static void
bb_session_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_session_page_parent_class)->unmap (widget);
  update_ticking (BB_SESSION_PAGE (widget));
}

static void
bb_session_page_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_session_page_parent_class)->root (widget);

  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-enable-animations",
                           G_CALLBACK (session_changed_cb), widget,
                           G_CONNECT_SWAPPED);
}

static void
bb_session_page_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_settings (widget), widget);

  GTK_WIDGET_CLASS (bb_session_page_parent_class)->unroot (widget);
}

static void
bb_session_page_dispose (GObject *object)
{
  BbSessionPage *self = (BbSessionPage *)object;

  bb_session_page_set_session (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_SESSION_PAGE);

  G_OBJECT_CLASS (bb_session_page_parent_class)->dispose (object);
}

static void
bb_session_page_class_init (BbSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_session_page_dispose;

  widget_class->map = bb_session_page_map;
  widget_class->unmap = bb_session_page_unmap;
  widget_class->root = bb_session_page_root;
  widget_class->unroot = bb_session_page_unroot;

  g_type_ensure (BB_TYPE_RIB_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, position_label);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, rib_view);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, cue_label);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, phase_bar);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, breath_label);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, time_left_label);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, stop_button);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, silent_notice);

  gtk_widget_class_install_action (widget_class, "session.toggle-pause", NULL, toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "session.stop", NULL, stop_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "session.toggle-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "session.toggle-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "session.stop", NULL);
}

static void
bb_session_page_init (BbSessionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pause"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stop_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stop"), -1);
}

BbSession *
bb_session_page_get_session (BbSessionPage *self)
{
  g_return_val_if_fail (BB_IS_SESSION_PAGE (self), NULL);

  return self->session;
}

/**
 * bb_session_page_show_silent_notice:
 * @show: whether chimes cannot be heard
 *
 * Shows or hides a quiet line saying that chimes cannot be heard. It sits
 * above the drawing, where it covers nothing, and stays as long as the
 * cause does.
 */
void
bb_session_page_show_silent_notice (BbSessionPage *self,
                                    gboolean       show)
{
  g_return_if_fail (BB_IS_SESSION_PAGE (self));

  gtk_widget_set_visible (self->silent_notice, show);
}

GtkWidget *
bb_session_page_get_rib_view (BbSessionPage *self)
{
  g_return_val_if_fail (BB_IS_SESSION_PAGE (self), NULL);

  return GTK_WIDGET (self->rib_view);
}

void
bb_session_page_set_session (BbSessionPage *self,
                             BbSession     *session)
{
  g_return_if_fail (BB_IS_SESSION_PAGE (self));
  g_return_if_fail (session == NULL || BB_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      if (self->refresh_id != 0)
        bb_clock_remove_timeout (bb_session_get_clock (self->session), self->refresh_id);
      self->refresh_id = 0;
      g_signal_handlers_disconnect_by_data (self->session, self);
    }

  g_set_object (&self->session, session);
  bb_rib_view_set_session (self->rib_view, session);

  if (session != NULL)
    {
      const BbPosition *position = bb_catalog_lookup_position (bb_session_get_position (session));

      gtk_label_set_label (self->position_label,
                           position != NULL ? bb_catalog_gettext (position->how) : NULL);

      g_signal_connect_object (session, "notify::state",
                               G_CALLBACK (session_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::phase",
                               G_CALLBACK (session_changed_cb), self,
                               G_CONNECT_SWAPPED);
      session_changed_cb (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
    }

  update_ticking (self);
}
