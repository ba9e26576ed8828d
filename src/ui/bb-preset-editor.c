/* bb-preset-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-a11y.h"
#include "bb-format.h"
#include "bb-preset-editor.h"

/*
 * Makes or changes one of the user's own sessions. Whatever BbPattern or
 * the store would refuse is said under the rows as it is typed, and Save
 * waits until there is nothing to say. The store checks once more when
 * it saves; the editor holds no state of its own beyond its rows.
 */

enum {
  UNIT_BREATHS,
  UNIT_MINUTES,
};

struct _BbPresetEditor
{
  AdwWindow       parent_instance;

  /* Template children */
  AdwEntryRow    *name_row;
  AdwComboRow    *position_row;
  GtkSpinButton  *inhale_spin;
  GtkSpinButton  *hold_in_spin;
  GtkSpinButton  *exhale_spin;
  GtkSpinButton  *hold_out_spin;
  AdwComboRow    *unit_row;
  GtkSpinButton  *length_spin;
  GtkLabel       *message_label;
  GtkLabel       *summary_label;
  GtkLabel       *command_label;
  GtkWidget      *name_group;

  /* Owned */
  BbPresetStore  *store;
  char           *id;
  gboolean        name_edited;
};

G_DEFINE_FINAL_TYPE (BbPresetEditor, bb_preset_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
spin_ms (GtkSpinButton *spin)
{
  double seconds = gtk_spin_button_get_value (spin);

  return seconds <= 0 ? 0 : (guint) (seconds * 1000 + 0.5);
}

/* What the rows say, as a preset; the name is borrowed from the row. */
static void
read_rows (BbPresetEditor *self,
           BbPreset       *preset)
{
  guint n_positions;
  const BbPosition *positions = bb_catalog_get_positions (&n_positions);
  guint position = adw_combo_row_get_selected (self->position_row);
  guint length = (guint) gtk_spin_button_get_value_as_int (self->length_spin);

  memset (preset, 0, sizeof *preset);
  preset->id = self->id;
  preset->name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  preset->position_id = position < n_positions ? positions[position].id : NULL;
  preset->pattern.inhale_ms = spin_ms (self->inhale_spin);
  preset->pattern.hold_in_ms = spin_ms (self->hold_in_spin);
  preset->pattern.exhale_ms = spin_ms (self->exhale_spin);
  preset->pattern.hold_out_ms = spin_ms (self->hold_out_spin);
  if (adw_combo_row_get_selected (self->unit_row) == UNIT_MINUTES)
    preset->duration_s = length * 60;
  else
    preset->n_breaths = length;
}

static void
validate (BbPresetEditor *self)
{
  g_autoptr(GError) error = NULL;
  BbPreset preset;
  gboolean valid, shown_valid;

  read_rows (self, &preset);
  valid = bb_preset_validate_own (&preset, &error);
  shown_valid = valid;

  /* A new session's empty name is not a mistake yet: until a name has
   * been typed, only the other rows' problems are said. */
  if (preset.name[0] != '\0')
    self->name_edited = TRUE;
  if (!valid && !self->name_edited &&
      g_error_matches (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_NAME))
    {
      BbPreset named = preset;

      named.name = "-";
      g_clear_error (&error);
      shown_valid = bb_preset_validate_own (&named, &error);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->length_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  preset.duration_s != 0 ? _("Length in minutes") : _("Length in breaths"),
                                  -1);

  gtk_label_set_label (self->message_label, shown_valid ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), !shown_valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);

  /* The entry row shows where the trouble is, as GNOME's own forms do. */
  if (!shown_valid && g_error_matches (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_NAME))
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  if (valid)
    {
      g_autofree char *pattern = bb_pattern_to_string (&preset.pattern);
      gint64 length = (gint64) bb_pattern_get_cycle_ms (&preset.pattern) * bb_preset_get_n_breaths (&preset) * 1000;
      g_autofree char *time = bb_format_clock (length);
      /* Translators: a breath pattern and a session's length, as "4 s in · 6 s out · 2:00" */
      g_autofree char *summary = g_strdup_printf (_("%s · %s"), pattern, time);

      gtk_label_set_label (self->summary_label, summary);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), valid);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbPresetEditor *self = BB_PRESET_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  BbPreset preset;

  read_rows (self, &preset);
  if (self->id != NULL)
    {
      if (!bb_preset_store_update (self->store, self->id, &preset, &error))
        goto failed;
    }
  else
    {
      self->id = bb_preset_store_add (self->store, &preset, &error);
      if (self->id == NULL)
        goto failed;
    }

  g_signal_emit (self, signals[SAVED], 0, self->id);
  gtk_window_close (GTK_WINDOW (self));
  return;

failed:
  gtk_label_set_label (self->message_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

static void
name_activated_cb (BbPresetEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
fill (BbPresetEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_positions;
  const BbPosition *positions = bb_catalog_get_positions (&n_positions);
  const BbPreset *preset = self->id != NULL ? bb_preset_store_lookup (self->store, self->id) : NULL;

  for (guint i = 0; i < n_positions; i++)
    gtk_string_list_append (names, bb_catalog_gettext (positions[i].name));
  adw_combo_row_set_model (self->position_row, G_LIST_MODEL (names));

  if (preset == NULL || !bb_preset_is_own (preset))
    {
      g_clear_pointer (&self->id, g_free);
      gtk_window_set_title (GTK_WINDOW (self), _("New Session"));
      /* Seated: the position most people can take right now. */
      for (guint i = 0; i < n_positions; i++)
        if (g_str_equal (positions[i].id, "seated"))
          adw_combo_row_set_selected (self->position_row, i);
      validate (self);
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Session"));
  {
    g_autofree char *command = g_strdup_printf ("backbreath --start %s", self->id);
    /* Translators: %s is a command, as "backbreath --start own-1a2b3c4d" */
    g_autofree char *text = g_strdup_printf (_("To start it from a terminal: %s"), command);

    gtk_label_set_label (self->command_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->command_label), TRUE);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), preset->name);
  for (guint i = 0; i < n_positions; i++)
    if (g_str_equal (positions[i].id, preset->position_id))
      adw_combo_row_set_selected (self->position_row, i);
  gtk_spin_button_set_value (self->inhale_spin, preset->pattern.inhale_ms / 1000.0);
  gtk_spin_button_set_value (self->hold_in_spin, preset->pattern.hold_in_ms / 1000.0);
  gtk_spin_button_set_value (self->exhale_spin, preset->pattern.exhale_ms / 1000.0);
  gtk_spin_button_set_value (self->hold_out_spin, preset->pattern.hold_out_ms / 1000.0);
  if (preset->duration_s != 0)
    {
      adw_combo_row_set_selected (self->unit_row, UNIT_MINUTES);
      gtk_spin_button_set_value (self->length_spin, preset->duration_s / 60);
    }
  else
    {
      adw_combo_row_set_selected (self->unit_row, UNIT_BREATHS);
      gtk_spin_button_set_value (self->length_spin, preset->n_breaths);
    }
  validate (self);
}

static void
bb_preset_editor_dispose (GObject *object)
{
  BbPresetEditor *self = (BbPresetEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PRESET_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_preset_editor_parent_class)->dispose (object);
}

static void
bb_preset_editor_finalize (GObject *object)
{
  BbPresetEditor *self = (BbPresetEditor *)object;

  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (bb_preset_editor_parent_class)->finalize (object);
}

static void
bb_preset_editor_class_init (BbPresetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_preset_editor_dispose;
  object_class->finalize = bb_preset_editor_finalize;

  /**
   * BbPresetEditor::saved:
   * @id: the saved preset's id
   *
   * The preset is in the store; the editor closes next.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-preset-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, position_row);
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, inhale_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, hold_in_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, exhale_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, hold_out_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, length_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, command_label);
  gtk_widget_class_bind_template_child (widget_class, BbPresetEditor, name_group);
  /* For tests: */
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
}

static void
bb_preset_editor_init (BbPresetEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  bb_a11y_name_list (self->name_group, _("Name and Position"));
  bb_a11y_name_combo_row (self->position_row);
  bb_a11y_name_combo_row (self->unit_row);
  bb_a11y_name_spin_button (GTK_WIDGET (self->inhale_spin));
  bb_a11y_name_spin_button (GTK_WIDGET (self->hold_in_spin));
  bb_a11y_name_spin_button (GTK_WIDGET (self->exhale_spin));
  bb_a11y_name_spin_button (GTK_WIDGET (self->hold_out_spin));
  bb_a11y_name_spin_button (GTK_WIDGET (self->length_spin));
}

/**
 * bb_preset_editor_new:
 * @store: where the preset is kept
 * @id: (nullable): an own preset to change, or %NULL for a new one
 *
 * Returns: (transfer floating): the editor, to be made transient and shown
 */
GtkWidget *
bb_preset_editor_new (BbPresetStore *store,
                      const char    *id)
{
  BbPresetEditor *self;

  g_return_val_if_fail (BB_IS_PRESET_STORE (store), NULL);

  self = g_object_new (BB_TYPE_PRESET_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->id = g_strdup (id);
  fill (self);

  return GTK_WIDGET (self);
}

/**
 * bb_preset_editor_get_id:
 *
 * Returns: (nullable): the id of the preset edited, or of the one
 *   saved; %NULL while a new one is not saved yet
 */
const char *
bb_preset_editor_get_id (BbPresetEditor *self)
{
  g_return_val_if_fail (BB_IS_PRESET_EDITOR (self), NULL);

  return self->id;
}
