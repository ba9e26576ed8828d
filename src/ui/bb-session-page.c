/* bb-session-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bb-a11y.h"
#include "bb-animation.h"
#include "bb-catalog.h"
#include "bb-chime.h"
#include "bb-format.h"
#include "bb-rib-view.h"
#include "bb-session-page.h"
#include "bb-session-page-private.h"

/*
 * The page shows a running session. Its labels are bound in the template
 * to the session's properties, which the session itself announces from
 * its one clock timeout: the page keeps no timer, and the text stays
 * right with the window hidden and with a fake clock. Only the phase bar
 * follows frames, and only while a session runs with animations on.
 */

struct _BbSessionPage
{
  AdwBin          parent_instance;

  /* Template children */
  BbRibView      *rib_view;
  GtkProgressBar *phase_bar;
  GtkButton      *pause_button;
  GtkButton      *stop_button;

  /* Owned */
  BbSession      *session;
  BbChime        *chime;
  GSignalGroup   *session_signals;
  GSettings      *settings;
  char           *announcement;

  /* Plain state */
  guint           tick_id;
  guint           n_announcements;
  guint           announced_breath;
  BbPhase         announced_phase;
};

G_DEFINE_FINAL_TYPE (BbSessionPage, bb_session_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CHIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_paused (BbSessionState state)
{
  return state == BB_SESSION_STATE_PAUSED;
}

/* Closures for the template's bindings. */

static char *
position_text (BbSessionPage *self,
               const char    *position_id)
{
  const BbPosition *position = bb_catalog_lookup_position (position_id);

  return g_strdup (position != NULL ? bb_catalog_gettext (position->how) : NULL);
}

static char *
phase_text (BbSessionPage  *self,
            BbSessionState  state,
            BbPhase         phase)
{
  if (is_paused (state))
    return g_strdup (_("Paused"));

  if (state == BB_SESSION_STATE_SETTLING)
    return g_strdup (_("Settle in…"));

  return g_strdup (bb_catalog_get_phase_name (phase));
}

/* The session's cue, but for a pause, which the page itself explains. */
static char *
cue_text (BbSessionPage  *self,
          BbSessionState  state,
          const char     *cue)
{
  if (is_paused (state))
    return g_strdup (_("Rest as long as you like, then go on with Space"));

  return g_strdup (cue);
}

/* Settling, or paused before the first in-breath. */
static gboolean
in_settle (BbSessionState state,
           BbPhase        phase)
{
  return state == BB_SESSION_STATE_SETTLING ||
         (state == BB_SESSION_STATE_PAUSED && phase == BB_PHASE_NONE);
}

static gboolean
is_settling (BbSessionPage  *self,
             BbSessionState  state,
             BbPhase         phase)
{
  return in_settle (state, phase);
}

static char *
countdown_text (BbSessionPage *self,
                guint          countdown)
{
  return countdown > 0 ? g_strdup_printf ("%u", countdown) : NULL;
}

/* While settling, the big countdown over the drawing is the one. The
 * text hangs on the state alone, so it is set once per change; the
 * opacity hides it too while paused in the settle. */
static char *
phase_countdown_text (BbSessionPage  *self,
                      BbSessionState  state,
                      guint           countdown)
{
  if (state == BB_SESSION_STATE_SETTLING)
    return NULL;

  return countdown_text (self, countdown);
}

static double
phase_countdown_opacity (BbSessionPage  *self,
                         BbSessionState  state,
                         BbPhase         phase)
{
  return in_settle (state, phase) ? 0.0 : 1.0;
}

static char *
breath_text (BbSessionPage *self,
             guint          breath,
             guint          n_breaths)
{
  return g_strdup_printf (_("Breath %u of %u"), MAX (1, breath), n_breaths);
}

static char *
time_left_text (BbSessionPage *self,
                guint          seconds_left)
{
  g_autofree char *time = bb_format_clock ((gint64) seconds_left * G_USEC_PER_SEC);

  /* Translators: %s is a time such as "1:40" */
  return g_strdup_printf (_("%s left"), time);
}

static char *
pause_icon (BbSessionPage  *self,
            BbSessionState  state)
{
  return g_strdup (is_paused (state) ? "media-playback-start-symbolic"
                                     : "media-playback-pause-symbolic");
}

static char *
pause_tooltip (BbSessionPage  *self,
               BbSessionState  state)
{
  return g_strdup (is_paused (state) ? _("Resume (Space)") : _("Pause (Space)"));
}

static gboolean
has_text (BbSessionPage *self,
          const char    *text)
{
  return text != NULL && *text != '\0';
}

/* Muted when nothing is heard; otherwise a stand-in sound plays. */
static char *
notice_icon (BbSessionPage *self,
             gboolean       silent)
{
  return g_strdup (silent ? "audio-volume-muted-symbolic" : "dialog-information-symbolic");
}

static gboolean
is_running (BbSessionPage *self)
{
  return self->session != NULL &&
         bb_session_get_state (self->session) == BB_SESSION_STATE_RUNNING;
}

static void
refresh_bar (BbSessionPage *self)
{
  double fraction = 0.0;

  if (self->session != NULL)
    fraction = bb_session_get_phase_progress (self->session);

  gtk_progress_bar_set_fraction (self->phase_bar, fraction);
}

/* A bar a few hundred pixels wide fills in a few seconds: redrawing it
 * only when its end moves by whole steps of this many device pixels
 * halves what a session costs, and still reads as smooth. */
#define BAR_STEP_PX 2.0

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  BbSessionPage *self = BB_SESSION_PAGE (widget);
  double shown = gtk_progress_bar_get_fraction (self->phase_bar);
  double fraction;
  double pixels;

  if (self->session == NULL)
    return G_SOURCE_CONTINUE;

  fraction = bb_session_get_phase_progress (self->session);
  pixels = gtk_widget_get_width (GTK_WIDGET (self->phase_bar)) *
           gtk_widget_get_scale_factor (widget);

  if (fabs (fraction - shown) * pixels >= BAR_STEP_PX || fraction < shown)
    gtk_progress_bar_set_fraction (self->phase_bar, fraction);

  return G_SOURCE_CONTINUE;
}

static void
update_ticking (BbSessionPage *self)
{
  bb_animation_follow (GTK_WIDGET (self), &self->tick_id, is_running (self), tick_cb);
}

/* The accessible name is not a property, so it is not bound. */
static void
state_changed_cb (BbSessionPage *self)
{
  gboolean paused = self->session != NULL && is_paused (bb_session_get_state (self->session));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paused ? _("Resume") : _("Pause"),
                                  -1);
  refresh_bar (self);
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

/* In a window, stopping goes through it, which keeps the session for
 * a few seconds to be resumed; on its own, the page stops it. */
static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbSessionPage *self = BB_SESSION_PAGE (widget);

  if (self->session == NULL)
    return;

  if (!gtk_widget_activate_action (widget, "win.stop-session", NULL))
    bb_session_stop (self->session);
}

/* Esc leaves full screen first, where it is what Esc is expected to do. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root) && gtk_window_is_fullscreen (GTK_WINDOW (root)))
    {
      gtk_window_unfullscreen (GTK_WINDOW (root));
      return;
    }

  stop_action (widget, "session.stop", NULL);
}

/*
 * GTK 4.8 has no live regions, so a screen reader hears a phase only if
 * it is told: with "announce-phases" on, the phase bar takes the focus
 * and is named after the phase, once as each phase begins. (Space and
 * Esc still work, as the page's own shortcuts.) The chimes stay the main
 * guide with eyes closed; this is for those who want the words too.
 */
static void
announce_phase (BbSessionPage *self)
{
  GtkWidget *bar = GTK_WIDGET (self->phase_bar);
  BbPhase phase;
  guint breath;

  if (self->session == NULL || bb_session_get_state (self->session) != BB_SESSION_STATE_RUNNING)
    return;

  phase = bb_session_get_phase (self->session);
  breath = bb_session_get_breath (self->session);
  if (phase == BB_PHASE_NONE || (phase == self->announced_phase && breath == self->announced_breath))
    return;

  self->announced_phase = phase;
  self->announced_breath = breath;
  if (!g_settings_get_boolean (self->settings, "announce-phases"))
    {
      gtk_widget_set_focusable (bar, FALSE);
      return;
    }

  g_free (self->announcement);
  self->announcement = g_strdup (bb_catalog_get_phase_name (phase));
  self->n_announcements++;

  gtk_widget_set_focusable (bar, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->announcement,
                                  -1);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (bar);
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
                           G_CALLBACK (update_ticking), widget,
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

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_SESSION_PAGE);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->chime);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->announcement, g_free);

  G_OBJECT_CLASS (bb_session_page_parent_class)->dispose (object);
}

static void
bb_session_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbSessionPage *self = BB_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_CHIME:
      g_value_set_object (value, self->chime);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_session_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BbSessionPage *self = BB_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      bb_session_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_CHIME:
      if (g_set_object (&self->chime, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_session_page_class_init (BbSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_session_page_dispose;
  object_class->get_property = bb_session_page_get_property;
  object_class->set_property = bb_session_page_set_property;

  widget_class->map = bb_session_page_map;
  widget_class->unmap = bb_session_page_unmap;
  widget_class->root = bb_session_page_root;
  widget_class->unroot = bb_session_page_unroot;

  /**
   * BbSessionPage:session:
   *
   * The session shown, or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         BB_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbSessionPage:chime:
   *
   * The chime player, whose trouble the page tells the user about.
   */
  properties[PROP_CHIME] =
    g_param_spec_object ("chime", NULL, NULL,
                         BB_TYPE_CHIME,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BB_TYPE_CHIME);
  g_type_ensure (BB_TYPE_RIB_VIEW);
  g_type_ensure (BB_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, rib_view);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, phase_bar);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, BbSessionPage, stop_button);
  /* Named for tests, which read what the labels say. */
  gtk_widget_class_bind_template_child_full (widget_class, "phase_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cue_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "countdown_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "settle_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "breath_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "time_left_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "chime_notice", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, has_text);
  gtk_widget_class_bind_template_callback (widget_class, notice_icon);
  gtk_widget_class_bind_template_callback (widget_class, position_text);
  gtk_widget_class_bind_template_callback (widget_class, phase_text);
  gtk_widget_class_bind_template_callback (widget_class, cue_text);
  gtk_widget_class_bind_template_callback (widget_class, is_settling);
  gtk_widget_class_bind_template_callback (widget_class, countdown_text);
  gtk_widget_class_bind_template_callback (widget_class, phase_countdown_text);
  gtk_widget_class_bind_template_callback (widget_class, phase_countdown_opacity);
  gtk_widget_class_bind_template_callback (widget_class, breath_text);
  gtk_widget_class_bind_template_callback (widget_class, time_left_text);
  gtk_widget_class_bind_template_callback (widget_class, pause_icon);
  gtk_widget_class_bind_template_callback (widget_class, pause_tooltip);

  gtk_widget_class_install_action (widget_class, "session.toggle-pause", NULL, toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "session.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "session.escape", NULL, escape_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "session.toggle-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "session.toggle-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "session.escape", NULL);
}

static void
bb_session_page_init (BbSessionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  /* Its shortcuts make it an actionable node to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Session"),
                                  -1);

  /* The bar is read at frame time while running; otherwise it moves with
   * the countdown, once a second and at each boundary. */
  self->session_signals = g_signal_group_new (BB_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::state",
                                  G_CALLBACK (state_changed_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::countdown",
                                  G_CALLBACK (refresh_bar), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::phase",
                                  G_CALLBACK (announce_phase), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::state",
                                  G_CALLBACK (announce_phase), self);
  self->settings = g_settings_new (APPLICATION_ID);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pause"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stop_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stop"), -1);
}

void
bb_session_page_set_session (BbSessionPage *self,
                             BbSession     *session)
{
  g_return_if_fail (BB_IS_SESSION_PAGE (self));
  g_return_if_fail (session == NULL || BB_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  self->announced_phase = BB_PHASE_NONE;
  self->announced_breath = 0;
  state_changed_cb (self);

  if (session != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
  announce_phase (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkWidget *
bb_session_page_get_rib_view (BbSessionPage *self)
{
  g_return_val_if_fail (BB_IS_SESSION_PAGE (self), NULL);

  return GTK_WIDGET (self->rib_view);
}

/**
 * bb_session_page_get_announcement:
 * @n_announcements: (out) (optional): how many phases were announced
 *
 * Returns: (nullable): the phase last given to screen readers
 */
const char *
bb_session_page_get_announcement (BbSessionPage *self,
                                  guint         *n_announcements)
{
  g_return_val_if_fail (BB_IS_SESSION_PAGE (self), NULL);

  if (n_announcements != NULL)
    *n_announcements = self->n_announcements;

  return self->announcement;
}
