/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-parallel.c: a range split over the cores, for the memory-bound passes
 * of the import (one core cannot keep enough cache misses in flight). */

#include "config.h"

#include "li-parallel.h"

#define LI_PARALLEL_MAX 8

typedef struct
{
  LiRangeFunc func;
  gpointer    data;
  guint       slice;
  gsize       begin, end;
} LiSlice;

static gpointer
_li_slice_run (gpointer data)
{
  LiSlice *slice = data;

  slice->func (slice->slice, slice->begin, slice->end, slice->data);
  return NULL;
}

guint
li_parallel_n_slices (gsize n,
                      gsize min_slice)
{
  guint n_slices = (guint) CLAMP (g_get_num_processors (), 1, LI_PARALLEL_MAX);

  if (min_slice > 0)
    n_slices = (guint) MIN ((gsize) n_slices, MAX (n / min_slice, 1));
  return n_slices;
}

void
li_parallel_for (gsize       n,
                 gsize       min_slice,
                 LiRangeFunc func,
                 gpointer    data)
{
  LiSlice slices[LI_PARALLEL_MAX];
  GThread *threads[LI_PARALLEL_MAX] = { NULL, };
  guint n_slices = li_parallel_n_slices (n, min_slice);

  for (guint k = 0; k < n_slices; k++)
    {
      slices[k].slice = k;
      slices[k].func = func;
      slices[k].data = data;
      slices[k].begin = n * k / n_slices;
      slices[k].end = n * (k + 1) / n_slices;
    }
  for (guint k = 1; k < n_slices; k++)
    threads[k] = g_thread_new ("li-parallel", _li_slice_run, &slices[k]);
  _li_slice_run (&slices[0]);
  for (guint k = 1; k < n_slices; k++)
    g_thread_join (threads[k]);
}
