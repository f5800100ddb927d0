/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "li-wilson.h"

gboolean
li_wilson_interval (guint64  successes,
                    guint64  trials,
                    double   z,
                    double  *low,
                    double  *high)
{
  double n = (double) trials, p, z2, centre, half, denom;

  if (trials == 0 || successes > trials)
    {
      *low = *high = NAN;
      return FALSE;
    }
  p = (double) successes / n;
  z2 = z * z;
  denom = 1 + z2 / n;
  centre = (p + z2 / (2 * n)) / denom;
  half = z / denom * sqrt (p * (1 - p) / n + z2 / (4 * n * n));
  /* Clamp the rounding at the ends: 0 of n has its low bound at 0 exactly. */
  *low = successes == 0 ? 0 : MAX (0, centre - half);
  *high = successes == trials ? 1 : MIN (1, centre + half);
  return TRUE;
}
