/* bb-learn-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-a11y.h"
#include "bb-animation.h"
#include "bb-application.h"
#include "bb-catalog.h"
#include "bb-learn-page.h"
#include "bb-rib-view.h"

/*
 * The right way and the two common faults side by side, breathing
 * together, then the positions, the faults' remedies and where the
 * practice fits in a day.
 *
 * The three drawings follow one demo session that the page owns, bound
 * to them in the template. It exists only while the page is on screen and
 * the user allows animations, and starts again when it finishes; so the
 * session's one timeout is the page's only timer, and a hidden page has
 * none. With reduced motion there is no session, and the drawings hold
 * still at full breath, where the difference shows best.
 */

/* A calm demo pace: 4 s in, 6 s out, a few breaths before starting over. */
#define DEMO_INHALE_MS  4000
#define DEMO_EXHALE_MS  6000
#define DEMO_BREATHS    3

struct _BbLearnPage
{
  AdwBin               parent_instance;

  /* Template children */
  AdwPreferencesGroup *positions_group;

  /* Owned */
  BbSession           *session;
  /* A finished session, kept until the next change: it may still be
   * emitting the notification that ended it. */
  BbSession           *finished;
  GSignalGroup        *session_signals;
};

G_DEFINE_FINAL_TYPE (BbLearnPage, bb_learn_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static BbClock *
dup_clock (BbLearnPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  BbClock *clock = NULL;

  if (BB_IS_APPLICATION (application))
    g_object_get (application, "clock", &clock, NULL);

  return clock != NULL ? clock : g_object_ref (bb_clock_get_default ());
}

static void
set_session (BbLearnPage *self,
             BbSession   *session)
{
  g_autoptr(BbSession) old = g_steal_pointer (&self->session);

  if (old == session)
    {
      self->session = g_steal_pointer (&old);
      return;
    }

  /* The drawings move to the new session before the old one stops, so
   * they see one change. */
  self->session = session != NULL ? g_object_ref (session) : NULL;
  g_signal_group_set_target (self->session_signals, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  if (old != NULL)
    {
      if (bb_session_get_state (old) != BB_SESSION_STATE_FINISHED)
        bb_session_stop (old);
      g_set_object (&self->finished, old);
    }
}

static void
start_demo (BbLearnPage *self)
{
  static const BbPattern pattern = { DEMO_INHALE_MS, 0, DEMO_EXHALE_MS, 0 };
  g_autoptr(BbClock) clock = dup_clock (self);
  g_autoptr(BbSession) session = bb_session_new (clock, &pattern, "seated", DEMO_BREATHS);

  set_session (self, session);
  bb_session_start (session);
}

/* The demo runs exactly while the page is on screen and animations are
 * allowed. */
static void
update_demo (BbLearnPage *self)
{
  gboolean want = gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                  bb_animation_enabled (GTK_WIDGET (self));

  if (want && self->session == NULL)
    start_demo (self);
  else if (!want && self->session != NULL)
    set_session (self, NULL);
}

static void
session_state_cb (BbLearnPage *self,
                  GParamSpec  *pspec,
                  BbSession   *session)
{
  if (bb_session_get_state (session) == BB_SESSION_STATE_FINISHED)
    start_demo (self);
}

/* A row that reads a heading and a text of any length. */
static GtkWidget *
text_row (const char *title,
          const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  /* Its text is markup: catalog text is plain. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "learn-text");

  return row;
}

/* The set-up steps, numbered; NULL when the position has none. */
static char *
describe_steps (const BbPosition *position)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < BB_POSITION_MAX_STEPS && position->steps[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a numbered step, as "1. Kneel with your knees wide." */
      g_string_append_printf (text, _("%u. %s"), i + 1, bb_catalog_gettext (position->steps[i]));
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* A position opens to its steps, where the hands go, what to feel and
 * why it helps, as far as the catalog says them; one that says none of
 * them is a plain row with its one-line set-up. */
static GtkWidget *
position_row (const BbPosition *position)
{
  g_autofree char *steps = describe_steps (position);
  const char *how = position->how != NULL ? bb_catalog_gettext (position->how) : NULL;
  GtkWidget *row;

  if (steps == NULL && position->hands == NULL && position->feel == NULL && position->why == NULL)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bb_catalog_gettext (position->name));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (how != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), how);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      return row;
    }

  row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bb_catalog_gettext (position->name));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (how != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), how);
  {
    /* Translators: the accessible name of the card about a position;
     * %s is a position such as "Seated" */
    g_autofree char *card = g_strdup_printf (_("Position: %s"), bb_catalog_gettext (position->name));

    bb_a11y_name_list (row, card);
  }

  if (steps != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (_("Set Up"), steps));
  if (position->hands != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              text_row (_("Where Your Hands Go"), bb_catalog_gettext (position->hands)));
  if (position->feel != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              text_row (_("What to Feel"), bb_catalog_gettext (position->feel)));
  if (position->why != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              text_row (_("Why It Helps"), bb_catalog_gettext (position->why)));

  return row;
}

static void
populate_positions (BbLearnPage *self)
{
  const BbPosition *positions;
  guint n_positions;

  /* The catalog lists them from the most supported to the least. */
  positions = bb_catalog_get_positions (&n_positions);

  for (guint i = 0; i < n_positions; i++)
    adw_preferences_group_add (self->positions_group, position_row (&positions[i]));
}

static void
bb_learn_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_learn_page_parent_class)->map (widget);
  update_demo (BB_LEARN_PAGE (widget));
}

static void
bb_learn_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_learn_page_parent_class)->unmap (widget);
  update_demo (BB_LEARN_PAGE (widget));
}

static void
bb_learn_page_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_learn_page_parent_class)->root (widget);

  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-enable-animations",
                           G_CALLBACK (update_demo), widget,
                           G_CONNECT_SWAPPED);
}

static void
bb_learn_page_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_settings (widget), widget);

  GTK_WIDGET_CLASS (bb_learn_page_parent_class)->unroot (widget);
}

static void
bb_learn_page_dispose (GObject *object)
{
  BbLearnPage *self = (BbLearnPage *)object;

  if (self->session_signals != NULL)
    set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_LEARN_PAGE);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->finished);

  G_OBJECT_CLASS (bb_learn_page_parent_class)->dispose (object);
}

static void
bb_learn_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BbLearnPage *self = BB_LEARN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_learn_page_class_init (BbLearnPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_learn_page_dispose;
  object_class->get_property = bb_learn_page_get_property;

  widget_class->map = bb_learn_page_map;
  widget_class->unmap = bb_learn_page_unmap;
  widget_class->root = bb_learn_page_root;
  widget_class->unroot = bb_learn_page_unroot;

  /**
   * BbLearnPage:session:
   *
   * The demo session the drawings follow; %NULL while the page is hidden
   * or animations are off.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         BB_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BB_TYPE_RIB_VIEW);
  g_type_ensure (BB_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-learn-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbLearnPage, positions_group);
  /* For tests: */
  gtk_widget_class_bind_template_child_full (widget_class, "right_view", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "shoulders_view", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "belly_view", FALSE, 0);
}

static void
bb_learn_page_init (BbLearnPage *self)
{
  self->session_signals = g_signal_group_new (BB_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::state",
                                 G_CALLBACK (session_state_cb), self,
                                 G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  populate_positions (self);
}

GtkWidget *
bb_learn_page_new (void)
{
  return g_object_new (BB_TYPE_LEARN_PAGE, NULL);
}

/**
 * bb_learn_page_get_session:
 *
 * Returns: (transfer none) (nullable): the demo session, while it runs
 */
BbSession *
bb_learn_page_get_session (BbLearnPage *self)
{
  g_return_val_if_fail (BB_IS_LEARN_PAGE (self), NULL);

  return self->session;
}
