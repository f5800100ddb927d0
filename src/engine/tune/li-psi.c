/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "li-psi.h"
#include "li-replay-metrics.h"

/* Shares of @values in the bins, empty ones at the epsilon. */
static void
_li_psi_shares (const double *values,
                guint         n,
                double        lower,
                double        width,
                guint         bins,
                double       *share)
{
  for (guint b = 0; b < bins; b++)
    share[b] = 0;
  for (guint i = 0; i < n; i++)
    share[li_histogram_bin_index (values[i], lower, width, bins)] += 1;
  for (guint b = 0; b < bins; b++)
    share[b] = share[b] > 0 ? share[b] / n : LI_PSI_EPSILON;
}

double
li_psi (const double *reference,
        guint         n_reference,
        const double *current,
        guint         n_current,
        guint         bins)
{
  g_autofree double *p = NULL;
  g_autofree double *q = NULL;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, width, psi = 0;

  if (n_reference == 0 || n_current == 0 || bins == 0)
    return NAN;
  for (guint i = 0; i < n_reference; i++)
    lo = MIN (lo, reference[i]), hi = MAX (hi, reference[i]);
  width = hi > lo ? (hi - lo) / bins : 1;
  p = g_new (double, bins);
  q = g_new (double, bins);
  _li_psi_shares (reference, n_reference, lo, width, bins, p);
  _li_psi_shares (current, n_current, lo, width, bins, q);
  for (guint b = 0; b < bins; b++)
    psi += (q[b] - p[b]) * log (q[b] / p[b]);
  return psi;
}
