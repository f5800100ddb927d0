/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "li-rules-param.h"
#include "li-problem.h"
#include "li-rules-validate.h"

/* A parsed path: section, index (or -1), and the key after it. */
typedef struct
{
  char  section[16];
  int   index;
  char  key[32];
} ParamPath;

static gboolean
_li_param_parse (const char *path,
                 ParamPath  *p)
{
  const char *dot = strchr (path, '.');
  const char *bracket = strchr (path, '[');
  gsize len;

  if (dot == NULL)
    return FALSE;
  p->index = -1;
  if (bracket != NULL && bracket < dot)
    {
      char *end = NULL;
      gint64 i;

      len = bracket - path;
      i = g_ascii_strtoll (bracket + 1, &end, 10);
      if (end == bracket + 1 || *end != ']' || end + 1 != dot || i < 0 || i > G_MAXINT)
        return FALSE;
      p->index = (int) i;
    }
  else
    len = dot - path;
  if (len == 0 || len >= sizeof p->section || strlen (dot + 1) >= sizeof p->key)
    return FALSE;
  memcpy (p->section, path, len);
  p->section[len] = '\0';
  strcpy (p->key, dot + 1);
  return TRUE;
}

/* The decay key of a model: exponential has a half-life, the others days. */
static double *
_li_decay_field (LiDecay    *decay,
                 const char *key)
{
  if (decay->model == LI_DECAY_EXPONENTIAL && g_str_equal (key, "half_life_days"))
    return &decay->days;
  if ((decay->model == LI_DECAY_WINDOW || decay->model == LI_DECAY_LINEAR) && g_str_equal (key, "days"))
    return &decay->days;
  return NULL;
}

/* Where the number lives: a double (*number) or a count (*count), and the
 * flag that says it is set (NULL when always set). */
typedef struct
{
  double   *number;
  guint    *count;
  gboolean *is_set;
  gboolean  positive_when_set;  /* max_points: 0 means unset */
} ParamSlot;

static gboolean
_li_param_slot (LiRules    *rules,
                const char *path,
                ParamSlot  *slot)
{
  ParamPath p;
  const char *key;

  memset (slot, 0, sizeof *slot);
  if (!_li_param_parse (path, &p))
    return FALSE;
  key = p.key;
  if (p.index < 0)
    {
      if (g_str_equal (p.section, "outcome") && g_str_equal (key, "window_days"))
        slot->number = &rules->window_days;
      else if (g_str_equal (p.section, "decay"))
        slot->number = _li_decay_field (&rules->decay, key);
      return slot->number != NULL;
    }
  if (g_str_equal (p.section, "intent") && (guint) p.index < rules->n_intent)
    {
      LiIntentRule *r = &rules->intent[p.index];

      if (g_str_equal (key, "points"))
        slot->number = &r->points;
      else if (g_str_equal (key, "max_points"))
        slot->number = &r->max_points, slot->positive_when_set = TRUE;
      else if (g_str_has_prefix (key, "decay.") && r->has_decay)
        slot->number = _li_decay_field (&r->decay, key + 6);
    }
  else if (g_str_equal (p.section, "patterns") && (guint) p.index < rules->n_patterns)
    {
      LiPattern *r = &rules->patterns[p.index];

      if (g_str_equal (key, "points"))
        slot->number = &r->points;
      else if (g_str_equal (key, "max_points"))
        slot->number = &r->max_points, slot->positive_when_set = TRUE;
      else if (g_str_equal (key, "within_hours") && r->kind != LI_PATTERN_RETURN_DAYS)
        slot->number = &r->within_hours;
      else if (g_str_equal (key, "within_days") && r->kind == LI_PATTERN_RETURN_DAYS)
        slot->number = &r->within_days;
      else if (g_str_equal (key, "min_count") && r->kind == LI_PATTERN_REPEAT_PRODUCT)
        slot->count = &r->min_count;
      else if (g_str_equal (key, "min_distinct") && r->kind == LI_PATTERN_CATEGORY_FOCUS)
        slot->count = &r->min_distinct;
      else if (g_str_equal (key, "min_days") && r->kind == LI_PATTERN_RETURN_DAYS)
        slot->count = &r->min_days;
      else if (g_str_has_prefix (key, "decay.") && r->has_decay)
        slot->number = _li_decay_field (&r->decay, key + 6);
    }
  else if (g_str_equal (p.section, "fit") && (guint) p.index < rules->n_fit)
    {
      if (g_str_equal (key, "points"))
        slot->number = &rules->fit[p.index].points;
    }
  else if (g_str_equal (p.section, "stages") && (guint) p.index < rules->n_stages)
    {
      LiStage *s = &rules->stages[p.index];

      if (g_str_equal (key, "min_score"))
        slot->number = &s->min_score, slot->is_set = &s->has_min_score;
      else if (g_str_equal (key, "min_intent"))
        slot->number = &s->min_intent, slot->is_set = &s->has_min_intent;
      else if (g_str_equal (key, "min_fit"))
        slot->number = &s->min_fit, slot->is_set = &s->has_min_fit;
      else if (g_str_equal (key, "follow_up_minutes"))
        slot->number = &s->follow_up_minutes, slot->is_set = &s->has_follow_up;
    }
  return slot->number != NULL || slot->count != NULL;
}

gboolean
li_rules_param_get (const LiRules *rules,
                    const char    *path,
                    double        *value)
{
  ParamSlot slot;

  /* The slot is only read here. */
  if (!_li_param_slot ((LiRules *) rules, path, &slot))
    return FALSE;
  if (slot.is_set != NULL && !*slot.is_set)
    return FALSE;
  if (slot.positive_when_set && *slot.number <= 0)
    return FALSE;
  *value = slot.count ? (double) *slot.count : *slot.number;
  return TRUE;
}

gboolean
li_rules_param_set (LiRules    *rules,
                    const char *path,
                    double      value,
                    GError    **error)
{
  g_autoptr(LiRules) copy = li_rules_copy (rules);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  ParamSlot slot;

  if (!_li_param_slot (copy, path, &slot))
    {
      g_set_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID,
                   _("%s: not a number of these rules"), path);
      return FALSE;
    }
  if (!isfinite (value) || (slot.count && (value < 1 || value > G_MAXUINT || value != floor (value))))
    {
      g_autofree char *text = g_strdup_printf ("%g", value);
      g_set_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID,
                   _("%s: %s is not allowed here"), path, text);
      return FALSE;
    }
  if (slot.count)
    *slot.count = (guint) value;
  else
    *slot.number = value;
  if (slot.is_set)
    *slot.is_set = TRUE;
  if (!li_rules_validate (copy, problems))
    {
      for (guint i = 0; i < problems->len; i++)
        {
          const LiProblem *p = problems->pdata[i];
          if (p->level == LI_PROBLEM_ERROR)
            {
              g_set_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID, "%s: %s", p->path, p->message);
              return FALSE;
            }
        }
    }
  /* Swap the checked copy in: fields own their memory, so swap whole. */
  {
    LiRules tmp = *rules;
    *rules = *copy;
    *copy = tmp;
  }
  return TRUE;
}

LiParamKind
li_rules_param_kind (const char *path)
{
  ParamPath p;

  if (!_li_param_parse (path, &p))
    return LI_PARAM_OTHER;
  if (g_str_equal (p.section, "stages") && !g_str_equal (p.key, "follow_up_minutes"))
    return LI_PARAM_STAGE;
  if (g_str_equal (p.section, "outcome"))
    return LI_PARAM_WINDOW;
  if (p.index >= 0 && g_str_equal (p.key, "points") &&
      (g_str_equal (p.section, "intent") || g_str_equal (p.section, "patterns") || g_str_equal (p.section, "fit")))
    return LI_PARAM_POINTS;
  return LI_PARAM_OTHER;
}

static void
_li_param_add (GStrvBuilder  *b,
               const LiRules *rules,
               char          *path)
{
  double v;

  if (li_rules_param_get (rules, path, &v))
    g_strv_builder_add (b, path);
  g_free (path);
}

static void
_li_param_add_decay (GStrvBuilder  *b,
                     const LiRules *rules,
                     const char    *prefix,
                     const LiDecay *decay)
{
  if (decay->model == LI_DECAY_EXPONENTIAL)
    _li_param_add (b, rules, g_strconcat (prefix, "half_life_days", NULL));
  else if (decay->model != LI_DECAY_NONE)
    _li_param_add (b, rules, g_strconcat (prefix, "days", NULL));
}

GStrv
li_rules_param_list (const LiRules *rules)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  static const char *const pattern_keys[] = {
    "points", "max_points", "within_hours", "within_days", "min_count", "min_distinct", "min_days",
  };
  static const char *const stage_keys[] = { "min_score", "min_intent", "min_fit", "follow_up_minutes" };

  _li_param_add (b, rules, g_strdup ("outcome.window_days"));
  _li_param_add_decay (b, rules, "decay.", &rules->decay);
  for (guint i = 0; i < rules->n_intent; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("intent[%u].", i);
      _li_param_add (b, rules, g_strconcat (prefix, "points", NULL));
      _li_param_add (b, rules, g_strconcat (prefix, "max_points", NULL));
      if (rules->intent[i].has_decay)
        {
          g_autofree char *d = g_strconcat (prefix, "decay.", NULL);
          _li_param_add_decay (b, rules, d, &rules->intent[i].decay);
        }
    }
  for (guint i = 0; i < rules->n_patterns; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("patterns[%u].", i);
      for (guint k = 0; k < G_N_ELEMENTS (pattern_keys); k++)
        _li_param_add (b, rules, g_strconcat (prefix, pattern_keys[k], NULL));
      if (rules->patterns[i].has_decay)
        {
          g_autofree char *d = g_strconcat (prefix, "decay.", NULL);
          _li_param_add_decay (b, rules, d, &rules->patterns[i].decay);
        }
    }
  for (guint i = 0; i < rules->n_fit; i++)
    _li_param_add (b, rules, g_strdup_printf ("fit[%u].points", i));
  for (guint i = 0; i < rules->n_stages; i++)
    for (guint k = 0; k < G_N_ELEMENTS (stage_keys); k++)
      _li_param_add (b, rules, g_strdup_printf ("stages[%u].%s", i, stage_keys[k]));
  return g_strv_builder_end (b);
}
