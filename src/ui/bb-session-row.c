/* bb-session-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-a11y.h"
#include "bb-session-row.h"

/*
 * One session in the history's lists: the day's heading above the
 * first session of each day, then what, when and how long, and a
 * button that deletes it through the page's `history.delete` action.
 * A binding group follows the item, so a recycled row is one call.
 */

struct _BbSessionRow
{
  GtkWidget      parent_instance;

  /* Template children */
  GtkLabel      *day_label;
  GtkWidget     *card;  /* bound so that the template disposes it */
  GtkLabel      *title_label;
  GtkLabel      *details_label;
  GtkButton     *delete_button;

  /* Owned */
  GBindingGroup *bindings;
  BbSessionItem *item;

  /* Plain state */
  gboolean       show_days;
};

G_DEFINE_FINAL_TYPE (BbSessionRow, bb_session_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SHOW_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
delete_clicked_cb (BbSessionRow *self)
{
  if (self->item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "history.delete", "x",
                                bb_session_item_get_id (self->item));
}

static void
update (BbSessionRow *self)
{
  g_autofree char *delete_label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->day_label),
                          self->show_days && self->item != NULL &&
                          bb_session_item_get_first_of_day (self->item));
  if (self->item == NULL)
    return;

  /* Without day headings, each row says its day. */
  if (self->show_days)
    gtk_label_set_label (self->details_label, bb_session_item_get_details (self->item));
  else
    {
      /* Translators: a session's day and details in the short list of
       * recent sessions, as in "Yesterday · 14:05 · 2 min · 12 breaths" */
      g_autofree char *details = g_strdup_printf (_("%s · %s"), bb_session_item_get_day_text (self->item),
                                                  bb_session_item_get_details (self->item));

      gtk_label_set_label (self->details_label, details);
    }

  /* The list's row reads the whole session; the button says which
   * session it deletes. */
  /* Translators: the accessible name of a session's delete button,
   * %s is the session as a screen reader reads it */
  delete_label = g_strdup_printf (_("Delete: %s"), bb_session_item_get_label (self->item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label,
                                  -1);
}

static void
bb_session_row_dispose (GObject *object)
{
  BbSessionRow *self = (BbSessionRow *)object;

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_SESSION_ROW);

  g_clear_object (&self->bindings);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (bb_session_row_parent_class)->dispose (object);
}

static void
bb_session_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbSessionRow *self = BB_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_SHOW_DAYS:
      g_value_set_boolean (value, self->show_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_session_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbSessionRow *self = BB_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      bb_session_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_SHOW_DAYS:
      self->show_days = g_value_get_boolean (value);
      update (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_session_row_class_init (BbSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_session_row_dispose;
  object_class->get_property = bb_session_row_get_property;
  object_class->set_property = bb_session_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         BB_TYPE_SESSION_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_DAYS] =
    g_param_spec_boolean ("show-days", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BbSessionRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, BbSessionRow, card);
  gtk_widget_class_bind_template_child (widget_class, BbSessionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BbSessionRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, BbSessionRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sessionrow");
}

static void
bb_session_row_init (BbSessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "day-text", self->day_label, "label", G_BINDING_SYNC_CREATE);
}

GtkWidget *
bb_session_row_new (gboolean show_days)
{
  return g_object_new (BB_TYPE_SESSION_ROW, "show-days", show_days, NULL);
}

BbSessionItem *
bb_session_row_get_item (BbSessionRow *self)
{
  g_return_val_if_fail (BB_IS_SESSION_ROW (self), NULL);

  return self->item;
}

void
bb_session_row_set_item (BbSessionRow  *self,
                         BbSessionItem *item)
{
  g_return_if_fail (BB_IS_SESSION_ROW (self));
  g_return_if_fail (item == NULL || BB_IS_SESSION_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  g_binding_group_set_source (self->bindings, item);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
