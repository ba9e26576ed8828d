/* bb-practice-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-catalog.h"
#include "bb-format.h"
#include "bb-practice-page.h"

struct _BbPracticePage
{
  AdwBin                parent_instance;

  /* Template children */
  AdwPreferencesGroup  *presets_group;
  GtkButton            *start_button;

  /* Owned */
  GHashTable           *checks;  /* preset id -> GtkCheckButton */

  /* Plain state */
  const char           *preset_id;  /* points into the catalog */
};

G_DEFINE_FINAL_TYPE (BbPracticePage, bb_practice_page, ADW_TYPE_BIN)

static void
check_toggled_cb (GtkCheckButton *check,
                  BbPracticePage *self)
{
  if (!gtk_check_button_get_active (check))
    return;

  self->preset_id = g_object_get_data (G_OBJECT (check), "bb-preset-id");
}

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
  GtkCheckButton *group = NULL;
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
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      g_object_set_data (G_OBJECT (check), "bb-preset-id", (gpointer) preset->id);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bb_catalog_gettext (preset->name),
                                      -1);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bb_catalog_gettext (preset->name));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->presets_group, row);

      g_hash_table_insert (self->checks, (gpointer) preset->id, check);
    }

  bb_practice_page_set_preset (self, presets[0].id);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BbPracticePage *self = BB_PRACTICE_PAGE (widget);

  gtk_widget_activate_action (widget, "app.start-preset", "s", self->preset_id);
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

  g_clear_pointer (&self->checks, g_hash_table_unref);

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

  self->checks = g_hash_table_new (g_str_hash, g_str_equal);
  populate (self);
}

/**
 * bb_practice_page_set_settings:
 *
 * Selects the preset chosen last. The application saves the choice when
 * a session begins.
 */
void
bb_practice_page_set_settings (BbPracticePage *self,
                               GSettings      *settings)
{
  g_autofree char *last = NULL;

  g_return_if_fail (BB_IS_PRACTICE_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  last = g_settings_get_string (settings, "last-preset");
  bb_practice_page_set_preset (self, last);
}

const char *
bb_practice_page_get_preset (BbPracticePage *self)
{
  g_return_val_if_fail (BB_IS_PRACTICE_PAGE (self), NULL);

  return self->preset_id;
}

/**
 * bb_practice_page_set_preset:
 *
 * Selects @preset_id; an unknown id (say, from old settings) is ignored.
 */
void
bb_practice_page_set_preset (BbPracticePage *self,
                             const char     *preset_id)
{
  GtkCheckButton *check;

  g_return_if_fail (BB_IS_PRACTICE_PAGE (self));

  if (preset_id == NULL)
    return;

  check = g_hash_table_lookup (self->checks, preset_id);
  if (check != NULL)
    gtk_check_button_set_active (check, TRUE);
}
