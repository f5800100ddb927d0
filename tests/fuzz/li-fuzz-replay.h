/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Building blocks of the targets that score: rules, events and leads from
 * the parts of one input, and the checks of a replay (SPEC 5) and an as-of
 * score (SPEC 4).
 *
 * Oracles:
 * - "score-finite": every score, intent, fit and peak is a finite number
 *   (rules hold finite values only; sums of them must not reach inf/NaN).
 * - "replay-metrics": the metrics of SPEC 5 agree with each other: counts
 *   add up, the catch-all stage flags every lead, hotter stages flag fewer
 *   leads, null ratios exactly when their denominator is 0, ratios and the
 *   AUC in [0, 1], the histogram holds every lead.
 * - "replay-json": the JSON of a result is valid JSON. */
#pragma once

#include "li-fuzz-import.h"

#include "li-plan-private.h"
#include "li-replay.h"
#include "li-rules.h"
#include "li-json-writer.h"
#include "li-leads-file.h"
#include "li-score.h"

static inline LiRules *
li_fuzz_rules (const char *data,
               gsize       len)
{
  return li_fuzz_rules_from_data (data, len, NULL, NULL);
}

/* Events from @data in file slot @slot, detected format, bad rows skipped. */
static inline LiEventStore *
li_fuzz_events (guint       slot,
                const char *data,
                gsize       len)
{
  LiImportOptions options = { LI_FORMAT_AUTO, TRUE };
  LiImportReport report = { 0, };
  GFile *file = li_fuzz_file (slot, data, len);
  LiEventStore *store = li_import_events (&file, 1, &options, &report, NULL, NULL, NULL, NULL);

  li_import_report_clear (&report);
  return store;
}

static inline LiLeadTable *
li_fuzz_leads (guint       slot,
               const char *data,
               gsize       len)
{
  return li_import_leads (li_fuzz_file (slot, data, len), NULL, NULL);
}

/* Options from the input's hash: the bins, and sometimes a time range. */
static inline void
li_fuzz_replay_options (LiReplayOptions    *options,
                        const LiEventStore *store,
                        guint32             h)
{
  gint64 span = store->max_time_ms - store->min_time_ms;

  memset (options, 0, sizeof *options);
  options->threads = 1;
  options->bins = h % 4 == 0 ? 0 : 1 + (h >> 2) % 64;
  if ((h >> 8) % 4 == 1 && store->n_events > 0)
    {
      options->has_from = TRUE;
      options->from_ms = store->min_time_ms + span / 3;
    }
  if ((h >> 10) % 4 == 1 && store->n_events > 0)
    {
      options->has_to = TRUE;
      options->to_ms = store->max_time_ms - span / 3;
    }
}

static inline void
li_fuzz_check_json (JsonNode   *node,
                    const char *what)
{
  g_autofree char *text = li_json_to_string (node, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  LI_FUZZ_CHECK_UTF8 (text);
  LI_FUZZ_CHECK ("replay-json", json_parser_load_from_data (parser, text, -1, &error),
                 "%s: invalid JSON (%s): %.300s", what, error ? error->message : "", text);
  json_node_unref (node);
}

static inline gboolean
li_fuzz_ratio_ok (double value,
                  guint  denominator)
{
  if (denominator == 0)
    return isnan (value);
  return value >= 0 && value <= 1;
}

/* Leads with events in the replay's time range. */
static inline guint
li_fuzz_leads_in_range (const LiEventStore    *store,
                        const LiReplayOptions *options)
{
  guint n = 0;

  for (guint32 l = 0; l < store->n_leads; l++)
    for (guint32 i = store->lead_start[l]; i < store->lead_start[l + 1]; i++)
      if ((!options->has_from || store->time_ms[i] >= options->from_ms) &&
          (!options->has_to || store->time_ms[i] <= options->to_ms))
        {
          n++;
          break;
        }
  return n;
}

static inline void
li_fuzz_check_replay (const LiPlan          *plan,
                      const LiReplayOptions *options,
                      LiReplayResult        *r)
{
  const LiEventStore *store = li_plan_get_store (plan);
  guint n_stages = li_plan_n_stages (plan);
  guint in_range = li_fuzz_leads_in_range (store, options);
  guint in_bins = 0, peaks = 0;

  LI_FUZZ_CHECK ("replay-metrics", r->n_stages == n_stages,
                 "%u stages in the result, %u in the plan", r->n_stages, n_stages);
  LI_FUZZ_CHECK ("replay-metrics", r->leads + r->skipped_leads == in_range,
                 "%u leads + %u skipped, %u leads in range", r->leads, r->skipped_leads,
                 in_range);
  LI_FUZZ_CHECK ("replay-metrics", r->converters <= r->leads, "%u converters of %u leads",
                 r->converters, r->leads);
  LI_FUZZ_CHECK ("replay-metrics", li_fuzz_ratio_ok (r->base_rate, r->leads),
                 "base rate %g of %u leads", r->base_rate, r->leads);
  LI_FUZZ_CHECK ("replay-metrics", r->converters == 0 || r->converters == r->leads
                                   ? isnan (r->auc) : (r->auc >= 0 && r->auc <= 1),
                 "AUC %g with %u of %u leads converted", r->auc, r->converters, r->leads);

  for (guint i = 0; i < r->leads; i++)
    {
      const LiLeadOutcome *o = &r->per_lead[i];

      LI_FUZZ_CHECK ("score-finite", isfinite (o->peak_score),
                     "lead \"%s\": peak score %g", li_str_pool_get (store->leads, o->lead),
                     o->peak_score);
      LI_FUZZ_CHECK ("replay-metrics", o->peak_stage < n_stages && o->lead < store->n_leads &&
                                       (i == 0 || r->per_lead[i - 1].lead < o->lead),
                     "lead %u: stage %u, lead %u", i, o->peak_stage, o->lead);
    }

  for (guint s = 0; s < r->n_stages && s < n_stages; s++)
    {
      const LiStageMetrics *m = &r->stages[s];

      LI_FUZZ_CHECK ("replay-metrics", m->true_positives + m->false_positives == m->flagged &&
                                       m->true_positives <= r->converters &&
                                       m->false_negatives == r->converters - m->true_positives,
                     "stage %u: %u flagged, %u tp, %u fp, %u fn, %u converters", s, m->flagged,
                     m->true_positives, m->false_positives, m->false_negatives, r->converters);
      LI_FUZZ_CHECK ("replay-metrics", li_fuzz_ratio_ok (m->precision, m->flagged) &&
                                       li_fuzz_ratio_ok (m->recall, r->converters),
                     "stage %u: precision %g of %u, recall %g of %u", s, m->precision,
                     m->flagged, m->recall, r->converters);
      LI_FUZZ_CHECK ("replay-metrics", s == 0 || r->stages[s - 1].flagged <= m->flagged,
                     "stage %u flags fewer leads than the hotter stage %u", s, s - 1);
      LI_FUZZ_CHECK ("replay-metrics", m->true_positives == 0
                                       ? isnan (m->median_hours_to_outcome)
                                       : m->median_hours_to_outcome >= 0,
                     "stage %u: median %g hours over %u true positives", s,
                     m->median_hours_to_outcome, m->true_positives);
      peaks += m->peak_count;
    }
  if (n_stages > 0 && r->n_stages == n_stages)
    LI_FUZZ_CHECK ("replay-metrics", r->stages[n_stages - 1].flagged == r->leads,
                   "the catch-all stage flags %u of %u leads", r->stages[n_stages - 1].flagged,
                   r->leads);
  LI_FUZZ_CHECK ("replay-metrics", peaks == r->leads, "peak counts add up to %u of %u leads",
                 peaks, r->leads);

  for (guint b = 0; b < r->n_bins; b++)
    in_bins += r->bins[b].converted + r->bins[b].not_converted;
  LI_FUZZ_CHECK ("replay-metrics", in_bins == r->leads, "the histogram holds %u of %u leads",
                 in_bins, r->leads);

  li_fuzz_check_json (li_replay_result_to_json (r), "replay");
  {
    g_autofree char *text = li_replay_result_to_text (r);
    g_autofree char *csv = li_replay_result_leads_csv (r, plan);

    LI_FUZZ_CHECK_UTF8 (text);
    LI_FUZZ_CHECK_UTF8 (csv);
  }
}

/* The as-of score (SPEC 4) at @as_of_ms. */
static inline void
li_fuzz_check_score (const LiPlan *plan,
                     gint64        as_of_ms)
{
  const LiEventStore *store = li_plan_get_store (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = li_score_as_of (plan, as_of_ms, NULL, &error);
  g_autofree char *csv = NULL;

  LI_FUZZ_CHECK ("replay-metrics", rows != NULL, "li_score_as_of failed: %s",
                 error ? error->message : "");
  if (rows == NULL)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      const LiScoreRow *row = &g_array_index (rows, LiScoreRow, i);

      LI_FUZZ_CHECK ("score-finite", isfinite (row->score) && isfinite (row->intent) &&
                                     isfinite (row->fit),
                     "lead \"%s\" at %" G_GINT64_FORMAT ": score %g, intent %g, fit %g",
                     li_str_pool_get (store->leads, row->lead), as_of_ms, row->score,
                     row->intent, row->fit);
      LI_FUZZ_CHECK ("replay-metrics", row->stage < li_plan_n_stages (plan) &&
                                       row->lead < store->n_leads,
                     "row %u: stage %u, lead %u", i, row->stage, row->lead);
    }
  csv = li_score_rows_csv (plan, rows);
  LI_FUZZ_CHECK_UTF8 (csv);
}
