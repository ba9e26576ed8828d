/* bb-welcome-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BB_TYPE_WELCOME_WINDOW (bb_welcome_window_get_type ())

G_DECLARE_FINAL_TYPE (BbWelcomeWindow, bb_welcome_window, BB, WELCOME_WINDOW, AdwWindow)

GtkWidget *bb_welcome_window_new (GtkWindow *parent,
                                  GSettings *settings);

G_END_DECLS
