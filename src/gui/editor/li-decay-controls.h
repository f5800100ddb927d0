/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-rules.h"

G_BEGIN_DECLS

/* The decay override controls of intent and pattern rows: a combo (global,
 * none, exponential, window, linear) and a days row with a spin button,
 * shown for the models that have days.  Plain functions over the three
 * widgets, which the rows own. */

/* Shows @decay (@has_decay FALSE: the global decay); @full as in
 * li_editor_spin_sync. */
void        li_decay_controls_sync       (AdwComboRow   *combo,
                                          AdwActionRow  *days_row,
                                          GtkSpinButton *days_spin,
                                          gboolean       has_decay,
                                          const LiDecay *decay,
                                          gboolean       full);
/* Reads the chosen decay into @decay; FALSE (and @decay untouched) when the
 * global decay is chosen. */
gboolean    li_decay_controls_read       (AdwComboRow   *combo,
                                          GtkSpinButton *days_spin,
                                          LiDecay       *decay);
/* After the user changed the combo: shows the days row that fits the chosen
 * model, leaving the values alone. */
void        li_decay_controls_follow     (AdwComboRow   *combo,
                                          AdwActionRow  *days_row,
                                          GtkSpinButton *days_spin);
/* The title of the days row: "Half-life (days)" … */
const char *li_decay_controls_days_title (LiDecayModel model);

G_END_DECLS
