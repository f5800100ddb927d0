/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-lead-export.c — the hand-off of the leads to follow up
 *
 * Each lead is scored after each of its events up to the time (as the
 * replay scores a journey) and at the time itself (SPEC 4's as-of score).
 * The per-event stages give the time it reached its current stage. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "li-csv-writer.h"
#include "li-lead-export.h"
#include "li-number.h"
#include "li-scorer.h"
#include "li-time.h"

typedef struct
{
  LiLeadExportRow row;
  double          printed;
  const char     *lead_id;
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

static guint32
_li_key (const LiEventStore *store,
         const char         *key)
{
  guint32 id;

  return li_str_pool_lookup (store->keys, key, strlen (key), &id) ? id : LI_LEAD_EXPORT_NONE;
}

static gboolean
_li_has_prop (const LiEventStore *store,
              guint32             event,
              guint32             key)
{
  guint32 value;

  return key != LI_LEAD_EXPORT_NONE && li_event_store_get_prop (store, event, key, &value);
}

GArray *
li_lead_export (const LiPlan  *plan,
                gint64         as_of_ms,
                guint          coldest_stage,
                GCancellable  *cancellable,
                GError       **error)
{
  const LiEventStore *store = li_plan_get_store (plan);
  g_autoptr(LiScorer) scorer = li_scorer_new (plan);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (SortedRow));
  g_autoptr(GArray) stages = g_array_new (FALSE, FALSE, sizeof (guint16));
  guint32 product_key = _li_key (store, "product_id");
  guint32 category_key = _li_key (store, "category");
  GArray *rows;

  for (guint32 l = 0; l < store->n_leads; l++)
    {
      guint32 begin = store->lead_start[l], end = store->lead_start[l + 1];
      SortedRow row = { { l, 0, 0, 0, LI_LEAD_EXPORT_NONE, LI_LEAD_EXPORT_NONE }, 0,
                        li_str_pool_get (store->leads, l) };
      guint32 last = begin;
      LiScore sc;
      guint n;

      if (l % 8192 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (begin == end || store->time_ms[begin] > as_of_ms)
        continue;

      g_array_set_size (stages, 0);
      li_scorer_begin_lead (scorer, l);
      for (guint32 i = begin; i < end && store->time_ms[i] <= as_of_ms; i++)
        {
          li_scorer_feed (scorer, i);
          li_scorer_eval (scorer, store->time_ms[i], &sc);
          g_array_append_val (stages, sc.stage);
          last = i;
        }
      li_scorer_eval (scorer, as_of_ms, &sc);
      if (sc.stage > coldest_stage)
        continue;

      row.row.stage = sc.stage;
      row.row.score = sc.score;
      row.printed = li_number_as_printed (sc.score);

      /* Back from the last event while the stage was this one or hotter. */
      n = stages->len;
      while (n > 0 && g_array_index (stages, guint16, n - 1) <= sc.stage)
        n--;
      row.row.reached_ms = n < stages->len ? store->time_ms[begin + n] : as_of_ms;

      for (guint32 i = last + 1; i-- > begin;)
        {
          if (row.row.product_event == LI_LEAD_EXPORT_NONE && _li_has_prop (store, i, product_key))
            row.row.product_event = i;
          if (row.row.category_event == LI_LEAD_EXPORT_NONE && _li_has_prop (store, i, category_key))
            row.row.category_event = i;
          if (row.row.product_event != LI_LEAD_EXPORT_NONE && row.row.category_event != LI_LEAD_EXPORT_NONE)
            break;
        }

      g_array_append_val (sorted, row);
    }

  if (sorted->len > 1)
    qsort (sorted->data, sorted->len, sizeof (SortedRow), _li_compare_rows);

  rows = g_array_sized_new (FALSE, FALSE, sizeof (LiLeadExportRow), sorted->len);
  for (guint r = 0; r < sorted->len; r++)
    g_array_append_val (rows, g_array_index (sorted, SortedRow, r).row);
  return rows;
}

static void
_li_append_prop (GString            *out,
                 const LiEventStore *store,
                 guint32             event,
                 const char         *key)
{
  guint32 key_id = _li_key (store, key);
  guint32 value;

  g_string_append_c (out, ',');
  if (event != LI_LEAD_EXPORT_NONE && key_id != LI_LEAD_EXPORT_NONE &&
      li_event_store_get_prop (store, event, key_id, &value))
    li_csv_append_field (out, li_str_pool_get (store->values, value));
}

char *
li_lead_export_csv (const LiPlan *plan,
                    GArray       *rows)
{
  const LiEventStore *store = li_plan_get_store (plan);
  const LiRules *rules = li_plan_get_rules (plan);
  GString *out = g_string_new ("lead_id,score,stage,channel,follow_up_deadline,product_id,variant,category\n");

  for (guint r = 0; r < rows->len; r++)
    {
      const LiLeadExportRow *row = &g_array_index (rows, LiLeadExportRow, r);
      const LiStage *stage = &rules->stages[row->stage];
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      li_csv_append_field (out, li_str_pool_get (store->leads, row->lead));
      g_string_append_printf (out, ",%s,", g_ascii_formatd (buf, sizeof buf, "%.6f", row->score));
      li_csv_append_field (out, stage->name);
      g_string_append_c (out, ',');
      if (stage->channel != NULL)
        li_csv_append_field (out, stage->channel);
      g_string_append_c (out, ',');
      if (stage->has_follow_up)
        {
          g_autofree char *deadline =
            li_time_format (row->reached_ms + (gint64) (stage->follow_up_minutes * 60000.0 + 0.5));
          g_string_append (out, deadline);
        }
      if (row->product_event != LI_LEAD_EXPORT_NONE)
        {
          _li_append_prop (out, store, row->product_event, "product_id");
          _li_append_prop (out, store, row->product_event, "variant");
          _li_append_prop (out, store, row->product_event, "category");
        }
      else
        {
          g_string_append (out, ",,");
          _li_append_prop (out, store, row->category_event, "category");
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
