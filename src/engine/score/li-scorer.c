/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-scorer.c: the one-pass scorer (SPEC 4).  One lead at a time: decayed
 * sums per accumulator, updated as events arrive (exponential by
 * multiplying by 2^(−Δ/h), window and linear with queues of live items);
 * patterns and fit are fed from here (li-patterns.c, li-fit.c). */

#include "config.h"

#include <math.h>
#include <string.h>

#include "li-scorer-private.h"

LiScorer *
li_scorer_new (const LiPlan *plan)
{
  LiScorer *s = g_new0 (LiScorer, 1);
  gsize len = MAX (plan->max_lead_len, 1);

  s->plan = plan;
  s->accs = g_new0 (Acc, MAX (plan->n_accs, 1));
  s->exp_factor = g_new0 (double, MAX (plan->n_exp, 1));
  _li_patterns_init (s);
  s->day = g_new (gint64, len);
  s->product = g_new (guint32, len);
  s->attr_value = g_new (guint32, MAX (plan->n_attrs, 1));
  s->active = g_new (guint, MAX (plan->n_accs, 1));
  s->is_active = g_new0 (gboolean, MAX (plan->n_accs, 1));
  if (plan->n_fits > 0)
    {
      gsize n_values = MAX (li_str_pool_size (plan->store->values), 1);
      s->number = g_new (double, n_values);
      s->number_known = g_new0 (guint8, n_values);
    }
  _li_fit_init (s);
  if (_li_scorer_flat_applies (plan))
    s->flat = _li_scorer_flat_new (plan, s->accs);
  return s;
}

void
li_scorer_free (LiScorer *s)
{
  if (s == NULL)
    return;
  for (guint a = 0; a < s->plan->n_accs; a++)
    {
      g_free (s->accs[a].q_t);
      g_free (s->accs[a].q_p);
    }
  _li_patterns_free (s);
  g_free (s->accs);
  g_free (s->exp_factor);
  g_free (s->day);
  g_free (s->product);
  g_free (s->attr_value);
  g_free (s->active);
  g_free (s->is_active);
  g_free (s->number);
  g_free (s->number_known);
  _li_fit_free (s);
  _li_scorer_flat_free (s->flat, s->plan->n_attrs);
  g_free (s->added);
  g_free (s);
}

/* Forgets intent and patterns: a new lead, or an outcome event. */
static void
_li_scorer_reset_intent (LiScorer *s,
                         guint32   seg_begin)
{
  for (guint k = 0; k < s->n_active; k++)
    {
      _li_acc_clear (&s->accs[s->active[k]]);
      s->is_active[s->active[k]] = FALSE;
    }
  s->n_active = 0;
  s->n_decaying = 0;
  s->changed = TRUE;
  _li_patterns_reset (s, seg_begin);
  s->seg_begin = seg_begin;
}

void
li_scorer_begin_lead (LiScorer *s,
                      guint32   lead)
{
  const LiPlan *plan = s->plan;

  s->lead = lead;
  s->lead_begin = plan->store->lead_start[lead];
  s->started = FALSE;
  s->patterns_fired = 0;
  _li_scorer_reset_intent (s, s->lead_begin);
  for (guint a = 0; a < plan->n_attrs; a++)
    s->attr_value[a] = _LI_NONE;
  _li_fit_begin_lead (s);
  s->fit_dirty = TRUE;
}

/* Linear decay is Σ p·(1 − (t − t_e)/W) = S − (S·(t − a) − Σ p·(t_e − a))/W
 * for any anchor a.  Far from a, both products are large and their
 * difference loses the digits that matter when W is small, so the sums are
 * taken again from the live items (all within W of now) once now is more
 * than LI_LINEAR_REBASE windows past a.  Each item is summed again at most
 * once per rebase it survives, and it survives only one: amortised O(1). */
#define LI_LINEAR_REBASE 16

static void
_li_acc_rebase (Acc *acc)
{
  acc->anchor = acc->q_t[acc->head];
  acc->sum = acc->sum_t = 0;
  for (guint k = acc->head; k < acc->tail; k++)
    {
      acc->sum += acc->q_p[k];
      acc->sum_t += acc->q_p[k] * (double) (acc->q_t[k] - acc->anchor);
    }
}

void
_li_acc_expire (const AccSpec *spec,
                Acc           *acc,
                gint64         t)
{
  /* An item is worth 0 once t − t_e ≥ the window. */
  while (acc->head < acc->tail && (double) (t - acc->q_t[acc->head]) >= spec->param_ms)
    {
      acc->sum -= acc->q_p[acc->head];
      acc->sum_t -= acc->q_p[acc->head] * (double) (acc->q_t[acc->head] - acc->anchor);
      acc->head++;
    }
  if (acc->head == acc->tail)
    _li_acc_clear (acc);
  else if (spec->model == LI_DECAY_LINEAR &&
           (double) (t - acc->anchor) > LI_LINEAR_REBASE * spec->param_ms)
    _li_acc_rebase (acc);
}

/* Inlined (into feed and eval): a call was a tenth of the journey loop's
 * instructions, most of them saving and restoring registers. */
G_ALWAYS_INLINE static inline void
_li_scorer_advance (LiScorer *s,
                    gint64    t)
{
  const LiPlan *plan = s->plan;
  gint64 dt;

  if (!s->started)
    {
      s->started = TRUE;
      s->last_t = t;
      return;
    }
  dt = t - s->last_t;
  if (dt <= 0)
    return;
  s->last_t = t;
  if (s->n_decaying == 0)
    return;  /* only accumulators without decay: nothing moves */
  s->changed = TRUE;

  for (guint g = 0; g < plan->n_exp; g++)
    s->exp_factor[g] = exp2 (-(double) dt / plan->exp_half_ms[g]);

  for (guint k = 0; k < s->n_active; k++)
    {
      guint a = s->active[k];
      const AccSpec *spec = &plan->accs[a];
      Acc *acc = &s->accs[a];

      switch (spec->model)
        {
        case LI_DECAY_NONE:
          break;
        case LI_DECAY_EXPONENTIAL:
          acc->sum *= s->exp_factor[spec->exp_group];
          break;
        case LI_DECAY_WINDOW:
        case LI_DECAY_LINEAR:
          _li_acc_expire (spec, acc, t);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

void
_li_scorer_add (LiScorer *s,
                guint     a,
                gint64    t,
                double    points)
{
  Acc *acc = &s->accs[a];

  if (G_UNLIKELY (s->in_flat_journey))
    {
      _li_scorer_flat_add (s->plan, s->flat, a, t, points);
      return;
    }
  if (!s->is_active[a])
    {
      s->is_active[a] = TRUE;
      s->active[s->n_active++] = a;
      s->n_decaying += s->plan->accs[a].model != LI_DECAY_NONE;
    }
  s->changed = TRUE;
  if (G_UNLIKELY (s->added != NULL))
    s->added[s->n_added++] = a;
  acc->sum += points;
  if (_li_acc_is_queued (&s->plan->accs[a]))
    _li_acc_push (acc, t, points);
}

void
_li_acc_push (Acc    *acc,
              gint64  t,
              double  points)
{
  if (acc->head == acc->tail)
    acc->anchor = t;
  acc->sum_t += points * (double) (t - acc->anchor);
  if (acc->tail == acc->cap)
    {
      if (acc->head > acc->cap / 2)
        {
          memmove (acc->q_t, acc->q_t + acc->head, (acc->tail - acc->head) * sizeof *acc->q_t);
          memmove (acc->q_p, acc->q_p + acc->head, (acc->tail - acc->head) * sizeof *acc->q_p);
          acc->tail -= acc->head;
          acc->head = 0;
        }
      else
        {
          acc->cap = MAX (16, acc->cap * 2);
          acc->q_t = g_renew (gint64, acc->q_t, acc->cap);
          acc->q_p = g_renew (double, acc->q_p, acc->cap);
        }
    }
  acc->q_t[acc->tail] = t;
  acc->q_p[acc->tail] = points;
  acc->tail++;
}

/* Inlined into the journey loop: the replay's hot path. */
G_ALWAYS_INLINE static inline void
_li_scorer_feed (LiScorer *s,
                 guint32   i)
{
  const LiPlan *plan = s->plan;
  const LiEventStore *store = plan->store;
  gint64 t = store->time_ms[i];
  guint16 name = store->name[i];

  /* Fit sees every event, outcomes included. */
  if (plan->n_attrs > 0)
    for (guint32 j = store->prop_start[i]; j < store->prop_start[i + 1]; j++)
      {
        int a = plan->key_attr[store->prop_key[j]];
        guint32 value;

        if (a < 0)
          continue;
        value = li_event_store_prop_value (store, j);
        if (s->attr_value[a] != value)
          {
            s->attr_value[a] = value;
            _li_fit_attr_changed (s, a);
          }
      }

  if (!s->started)
    for (guint p = 0; p < plan->n_patterns; p++)
      s->patterns[p].head = i;  /* the replay may start after the lead's first event */
  _li_scorer_advance (s, t);
  if (plan->has_outcome && name == plan->outcome)
    {
      _li_scorer_reset_intent (s, i + 1);
      return;
    }

  for (guint m = plan->name_match_start[name]; m < plan->name_match_start[name + 1]; m++)
    {
      const Matcher *match = &plan->matchers[m];
      gboolean ok = TRUE;

      for (guint w = 0; w < match->n_where && ok; w++)
        ok = _li_where_matches (store, &plan->wheres[match->where_start + w], i);
      if (ok)
        _li_scorer_add (s, match->acc, t, match->points);
    }

  if (plan->n_patterns > 0)
    _li_patterns_feed (s, i, t);
}

G_ALWAYS_INLINE static inline void
_li_scorer_eval (LiScorer *s,
                 gint64    t,
                 LiScore  *out)
{
  const LiPlan *plan = s->plan;
  double intent = 0;
  guint stage;  /* not guint16: the loop must end however many stages */

  _li_scorer_advance (s, t);
  for (guint k = 0; k < s->n_active; k++)
    {
      guint a = s->active[k];
      const AccSpec *spec = &plan->accs[a];
      double v = _li_acc_value (spec, &s->accs[a], t);

      if (spec->cap > 0)
        v = CLAMP (v, -spec->cap, spec->cap);
      intent += v;
    }
  if (s->fit_dirty)
    {
      s->fit = _li_fit_eval (s);
      s->fit_dirty = FALSE;
    }

  out->intent = intent;
  out->fit = s->fit;
  out->score = intent + s->fit;
  for (stage = 0; stage + 1 < plan->n_stages; stage++)
    if (!(out->score < plan->min_score[stage]) && !(intent < plan->min_intent[stage]) &&
        !(s->fit < plan->min_fit[stage]))
      break;
  out->stage = stage;
}

void
_li_scorer_record_adds (LiScorer *s)
{
  g_return_if_fail (li_plan_is_explained (s->plan));
  if (s->added == NULL)
    s->added = g_new (guint, MAX (s->plan->n_accs, 1));
  s->n_added = 0;
}

double
_li_scorer_acc_raw (LiScorer *s,
                    guint     a,
                    gint64    t)
{
  /* An accumulator that nothing fed since the last reset is empty: 0. */
  return _li_acc_value (&s->plan->accs[a], &s->accs[a], t);
}

void
li_scorer_feed (LiScorer *s,
                guint32   i)
{
  _li_scorer_feed (s, i);
}

void
li_scorer_eval (LiScorer *s,
                gint64    t,
                LiScore  *out)
{
  _li_scorer_eval (s, t, out);
}

void
li_scorer_journey (LiScorer  *s,
                   guint32    lead,
                   guint32    begin,
                   guint32    end,
                   gint64    *flag_ms,
                   LiJourney *out)
{
  const LiPlan *plan = s->plan;
  const gint64 *time_ms = plan->store->time_ms;
  guint reached = plan->n_stages;
  double peak = -G_MAXDOUBLE;
  guint32 i;

  if (s->flat != NULL && s->added == NULL)
    {
      _li_scorer_journey_flat (s, lead, begin, end, flag_ms, out);
      return;
    }
  out->converted = FALSE;
  out->t_outcome = 0;
  li_scorer_begin_lead (s, lead);
  for (i = begin; i < end; i++)
    {
      LiScore sc;

      if (plan->has_outcome && plan->store->name[i] == plan->outcome)
        {
          out->converted = TRUE;
          out->t_outcome = time_ms[i];
          break;
        }
      _li_scorer_feed (s, i);
      /* Nothing moved (no points, no decay, fit as it was): the score is
       * the last one, and so are the peak and the stage. */
      if (i > begin && !s->changed && !s->fit_dirty)
        continue;
      s->changed = FALSE;
      _li_scorer_eval (s, time_ms[i], &sc);
      peak = MAX (peak, sc.score);
      for (; reached > sc.stage; reached--)
        flag_ms[reached - 1] = time_ms[i];
    }
  out->peak = peak;
  out->reached = reached;
  out->n_scored = i - begin;
  out->patterns_fired = s->patterns_fired;
}
