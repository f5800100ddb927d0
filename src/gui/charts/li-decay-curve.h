/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_DECAY_CURVE (li_decay_curve_get_type ())
G_DECLARE_FINAL_TYPE (LiDecayCurve, li_decay_curve, LI, DECAY_CURVE, GtkWidget)

/* A small chart of how much one point is worth as it ages (0 to 30 days),
 * with marks at 1, 7 and 30 days.  Colours come from the theme. */
GtkWidget *li_decay_curve_new       (void);
void       li_decay_curve_set_decay (LiDecayCurve  *self,
                                     const LiDecay *decay);
/* The factor the curve shows after @days (what the marks read). */
double     li_decay_curve_get_value (LiDecayCurve  *self,
                                     double         days);
/* The end of the time axis, in days (the last of li_decay_preview_marks). */
double     li_decay_curve_get_span  (LiDecayCurve  *self);

G_END_DECLS
