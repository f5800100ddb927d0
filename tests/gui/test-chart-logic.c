/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plain logic of the replay view, no display needed: number formatting,
 * histogram scaling and hit-testing, stage-table cells, summary texts. */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "li-format.h"
#include "li-histogram.h"
#include "li-replay-view.h"
#include "li-stage-table.h"

static void
test_format_count (void)
{
  const struct { guint64 value; const char *text; } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 999, "999" },
    { 1000, "1,000" },
    { 12345, "12,345" },
    { 123456, "123,456" },
    { 1234567, "1,234,567" },
    { G_MAXUINT32, "4,294,967,295" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = li_format_count_with_separator (cases[i].value, ",");

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *text = li_format_count_with_separator (1234567, "\342\200\257");

    g_assert_cmpstr (text, ==, "1\342\200\257234\342\200\257567");
  }

  /* The C locale has no separator: "," then. */
  {
    g_autofree char *text = li_format_count (34647);

    g_assert_cmpstr (text, ==, "34,647");
  }
}

static void
test_format_ratios (void)
{
  const struct { double value; const char *percent; const char *auc; const char *lift; } cases[] = {
    { 0.0, "0.0%", "0.000", "0.00×" },
    { 0.05492, "5.5%", "0.055", "0.05×" },
    { 0.73412, "73.4%", "0.734", "0.73×" },
    { 1.0, "100.0%", "1.000", "1.00×" },
    { 25.3771, "2537.7%", "25.377", "25.38×" },
    { NAN, LI_FORMAT_NULL, LI_FORMAT_NULL, LI_FORMAT_NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *percent = li_format_percent (cases[i].value);
      g_autofree char *auc = li_format_fixed (cases[i].value, 3);
      g_autofree char *lift = li_format_lift (cases[i].value);

      g_assert_cmpstr (percent, ==, cases[i].percent);
      g_assert_cmpstr (auc, ==, cases[i].auc);
      g_assert_cmpstr (lift, ==, cases[i].lift);
    }

  g_assert_cmpstr (LI_FORMAT_NULL, ==, "—");
}

static void
test_format_score (void)
{
  const struct { double value; const char *text; } cases[] = {
    { 60.0, "60" },
    { 12.5, "12.5" },
    { -3.25, "-3.25" },
    { 0.1, "0.1" },
    { -0.001, "0" },
    { 100.0, "100" },
    { 33.3333, "33.33" },
    { NAN, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = li_format_score (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_nice_step (void)
{
  g_assert_cmpfloat_with_epsilon (li_histogram_nice_step (100, 5), 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (li_histogram_nice_step (100, 10), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (li_histogram_nice_step (97.5, 6), 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (li_histogram_nice_step (8000, 4), 2000, 1e-9);
  g_assert_cmpfloat_with_epsilon (li_histogram_nice_step (13, 6), 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (li_histogram_nice_step (1, 4), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (li_histogram_nice_step (0, 4), 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (li_histogram_nice_step (NAN, 4), 1, 1e-9);

  g_assert_cmpfloat (li_histogram_nice_ceil (0), ==, 1);
  g_assert_cmpfloat (li_histogram_nice_ceil (1), ==, 1);
  g_assert_cmpfloat (li_histogram_nice_ceil (7), ==, 10);
  g_assert_cmpfloat (li_histogram_nice_ceil (150), ==, 200);
  g_assert_cmpfloat (li_histogram_nice_ceil (200), ==, 200);
  g_assert_cmpfloat (li_histogram_nice_ceil (7901), ==, 10000);
  g_assert_cmpfloat (li_histogram_nice_ceil (4100), ==, 5000);
}

static void
test_nice_range (void)
{
  double lower, upper, step;
  const double thresholds[] = { 60, 30, 10 };
  const double far[] = { 150 };
  const double negative[] = { -12 };

  li_histogram_nice_range (0, 97.5, thresholds, G_N_ELEMENTS (thresholds), &lower, &upper, &step);
  g_assert_cmpfloat (lower, ==, 0);
  g_assert_cmpfloat (upper, ==, 100);
  g_assert_cmpfloat (step, ==, 20);

  /* a threshold beyond the data widens the axis so that its line shows,
   * with a tick of room to drag it further */
  li_histogram_nice_range (2, 110, far, 1, &lower, &upper, &step);
  g_assert_cmpfloat (lower, ==, 0);
  g_assert_cmpfloat (step, ==, 50);
  g_assert_cmpfloat (upper, ==, 200);

  /* the same for a line at the lower end */
  li_histogram_nice_range (10, 60, thresholds, G_N_ELEMENTS (thresholds), &lower, &upper, &step);
  g_assert_cmpfloat (step, ==, 10);
  g_assert_cmpfloat (lower, ==, 0);
  g_assert_cmpfloat (upper, ==, 70);

  li_histogram_nice_range (-3.5, 13, negative, 1, &lower, &upper, &step);
  g_assert_cmpfloat (lower, <=, -12);
  g_assert_cmpfloat (upper, >=, 13);
  g_assert_cmpfloat (fmod (lower, step), ==, 0);

  /* one peak value, no thresholds: still a range */
  li_histogram_nice_range (5, 5, NULL, 0, &lower, &upper, &step);
  g_assert_cmpfloat (lower, <, 5);
  g_assert_cmpfloat (upper, >, 5);

  /* one extreme threshold does not stretch the axis: it is marked at the edge */
  {
    const double extreme[] = { 60, -50000, 200000 };

    li_histogram_nice_range (0, 97.5, extreme, G_N_ELEMENTS (extreme), &lower, &upper, &step);
    g_assert_cmpfloat (lower, ==, 0);
    g_assert_cmpfloat (upper, ==, 100);
    g_assert_cmpint (li_histogram_beyond (-50000, lower, upper), ==, -1);
    g_assert_cmpint (li_histogram_beyond (200000, lower, upper), ==, 1);
    g_assert_cmpint (li_histogram_beyond (60, lower, upper), ==, 0);
    g_assert_cmpint (li_histogram_beyond (100, lower, upper), ==, 0);
  }

  /* no data at all: 0–100 */
  li_histogram_nice_range (NAN, NAN, NULL, 0, &lower, &upper, &step);
  g_assert_cmpfloat (lower, ==, 0);
  g_assert_cmpfloat (upper, ==, 100);
}

static void
test_snap (void)
{
  g_assert_cmpfloat (li_histogram_snap_step (0, 100), ==, 1.0);
  g_assert_cmpfloat (li_histogram_snap_step (0, 40), ==, 0.5);
  g_assert_cmpfloat (li_histogram_snap_step (-10, 20), ==, 0.5);

  g_assert_cmpfloat (li_histogram_snap (42.3, 1), ==, 42);
  g_assert_cmpfloat (li_histogram_snap (42.6, 1), ==, 43);
  g_assert_cmpfloat (li_histogram_snap (42.3, 0.5), ==, 42.5);
  g_assert_cmpfloat (li_histogram_snap (42.2, 0.5), ==, 42);
  g_assert_cmpfloat (li_histogram_snap (-7.4, 0.5), ==, -7.5);
  g_assert_false (signbit (li_histogram_snap (-0.2, 1)));
  g_assert_cmpfloat (li_histogram_snap (3.3, 0), ==, 3.3);
}

static void
test_scale_count (void)
{
  g_assert_cmpfloat (li_histogram_scale_count (0, 100, FALSE), ==, 0);
  g_assert_cmpfloat (li_histogram_scale_count (50, 100, FALSE), ==, 0.5);
  g_assert_cmpfloat (li_histogram_scale_count (100, 100, FALSE), ==, 1);
  g_assert_cmpfloat (li_histogram_scale_count (200, 100, FALSE), ==, 1);
  g_assert_cmpfloat (li_histogram_scale_count (25, 100, TRUE), ==, 0.5);
  g_assert_cmpfloat (li_histogram_scale_count (1, 10000, TRUE), ==, 0.01);
  g_assert_cmpfloat (li_histogram_scale_count (5, 0, FALSE), ==, 0);
  /* the square root lifts small counts: converters stay visible */
  g_assert_cmpfloat (li_histogram_scale_count (10, 8000, TRUE), >, 20 * li_histogram_scale_count (10, 8000, FALSE));
}

static void
test_hit_test (void)
{
  const double xs[] = { 100.0, 300.0, 305.0 };

  g_assert_cmpint (li_histogram_hit_test (xs, 3, 100, 7), ==, 0);
  g_assert_cmpint (li_histogram_hit_test (xs, 3, 94, 7), ==, 0);
  g_assert_cmpint (li_histogram_hit_test (xs, 3, 92, 7), ==, -1);
  g_assert_cmpint (li_histogram_hit_test (xs, 3, 200, 7), ==, -1);
  g_assert_cmpint (li_histogram_hit_test (xs, 3, 301, 7), ==, 1);
  g_assert_cmpint (li_histogram_hit_test (xs, 3, 304, 7), ==, 2);
  /* equal distance: the later line, drawn on top */
  g_assert_cmpint (li_histogram_hit_test (xs, 3, 302.5, 7), ==, 2);
  g_assert_cmpint (li_histogram_hit_test (NULL, 0, 10, 7), ==, -1);
}

static void
test_bin_at (void)
{
  const LiHistogramBin bins[] = {
    { 0.0, 2.5, 1, 10 },
    { 2.5, 5.0, 2, 20 },
    { 5.0, 7.5, 3, 30 },
  };

  g_assert_cmpint (li_histogram_bin_at (bins, 3, 0.0), ==, 0);
  g_assert_cmpint (li_histogram_bin_at (bins, 3, 2.49), ==, 0);
  g_assert_cmpint (li_histogram_bin_at (bins, 3, 2.5), ==, 1);
  g_assert_cmpint (li_histogram_bin_at (bins, 3, 7.5), ==, 2);
  g_assert_cmpint (li_histogram_bin_at (bins, 3, 7.6), ==, -1);
  g_assert_cmpint (li_histogram_bin_at (bins, 3, -0.1), ==, -1);
  g_assert_cmpint (li_histogram_bin_at (bins, 0, 1), ==, -1);
}

static void
test_stage_cells (void)
{
  LiStageMetrics m = {
    .name = (char *) "hot",
    .flagged = 12500,
    .true_positives = 300,
    .false_positives = 12200,
    .false_negatives = 519,
    .precision = 0.024,
    .recall = 0.36630036,
    .lift = 2.5377,
    .peak_count = 1000,
    .median_hours_to_outcome = 10.26,
  };
  LiStageMetrics null_metrics = { .name = (char *) "cold", .precision = NAN, .recall = NAN, .lift = NAN,
                                  .median_hours_to_outcome = NAN };
  const char *expected[LI_N_STAGE_COLUMNS] = {
    "hot", "12,500", "300", "12,200", "519", "2.4%", "36.6%", "2.54×", "1,000", "10.3",
  };

  for (guint c = 0; c < LI_N_STAGE_COLUMNS; c++)
    {
      g_autofree char *text = li_stage_table_format_cell (&m, c);

      g_assert_cmpstr (text, ==, expected[c]);
    }

  for (guint c = LI_STAGE_COLUMN_PRECISION; c <= LI_STAGE_COLUMN_MEDIAN_HOURS; c++)
    {
      g_autofree char *text = li_stage_table_format_cell (&null_metrics, c);

      if (c == LI_STAGE_COLUMN_PEAK_COUNT)
        g_assert_cmpstr (text, ==, "0");
      else
        g_assert_cmpstr (text, ==, "—");
    }

  /* Under an hour: minutes (the CLI's 0.03 hours), not "0.0". */
  {
    static const struct { double hours; const char *text; } cases[] = {
      { 0.0333, "2.0 min" }, { 0.5, "30 min" }, { 0.999, "60 min" }, { 0, "0.0 min" },
      { 1, "1.0" }, { 10.26, "10.3" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *text = NULL;

        m.median_hours_to_outcome = cases[i].hours;
        text = li_stage_table_format_cell (&m, LI_STAGE_COLUMN_MEDIAN_HOURS);
        g_assert_cmpstr (text, ==, cases[i].text);
      }
  }
}

/* Precision and recall with their Wilson ranges, and the stage warnings
 * of li-confidence (the replay table's). */
static void
test_stage_confidence (void)
{
  LiStageMetrics stages[2] = {
    { .name = (char *) "hot", .flagged = 74, .true_positives = 21, .false_positives = 53,
      .false_negatives = 171, .precision = 21 / 74.0, .recall = 21 / 192.0, .lift = 6,
      .median_hours_to_outcome = 0.05 },
    { .name = (char *) "cold", .flagged = 4503, .true_positives = 192, .false_positives = 4311,
      .precision = 192 / 4503.0, .recall = 1, .lift = 1, .median_hours_to_outcome = NAN },
  };
  LiStage rule_stages[2] = {
    { .name = (char *) "hot", .has_min_score = TRUE, .min_score = 50, .has_follow_up = TRUE, .follow_up_minutes = 15 },
    { .name = (char *) "cold" },
  };
  LiRules rules = { .stages = rule_stages, .n_stages = 2 };
  g_autofree char *precision = li_stage_table_format_interval (&stages[0], LI_STAGE_COLUMN_PRECISION);
  g_autofree char *recall = li_stage_table_format_interval (&stages[0], LI_STAGE_COLUMN_RECALL);
  g_autofree char *lift = li_stage_table_format_interval (&stages[0], LI_STAGE_COLUMN_LIFT);
  g_autofree char *hot = li_stage_table_dup_warnings (stages, 2, 0, &rules);
  g_autofree char *cold = li_stage_table_dup_warnings (stages, 2, 1, &rules);
  g_autofree char *no_rules = li_stage_table_dup_warnings (stages, 2, 0, NULL);

  g_assert_cmpstr (precision, ==, "28.4% (95% range 19–40%)");
  g_assert_cmpstr (recall, ==, "10.9% (95% range 7–16%)");
  g_assert_null (lift);
  g_assert_cmpstr (hot, ==, "hot: only 21 converters flagged in time, too few to judge (at least 30 are needed)\n"
                            "hot: half of its converters buy within 3 minutes of the flag, sooner than its follow-up of 15 minutes");
  g_assert_null (cold);
  g_assert_true (g_str_has_prefix (no_rules, "hot: only 21"));
  g_assert_null (strchr (no_rules, '\n'));
}

static void
test_stage_conditions (void)
{
  LiStage hot = { .name = (char *) "hot", .has_min_score = TRUE, .min_score = 60, .has_min_fit = TRUE, .min_fit = 0 };
  LiStage warm = { .name = (char *) "warm", .has_min_score = TRUE, .min_score = 30, .has_min_intent = TRUE, .min_intent = 10.5 };
  LiStage cold = { .name = (char *) "cold" };
  g_autofree char *a = li_stage_table_format_conditions (&hot);
  g_autofree char *b = li_stage_table_format_conditions (&warm);
  g_autofree char *c = li_stage_table_format_conditions (&cold);

  g_assert_cmpstr (a, ==, "score ≥ 60 · fit ≥ 0");
  g_assert_cmpstr (b, ==, "score ≥ 30 · intent ≥ 10.5");
  g_assert_cmpstr (c, ==, "all other leads");
}

static void
test_summary (void)
{
  LiReplayResult r = {
    .ref_count = 1,
    .leads = 12345,
    .skipped_leads = 1234,
    .converters = 678,
    .base_rate = 678.0 / 12345.0,
    .auc = 0.73412,
  };
  const struct { LiReplaySummary which; const char *text; } cases[] = {
    { LI_REPLAY_SUMMARY_LEADS, "12,345" },
    { LI_REPLAY_SUMMARY_CONVERTERS, "678" },
    { LI_REPLAY_SUMMARY_BASE_RATE, "5.5%" },
    { LI_REPLAY_SUMMARY_AUC, "0.734" },
    { LI_REPLAY_SUMMARY_SKIPPED_LEADS, "1,234" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = li_replay_view_format_summary (&r, cases[i].which);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* no converters or no leads: null AUC / base rate */
  r.auc = NAN;
  r.base_rate = NAN;
  {
    g_autofree char *auc = li_replay_view_format_summary (&r, LI_REPLAY_SUMMARY_AUC);
    g_autofree char *base = li_replay_view_format_summary (&r, LI_REPLAY_SUMMARY_BASE_RATE);
    g_autofree char *none = li_replay_view_format_summary (NULL, LI_REPLAY_SUMMARY_LEADS);

    g_assert_cmpstr (auc, ==, "—");
    g_assert_cmpstr (base, ==, "—");
    g_assert_cmpstr (none, ==, "—");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/format/count", test_format_count);
  g_test_add_func ("/gui/format/ratios", test_format_ratios);
  g_test_add_func ("/gui/format/score", test_format_score);
  g_test_add_func ("/gui/histogram/nice-step", test_nice_step);
  g_test_add_func ("/gui/histogram/nice-range", test_nice_range);
  g_test_add_func ("/gui/histogram/snap", test_snap);
  g_test_add_func ("/gui/histogram/scale-count", test_scale_count);
  g_test_add_func ("/gui/histogram/hit-test", test_hit_test);
  g_test_add_func ("/gui/histogram/bin-at", test_bin_at);
  g_test_add_func ("/gui/stage-table/cells", test_stage_cells);
  g_test_add_func ("/gui/stage-table/conditions", test_stage_conditions);
  g_test_add_func ("/gui/stage-table/confidence", test_stage_confidence);
  g_test_add_func ("/gui/replay-view/summary", test_summary);

  return g_test_run ();
}
