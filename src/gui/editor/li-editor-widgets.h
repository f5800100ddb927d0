/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Small widget helpers shared by the rule editor and its rows.  Not a
 * class: plain functions over GTK objects.  They hold no translatable text:
 * the callers pass their own strings. */

/* Spin buttons of the editor: numeric style, value shown in its shortest
 * form (at least @digits decimals when exact), so that focusing out never
 * rounds a value read from a file; without the focus, the scroll wheel
 * scrolls the page instead of changing the value. */
void        li_editor_spin_button_setup    (GtkSpinButton *spin);

/* What a spin button holds, for its range: the limits of the rule format
 * (docs/rules-format.md, "Limits"), so that every value a file may hold is
 * shown and nudged as it is, never clamped to a narrower range. */
typedef enum
{
  LI_SPIN_POINTS,   /* points, min_score, min_intent, min_fit: |x| ≤ 1e9 */
  LI_SPIN_CAP,      /* max_points: 0 (none) to 1e9 */
  LI_SPIN_DAYS,     /* windows, half-lives, decays: > 0 to 36 500 */
  LI_SPIN_HOURS,    /* within_hours: > 0 to 876 000 */
  LI_SPIN_COUNT,    /* min_count, min_distinct, min_days: 1 to 1 000 000 */
  LI_SPIN_MINUTES,  /* follow_up_minutes: 0 to 52 560 000 */
} LiSpinLimits;

void        li_editor_spin_button_set_limits (GtkSpinButton *spin,
                                              LiSpinLimits   limits);

/* Row updates.  @full (a new rule set from outside) sets the control to the
 * model value; otherwise (after the user's own edit) only the remembered
 * model value changes, so a half-typed entry ("US, ") is left alone.  An
 * entry is only reset when its model value really changed. */
void        li_editor_spin_sync            (GtkSpinButton *spin,
                                            double         value,
                                            gboolean       full);
void        li_editor_editable_sync        (GtkEditable *editable,
                                            const char  *model_text,
                                            gboolean     full);

/* Sets the accessible name of @widget from a printf-style @format. */
void        li_editor_set_accessible_label (GtkWidget  *widget,
                                            const char *format,
                                            ...) G_GNUC_PRINTF (2, 3);
/* Adds or removes the "error" style class. */
void        li_editor_set_error            (GtkWidget *widget,
                                            gboolean   error);

/* Sets @menu (may be NULL) on @button, which is only sensitive when the menu
 * has items. */
void        li_editor_menu_button_set_menu (GtkMenuButton *button,
                                            GMenuModel    *menu);
/* A GMenu of @items (may be NULL) whose entries activate @action with the
 * item as string target. */
GMenuModel *li_editor_string_menu_new      (const char * const *items,
                                            const char         *action);

/* Scrolls the nearest scrolled window so that @widget is in view, once it
 * has its size (a row just added or expanded has none yet). */
void        li_editor_scroll_into_view     (GtkWidget     *widget);

G_END_DECLS
