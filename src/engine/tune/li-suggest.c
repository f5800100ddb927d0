/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "li-suggest.h"
#include "li-journeys.h"
#include "li-number.h"
#include "li-rule-probe.h"
#include "li-rules-param.h"
#include "li-sweep.h"
#include "li-time.h"

/* Passes of coordinate ascent over the points. */
#define _LI_SUGGEST_PASSES 2
/* An AUC gain below this is noise of the ties, not an improvement. */
#define _LI_SUGGEST_MIN_GAIN 1e-6
#define _LI_SUGGEST_MAX_CANDIDATES 16

G_DEFINE_QUARK (li-suggest-error-quark, li_suggest_error)

gint64
li_suggest_default_holdout (const LiEventStore *store)
{
  double span = (double) (store->max_time_ms - store->min_time_ms);
  return store->min_time_ms + (gint64) ceil (span * (1 - LI_SUGGEST_HOLDOUT_SHARE));
}

/* Integers from 10 on, halves below: values a marketer reads at a glance. */
static double
_li_readable (double v)
{
  return fabs (v) >= 10 ? round (v) : round (v * 2) / 2;
}

guint
li_suggest_candidates (double  points,
                       double *out,
                       guint   n_out)
{
  static const double factors[] = { 0.25, 0.5, 0.75, 1.25, 1.5, 2, 3 };
  guint n = 0;

  for (guint f = 0; f < G_N_ELEMENTS (factors) && n < n_out; f++)
    {
      double v = _li_readable (points * factors[f]);
      gboolean seen = v == 0 || v == points || (v > 0) != (points > 0);

      for (guint k = 0; k < n && !seen; k++)
        seen = out[k] == v;
      if (!seen)
        out[n++] = v;
    }
  return n;
}

static LiReplayOptions
_li_range (gboolean training,
           gint64   holdout_from_ms)
{
  LiReplayOptions o = { 0 };

  if (training)
    o.has_to = TRUE, o.to_ms = holdout_from_ms - 1;
  else
    o.has_from = TRUE, o.from_ms = holdout_from_ms;
  return o;
}

static LiReplayResult *
_li_replay (const LiRules         *rules,
            LiEventStore          *store,
            LiLeadTable           *leads,
            const LiReplayOptions *o,
            GCancellable          *cancellable,
            GError               **error)
{
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, leads);
  return li_replay_run (plan, o, NULL, NULL, cancellable, error);
}

/* One coordinate: the candidate with the best training AUC, if it beats
 * @auc; the rules then hold it. */
static gboolean
_li_suggest_coordinate (LiRules               *rules,
                        const char            *path,
                        LiEventStore          *store,
                        LiLeadTable           *leads,
                        const LiReplayOptions *training,
                        double                *auc,
                        GCancellable          *cancellable,
                        GError               **error)
{
  double value, values[_LI_SUGGEST_MAX_CANDIDATES], best_auc = *auc, best = NAN;
  g_autoptr(LiSweep) sweep = NULL;
  guint n;

  if (!li_rules_param_get (rules, path, &value) || value == 0)
    return TRUE;
  n = li_suggest_candidates (value, values, G_N_ELEMENTS (values));
  if (n == 0)
    return TRUE;
  sweep = li_sweep_run_values (rules, store, leads, path, values, n, training, cancellable, error);
  if (sweep == NULL)
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      double a = sweep->points[k].replay->auc;
      if (!isnan (a) && a > best_auc + _LI_SUGGEST_MIN_GAIN)
        best_auc = a, best = values[k];
    }
  if (!isnan (best))
    {
      li_rules_param_set (rules, path, best, NULL);
      *auc = best_auc;
    }
  return TRUE;
}

/* The stage's flagged count with its min_score at @t. */
static guint
_li_flagged_at (const LiJourneys *journeys,
                LiRules          *rules,
                guint             stage,
                double            t)
{
  g_autoptr(LiReplayResult) r = NULL;

  rules->stages[stage].min_score = t;
  r = li_journeys_restage (journeys, rules, 1);
  return r->stages[stage].flagged;
}

/* The stage's min_score (a whole number) whose flagged count on the
 * training period is closest to @want; ties the higher threshold.  The
 * count falls as the threshold rises (the hotter stages fixed), so a
 * binary search over the journeys scored once finds it. */
static gboolean
_li_suggest_threshold (LiRules               *rules,
                       guint                  stage,
                       guint                  want,
                       LiEventStore          *store,
                       LiLeadTable           *leads,
                       const LiReplayOptions *training,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, leads);
  g_autoptr(LiJourneys) journeys = li_journeys_new (plan, training, cancellable, error);
  g_autoptr(LiReplayResult) base = NULL;
  double lo, hi, saved = rules->stages[stage].min_score, best;

  if (journeys == NULL)
    return FALSE;
  base = li_journeys_restage (journeys, rules, 1);
  lo = floor (base->min_peak);
  hi = ceil (base->max_peak) + 1;
  if (base->leads == 0)
    {
      rules->stages[stage].min_score = saved;
      return TRUE;
    }
  /* The lowest t in [lo, hi] with flagged(t) ≤ want (hi flags nobody by
   * this stage's score, so it is a candidate). */
  while (lo < hi)
    {
      double mid = floor ((lo + hi) / 2);
      if (_li_flagged_at (journeys, rules, stage, mid) <= want)
        hi = mid;
      else
        lo = mid + 1;
    }
  best = lo;
  {
    gint64 at = _li_flagged_at (journeys, rules, stage, lo);
    gint64 below = _li_flagged_at (journeys, rules, stage, lo - 1);

    if (ABS (below - (gint64) want) < ABS (at - (gint64) want))
      best = lo - 1;
  }
  rules->stages[stage].min_score = best;
  return TRUE;
}

static char *
_li_rule_label (const LiRules *rules,
                const char    *path)
{
  guint i;

  if (sscanf (path, "intent[%u]", &i) == 1 && i < rules->n_intent)
    return g_strdup (rules->intent[i].event);
  if (sscanf (path, "patterns[%u]", &i) == 1 && i < rules->n_patterns)
    return g_strdup (rules->patterns[i].name);
  if (sscanf (path, "stages[%u]", &i) == 1 && i < rules->n_stages)
    return g_strdup_printf (_("%s min_score"), rules->stages[i].name);
  return g_strdup (path);
}

/* One line with a real statistic of the training period. */
static char *
_li_suggest_reason (const LiRules         *original,
                    const LiRules         *suggested,
                    const char            *path,
                    double                 from,
                    double                 to,
                    LiEventStore          *store,
                    LiLeadTable           *leads,
                    const LiReplayOptions *training,
                    const LiReplayResult  *train_replay,
                    GCancellable          *cancellable)
{
  g_autofree char *label = _li_rule_label (original, path);
  g_autofree char *a = li_format_number (from);
  g_autofree char *b = li_format_number (to);
  guint i;

  if (sscanf (path, "stages[%u]", &i) == 1)
    {
      double share = train_replay->leads ? 100.0 * train_replay->stages[i].flagged / train_replay->leads : 0;
      return g_strdup_printf (_("%s: %s → %s, keeps %.1f %% of the training leads flagged"),
                              label, a, b, share);
    }
  {
    guint r = 0;
    LiRuleReach reach;
    double ratio;

    if (sscanf (path, "intent[%u]", &i) == 1)
      r = i;
    else if (sscanf (path, "patterns[%u]", &i) == 1)
      r = original->n_intent + i;
    if (!li_rule_probe_reach (suggested, r, store, leads, training, &reach, cancellable, NULL))
      return g_strdup_printf ("%s: %s → %s", label, a, b);
    ratio = li_rule_reach_ratio (&reach);
    if (isinf (ratio))
      return g_strdup_printf (_("%s: %s → %s, only converters do it"), label, a, b);
    if (isnan (ratio))
      return g_strdup_printf (_("%s: %s → %s"), label, a, b);
    return g_strdup_printf (_("%s: %s → %s, converters do it %.1f× as often"), label, a, b, ratio);
  }
}

static gboolean
_li_suggest_check_range (LiEventStore          *store,
                         gint64                 holdout_from_ms,
                         GError               **error)
{
  if (store->n_events == 0 || holdout_from_ms <= store->min_time_ms || holdout_from_ms > store->max_time_ms)
    {
      g_autofree char *t = li_time_format (holdout_from_ms);
      g_set_error (error, LI_SUGGEST_ERROR, LI_SUGGEST_ERROR_RANGE,
                   _("the holdout time %s leaves no events to learn from or to judge on"), t);
      return FALSE;
    }
  return TRUE;
}

/* The points to learn: every intent rule's and enabled pattern's. */
static GPtrArray *
_li_suggest_paths (const LiRules *rules)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rules->n_intent; i++)
    g_ptr_array_add (paths, g_strdup_printf ("intent[%u].points", i));
  for (guint i = 0; i < rules->n_patterns; i++)
    if (rules->patterns[i].enabled)
      g_ptr_array_add (paths, g_strdup_printf ("patterns[%u].points", i));
  return paths;
}

static void
_li_suggest_list_changes (LiSuggestion          *s,
                          const LiRules         *rules,
                          LiEventStore          *store,
                          LiLeadTable           *leads,
                          const LiReplayOptions *training,
                          const LiReplayResult  *train_replay,
                          GCancellable          *cancellable)
{
  g_auto(GStrv) params = li_rules_param_list (rules);
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (LiSuggestChange));

  for (guint p = 0; params[p]; p++)
    {
      double from, to;
      LiSuggestChange c;

      if (!li_rules_param_get (rules, params[p], &from) || !li_rules_param_get (s->rules, params[p], &to) ||
          from == to)
        continue;
      c.path = g_strdup (params[p]);
      c.from = from;
      c.to = to;
      c.reason = _li_suggest_reason (rules, s->rules, params[p], from, to, store, leads, training,
                                     train_replay, cancellable);
      g_array_append_val (changes, c);
    }
  s->n_changes = changes->len;
  s->changes = (LiSuggestChange *) g_array_free (changes, FALSE);
}

LiSuggestion *
li_suggest_run (const LiRules *rules,
                LiEventStore  *store,
                LiLeadTable   *leads,
                gint64         holdout_from_ms,
                GCancellable  *cancellable,
                GError       **error)
{
  LiReplayOptions training = _li_range (TRUE, holdout_from_ms);
  LiReplayOptions holdout = _li_range (FALSE, holdout_from_ms);
  g_autoptr(LiSuggestion) s = g_new0 (LiSuggestion, 1);
  g_autoptr(LiReplayResult) train = NULL;
  g_autoptr(LiReplayResult) train_new = NULL;
  g_autoptr(GPtrArray) paths = _li_suggest_paths (rules);
  g_autoptr(LiRules) learned = li_rules_copy (rules);
  double auc;

  s->holdout_from_ms = holdout_from_ms;
  if (!_li_suggest_check_range (store, holdout_from_ms, error))
    return NULL;
  if ((train = _li_replay (rules, store, leads, &training, cancellable, error)) == NULL)
    return NULL;
  if (train->converters < LI_SUGGEST_MIN_CONVERTERS)
    {
      g_set_error (error, LI_SUGGEST_ERROR, LI_SUGGEST_ERROR_TOO_FEW,
                   _("only %u converters before the holdout time: at least %d are needed to learn "
                     "point values from"), train->converters, LI_SUGGEST_MIN_CONVERTERS);
      return NULL;
    }
  s->training_auc_original = auc = isnan (train->auc) ? 0 : train->auc;
  for (guint pass = 0; pass < _LI_SUGGEST_PASSES; pass++)
    for (guint p = 0; p < paths->len; p++)
      if (!_li_suggest_coordinate (learned, paths->pdata[p], store, leads, &training, &auc, cancellable, error))
        return NULL;
  s->training_auc_suggested = auc;
  /* New points move the scores: keep each stage's flagged count. */
  for (guint st = 0; st + 1 < rules->n_stages; st++)
    if (rules->stages[st].has_min_score && !li_rules_equal (learned, rules) &&
        !_li_suggest_threshold (learned, st, train->stages[st].flagged, store, leads, &training,
                                cancellable, error))
      return NULL;

  if ((s->holdout_original = _li_replay (rules, store, leads, &holdout, cancellable, error)) == NULL ||
      (s->holdout_suggested = _li_replay (learned, store, leads, &holdout, cancellable, error)) == NULL)
    return NULL;
  /* Judged on the later period only: a learned set that does not beat the
   * original there is not offered. */
  s->fell_back = !(s->holdout_suggested->auc >= s->holdout_original->auc) || isnan (s->holdout_suggested->auc);
  s->rules = s->fell_back ? li_rules_copy (rules) : g_steal_pointer (&learned);
  if ((train_new = _li_replay (s->rules, store, leads, &training, cancellable, error)) == NULL)
    return NULL;
  _li_suggest_list_changes (s, rules, store, leads, &training, train_new, cancellable);
  return g_steal_pointer (&s);
}

void
li_suggestion_free (LiSuggestion *s)
{
  if (s == NULL)
    return;
  g_clear_pointer (&s->rules, li_rules_free);
  g_clear_pointer (&s->holdout_original, li_replay_result_unref);
  g_clear_pointer (&s->holdout_suggested, li_replay_result_unref);
  for (guint k = 0; k < s->n_changes; k++)
    {
      g_free (s->changes[k].path);
      g_free (s->changes[k].reason);
    }
  g_free (s->changes);
  g_free (s);
}

JsonNode *
li_suggestion_to_json (const LiSuggestion *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *t = li_time_format (s->holdout_from_ms);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "holdout_from");
  json_builder_add_string_value (b, t);
  json_builder_set_member_name (b, "fell_back");
  json_builder_add_boolean_value (b, s->fell_back);
  json_builder_set_member_name (b, "training_auc");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "original");
  json_builder_add_double_value (b, s->training_auc_original);
  json_builder_set_member_name (b, "suggested");
  json_builder_add_double_value (b, s->training_auc_suggested);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "holdout");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "original");
  json_builder_add_value (b, li_replay_result_to_json (s->holdout_original));
  json_builder_set_member_name (b, "suggested");
  json_builder_add_value (b, li_replay_result_to_json (s->holdout_suggested));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (guint k = 0; k < s->n_changes; k++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "path");
      json_builder_add_string_value (b, s->changes[k].path);
      json_builder_set_member_name (b, "from");
      json_builder_add_double_value (b, s->changes[k].from);
      json_builder_set_member_name (b, "to");
      json_builder_add_double_value (b, s->changes[k].to);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, s->changes[k].reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
_li_text_metrics (GString              *s,
                  const char           *title,
                  const LiReplayResult *r)
{
  g_string_append_printf (s, "%-10s AUC %.4f", title, r->auc);
  for (guint st = 0; st + 1 < r->n_stages; st++)
    g_string_append_printf (s, _("  %s: flagged %u, precision %.3f, recall %.3f"), r->stages[st].name,
                            r->stages[st].flagged, r->stages[st].precision, r->stages[st].recall);
  g_string_append_c (s, '\n');
}

char *
li_suggestion_to_text (const LiSuggestion *s)
{
  GString *out = g_string_new (NULL);
  g_autofree char *t = li_time_format (s->holdout_from_ms);

  g_string_append_printf (out, _("Learned on the events before %s, judged on the events from it on.\n"), t);
  g_string_append_printf (out, _("Training AUC: %.4f → %.4f\n\nHoldout:\n"), s->training_auc_original,
                          s->training_auc_suggested);
  _li_text_metrics (out, _("original"), s->holdout_original);
  _li_text_metrics (out, _("suggested"), s->holdout_suggested);
  if (s->fell_back)
    g_string_append (out, _("\nThe learned values do not beat the original on the holdout: "
                            "the suggestion keeps the original values.\n"));
  else if (s->n_changes == 0)
    g_string_append (out, _("\nNo change improves the training AUC: the suggestion is the original.\n"));
  else
    {
      g_string_append (out, _("\nChanges:\n"));
      for (guint k = 0; k < s->n_changes; k++)
        g_string_append_printf (out, "  %s\n", s->changes[k].reason);
    }
  return g_string_free (out, FALSE);
}
