/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Small widget helpers shared by the rule editor's rows.  They hold no
 * translatable text: the callers pass their own strings. */

/* Shows @title on @row when it differs from *@shown (kept in *@shown, owned).
 * Returns TRUE when it changed: the caller then renames the row's controls. */
gboolean _li_row_set_shown_title         (AdwPreferencesRow *row,
                                          char             **shown,
                                          const char        *title);
/* Sets the accessible name of @widget from a printf-style @format. */
void     _li_widget_set_accessible_label (GtkWidget         *widget,
                                          const char        *format,
                                          ...) G_GNUC_PRINTF (2, 3);
/* Adds or removes the "error" style class. */
void     _li_widget_set_error            (GtkWidget         *widget,
                                          gboolean           error);
/* Sets @menu (may be NULL) on @button, which is only sensitive when the menu
 * has items. */
void     _li_menu_button_set_menu        (GtkMenuButton     *button,
                                          GMenuModel        *menu);
/* After the user changed a decay override: shows the days row that fits the
 * chosen model (see _li_decay_controls_sync), leaving the values alone. */
void     _li_decay_controls_follow       (AdwComboRow       *combo,
                                          AdwActionRow      *days_row,
                                          GtkSpinButton     *days_spin);

G_END_DECLS
