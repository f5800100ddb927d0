/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rules.c: the rule file's model (SPEC 3): names of its enums, life
 * cycle, deep copies, equality and the decay in force for a rule.  Reading,
 * checking and writing are in li-rules-parse.c, li-rules-validate.c and
 * li-rules-write.c. */

#include "config.h"

#include "li-rules.h"
#include "li-rules-private.h"

#include <math.h>
#include <string.h>

#define LI_SECONDS_PER_DAY 86400.0

static const char * const decay_model_names[] = {
  "none", "exponential", "window", "linear",
};

static const char * const pattern_kind_names[] = {
  "repeat_product", "category_focus", "sequence", "return_days",
};

static const char * const fit_op_names[] = {
  "eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "between", "exists", "missing",
};

const char * const _li_decay_keys[] = { "model", "half_life_days", "days", NULL };
const char * const _li_pattern_keys[] = {
  "name", "kind", "enabled", "min_count", "min_distinct", "events", "min_days",
  "within_hours", "within_days", "points", "max_points", "decay", NULL,
};
const char * const _li_fit_keys[] = { "attribute", "op", "value", "values", "points", NULL };

G_DEFINE_QUARK (li-rules-error-quark, li_rules_error)
G_DEFINE_BOXED_TYPE (LiRules, li_rules, li_rules_copy, li_rules_free)

const char *
li_decay_model_to_string (LiDecayModel model)
{
  if ((guint) model >= G_N_ELEMENTS (decay_model_names))
    return NULL;
  return decay_model_names[model];
}

const char *
li_pattern_kind_to_string (LiPatternKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (pattern_kind_names))
    return NULL;
  return pattern_kind_names[kind];
}

const char *
li_fit_op_to_string (LiFitOp op)
{
  if ((guint) op >= G_N_ELEMENTS (fit_op_names))
    return NULL;
  return fit_op_names[op];
}

static gboolean
_li_enum_from_string (const char * const *names,
                      guint               n_names,
                      const char         *str,
                      int                *value)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    {
      if (strcmp (names[i], str) == 0)
        {
          *value = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
li_decay_model_from_string (const char   *str,
                            LiDecayModel *model)
{
  int value;

  if (!_li_enum_from_string (decay_model_names, G_N_ELEMENTS (decay_model_names), str, &value))
    return FALSE;
  if (model != NULL)
    *model = (LiDecayModel) value;
  return TRUE;
}

gboolean
li_pattern_kind_from_string (const char    *str,
                             LiPatternKind *kind)
{
  int value;

  if (!_li_enum_from_string (pattern_kind_names, G_N_ELEMENTS (pattern_kind_names), str, &value))
    return FALSE;
  if (kind != NULL)
    *kind = (LiPatternKind) value;
  return TRUE;
}

gboolean
li_fit_op_from_string (const char *str,
                       LiFitOp    *op)
{
  int value;

  if (!_li_enum_from_string (fit_op_names, G_N_ELEMENTS (fit_op_names), str, &value))
    return FALSE;
  if (op != NULL)
    *op = (LiFitOp) value;
  return TRUE;
}

gboolean
_li_decay_model_valid (LiDecayModel model)
{
  return (guint) model < G_N_ELEMENTS (decay_model_names);
}

gboolean
_li_pattern_kind_valid (LiPatternKind kind)
{
  return (guint) kind < G_N_ELEMENTS (pattern_kind_names);
}

gboolean
_li_fit_op_valid (LiFitOp op)
{
  return (guint) op < G_N_ELEMENTS (fit_op_names);
}

/* Which keys of an object apply, given its model / kind / op. */

gboolean
_li_decay_key_applies (LiDecayModel model,
                       const char  *key)
{
  if (strcmp (key, "half_life_days") == 0)
    return model == LI_DECAY_EXPONENTIAL;
  if (strcmp (key, "days") == 0)
    return model == LI_DECAY_WINDOW || model == LI_DECAY_LINEAR;
  return TRUE;
}

gboolean
_li_pattern_key_applies (LiPatternKind kind,
                         const char   *key)
{
  if (strcmp (key, "min_count") == 0)
    return kind == LI_PATTERN_REPEAT_PRODUCT;
  if (strcmp (key, "min_distinct") == 0)
    return kind == LI_PATTERN_CATEGORY_FOCUS;
  if (strcmp (key, "events") == 0)
    return kind == LI_PATTERN_SEQUENCE;
  if (strcmp (key, "min_days") == 0 || strcmp (key, "within_days") == 0)
    return kind == LI_PATTERN_RETURN_DAYS;
  if (strcmp (key, "within_hours") == 0)
    return kind != LI_PATTERN_RETURN_DAYS;
  return TRUE;
}

gboolean
_li_fit_op_has_value (LiFitOp op)
{
  switch (op)
    {
    case LI_FIT_EQ:
    case LI_FIT_NE:
    case LI_FIT_GT:
    case LI_FIT_GTE:
    case LI_FIT_LT:
    case LI_FIT_LTE:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
_li_fit_op_has_values (LiFitOp op)
{
  return op == LI_FIT_IN || op == LI_FIT_NOT_IN || op == LI_FIT_BETWEEN;
}

gboolean
_li_fit_op_numeric (LiFitOp op)
{
  return op == LI_FIT_GT || op == LI_FIT_GTE || op == LI_FIT_LT || op == LI_FIT_LTE;
}

gboolean
_li_fit_key_applies (LiFitOp     op,
                     const char *key)
{
  if (strcmp (key, "value") == 0)
    return _li_fit_op_has_value (op);
  if (strcmp (key, "values") == 0)
    return _li_fit_op_has_values (op);
  return TRUE;
}

void
li_intent_rule_clear (LiIntentRule *rule)
{
  g_free (rule->event);
  for (guint w = 0; w < rule->n_where; w++)
    {
      g_free (rule->where[w].key);
      g_strfreev (rule->where[w].values);
    }
  g_free (rule->where);
  g_clear_pointer (&rule->extra, json_object_unref);
  g_clear_pointer (&rule->decay_extra, json_object_unref);
}

void
li_pattern_clear (LiPattern *pattern)
{
  g_free (pattern->name);
  g_strfreev (pattern->events);
  g_clear_pointer (&pattern->extra, json_object_unref);
  g_clear_pointer (&pattern->decay_extra, json_object_unref);
}

void
li_fit_rule_clear (LiFitRule *rule)
{
  g_free (rule->attribute);
  g_strfreev (rule->values);
  g_clear_pointer (&rule->extra, json_object_unref);
}

void
li_stage_clear (LiStage *stage)
{
  g_free (stage->name);
  g_free (stage->channel);
  g_clear_pointer (&stage->extra, json_object_unref);
}

void
li_intent_rule_copy_to (LiIntentRule *dst,
                        const LiIntentRule *src)
{
  *dst = *src;
  dst->event = g_strdup (src->event);
  dst->where = src->n_where > 0 ? g_new0 (LiWhere, src->n_where) : NULL;
  for (guint w = 0; w < src->n_where; w++)
    {
      dst->where[w].key = g_strdup (src->where[w].key);
      dst->where[w].values = g_strdupv (src->where[w].values);
    }
  dst->extra = _li_json_object_copy (src->extra);
  dst->decay_extra = _li_json_object_copy (src->decay_extra);
}

void
li_pattern_copy_to (LiPattern *dst,
                    const LiPattern *src)
{
  *dst = *src;
  dst->name = g_strdup (src->name);
  dst->events = g_strdupv (src->events);
  dst->extra = _li_json_object_copy (src->extra);
  dst->decay_extra = _li_json_object_copy (src->decay_extra);
}

void
li_fit_rule_copy_to (LiFitRule *dst,
                     const LiFitRule *src)
{
  *dst = *src;
  dst->attribute = g_strdup (src->attribute);
  dst->values = g_strdupv (src->values);
  dst->extra = _li_json_object_copy (src->extra);
}

void
li_stage_copy_to (LiStage *dst,
                  const LiStage *src)
{
  *dst = *src;
  dst->name = g_strdup (src->name);
  dst->channel = g_strdup (src->channel);
  dst->extra = _li_json_object_copy (src->extra);
}

void
li_rules_free (LiRules *rules)
{
  if (rules == NULL)
    return;

  g_free (rules->name);
  g_free (rules->description);
  g_free (rules->outcome_event);
  for (guint i = 0; i < rules->n_intent; i++)
    li_intent_rule_clear (&rules->intent[i]);
  g_free (rules->intent);
  for (guint i = 0; i < rules->n_patterns; i++)
    li_pattern_clear (&rules->patterns[i]);
  g_free (rules->patterns);
  for (guint i = 0; i < rules->n_fit; i++)
    li_fit_rule_clear (&rules->fit[i]);
  g_free (rules->fit);
  for (guint i = 0; i < rules->n_stages; i++)
    li_stage_clear (&rules->stages[i]);
  g_free (rules->stages);
  g_clear_pointer (&rules->extra, json_object_unref);
  g_clear_pointer (&rules->outcome_extra, json_object_unref);
  g_clear_pointer (&rules->decay_extra, json_object_unref);
  g_free (rules);
}

LiRules *
_li_rules_new_defaults (void)
{
  LiRules *rules = g_new0 (LiRules, 1);

  rules->outcome_event = g_strdup ("purchase");
  rules->window_days = 14;
  rules->decay.model = LI_DECAY_NONE;
  rules->decay.days = 0;
  return rules;
}

LiRules *
li_rules_new (void)
{
  LiRules *rules = _li_rules_new_defaults ();

  rules->n_stages = 1;
  rules->stages = g_new0 (LiStage, 1);
  rules->stages[0].name = g_strdup ("cold");
  return rules;
}

LiRules *
li_rules_copy (const LiRules *rules)
{
  LiRules *copy;

  g_return_val_if_fail (rules != NULL, NULL);

  copy = g_new0 (LiRules, 1);
  *copy = *rules;
  copy->name = g_strdup (rules->name);
  copy->description = g_strdup (rules->description);
  copy->outcome_event = g_strdup (rules->outcome_event);
  copy->extra = _li_json_object_copy (rules->extra);
  copy->outcome_extra = _li_json_object_copy (rules->outcome_extra);
  copy->decay_extra = _li_json_object_copy (rules->decay_extra);

  copy->intent = rules->n_intent > 0 ? g_new0 (LiIntentRule, rules->n_intent) : NULL;
  for (guint i = 0; i < rules->n_intent; i++)
    li_intent_rule_copy_to (&copy->intent[i], &rules->intent[i]);

  copy->patterns = rules->n_patterns > 0 ? g_new0 (LiPattern, rules->n_patterns) : NULL;
  for (guint i = 0; i < rules->n_patterns; i++)
    li_pattern_copy_to (&copy->patterns[i], &rules->patterns[i]);

  copy->fit = rules->n_fit > 0 ? g_new0 (LiFitRule, rules->n_fit) : NULL;
  for (guint i = 0; i < rules->n_fit; i++)
    li_fit_rule_copy_to (&copy->fit[i], &rules->fit[i]);

  copy->stages = rules->n_stages > 0 ? g_new0 (LiStage, rules->n_stages) : NULL;
  for (guint i = 0; i < rules->n_stages; i++)
    li_stage_copy_to (&copy->stages[i], &rules->stages[i]);

  return copy;
}

static gboolean
_li_strv_equal (const GStrv a,
                const GStrv b)
{
  guint na = a != NULL ? g_strv_length (a) : 0;
  guint nb = b != NULL ? g_strv_length (b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
_li_decay_equal (const LiDecay *a,
                 const LiDecay *b)
{
  if (a->model != b->model)
    return FALSE;
  return a->model == LI_DECAY_NONE || a->days == b->days;
}

/* Optional decay of a rule or pattern; its unknown keys only count when it is set. */
static gboolean
_li_own_decay_equal (gboolean       a_has,
                     const LiDecay *a,
                     JsonObject    *a_extra,
                     gboolean       b_has,
                     const LiDecay *b,
                     JsonObject    *b_extra)
{
  if (a_has != b_has)
    return FALSE;
  if (!a_has)
    return TRUE;
  return _li_decay_equal (a, b) && _li_json_object_equal (a_extra, b_extra);
}

gboolean
_li_intent_rule_equal (const LiIntentRule *a,
                       const LiIntentRule *b)
{
  if (g_strcmp0 (a->event, b->event) != 0
      || a->points != b->points
      || a->max_points != b->max_points
      || a->n_where != b->n_where
      || !_li_own_decay_equal (a->has_decay, &a->decay, a->decay_extra,
                               b->has_decay, &b->decay, b->decay_extra)
      || !_li_json_object_equal (a->extra, b->extra))
    return FALSE;
  for (guint w = 0; w < a->n_where; w++)
    if (g_strcmp0 (a->where[w].key, b->where[w].key) != 0
        || !_li_strv_equal (a->where[w].values, b->where[w].values))
      return FALSE;
  return TRUE;
}

gboolean
_li_pattern_equal (const LiPattern *a,
                   const LiPattern *b)
{
  if (g_strcmp0 (a->name, b->name) != 0
      || a->kind != b->kind
      || !a->enabled != !b->enabled
      || a->points != b->points
      || a->max_points != b->max_points
      || !_li_own_decay_equal (a->has_decay, &a->decay, a->decay_extra,
                               b->has_decay, &b->decay, b->decay_extra)
      || !_li_json_object_equal (a->extra, b->extra))
    return FALSE;

  /* only the fields the kind uses: the others are not saved */
  switch (a->kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
      return a->min_count == b->min_count && a->within_hours == b->within_hours;
    case LI_PATTERN_CATEGORY_FOCUS:
      return a->min_distinct == b->min_distinct && a->within_hours == b->within_hours;
    case LI_PATTERN_SEQUENCE:
      return _li_strv_equal (a->events, b->events) && a->within_hours == b->within_hours;
    case LI_PATTERN_RETURN_DAYS:
      return a->min_days == b->min_days && a->within_days == b->within_days;
    default:
      return TRUE;
    }
}

static gboolean
_li_fit_rule_equal (const LiFitRule *a,
                    const LiFitRule *b)
{
  if (g_strcmp0 (a->attribute, b->attribute) != 0
      || a->op != b->op
      || a->points != b->points
      || !_li_json_object_equal (a->extra, b->extra))
    return FALSE;

  switch (a->op)
    {
    case LI_FIT_EQ:
    case LI_FIT_NE:
    case LI_FIT_IN:
    case LI_FIT_NOT_IN:
      return _li_strv_equal (a->values, b->values);
    case LI_FIT_GT:
    case LI_FIT_GTE:
    case LI_FIT_LT:
    case LI_FIT_LTE:
      return a->number[0] == b->number[0];
    case LI_FIT_BETWEEN:
      return a->number[0] == b->number[0] && a->number[1] == b->number[1];
    default:
      return TRUE;
    }
}

gboolean
_li_stage_equal (const LiStage *a,
                 const LiStage *b)
{
  if (g_strcmp0 (a->name, b->name) != 0
      || g_strcmp0 (a->channel, b->channel) != 0
      || !a->has_min_score != !b->has_min_score
      || !a->has_min_intent != !b->has_min_intent
      || !a->has_min_fit != !b->has_min_fit
      || !a->has_follow_up != !b->has_follow_up
      || !_li_json_object_equal (a->extra, b->extra))
    return FALSE;
  return (!a->has_min_score || a->min_score == b->min_score)
         && (!a->has_min_intent || a->min_intent == b->min_intent)
         && (!a->has_min_fit || a->min_fit == b->min_fit)
         && (!a->has_follow_up || a->follow_up_minutes == b->follow_up_minutes);
}

gboolean
li_rules_equal (const LiRules *a,
                const LiRules *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  if (g_strcmp0 (a->name, b->name) != 0
      || g_strcmp0 (a->description, b->description) != 0
      || g_strcmp0 (a->outcome_event, b->outcome_event) != 0
      || a->window_days != b->window_days
      || !_li_decay_equal (&a->decay, &b->decay)
      || a->n_intent != b->n_intent
      || a->n_patterns != b->n_patterns
      || a->n_fit != b->n_fit
      || a->n_stages != b->n_stages
      || !_li_json_object_equal (a->extra, b->extra)
      || !_li_json_object_equal (a->outcome_extra, b->outcome_extra)
      || !_li_json_object_equal (a->decay_extra, b->decay_extra))
    return FALSE;

  for (guint i = 0; i < a->n_intent; i++)
    if (!_li_intent_rule_equal (&a->intent[i], &b->intent[i]))
      return FALSE;
  for (guint i = 0; i < a->n_patterns; i++)
    if (!_li_pattern_equal (&a->patterns[i], &b->patterns[i]))
      return FALSE;
  for (guint i = 0; i < a->n_fit; i++)
    if (!_li_fit_rule_equal (&a->fit[i], &b->fit[i]))
      return FALSE;
  for (guint i = 0; i < a->n_stages; i++)
    if (!_li_stage_equal (&a->stages[i], &b->stages[i]))
      return FALSE;
  return TRUE;
}

const LiDecay *
li_rules_intent_decay (const LiRules *rules,
                       guint          i)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (i < rules->n_intent, NULL);

  return rules->intent[i].has_decay ? &rules->intent[i].decay : &rules->decay;
}

const LiDecay *
li_rules_pattern_decay (const LiRules *rules,
                        guint          i)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (i < rules->n_patterns, NULL);

  return rules->patterns[i].has_decay ? &rules->patterns[i].decay : &rules->decay;
}

double
li_decay_factor (const LiDecay *decay,
                 double         seconds)
{
  double span;

  g_return_val_if_fail (decay != NULL, 1.0);

  if (decay->model == LI_DECAY_NONE)
    return 1.0;

  span = decay->days * LI_SECONDS_PER_DAY;
  if (!(span > 0))
    return seconds <= 0 ? 1.0 : 0.0;  /* invalid rules: never NaN */

  switch (decay->model)
    {
    case LI_DECAY_EXPONENTIAL:
      return exp2 (-seconds / span);
    case LI_DECAY_WINDOW:
      return seconds < span ? 1.0 : 0.0;
    case LI_DECAY_LINEAR:
      return MAX (0.0, 1.0 - seconds / span);
    case LI_DECAY_NONE:
    default:
      return 1.0;
    }
}
