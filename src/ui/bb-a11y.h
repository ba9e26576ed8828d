/* bb-a11y.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void bb_a11y_hide_covered_pages       (GtkWidget       *stack);
void bb_a11y_name_mnemonic_buttons    (GtkWidget       *widget);
void bb_a11y_name_combo_row           (AdwComboRow     *row);
void bb_a11y_name_spin_button         (GtkWidget       *spin);
void bb_a11y_name_list                (GtkWidget       *widget,
                                       const char      *name);
void bb_a11y_name_dialog              (GtkWidget       *window);
void bb_a11y_follow_shortcuts_windows (void);
void bb_a11y_name_toast_buttons       (AdwToastOverlay *overlay);

G_END_DECLS
