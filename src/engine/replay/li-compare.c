/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "li-compare.h"
#include "li-scorer.h"
#include "li-plan.h"

static GStrv
_li_stage_names (const LiPlan *plan)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint s = 0; s < li_plan_n_stages (plan); s++)
    g_strv_builder_add (b, li_plan_stage_name (plan, s));
  return g_strv_builder_end (b);
}

/* Walks the leads replayed under both A and B (per_lead is in store order). */
#define _LI_FOR_EACH_SHARED_LEAD(c, oa, ob, ...)                              \
  G_STMT_START {                                                              \
    guint ia_ = 0, ib_ = 0;                                                   \
    while (ia_ < (c)->a->leads && ib_ < (c)->b->leads)                        \
      {                                                                       \
        const LiLeadOutcome *oa = &(c)->a->per_lead[ia_];                     \
        const LiLeadOutcome *ob = &(c)->b->per_lead[ib_];                     \
        if (oa->lead < ob->lead) { ia_++; continue; }                         \
        if (ob->lead < oa->lead) { ib_++; continue; }                         \
        __VA_ARGS__;                                                          \
        ia_++, ib_++;                                                         \
      }                                                                       \
  } G_STMT_END

LiComparison *
li_comparison_new (const LiPlan   *a,
                   LiReplayResult *result_a,
                   const LiPlan   *b,
                   LiReplayResult *result_b)
{
  LiComparison *c = g_new0 (LiComparison, 1);
  guint n_cols;

  c->a = li_replay_result_ref (result_a);
  c->b = li_replay_result_ref (result_b);
  c->rows = _li_stage_names (a);
  c->columns = _li_stage_names (b);
  n_cols = g_strv_length (c->columns);
  c->counts = g_new0 (guint, MAX ((gsize) g_strv_length (c->rows) * n_cols, 1));
  _LI_FOR_EACH_SHARED_LEAD (c, oa, ob, c->counts[(gsize) oa->peak_stage * n_cols + ob->peak_stage]++);
  c->changes = li_rules_diff (li_plan_get_rules (a), li_plan_get_rules (b));
  return c;
}

LiComparison *
li_compare_run (const LiPlan          *a,
                const LiPlan          *b,
                const LiReplayOptions *options,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(LiReplayResult) ra = NULL;
  g_autoptr(LiReplayResult) rb = NULL;

  ra = li_replay_run (a, options, NULL, NULL, cancellable, error);
  if (ra == NULL)
    return NULL;
  rb = li_replay_run (b, options, NULL, NULL, cancellable, error);
  if (rb == NULL)
    return NULL;
  return li_comparison_new (a, ra, b, rb);
}

void
li_comparison_free (LiComparison *c)
{
  if (c == NULL)
    return;
  li_replay_result_unref (c->a);
  li_replay_result_unref (c->b);
  g_strfreev (c->rows);
  g_strfreev (c->columns);
  g_free (c->counts);
  g_clear_pointer (&c->changes, g_ptr_array_unref);
  g_free (c);
}

guint
li_comparison_count (const LiComparison *c,
                     guint               row,
                     guint               column)
{
  return c->counts[(gsize) row * g_strv_length (c->columns) + column];
}

GArray *
li_comparison_leads (const LiComparison *c,
                     guint               row,
                     guint               column)
{
  GArray *leads = g_array_new (FALSE, FALSE, sizeof (LiMigratedLead));

  _LI_FOR_EACH_SHARED_LEAD (c, oa, ob, {
    if (oa->peak_stage == row && ob->peak_stage == column)
      {
        LiMigratedLead m = { oa->lead, oa->peak_score, ob->peak_score };
        g_array_append_val (leads, m);
      }
  });
  return leads;
}

static void
_li_add_delta (JsonBuilder *b,
               const char  *key,
               double       a,
               double       bv)
{
  json_builder_set_member_name (b, key);
  if (isnan (a) || isnan (bv))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, bv - a);
}

static void
_li_add_int_delta (JsonBuilder *b,
                   const char  *key,
                   guint        a,
                   guint        bv)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, (gint64) bv - (gint64) a);
}

/* B − A for every metric; stages matched by position. */
static JsonNode *
_li_delta_to_json (const LiReplayResult *a,
                   const LiReplayResult *b)
{
  g_autoptr(JsonBuilder) jb = json_builder_new ();

  json_builder_begin_object (jb);
  _li_add_int_delta (jb, "leads", a->leads, b->leads);
  _li_add_int_delta (jb, "skipped_leads", a->skipped_leads, b->skipped_leads);
  _li_add_int_delta (jb, "converters", a->converters, b->converters);
  _li_add_delta (jb, "base_rate", a->base_rate, b->base_rate);
  _li_add_delta (jb, "auc", a->auc, b->auc);
  json_builder_set_member_name (jb, "stages");
  json_builder_begin_array (jb);
  for (guint s = 0; s < MIN (a->n_stages, b->n_stages); s++)
    {
      const LiStageMetrics *x = &a->stages[s], *y = &b->stages[s];
      json_builder_begin_object (jb);
      json_builder_set_member_name (jb, "a");
      json_builder_add_string_value (jb, x->name);
      json_builder_set_member_name (jb, "b");
      json_builder_add_string_value (jb, y->name);
      _li_add_int_delta (jb, "flagged", x->flagged, y->flagged);
      _li_add_int_delta (jb, "true_positives", x->true_positives, y->true_positives);
      _li_add_int_delta (jb, "false_positives", x->false_positives, y->false_positives);
      _li_add_int_delta (jb, "false_negatives", x->false_negatives, y->false_negatives);
      _li_add_delta (jb, "precision", x->precision, y->precision);
      _li_add_delta (jb, "recall", x->recall, y->recall);
      _li_add_delta (jb, "lift", x->lift, y->lift);
      _li_add_int_delta (jb, "peak_count", x->peak_count, y->peak_count);
      _li_add_delta (jb, "median_hours_to_outcome", x->median_hours_to_outcome,
                     y->median_hours_to_outcome);
      json_builder_end_object (jb);
    }
  json_builder_end_array (jb);
  json_builder_end_object (jb);
  return json_builder_get_root (jb);
}

static void
_li_add_names (JsonBuilder        *b,
               const char         *key,
               const char * const *names)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; names[i]; i++)
    json_builder_add_string_value (b, names[i]);
  json_builder_end_array (b);
}

JsonNode *
li_comparison_to_json (const LiComparison *c)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n_rows = g_strv_length (c->rows), n_cols = g_strv_length (c->columns);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "a");
  json_builder_add_value (b, li_replay_result_to_json (c->a));
  json_builder_set_member_name (b, "b");
  json_builder_add_value (b, li_replay_result_to_json (c->b));
  json_builder_set_member_name (b, "delta");
  json_builder_add_value (b, _li_delta_to_json (c->a, c->b));
  json_builder_set_member_name (b, "migration");
  json_builder_begin_object (b);
  _li_add_names (b, "rows", (const char * const *) c->rows);
  _li_add_names (b, "columns", (const char * const *) c->columns);
  json_builder_set_member_name (b, "counts");
  json_builder_begin_array (b);
  for (guint r = 0; r < n_rows; r++)
    {
      json_builder_begin_array (b);
      for (guint col = 0; col < n_cols; col++)
        json_builder_add_int_value (b, c->counts[(gsize) r * n_cols + col]);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "rule_changes");
  json_builder_add_value (b, li_rule_changes_to_json (c->changes));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
_li_text_metric (GString    *out,
                 const char *label,
                 double      a,
                 double      b,
                 int         decimals)
{
  if (isnan (a) || isnan (b))
    g_string_append_printf (out, "%-22s %12s %12s %12s\n", label,
                            isnan (a) ? "—" : "", isnan (b) ? "—" : "", "—");
  else
    g_string_append_printf (out, "%-22s %12.*f %12.*f %+12.*f\n", label, decimals, a,
                            decimals, b, decimals, b - a);
}

char *
li_comparison_to_text (const LiComparison *c)
{
  GString *out = g_string_new (NULL);
  guint n_rows = g_strv_length (c->rows), n_cols = g_strv_length (c->columns);

  g_string_append_printf (out, "%-22s %12s %12s %12s\n", "", "A", "B", "B − A");
  _li_text_metric (out, "Leads", c->a->leads, c->b->leads, 0);
  _li_text_metric (out, "Converters", c->a->converters, c->b->converters, 0);
  _li_text_metric (out, "Base rate", c->a->base_rate, c->b->base_rate, 4);
  _li_text_metric (out, "AUC", c->a->auc, c->b->auc, 4);
  for (guint s = 0; s < MIN (c->a->n_stages, c->b->n_stages); s++)
    {
      const LiStageMetrics *x = &c->a->stages[s], *y = &c->b->stages[s];
      g_autofree char *title = g_str_equal (x->name, y->name)
                                 ? g_strdup (x->name) : g_strdup_printf ("%s → %s", x->name, y->name);

      g_string_append_printf (out, "\nStage %s\n", title);
      _li_text_metric (out, "  Flagged", x->flagged, y->flagged, 0);
      _li_text_metric (out, "  True positives", x->true_positives, y->true_positives, 0);
      _li_text_metric (out, "  False positives", x->false_positives, y->false_positives, 0);
      _li_text_metric (out, "  False negatives", x->false_negatives, y->false_negatives, 0);
      _li_text_metric (out, "  Precision", x->precision, y->precision, 4);
      _li_text_metric (out, "  Recall", x->recall, y->recall, 4);
      _li_text_metric (out, "  Lift", x->lift, y->lift, 3);
      _li_text_metric (out, "  Peak count", x->peak_count, y->peak_count, 0);
    }

  g_string_append (out, "\nMigration of peak stages (rows A, columns B)\n");
  g_string_append_printf (out, "%-12s", "");
  for (guint col = 0; col < n_cols; col++)
    g_string_append_printf (out, " %10s", c->columns[col]);
  g_string_append_c (out, '\n');
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append_printf (out, "%-12s", c->rows[r]);
      for (guint col = 0; col < n_cols; col++)
        g_string_append_printf (out, " %10u", c->counts[(gsize) r * n_cols + col]);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\nRule changes (%u)\n", c->changes->len);
  for (guint i = 0; i < c->changes->len; i++)
    {
      g_autofree char *line = li_rule_change_to_string (c->changes->pdata[i]);
      g_string_append_printf (out, "  %s\n", line);
    }
  return g_string_free (out, FALSE);
}
