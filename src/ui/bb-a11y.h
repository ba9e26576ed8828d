/* bb-a11y.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bb_a11y_hide_covered_pages    (GtkWidget *stack);
void bb_a11y_name_mnemonic_buttons (GtkWidget *widget);

G_END_DECLS
