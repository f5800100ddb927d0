/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plain logic of the compare view, no display needed: delta formatting and
 * colouring, rule-change lines, the order of migrated leads, LiVersion, the
 * shared bins of the overlaid histograms and the migration cells. */

#include "config.h"

#include <locale.h>
#include <math.h>

#include <glib/gstdio.h>

#include "li-compare-view.h"
#include "li-migration-grid.h"
#include "li-overlay-histogram.h"
#include "li-version.h"
#include "li-rules-parse.h"

#define MINUS "\342\210\222"
#define PLUS_MINUS "\302\261"

static const char rules_a_json[] =
  "{\n"
  "  \"format\": \"lead-intent-rules\",\n"
  "  \"format_version\": 1,\n"
  "  \"name\": \"Spring\",\n"
  "  \"intent\": [\n"
  "    { \"event\": \"product_view\", \"points\": 5, \"max_points\": 40 },\n"
  "    { \"event\": \"add_to_cart\", \"points\": 20 }\n"
  "  ],\n"
  "  \"patterns\": [\n"
  "    { \"name\": \"Returns to a product\", \"kind\": \"repeat_product\", \"min_count\": 3, \"within_hours\": 72, \"points\": 10 }\n"
  "  ],\n"
  "  \"stages\": [\n"
  "    { \"name\": \"hot\", \"min_score\": 60 },\n"
  "    { \"name\": \"warm\", \"min_score\": 30 },\n"
  "    { \"name\": \"cold\" }\n"
  "  ]\n"
  "}\n";

static const char rules_b_json[] =
  "{\n"
  "  \"format\": \"lead-intent-rules\",\n"
  "  \"format_version\": 1,\n"
  "  \"name\": \"Spring\",\n"
  "  \"intent\": [\n"
  "    { \"event\": \"product_view\", \"points\": 8, \"max_points\": 40 },\n"
  "    { \"event\": \"add_to_cart\", \"points\": 20 },\n"
  "    { \"event\": \"checkout_start\", \"points\": 30 }\n"
  "  ],\n"
  "  \"stages\": [\n"
  "    { \"name\": \"hot\", \"min_score\": 50 },\n"
  "    { \"name\": \"warm\", \"min_score\": 30 },\n"
  "    { \"name\": \"cold\" }\n"
  "  ]\n"
  "}\n";

static LiRules *
parse_rules (const char *json)
{
  g_autoptr(GError) error = NULL;
  LiRules *rules = li_rules_from_data (json, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

/* A result of the shape li_replay_run makes (freed by li_replay_result_unref). */
static LiReplayResult *
make_result (const double *peaks,
             guint         n_leads,
             double        auc,
             double        top_precision)
{
  LiReplayResult *r = g_new0 (LiReplayResult, 1);

  r->ref_count = 1;
  r->leads = n_leads;
  r->auc = auc;
  r->base_rate = NAN;
  r->min_peak = n_leads > 0 ? G_MAXDOUBLE : 0;
  r->max_peak = n_leads > 0 ? -G_MAXDOUBLE : 0;
  r->per_lead = n_leads > 0 ? g_new0 (LiLeadOutcome, n_leads) : NULL;
  for (guint i = 0; i < n_leads; i++)
    {
      r->per_lead[i].lead = i;
      r->per_lead[i].peak_score = peaks[i];
      r->min_peak = MIN (r->min_peak, peaks[i]);
      r->max_peak = MAX (r->max_peak, peaks[i]);
    }
  r->n_stages = 2;
  r->stages = g_new0 (LiStageMetrics, 2);
  r->stages[0].name = g_strdup ("hot");
  r->stages[0].precision = top_precision;
  r->stages[1].name = g_strdup ("cold");
  r->stages[1].precision = NAN;

  return r;
}

/* ------------------------------------------------------------------------ */

static void
test_polarity (void)
{
  g_assert_cmpint (li_compare_metric_polarity (LI_COMPARE_METRIC_AUC), ==, 1);
  g_assert_cmpint (li_compare_metric_polarity (LI_COMPARE_METRIC_PRECISION), ==, 1);
  g_assert_cmpint (li_compare_metric_polarity (LI_COMPARE_METRIC_RECALL), ==, 1);
  g_assert_cmpint (li_compare_metric_polarity (LI_COMPARE_METRIC_LIFT), ==, 1);
  g_assert_cmpint (li_compare_metric_polarity (LI_COMPARE_METRIC_TRUE_POSITIVES), ==, 1);
  g_assert_cmpint (li_compare_metric_polarity (LI_COMPARE_METRIC_FALSE_POSITIVES), ==, -1);
  g_assert_cmpint (li_compare_metric_polarity (LI_COMPARE_METRIC_FALSE_NEGATIVES), ==, -1);
  g_assert_cmpint (li_compare_metric_polarity (LI_COMPARE_METRIC_FLAGGED), ==, 0);
  g_assert_cmpint (li_compare_metric_polarity (LI_COMPARE_METRIC_LEADS), ==, 0);
  g_assert_cmpint (li_compare_metric_polarity (LI_COMPARE_METRIC_CONVERTERS), ==, 0);
  g_assert_cmpint (li_compare_metric_polarity (LI_COMPARE_METRIC_BASE_RATE), ==, 0);
}

static void
test_format_value (void)
{
  const struct { LiCompareMetric metric; double value; const char *text; } cases[] = {
    { LI_COMPARE_METRIC_LEADS, 12345, "12,345" },
    { LI_COMPARE_METRIC_FLAGGED, 0, "0" },
    { LI_COMPARE_METRIC_BASE_RATE, 0.0432, "4.3%" },
    { LI_COMPARE_METRIC_PRECISION, 0.25, "25.0%" },
    { LI_COMPARE_METRIC_AUC, 0.73449, "0.734" },
    { LI_COMPARE_METRIC_LIFT, 2.345, "2.35×" },
    { LI_COMPARE_METRIC_AUC, NAN, "—" },
    { LI_COMPARE_METRIC_PRECISION, NAN, "—" },
    { LI_COMPARE_METRIC_LIFT, INFINITY, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = li_compare_format_value (cases[i].metric, cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_delta (void)
{
  const struct { LiCompareMetric metric; double a, b; const char *text; } cases[] = {
    { LI_COMPARE_METRIC_LEADS, 100, 112, "+12" },
    { LI_COMPARE_METRIC_FALSE_POSITIVES, 1500, 3, MINUS "1,497" },
    { LI_COMPARE_METRIC_FLAGGED, 7, 7, PLUS_MINUS "0" },
    { LI_COMPARE_METRIC_CONVERTERS, 0, 1234567, "+1,234,567" },
    { LI_COMPARE_METRIC_PRECISION, 0.10, 0.112, "+1.2 pp" },
    { LI_COMPARE_METRIC_RECALL, 0.5, 0.495, MINUS "0.5 pp" },
    { LI_COMPARE_METRIC_BASE_RATE, 0.0431, 0.0432, PLUS_MINUS "0.0 pp" },
    { LI_COMPARE_METRIC_AUC, 0.722, 0.734, "+0.012" },
    { LI_COMPARE_METRIC_AUC, 0.734, 0.7341, PLUS_MINUS "0.000" },
    { LI_COMPARE_METRIC_LIFT, 1.5, 1.85, "+0.35×" },
    { LI_COMPARE_METRIC_LIFT, 6.65, 1.89, MINUS "4.76×" },
    { LI_COMPARE_METRIC_AUC, NAN, 0.7, "—" },
    { LI_COMPARE_METRIC_PRECISION, 0.2, NAN, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = li_compare_format_delta (cases[i].metric, cases[i].a, cases[i].b);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_delta_kind (void)
{
  const struct { LiCompareMetric metric; double a, b; LiDeltaKind kind; } cases[] = {
    { LI_COMPARE_METRIC_AUC, 0.70, 0.72, LI_DELTA_BETTER },
    { LI_COMPARE_METRIC_AUC, 0.72, 0.70, LI_DELTA_WORSE },
    { LI_COMPARE_METRIC_AUC, 0.7201, 0.7202, LI_DELTA_SAME },   /* "±0.000" */
    { LI_COMPARE_METRIC_PRECISION, 0.30, 0.25, LI_DELTA_WORSE },
    { LI_COMPARE_METRIC_RECALL, 0.30, 0.35, LI_DELTA_BETTER },
    { LI_COMPARE_METRIC_LIFT, 2.0, 2.5, LI_DELTA_BETTER },
    { LI_COMPARE_METRIC_TRUE_POSITIVES, 40, 45, LI_DELTA_BETTER },
    { LI_COMPARE_METRIC_FALSE_POSITIVES, 100, 120, LI_DELTA_WORSE },
    { LI_COMPARE_METRIC_FALSE_POSITIVES, 120, 100, LI_DELTA_BETTER },
    { LI_COMPARE_METRIC_FALSE_NEGATIVES, 10, 8, LI_DELTA_BETTER },
    { LI_COMPARE_METRIC_FALSE_NEGATIVES, 8, 10, LI_DELTA_WORSE },
    { LI_COMPARE_METRIC_FLAGGED, 100, 300, LI_DELTA_NEUTRAL },
    { LI_COMPARE_METRIC_LEADS, 100, 101, LI_DELTA_NEUTRAL },
    { LI_COMPARE_METRIC_BASE_RATE, 0.04, 0.05, LI_DELTA_NEUTRAL },
    { LI_COMPARE_METRIC_FLAGGED, 100, 100, LI_DELTA_SAME },
    { LI_COMPARE_METRIC_PRECISION, NAN, 0.3, LI_DELTA_NONE },
    { LI_COMPARE_METRIC_AUC, 0.5, NAN, LI_DELTA_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (li_compare_delta_kind (cases[i].metric, cases[i].a, cases[i].b), ==, cases[i].kind);

  g_assert_cmpstr (li_compare_delta_css_class (LI_DELTA_BETTER), ==, "success");
  g_assert_cmpstr (li_compare_delta_css_class (LI_DELTA_WORSE), ==, "error");
  g_assert_cmpstr (li_compare_delta_css_class (LI_DELTA_SAME), ==, "dim-label");
  g_assert_cmpstr (li_compare_delta_css_class (LI_DELTA_NONE), ==, "dim-label");
  g_assert_null (li_compare_delta_css_class (LI_DELTA_NEUTRAL));

  /* the colour never disagrees with the text: a delta shown as zero is SAME */
  for (int k = -50; k <= 50; k++)
    {
      double a = 0.5, b = 0.5 + k * 0.00001;
      g_autofree char *text = li_compare_format_delta (LI_COMPARE_METRIC_PRECISION, a, b);
      gboolean shows_zero = g_str_has_prefix (text, PLUS_MINUS);

      g_assert_cmpint (shows_zero, ==, li_compare_delta_kind (LI_COMPARE_METRIC_PRECISION, a, b) == LI_DELTA_SAME);
    }
}

static void
test_rule_changes (void)
{
  g_autoptr(LiRules) a = parse_rules (rules_a_json);
  g_autoptr(LiRules) b = parse_rules (rules_b_json);
  g_autoptr(GPtrArray) changes = li_rules_diff (a, b);
  gboolean seen_added = FALSE, seen_removed = FALSE, seen_points = FALSE;

  g_assert_cmpuint (changes->len, >, 0);
  for (guint i = 0; i < changes->len; i++)
    {
      const LiRuleChange *change = g_ptr_array_index (changes, i);
      g_autofree char *full = li_rule_change_to_string (change);
      g_autofree char *text = li_compare_format_change (change);

      /* the shown line is the engine's line without "<action> <section> " */
      g_assert_true (g_str_has_suffix (full, text));
      g_assert_false (g_str_has_prefix (text, "added"));
      g_assert_false (g_str_has_prefix (text, "removed"));
      g_assert_false (g_str_has_prefix (text, "changed"));
      g_assert_cmpstr (li_compare_section_title (change->section), !=, "");

      if (change->action == LI_CHANGE_ADDED && g_strcmp0 (change->section, "intent") == 0)
        {
          seen_added = TRUE;
          g_assert_true (g_str_has_prefix (text, "checkout_start"));
        }
      if (change->action == LI_CHANGE_REMOVED && g_strcmp0 (change->section, "patterns") == 0)
        {
          seen_removed = TRUE;
          g_assert_true (g_str_has_prefix (text, "Returns to a product"));
        }
      if (change->action == LI_CHANGE_CHANGED && g_strcmp0 (change->field, "points") == 0)
        {
          seen_points = TRUE;
          g_assert_cmpstr (text, ==, "product_view points: 5 → 8");
        }
    }
  g_assert_true (seen_added);
  g_assert_true (seen_removed);
  g_assert_true (seen_points);

  g_assert_cmpstr (li_compare_change_marker (LI_CHANGE_ADDED), ==, "+");
  g_assert_cmpstr (li_compare_change_marker (LI_CHANGE_REMOVED), ==, MINUS);
  g_assert_cmpstr (li_compare_change_marker (LI_CHANGE_CHANGED), ==, "~");
  g_assert_cmpstr (li_compare_section_title ("intent"), ==, "Intent Rules");
  g_assert_cmpstr (li_compare_section_title ("stages"), ==, "Stages");
  g_assert_cmpstr (li_compare_section_title ("something_new"), ==, "something_new");
}

static void
test_sort_migrated (void)
{
  g_autoptr(GArray) leads = g_array_new (FALSE, FALSE, sizeof (LiMigratedLead));
  const LiMigratedLead in[] = {
    { 5, 10, 12 },   /* 2 */
    { 3, 40, 10 },   /* 30 */
    { 9, 0, 30 },    /* 30 */
    { 1, 7, 7 },     /* 0 */
    { 2, 20, 15 },   /* 5 */
  };
  const guint32 order[] = { 3, 9, 2, 5, 1 };

  g_array_append_vals (leads, in, G_N_ELEMENTS (in));
  li_compare_sort_migrated (leads);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpuint (g_array_index (leads, LiMigratedLead, i).lead, ==, order[i]);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_version (void)
{
  g_autoptr(LiRules) rules = parse_rules (rules_a_json);
  g_autoptr(LiVersion) version = NULL;
  g_autoptr(LiReplayResult) result = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *summary = NULL;
  const double peaks[] = { 1, 2, 3 };
  guint notifies = 0;
  double auc = 0;

  version = li_version_new ("Snapshot 1", rules, NULL);
  g_assert_cmpstr (li_version_get_name (version), ==, "Snapshot 1");
  g_assert_true (li_rules_equal (li_version_get_rules (version), rules));
  g_assert_true (li_version_get_rules (version) != rules);  /* a copy */
  g_assert_nonnull (li_version_get_created (version));
  g_assert_null (li_version_get_source_path (version));
  g_assert_true (isnan (li_version_get_auc (version)));
  g_assert_true (isnan (li_version_get_top_precision (version)));
  g_assert_false (li_version_has_result (version));
  g_assert_cmpstr (li_version_get_top_stage (version), ==, "hot");

  now = g_date_time_ref (li_version_get_created (version));
  summary = li_version_dup_summary (version, now);
  g_assert_true (g_str_has_suffix (summary, "not replayed yet"));
  g_clear_pointer (&summary, g_free);

  g_signal_connect (version, "notify", G_CALLBACK (notify_count_cb), &notifies);
  result = make_result (peaks, 3, 0.734, 0.123);
  li_version_set_result (version, result);
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_true (li_version_has_result (version));
  g_assert_cmpfloat (li_version_get_auc (version), ==, 0.734);
  g_assert_cmpfloat (li_version_get_top_precision (version), ==, 0.123);
  g_object_get (version, "auc", &auc, NULL);
  g_assert_cmpfloat (auc, ==, 0.734);

  /* same numbers: no notification */
  li_version_set_result (version, result);
  g_assert_cmpuint (notifies, ==, 2);

  summary = li_version_dup_summary (version, now);
  g_assert_true (g_str_has_suffix (summary, " · AUC 0.734 · hot precision 12.3%"));
  g_clear_pointer (&summary, g_free);

  li_version_set_name (version, "Before the launch");
  g_assert_cmpuint (notifies, ==, 3);
  li_version_set_name (version, "Before the launch");
  g_assert_cmpuint (notifies, ==, 3);

  li_version_set_result (version, NULL);
  g_assert_true (isnan (li_version_get_auc (version)));
  g_assert_false (li_version_has_result (version));
}

static void
test_version_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("li-compare-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(LiVersion) version = NULL;
  g_autoptr(LiVersion) missing = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "spring.leadrules.json", NULL);
  bad = g_build_filename (dir, "bad.leadrules.json", NULL);
  g_assert_true (g_file_set_contents (path, rules_b_json, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{ \"format\": 1", -1, NULL));

  version = li_version_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (li_version_get_name (version), ==, "Spring");
  g_assert_cmpstr (li_version_get_source_path (version), ==, path);
  g_assert_cmpuint (li_version_get_rules (version)->n_intent, ==, 3);
  summary = li_version_dup_summary (version, NULL);
  g_assert_true (g_str_has_prefix (summary, "spring.leadrules.json · "));

  missing = li_version_new_from_file (bad, &error);
  g_assert_null (missing);
  g_assert_nonnull (error);

  g_remove (path);
  g_remove (bad);
  g_rmdir (dir);
}

static void
test_format_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 14, 18, 30, 0);
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 3, 14, 14, 5, 9);
  g_autoptr(GDateTime) earlier = g_date_time_new_local (2026, 3, 3, 9, 7, 0);
  g_autofree char *a = li_version_format_time (today, now);
  g_autofree char *b = li_version_format_time (earlier, now);

  g_assert_cmpstr (a, ==, "14:05");
  g_assert_cmpstr (b, ==, "Mar 3, 09:07");
}

static void
test_overlay_bins (void)
{
  const double peaks_a[] = { 0, 10, 20, 30, 40 };
  const double peaks_b[] = { 5, 15, 60, 60 };
  g_autoptr(LiReplayResult) a = make_result (peaks_a, G_N_ELEMENTS (peaks_a), NAN, NAN);
  g_autoptr(LiReplayResult) b = make_result (peaks_b, G_N_ELEMENTS (peaks_b), NAN, NAN);
  g_autoptr(LiReplayResult) none = make_result (NULL, 0, NAN, NAN);
  const double single[] = { 7, 7 };
  g_autoptr(LiReplayResult) flat = make_result (single, 2, NAN, NAN);
  guint counts_a[6] = { 0 }, counts_b[6] = { 0 };
  double lower, upper;
  guint sum_a = 0, sum_b = 0;

  g_assert_true (li_overlay_histogram_shared_range (a, b, &lower, &upper));
  g_assert_cmpfloat (lower, ==, 0);
  g_assert_cmpfloat (upper, ==, 60);
  g_assert_true (li_overlay_histogram_shared_range (NULL, b, &lower, &upper));
  g_assert_cmpfloat (lower, ==, 5);
  g_assert_false (li_overlay_histogram_shared_range (none, NULL, &lower, &upper));
  g_assert_true (li_overlay_histogram_shared_range (flat, none, &lower, &upper));
  g_assert_cmpfloat (lower, ==, 7);
  g_assert_cmpfloat (upper, ==, 8);

  g_assert_cmpuint (li_overlay_histogram_bin_index (0, 0, 60, 6), ==, 0);
  g_assert_cmpuint (li_overlay_histogram_bin_index (9.99, 0, 60, 6), ==, 0);
  g_assert_cmpuint (li_overlay_histogram_bin_index (10, 0, 60, 6), ==, 1);
  g_assert_cmpuint (li_overlay_histogram_bin_index (60, 0, 60, 6), ==, 5);  /* upper edge in the last bin */
  g_assert_cmpuint (li_overlay_histogram_bin_index (-3, 0, 60, 6), ==, 0);
  g_assert_cmpuint (li_overlay_histogram_bin_index (99, 0, 60, 6), ==, 5);

  li_overlay_histogram_count_result (a, 0, 60, 6, counts_a);
  li_overlay_histogram_count_result (b, 0, 60, 6, counts_b);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpuint (counts_a[i], ==, i < 5 ? 1 : 0);
      sum_a += counts_a[i];
      sum_b += counts_b[i];
    }
  g_assert_cmpuint (sum_a, ==, 5);
  g_assert_cmpuint (sum_b, ==, 4);
  g_assert_cmpuint (counts_b[0], ==, 1);
  g_assert_cmpuint (counts_b[1], ==, 1);
  g_assert_cmpuint (counts_b[5], ==, 2);
}

static void
test_migration_cells (void)
{
  g_autofree char *one = li_migration_grid_cell_label (1, "hot", "warm");
  g_autofree char *many = li_migration_grid_cell_label (1234, "warm", "hot");

  g_assert_cmpint (li_migration_grid_cell_kind (1, 1), ==, LI_MIGRATION_SAME);
  g_assert_cmpint (li_migration_grid_cell_kind (2, 0), ==, LI_MIGRATION_PROMOTED);
  g_assert_cmpint (li_migration_grid_cell_kind (0, 2), ==, LI_MIGRATION_DEMOTED);

  g_assert_cmpstr (one, ==, "1 lead: hot under A, warm under B");
  g_assert_cmpstr (many, ==, "1,234 leads: warm under A, hot under B");

  g_assert_cmpfloat (li_migration_grid_tint_alpha (0, 10), ==, 0.0);
  g_assert_cmpfloat (li_migration_grid_tint_alpha (3, 0), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (li_migration_grid_tint_alpha (10, 10), 0.5, 1e-9);
  g_assert_cmpfloat (li_migration_grid_tint_alpha (1, 100), >, 0.12);
  g_assert_cmpfloat (li_migration_grid_tint_alpha (1, 100), <, li_migration_grid_tint_alpha (50, 100));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/logic/polarity", test_polarity);
  g_test_add_func ("/compare/logic/format-value", test_format_value);
  g_test_add_func ("/compare/logic/format-delta", test_format_delta);
  g_test_add_func ("/compare/logic/delta-kind", test_delta_kind);
  g_test_add_func ("/compare/logic/rule-changes", test_rule_changes);
  g_test_add_func ("/compare/logic/sort-migrated", test_sort_migrated);
  g_test_add_func ("/compare/logic/version", test_version);
  g_test_add_func ("/compare/logic/version-file", test_version_file);
  g_test_add_func ("/compare/logic/format-time", test_format_time);
  g_test_add_func ("/compare/logic/overlay-bins", test_overlay_bins);
  g_test_add_func ("/compare/logic/migration-cells", test_migration_cells);

  return g_test_run ();
}
