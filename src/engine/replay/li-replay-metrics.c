/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-replay-metrics.c: the metrics of SPEC 5 over the replay's per-lead
 * outcomes: ratios, medians, the AUC and the histogram of peak scores. */

#include "config.h"

#include "li-replay-metrics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double
li_metric_ratio (double num,
                 double den)
{
  return den == 0 ? NAN : num / den;
}

/* LSD radix sort of doubles (as order-preserving 64-bit keys) in six
 * passes of 11 bits: the AUC and the medians sort on each replay, and
 * qsort showed in profiles.  No NaN comes here (scores and hours are
 * finite). */
#define _LI_RADIX_BITS   11
#define _LI_RADIX_PASSES 6   /* ⌈64 / 11⌉ */
#define _LI_RADIX_SIZE   (1u << _LI_RADIX_BITS)

static void
_li_sort_doubles (double *v,
                  gsize   n)
{
  g_autofree guint64 *keys = NULL, *tmp = NULL;
  g_autofree gsize *count = NULL;
  const guint64 sign = G_GUINT64_CONSTANT (1) << 63;
  const guint64 digit = _LI_RADIX_SIZE - 1;

  if (n < 2)
    return;
  keys = g_new (guint64, n);
  tmp = g_new (guint64, n);
  count = g_new0 (gsize, _LI_RADIX_PASSES * (_LI_RADIX_SIZE + 1));
  /* The keys, and the counts of all their digits in the same pass. */
  for (gsize i = 0; i < n; i++)
    {
      guint64 k;
      memcpy (&k, &v[i], sizeof k);
      keys[i] = k & sign ? ~k : k | sign;
      for (guint d = 0; d < _LI_RADIX_PASSES; d++)
        count[d * (_LI_RADIX_SIZE + 1) + ((keys[i] >> (_LI_RADIX_BITS * d)) & digit) + 1]++;
    }
  for (guint d = 0; d < _LI_RADIX_PASSES; d++)
    {
      gsize *c = count + d * (_LI_RADIX_SIZE + 1);
      guint shift = _LI_RADIX_BITS * d;
      guint64 *swap;

      if (c[((keys[0] >> shift) & digit) + 1] == n)
        continue;  /* every key has the same digit here */
      for (guint b = 0; b < _LI_RADIX_SIZE; b++)
        c[b + 1] += c[b];
      for (gsize i = 0; i < n; i++)
        tmp[c[(keys[i] >> shift) & digit]++] = keys[i];
      swap = keys, keys = tmp, tmp = swap;
    }
  for (gsize i = 0; i < n; i++)
    {
      guint64 k = keys[i] & sign ? keys[i] & ~sign : ~keys[i];
      memcpy (&v[i], &k, sizeof k);
    }
}

double
li_metric_median (GArray *values)
{
  double *v = (double *) values->data;
  guint n = values->len;

  if (n == 0)
    return NAN;
  _li_sort_doubles (v, n);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/* ROC AUC (Mann-Whitney): the share of (converter, non-converter) pairs in
 * which the converter's peak is higher, ties counted one half. */
double
li_metric_auc (const LiLeadOutcome *per_lead,
               guint               n,
               guint               positives)
{
  guint negatives = n - positives;
  g_autofree double *pos = g_new (double, MAX (positives, 1));
  g_autofree double *neg = g_new (double, MAX (negatives, 1));
  guint np = 0, nn = 0, below = 0, upto = 0;
  double wins = 0;

  if (positives == 0 || negatives == 0)
    return NAN;
  for (guint i = 0; i < n; i++)
    {
      if (per_lead[i].converted)
        pos[np++] = per_lead[i].peak_score;
      else
        neg[nn++] = per_lead[i].peak_score;
    }
  _li_sort_doubles (pos, np);
  _li_sort_doubles (neg, nn);
  for (guint i = 0; i < np; i++)
    {
      while (below < nn && neg[below] < pos[i])
        below++;
      upto = MAX (upto, below);
      while (upto < nn && neg[upto] <= pos[i])
        upto++;
      wins += below + (upto - below) / 2.0;
    }
  return wins / ((double) positives * negatives);
}

void
li_histogram_fill (LiReplayResult *result,
                   guint          bins)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  if (result->leads == 0)
    return;
  for (guint i = 0; i < result->leads; i++)
    {
      lo = MIN (lo, result->per_lead[i].peak_score);
      hi = MAX (hi, result->per_lead[i].peak_score);
    }
  result->min_peak = lo;
  result->max_peak = hi;
  result->n_bins = hi > lo ? bins : 1;
  result->bin_width = hi > lo ? (hi - lo) / bins : 1.0;
  result->bins = g_new0 (LiHistogramBin, result->n_bins);
  for (guint b = 0; b < result->n_bins; b++)
    {
      result->bins[b].from = lo + b * result->bin_width;
      result->bins[b].to = lo + (b + 1) * result->bin_width;
    }
  for (guint i = 0; i < result->leads; i++)
    {
      const LiLeadOutcome *o = &result->per_lead[i];
      guint b = hi > lo ? li_histogram_bin_index (o->peak_score, lo, result->bin_width,
                                                  result->n_bins) : 0;
      if (o->converted)
        result->bins[b].converted++;
      else
        result->bins[b].not_converted++;
    }
}

guint
li_histogram_bin_index (double value,
                        double lower,
                        double width,
                        guint  n_bins)
{
  double pos;

  if (n_bins == 0 || !(width > 0))
    return 0;
  pos = floor ((value - lower) / width);
  if (!(pos >= 0.0))  /* also NaN */
    return 0;
  if (pos >= n_bins)
    return n_bins - 1;
  return (guint) pos;
}
