/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_HISTOGRAM (li_histogram_get_type ())
G_DECLARE_FINAL_TYPE (LiHistogram, li_histogram, LI, HISTOGRAM, GtkWidget)

/* Histogram of peak scores: one stacked bar per bin (converters at the
 * bottom, non-converters on top), the conversion rate of each bin as a line
 * on a second axis, and each stage with a minimum score as a vertical line
 * that the user drags (or focuses and moves with the arrow keys).
 *
 * ::threshold-changed (guint stage_index, double min_score) is emitted for
 * every change the user makes, continuously while dragging; stage_index is
 * the index in LiRules.stages.  The x scale does not change while a drag is
 * in progress, and a value the window passes back for the dragged stage is
 * ignored until the drag ends. */

GtkWidget *li_histogram_new             (void);

/* Copies @bins (may be NULL when @n_bins is 0). */
void       li_histogram_set_bins        (LiHistogram          *self,
                                         const LiHistogramBin *bins,
                                         guint                 n_bins,
                                         double                min_peak,
                                         double                max_peak);
/* Thresholds from the stages that have a min_score (@rules may be NULL).
 * Programmatic: does not emit ::threshold-changed. */
void       li_histogram_set_stages      (LiHistogram          *self,
                                         const LiRules        *rules);

gboolean   li_histogram_get_sqrt_scale  (LiHistogram          *self);
void       li_histogram_set_sqrt_scale  (LiHistogram          *self,
                                         gboolean              sqrt_scale);
gboolean   li_histogram_get_dragging    (LiHistogram          *self);

guint      li_histogram_get_n_thresholds (LiHistogram         *self);
/* Whether stage @stage_index has a threshold line, and its value. */
gboolean   li_histogram_get_threshold   (LiHistogram          *self,
                                         guint                 stage_index,
                                         double               *min_score);
/* Moves a threshold the way the user does (snapped to the drag step,
 * clamped to the x range) and emits ::threshold-changed when it changed.
 * For tests and keyboard-free automation (synthesized pointer events are
 * ignored by GTK 4.8). Returns FALSE when @stage_index has no line. */
gboolean   li_histogram_set_threshold   (LiHistogram          *self,
                                         guint                 stage_index,
                                         double                min_score);
/* The score range of the x axis. */
void       li_histogram_get_x_range     (LiHistogram          *self,
                                         double               *lower,
                                         double               *upper);
/* The focusable widget (accessible role slider) of a threshold line.  Its
 * actions "threshold.step" (d: steps of 0.5 or 1 point, the arrow keys use
 * ±1, Shift/Page ±10) and "threshold.edge" (b: FALSE lower end, TRUE upper
 * end of the axis; Home/End) move the line like the keyboard does. */
GtkWidget *li_histogram_get_threshold_widget (LiHistogram     *self,
                                              guint            stage_index);

/* Scaling and hit-testing, plain functions (tested without a display). */

/* A 1-2-5 step so that @span holds about @max_ticks ticks. */
double     li_histogram_nice_step       (double                span,
                                         guint                 max_ticks);
/* The axis range for the data [@min_value, @max_value] and the thresholds:
 * widened to whole ticks, with room to drag a threshold that sits at an
 * edge.  A threshold more than three times the data's span (at least 10
 * points) beyond the data does not widen it: one extreme value would squeeze every bar
 * into a sliver; its line sits at the edge, marked (li_histogram_beyond). */
void       li_histogram_nice_range      (double                min_value,
                                         double                max_value,
                                         const double         *thresholds,
                                         guint                 n_thresholds,
                                         double               *lower,
                                         double               *upper,
                                         double               *tick_step);
/* -1 when @value lies below [@lower, @upper], 1 above, else 0. */
int        li_histogram_beyond          (double                value,
                                         double                lower,
                                         double                upper);
/* The drag/keyboard step for a range: 0.5 points on narrow ranges
 * (span ≤ 40), else 1 point. */
double     li_histogram_snap_step       (double                lower,
                                         double                upper);
double     li_histogram_snap            (double                value,
                                         double                step);
/* @count on the y axis as a fraction [0, 1] of @max_count (linear or
 * square root). */
double     li_histogram_scale_count     (double                count,
                                         double                max_count,
                                         gboolean              sqrt_scale);
/* The smallest 1-2-5 number ≥ @value (≥ 1). */
double     li_histogram_nice_ceil       (double                value);
/* The count at the top of a count axis @plot_height pixels high whose
 * largest count is @max_count.  On a linear scale the top is a whole
 * number of 1-2-5 steps and the steps from 0 are appended to @ticks; on a
 * square-root scale it is li_histogram_nice_ceil() and no ticks are
 * appended (see li_histogram_sqrt_ticks()). */
double     li_histogram_count_axis      (double                max_count,
                                         double                plot_height,
                                         gboolean              sqrt_scale,
                                         GArray               *ticks);
/* Appends to @ticks, ascending, the counts to label on a square-root count
 * axis from 0 (at y @plot_bottom) to @y_top (@plot_height pixels higher):
 * 0, @y_top, and the 1-2-5 counts between them that stay @min_gap pixels
 * apart, picked from the top down. */
void       li_histogram_sqrt_ticks      (double                y_top,
                                         double                plot_bottom,
                                         double                plot_height,
                                         double                min_gap,
                                         GArray               *ticks);
/* Index of the x in @xs nearest to @x within @tolerance, or -1. */
int        li_histogram_hit_test        (const double         *xs,
                                         guint                 n_xs,
                                         double                x,
                                         double                tolerance);
/* Index of the bin whose [from, to) holds @value (the last bin includes
 * its upper edge), or -1. */
int        li_histogram_bin_at          (const LiHistogramBin *bins,
                                         guint                 n_bins,
                                         double                value);

G_END_DECLS
