/* bb-preset-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-preset-row.h"

/*
 * One session in the practice page's lists: a radio button, the
 * session's name (the row's title) and what it is, and room at the end
 * for buttons such as edit and delete. It looks and acts like an
 * AdwActionRow whose activatable widget is the radio button: activating
 * the row chooses its session.
 *
 * Its own widget rather than an AdwActionRow, whose title and subtitle
 * sit in boxes: GTK 4.8's box measures every wrapping label in it for
 * its width at the box's height when it is allocated, a search over
 * widths that lays the text out a dozen times or more. With seven
 * sessions in the first frame, that was an eighth of the work of
 * starting the app.
 */

struct _BbPresetRow
{
  AdwPreferencesRow  parent_instance;

  /* Template children */
  GtkWidget         *check;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkWidget         *suffixes;

  /* The list whose activations are ours; not owned. */
  GtkWidget         *list;
};

G_DEFINE_FINAL_TYPE (BbPresetRow, bb_preset_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_PRESET_ID,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
row_activated_cb (BbPresetRow   *self,
                  GtkListBoxRow *row)
{
  if (row == GTK_LIST_BOX_ROW (self))
    gtk_widget_activate (self->check);
}

static void
parent_cb (BbPresetRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, row_activated_cb, self);
  self->list = NULL;

  if (GTK_IS_LIST_BOX (parent))
    {
      self->list = parent;
      g_signal_connect_swapped (parent, "row-activated", G_CALLBACK (row_activated_cb), self);
    }
}

static void
update_check_name (BbPresetRow *self)
{
  const char *subtitle = gtk_label_get_label (self->subtitle_label);

  /* GTK 4.8 reads both the name and the labels it is labelled by: the
   * button says the title and what the session is, each once. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static void
bb_preset_row_dispose (GObject *object)
{
  BbPresetRow *self = (BbPresetRow *)object;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, row_activated_cb, self);
  self->list = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PRESET_ROW);

  G_OBJECT_CLASS (bb_preset_row_parent_class)->dispose (object);
}

static void
bb_preset_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BbPresetRow *self = BB_PRESET_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, bb_preset_row_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_preset_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BbPresetRow *self = BB_PRESET_ROW (object);

  switch (prop_id)
    {
    case PROP_PRESET_ID:
      /* The row chooses its session in the application's radio group. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->check), "s", g_value_get_string (value));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->check), "app.last-preset");
      break;

    case PROP_SUBTITLE:
      bb_preset_row_set_subtitle (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_preset_row_class_init (BbPresetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_preset_row_dispose;
  object_class->get_property = bb_preset_row_get_property;
  object_class->set_property = bb_preset_row_set_property;

  properties[PROP_PRESET_ID] =
    g_param_spec_string ("preset-id", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-preset-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BbPresetRow, check);
  gtk_widget_class_bind_template_child (widget_class, BbPresetRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BbPresetRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BbPresetRow, suffixes);
}

static void
bb_preset_row_init (BbPresetRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "preset-row");

  /* The user's own names are shown as typed, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  /* The row reads as its title, then what it is, as an action row does. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle_label, NULL,
                                  -1);

  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_cb), NULL);
  g_signal_connect (self, "notify::title", G_CALLBACK (update_check_name), NULL);
}

/**
 * bb_preset_row_new:
 * @preset_id: the session the row chooses
 *
 * Returns: (transfer floating): a row for the session @preset_id
 */
GtkWidget *
bb_preset_row_new (const char *preset_id)
{
  g_return_val_if_fail (preset_id != NULL, NULL);

  return g_object_new (BB_TYPE_PRESET_ROW, "preset-id", preset_id, NULL);
}

const char *
bb_preset_row_get_subtitle (BbPresetRow *self)
{
  g_return_val_if_fail (BB_IS_PRESET_ROW (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

void
bb_preset_row_set_subtitle (BbPresetRow *self,
                            const char  *subtitle)
{
  g_return_if_fail (BB_IS_PRESET_ROW (self));

  if (g_strcmp0 (subtitle, bb_preset_row_get_subtitle (self)) == 0)
    return;

  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');
  update_check_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/**
 * bb_preset_row_add_suffix:
 * @widget: a widget to show at the row's end, such as a button
 */
void
bb_preset_row_add_suffix (BbPresetRow *self,
                          GtkWidget   *widget)
{
  g_return_if_fail (BB_IS_PRESET_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->suffixes), widget);
  gtk_widget_set_visible (self->suffixes, TRUE);
}
