/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rules-changes.c: what an edit of the rules can change in a replay,
 * for the window's rerun (li_replay_rerun).  Each function holds when two
 * rule sets differ in one kind of thing only; everything else is compared
 * with li_rules_equal on a copy that takes the first set's part. */
#include "config.h"

#include <math.h>

#include "li-rules-changes.h"
#include "li-rules-private.h"

typedef enum
{
  _LI_PART_INTENT,
  _LI_PART_PATTERNS,
  _LI_PART_STAGES,
} Part;

/* Whether @a and @b are equal but for @part (patterns and stages: the
 * same number of them). */
static gboolean
_li_equal_but (const LiRules *a,
               const LiRules *b,
               Part           part)
{
  LiRules rest = *b;

  switch (part)
    {
    case _LI_PART_INTENT:
      rest.intent = a->intent;
      rest.n_intent = a->n_intent;
      break;
    case _LI_PART_PATTERNS:
      rest.patterns = a->patterns;
      break;
    case _LI_PART_STAGES:
      rest.stages = a->stages;
      break;
    default:
      g_assert_not_reached ();
    }
  return li_rules_equal (a, &rest);
}

/* name → GPtrArray of its intent rules, in file order. */
static GHashTable *
_li_intent_rules_by_event (const LiRules *rules)
{
  GHashTable *by_event = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < rules->n_intent; i++)
    {
      const char *event = rules->intent[i].event != NULL ? rules->intent[i].event : "";
      GPtrArray *list = g_hash_table_lookup (by_event, event);

      if (list == NULL)
        g_hash_table_insert (by_event, (gpointer) event, list = g_ptr_array_new ());
      g_ptr_array_add (list, &rules->intent[i]);
    }
  return by_event;
}

static gboolean
_li_intent_lists_equal (GPtrArray *a,
                        GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!_li_intent_rule_equal (a->pdata[i], b->pdata[i]))
      return FALSE;
  return TRUE;
}

static void
_li_add_changed_events (GHashTable *from,
                        GHashTable *to,
                        GHashTable *changed)
{
  GHashTableIter iter;
  gpointer event, list;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &event, &list))
    if (!_li_intent_lists_equal (list, g_hash_table_lookup (to, event)))
      g_hash_table_add (changed, event);
}

GStrv
li_rules_intent_changes (const LiRules *a,
                         const LiRules *b)
{
  g_autoptr(GHashTable) by_a = NULL, by_b = NULL, changed = NULL;
  g_autoptr(GStrvBuilder) names = NULL;
  GHashTableIter iter;
  gpointer event;

  g_return_val_if_fail (a != NULL && b != NULL, NULL);
  if (!_li_equal_but (a, b, _LI_PART_INTENT))
    return NULL;

  /* An event is scored by its own name's rules alone, in file order. */
  by_a = _li_intent_rules_by_event (a);
  by_b = _li_intent_rules_by_event (b);
  changed = g_hash_table_new (g_str_hash, g_str_equal);
  _li_add_changed_events (by_a, by_b, changed);
  _li_add_changed_events (by_b, by_a, changed);
  names = g_strv_builder_new ();
  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &event, NULL))
    g_strv_builder_add (names, event);
  return g_strv_builder_end (names);
}

/* Whether stage @b is @a with at most another min_score (set in both);
 * lowers *@below to the lower of the two when they differ. */
static gboolean
_li_stage_alike (const LiStage *a,
                 const LiStage *b,
                 double        *below)
{
  LiStage same = *b;

  if (a->has_min_score && b->has_min_score && a->min_score != b->min_score)
    {
      *below = MIN (*below, MIN (a->min_score, b->min_score));
      same.min_score = a->min_score;
    }
  return _li_stage_equal (a, &same);
}

gboolean
li_rules_threshold_changes (const LiRules *a,
                            const LiRules *b,
                            double        *below)
{
  g_return_val_if_fail (a != NULL && b != NULL && below != NULL, FALSE);
  if (!_li_equal_but (a, b, _LI_PART_STAGES))
    return FALSE;

  *below = INFINITY;
  for (guint i = 0; i < a->n_stages; i++)
    if (!_li_stage_alike (&a->stages[i], &b->stages[i], below))
      return FALSE;
  return TRUE;
}

/* Whether pattern @b is @a with at most what it adds when it fires
 * changed: its points, cap or decay, or it is turned off. */
static gboolean
_li_pattern_alike (const LiPattern *a,
                         const LiPattern *b)
{
  LiPattern same = *b;

  same.points = a->points;
  same.max_points = a->max_points;
  same.has_decay = a->has_decay;
  same.decay = a->decay;
  same.decay_extra = a->decay_extra;
  if (a->enabled && !b->enabled)
    same.enabled = TRUE;
  return _li_pattern_equal (a, &same);
}

gboolean
li_rules_pattern_changes (const LiRules *a,
                          const LiRules *b,
                          guint64       *changed)
{
  g_return_val_if_fail (a != NULL && b != NULL && changed != NULL, FALSE);
  if (!_li_equal_but (a, b, _LI_PART_PATTERNS))
    return FALSE;

  *changed = 0;
  for (guint i = 0; i < a->n_patterns; i++)
    {
      if (_li_pattern_equal (&a->patterns[i], &b->patterns[i]))
        continue;
      if (i >= 64 || !_li_pattern_alike (&a->patterns[i], &b->patterns[i]))
        return FALSE;
      *changed |= G_GUINT64_CONSTANT (1) << i;
    }
  return TRUE;
}
