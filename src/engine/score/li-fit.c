/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-fit.c: fit rules (SPEC 4): each attribute's latest non-empty value from
 * the events, else the leads file, tested by the rule's operator. */

#include "config.h"

#include <math.h>

#include "li-number.h"
#include "li-scorer-private.h"

/* @x: the value as a number (NAN when it is not one). */
static inline gboolean
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

double
_li_fit_eval (LiScorer *s)
{
  const LiPlan *plan = s->plan;
  double fit = 0;

  for (guint f = 0; f < plan->n_fits; f++)
    {
      const char *value;
      double number;

      _li_fit_value (s, f, &value, &number);
      if (_li_fit_matches (plan->fits[f].rule, value, number))
        fit += plan->fits[f].rule->points;
    }
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
