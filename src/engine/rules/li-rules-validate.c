/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rules-validate.c: checks a LiRules (ranges, the outcome leak, stages).
 * It is the whole of li_rules_validate for rules built in the editor; the
 * parser runs each section's check right after reading it. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "li-rules-validate.h"
#include "li-rules-private.h"
#include "li-problem.h"
#include "li-rules-limits.h"

#include <math.h>
#include <string.h>

guint
_li_rules_list_limit (const char *section)
{
  if (strcmp (section, "intent") == 0)
    return LI_RULES_MAX_INTENT;
  if (strcmp (section, "patterns") == 0)
    return LI_RULES_MAX_PATTERNS;
  if (strcmp (section, "fit") == 0)
    return LI_RULES_MAX_FIT;
  return LI_RULES_MAX_STAGES;
}

static void
_li_validate_extra (LiCheck            *check,
                    const char         *path,
                    JsonObject         *extra,
                    const char * const *known,
                    const char         *context)
{
  GList *members;

  if (extra == NULL)
    return;

  members = json_object_get_members (extra);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *child = _li_path_key (path, l->data);

      if (known != NULL && context != NULL && _li_key_in (l->data, known))
        _li_warning (check, child, _("not used with %s"), context);
      else
        _li_warning (check, child, _("unknown key"));
    }
  g_list_free (members);
}

/* Names and values: NULL is fine (the caller decides whether it is
 * required), but none may be longer than the limit. */
static void
_li_validate_length (LiCheck    *check,
                     const char *path,
                     const char *value,
                     gsize       max)
{
  if (value != NULL && strlen (value) > max)
    _li_error (check, path, _("longer than %u bytes"), (guint) max);
}

static void
_li_validate_required_string (LiCheck    *check,
                              const char *path,
                              const char *value)
{
  if (value == NULL)
    _li_error (check, path, _("required"));
  else if (value[0] == '\0')
    _li_error (check, path, _("must not be empty"));
  else
    _li_validate_length (check, path, value, LI_RULES_MAX_NAME_BYTES);
}

static void
_li_validate_strv (LiCheck    *check,
                   const char *path,
                   GStrv       values)
{
  guint n = values != NULL ? g_strv_length (values) : 0;

  if (n > LI_RULES_MAX_VALUES)
    {
      _li_error (check, path, _("more than %u values"), (guint) LI_RULES_MAX_VALUES);
      return;
    }
  for (guint k = 0; k < n; k++)
    if (strlen (values[k]) > LI_RULES_MAX_NAME_BYTES)
      {
        g_autofree char *child = _li_path_index (path, k);

        _li_validate_length (check, child, values[k], LI_RULES_MAX_NAME_BYTES);
      }
}

static void
_li_validate_finite (LiCheck    *check,
                     const char *parent,
                     const char *key,
                     double      value)
{
  if (!isfinite (value))
    {
      g_autofree char *path = _li_path_key (parent, key);

      _li_error (check, path, _("must be a finite number"));
    }
}

/* Points and thresholds: finite, and small enough that no sum overflows. */
static void
_li_validate_points (LiCheck    *check,
                     const char *parent,
                     const char *key,
                     double      value)
{
  g_autofree char *path = NULL;

  if (isfinite (value) && fabs (value) <= LI_RULES_MAX_POINTS)
    return;
  path = _li_path_key (parent, key);
  if (!isfinite (value))
    _li_error (check, path, _("must be a finite number"));
  else
    _li_error (check, path, _("must be between -%.0f and %.0f"),
               LI_RULES_MAX_POINTS, LI_RULES_MAX_POINTS);
}

static void
_li_validate_positive (LiCheck    *check,
                       const char *parent,
                       const char *key,
                       double      value,
                       double      max)
{
  g_autofree char *path = NULL;

  if (value > 0 && value <= max)
    return;
  path = _li_path_key (parent, key);
  if (!(value > 0) || !isfinite (value))
    _li_error (check, path, _("must be > 0"));
  else
    _li_error (check, path, _("must be at most %g"), max);
}

static void
_li_validate_count (LiCheck    *check,
                    const char *parent,
                    const char *key,
                    guint       value)
{
  g_autofree char *path = NULL;

  if (value >= 1 && value <= LI_RULES_MAX_COUNT)
    return;
  path = _li_path_key (parent, key);
  if (value < 1)
    _li_error (check, path, _("must be >= 1"));
  else
    _li_error (check, path, _("must be at most %u"), (guint) LI_RULES_MAX_COUNT);
}

static void
_li_validate_max_points (LiCheck    *check,
                         const char *parent,
                         double      value)
{
  /* 0 means unset */
  if (value != 0)
    _li_validate_positive (check, parent, "max_points", value, LI_RULES_MAX_POINTS);
}

void
_li_validate_decay (LiCheck       *check,
                    const char    *path,
                    const LiDecay *decay,
                    JsonObject    *extra)
{
  g_autofree char *context = NULL;

  if (!_li_decay_model_valid (decay->model))
    {
      g_autofree char *model_path = _li_path_key (path, "model");

      _li_error (check, model_path, _("invalid decay model"));
      return;
    }

  if (decay->model == LI_DECAY_EXPONENTIAL)
    _li_validate_positive (check, path, "half_life_days", decay->days, LI_RULES_MAX_DAYS);
  else if (decay->model != LI_DECAY_NONE)
    _li_validate_positive (check, path, "days", decay->days, LI_RULES_MAX_DAYS);

  context = g_strdup_printf ("model \"%s\"", li_decay_model_to_string (decay->model));
  _li_validate_extra (check, path, extra, _li_decay_keys, context);
}

void
_li_validate_top (LiCheck       *check,
                  const LiRules *rules)
{
  _li_validate_length (check, "name", rules->name, LI_RULES_MAX_TEXT_BYTES);
  _li_validate_length (check, "description", rules->description, LI_RULES_MAX_TEXT_BYTES);
  _li_validate_extra (check, "", rules->extra, NULL, NULL);
}

void
_li_validate_outcome (LiCheck       *check,
                      const LiRules *rules)
{
  _li_validate_required_string (check, "outcome.event", rules->outcome_event);
  _li_validate_positive (check, "outcome", "window_days", rules->window_days, LI_RULES_MAX_DAYS);
  _li_validate_extra (check, "outcome", rules->outcome_extra, NULL, NULL);
}

static void
_li_validate_leak (LiCheck       *check,
                   const LiRules *rules,
                   const char    *path,
                   const char    *event)
{
  if (event != NULL && rules->outcome_event != NULL
      && strcmp (event, rules->outcome_event) == 0)
    _li_error (check, path,
               _("uses the outcome event \"%s\" (it would leak the outcome into the score)"),
               event);
}

void
_li_validate_intent (LiCheck       *check,
                     const LiRules *rules,
                     guint          i)
{
  const LiIntentRule *rule = &rules->intent[i];
  g_autofree char *path = _li_path_index ("intent", i);
  g_autofree char *event_path = _li_path_key (path, "event");
  g_autofree char *where_path = _li_path_key (path, "where");

  _li_validate_required_string (check, event_path, rule->event);
  _li_validate_leak (check, rules, event_path, rule->event);

  if (rule->n_where > LI_RULES_MAX_WHERE)
    _li_error (check, where_path, _("more than %u properties"), (guint) LI_RULES_MAX_WHERE);
  for (guint w = 0; w < rule->n_where && w < LI_RULES_MAX_WHERE; w++)
    {
      const LiWhere *where = &rule->where[w];

      if (where->key == NULL || where->key[0] == '\0')
        _li_error (check, where_path, _("empty property name"));
      else if (strlen (where->key) > LI_RULES_MAX_NAME_BYTES)
        _li_validate_length (check, where_path, where->key, LI_RULES_MAX_NAME_BYTES);
      else
        {
          g_autofree char *key_path = _li_path_key (where_path, where->key);

          if (where->values == NULL || where->values[0] == NULL)
            _li_error (check, key_path, _("must not be empty"));
          else
            _li_validate_strv (check, key_path, where->values);
        }
    }

  _li_validate_points (check, path, "points", rule->points);
  _li_validate_max_points (check, path, rule->max_points);
  if (rule->has_decay)
    {
      g_autofree char *decay_path = _li_path_key (path, "decay");

      _li_validate_decay (check, decay_path, &rule->decay, rule->decay_extra);
    }
  _li_validate_extra (check, path, rule->extra, NULL, NULL);
}

void
_li_validate_pattern (LiCheck       *check,
                      const LiRules *rules,
                      guint          i)
{
  const LiPattern *pattern = &rules->patterns[i];
  g_autofree char *path = _li_path_index ("patterns", i);
  g_autofree char *name_path = _li_path_key (path, "name");
  g_autofree char *kind_path = _li_path_key (path, "kind");
  g_autofree char *context = NULL;

  _li_validate_required_string (check, name_path, pattern->name);
  if (pattern->name != NULL && pattern->name[0] != '\0')
    {
      for (guint j = 0; j < i; j++)
        {
          if (g_strcmp0 (rules->patterns[j].name, pattern->name) == 0)
            {
              _li_warning (check, name_path, _("duplicate pattern name \"%s\""), pattern->name);
              break;
            }
        }
    }

  if (!_li_pattern_kind_valid (pattern->kind))
    _li_error (check, kind_path, _("invalid pattern kind"));

  switch (pattern->kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
    case LI_PATTERN_CATEGORY_FOCUS:
      if (pattern->kind == LI_PATTERN_REPEAT_PRODUCT)
        _li_validate_count (check, path, "min_count", pattern->min_count);
      else
        _li_validate_count (check, path, "min_distinct", pattern->min_distinct);
      _li_validate_positive (check, path, "within_hours", pattern->within_hours,
                             LI_RULES_MAX_DAYS * 24);
      if (g_strcmp0 (rules->outcome_event, "product_view") == 0)
        _li_validate_leak (check, rules, kind_path, "product_view");
      break;

    case LI_PATTERN_SEQUENCE:
      {
        g_autofree char *events_path = _li_path_key (path, "events");
        guint n = pattern->events != NULL ? g_strv_length (pattern->events) : 0;

        for (guint k = 0; k < n && k <= LI_RULES_MAX_SEQUENCE; k++)
          {
            g_autofree char *event_path = _li_path_index (events_path, k);

            if (pattern->events[k][0] == '\0')
              _li_error (check, event_path, _("must not be empty"));
            _li_validate_length (check, event_path, pattern->events[k], LI_RULES_MAX_NAME_BYTES);
            _li_validate_leak (check, rules, event_path, pattern->events[k]);
          }
        if (n < 2)
          _li_error (check, events_path, _("needs at least two events"));
        else if (n > LI_RULES_MAX_SEQUENCE)
          _li_error (check, events_path, _("more than %u events"), (guint) LI_RULES_MAX_SEQUENCE);
        _li_validate_positive (check, path, "within_hours", pattern->within_hours,
                               LI_RULES_MAX_DAYS * 24);
        break;
      }

    case LI_PATTERN_RETURN_DAYS:
      _li_validate_count (check, path, "min_days", pattern->min_days);
      _li_validate_positive (check, path, "within_days", pattern->within_days, LI_RULES_MAX_DAYS);
      break;

    default:
      break;
    }

  _li_validate_points (check, path, "points", pattern->points);
  _li_validate_max_points (check, path, pattern->max_points);
  if (pattern->has_decay)
    {
      g_autofree char *decay_path = _li_path_key (path, "decay");

      _li_validate_decay (check, decay_path, &pattern->decay, pattern->decay_extra);
    }

  if (_li_pattern_kind_valid (pattern->kind))
    context = g_strdup_printf ("kind \"%s\"", li_pattern_kind_to_string (pattern->kind));
  _li_validate_extra (check, path, pattern->extra, _li_pattern_keys, context);
}

void
_li_validate_fit (LiCheck       *check,
                  const LiRules *rules,
                  guint          i)
{
  const LiFitRule *rule = &rules->fit[i];
  g_autofree char *path = _li_path_index ("fit", i);
  g_autofree char *attribute_path = _li_path_key (path, "attribute");
  g_autofree char *value_path = _li_path_key (path, "value");
  g_autofree char *values_path = _li_path_key (path, "values");
  g_autofree char *context = NULL;
  guint n_values = rule->values != NULL ? g_strv_length (rule->values) : 0;

  _li_validate_required_string (check, attribute_path, rule->attribute);

  switch (rule->op)
    {
    case LI_FIT_EQ:
    case LI_FIT_NE:
      if (n_values == 0)
        _li_error (check, value_path, _("required"));
      else if (n_values > 1)
        _li_error (check, value_path, _("expected a single value"));
      else
        _li_validate_length (check, value_path, rule->values[0], LI_RULES_MAX_NAME_BYTES);
      break;

    case LI_FIT_IN:
    case LI_FIT_NOT_IN:
      if (n_values == 0)
        _li_error (check, values_path, _("must not be empty"));
      else
        _li_validate_strv (check, values_path, rule->values);
      break;

    case LI_FIT_GT:
    case LI_FIT_GTE:
    case LI_FIT_LT:
    case LI_FIT_LTE:
      _li_validate_finite (check, path, "value", rule->number[0]);
      break;

    case LI_FIT_BETWEEN:
      if (!isfinite (rule->number[0]) || !isfinite (rule->number[1]))
        _li_error (check, values_path, _("must be finite numbers"));
      else if (rule->number[0] > rule->number[1])
        _li_error (check, values_path, _("low must be <= high"));
      break;

    case LI_FIT_EXISTS:
    case LI_FIT_MISSING:
      break;

    default:
      {
        g_autofree char *op_path = _li_path_key (path, "op");

        _li_error (check, op_path, _("invalid operator"));
        break;
      }
    }

  _li_validate_points (check, path, "points", rule->points);

  if (_li_fit_op_valid (rule->op))
    context = g_strdup_printf ("op \"%s\"", li_fit_op_to_string (rule->op));
  _li_validate_extra (check, path, rule->extra, _li_fit_keys, context);
}

static gboolean
_li_stage_has_condition (const LiStage *stage)
{
  return stage->has_min_score || stage->has_min_intent || stage->has_min_fit;
}

void
_li_validate_stage (LiCheck       *check,
                    const LiRules *rules,
                    guint          i)
{
  const LiStage *stage = &rules->stages[i];
  g_autofree char *path = _li_path_index ("stages", i);
  g_autofree char *name_path = _li_path_key (path, "name");

  _li_validate_required_string (check, name_path, stage->name);
  if (stage->name != NULL && stage->name[0] != '\0')
    {
      for (guint j = 0; j < i; j++)
        {
          if (g_strcmp0 (rules->stages[j].name, stage->name) == 0)
            {
              _li_error (check, name_path, _("duplicate stage name \"%s\""), stage->name);
              break;
            }
        }
    }

  if (stage->has_min_score)
    _li_validate_points (check, path, "min_score", stage->min_score);
  if (stage->has_min_intent)
    _li_validate_points (check, path, "min_intent", stage->min_intent);
  if (stage->has_min_fit)
    _li_validate_points (check, path, "min_fit", stage->min_fit);
  if (stage->channel != NULL)
    {
      g_autofree char *channel_path = _li_path_key (path, "channel");

      _li_validate_length (check, channel_path, stage->channel, LI_RULES_MAX_NAME_BYTES);
    }
  if (stage->has_follow_up && !(stage->follow_up_minutes >= 0 &&
                                 stage->follow_up_minutes <= LI_RULES_MAX_MINUTES))
    {
      g_autofree char *follow_path = _li_path_key (path, "follow_up_minutes");

      if (stage->follow_up_minutes > LI_RULES_MAX_MINUTES)
        _li_error (check, follow_path, _("must be at most %g"), LI_RULES_MAX_MINUTES);
      else
        _li_error (check, follow_path, _("must be >= 0"));
    }
  _li_validate_extra (check, path, stage->extra, NULL, NULL);
}

/* TRUE when every condition of @hot also holds for any value that meets
 * @cold's: @cold has each of @hot's conditions with a threshold at least as
 * high (both are compared with the same tolerance, SPEC 4). */
static gboolean
_li_stage_implies (const LiStage *cold,
                   const LiStage *hot)
{
  if (hot->has_min_score && !(cold->has_min_score && cold->min_score >= hot->min_score))
    return FALSE;
  if (hot->has_min_intent && !(cold->has_min_intent && cold->min_intent >= hot->min_intent))
    return FALSE;
  if (hot->has_min_fit && !(cold->has_min_fit && cold->min_fit >= hot->min_fit))
    return FALSE;
  return TRUE;
}

static gboolean
_li_stage_values_checked (LiCheck       *check,
                          const LiStage *stage,
                          guint          i)
{
  g_autofree char *path = _li_path_index ("stages", i);

  if (_li_check_suppressed (check, path))
    return FALSE;
  return (!stage->has_min_score || isfinite (stage->min_score)) &&
         (!stage->has_min_intent || isfinite (stage->min_intent)) &&
         (!stage->has_min_fit || isfinite (stage->min_fit));
}

/* A stage is chosen only when no hotter stage holds (SPEC 4), so a stage
 * whose conditions imply a hotter stage's is never anyone's stage, nor a
 * peak stage.  Stages after a stage without conditions are reported by the
 * caller; this looks at the ones before it. */
static void
_li_validate_implied_stages (LiCheck       *check,
                             const LiRules *rules,
                             guint          end)
{
  for (guint j = 1; j < end; j++)
    {
      const LiStage *cold = &rules->stages[j];

      if (!_li_stage_values_checked (check, cold, j))
        continue;
      for (guint i = 0; i < j; i++)
        {
          const LiStage *hot = &rules->stages[i];

          if (!_li_stage_values_checked (check, hot, i) || !_li_stage_implies (cold, hot))
            continue;
          {
            g_autofree char *path = _li_path_index ("stages", j);

            if (hot->name != NULL && hot->name[0] != '\0')
              /* Translators: the stage name is the hotter stage listed above */
              _li_warning (check, path,
                           _("stage is unreachable: stage \"%s\" above it catches every lead that meets its conditions"),
                           hot->name);
            else
              _li_warning (check, path,
                           _("stage is unreachable: a stage above it catches every lead that meets its conditions"));
          }
          break;
        }
    }
}

/* The checks on the list as a whole, after every stage. */
void
_li_validate_stage_list (LiCheck       *check,
                         const LiRules *rules)
{
  guint last;
  guint first_open;

  if (rules->n_stages == 0)
    {
      _li_error (check, "stages", _("must have at least one stage"));
      return;
    }

  last = rules->n_stages - 1;
  first_open = last;
  for (guint i = 0; i < last; i++)
    {
      g_autofree char *path = _li_path_index ("stages", i);

      if (_li_check_suppressed (check, path) || _li_stage_has_condition (&rules->stages[i]))
        continue;
      first_open = i;
      _li_validate_implied_stages (check, rules, i);
      for (guint j = i + 1; j <= last; j++)
        {
          g_autofree char *later = _li_path_index ("stages", j);

          _li_warning (check, later, _("stage is unreachable"));
        }
      break;
    }
  if (first_open == last)
    _li_validate_implied_stages (check, rules, last);

  if (_li_stage_has_condition (&rules->stages[last]))
    {
      g_autofree char *path = _li_path_index ("stages", last);

      /* not suppressible: the flags are right even when a value had the wrong type */
      _li_check_add (check, FALSE, LI_PROBLEM_ERROR, path, _("the last stage must have no condition"));
    }
}

/* A list longer than its limit gets one problem and no item checks, so that
 * checking stays bounded (duplicate names compare each item with the ones
 * before it). */
gboolean
_li_validate_list_length (LiCheck    *check,
                          const char *section,
                          guint       n)
{
  guint max = _li_rules_list_limit (section);

  if (n <= max)
    return TRUE;
  _li_error (check, section, _("more than %u items"), max);
  return FALSE;
}

static void
_li_validate_run (LiCheck       *check,
                  const LiRules *rules)
{
  _li_validate_top (check, rules);
  _li_validate_outcome (check, rules);
  _li_validate_decay (check, "decay", &rules->decay, rules->decay_extra);
  if (_li_validate_list_length (check, "intent", rules->n_intent))
    for (guint i = 0; i < rules->n_intent; i++)
      _li_validate_intent (check, rules, i);
  if (_li_validate_list_length (check, "patterns", rules->n_patterns))
    for (guint i = 0; i < rules->n_patterns; i++)
      _li_validate_pattern (check, rules, i);
  if (_li_validate_list_length (check, "fit", rules->n_fit))
    for (guint i = 0; i < rules->n_fit; i++)
      _li_validate_fit (check, rules, i);
  if (_li_validate_list_length (check, "stages", rules->n_stages))
    {
      for (guint i = 0; i < rules->n_stages; i++)
        _li_validate_stage (check, rules, i);
      _li_validate_stage_list (check, rules);
    }
}

gboolean
li_rules_validate (const LiRules *rules,
                   GPtrArray     *problems)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  LiCheck check;
  gboolean ok;

  g_return_val_if_fail (rules != NULL, FALSE);

  _li_check_init (&check, found);
  check.validating = TRUE;
  _li_validate_run (&check, rules);
  ok = check.n_errors == 0;
  _li_check_clear (&check);

  g_ptr_array_set_free_func (found, NULL);
  _li_move_problems (found, problems);
  return ok;
}
