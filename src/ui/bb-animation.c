/* bb-animation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-animation.h"

/*
 * Widgets that move with a session tick only while it runs, while they
 * are on screen, and while the user allows animations.
 */

/**
 * bb_animation_enabled:
 *
 * Returns: %FALSE when the user asked for reduced motion
 */
gboolean
bb_animation_enabled (GtkWidget *widget)
{
  gboolean enabled = TRUE;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), TRUE);

  g_object_get (gtk_widget_get_settings (widget),
                "gtk-enable-animations", &enabled,
                NULL);

  return enabled;
}

/**
 * bb_animation_follow:
 * @tick_id: (inout): the widget's tick callback id, 0 for none
 * @running: whether the session runs
 *
 * Adds @callback as the tick callback of @widget, or removes it, so that
 * it exists exactly while @running, mapped and animations are enabled.
 */
void
bb_animation_follow (GtkWidget       *widget,
                     guint           *tick_id,
                     gboolean         running,
                     GtkTickCallback  callback)
{
  gboolean want;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (tick_id != NULL);

  want = running && gtk_widget_get_mapped (widget) && bb_animation_enabled (widget);

  if (want && *tick_id == 0)
    *tick_id = gtk_widget_add_tick_callback (widget, callback, NULL, NULL);
  else if (!want && *tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, *tick_id);
      *tick_id = 0;
    }
}
