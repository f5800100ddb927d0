/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-score-curve.c: one lead's score over time, from the scorer itself:
 * the scorer can be evaluated at any time not before its last event, so
 * the samples between two events are the engine's own decayed score. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "li-score-curve.h"
#include "li-explain.h"
#include "li-scorer.h"
#include "li-time.h"

void
li_score_curve_free (LiScoreCurve *curve)
{
  if (curve == NULL)
    return;
  g_free (curve->points);
  g_free (curve->reached_ms);
  g_free (curve);
}

static void
_li_curve_add (GArray   *points,
               gint64    t_ms,
               double    score,
               gboolean  at_event)
{
  LiCurvePoint p = { t_ms, score, at_event };
  g_array_append_val (points, p);
}

/* Scores at @per_gap times strictly between @from and @to (no event in
 * between, so only decay changes the score). */
static void
_li_curve_sample_gap (GArray   *points,
                      LiScorer *scorer,
                      gint64    from,
                      gint64    to,
                      guint     per_gap)
{
  for (guint k = 1; k <= per_gap && to > from; k++)
    {
      gint64 t = from + (gint64) ((double) (to - from) * k / (per_gap + 1));
      LiScore sc;

      if (t <= from || t >= to)
        continue;
      li_scorer_eval (scorer, t, &sc);
      _li_curve_add (points, t, sc.score, FALSE);
    }
}

static gboolean
_li_curve_lead_range (const LiEventStore *store,
                      const char         *lead_id,
                      guint32            *lead,
                      guint32            *begin,
                      guint32            *end,
                      GError            **error)
{
  if (!li_str_pool_lookup (store->leads, lead_id, strlen (lead_id), lead))
    {
      g_set_error (error, LI_EXPLAIN_ERROR, LI_EXPLAIN_ERROR_UNKNOWN_LEAD,
                   _("No lead “%s” in the events"), lead_id);
      return FALSE;
    }
  *begin = store->lead_start[*lead];
  *end = store->lead_start[*lead + 1];
  return TRUE;
}

LiScoreCurve *
li_score_curve_new (const LiPlan *plan,
                    const char   *lead_id,
                    gint64        as_of_ms,
                    guint         per_gap,
                    GError      **error)
{
  const LiEventStore *store = li_plan_get_store (plan);
  const LiRules *rules = li_plan_get_rules (plan);
  g_autoptr(LiScorer) scorer = li_scorer_new (plan);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (LiCurvePoint));
  guint32 outcome = G_MAXUINT32, lead, begin, end, i;
  guint reached;
  LiScoreCurve *curve;

  g_return_val_if_fail (lead_id != NULL, NULL);
  if (!_li_curve_lead_range (store, lead_id, &lead, &begin, &end, error))
    return NULL;
  if (rules->outcome_event != NULL)
    li_str_pool_lookup (store->names, rules->outcome_event, strlen (rules->outcome_event), &outcome);

  curve = g_new0 (LiScoreCurve, 1);
  curve->n_stages = li_plan_n_stages (plan);
  curve->reached_ms = g_new (gint64, MAX (curve->n_stages, 1));
  for (guint s = 0; s < curve->n_stages; s++)
    curve->reached_ms[s] = G_MININT64;
  reached = curve->n_stages;

  li_scorer_begin_lead (scorer, lead);
  for (i = begin; i < end && store->time_ms[i] <= as_of_ms; i++)
    {
      gint64 t = store->time_ms[i];
      LiScore sc;

      if (store->name[i] == outcome)
        break;
      if (i > begin)
        {
          _li_curve_sample_gap (points, scorer, store->time_ms[i - 1], t, per_gap);
          li_scorer_eval (scorer, t, &sc);
          _li_curve_add (points, t, sc.score, FALSE);  /* just before the event */
        }
      li_scorer_feed (scorer, i);
      li_scorer_eval (scorer, t, &sc);
      _li_curve_add (points, t, sc.score, TRUE);
      for (; reached > sc.stage; reached--)
        curve->reached_ms[reached - 1] = t;
    }
  if (i == begin)
    {
      g_autofree char *when = li_time_format (as_of_ms);
      li_score_curve_free (curve);
      g_set_error (error, LI_EXPLAIN_ERROR, LI_EXPLAIN_ERROR_NO_EVENTS,
                   _("Lead “%s” has no events at or before %s"), lead_id, when);
      return NULL;
    }
  /* The first outcome after the journey: the decay up to it. */
  for (guint32 j = i; j < end; j++)
    if (store->name[j] == outcome)
      {
        LiScore sc;

        curve->converted = TRUE;
        curve->outcome_ms = store->time_ms[j];
        if (j == i)
          {
            _li_curve_sample_gap (points, scorer, store->time_ms[i - 1], curve->outcome_ms, per_gap);
            li_scorer_eval (scorer, curve->outcome_ms, &sc);
            _li_curve_add (points, curve->outcome_ms, sc.score, FALSE);
          }
        break;
      }

  curve->n_points = points->len;
  curve->points = (LiCurvePoint *) g_array_free (g_steal_pointer (&points), FALSE);
  curve->min_score = curve->max_score = curve->points[0].score;
  for (guint k = 1; k < curve->n_points; k++)
    {
      curve->min_score = MIN (curve->min_score, curve->points[k].score);
      curve->max_score = MAX (curve->max_score, curve->points[k].score);
    }
  return curve;
}

double
li_score_curve_value_at (const LiScoreCurve *curve,
                         gint64              t_ms)
{
  const LiCurvePoint *p = curve->points;
  guint n = curve->n_points;

  if (t_ms <= p[0].t_ms)
    return p[0].score;
  for (guint k = 1; k < n; k++)
    if (t_ms <= p[k].t_ms)
      {
        double span = (double) (p[k].t_ms - p[k - 1].t_ms);
        return span <= 0 ? p[k].score
                         : p[k - 1].score + (p[k].score - p[k - 1].score) * (double) (t_ms - p[k - 1].t_ms) / span;
      }
  return p[n - 1].score;
}
