/* bb-a11y.c
 *
 * What screen readers need that GTK 4.8 does not do by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bb-a11y.h"

/*
 * GTK 4.8 shows a screen reader every page of a stack, the covered ones
 * too, each marked visible: reading the window reads pages the user
 * cannot see. The page shown is the only one left presented; the others
 * are marked hidden until they are shown.
 */

static GtkWidget *
visible_child (GtkWidget *stack)
{
  if (ADW_IS_VIEW_STACK (stack))
    return adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack));

  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static void
update_pages (GtkWidget *stack)
{
  GtkWidget *shown = visible_child (stack);
  g_autoptr(GtkSelectionModel) pages = NULL;
  guint n;

  if (ADW_IS_VIEW_STACK (stack))
    pages = adw_view_stack_get_pages (ADW_VIEW_STACK (stack));
  else
    pages = gtk_stack_get_pages (GTK_STACK (stack));

  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child;
      gboolean hidden;

      if (ADW_IS_VIEW_STACK_PAGE (page))
        child = adw_view_stack_page_get_child (ADW_VIEW_STACK_PAGE (page));
      else
        child = gtk_stack_page_get_child (GTK_STACK_PAGE (page));

      hidden = child != shown;
      if (GTK_IS_ACCESSIBLE (page))
        gtk_accessible_update_state (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_STATE_HIDDEN, hidden, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, hidden, -1);
    }
}

/**
 * bb_a11y_hide_covered_pages:
 * @stack: a #GtkStack or an #AdwViewStack
 *
 * Keeps the pages of @stack that are not shown hidden from screen
 * readers, from now on. Call it once all pages are added.
 */
void
bb_a11y_hide_covered_pages (GtkWidget *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack) || ADW_IS_VIEW_STACK (stack));

  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (update_pages), NULL);
  update_pages (stack);
}

/*
 * GTK 4.8 names a button with a mnemonic after its label twice over,
 * the underline kept: "_Start Start", as it reads both the button's
 * label and the label that the button is labelled by. The button gets
 * its label without the underline as its name, and the relation goes,
 * kept in step with the label.
 */

static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          p++;
          if (*p == '\0')
            break;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
update_button_name (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *name = NULL;

  if (label == NULL || *label == '\0' || gtk_button_get_icon_name (button) != NULL)
    return;

  name = gtk_button_get_use_underline (button) ? strip_mnemonic (label) : g_strdup (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* Calls @visit on @widget and on every widget below it. */
static void
for_each_widget (GtkWidget  *widget,
                 void      (*visit) (GtkWidget *widget))
{
  visit (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for_each_widget (child, visit);
}

static void
name_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget) &&
      gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      g_object_get_data (G_OBJECT (widget), "bb-a11y-named") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "bb-a11y-named", GINT_TO_POINTER (1));
      g_signal_connect (widget, "notify::label", G_CALLBACK (update_button_name), NULL);
      update_button_name (GTK_BUTTON (widget));
    }
}

/**
 * bb_a11y_name_mnemonic_buttons:
 * @widget: a widget
 *
 * Names every button with a mnemonic in @widget (itself included) after
 * its label without the underline, so that a screen reader says it
 * once. Call it once the widget's children are built; buttons added
 * later need a call of their own.
 */
void
bb_a11y_name_mnemonic_buttons (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for_each_widget (widget, name_button);
}

/*
 * libadwaita 1.2's combo row shows its value in a list of one item, which
 * GTK 4.8 presents as a list with an unnamed item inside the combo box.
 * That list is kept from screen readers; the combo box itself says its
 * value, as its description.
 */

static void
hide_value_lists (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_LIST_VIEW (child))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      else
        hide_value_lists (child);
    }
}

static void
update_combo_value (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);
  const char *value = GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : "";

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value,
                                  -1);
}

/**
 * bb_a11y_name_combo_row:
 * @row: a combo row with a #GtkStringList
 *
 * Makes @row say its value once, as its description, from now on.
 */
void
bb_a11y_name_combo_row (AdwComboRow *row)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  hide_value_lists (GTK_WIDGET (row));
  g_signal_connect (row, "notify::selected-item", G_CALLBACK (update_combo_value), NULL);
  update_combo_value (row);
}

/**
 * bb_a11y_name_spin_button:
 * @spin: a spin button or switch that has an accessible label of its own
 *
 * GTK 4.8 reads both the label of a row's control and the row's title
 * that it is labelled by ("Length in breaths Length"): the relation goes.
 */
void
bb_a11y_name_spin_button (GtkWidget *spin)
{
  g_return_if_fail (GTK_IS_WIDGET (spin));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static GtkWidget *
find_list_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX (child))
        return child;
      found = find_list_box (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * bb_a11y_name_list:
 * @widget: a preferences group without a title, or an expander row
 * @name: what its list is called
 *
 * Names the list inside @widget, which GTK 4.8 would name by its type
 * ("GtkListBox"), and an expander row itself, which it would leave
 * without a name.
 */
void
bb_a11y_name_list (GtkWidget  *widget,
                   const char *name)
{
  GtkWidget *list;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  list = find_list_box (widget);
  if (list != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (GTK_IS_LIST_BOX_ROW (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
name_toast_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    {
      const char *icon = gtk_button_get_icon_name (GTK_BUTTON (widget));

      if (gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
        update_button_name (GTK_BUTTON (widget));
      else if (g_strcmp0 (icon, "window-close-symbolic") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss"),
                                        -1);
    }
}

/**
 * bb_a11y_name_toast_buttons:
 * @overlay: a toast overlay
 *
 * Names the buttons of the toasts @overlay shows now: libadwaita 1.2
 * leaves the dismiss button without a name, and GTK 4.8 reads the
 * other one twice ("Resume Resume"). Call it after adding a toast.
 */
void
bb_a11y_name_toast_buttons (AdwToastOverlay *overlay)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  /* The overlay's own child is the page, not a toast. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != adw_toast_overlay_get_child (overlay))
      for_each_widget (child, name_toast_button);
}

static GtkWidget *
find_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child))
        return child;
      found = find_row (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
name_dialog_part (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    {
      GtkWidget *row = find_row (widget);

      if (row != NULL)
        {
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
          g_autofree char *name = adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row))
                                  ? strip_mnemonic (title) : g_strdup (title);

          gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          -1);
        }
    }
  else if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "app-version") &&
           GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      const char *version = gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget))));
      /* Translators: the accessible name of the button that shows the
       * app's version in the About window; %s is a version such as 0.2 */
      g_autofree char *name = g_strdup_printf (_("Version %s"), version);

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else if (GTK_IS_BUTTON (widget) &&
           (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "edit-find-symbolic") == 0 ||
            (GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))) &&
             g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (gtk_button_get_child (GTK_BUTTON (widget)))),
                        "edit-find-symbolic") == 0)))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
    }
}

/**
 * bb_a11y_name_dialog:
 * @window: the About window or the keyboard shortcuts window
 *
 * Names what libadwaita 1.2 and GTK 4.8 leave unnamed or name by type in
 * their own dialogs: the About window's lists (after their first row)
 * and version button, the shortcuts window's search button.
 */
void
bb_a11y_name_dialog (GtkWidget *window)
{
  g_return_if_fail (GTK_IS_WIDGET (window));

  for_each_widget (window, name_dialog_part);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window) &&
          g_object_get_data (window, "bb-a11y-named") == NULL)
        {
          g_object_set_data (window, "bb-a11y-named", GINT_TO_POINTER (1));
          bb_a11y_name_dialog (GTK_WIDGET (window));
        }
    }
}

/**
 * bb_a11y_follow_shortcuts_windows:
 *
 * Names the parts of every keyboard shortcuts window from now on, as
 * GTK builds them (see bb_a11y_name_dialog()). Calls after the first do
 * nothing.
 */
void
bb_a11y_follow_shortcuts_windows (void)
{
  static gboolean following;
  GListModel *toplevels;

  if (following)
    return;

  following = TRUE;
  toplevels = gtk_window_get_toplevels ();
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels));
}
