/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Work on [begin, end) of some range. */
typedef void (*LiRangeFunc) (gsize    begin,
                             gsize    end,
                             gpointer data);

/* Calls @func on consecutive slices of [0, @n) that cover it, on up to one
 * thread per core (the calling thread takes the first slice), and returns
 * when all are done.  Slices are at least @min_slice long, so a small @n
 * runs on the calling thread alone. */
void li_parallel_for (gsize       n,
                      gsize       min_slice,
                      LiRangeFunc func,
                      gpointer    data);

G_END_DECLS
