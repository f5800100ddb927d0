/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-fit.c: fit rules (SPEC 4): each attribute's latest non-empty value from
 * the events, else the leads file, tested by the rule's operator. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "li-number.h"
#include "li-scorer-private.h"

gboolean
_li_fit_matches (const LiFitRule *rule,
                 const char      *value,
                 double           x)
{
  switch (rule->op)
    {
    case LI_FIT_EXISTS:
      return value != NULL;
    case LI_FIT_MISSING:
      return value == NULL;
    default:
      break;
    }
  if (value == NULL)
    return FALSE;
  switch (rule->op)
    {
    case LI_FIT_EQ:
      return g_strcmp0 (value, rule->values[0]) == 0;
    case LI_FIT_NE:
      return g_strcmp0 (value, rule->values[0]) != 0;
    case LI_FIT_IN:
    case LI_FIT_NOT_IN:
      return g_strv_contains ((const char * const *) rule->values, value) == (rule->op == LI_FIT_IN);
    default:
      break;
    }
  if (isnan (x))
    return FALSE;
  switch (rule->op)
    {
    case LI_FIT_GT:
      return x > rule->number[0];
    case LI_FIT_GTE:
      return x >= rule->number[0];
    case LI_FIT_LT:
      return x < rule->number[0];
    case LI_FIT_LTE:
      return x <= rule->number[0];
    case LI_FIT_BETWEEN:
      return rule->number[0] <= x && x <= rule->number[1];
    default:
      g_assert_not_reached ();
    }
}

/* The value fit rule @f reads: the latest value seen in events, else the
 * leads file's.  Numbers of event values are parsed once per value.
 * Inline, like _li_fit_matches: the score's loop stays as it was. */
static inline LiFitSource
_li_fit_value (LiScorer    *s,
               guint        f,
               const char **value,
               double      *number)
{
  const LiPlan *plan = s->plan;
  const FitAttr *attr = &plan->attrs[plan->fits[f].attr];
  guint32 v = s->attr_value[plan->fits[f].attr];
  guint32 row = plan->lead_row[s->lead];

  if (v != _LI_NONE)
    {
      *value = li_str_pool_get (plan->store->values, v);
      if (!s->number_known[v])
        {
          if (!li_parse_number (*value, &s->number[v]))
            s->number[v] = NAN;
          s->number_known[v] = TRUE;
        }
      *number = s->number[v];
      return LI_FIT_SOURCE_EVENT;
    }
  if (row != _LI_NONE && attr->lead_col >= 0)
    {
      guint32 lv = plan->leads->value[(gsize) row * plan->leads->n_attributes + attr->lead_col];
      if (lv != LI_LEAD_TABLE_MISSING)
        {
          *value = li_str_pool_get (plan->leads->values, lv);
          if (!li_parse_number (*value, number))
            *number = NAN;
          return LI_FIT_SOURCE_LEADS;
        }
    }
  *value = NULL;
  *number = NAN;
  return LI_FIT_SOURCE_MISSING;
}

void
_li_fit_init (LiScorer *s)
{
  const LiPlan *plan = s->plan;
  guint n_fits = MAX (plan->n_fits, 1);

  s->fit_cache = g_new0 (guint8 *, n_fits);
  s->fit_lead_cache = g_new0 (guint8 *, n_fits);
  s->fit_missing = g_new0 (guint8, n_fits);
  s->fit_holds = g_new0 (gboolean, n_fits);
  s->attr_fit_start = g_new0 (guint, plan->n_attrs + 1);
  s->attr_fits = g_new (guint, n_fits);
  for (guint f = 0; f < plan->n_fits; f++)
    s->attr_fit_start[plan->fits[f].attr + 1]++;
  for (guint a = 0; a < plan->n_attrs; a++)
    s->attr_fit_start[a + 1] += s->attr_fit_start[a];
  {
    g_autofree guint *pos = g_memdup2 (s->attr_fit_start, sizeof (guint) * (plan->n_attrs + 1));

    for (guint f = 0; f < plan->n_fits; f++)
      s->attr_fits[pos[plan->fits[f].attr]++] = f;
  }
}

void
_li_fit_free (LiScorer *s)
{
  for (guint f = 0; f < s->plan->n_fits; f++)
    {
      g_free (s->fit_cache[f]);
      g_free (s->fit_lead_cache[f]);
    }
  g_free (s->fit_cache);
  g_free (s->fit_lead_cache);
  g_free (s->fit_missing);
  g_free (s->fit_holds);
  g_free (s->attr_fit_start);
  g_free (s->attr_fits);
}

void
_li_fit_begin_lead (LiScorer *s)
{
  s->fit_all_dirty = TRUE;
  s->fit_dirty = TRUE;
}

/* Where the answer of fit rule @f for value @v of @pool is kept. */
static inline guint8 *
_li_fit_known (guint8          **cache,
               guint             f,
               const LiStrPool  *pool,
               guint32           v)
{
  if (G_UNLIKELY (cache[f] == NULL))
    cache[f] = g_new0 (guint8, MAX (li_str_pool_size (pool), 1));
  return &cache[f][v];
}

/* Whether fit rule @f holds now, tested once per distinct value (of the
 * events or of the leads file) and rule. */
static inline gboolean
_li_fit_holds (LiScorer *s,
               guint     f)
{
  const LiPlan *plan = s->plan;
  const FitAttr *attr = &plan->attrs[plan->fits[f].attr];
  guint32 v = s->attr_value[plan->fits[f].attr];
  guint32 row = plan->lead_row[s->lead];
  guint8 *known = &s->fit_missing[f];
  const char *value;
  double number;

  if (v != _LI_NONE)
    known = _li_fit_known (s->fit_cache, f, plan->store->values, v);
  else if (row != _LI_NONE && attr->lead_col >= 0)
    {
      guint32 lv = plan->leads->value[(gsize) row * plan->leads->n_attributes + attr->lead_col];
      if (lv != LI_LEAD_TABLE_MISSING)
        known = _li_fit_known (s->fit_lead_cache, f, plan->leads->values, lv);
    }
  if (G_UNLIKELY (*known == 0))
    {
      _li_fit_value (s, f, &value, &number);
      *known = _li_fit_matches (plan->fits[f].rule, value, number) ? 2 : 1;
    }
  return *known == 2;
}

void
_li_fit_attr_changed (LiScorer *s,
                      guint     a)
{
  if (s->fit_all_dirty)
    return;
  for (guint k = s->attr_fit_start[a]; k < s->attr_fit_start[a + 1]; k++)
    {
      guint f = s->attr_fits[k];
      gboolean holds = _li_fit_holds (s, f);

      if (holds != s->fit_holds[f])
        {
          s->fit_holds[f] = holds;
          s->fit_dirty = TRUE;
        }
    }
}

double
_li_fit_eval (LiScorer *s)
{
  const LiPlan *plan = s->plan;
  double fit = 0;

  if (s->fit_all_dirty)
    for (guint f = 0; f < plan->n_fits; f++)
      s->fit_holds[f] = _li_fit_holds (s, f);
  s->fit_all_dirty = FALSE;

  /* Summed in rule order, as SPEC 4 adds them. */
  for (guint f = 0; f < plan->n_fits; f++)
    if (s->fit_holds[f])
      fit += plan->fits[f].rule->points;
  return fit;
}

gboolean
_li_fit_explain (LiScorer     *s,
                 guint         f,
                 const char  **value,
                 LiFitSource  *source)
{
  double number;

  *source = _li_fit_value (s, f, value, &number);
  return _li_fit_matches (s->plan->fits[f].rule, *value, number);
}
