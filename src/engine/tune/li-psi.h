/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Population stability index of a distribution against a reference
 * (docs/tuning.md): LI_PSI_BINS equal-width bins from the reference's lowest
 * to its highest value (width 1 when they are equal), values outside in the
 * first or last bin; shares of 0 count as LI_PSI_EPSILON;
 * PSI = Σ (cur − ref) · ln (cur / ref). */
#define LI_PSI_BINS    10
#define LI_PSI_EPSILON 1e-4

/* NaN when either side is empty. */
double li_psi (const double *reference,
               guint         n_reference,
               const double *current,
               guint         n_current,
               guint         bins);

G_END_DECLS
