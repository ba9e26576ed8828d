/* bb-tension-scale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-history.h"
#include "bb-tension-scale.h"

/*
 * Neck and shoulder tension, one tap: a row of linked buttons 1 to
 * BB_TENSION_MAX over the words for both ends, "At ease" and "Very
 * tense". Each button's accessible name says its end too, so a screen
 * reader user knows which way the scale runs. The value is 0 until a
 * button is pressed.
 */

struct _BbTensionScale
{
  GtkWidget  parent_instance;

  /* Children */
  GtkWidget *buttons[BB_TENSION_MAX + 1];  /* from 1 */

  guint      value;
  gboolean   updating;
};

G_DEFINE_FINAL_TYPE (BbTensionScale, bb_tension_scale, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toggled_cb (GtkToggleButton *button,
            BbTensionScale  *self)
{
  guint value = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bb-value"));

  if (self->updating)
    return;

  if (gtk_toggle_button_get_active (button))
    bb_tension_scale_set_value (self, value);
  else if (self->value == value)
    bb_tension_scale_set_value (self, 0);
}

static char *
describe (guint value)
{
  if (value == 1)
    /* Translators: the accessible name of the first button of the tension scale */
    return g_strdup (_("1, at ease"));
  if (value == BB_TENSION_MAX)
    /* Translators: the accessible name of the last button of the tension scale; %u is 5 */
    return g_strdup_printf (_("%u, very tense"), value);

  /* Translators: a button of the tension scale between 1 (at ease) and 5 (very tense) */
  return g_strdup_printf (_("%u of %u"), value, BB_TENSION_MAX);
}

static void
bb_tension_scale_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bb_tension_scale_parent_class)->dispose (object);
}

static void
bb_tension_scale_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BbTensionScale *self = BB_TENSION_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_uint (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_tension_scale_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BbTensionScale *self = BB_TENSION_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      bb_tension_scale_set_value (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_tension_scale_class_init (BbTensionScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_tension_scale_dispose;
  object_class->get_property = bb_tension_scale_get_property;
  object_class->set_property = bb_tension_scale_set_property;

  properties[PROP_VALUE] =
    g_param_spec_uint ("value", NULL, NULL,
                       0, BB_TENSION_MAX, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tension-scale");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bb_tension_scale_init (BbTensionScale *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *ends = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *low = gtk_label_new (_("At ease"));
  GtkWidget *high = gtk_label_new (_("Very tense"));
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 4);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  gtk_widget_add_css_class (buttons, "linked");
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);

  for (guint i = 1; i <= BB_TENSION_MAX; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i);
      g_autofree char *name = describe (i);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "bb-value", GUINT_TO_POINTER (i));
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_add_css_class (button, "tension-button");
      g_signal_connect_object (button, "toggled", G_CALLBACK (toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (buttons), button);
      self->buttons[i] = button;
    }

  /* The words for both ends, under the first and the last button. */
  gtk_label_set_xalign (GTK_LABEL (low), 0);
  gtk_label_set_xalign (GTK_LABEL (high), 1);
  gtk_widget_set_hexpand (low, TRUE);
  gtk_widget_add_css_class (low, "caption");
  gtk_widget_add_css_class (low, "dim-label");
  gtk_widget_add_css_class (high, "caption");
  gtk_widget_add_css_class (high, "dim-label");
  gtk_box_append (GTK_BOX (ends), low);
  gtk_box_append (GTK_BOX (ends), high);

  gtk_widget_set_parent (buttons, GTK_WIDGET (self));
  gtk_widget_set_parent (ends, GTK_WIDGET (self));
}

GtkWidget *
bb_tension_scale_new (void)
{
  return g_object_new (BB_TYPE_TENSION_SCALE, NULL);
}

/**
 * bb_tension_scale_get_value:
 *
 * Returns: 1 (at ease) to %BB_TENSION_MAX (very tense), or 0 unanswered
 */
guint
bb_tension_scale_get_value (BbTensionScale *self)
{
  g_return_val_if_fail (BB_IS_TENSION_SCALE (self), 0);

  return self->value;
}

void
bb_tension_scale_set_value (BbTensionScale *self,
                            guint           value)
{
  g_return_if_fail (BB_IS_TENSION_SCALE (self));
  g_return_if_fail (value <= BB_TENSION_MAX);

  if (self->value == value)
    return;

  self->value = value;
  self->updating = TRUE;
  for (guint i = 1; i <= BB_TENSION_MAX; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[i]), i == value);
  self->updating = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/**
 * bb_tension_scale_get_button:
 * @value: 1 to %BB_TENSION_MAX
 *
 * Returns: (transfer none): the button for @value, for tests
 */
GtkWidget *
bb_tension_scale_get_button (BbTensionScale *self,
                             guint           value)
{
  g_return_val_if_fail (BB_IS_TENSION_SCALE (self), NULL);
  g_return_val_if_fail (value >= 1 && value <= BB_TENSION_MAX, NULL);

  return self->buttons[value];
}
