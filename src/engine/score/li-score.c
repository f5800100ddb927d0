/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "li-number.h"
#include "li-score.h"
#include "li-scorer.h"
#include "li-csv-writer.h"

typedef struct
{
  LiScoreRow   row;
  double       printed;  /* the score as printed with 6 decimals */
  const char  *lead_id;
} SortedRow;

static int
_li_compare_rows (const void *a,
                  const void *b)
{
  const SortedRow *x = a, *y = b;

  if (x->printed != y->printed)
    return x->printed > y->printed ? -1 : 1;
  return strcmp (x->lead_id, y->lead_id);
}

GArray *
li_score_as_of (const LiPlan  *plan,
                gint64         as_of_ms,
                GCancellable  *cancellable,
                GError       **error)
{
  const LiEventStore *store = li_plan_get_store (plan);
  g_autoptr(LiScorer) scorer = li_scorer_new (plan);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (SortedRow));
  GArray *rows;

  for (guint32 l = 0; l < store->n_leads; l++)
    {
      guint32 begin = store->lead_start[l], end = store->lead_start[l + 1];
      SortedRow row = { { l, 0, 0, 0, 0 }, 0, li_str_pool_get (store->leads, l) };
      LiScore sc;

      if (l % 8192 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (begin == end || store->time_ms[begin] > as_of_ms)
        continue;

      li_scorer_begin_lead (scorer, l);
      for (guint32 i = begin; i < end && store->time_ms[i] <= as_of_ms; i++)
        li_scorer_feed (scorer, i);
      li_scorer_eval (scorer, as_of_ms, &sc);
      row.row.stage = sc.stage;
      row.row.score = sc.score;
      row.row.intent = sc.intent;
      row.row.fit = sc.fit;
      row.printed = li_number_as_printed (sc.score);
      g_array_append_val (sorted, row);
    }

  if (sorted->len > 1)
    qsort (sorted->data, sorted->len, sizeof (SortedRow), _li_compare_rows);
  rows = g_array_sized_new (FALSE, FALSE, sizeof (LiScoreRow), sorted->len);
  for (guint r = 0; r < sorted->len; r++)
    g_array_append_val (rows, g_array_index (sorted, SortedRow, r).row);
  return rows;
}

char *
li_score_rows_csv (const LiPlan *plan,
                   GArray       *rows)
{
  const LiEventStore *store = li_plan_get_store (plan);
  GString *out = g_string_new ("lead_id,score,intent,fit,stage\n");

  for (guint r = 0; r < rows->len; r++)
    {
      const LiScoreRow *row = &g_array_index (rows, LiScoreRow, r);
      li_csv_append_field (out, li_str_pool_get (store->leads, row->lead));
      char buf[3][G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, ",%s,%s,%s,",
                              g_ascii_formatd (buf[0], sizeof buf[0], "%.6f", row->score),
                              g_ascii_formatd (buf[1], sizeof buf[1], "%.6f", row->intent),
                              g_ascii_formatd (buf[2], sizeof buf[2], "%.6f", row->fit));
      li_csv_append_field (out, li_plan_stage_name (plan, row->stage));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
