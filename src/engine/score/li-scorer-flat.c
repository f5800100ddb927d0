/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-scorer-flat.c: the journey of a plan (li_scorer_journey), unless it
 * is explained or an attribute has more than seven fit rules.  It does the
 * arithmetic of li-scorer.c in the same order, so its scores are the same
 * bits (tests/test-scorer-paths.c holds it to that), but in blocks of a
 * lead's events: first the decay of every step (exp2 back to back) and
 * the fit after every event (all fit rules of an attribute answered for a
 * value by one byte, worked out the first time the value is seen), then
 * the events in a loop over flat arrays of the active accumulators, in
 * the order they were first fed, as li-scorer.c sums them.  Window and
 * linear sums and the patterns keep the general scorer's state; the
 * patterns are fed a block at a time too, one pattern after another.  The
 * general journey was mostly mispredicted branches on what each event
 * carries; these loops have few. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "li-number.h"
#include "li-scorer-private.h"

/* A byte of fit bits: bit k says whether the attribute's k-th rule holds,
 * _LI_BITS_KNOWN that the byte was worked out (0: not yet). */
#define _LI_BITS_KNOWN 0x80
#define _LI_MAX_ATTR_FITS 7
/* Up to this many accumulators, every slot is summed (unused ones are 0):
 * a loop of a fixed length is predicted, one of the lead's length not. */
#define _LI_FIXED_WIDTH 16

gboolean
_li_scorer_flat_applies (const LiPlan *plan)
{
  g_autofree guint *per_attr = g_new0 (guint, MAX (plan->n_attrs, 1));

  if (li_plan_is_explained (plan))
    return FALSE;
  for (guint f = 0; f < plan->n_fits; f++)
    if (++per_attr[plan->fits[f].attr] > _LI_MAX_ATTR_FITS)
      return FALSE;
  return TRUE;
}

/* An unused slot: 0, no cap, no decay, so that the intent summed over
 * every slot is the sum over the used ones: + 0 changes no bit of it (it
 * starts at +0, and an addition gives −0 only of two −0). */
static void
_li_flat_clear_slot (const LiPlan *plan,
                     FlatState    *x,
                     guint         k)
{
  x->sum[k] = 0;
  x->cap[k] = INFINITY;  /* CLAMP to ±∞ changes no bit */
  x->group[k] = plan->n_exp;
}

/* What an event of each name adds without a loop over the matchers: most
 * names have one rule without conditions, or none (the sink). */
static void
_li_flat_name_rules (const LiPlan *plan,
                     FlatState    *x)
{
  guint n_names = li_str_pool_size (plan->store->names);

  x->name_acc = g_new (guint, MAX (n_names, 1));
  x->name_points = g_new (double, MAX (n_names, 1));
  x->name_loop = g_new0 (gboolean, MAX (n_names, 1));
  for (guint n = 0; n < n_names; n++)
    {
      guint first = plan->name_match_start[n], count = plan->name_match_start[n + 1] - first;

      x->name_acc[n] = plan->n_accs;
      x->name_points[n] = 0;
      if (count == 1 && plan->matchers[first].n_where == 0 &&
          !_li_acc_is_queued (&plan->accs[plan->matchers[first].acc]))
        {
          x->name_acc[n] = plan->matchers[first].acc;
          x->name_points[n] = plan->matchers[first].points;
        }
      else if (count > 0)
        x->name_loop[n] = TRUE;
    }
}

FlatState *
_li_scorer_flat_new (const LiPlan *plan,
                     Acc          *accs)
{
  FlatState *x = g_new0 (FlatState, 1);
  guint n_accs = MAX (plan->n_accs, 1), n_attrs = MAX (plan->n_attrs, 1);
  guint *seen = g_new0 (guint, n_attrs);

  /* Slot n_accs is the sink of the events no rule gives points. */
  x->sum = g_new (double, n_accs + 1);
  x->cap = g_new (double, n_accs + 1);
  x->group = g_new (guint, n_accs + 1);
  x->acc_of = g_new (guint, n_accs + 1);
  x->slot = g_new (int, n_accs + 1);
  x->queued = g_new (guint, n_accs);
  x->accs = accs;
  for (guint k = 0; k <= plan->n_accs; k++)
    _li_flat_clear_slot (plan, x, k);
  for (guint a = 0; a < plan->n_accs; a++)
    x->slot[a] = -1;
  x->slot[plan->n_accs] = (int) plan->n_accs;
  x->width = plan->n_accs <= _LI_FIXED_WIDTH ? plan->n_accs : 0;
  _li_flat_name_rules (plan, x);
  if (_li_patterns_in_blocks (plan))
    x->fired = g_new (guint64, _LI_BLOCK);
  /* The step into event k of a lead: each half-life's factor, then 1 for
   * no decay (× 1 changes no bit). */
  x->stride = plan->n_exp + 1;
  x->step = g_new (double, (gsize) _LI_BLOCK * x->stride);
  for (gsize k = 0; k < _LI_BLOCK; k++)
    x->step[k * x->stride + plan->n_exp] = 1.0;

  x->event_bits = g_new0 (guint8 *, n_attrs);
  x->lead_bits = g_new0 (guint8 *, n_attrs);
  x->missing_bits = g_new0 (guint8, n_attrs);
  x->bits = g_new0 (guint8, n_attrs);
  x->fit_attr = g_new (guint, MAX (plan->n_fits, 1));
  x->fit_mask = g_new (guint8, MAX (plan->n_fits, 1));
  x->fit_points = g_new (double, MAX (plan->n_fits, 1));
  x->last_fit = g_new (guint32, _LI_BLOCK);
  x->fit_at = g_new (double, _LI_BLOCK);
  for (guint f = 0; f < plan->n_fits; f++)
    {
      guint a = plan->fits[f].attr;

      x->fit_attr[f] = a;
      x->fit_mask[f] = 1u << seen[a]++;
      x->fit_points[f] = plan->fits[f].rule->points;
    }
  g_free (seen);
  return x;
}

void
_li_scorer_flat_free (FlatState *x,
                      guint      n_attrs)
{
  if (x == NULL)
    return;
  for (guint a = 0; a < n_attrs; a++)
    {
      g_free (x->event_bits[a]);
      g_free (x->lead_bits[a]);
    }
  g_free (x->sum);
  g_free (x->cap);
  g_free (x->group);
  g_free (x->acc_of);
  g_free (x->slot);
  g_free (x->queued);
  g_free (x->step);
  g_free (x->event_bits);
  g_free (x->lead_bits);
  g_free (x->missing_bits);
  g_free (x->bits);
  g_free (x->fit_attr);
  g_free (x->fit_mask);
  g_free (x->fit_points);
  g_free (x->prop_event);
  g_free (x->fit_prop);
  g_free (x->fit_event);
  g_free (x->fit_value);
  g_free (x->last_fit);
  g_free (x->fit_at);
  g_free (x->name_acc);
  g_free (x->name_points);
  g_free (x->name_loop);
  g_free (x->fired);
  g_free (x);
}

/* The fit bits of attribute @a for @value (NULL: the lead has none), the
 * rules in the order they are written. */
static guint8
_li_flat_work_out_bits (const LiPlan *plan,
                        guint         a,
                        const char   *value)
{
  double number = NAN;
  guint8 bits = _LI_BITS_KNOWN, bit = 1;

  if (value != NULL && !li_parse_number (value, &number))
    number = NAN;
  for (guint f = 0; f < plan->n_fits; f++)
    if (plan->fits[f].attr == a)
      {
        if (_li_fit_matches (plan->fits[f].rule, value, number))
          bits |= bit;
        bit <<= 1;
      }
  return bits;
}

/* The bits of value @v of @pool, worked out into the table *@table
 * (allocated when first needed). */
static G_NO_INLINE guint8
_li_flat_work_out_entry (const LiPlan    *plan,
                         guint            a,
                         guint8         **table,
                         const LiStrPool *pool,
                         guint32          v)
{
  if (*table == NULL)
    *table = g_new0 (guint8, MAX (li_str_pool_size (pool), 1));
  (*table)[v] = _li_flat_work_out_bits (plan, a, li_str_pool_get (pool, v));
  return (*table)[v];
}

/* The bits of value @v of @pool, from the table *@table. */
static inline guint8
_li_flat_bits (const LiPlan    *plan,
               guint            a,
               guint8         **table,
               const LiStrPool *pool,
               guint32          v)
{
  if (G_LIKELY (*table != NULL && (*table)[v] != 0))
    return (*table)[v];
  return _li_flat_work_out_entry (plan, a, table, pool, v);
}

/* Each attribute's bits before the lead's first event: from the leads
 * file, else of no value.  The leads file's rows are in its own order, so
 * the next lead's row is fetched now, while this lead's journey runs. */
static void
_li_flat_begin_fit (const LiPlan *plan,
                    FlatState    *x,
                    guint32       lead)
{
  guint32 row = plan->lead_row[lead];

  if (plan->leads != NULL && lead + 1 < plan->store->n_leads && plan->lead_row[lead + 1] != _LI_NONE)
    __builtin_prefetch (plan->leads->value + (gsize) plan->lead_row[lead + 1] * plan->leads->n_attributes);

  for (guint a = 0; a < plan->n_attrs; a++)
    {
      int col = plan->attrs[a].lead_col;
      guint32 lv = LI_LEAD_TABLE_MISSING;

      if (row != _LI_NONE && col >= 0)
        lv = plan->leads->value[(gsize) row * plan->leads->n_attributes + col];
      if (lv != LI_LEAD_TABLE_MISSING)
        x->bits[a] = _li_flat_bits (plan, a, &x->lead_bits[a], plan->leads->values, lv);
      else
        {
          if (G_UNLIKELY (x->missing_bits[a] == 0))
            x->missing_bits[a] = _li_flat_work_out_bits (plan, a, NULL);
          x->bits[a] = x->missing_bits[a];
        }
    }
}

/* The fit points of the bits now, added in rule order as li-fit.c does. */
static inline double
_li_flat_fit (const LiPlan    *plan,
              const FlatState *x)
{
  double fit = 0;

  /* + 0 changes no bit of a sum that starts at +0 (it is never −0), and
   * a select mispredicts less than a branch on what the values hold. */
  for (guint f = 0; f < plan->n_fits; f++)
    fit += (x->bits[x->fit_attr[f]] & x->fit_mask[f]) ? x->fit_points[f] : 0.0;
  return fit;
}

/* The fit of each event of [@begin, @stop) into x->fit_at, the fit
 * before the first event being @fit.  Event values come in properties of
 * a few events at random, so testing each event for them mispredicted most
 * branches; these passes over the lead have almost none.  First each
 * property's event (by counting where events start) and the list of the
 * properties a fit rule reads (each is written, and the list grows by
 * whether its key is one); then what each of those makes the fit; then
 * each event takes the fit of its last such property or keeps the one
 * before. */
static void
_li_flat_fit_timeline (const LiPlan *plan,
                       FlatState    *x,
                       guint32       begin,
                       guint32       stop,
                       double        fit)
{
  const LiEventStore *store = plan->store;
  guint32 p0 = store->prop_start[begin], n_props = store->prop_start[stop] - p0;
  guint32 n_events = stop - begin, n = 0, event = 0;
  guint32 *starts, *at, *of, *last = x->last_fit;
  double *value;
  int last_k = -1;

  if (n_props >= x->prop_room)
    {
      x->prop_room = n_props + 1;
      x->prop_event = g_renew (guint32, x->prop_event, x->prop_room);
      x->fit_prop = g_renew (guint32, x->fit_prop, x->prop_room);
      x->fit_event = g_renew (guint32, x->fit_event, x->prop_room);
      x->fit_value = g_renew (double, x->fit_value, x->prop_room);
    }
  starts = x->prop_event, at = x->fit_prop, of = x->fit_event, value = x->fit_value;

  memset (starts, 0, (n_props + 1) * sizeof *starts);
  for (guint32 k = 1; k < n_events; k++)
    starts[store->prop_start[begin + k] - p0]++;
  for (guint32 j = 0; j < n_props; j++)
    {
      event += starts[j];
      at[n] = p0 + j;
      of[n] = event;
      n += plan->key_attr[store->prop_key[p0 + j]] >= 0;
    }

  for (guint32 c = 0; c < n; c++)
    {
      guint32 j = at[c];
      int a = plan->key_attr[store->prop_key[j]];

      x->bits[a] = _li_flat_bits (plan, a, &x->event_bits[a], store->values,
                                  li_event_store_prop_value (store, j));
      value[c] = _li_flat_fit (plan, x);
    }

  for (guint32 k = 0; k < n_events; k++)
    last[k] = G_MAXUINT32;
  for (guint32 c = 0; c < n; c++)
    last[of[c]] = c;
  for (guint32 k = 0; k < n_events; k++)
    {
      last_k = last[k] != G_MAXUINT32 ? (int) last[k] : last_k;
      x->fit_at[k] = last_k >= 0 ? value[last_k] : fit;
    }
}

/* Makes accumulator @a active: its slot comes after those fed before. */
static inline guint
_li_flat_activate (const LiPlan *plan,
                   FlatState    *x,
                   guint         a)
{
  const AccSpec *spec = &plan->accs[a];
  guint k = x->n_active++;

  x->slot[a] = (int) k;
  x->acc_of[k] = a;
  x->cap[k] = spec->cap > 0 ? spec->cap : INFINITY;
  x->group[k] = spec->model == LI_DECAY_EXPONENTIAL ? spec->exp_group : plan->n_exp;
  x->n_decaying += spec->model != LI_DECAY_NONE;
  if (_li_acc_is_queued (spec))
    x->queued[x->n_queued++] = k;
  return k;
}

void
_li_scorer_flat_add (const LiPlan *plan,
                     FlatState    *x,
                     guint         a,
                     gint64        t,
                     double        points)
{
  int k = x->slot[a];

  if (k < 0)
    k = (int) _li_flat_activate (plan, x, a);
  if (_li_acc_is_queued (&plan->accs[a]))
    {
      Acc *acc = &x->accs[a];

      acc->sum += points;
      _li_acc_push (acc, t, points);
    }
  else
    x->sum[k] += points;
  x->fed = TRUE;
}

/* Event @i's intent rules: whether any added points. */
static inline gboolean
_li_flat_feed_intent (const LiPlan *plan,
                      FlatState    *x,
                      guint32       i,
                      guint16       name)
{
  gboolean added = FALSE;

  if (!x->name_loop[name])
    {
      guint a = x->name_acc[name];
      int k = x->slot[a];

      if (G_UNLIKELY (k < 0))
        k = (int) _li_flat_activate (plan, x, a);
      x->sum[k] += x->name_points[name];
      return a != plan->n_accs;
    }
  for (guint m = plan->name_match_start[name]; m < plan->name_match_start[name + 1]; m++)
    {
      const Matcher *match = &plan->matchers[m];
      gboolean ok = TRUE;

      for (guint w = 0; w < match->n_where && ok; w++)
        ok = _li_where_matches (plan->store, &plan->wheres[match->where_start + w], i);
      if (!ok)
        continue;
      _li_scorer_flat_add (plan, x, match->acc, plan->store->time_ms[i], match->points);
      added = TRUE;
    }
  return added;
}

/* The decay of each half-life into each event of [@from, @to) from the
 * one before (none into @begin, the journey's first), in one loop: exp2 is
 * the dearest step of the journey, and apart from it the calls run back to
 * back. */
static void
_li_flat_factors (const LiPlan *plan,
                  FlatState    *x,
                  guint32       begin,
                  guint32       from,
                  guint32       to)
{
  const gint64 *time_ms = plan->store->time_ms;

  for (guint g = 0; g < plan->n_exp; g++)
    {
      double half_ms = plan->exp_half_ms[g];

      for (guint32 i = MAX (from, begin + 1); i < to; i++)
        {
          gint64 dt = time_ms[i] - time_ms[i - 1];  /* a lead's times never go back */

          if (dt > 0)
            x->step[(gsize) (i - from) * x->stride + g] = exp2 (-(double) dt / half_ms);
        }
    }
}

/* Decays every active sum to @t by the step's factors, and drops the
 * items of window and linear sums that @t is past. */
static inline void
_li_flat_decay (const LiPlan    *plan,
                const FlatState *x,
                const double    *factor,
                gint64           t)
{
  guint width = x->width > 0 ? x->width : x->n_active;

  for (guint k = 0; k < width; k++)
    x->sum[k] *= factor[x->group[k]];
  for (guint q = 0; q < x->n_queued; q++)
    {
      guint a = x->acc_of[x->queued[q]];

      _li_acc_expire (&plan->accs[a], &x->accs[a], t);
    }
}

/* The intent at @t: window and linear sums' values into their slots
 * first, then every slot capped and summed in order. */
static inline double
_li_flat_intent (const LiPlan    *plan,
                 const FlatState *x,
                 gint64           t)
{
  guint width = x->width > 0 ? x->width : x->n_active;
  double intent = 0;

  for (guint q = 0; q < x->n_queued; q++)
    {
      guint k = x->queued[q], a = x->acc_of[k];

      x->sum[k] = _li_acc_value (&plan->accs[a], &x->accs[a], t);
    }

  for (guint k = 0; k < width; k++)
    intent += CLAMP (x->sum[k], -x->cap[k], x->cap[k]);
  return intent;
}

/* The hottest stage of [0, @below) whose conditions the score meets, else
 * @below, or the coldest stage when @below is the number of stages: only
 * a stage hotter than the journey reached so far can change it. */
static inline guint
_li_flat_stage (const LiPlan *plan,
                guint         below,
                double        score,
                double        intent,
                double        fit)
{
  guint last = MIN (below, plan->n_stages - 1), stage;

  for (stage = 0; stage < last; stage++)
    if (!(score < plan->min_score[stage]) && !(intent < plan->min_intent[stage]) &&
        !(fit < plan->min_fit[stage]))
      break;
  return stage;
}

/* The first outcome event of [@begin, @end), else @end. */
static inline guint32
_li_flat_outcome (const LiPlan *plan,
                  guint32       begin,
                  guint32       end)
{
  const guint16 *name = plan->store->name;

  if (!plan->has_outcome)
    return end;
  while (begin < end && name[begin] != plan->outcome)
    begin++;
  return begin;
}

/* Every slot the lead fed unused again, and its window and linear sums
 * empty, as the general scorer's begin_lead would leave them. */
static void
_li_flat_end_lead (const LiPlan *plan,
                   FlatState    *x)
{
  for (guint k = 0; k < x->n_active; k++)
    {
      x->slot[x->acc_of[k]] = -1;
      _li_flat_clear_slot (plan, x, k);
    }
  for (guint q = 0; q < x->n_queued; q++)
    _li_acc_clear (&x->accs[x->acc_of[x->queued[q]]]);
}

void
_li_scorer_journey_flat (LiScorer  *s,
                         guint32    lead,
                         guint32    begin,
                         guint32    end,
                         gint64    *flag_ms,
                         LiJourney *out)
{
  const LiPlan *plan = s->plan;
  const LiEventStore *store = plan->store;
  const gint64 *time_ms = store->time_ms;
  FlatState *x = s->flat;
  guint reached = plan->n_stages;
  double peak = -G_MAXDOUBLE, fit;
  gboolean changed = TRUE;
  gint64 last_t = begin < end ? time_ms[begin] : 0;
  guint32 stop = _li_flat_outcome (plan, begin, end), i = begin;

  x->n_active = x->n_decaying = x->n_queued = 0;
  if (plan->n_patterns > 0)
    {
      /* The patterns' state is the general scorer's; their points come
       * here while s->in_flat_journey is set. */
      li_scorer_begin_lead (s, lead);
      for (guint p = 0; p < plan->n_patterns; p++)
        s->patterns[p].head = begin;  /* as li_scorer_feed sets it on the first event */
      s->in_flat_journey = TRUE;
    }
  _li_flat_begin_fit (plan, x, lead);
  fit = _li_flat_fit (plan, x);
  for (guint32 from = begin, to; from < stop; from = to)
    {
      to = from + MIN (stop - from, _LI_BLOCK);
      if (plan->n_fits > 0)
        _li_flat_fit_timeline (plan, x, from, to, fit);
      if (plan->n_exp > 0)
        _li_flat_factors (plan, x, begin, from, to);
      if (x->fired != NULL)
        _li_patterns_block (s, from, to, x->fired);
      for (i = from; i < to; i++)
        {
          gint64 t = time_ms[i];
          double intent, score;
          guint stage;

          if (plan->n_fits > 0)
            {
              changed |= x->fit_at[i - from] != fit;
              fit = x->fit_at[i - from];
            }
          if (t > last_t)
            {
              if (x->n_decaying > 0)
                {
                  _li_flat_decay (plan, x, x->step + (gsize) (i - from) * x->stride, t);
                  changed = TRUE;
                }
              last_t = t;
            }
          changed |= _li_flat_feed_intent (plan, x, i, store->name[i]);
          /* Patterns add through _li_scorer_flat_add. */
          if (x->fired != NULL && x->fired[i - from] != 0)
            {
              _li_patterns_fire (s, t, x->fired[i - from]);
              changed = TRUE;
            }
          else if (x->fired == NULL && plan->n_patterns > 0)
            {
              x->fed = FALSE;
              _li_patterns_feed (s, i, t);
              changed |= x->fed;
            }

          /* Nothing moved: the score, the peak and the stage are the last. */
          if (!changed)
            continue;
          changed = FALSE;
          intent = _li_flat_intent (plan, x, t);
          score = intent + fit;
          stage = _li_flat_stage (plan, reached, score, intent, fit);
          peak = MAX (peak, score);
          for (; reached > stage; reached--)
            flag_ms[reached - 1] = t;
        }
    }
  _li_flat_end_lead (plan, x);
  s->in_flat_journey = FALSE;

  out->converted = stop < end;
  out->t_outcome = stop < end ? time_ms[stop] : 0;
  out->peak = peak;
  out->reached = reached;
  out->n_scored = i - begin;
  out->patterns_fired = plan->n_patterns > 0 ? s->patterns_fired : 0;
}
