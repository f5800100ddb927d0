/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-replay-report.c: a replay as the CLI prints it: SPEC 7's JSON object,
 * the readable table, and the per-lead CSV. */

#include "config.h"

#include "li-replay.h"
#include "li-csv-writer.h"
#include "li-json-writer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void
_li_add_ratio (JsonBuilder *b,
               const char  *key,
               double       value)
{
  json_builder_set_member_name (b, key);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

static void
_li_add_int (JsonBuilder *b,
             const char  *key,
             gint64       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

JsonNode *
li_replay_result_to_json (const LiReplayResult *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  _li_add_int (b, "leads", r->leads);
  _li_add_int (b, "skipped_leads", r->skipped_leads);
  _li_add_int (b, "converters", r->converters);
  _li_add_ratio (b, "base_rate", r->base_rate);
  _li_add_ratio (b, "auc", r->auc);
  json_builder_set_member_name (b, "stages");
  json_builder_begin_array (b);
  for (guint s = 0; s < r->n_stages; s++)
    {
      const LiStageMetrics *m = &r->stages[s];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, m->name);
      _li_add_int (b, "flagged", m->flagged);
      _li_add_int (b, "true_positives", m->true_positives);
      _li_add_int (b, "false_positives", m->false_positives);
      _li_add_int (b, "false_negatives", m->false_negatives);
      _li_add_ratio (b, "precision", m->precision);
      _li_add_ratio (b, "recall", m->recall);
      _li_add_ratio (b, "lift", m->lift);
      _li_add_int (b, "peak_count", m->peak_count);
      _li_add_ratio (b, "median_hours_to_outcome", m->median_hours_to_outcome);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "histogram");
  if (r->bins == NULL)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      _li_add_ratio (b, "bin_width", r->bin_width);
      json_builder_set_member_name (b, "bins");
      json_builder_begin_array (b);
      for (guint i = 0; i < r->n_bins; i++)
        {
          json_builder_begin_object (b);
          _li_add_ratio (b, "from", r->bins[i].from);
          _li_add_ratio (b, "to", r->bins[i].to);
          _li_add_int (b, "converted", r->bins[i].converted);
          _li_add_int (b, "not_converted", r->bins[i].not_converted);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static char *
_li_fmt_ratio (double      value,
               int         decimals,
               const char *suffix)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.*f%s", decimals, value, suffix);
}

char *
li_replay_result_to_text (const LiReplayResult *r)
{
  GString *out = g_string_new (NULL);
  g_autofree char *base = _li_fmt_ratio (r->base_rate * 100, 2, " %");
  g_autofree char *auc = _li_fmt_ratio (r->auc, 4, "");
  guint name_w = 5;

  g_string_append_printf (out, "Leads          %u\n", r->leads);
  g_string_append_printf (out, "Skipped leads  %u (no events before their first outcome)\n",
                          r->skipped_leads);
  g_string_append_printf (out, "Converters     %u\n", r->converters);
  g_string_append_printf (out, "Base rate      %s\n", base);
  g_string_append_printf (out, "AUC            %s\n\n", auc);

  for (guint s = 0; s < r->n_stages; s++)
    name_w = MAX (name_w, g_utf8_strlen (r->stages[s].name, -1));
  g_string_append_printf (out, "%-*s %8s %8s %8s %8s %9s %7s %6s %6s %13s\n", name_w, "Stage",
                          "Flagged", "TP", "FP", "FN", "Precision", "Recall", "Lift", "Peak",
                          "Median hours");
  for (guint s = 0; s < r->n_stages; s++)
    {
      const LiStageMetrics *m = &r->stages[s];
      g_autofree char *p = _li_fmt_ratio (m->precision * 100, 1, "%");
      g_autofree char *rc = _li_fmt_ratio (m->recall * 100, 1, "%");
      g_autofree char *lift = _li_fmt_ratio (m->lift, 2, "");
      g_autofree char *med = _li_fmt_ratio (m->median_hours_to_outcome, 2, "");
      int pad = name_w - (int) g_utf8_strlen (m->name, -1);

      g_string_append_printf (out, "%s%*s %8u %8u %8u %8u %9s %7s %6s %6u %13s\n", m->name, pad, "",
                              m->flagged, m->true_positives, m->false_positives,
                              m->false_negatives, p, rc, lift, m->peak_count, med);
    }

  if (r->bins != NULL)
    {
      guint max = 1;
      g_string_append_printf (out, "\nPeak scores (%u bins of %.3g points; # not converted, * converted)\n",
                              r->n_bins, r->bin_width);
      for (guint i = 0; i < r->n_bins; i++)
        max = MAX (max, r->bins[i].converted + r->bins[i].not_converted);
      for (guint i = 0; i < r->n_bins; i++)
        {
          const LiHistogramBin *bin = &r->bins[i];
          guint bar = (guint) ceil (40.0 * (bin->converted + bin->not_converted) / max);
          guint stars = bin->converted ? MAX (1, (guint) (40.0 * bin->converted / max)) : 0;

          stars = MIN (stars, bar);
          g_string_append_printf (out, "%10.2f – %-10.2f %7u %5u  ", bin->from, bin->to,
                                  bin->not_converted, bin->converted);
          for (guint k = 0; k < bar; k++)
            g_string_append_c (out, k < stars ? '*' : '#');
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static int
_li_compare_lead_ids (gconstpointer a,
                      gconstpointer b,
                      gpointer      store)
{
  const LiLeadOutcome *x = a, *y = b;
  return strcmp (li_str_pool_get (((LiEventStore *) store)->leads, x->lead),
                 li_str_pool_get (((LiEventStore *) store)->leads, y->lead));
}

char *
li_replay_result_leads_csv (const LiReplayResult *r,
                            const LiPlan         *plan)
{
  LiEventStore *store = li_plan_get_store (plan);
  g_autofree LiLeadOutcome *sorted = g_memdup2 (r->per_lead, sizeof *sorted * MAX (r->leads, 1));
  GString *out = g_string_new ("lead_id,peak_score,peak_stage,converted\n");

  g_qsort_with_data (sorted, r->leads, sizeof *sorted, _li_compare_lead_ids, store);
  for (guint i = 0; i < r->leads; i++)
    {
      li_csv_append_field (out, li_str_pool_get (store->leads, sorted[i].lead));
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, ",%s,", g_ascii_formatd (buf, sizeof buf, "%.6f",
                                                           sorted[i].peak_score));
      li_csv_append_field (out, li_plan_stage_name (plan, sorted[i].peak_stage));
      g_string_append (out, sorted[i].converted ? ",true\n" : ",false\n");
    }
  return g_string_free (out, FALSE);
}
