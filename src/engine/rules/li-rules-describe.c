/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rules-describe.c: one line of text about each part of a rule set.
 *
 * Parts of a line are joined with " · "; numbers are shown in their shortest
 * form with few decimals, so a label reads "72 h", not "72.00 h". */

#include "config.h"

#include "li-rules-describe.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "li-rules-edit.h"

/* ------------------------------------------------------------------ helpers */

/* @value in its shortest form with at most @max_digits decimals. */
static char *
_li_format_value (double value,
                  int    max_digits)
{
  if (value == 0)
    value = 0;  /* no "-0" */

  for (int d = 0; d < max_digits; d++)
    {
      g_autofree char *s = g_strdup_printf ("%.*f", d, value);

      if (fabs (g_strtod (s, NULL) - value) <= 1e-9 * MAX (1.0, fabs (value)))
        return g_steal_pointer (&s);
    }
  return g_strdup_printf ("%.*f", MAX (max_digits, 0), value);
}

/* A follow-up time in whole days or hours when it is one, else minutes. */
static char *
_li_format_minutes (double minutes)
{
  g_autofree char *v = NULL;

  if (minutes >= 1440 && fmod (minutes, 1440) == 0)
    {
      v = _li_format_value (minutes / 1440, 0);
      return g_strdup_printf (_("%s d"), v);
    }
  if (minutes >= 60 && fmod (minutes, 60) == 0)
    {
      v = _li_format_value (minutes / 60, 0);
      return g_strdup_printf (_("%s h"), v);
    }
  v = _li_format_value (minutes, 2);
  return g_strdup_printf (_("%s min"), v);
}

/* Joins the parts (char*, owned) of a line with " · ". */
static char *
_li_join_parts (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* -------------------------------------------------------------------- decay */

void
li_decay_preview_marks (const LiDecay *decay,
                        double         marks[LI_DECAY_N_MARKS])
{
  static const double none[] = { 1, 7, 30 };
  static const double exponential[] = { 1, 2, 4 };
  static const double window[] = { 0.5, 1, 2 };
  static const double linear[] = { 0.25, 0.5, 1 };
  const double *scale = none;
  double unit = 1;

  g_return_if_fail (decay != NULL);

  if (decay->days > 0 && isfinite (decay->days))
    {
      unit = decay->days;
      switch (decay->model)
        {
        case LI_DECAY_EXPONENTIAL:
          scale = exponential;
          break;
        case LI_DECAY_WINDOW:
          scale = window;
          break;
        case LI_DECAY_LINEAR:
          scale = linear;
          break;
        case LI_DECAY_NONE:
        default:
          unit = 1;
          break;
        }
    }
  for (guint i = 0; i < LI_DECAY_N_MARKS; i++)
    marks[i] = scale[i] * unit;
}

char *
li_decay_format_age (double days)
{
  g_autofree char *number = NULL;

  if (days >= 1)
    {
      number = _li_format_value (days, 2);
      /* Translators: an age in days, "7 d" */
      return g_strdup_printf (_("%s d"), number);
    }
  if (days * 24 >= 1)
    {
      number = _li_format_value (days * 24, 1);
      /* Translators: an age in hours, "2.4 h" */
      return g_strdup_printf (_("%s h"), number);
    }
  number = _li_format_value (days * 24 * 60, 1);
  /* Translators: an age in minutes, "36 min" */
  return g_strdup_printf (_("%s min"), number);
}

char *
li_decay_summary (const LiDecay *decay)
{
  double marks[LI_DECAY_N_MARKS];
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (decay != NULL, NULL);

  li_decay_preview_marks (decay, marks);
  for (guint i = 0; i < LI_DECAY_N_MARKS; i++)
    {
      g_autofree char *age = li_decay_format_age (marks[i]);

      if (i > 0)
        g_string_append (text, " · ");
      /* Translators: what a point is worth at an age, "7 d 0.50" */
      g_string_append_printf (text, _("%s %.2f"), age, li_decay_factor (decay, marks[i] * 86400.0));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
li_decay_describe (const LiDecay *decay)
{
  g_autofree char *days = NULL;

  g_return_val_if_fail (decay != NULL, NULL);

  days = _li_format_value (decay->days, 2);
  switch (decay->model)
    {
    case LI_DECAY_EXPONENTIAL:
      return g_strdup_printf (_("half-life %s d"), days);
    case LI_DECAY_WINDOW:
      return g_strdup_printf (_("counts for %s d"), days);
    case LI_DECAY_LINEAR:
      return g_strdup_printf (_("fades out over %s d"), days);
    case LI_DECAY_NONE:
    default:
      return g_strdup (_("no decay"));
    }
}

/* ------------------------------------------------------------------- intent */

char *
li_intent_rule_summary (const LiIntentRule *rule,
                        gboolean            is_outcome)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (is_outcome && rule != NULL)
    g_ptr_array_add (parts, g_strdup (_("the outcome event cannot score intent")));

  if (rule == NULL || rule->points == 0)
    g_ptr_array_add (parts, g_strdup (_("off")));

  if (rule != NULL)
    {
      for (guint i = 0; i < rule->n_where; i++)
        {
          const LiWhere *where = &rule->where[i];
          g_autofree char *values = li_rules_join_list ((const char * const *) where->values);

          /* Translators: a `where` filter, "link: cart_recovery, product". */
          g_ptr_array_add (parts, g_strdup_printf (_("%s: %s"), where->key, values));
        }
      if (rule->max_points > 0)
        {
          g_autofree char *cap = _li_format_value (rule->max_points, 2);
          g_ptr_array_add (parts, g_strdup_printf (_("cap %s"), cap));
        }
      if (rule->has_decay)
        g_ptr_array_add (parts, li_decay_describe (&rule->decay));
    }

  return _li_join_parts (parts);
}

/* ----------------------------------------------------------------- patterns */

/* The kind's thresholds. */
static char *
_li_pattern_describe_kind (const LiPattern *pattern)
{
  g_autofree char *within = NULL;

  switch (pattern->kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
      within = _li_format_value (pattern->within_hours, 2);
      /* Translators: a pattern summary, e.g. "3 views of one product within 72 h". */
      return g_strdup_printf (_("%u views of one product within %s h"),
                              pattern->min_count, within);
    case LI_PATTERN_CATEGORY_FOCUS:
      within = _li_format_value (pattern->within_hours, 2);
      return g_strdup_printf (_("%u products of one category within %s h"),
                              pattern->min_distinct, within);
    case LI_PATTERN_SEQUENCE:
      {
        g_autofree char *events = NULL;

        within = _li_format_value (pattern->within_hours, 2);
        events = pattern->events != NULL
          ? g_strjoinv (" → ", pattern->events)
          : g_strdup ("—");
        return g_strdup_printf (_("%s within %s h"), events, within);
      }
    case LI_PATTERN_RETURN_DAYS:
    default:
      within = _li_format_value (pattern->within_days, 2);
      return g_strdup_printf (_("active on %u days within %s d"),
                              pattern->min_days, within);
    }
}

char *
li_pattern_summary (const LiPattern *pattern)
{
  g_autofree char *kind = NULL;

  g_return_val_if_fail (pattern != NULL, NULL);

  kind = _li_pattern_describe_kind (pattern);
  if (pattern->enabled)
    return g_steal_pointer (&kind);

  /* Translators: subtitle of a switched-off pattern. */
  return g_strdup_printf (_("%s · off"), kind);
}

/* ---------------------------------------------------------------------- fit */

char *
li_fit_rule_summary (const LiFitRule *rule)
{
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *attr;

  g_return_val_if_fail (rule != NULL, NULL);

  attr = rule->attribute != NULL && *rule->attribute != '\0' ? rule->attribute : "?";
  text = li_fit_rule_dup_text (rule);
  a = _li_format_value (rule->number[0], 6);
  b = _li_format_value (rule->number[1], 6);

  /* Translators: fit rule summaries; %s are the attribute and its value(s). */
  switch (rule->op)
    {
    case LI_FIT_EQ:      return g_strdup_printf (_("%s is %s"), attr, text);
    case LI_FIT_NE:      return g_strdup_printf (_("%s is not %s"), attr, text);
    case LI_FIT_IN:      return g_strdup_printf (_("%s is one of %s"), attr, text);
    case LI_FIT_NOT_IN:  return g_strdup_printf (_("%s is none of %s"), attr, text);
    case LI_FIT_GT:      return g_strdup_printf ("%s > %s", attr, a);
    case LI_FIT_GTE:     return g_strdup_printf ("%s ≥ %s", attr, a);
    case LI_FIT_LT:      return g_strdup_printf ("%s < %s", attr, a);
    case LI_FIT_LTE:     return g_strdup_printf ("%s ≤ %s", attr, a);
    case LI_FIT_BETWEEN: return g_strdup_printf (_("%s from %s to %s"), attr, a, b);
    case LI_FIT_EXISTS:  return g_strdup_printf (_("%s is known"), attr);
    case LI_FIT_MISSING: return g_strdup_printf (_("%s is missing"), attr);
    default:             return g_strdup (attr);
    }
}

/* ------------------------------------------------------------------- stages */

/* The thresholds, or what takes their place. */
static void
_li_stage_add_conditions (GPtrArray     *parts,
                          const LiStage *stage,
                          gboolean       catch_all)
{
  guint n = parts->len;

  if (stage->has_min_score)
    {
      g_autofree char *v = _li_format_value (stage->min_score, 2);
      g_ptr_array_add (parts, g_strdup_printf (_("score ≥ %s"), v));
    }
  if (stage->has_min_intent)
    {
      g_autofree char *v = _li_format_value (stage->min_intent, 2);
      g_ptr_array_add (parts, g_strdup_printf (_("intent ≥ %s"), v));
    }
  if (stage->has_min_fit)
    {
      g_autofree char *v = _li_format_value (stage->min_fit, 2);
      g_ptr_array_add (parts, g_strdup_printf (_("fit ≥ %s"), v));
    }
  if (parts->len == n)
    g_ptr_array_add (parts, g_strdup (catch_all ? _("every other lead") : _("no conditions")));
}

static void
_li_stage_add_follow_up (GPtrArray     *parts,
                         const LiStage *stage)
{
  g_autofree char *t = NULL;

  if (stage->has_follow_up)
    t = _li_format_minutes (stage->follow_up_minutes);

  if (stage->channel != NULL && *stage->channel != '\0')
    {
      if (t != NULL)
        {
          /* Translators: "phone within 15 min" */
          g_ptr_array_add (parts, g_strdup_printf (_("%s within %s"), stage->channel, t));
        }
      else
        g_ptr_array_add (parts, g_strdup (stage->channel));
    }
  else if (t != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("follow up within %s"), t));
}

char *
li_stage_summary (const LiStage *stage,
                  gboolean       catch_all)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;

  g_return_val_if_fail (stage != NULL, NULL);

  _li_stage_add_conditions (parts, stage, catch_all);
  _li_stage_add_follow_up (parts, stage);
  summary = _li_join_parts (parts);
  if (!catch_all)
    return g_steal_pointer (&summary);

  /* Translators: subtitle of the last stage, which takes every other lead. */
  return g_strdup_printf (_("Catch-all · %s"), summary);
}
