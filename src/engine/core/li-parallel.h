/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Work on [begin, end) of some range: slice @slice of the slices
 * li_parallel_n_slices() said. */
typedef void (*LiRangeFunc) (guint    slice,
                             gsize    begin,
                             gsize    end,
                             gpointer data);

/* How many slices li_parallel_for (@n, @min_slice, …) makes: at most one
 * per core, each at least @min_slice long (one when @n is smaller). */
guint li_parallel_n_slices (gsize n,
                            gsize min_slice);

/* Calls @func on consecutive slices of [0, @n) that cover it, on up to one
 * thread per core (the calling thread takes the first slice), and returns
 * when all are done.  Slice k is [n · k / N, n · (k + 1) / N) of N. */
void li_parallel_for (gsize       n,
                      gsize       min_slice,
                      LiRangeFunc func,
                      gpointer    data);

G_END_DECLS
