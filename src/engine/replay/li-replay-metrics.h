/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-replay.h"

G_BEGIN_DECLS

/* @num / @den, NAN (null) when @den is 0. */
double li_metric_ratio        (double               num,
                               double               den);
/* The median of @values (sorted in place), NAN when empty. */
double li_metric_median       (GArray              *values);
/* ROC AUC of peak scores against converted, ties one half; NAN when either
 * class is empty. */
double li_metric_auc          (const LiLeadOutcome *per_lead,
                               guint                n,
                               guint                positives);
/* Equal-width bins from the lowest to the highest peak (SPEC 5). */
void   li_histogram_fill      (LiReplayResult      *result,
                               guint                bins);
/* The bin of @value among @n_bins of @width from @lower, clamped to the
 * first and last (NaN: the first).  Shared with the window's charts. */
guint  li_histogram_bin_index (double               value,
                               double               lower,
                               double               width,
                               guint                n_bins);

G_END_DECLS
