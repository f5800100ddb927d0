/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "li-drift.h"
#include "li-psi.h"
#include "li-rule-probe.h"
#include "li-time.h"

#define _LI_MS_PER_DAY G_GINT64_CONSTANT (86400000)

/* g_strv_builder_take needs GLib 2.80. */
static void
_li_strv_take (GStrvBuilder *b,
               char         *s)
{
  g_strv_builder_add (b, s);
  g_free (s);
}

gboolean
li_drift_period_kind_from_string (const char        *str,
                                  LiDriftPeriodKind *kind)
{
  if (g_strcmp0 (str, "week") == 0)
    *kind = LI_DRIFT_WEEK;
  else if (g_strcmp0 (str, "month") == 0)
    *kind = LI_DRIFT_MONTH;
  else if (g_strcmp0 (str, "day") == 0)
    *kind = LI_DRIFT_DAY;
  else if (g_strcmp0 (str, "hour") == 0)
    *kind = LI_DRIFT_HOUR;
  else
    return FALSE;
  return TRUE;
}

const char *
li_drift_period_kind_to_string (LiDriftPeriodKind kind)
{
  static const char *names[] = { "week", "month", "day", "hour" };

  return kind < G_N_ELEMENTS (names) ? names[kind] : "week";
}

gint64
li_drift_period_start (LiDriftPeriodKind kind,
                       gint64            time_ms)
{
  gint64 day = li_time_day (time_ms);

  if (kind == LI_DRIFT_HOUR)
    return (time_ms >= 0 ? time_ms : time_ms - 3599999) / 3600000 * 3600000;
  if (kind == LI_DRIFT_DAY)
    return day * _LI_MS_PER_DAY;
  if (kind == LI_DRIFT_WEEK)
    {
      /* 1970-01-01 was a Thursday: Monday is 0 of (day + 3) mod 7. */
      gint64 weekday = ((day + 3) % 7 + 7) % 7;
      return (day - weekday) * _LI_MS_PER_DAY;
    }
  {
    g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (day * 86400);
    g_autoptr(GDateTime) first = g_date_time_new_utc (g_date_time_get_year (t),
                                                      g_date_time_get_month (t), 1, 0, 0, 0);
    return g_date_time_to_unix (first) * 1000;
  }
}

gint64
li_drift_period_next (LiDriftPeriodKind kind,
                      gint64            start_ms)
{
  if (kind == LI_DRIFT_HOUR)
    return start_ms + 3600000;
  if (kind == LI_DRIFT_DAY)
    return start_ms + _LI_MS_PER_DAY;
  if (kind == LI_DRIFT_WEEK)
    return start_ms + 7 * _LI_MS_PER_DAY;
  {
    g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (start_ms / 1000);
    g_autoptr(GDateTime) next = g_date_time_add_months (t, 1);
    return g_date_time_to_unix (next) * 1000;
  }
}

static gboolean
_li_drift_period (LiDrift               *drift,
                  LiDriftPeriod         *p,
                  const LiRules         *rules,
                  LiEventStore          *store,
                  LiLeadTable           *leads,
                  const LiReplayOptions *options,
                  GCancellable          *cancellable,
                  GError               **error)
{
  LiReplayOptions o = options ? *options : (LiReplayOptions) { 0 };
  g_autoptr(LiPlan) plan = NULL;

  o.has_from = o.has_to = TRUE;
  o.from_ms = p->from_ms;
  o.to_ms = p->to_ms;
  plan = li_plan_new (rules, store, leads);
  if ((p->replay = li_replay_run (plan, &o, NULL, NULL, cancellable, error)) == NULL)
    return FALSE;
  p->firing_rate = g_new (double, MAX (drift->n_rules, 1));
  for (guint r = 0; r < drift->n_rules; r++)
    {
      LiRuleReach reach;

      if (!li_rule_probe_reach (rules, r, store, leads, &o, &reach, cancellable, error))
        return FALSE;
      p->firing_rate[r] = reach.leads > 0 ? (double) reach.scored / reach.leads : NAN;
    }
  return TRUE;
}

static double *
_li_peaks (const LiReplayResult *r)
{
  double *v = g_new (double, MAX (r->leads, 1));

  for (guint k = 0; k < r->leads; k++)
    v[k] = r->per_lead[k].peak_score;
  return v;
}

LiDrift *
li_drift_run (const LiRules         *rules,
              LiEventStore          *store,
              LiLeadTable           *leads,
              LiDriftPeriodKind      kind,
              const LiReplayOptions *options,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr(LiDrift) drift = g_new0 (LiDrift, 1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GArray) periods = g_array_new (FALSE, TRUE, sizeof (LiDriftPeriod));
  g_autofree double *reference = NULL;
  gint64 first = store->min_time_ms, last = store->max_time_ms;

  drift->kind = kind;
  drift->n_rules = rules->n_intent + rules->n_patterns;
  for (guint i = 0; i < rules->n_intent; i++)
    _li_strv_take (names, g_strdup_printf ("intent[%u] %s", i, rules->intent[i].event));
  for (guint i = 0; i < rules->n_patterns; i++)
    _li_strv_take (names, g_strdup_printf ("patterns[%u] %s", i, rules->patterns[i].name));
  drift->rule_names = g_strv_builder_end (names);
  if (options && options->has_from)
    first = MAX (first, options->from_ms);
  if (options && options->has_to)
    last = MIN (last, options->to_ms);
  if (store->n_events > 0 && first <= last)
    for (gint64 start = li_drift_period_start (kind, first); start <= last;
         start = li_drift_period_next (kind, start))
      {
        LiDriftPeriod p = { start, li_drift_period_next (kind, start) - 1, NULL, NULL, NAN };

        /* Calendar periods, cut only by the range asked for. */
        if (options && options->has_from)
          p.from_ms = MAX (p.from_ms, options->from_ms);
        if (options && options->has_to)
          p.to_ms = MIN (p.to_ms, options->to_ms);
        g_array_append_val (periods, p);
      }
  drift->n_periods = periods->len;
  drift->periods = (LiDriftPeriod *) g_array_free (g_steal_pointer (&periods), FALSE);
  for (guint k = 0; k < drift->n_periods; k++)
    {
      LiDriftPeriod *p = &drift->periods[k];
      g_autofree double *peaks = NULL;

      if (!_li_drift_period (drift, p, rules, store, leads, options, cancellable, error))
        return NULL;
      peaks = _li_peaks (p->replay);
      if (k == 0)
        reference = g_steal_pointer (&peaks);
      else
        p->psi = li_psi (reference, drift->periods[0].replay->leads, peaks, p->replay->leads, LI_PSI_BINS);
    }
  if (drift->n_periods > 0)
    drift->periods[0].psi = drift->periods[0].replay->leads > 0 ? 0 : NAN;
  return g_steal_pointer (&drift);
}

void
li_drift_free (LiDrift *drift)
{
  if (drift == NULL)
    return;
  for (guint k = 0; k < drift->n_periods; k++)
    {
      g_clear_pointer (&drift->periods[k].replay, li_replay_result_unref);
      g_free (drift->periods[k].firing_rate);
    }
  g_free (drift->periods);
  g_strfreev (drift->rule_names);
  g_free (drift);
}

static void
_li_add_number (JsonBuilder *b,
                double       v)
{
  if (isnan (v))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, v);
}

JsonNode *
li_drift_to_json (const LiDrift *drift)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "period");
  json_builder_add_string_value (b, li_drift_period_kind_to_string (drift->kind));
  json_builder_set_member_name (b, "rules");
  json_builder_begin_array (b);
  for (guint r = 0; r < drift->n_rules; r++)
    json_builder_add_string_value (b, drift->rule_names[r]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "periods");
  json_builder_begin_array (b);
  for (guint k = 0; k < drift->n_periods; k++)
    {
      const LiDriftPeriod *p = &drift->periods[k];
      g_autofree char *from = li_time_format (p->from_ms);
      g_autofree char *to = li_time_format (p->to_ms);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "from");
      json_builder_add_string_value (b, from);
      json_builder_set_member_name (b, "to");
      json_builder_add_string_value (b, to);
      json_builder_set_member_name (b, "replay");
      json_builder_add_value (b, li_replay_result_to_json (p->replay));
      json_builder_set_member_name (b, "firing_rates");
      json_builder_begin_array (b);
      for (guint r = 0; r < drift->n_rules; r++)
        _li_add_number (b, p->firing_rate[r]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "psi");
      _li_add_number (b, p->psi);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
li_drift_to_text (const LiDrift *drift)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%-22s %8s %9s %8s %7s", _("period"), _("leads"), _("converters"), "AUC", "PSI");
  for (guint r = 0; r < drift->n_rules; r++)
    g_string_append_printf (s, " %12.12s", drift->rule_names[r]);
  g_string_append_c (s, '\n');
  for (guint k = 0; k < drift->n_periods; k++)
    {
      const LiDriftPeriod *p = &drift->periods[k];
      g_autofree char *from = li_time_format (p->from_ms);
      /* The date, and the hour for hourly periods ("2019-10-01T02:00"). */
      char day[17] = { 0 };

      g_strlcpy (day, from, drift->kind == LI_DRIFT_HOUR ? 17 : 11);
      g_string_append_printf (s, "%-22s %8u %9u", day, p->replay->leads, p->replay->converters);
      if (isnan (p->replay->auc))
        g_string_append_printf (s, " %8s", "–");
      else
        g_string_append_printf (s, " %8.4f", p->replay->auc);
      if (isnan (p->psi))
        g_string_append_printf (s, " %7s", "–");
      else
        g_string_append_printf (s, " %7.4f", p->psi);
      for (guint r = 0; r < drift->n_rules; r++)
        if (isnan (p->firing_rate[r]))
          g_string_append_printf (s, " %12s", "–");
        else
          g_string_append_printf (s, " %11.1f%%", 100 * p->firing_rate[r]);
      g_string_append_c (s, '\n');
    }
  g_string_append (s, _("\nFiring rates: share of the period's leads each rule scored on. "
                        "PSI: peak scores against the first period (over 0.25: a large shift).\n"));
  return g_string_free (s, FALSE);
}
