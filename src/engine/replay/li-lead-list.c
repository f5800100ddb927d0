/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-lead-list.c: filtering and sorting the replay's per-lead arrays for the
 * leads explorer.  Lists hold positions, so the view can map rows to leads
 * lazily and re-sort without filtering again. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "li-lead-list.h"
#include "li-plan.h"

/* Whether per_lead[@k] is a true positive of @stage (SPEC 5). */
static gboolean
_li_true_positive (const LiReplayResult *result,
                   guint                 k,
                   guint                 stage,
                   double                window_ms)
{
  gint64 flag = li_replay_result_flag_ms (result, k, stage);

  return flag != LI_REPLAY_NOT_FLAGGED && result->per_lead[k].converted &&
         (double) (result->facts[k].outcome_ms - flag) <= window_ms;
}

static gboolean
_li_passes (const LiReplayResult *result,
            guint                 k,
            LiLeadFilter          filter,
            guint                 stage,
            double                window_ms)
{
  switch (filter)
    {
    case LI_LEAD_FILTER_ALL:
      return TRUE;
    case LI_LEAD_FILTER_FALSE_POSITIVES:
      return li_replay_result_flag_ms (result, k, stage) != LI_REPLAY_NOT_FLAGGED &&
             !_li_true_positive (result, k, stage, window_ms);
    case LI_LEAD_FILTER_FALSE_NEGATIVES:
      return result->per_lead[k].converted && !_li_true_positive (result, k, stage, window_ms);
    case LI_LEAD_FILTER_CONVERTED:
      return result->per_lead[k].converted;
    case LI_LEAD_FILTER_PEAK_STAGE:
      return result->per_lead[k].peak_stage == stage;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Lead ids are mostly ASCII (user ids, emails): letters match in either
 * case, other bytes exactly. */
static gboolean
_li_contains (const char *id,
              const char *search,
              gsize       len)
{
  for (const char *p = id; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, search, len) == 0)
      return TRUE;
  return FALSE;
}

GArray *
li_lead_list_filter (const LiReplayResult *result,
                     const LiPlan         *plan,
                     LiLeadFilter          filter,
                     guint                 stage,
                     const char           *search)
{
  const LiEventStore *store = li_plan_get_store (plan);
  double window_ms = li_plan_window_ms (plan);
  gsize len = search ? strlen (search) : 0;
  GArray *list;

  g_return_val_if_fail (result->facts != NULL, NULL);
  g_return_val_if_fail (stage < result->n_stages, NULL);

  list = g_array_sized_new (FALSE, FALSE, sizeof (guint32), result->leads);
  for (guint32 k = 0; k < result->leads; k++)
    if (_li_passes (result, k, filter, stage, window_ms) &&
        (len == 0 || _li_contains (li_str_pool_get (store->leads, result->per_lead[k].lead), search, len)))
      g_array_append_val (list, k);
  return list;
}

typedef struct
{
  const LiReplayResult *result;
  const LiEventStore   *store;
  LiLeadColumn          column;
  guint                 stage;
  gboolean              descending;
} SortContext;

/* The value of @column for per_lead[@k] as a number (times in ms are exact
 * in a double), or FALSE when the lead has none. */
static gboolean
_li_column_value (const SortContext *c,
                  guint32            k,
                  double            *value)
{
  const LiLeadOutcome *o = &c->result->per_lead[k];
  const LiLeadFacts *facts = &c->result->facts[k];
  gint64 flag;

  switch (c->column)
    {
    case LI_LEAD_COLUMN_PEAK_SCORE:
      *value = o->peak_score;
      return TRUE;
    case LI_LEAD_COLUMN_PEAK_STAGE:
      *value = o->peak_stage;
      return TRUE;
    case LI_LEAD_COLUMN_CONVERTED:
      *value = o->converted;
      return TRUE;
    case LI_LEAD_COLUMN_FLAG_TIME:
      flag = li_replay_result_flag_ms (c->result, k, c->stage);
      *value = (double) flag;
      return flag != LI_REPLAY_NOT_FLAGGED;
    case LI_LEAD_COLUMN_HOURS_TO_OUTCOME:
      *value = li_replay_result_hours_to_outcome (c->result, k, c->stage);
      return !isnan (*value);
    case LI_LEAD_COLUMN_N_EVENTS:
      *value = facts->n_events;
      return TRUE;
    case LI_LEAD_COLUMN_LAST_EVENT:
      *value = (double) facts->last_ms;
      return TRUE;
    default:  /* lead ids are compared as text */
      g_return_val_if_reached (FALSE);
    }
}

static int
_li_compare_leads (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  const SortContext *c = data;
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  int by_id;

  if (c->column != LI_LEAD_COLUMN_LEAD_ID)
    {
      double vx, vy;
      gboolean hx = _li_column_value (c, x, &vx), hy = _li_column_value (c, y, &vy);

      if (hx != hy)
        return hx ? -1 : 1;
      if (hx && vx != vy)
        return (vx < vy) != c->descending ? -1 : 1;
    }
  by_id = strcmp (li_str_pool_get (c->store->leads, c->result->per_lead[x].lead),
                  li_str_pool_get (c->store->leads, c->result->per_lead[y].lead));
  return c->column == LI_LEAD_COLUMN_LEAD_ID && c->descending ? -by_id : by_id;
}

void
li_lead_list_sort (const LiReplayResult *result,
                   const LiPlan         *plan,
                   GArray               *list,
                   LiLeadColumn          column,
                   guint                 stage,
                   gboolean              descending)
{
  SortContext c = { result, li_plan_get_store (plan), column, stage, descending };

  g_return_if_fail (result->facts != NULL);
  g_return_if_fail (stage < result->n_stages);
  g_array_sort_with_data (list, _li_compare_leads, &c);
}
