/* bb-a11y.c
 *
 * What screen readers need that GTK 4.8 does not do by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

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
