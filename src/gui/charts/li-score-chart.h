/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "li-rules.h"
#include "li-score-curve.h"

G_BEGIN_DECLS

#define LI_TYPE_SCORE_CHART (li_score_chart_get_type ())
G_DECLARE_FINAL_TYPE (LiScoreChart, li_score_chart, LI, SCORE_CHART, GtkWidget)

/* A lead's score over time (an LiScoreCurve): the curve with a dot at each
 * journey event, the stages' score bands behind it, a line where each stage
 * was first reached and one at the purchase.  Its accessible label says the
 * same in words. */
GtkWidget  *li_score_chart_new        (void);
/* Copies what it draws; NULL @curve empties the chart.  @rules gives the
 * stage names and min_score bands. */
void        li_score_chart_set_curve  (LiScoreChart       *self,
                                       const LiScoreCurve *curve,
                                       const LiRules      *rules);
/* For tests: the points drawn, and the description read to screen readers. */
guint       li_score_chart_get_n_points    (LiScoreChart *self);
const char *li_score_chart_get_description (LiScoreChart *self);

G_END_DECLS
