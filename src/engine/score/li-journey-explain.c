/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-journey-explain.c: the replay's journey scored with one accumulator
 * per rule (an explained plan), so that the rule diagnostics can tell the
 * rules apart.  Slower than the replay's scorer, and only run when asked. */

#include "config.h"

#include <string.h>

#include "li-journey-explain.h"
#include "li-scorer-private.h"

struct _LiJourneyExplainer
{
  const LiPlan *plan;
  LiScorer     *scorer;
  guint        *acc_slot;  /* accumulator → slot (one owner each) */
  guint        *slot_acc;  /* slot → accumulator, _LI_NONE */
  guint         n_slots;
  gboolean     *fired;
  double       *at_flag;
};

LiJourneyExplainer *
li_journey_explainer_new (const LiPlan *explained)
{
  const LiRules *rules = li_plan_get_rules (explained);
  LiJourneyExplainer *self;

  g_return_val_if_fail (li_plan_is_explained (explained), NULL);
  self = g_new0 (LiJourneyExplainer, 1);
  self->plan = explained;
  self->scorer = li_scorer_new (explained);
  self->n_slots = rules->n_intent + rules->n_patterns;
  self->acc_slot = g_new0 (guint, MAX (explained->n_accs, 1));
  self->slot_acc = g_new (guint, MAX (self->n_slots, 1));
  for (guint r = 0; r < rules->n_intent; r++)
    self->slot_acc[r] = explained->intent_acc[r];
  for (guint p = 0; p < rules->n_patterns; p++)
    self->slot_acc[rules->n_intent + p] = explained->pattern_acc[p];
  for (guint k = 0; k < self->n_slots; k++)
    if (self->slot_acc[k] != _LI_NONE)
      self->acc_slot[self->slot_acc[k]] = k;
  self->fired = g_new0 (gboolean, MAX (self->n_slots, 1));
  self->at_flag = g_new0 (double, MAX (self->n_slots, 1));
  _li_scorer_record_adds (self->scorer);
  return self;
}

void
li_journey_explainer_free (LiJourneyExplainer *self)
{
  if (self == NULL)
    return;
  li_scorer_free (self->scorer);
  g_free (self->acc_slot);
  g_free (self->slot_acc);
  g_free (self->fired);
  g_free (self->at_flag);
  g_free (self);
}

guint
li_journey_explainer_n_slots (LiJourneyExplainer *self)
{
  return self->n_slots;
}

const gboolean *
li_journey_explainer_fired (LiJourneyExplainer *self)
{
  return self->fired;
}

const double *
li_journey_explainer_at_flag (LiJourneyExplainer *self)
{
  return self->at_flag;
}

/* Each slot's capped contribution at @t, the time of the last eval. */
static void
_li_journey_explainer_keep_parts (LiJourneyExplainer *self,
                                  gint64              t)
{
  for (guint k = 0; k < self->n_slots; k++)
    {
      guint a = self->slot_acc[k];
      double cap, v;

      if (a == _LI_NONE)
        continue;
      cap = self->plan->accs[a].cap;
      v = _li_scorer_acc_raw (self->scorer, a, t);
      self->at_flag[k] = cap > 0 ? CLAMP (v, -cap, cap) : v;
    }
}

void
li_journey_explainer_run (LiJourneyExplainer *self,
                          guint32             lead,
                          guint32             begin,
                          guint32             end,
                          guint               flag_stage,
                          LiJourneyParts     *out)
{
  const LiPlan *plan = self->plan;
  const LiEventStore *store = plan->store;
  LiScorer *s = self->scorer;
  guint32 i;

  memset (out, 0, sizeof *out);
  memset (self->fired, 0, MAX (self->n_slots, 1) * sizeof *self->fired);
  memset (self->at_flag, 0, MAX (self->n_slots, 1) * sizeof *self->at_flag);
  li_scorer_begin_lead (s, lead);
  for (i = begin; i < end; i++)
    {
      if (plan->has_outcome && store->name[i] == plan->outcome)
        {
          out->converted = TRUE;
          break;
        }
      s->n_added = 0;
      li_scorer_feed (s, i);
      for (guint k = 0; k < s->n_added; k++)
        self->fired[self->acc_slot[s->added[k]]] = TRUE;
      if (out->flagged)
        continue;  /* the flag moment is known: only firings matter now */
      li_scorer_eval (s, store->time_ms[i], &out->at_flag);
      if (out->at_flag.stage <= flag_stage)
        {
          out->flagged = TRUE;
          out->flag_ms = store->time_ms[i];
          _li_journey_explainer_keep_parts (self, store->time_ms[i]);
        }
    }
  out->n_scored = i - begin;
  if (!out->flagged)
    memset (&out->at_flag, 0, sizeof out->at_flag);
}
