/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "li-replay.h"

G_BEGIN_DECLS

#define LI_TYPE_OVERLAY_HISTOGRAM (li_overlay_histogram_get_type ())
G_DECLARE_FINAL_TYPE (LiOverlayHistogram, li_overlay_histogram, LI, OVERLAY_HISTOGRAM, GtkWidget)

#define LI_OVERLAY_HISTOGRAM_BINS 40

/* Two peak-score distributions on one shared score axis: A (the baseline)
 * as a translucent area with an outline in the foreground colour, B (the
 * draft) as filled bars in the accent colour; total leads per bin, with a
 * legend "A — <name>", "B — <name>".  Colours come from the theme. */

GtkWidget *li_overlay_histogram_new          (void);
/* Bins the peak scores of both replays (per_lead) into
 * LI_OVERLAY_HISTOGRAM_BINS equal bins over the range that covers both.
 * Either may be NULL.  Nothing of the results is kept. */
void       li_overlay_histogram_set_results  (LiOverlayHistogram   *self,
                                              const LiReplayResult *a,
                                              const LiReplayResult *b);
/* Copies the counts of @n_bins equal bins over [@lower, @upper]
 * (@a or @b may be NULL: no such series). */
void       li_overlay_histogram_set_counts   (LiOverlayHistogram   *self,
                                              const guint          *a,
                                              const guint          *b,
                                              guint                 n_bins,
                                              double                lower,
                                              double                upper);
/* The legend's names (NULL: "A", "Draft"). */
void       li_overlay_histogram_set_names    (LiOverlayHistogram   *self,
                                              const char           *name_a,
                                              const char           *name_b);
gboolean   li_overlay_histogram_get_sqrt_scale (LiOverlayHistogram *self);
void       li_overlay_histogram_set_sqrt_scale (LiOverlayHistogram *self,
                                                gboolean            sqrt_scale);

guint      li_overlay_histogram_get_n_bins   (LiOverlayHistogram   *self);
/* The data range [lower, upper] of the bins. */
void       li_overlay_histogram_get_range    (LiOverlayHistogram   *self,
                                              double               *lower,
                                              double               *upper);
/* Leads in @bin under A (@series 0) or B (@series 1). */
guint      li_overlay_histogram_get_count    (LiOverlayHistogram   *self,
                                              guint                 series,
                                              guint                 bin);

/* Plain functions (tested without a display). */

/* The range that covers the peak scores of both results (either may be
 * NULL or empty); [v, v + 1] for a single value, as the engine bins.
 * Returns FALSE when neither has a lead. */
gboolean   li_overlay_histogram_shared_range (const LiReplayResult *a,
                                              const LiReplayResult *b,
                                              double               *lower,
                                              double               *upper);
/* The bin of @value among @n_bins equal bins of [@lower, @upper] (the
 * last bin includes @upper; values outside are clamped). */
guint      li_overlay_histogram_bin_index    (double                value,
                                              double                lower,
                                              double                upper,
                                              guint                 n_bins);
/* Adds the peak scores of @result to @counts (@n_bins entries). */
void       li_overlay_histogram_count_result (const LiReplayResult *result,
                                              double                lower,
                                              double                upper,
                                              guint                 n_bins,
                                              guint                *counts);

G_END_DECLS
