/* bb-practice-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-catalog.h"
#include "bb-format.h"
#include "bb-practice-page.h"

/*
 * The list of sessions. Its rows are a radio group on the application's
 * "last-preset" action, which GSettings makes from the key of that name:
 * the choice lives in the settings alone and is remembered across runs.
 */

struct _BbPracticePage
{
  AdwBin                parent_instance;

  /* Template children */
  AdwPreferencesGroup  *presets_group;
  GtkButton            *start_button;
};

G_DEFINE_FINAL_TYPE (BbPracticePage, bb_practice_page, ADW_TYPE_BIN)

static char *
describe_preset (const BbPreset *preset)
{
  const BbPosition *position = bb_catalog_lookup_position (preset->position_id);
  gint64 length = (gint64) bb_pattern_get_cycle_ms (&preset->pattern) * preset->n_breaths * 1000;
  g_autofree char *pattern = bb_pattern_to_string (&preset->pattern);
  g_autofree char *time = bb_format_clock (length);

  /* Translators: position · pattern · length, as "Seated · 4 s in · 6 s out · 2:00" */
  return g_strdup_printf (_("%s · %s · %s"),
                          bb_catalog_gettext (position->name), pattern, time);
}

static void
populate (BbPracticePage *self)
{
  const BbPreset *presets;
  guint n_presets;

  presets = bb_catalog_get_presets (&n_presets);

  for (guint i = 0; i < n_presets; i++)
    {
      const BbPreset *preset = &presets[i];
      g_autofree char *details = describe_preset (preset);
      g_autofree char *subtitle = NULL;
      GtkWidget *check;
      GtkWidget *row;

      subtitle = g_strdup_printf ("%s\n%s", bb_catalog_gettext (preset->summary), details);

      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "app.last-preset");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (check), "s", preset->id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bb_catalog_gettext (preset->name),
                                      -1);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bb_catalog_gettext (preset->name));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->presets_group, row);
    }
}

/* Starts the preset chosen in the list, as the application's
 * "last-preset" action holds it. */
static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autoptr(GVariant) preset = NULL;

  if (application != NULL)
    preset = g_action_group_get_action_state (G_ACTION_GROUP (application), "last-preset");

  if (preset != NULL && g_variant_is_of_type (preset, G_VARIANT_TYPE_STRING))
    gtk_widget_activate_action_variant (widget, "app.start-preset", preset);
}

static gboolean
bb_practice_page_grab_focus (GtkWidget *widget)
{
  BbPracticePage *self = BB_PRACTICE_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

static void
bb_practice_page_dispose (GObject *object)
{
  BbPracticePage *self = (BbPracticePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PRACTICE_PAGE);

  G_OBJECT_CLASS (bb_practice_page_parent_class)->dispose (object);
}

static void
bb_practice_page_class_init (BbPracticePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_practice_page_dispose;

  widget_class->grab_focus = bb_practice_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-practice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, presets_group);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, start_button);

  gtk_widget_class_install_action (widget_class, "practice.start", NULL, start_action);
}

static void
bb_practice_page_init (BbPracticePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  populate (self);
}
