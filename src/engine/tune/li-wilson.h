/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The z of a two-sided 95 % interval. */
#define LI_WILSON_Z95 1.959963984540054

/* The Wilson score interval of @successes out of @trials at @z: how far a
 * precision or recall measured on few leads may be from the true one.
 * FALSE (and NaN bounds) when @trials is 0. */
gboolean li_wilson_interval (guint64  successes,
                             guint64  trials,
                             double   z,
                             double  *low,
                             double  *high);

G_END_DECLS
