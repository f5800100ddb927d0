/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "li-confidence.h"
#include "li-wilson.h"

/* g_strv_builder_take needs GLib 2.80. */
static void
_li_strv_take (GStrvBuilder *b,
               char         *s)
{
  g_strv_builder_add (b, s);
  g_free (s);
}

LiStageConfidence *
li_confidence_compute (const LiReplayResult *result,
                       const LiRules        *rules)
{
  LiStageConfidence *c = g_new0 (LiStageConfidence, MAX (result->n_stages, 1));

  for (guint s = 0; s < result->n_stages; s++)
    {
      const LiStageMetrics *m = &result->stages[s];
      const LiStage *st = rules && s < rules->n_stages ? &rules->stages[s] : NULL;

      li_wilson_interval (m->true_positives, m->flagged, LI_WILSON_Z95,
                          &c[s].precision_low, &c[s].precision_high);
      li_wilson_interval (m->true_positives, result->converters, LI_WILSON_Z95,
                          &c[s].recall_low, &c[s].recall_high);
      c[s].few_converters = m->true_positives < LI_CONFIDENCE_MIN_CONVERTERS;
      c[s].too_late = st != NULL && st->has_follow_up && !isnan (m->median_hours_to_outcome) &&
                      m->median_hours_to_outcome * 60 < st->follow_up_minutes;
    }
  return c;
}

GStrv
li_confidence_warnings (const LiReplayResult    *result,
                        const LiRules           *rules,
                        guint                    stage,
                        const LiStageConfidence *c)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  const LiStageMetrics *m = &result->stages[stage];

  if (c->few_converters)
    _li_strv_take (b, g_strdup_printf (_("%s: only %u converters flagged in time, too few to judge "
                                               "(at least %d are needed)"),
                                             m->name, m->true_positives, LI_CONFIDENCE_MIN_CONVERTERS));
  if (c->too_late)
    _li_strv_take (b, g_strdup_printf (_("%s: half of its converters buy within %.0f minutes of the "
                                               "flag, sooner than its follow-up of %.0f minutes"),
                                             m->name, m->median_hours_to_outcome * 60,
                                             rules->stages[stage].follow_up_minutes));
  return g_strv_builder_end (b);
}

static void
_li_add_interval (JsonBuilder *b,
                  const char  *name,
                  double       low,
                  double       high)
{
  json_builder_set_member_name (b, name);
  if (isnan (low))
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_array (b);
  json_builder_add_double_value (b, low);
  json_builder_add_double_value (b, high);
  json_builder_end_array (b);
}

JsonNode *
li_confidence_to_json (const LiReplayResult *result,
                       const LiRules        *rules)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree LiStageConfidence *c = li_confidence_compute (result, rules);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "stages");
  json_builder_begin_array (b);
  for (guint s = 0; s < result->n_stages; s++)
    {
      g_auto(GStrv) warnings = li_confidence_warnings (result, rules, s, &c[s]);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, result->stages[s].name);
      _li_add_interval (b, "precision_interval", c[s].precision_low, c[s].precision_high);
      _li_add_interval (b, "recall_interval", c[s].recall_low, c[s].recall_high);
      json_builder_set_member_name (b, "warnings");
      json_builder_begin_array (b);
      for (guint w = 0; warnings[w]; w++)
        json_builder_add_string_value (b, warnings[w]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
li_confidence_to_text (const LiReplayResult *result,
                       const LiRules        *rules)
{
  GString *s = g_string_new (NULL);
  g_autofree LiStageConfidence *c = li_confidence_compute (result, rules);

  /* The catch-all flags everyone: no interval or warning says anything. */
  for (guint st = 0; st + 1 < result->n_stages; st++)
    {
      g_auto(GStrv) warnings = li_confidence_warnings (result, rules, st, &c[st]);

      if (!isnan (c[st].precision_low))
        g_string_append_printf (s, _("%s: precision %.3f (95 %% interval %.3f–%.3f)"),
                                result->stages[st].name, result->stages[st].precision,
                                c[st].precision_low, c[st].precision_high);
      if (!isnan (c[st].recall_low))
        g_string_append_printf (s, _(", recall %.3f (%.3f–%.3f)"), result->stages[st].recall,
                                c[st].recall_low, c[st].recall_high);
      if (!isnan (c[st].precision_low) || !isnan (c[st].recall_low))
        g_string_append_c (s, '\n');
      for (guint w = 0; warnings[w]; w++)
        g_string_append_printf (s, _("warning: %s\n"), warnings[w]);
    }
  return g_string_free (s, FALSE);
}
