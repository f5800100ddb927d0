/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "li-journeys.h"
#include "li-number.h"
#include "li-replay-metrics.h"
#include "li-scorer.h"

#define _LI_MS_PER_HOUR 3600000.0
/* The scorer's tolerance of stage conditions (SPEC 4). */
#define _LI_STAGE_EPSILON 1e-9

typedef struct
{
  guint32  lead;
  guint32  first;       /* its first journey event in the score arrays */
  guint32  n;
  gboolean converted;
  gint64   t_outcome;
  double   peak;        /* as printed */
} JourneyLead;

struct _LiJourneys
{
  const LiEventStore *store;
  guint               skipped;
  guint64             n_events;
  GArray             *leads;   /* JourneyLead */
  GArray             *time;    /* gint64 per journey event */
  GArray             *score;   /* double */
  GArray             *intent;
  GArray             *fit;
  GArray             *unit;    /* li_journeys_new_linear: the number's unit part, else NULL */
  gboolean            unit_is_fit;
};

/* First index in [lo, hi) whose time is > @t (or >= when @inclusive), as the
 * replay bounds a journey by --from/--to. */
static guint32
_li_bound (const gint64 *time_ms,
           guint32       lo,
           guint32       hi,
           gint64        t,
           gboolean      inclusive)
{
  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      if (inclusive ? time_ms[mid] < t : time_ms[mid] <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
_li_journeys_add_lead (LiJourneys *j,
                       LiScorer   *scorer,
                       LiScorer   *unit,
                       guint32     l,
                       guint32     begin,
                       guint32     end,
                       gint64     *flag)
{
  const gint64 *time_ms = j->store->time_ms;
  LiJourney journey;
  JourneyLead jl;

  li_scorer_journey (scorer, l, begin, end, flag, &journey);
  j->n_events += journey.n_scored;
  if (journey.n_scored == 0)
    {
      j->skipped++;
      return;
    }
  jl = (JourneyLead) { l, j->time->len, journey.n_scored, journey.converted, journey.t_outcome,
                       li_number_as_printed (journey.peak) };
  g_array_append_val (j->leads, jl);
  /* The same prefixes again, keeping each score (the scorer is
   * deterministic, so these are the journey's scores). */
  li_scorer_begin_lead (scorer, l);
  for (guint32 i = begin; i < begin + journey.n_scored; i++)
    {
      LiScore sc;

      li_scorer_feed (scorer, i);
      li_scorer_eval (scorer, time_ms[i], &sc);
      g_array_append_val (j->time, time_ms[i]);
      g_array_append_val (j->score, sc.score);
      g_array_append_val (j->intent, sc.intent);
      g_array_append_val (j->fit, sc.fit);
    }
  if (unit == NULL)
    return;
  /* The unit rules fire on the same journey: it ends at the same outcome. */
  li_scorer_begin_lead (unit, l);
  for (guint32 i = begin; i < begin + journey.n_scored; i++)
    {
      LiScore sc;
      double u;

      li_scorer_feed (unit, i);
      li_scorer_eval (unit, time_ms[i], &sc);
      u = j->unit_is_fit ? sc.fit : sc.intent;
      g_array_append_val (j->unit, u);
    }
}

void
li_journeys_free (LiJourneys *j)
{
  if (j == NULL)
    return;
  g_array_unref (j->leads);
  g_array_unref (j->time);
  g_array_unref (j->score);
  g_array_unref (j->intent);
  g_array_unref (j->fit);
  g_clear_pointer (&j->unit, g_array_unref);
  g_free (j);
}

static LiJourneys *
_li_journeys_build (const LiPlan          *plan,
                    const LiPlan          *unit_plan,
                    gboolean               unit_is_fit,
                    const LiReplayOptions *options,
                    GCancellable          *cancellable,
                    GError               **error)
{
  const LiEventStore *store = li_plan_get_store (plan);
  g_autoptr(LiScorer) scorer = li_scorer_new (plan);
  g_autoptr(LiScorer) unit = unit_plan ? li_scorer_new (unit_plan) : NULL;
  g_autofree gint64 *flag = g_new (gint64, MAX (li_plan_n_stages (plan), 1));
  LiJourneys *j = g_new0 (LiJourneys, 1);

  j->store = store;
  j->leads = g_array_new (FALSE, FALSE, sizeof (JourneyLead));
  j->time = g_array_new (FALSE, FALSE, sizeof (gint64));
  j->score = g_array_new (FALSE, FALSE, sizeof (double));
  j->intent = g_array_new (FALSE, FALSE, sizeof (double));
  j->fit = g_array_new (FALSE, FALSE, sizeof (double));
  if (unit_plan)
    j->unit = g_array_new (FALSE, FALSE, sizeof (double));
  j->unit_is_fit = unit_is_fit;
  for (guint32 l = 0; l < store->n_leads; l++)
    {
      guint32 begin = store->lead_start[l], end = store->lead_start[l + 1];

      if (l % 8192 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return (li_journeys_free (j), NULL);
      if (options && options->has_from)
        begin = _li_bound (store->time_ms, begin, end, options->from_ms, TRUE);
      if (options && options->has_to)
        end = _li_bound (store->time_ms, begin, end, options->to_ms, FALSE);
      if (begin < end)
        _li_journeys_add_lead (j, scorer, unit, l, begin, end, flag);
    }
  return j;
}

LiJourneys *
li_journeys_new (const LiPlan          *plan,
                 const LiReplayOptions *options,
                 GCancellable          *cancellable,
                 GError               **error)
{
  return _li_journeys_build (plan, NULL, FALSE, options, cancellable, error);
}

LiJourneys *
li_journeys_new_linear (const LiPlan          *base_plan,
                        const LiPlan          *unit_plan,
                        gboolean               unit_is_fit,
                        const LiReplayOptions *options,
                        GCancellable          *cancellable,
                        GError               **error)
{
  return _li_journeys_build (base_plan, unit_plan, unit_is_fit, options, cancellable, error);
}

/* The stage of one score: the first whose conditions hold (SPEC 4), as the
 * scorer computes it (thresholds lowered by the tolerance, unset NaN). */
static guint
_li_stage_of (const double *min_score,
              const double *min_intent,
              const double *min_fit,
              guint         n_stages,
              double        score,
              double        intent,
              double        fit)
{
  guint s;

  for (s = 0; s + 1 < n_stages; s++)
    if (!(score < min_score[s]) && !(intent < min_intent[s]) && !(fit < min_fit[s]))
      break;
  return s;
}

static LiReplayResult *
_li_journeys_restage (const LiJourneys *j,
                      const LiRules    *rules,
                      guint             bins,
                      const double     *score,
                      const double     *intent,
                      const double     *fit,
                      const double     *peak)
{
  guint n_stages = rules->n_stages;
  double window_ms = rules->window_days * 86400000.0;
  const gint64 *time = (const gint64 *) j->time->data;
  g_autofree double *min_score = g_new (double, MAX (n_stages, 1));
  g_autofree double *min_intent = g_new (double, MAX (n_stages, 1));
  g_autofree double *min_fit = g_new (double, MAX (n_stages, 1));
  g_autofree gint64 *flag = g_new (gint64, MAX (n_stages, 1));
  g_autoptr(GPtrArray) hours = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  LiReplayResult *r = g_new0 (LiReplayResult, 1);

  for (guint s = 0; s < n_stages; s++)
    {
      const LiStage *st = &rules->stages[s];

      min_score[s] = st->has_min_score ? st->min_score - _LI_STAGE_EPSILON : NAN;
      min_intent[s] = st->has_min_intent ? st->min_intent - _LI_STAGE_EPSILON : NAN;
      min_fit[s] = st->has_min_fit ? st->min_fit - _LI_STAGE_EPSILON : NAN;
      g_ptr_array_add (hours, g_array_new (FALSE, FALSE, sizeof (double)));
    }
  r->ref_count = 1;
  r->n_stages = n_stages;
  r->stages = g_new0 (LiStageMetrics, MAX (n_stages, 1));
  r->per_lead = g_new (LiLeadOutcome, MAX (j->leads->len, 1));
  r->skipped_leads = j->skipped;
  r->n_events = j->n_events;
  for (guint k = 0; k < j->leads->len; k++)
    {
      const JourneyLead *jl = &g_array_index (j->leads, JourneyLead, k);
      LiLeadOutcome *o = &r->per_lead[r->leads++];
      guint reached = n_stages;

      for (guint32 e = jl->first; e < jl->first + jl->n && reached > 0; e++)
        {
          guint st = _li_stage_of (min_score, min_intent, min_fit, n_stages, score[e], intent[e], fit[e]);
          for (; reached > st; reached--)
            flag[reached - 1] = time[e];
        }
      o->lead = jl->lead;
      o->peak_score = peak ? peak[k] : jl->peak;
      o->peak_stage = reached;
      o->converted = jl->converted;
      r->converters += jl->converted;
      r->stages[reached].peak_count++;
      for (guint s = reached; s < n_stages; s++)
        {
          r->stages[s].flagged++;
          if (jl->converted && (double) (jl->t_outcome - flag[s]) <= window_ms)
            {
              double h = (double) (jl->t_outcome - flag[s]) / _LI_MS_PER_HOUR;
              r->stages[s].true_positives++;
              g_array_append_val (hours->pdata[s], h);
            }
        }
    }
  r->base_rate = li_metric_ratio (r->converters, r->leads);
  for (guint s = 0; s < n_stages; s++)
    {
      LiStageMetrics *m = &r->stages[s];

      m->name = g_strdup (rules->stages[s].name);
      m->median_hours_to_outcome = li_metric_median (hours->pdata[s]);
      m->false_positives = m->flagged - m->true_positives;
      m->false_negatives = r->converters - m->true_positives;
      m->precision = li_metric_ratio (m->true_positives, m->flagged);
      m->recall = li_metric_ratio (m->true_positives, r->converters);
      m->lift = isnan (m->precision) || isnan (r->base_rate) || r->base_rate == 0
                  ? NAN : m->precision / r->base_rate;
    }
  r->auc = li_metric_auc (r->per_lead, r->leads, r->converters);
  li_histogram_fill (r, bins > 0 ? bins : 40);
  return r;
}

LiReplayResult *
li_journeys_restage (const LiJourneys *j,
                     const LiRules    *rules,
                     guint             bins)
{
  return _li_journeys_restage (j, rules, bins, (const double *) j->score->data,
                               (const double *) j->intent->data, (const double *) j->fit->data, NULL);
}

LiReplayResult *
li_journeys_restage_linear (const LiJourneys *j,
                            const LiRules    *rules,
                            double            points,
                            double            cap,
                            guint             bins)
{
  gsize n = j->time->len;
  const double *unit = (const double *) j->unit->data;
  const double *intent0 = (const double *) j->intent->data;
  const double *fit0 = (const double *) j->fit->data;
  g_autofree double *score = g_new (double, MAX (n, 1));
  g_autofree double *intent = g_new (double, MAX (n, 1));
  g_autofree double *fit = g_new (double, MAX (n, 1));
  g_autofree double *peak = g_new (double, MAX (j->leads->len, 1));

  g_return_val_if_fail (j->unit != NULL, NULL);
  for (guint k = 0; k < j->leads->len; k++)
    {
      const JourneyLead *jl = &g_array_index (j->leads, JourneyLead, k);
      double best = -G_MAXDOUBLE;

      for (guint32 e = jl->first; e < jl->first + jl->n; e++)
        {
          /* The scorer's sum: intent (capped parts) plus fit. */
          double part = points * unit[e];

          if (cap > 0)
            part = CLAMP (part, -cap, cap);
          intent[e] = j->unit_is_fit ? intent0[e] : intent0[e] + part;
          fit[e] = j->unit_is_fit ? fit0[e] + part : fit0[e];
          score[e] = intent[e] + fit[e];
          best = MAX (best, score[e]);
        }
      peak[k] = li_number_as_printed (best);
    }
  return _li_journeys_restage (j, rules, bins, score, intent, fit, peak);
}
