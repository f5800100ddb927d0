/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rules-edit.c: typed edits of a rule set, as the rule editor makes them.
 *
 * The editor applies every user edit through these functions, so they keep
 * its rules: a half-typed value changes nothing, a rule exists only while it
 * has points or settings worth keeping, and the catch-all stage stays
 * last. */

#include "config.h"

#include "li-rules-edit.h"
#include "li-number.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

/* ------------------------------------------------------------------ helpers */

/* @text trimmed, never NULL. */
static char *
_li_dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* @text trimmed, NULL when nothing is left. */
static char *
_li_dup_stripped_or_null (const char *text)
{
  char *stripped = _li_dup_stripped (text);

  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  return stripped;
}

static void
_li_replace_str (char **field,
                 char  *value)
{
  g_free (*field);
  *field = value;
}

static GStrv
_li_strv_new1 (const char *value)
{
  GStrv v = g_new0 (char *, 2);

  v[0] = g_strdup (value);
  return v;
}

static void
_li_where_clear (LiWhere *where)
{
  g_clear_pointer (&where->key, g_free);
  g_clear_pointer (&where->values, g_strfreev);
}

/* Removes item @i of an array of @n items of @size bytes (already cleared). */
static void
_li_array_remove (gpointer  array,
                  guint    *n,
                  guint     i,
                  gsize     size)
{
  char *items = array;

  memmove (items + i * size, items + (i + 1) * size, (*n - i - 1) * size);
  (*n)--;
}

static gboolean
_li_decay_is_valid (const LiDecay *decay)
{
  return decay == NULL || decay->model <= LI_DECAY_LINEAR;
}

GStrv
li_rules_split_list (const char *text)
{
  g_auto(GStrv) parts = NULL;
  GPtrArray *out;

  if (text == NULL)
    return NULL;

  parts = g_strsplit (text, ",", -1);
  out = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (parts[i]);

      if (*item != '\0')
        g_ptr_array_add (out, g_strdup (item));
    }

  if (out->len == 0)
    {
      g_ptr_array_free (out, TRUE);
      return NULL;
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

char *
li_rules_join_list (const char * const *list)
{
  if (list == NULL)
    return g_strdup ("");
  return g_strjoinv (", ", (char **) list);
}

/* ------------------------------------------------------------------ general */

gboolean
li_rules_set_name (LiRules    *rules,
                   const char *name)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  _li_replace_str (&rules->name, _li_dup_stripped_or_null (name));
  return TRUE;
}

gboolean
li_rules_set_description (LiRules    *rules,
                          const char *description)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  _li_replace_str (&rules->description, _li_dup_stripped_or_null (description));
  return TRUE;
}

gboolean
li_rules_set_outcome_event (LiRules    *rules,
                            const char *event)
{
  char *stripped;

  g_return_val_if_fail (rules != NULL, FALSE);

  stripped = _li_dup_stripped_or_null (event);
  if (stripped == NULL)
    return FALSE;

  _li_replace_str (&rules->outcome_event, stripped);
  return TRUE;
}

gboolean
li_rules_set_window_days (LiRules *rules,
                          double   days)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  rules->window_days = days;
  return TRUE;
}

gboolean
li_rules_set_decay_model (LiRules      *rules,
                          LiDecayModel  model)
{
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (model <= LI_DECAY_LINEAR, FALSE);

  rules->decay.model = model;
  if (model != LI_DECAY_NONE && !(rules->decay.days > 0))
    rules->decay.days = 7;
  return TRUE;
}

gboolean
li_rules_set_decay_days (LiRules *rules,
                         double   days)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  if (rules->decay.model == LI_DECAY_NONE)
    return FALSE;

  rules->decay.days = days;
  return TRUE;
}

/* ------------------------------------------------------------------- intent */

#define CHECK_INTENT(rules, i) \
  g_return_val_if_fail ((rules) != NULL && (i) < (rules)->n_intent, FALSE)

guint
li_rules_append_intent (LiRules    *rules,
                        const char *event,
                        double      points)
{
  LiIntentRule *rule;

  g_return_val_if_fail (rules != NULL, G_MAXUINT);

  rules->intent = g_renew (LiIntentRule, rules->intent, rules->n_intent + 1);
  rule = &rules->intent[rules->n_intent];
  memset (rule, 0, sizeof *rule);
  rule->event = g_strdup (event);
  rule->points = points;

  return rules->n_intent++;
}

gboolean
li_rules_remove_intent (LiRules *rules,
                        guint    i)
{
  CHECK_INTENT (rules, i);

  li_intent_rule_clear (&rules->intent[i]);
  _li_array_remove (rules->intent, &rules->n_intent, i, sizeof (LiIntentRule));
  return TRUE;
}

gboolean
li_intent_rule_is_plain (const LiIntentRule *rule)
{
  g_return_val_if_fail (rule != NULL, FALSE);

  return rule->max_points == 0 &&
         !rule->has_decay &&
         (rule->decay_extra == NULL || json_object_get_size (rule->decay_extra) == 0) &&
         rule->n_where == 0 &&
         (rule->extra == NULL || json_object_get_size (rule->extra) == 0);
}

int
li_rules_set_intent_points (LiRules    *rules,
                            int         rule,
                            const char *event,
                            double      points,
                            gboolean    may_drop,
                            int        *removed)
{
  if (removed != NULL)
    *removed = -1;

  g_return_val_if_fail (rules != NULL, -1);
  g_return_val_if_fail (rule >= -1 && rule < (int) rules->n_intent, -1);

  if (rule < 0)
    {
      if (points == 0)
        return -1;
      return li_rules_append_intent (rules, event, points);
    }

  rules->intent[rule].points = points;

  if (points == 0 && may_drop && li_intent_rule_is_plain (&rules->intent[rule]))
    {
      li_rules_remove_intent (rules, rule);
      if (removed != NULL)
        *removed = rule;
      return -1;
    }

  return rule;
}

gboolean
li_rules_set_intent_cap (LiRules *rules,
                         guint    i,
                         double   max_points)
{
  CHECK_INTENT (rules, i);

  rules->intent[i].max_points = max_points;
  return TRUE;
}

gboolean
li_rules_set_intent_decay (LiRules       *rules,
                           guint          i,
                           const LiDecay *decay)
{
  CHECK_INTENT (rules, i);
  g_return_val_if_fail (_li_decay_is_valid (decay), FALSE);

  rules->intent[i].has_decay = decay != NULL;
  if (decay != NULL)
    rules->intent[i].decay = *decay;
  return TRUE;
}

/* Removes the first clause; the next one (if any) takes its place. */
static void
_li_intent_rule_remove_where (LiIntentRule *rule)
{
  if (rule->n_where == 0)
    return;

  _li_where_clear (&rule->where[0]);
  _li_array_remove (rule->where, &rule->n_where, 0, sizeof (LiWhere));
  if (rule->n_where == 0)
    g_clear_pointer (&rule->where, g_free);
}

gboolean
li_rules_set_intent_where (LiRules    *rules,
                           guint       i,
                           const char *key,
                           const char *values_text)
{
  g_autofree char *k = NULL;
  g_auto(GStrv) values = NULL;
  LiIntentRule *rule;

  CHECK_INTENT (rules, i);

  rule = &rules->intent[i];
  k = _li_dup_stripped (key);
  values = li_rules_split_list (values_text);

  if (*k == '\0' && values == NULL)
    {
      _li_intent_rule_remove_where (rule);
      return TRUE;
    }

  if (*k == '\0' || values == NULL)
    return FALSE;

  if (rule->n_where == 0)
    {
      rule->where = g_new0 (LiWhere, 1);
      rule->n_where = 1;
    }
  else
    _li_where_clear (&rule->where[0]);

  rule->where[0].key = g_steal_pointer (&k);
  rule->where[0].values = g_steal_pointer (&values);
  return TRUE;
}

/* ----------------------------------------------------------------- patterns */

#define CHECK_PATTERN(rules, i) \
  g_return_val_if_fail ((rules) != NULL && (i) < (rules)->n_patterns, FALSE)

/* Sets the kind, filling its fields when they are unset. */
static void
_li_pattern_fill_kind (LiPattern     *pattern,
                       LiPatternKind  kind)
{
  pattern->kind = kind;

  switch (kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
      if (pattern->min_count == 0)
        pattern->min_count = 3;
      if (!(pattern->within_hours > 0))
        pattern->within_hours = 72;
      break;
    case LI_PATTERN_CATEGORY_FOCUS:
      if (pattern->min_distinct == 0)
        pattern->min_distinct = 3;
      if (!(pattern->within_hours > 0))
        pattern->within_hours = 24;
      break;
    case LI_PATTERN_SEQUENCE:
      if (pattern->events == NULL || g_strv_length (pattern->events) < 2)
        {
          g_clear_pointer (&pattern->events, g_strfreev);
          pattern->events = g_strsplit ("add_to_cart,checkout_start", ",", -1);
        }
      if (!(pattern->within_hours > 0))
        pattern->within_hours = 48;
      break;
    case LI_PATTERN_RETURN_DAYS:
    default:
      if (pattern->min_days == 0)
        pattern->min_days = 3;
      if (!(pattern->within_days > 0))
        pattern->within_days = 7;
      break;
    }
}

guint
li_rules_append_pattern (LiRules       *rules,
                         LiPatternKind  kind)
{
  LiPattern *pattern;

  g_return_val_if_fail (rules != NULL, G_MAXUINT);
  g_return_val_if_fail (kind <= LI_PATTERN_RETURN_DAYS, G_MAXUINT);

  rules->patterns = g_renew (LiPattern, rules->patterns, rules->n_patterns + 1);
  pattern = &rules->patterns[rules->n_patterns];
  memset (pattern, 0, sizeof *pattern);
  pattern->enabled = TRUE;

  switch (kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
      pattern->name = g_strdup (_("Returns to a product"));
      pattern->points = 10;
      break;
    case LI_PATTERN_CATEGORY_FOCUS:
      pattern->name = g_strdup (_("Compares in a category"));
      pattern->points = 8;
      break;
    case LI_PATTERN_SEQUENCE:
      pattern->name = g_strdup (_("Cart then checkout"));
      pattern->points = 20;
      break;
    case LI_PATTERN_RETURN_DAYS:
    default:
      pattern->name = g_strdup (_("Comes back on several days"));
      pattern->points = 6;
      break;
    }
  _li_pattern_fill_kind (pattern, kind);

  return rules->n_patterns++;
}

gboolean
li_rules_remove_pattern (LiRules *rules,
                         guint    i)
{
  CHECK_PATTERN (rules, i);

  li_pattern_clear (&rules->patterns[i]);
  _li_array_remove (rules->patterns, &rules->n_patterns, i, sizeof (LiPattern));
  return TRUE;
}

gboolean
li_rules_set_pattern_name (LiRules    *rules,
                           guint       i,
                           const char *name)
{
  CHECK_PATTERN (rules, i);

  _li_replace_str (&rules->patterns[i].name, _li_dup_stripped (name));
  return TRUE;
}

gboolean
li_rules_set_pattern_kind (LiRules       *rules,
                           guint          i,
                           LiPatternKind  kind)
{
  CHECK_PATTERN (rules, i);
  g_return_val_if_fail (kind <= LI_PATTERN_RETURN_DAYS, FALSE);

  _li_pattern_fill_kind (&rules->patterns[i], kind);
  return TRUE;
}

gboolean
li_rules_set_pattern_enabled (LiRules  *rules,
                              guint     i,
                              gboolean  enabled)
{
  CHECK_PATTERN (rules, i);

  rules->patterns[i].enabled = enabled;
  return TRUE;
}

gboolean
li_rules_set_pattern_points (LiRules *rules,
                             guint    i,
                             double   points)
{
  CHECK_PATTERN (rules, i);

  rules->patterns[i].points = points;
  return TRUE;
}

gboolean
li_rules_set_pattern_cap (LiRules *rules,
                          guint    i,
                          double   max_points)
{
  CHECK_PATTERN (rules, i);

  rules->patterns[i].max_points = max_points;
  return TRUE;
}

gboolean
li_rules_set_pattern_count (LiRules *rules,
                            guint    i,
                            guint    count)
{
  LiPattern *pattern;

  CHECK_PATTERN (rules, i);

  pattern = &rules->patterns[i];
  switch (pattern->kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
      pattern->min_count = count;
      return TRUE;
    case LI_PATTERN_CATEGORY_FOCUS:
      pattern->min_distinct = count;
      return TRUE;
    case LI_PATTERN_RETURN_DAYS:
      pattern->min_days = count;
      return TRUE;
    case LI_PATTERN_SEQUENCE:
    default:
      return FALSE;
    }
}

gboolean
li_rules_set_pattern_within (LiRules *rules,
                             guint    i,
                             double   within)
{
  LiPattern *pattern;

  CHECK_PATTERN (rules, i);

  pattern = &rules->patterns[i];
  if (pattern->kind == LI_PATTERN_RETURN_DAYS)
    pattern->within_days = within;
  else
    pattern->within_hours = within;
  return TRUE;
}

gboolean
li_rules_set_pattern_events (LiRules    *rules,
                             guint       i,
                             const char *events_text)
{
  g_auto(GStrv) events = NULL;

  CHECK_PATTERN (rules, i);

  events = li_rules_split_list (events_text);
  if (events == NULL || g_strv_length (events) < 2)
    return FALSE;

  g_strfreev (rules->patterns[i].events);
  rules->patterns[i].events = g_steal_pointer (&events);
  return TRUE;
}

gboolean
li_rules_set_pattern_decay (LiRules       *rules,
                            guint          i,
                            const LiDecay *decay)
{
  CHECK_PATTERN (rules, i);
  g_return_val_if_fail (_li_decay_is_valid (decay), FALSE);

  rules->patterns[i].has_decay = decay != NULL;
  if (decay != NULL)
    rules->patterns[i].decay = *decay;
  return TRUE;
}

/* ---------------------------------------------------------------------- fit */

#define CHECK_FIT(rules, i) \
  g_return_val_if_fail ((rules) != NULL && (i) < (rules)->n_fit, FALSE)

gboolean
li_fit_op_is_numeric (LiFitOp op)
{
  return op == LI_FIT_GT || op == LI_FIT_GTE || op == LI_FIT_LT || op == LI_FIT_LTE;
}

gboolean
li_fit_op_is_list (LiFitOp op)
{
  return op == LI_FIT_IN || op == LI_FIT_NOT_IN;
}

static gboolean
_li_fit_op_is_text (LiFitOp op)
{
  return op == LI_FIT_EQ || op == LI_FIT_NE || li_fit_op_is_list (op);
}

guint
li_rules_append_fit (LiRules    *rules,
                     const char *attribute)
{
  LiFitRule *rule;

  g_return_val_if_fail (rules != NULL, G_MAXUINT);

  rules->fit = g_renew (LiFitRule, rules->fit, rules->n_fit + 1);
  rule = &rules->fit[rules->n_fit];
  memset (rule, 0, sizeof *rule);
  rule->attribute = g_strdup (attribute != NULL && *attribute != '\0' ? attribute : "country");
  rule->op = LI_FIT_EXISTS;
  rule->points = 5;

  return rules->n_fit++;
}

gboolean
li_rules_remove_fit (LiRules *rules,
                     guint    i)
{
  CHECK_FIT (rules, i);

  li_fit_rule_clear (&rules->fit[i]);
  _li_array_remove (rules->fit, &rules->n_fit, i, sizeof (LiFitRule));
  return TRUE;
}

gboolean
li_rules_set_fit_attribute (LiRules    *rules,
                            guint       i,
                            const char *attribute)
{
  CHECK_FIT (rules, i);

  _li_replace_str (&rules->fit[i].attribute, _li_dup_stripped (attribute));
  return TRUE;
}

/* The value of @rule as text, whatever its operator; NULL without one.  The
 * rule's own text values are taken, not copied. */
static GStrv
_li_fit_rule_steal_texts (LiFitRule *rule)
{
  GStrv texts = NULL;

  if (_li_fit_op_is_text (rule->op))
    texts = g_steal_pointer (&rule->values);
  else if (li_fit_op_is_numeric (rule->op))
    {
      texts = g_new0 (char *, 2);
      texts[0] = li_format_number (rule->number[0]);
    }
  else if (rule->op == LI_FIT_BETWEEN)
    {
      texts = g_new0 (char *, 3);
      texts[0] = li_format_number (rule->number[0]);
      texts[1] = li_format_number (rule->number[1]);
    }
  g_clear_pointer (&rule->values, g_strfreev);

  return texts;
}

/* Text values that read as numbers become the rule's numbers. */
static void
_li_fit_rule_read_numbers (LiFitRule          *rule,
                           const char * const *texts)
{
  double n;

  if (texts == NULL || texts[0] == NULL || !li_parse_number (texts[0], &n))
    return;

  rule->number[0] = n;
  if (texts[1] != NULL && li_parse_number (texts[1], &n))
    rule->number[1] = n;
}

gboolean
li_rules_set_fit_op (LiRules *rules,
                     guint    i,
                     LiFitOp  op)
{
  g_auto(GStrv) texts = NULL;
  LiFitRule *rule;
  gboolean was_text;

  CHECK_FIT (rules, i);
  g_return_val_if_fail (op <= LI_FIT_MISSING, FALSE);

  rule = &rules->fit[i];
  if (rule->op == op)
    return TRUE;

  was_text = _li_fit_op_is_text (rule->op);
  texts = _li_fit_rule_steal_texts (rule);
  if (was_text)
    _li_fit_rule_read_numbers (rule, (const char * const *) texts);

  switch (op)
    {
    case LI_FIT_EQ:
    case LI_FIT_NE:
      rule->values = _li_strv_new1 (texts != NULL && texts[0] != NULL ? texts[0] : "");
      break;
    case LI_FIT_IN:
    case LI_FIT_NOT_IN:
      rule->values = texts != NULL && texts[0] != NULL
        ? g_steal_pointer (&texts)
        : _li_strv_new1 ("");
      break;
    case LI_FIT_BETWEEN:
      if (rule->number[1] < rule->number[0])
        rule->number[1] = rule->number[0];
      break;
    case LI_FIT_GT:
    case LI_FIT_GTE:
    case LI_FIT_LT:
    case LI_FIT_LTE:
    case LI_FIT_EXISTS:
    case LI_FIT_MISSING:
    default:
      break;
    }

  rule->op = op;
  return TRUE;
}

gboolean
li_rules_set_fit_text (LiRules    *rules,
                       guint       i,
                       const char *text)
{
  LiFitRule *rule;

  CHECK_FIT (rules, i);

  rule = &rules->fit[i];
  if (!_li_fit_op_is_text (rule->op))
    return FALSE;

  g_clear_pointer (&rule->values, g_strfreev);
  if (li_fit_op_is_list (rule->op))
    rule->values = li_rules_split_list (text);
  else
    {
      g_autofree char *value = _li_dup_stripped (text);

      rule->values = _li_strv_new1 (value);
    }
  return TRUE;
}

gboolean
li_rules_set_fit_number (LiRules *rules,
                         guint    i,
                         double   number)
{
  CHECK_FIT (rules, i);

  if (!li_fit_op_is_numeric (rules->fit[i].op))
    return FALSE;

  rules->fit[i].number[0] = number;
  return TRUE;
}

gboolean
li_rules_set_fit_range (LiRules *rules,
                        guint    i,
                        double   low,
                        double   high)
{
  CHECK_FIT (rules, i);

  if (rules->fit[i].op != LI_FIT_BETWEEN)
    return FALSE;

  rules->fit[i].number[0] = low;
  rules->fit[i].number[1] = high;
  return TRUE;
}

gboolean
li_rules_set_fit_points (LiRules *rules,
                         guint    i,
                         double   points)
{
  CHECK_FIT (rules, i);

  rules->fit[i].points = points;
  return TRUE;
}

char *
li_fit_rule_dup_text (const LiFitRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->values == NULL)
    return g_strdup ("");
  if (li_fit_op_is_list (rule->op))
    return li_rules_join_list ((const char * const *) rule->values);
  return g_strdup (rule->values[0] != NULL ? rule->values[0] : "");
}

/* ------------------------------------------------------------------- stages */

#define CHECK_STAGE(rules, i) \
  g_return_val_if_fail ((rules) != NULL && (i) < (rules)->n_stages, FALSE)

static gboolean
_li_rules_has_stage (const LiRules *rules,
                     const char    *name)
{
  for (guint i = 0; i < rules->n_stages; i++)
    if (g_strcmp0 (rules->stages[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

/* "new stage", "new stage 2" …: the first one no stage has. */
static char *
_li_rules_new_stage_name (const LiRules *rules)
{
  for (guint n = 1;; n++)
    {
      /* Translators: the name of a new stage; %u counts up until unique. */
      g_autofree char *name = n == 1 ? g_strdup (_("new stage"))
                                     : g_strdup_printf (_("new stage %u"), n);

      if (!_li_rules_has_stage (rules, name))
        return g_steal_pointer (&name);
    }
}

guint
li_rules_insert_stage (LiRules *rules)
{
  LiStage *stage;
  guint pos;

  g_return_val_if_fail (rules != NULL, G_MAXUINT);

  rules->stages = g_renew (LiStage, rules->stages, rules->n_stages + 1);

  if (rules->n_stages == 0)
    {
      stage = &rules->stages[0];
      memset (stage, 0, sizeof *stage);
      stage->name = g_strdup ("cold");
      rules->n_stages = 1;
      return 0;
    }

  pos = rules->n_stages - 1;
  memmove (&rules->stages[pos + 1], &rules->stages[pos], sizeof (LiStage));
  stage = &rules->stages[pos];
  memset (stage, 0, sizeof *stage);
  rules->n_stages++;

  stage->name = _li_rules_new_stage_name (rules);
  stage->has_min_score = TRUE;
  if (pos > 0 && rules->stages[pos - 1].has_min_score)
    stage->min_score = floor (rules->stages[pos - 1].min_score / 2);
  else
    stage->min_score = 10;

  return pos;
}

gboolean
li_rules_can_remove_stage (const LiRules *rules,
                           guint          i)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  return rules->n_stages >= 2 && i + 1 < rules->n_stages;
}

gboolean
li_rules_remove_stage (LiRules *rules,
                       guint    i)
{
  if (!li_rules_can_remove_stage (rules, i))
    return FALSE;

  li_stage_clear (&rules->stages[i]);
  _li_array_remove (rules->stages, &rules->n_stages, i, sizeof (LiStage));
  return TRUE;
}

gboolean
li_rules_can_move_stage (const LiRules *rules,
                         guint          i,
                         int            delta)
{
  gint64 j = (gint64) i + delta;

  g_return_val_if_fail (rules != NULL, FALSE);

  return delta != 0 &&
         i + 1 < rules->n_stages &&
         j >= 0 &&
         j + 1 < rules->n_stages;
}

gboolean
li_rules_move_stage (LiRules *rules,
                     guint    i,
                     int      delta)
{
  LiStage tmp;
  guint j;

  if (!li_rules_can_move_stage (rules, i, delta))
    return FALSE;

  j = i + delta;
  tmp = rules->stages[i];
  if (j < i)
    memmove (&rules->stages[j + 1], &rules->stages[j], (i - j) * sizeof (LiStage));
  else
    memmove (&rules->stages[i], &rules->stages[i + 1], (j - i) * sizeof (LiStage));
  rules->stages[j] = tmp;

  return TRUE;
}

gboolean
li_rules_set_stage_name (LiRules    *rules,
                         guint       i,
                         const char *name)
{
  CHECK_STAGE (rules, i);

  _li_replace_str (&rules->stages[i].name, _li_dup_stripped (name));
  return TRUE;
}

gboolean
li_rules_stage_name_is_bad (const LiRules *rules,
                            guint          i,
                            const char    *name)
{
  g_autofree char *n = _li_dup_stripped (name);

  g_return_val_if_fail (rules != NULL, TRUE);

  if (*n == '\0')
    return TRUE;
  for (guint j = 0; j < rules->n_stages; j++)
    if (j != i && g_strcmp0 (rules->stages[j].name, n) == 0)
      return TRUE;
  return FALSE;
}

gboolean
li_rules_set_stage_channel (LiRules    *rules,
                            guint       i,
                            const char *channel)
{
  CHECK_STAGE (rules, i);

  _li_replace_str (&rules->stages[i].channel, _li_dup_stripped_or_null (channel));
  return TRUE;
}

static void
_li_set_optional (gboolean *has,
                  double   *field,
                  gboolean  set,
                  double    value)
{
  *has = set;
  *field = set ? value : 0;
}

gboolean
li_rules_set_stage_min_score (LiRules  *rules,
                              guint     i,
                              gboolean  set,
                              double    min_score)
{
  LiStage *stage;

  CHECK_STAGE (rules, i);

  stage = &rules->stages[i];
  _li_set_optional (&stage->has_min_score, &stage->min_score, set, min_score);
  return TRUE;
}

gboolean
li_rules_set_stage_min_intent (LiRules  *rules,
                               guint     i,
                               gboolean  set,
                               double    min_intent)
{
  LiStage *stage;

  CHECK_STAGE (rules, i);

  stage = &rules->stages[i];
  _li_set_optional (&stage->has_min_intent, &stage->min_intent, set, min_intent);
  return TRUE;
}

gboolean
li_rules_set_stage_min_fit (LiRules  *rules,
                            guint     i,
                            gboolean  set,
                            double    min_fit)
{
  LiStage *stage;

  CHECK_STAGE (rules, i);

  stage = &rules->stages[i];
  _li_set_optional (&stage->has_min_fit, &stage->min_fit, set, min_fit);
  return TRUE;
}

gboolean
li_rules_set_stage_follow_up (LiRules  *rules,
                              guint     i,
                              gboolean  set,
                              double    minutes)
{
  LiStage *stage;

  CHECK_STAGE (rules, i);

  stage = &rules->stages[i];
  _li_set_optional (&stage->has_follow_up, &stage->follow_up_minutes, set, minutes);
  return TRUE;
}
