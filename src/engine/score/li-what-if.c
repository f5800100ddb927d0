/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-what-if.c: the smallest single edits that change a lead's stage.
 *
 * A threshold edit moves one condition of one stage past the lead's value.
 * A points edit scales one rule's part: its raw value is points × D, D the
 * sum of the decay factors of its matches (raw / points), and its part is
 * that clamped to max_points, so the score is monotone in the points and
 * the smallest change that reaches (or leaves) a stage has a closed form.
 * Points are not proposed past zero: that is another rule, not an edit.
 * Every candidate is rounded to two decimals and checked with the stage
 * function itself. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "li-what-if.h"
#include "li-number.h"

#define _LI_TOLERANCE 1e-9   /* SPEC 4: a condition holds at threshold − 1e-9 */
#define _LI_STEP      0.01   /* edits are proposed to two decimals */
#define _LI_TRIES     4

typedef struct
{
  double score, intent, fit;
} Values;

static gboolean
_li_holds (gboolean has,
           double   threshold,
           double   value)
{
  return !has || value >= threshold - _LI_TOLERANCE;
}

/* SPEC 4's stage of @v under @rules, with condition @cond of stage
 * @changed (G_MAXUINT: none) set to @threshold. */
static guint
_li_stage_of (const LiRules    *rules,
              const Values     *v,
              guint             changed,
              LiWhatIfCondition cond,
              double            threshold)
{
  for (guint s = 0; s + 1 < rules->n_stages; s++)
    {
      const LiStage *st = &rules->stages[s];
      double ms = st->min_score, mi = st->min_intent, mf = st->min_fit;
      gboolean hs = st->has_min_score, hi = st->has_min_intent, hf = st->has_min_fit;

      if (s == changed)
        switch (cond)
          {
          case LI_WHAT_IF_MIN_SCORE: ms = threshold; hs = TRUE; break;
          case LI_WHAT_IF_MIN_INTENT: mi = threshold; hi = TRUE; break;
          case LI_WHAT_IF_MIN_FIT: mf = threshold; hf = TRUE; break;
          default: g_assert_not_reached ();
          }
      if (_li_holds (hs, ms, v->score) && _li_holds (hi, mi, v->intent) && _li_holds (hf, mf, v->fit))
        return s;
    }
  return rules->n_stages - 1;
}

static guint
_li_stage (const LiRules *rules,
           const Values  *v)
{
  return _li_stage_of (rules, v, G_MAXUINT, LI_WHAT_IF_MIN_SCORE, 0);
}

static gboolean
_li_condition (const LiStage     *st,
               LiWhatIfCondition  cond,
               double            *threshold)
{
  switch (cond)
    {
    case LI_WHAT_IF_MIN_SCORE: *threshold = st->min_score; return st->has_min_score;
    case LI_WHAT_IF_MIN_INTENT: *threshold = st->min_intent; return st->has_min_intent;
    case LI_WHAT_IF_MIN_FIT: *threshold = st->min_fit; return st->has_min_fit;
    default: g_return_val_if_reached (FALSE);
    }
}

static double
_li_value (const Values      *v,
           LiWhatIfCondition  cond)
{
  return cond == LI_WHAT_IF_MIN_SCORE ? v->score : cond == LI_WHAT_IF_MIN_INTENT ? v->intent : v->fit;
}

/* @x rounded to the step, up or down. */
static double
_li_round (double   x,
           gboolean up)
{
  double r = (up ? ceil (x / _LI_STEP - 1e-7) : floor (x / _LI_STEP + 1e-7)) * _LI_STEP;
  return li_number_as_printed (r);
}

/* The current stage's conditions raised just past the lead, and the hotter
 * stages' lowered to it. */
static void
_li_what_if_thresholds (GArray        *out,
                        const LiRules *rules,
                        const Values  *v,
                        guint          stage)
{
  for (guint s = 0; s <= stage && s + 1 < rules->n_stages; s++)
    for (LiWhatIfCondition c = LI_WHAT_IF_MIN_SCORE; c <= LI_WHAT_IF_MIN_FIT; c++)
      {
        double old, t, value = _li_value (v, c);
        gboolean raise = s == stage;

        if (!_li_condition (&rules->stages[s], c, &old))
          continue;
        if (!raise && _li_holds (TRUE, old, value))
          continue;  /* it holds already: another condition keeps the stage out */
        t = _li_round (raise ? value + _LI_STEP / 2 : value, raise);
        for (guint k = 0; k < _LI_TRIES; k++, t = li_number_as_printed (t + (raise ? _LI_STEP : -_LI_STEP)))
          {
            guint now = _li_stage_of (rules, v, s, c, t);
            if (now != stage)
              {
                LiWhatIf w = { LI_WHAT_IF_THRESHOLD, s, c, 0, 0, old, t, now };
                g_array_append_val (out, w);
                break;
              }
          }
      }
}

/* The lead's values with rule part @part's contribution moved from @c to
 * @c_new. */
static Values
_li_with_part (const Values *v,
               double        c,
               double        c_new)
{
  return (Values) { v->score - c + c_new, v->intent - c + c_new, v->fit };
}

static double
_li_part_at (double points,
             double d,
             double cap)
{
  double raw = points * d;
  return cap > 0 ? CLAMP (raw, -cap, cap) : raw;
}

/* The points of @part that reach a hotter stage (@up) or leave this one. */
static void
_li_what_if_points (GArray           *out,
                    const LiRules    *rules,
                    const Values     *v,
                    guint             stage,
                    const LiRulePart *part,
                    gboolean          up)
{
  double points = part->section == LI_EXPLAIN_INTENT ? rules->intent[part->index].points
                                                     : rules->patterns[part->index].points;
  double cap = part->section == LI_EXPLAIN_INTENT ? rules->intent[part->index].max_points
                                                  : rules->patterns[part->index].max_points;
  double d, need = up ? G_MAXDOUBLE : 0, p;

  if (points == 0 || part->count == 0 || (d = part->raw / points) <= 1e-12)
    return;  /* nothing scales: no points, no matches, or all decayed away */

  /* The contribution gap to the nearest hotter stage, or out of this one. */
  if (up)
    for (guint s = 0; s < stage; s++)
      {
        const LiStage *st = &rules->stages[s];
        double gap = 0;

        if (!_li_holds (st->has_min_fit, st->min_fit, v->fit))
          continue;  /* fit does not move with intent points */
        if (st->has_min_score)
          gap = MAX (gap, st->min_score - v->score);
        if (st->has_min_intent)
          gap = MAX (gap, st->min_intent - v->intent);
        need = MIN (need, gap);
      }
  else if (stage + 1 < rules->n_stages)
    {
      const LiStage *st = &rules->stages[stage];
      need = -G_MAXDOUBLE;
      if (st->has_min_score)
        need = MAX (need, -(v->score - st->min_score + _LI_TOLERANCE));
      if (st->has_min_intent)
        need = MAX (need, -(v->intent - st->min_intent + _LI_TOLERANCE));
      if (need == -G_MAXDOUBLE)
        return;
    }
  if (!up && stage + 1 >= rules->n_stages)
    return;
  if (up && need == G_MAXDOUBLE)
    return;
  if (cap > 0 && fabs (part->contribution + need) > cap)
    return;  /* the cap stops the rule before the stage changes */

  p = _li_round ((part->contribution + need) / d, up);
  for (guint k = 0; k < _LI_TRIES; k++, p = li_number_as_printed (p + (up ? _LI_STEP : -_LI_STEP)))
    {
      /* Points that change sign are another rule, not an edit of this one. */
      if ((points > 0 && p < 0) || (points < 0 && p > 0))
        return;
      Values moved = _li_with_part (v, part->contribution, _li_part_at (p, d, cap));
      guint now = _li_stage (rules, &moved);

      if (now != stage)
        {
          LiWhatIf w = { LI_WHAT_IF_POINTS, 0, 0, part->section, part->index, points, p, now };
          g_array_append_val (out, w);
          return;
        }
    }
}

static double
_li_relative (const LiWhatIf *w)
{
  return fabs (w->new_value - w->old_value) / MAX (fabs (w->old_value), 1.0);
}

static gint
_li_what_if_compare (gconstpointer a,
                     gconstpointer b)
{
  double ra = _li_relative (a), rb = _li_relative (b);
  return ra < rb ? -1 : ra > rb;
}

GArray *
li_what_if_find (const LiExplanation *e,
                 const LiRules       *rules)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (LiWhatIf));
  Values v = { e->score.score, e->score.intent, e->score.fit };
  guint stage = e->score.stage;

  g_return_val_if_fail (rules->n_stages > 0, out);
  _li_what_if_thresholds (out, rules, &v, stage);
  for (guint r = 0; r < e->n_rules; r++)
    if (e->rules[r].section != LI_EXPLAIN_FIT)
      {
        _li_what_if_points (out, rules, &v, stage, &e->rules[r], TRUE);
        _li_what_if_points (out, rules, &v, stage, &e->rules[r], FALSE);
      }
  g_array_sort (out, _li_what_if_compare);
  return out;
}

static const char *
_li_rule_name (const LiWhatIf *w,
               const LiRules  *rules)
{
  return w->section == LI_EXPLAIN_INTENT ? rules->intent[w->index].event : rules->patterns[w->index].name;
}

char *
li_what_if_describe (const LiWhatIf *w,
                     const LiRules  *rules)
{
  g_autofree char *old_text = li_format_number (w->old_value);
  g_autofree char *new_text = li_format_number (w->new_value);
  const char *to = rules->stages[w->new_stage].name;

  if (w->kind == LI_WHAT_IF_THRESHOLD)
    {
      const char *stage = rules->stages[w->stage].name;
      gboolean up = w->new_value > w->old_value;

      switch (w->condition)
        {
        case LI_WHAT_IF_MIN_SCORE:
          return up ? g_strdup_printf (_("Raising the minimum score of “%s” from %s to %s would move this lead to %s"),
                                       stage, old_text, new_text, to)
                    : g_strdup_printf (_("Lowering the minimum score of “%s” from %s to %s would move this lead to %s"),
                                       stage, old_text, new_text, to);
        case LI_WHAT_IF_MIN_INTENT:
          return up ? g_strdup_printf (_("Raising the minimum intent of “%s” from %s to %s would move this lead to %s"),
                                       stage, old_text, new_text, to)
                    : g_strdup_printf (_("Lowering the minimum intent of “%s” from %s to %s would move this lead to %s"),
                                       stage, old_text, new_text, to);
        case LI_WHAT_IF_MIN_FIT:
        default:
          return up ? g_strdup_printf (_("Raising the minimum fit of “%s” from %s to %s would move this lead to %s"),
                                       stage, old_text, new_text, to)
                    : g_strdup_printf (_("Lowering the minimum fit of “%s” from %s to %s would move this lead to %s"),
                                       stage, old_text, new_text, to);
        }
    }
  {
    g_autofree char *delta = li_format_number (fabs (li_number_as_printed (w->new_value - w->old_value)));

    return w->new_value > w->old_value
           ? g_strdup_printf (_("%s more points for “%s” (%s instead of %s) would move this lead to %s"),
                              delta, _li_rule_name (w, rules), new_text, old_text, to)
           : g_strdup_printf (_("%s fewer points for “%s” (%s instead of %s) would move this lead to %s"),
                              delta, _li_rule_name (w, rules), new_text, old_text, to);
  }
}
