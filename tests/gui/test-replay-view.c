/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LiReplayView, LiHistogram and LiStageTable as real widgets (run under
 * xvfb-run with GDK_BACKEND=x11 GSK_RENDERER=cairo, see TESTING.md).
 *
 * The results are built by hand, except in /gui/replay-view/cli-numbers,
 * which replays a small generated data set in-process and checks that every
 * number the view shows is the one `lead-intent-cli replay --json` prints
 * (skipped when $LI_CLI is not set). */

#include "config.h"

#include <locale.h>
#include <math.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "li-format.h"
#include "li-histogram.h"
#include "li-replay-view.h"
#include "li-stage-table.h"
#include "li-rule-diagnostics-list.h"
#include "li-rules-parse.h"
#include "li-plan.h"

static const char rules_json[] =
  "{\n"
  "  \"format\": \"lead-intent-rules\",\n"
  "  \"format_version\": 1,\n"
  "  \"outcome\": { \"event\": \"purchase\", \"window_days\": 14 },\n"
  "  \"intent\": [\n"
  "    { \"event\": \"product_view\", \"points\": 5, \"max_points\": 40 },\n"
  "    { \"event\": \"add_to_cart\", \"points\": 20 }\n"
  "  ],\n"
  "  \"stages\": [\n"
  "    { \"name\": \"hot\", \"min_score\": 60, \"min_fit\": 0 },\n"
  "    { \"name\": \"warm\", \"min_score\": 30 },\n"
  "    { \"name\": \"engaged\", \"min_score\": 10 },\n"
  "    { \"name\": \"cold\" }\n"
  "  ]\n"
  "}\n";

static LiRules *
make_rules (double hot,
            double warm)
{
  g_autoptr(GError) error = NULL;
  LiRules *rules = li_rules_from_data (rules_json, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  g_assert_cmpuint (rules->n_stages, ==, 4);
  rules->stages[0].min_score = hot;
  rules->stages[1].min_score = warm;

  return rules;
}

/* A result of the shape li_replay_run makes (freed by li_replay_result_unref:
 * g_new0 / g_strdup). */
static LiReplayResult *
make_result (guint scale)
{
  static const char *names[] = { "hot", "warm", "engaged", "cold" };
  LiReplayResult *r = g_new0 (LiReplayResult, 1);

  r->ref_count = 1;
  r->n_bins = 40;
  r->bins = g_new0 (LiHistogramBin, r->n_bins);
  r->min_peak = 0;
  r->max_peak = 97.5;
  r->bin_width = 97.5 / 40;
  for (guint i = 0; i < r->n_bins; i++)
    {
      double centre = (i + 0.5) * r->bin_width;
      double n = scale * (900.0 * exp (-centre / 9.0) + 4);
      double rate = 0.01 + 0.5 / (1 + exp (-(centre - 55) / 8));

      r->bins[i].from = i * r->bin_width;
      r->bins[i].to = (i + 1) * r->bin_width;
      r->bins[i].converted = (guint) (n * rate);
      r->bins[i].not_converted = (guint) (n * (1 - rate));
      r->leads += r->bins[i].converted + r->bins[i].not_converted;
      r->converters += r->bins[i].converted;
    }
  r->skipped_leads = 1234;
  r->base_rate = (double) r->converters / r->leads;
  r->auc = NAN;
  r->n_events = 1234567;
  r->n_stages = 4;
  r->stages = g_new0 (LiStageMetrics, r->n_stages);
  for (guint s = 0; s < r->n_stages; s++)
    {
      LiStageMetrics *m = &r->stages[s];

      m->name = g_strdup (names[s]);
      m->flagged = scale * 500 * (s + 1) * (s + 1);
      m->true_positives = scale * (30 + 4 * s);
      m->false_positives = m->flagged - m->true_positives;
      m->false_negatives = r->converters - m->true_positives;
      m->precision = (double) m->true_positives / m->flagged;
      m->recall = (double) m->true_positives / r->converters;
      m->lift = m->precision / r->base_rate;
      m->peak_count = scale * 1000 * (s + 1);
      m->median_hours_to_outcome = s == 3 ? NAN : 10.26 * (s + 1);
    }

  return r;
}

/* ------------------------------------------------------------------------ */

static guint n_frames;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  n_frames++;
  return G_SOURCE_CONTINUE;
}

static void
wait_frames (guint n)
{
  guint until = n_frames + n;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (n_frames < until && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_frames, >=, until);
}

static GtkWidget *
present_view (LiReplayView **view_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = li_replay_view_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1000);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_widget_add_tick_callback (window, tick_cb, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (3);

  *view_out = LI_REPLAY_VIEW (view);
  return window;
}

static GdkTexture *
render (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* LI_TEST_SCREENSHOTS=dir keeps the pictures for a look */
  if (g_getenv ("LI_TEST_SCREENSHOTS") != NULL)
    {
      static guint n;
      g_autofree char *name = g_strdup_printf ("replay-view-%u.png", n++);
      g_autofree char *path = g_build_filename (g_getenv ("LI_TEST_SCREENSHOTS"), name, NULL);

      gdk_texture_save_to_png (texture, path);
    }

  return texture;
}

static void
pixel_at (GdkTexture *texture,
          int         x,
          int         y,
          GdkRGBA    *color)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  const guchar *p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (y, <, height);

  /* CAIRO_FORMAT_ARGB32, native endian: B G R A on little endian */
  gdk_texture_download (texture, data, (gsize) width * 4);
  p = data + ((gsize) y * width + x) * 4;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  *color = (GdkRGBA) { p[2] / 255.f, p[1] / 255.f, p[0] / 255.f, p[3] / 255.f };
#else
  *color = (GdkRGBA) { p[1] / 255.f, p[2] / 255.f, p[3] / 255.f, p[0] / 255.f };
#endif
}

static void
assert_color_near (const GdkRGBA *a,
                   const char    *expected)
{
  GdkRGBA b;

  g_assert_true (gdk_rgba_parse (&b, expected));
  if (fabs (a->red - b.red) > 0.03 || fabs (a->green - b.green) > 0.03 || fabs (a->blue - b.blue) > 0.03)
    {
      g_autofree char *got = gdk_rgba_to_string (a);

      g_error ("colour %s, expected %s", got, expected);
    }
}

typedef struct
{
  guint  n;
  guint  stage;
  double min_score;
} Emitted;

static void
threshold_changed_cb (GtkWidget *widget,
                      guint      stage,
                      double     min_score,
                      Emitted   *emitted)
{
  emitted->n++;
  emitted->stage = stage;
  emitted->min_score = min_score;
}

/* ------------------------------------------------------------------------ */

static void
test_empty (void)
{
  LiReplayView *view;
  GtkWidget *window = present_view (&view);
  g_autoptr(LiRules) rules = make_rules (60, 30);

  g_assert_true (li_replay_view_get_empty (view));
  g_assert_null (li_replay_view_get_result (view));
  for (guint i = 0; i < LI_N_REPLAY_SUMMARIES; i++)
    g_assert_cmpstr (li_replay_view_get_summary_text (view, i), ==, "—");

  /* rules without a result: still empty, but the lines are ready */
  li_replay_view_set_result (view, NULL, rules);
  g_assert_true (li_replay_view_get_empty (view));
  g_assert_cmpuint (li_histogram_get_n_thresholds (LI_HISTOGRAM (li_replay_view_get_histogram (view))), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_result (void)
{
  LiReplayView *view;
  GtkWidget *window = present_view (&view);
  g_autoptr(LiRules) rules = make_rules (60, 30);
  LiReplayResult *result = make_result (10);
  LiStageTable *table;
  g_autofree char *leads = li_format_count (result->leads);
  g_autofree char *converters = li_format_count (result->converters);
  g_autofree char *base_rate = li_format_percent (result->base_rate);

  li_replay_view_set_result (view, result, rules);
  g_assert_false (li_replay_view_get_empty (view));
  g_assert_true (li_replay_view_get_result (view) == result);
  g_assert_cmpint (result->ref_count, ==, 2);

  /* the same result again takes no second reference */
  li_replay_view_set_result (view, result, rules);
  g_assert_cmpint (result->ref_count, ==, 2);

  g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_LEADS), ==, leads);
  g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_CONVERTERS), ==, converters);
  g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_BASE_RATE), ==, base_rate);
  g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_AUC), ==, "—");
  g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_SKIPPED_LEADS), ==, "1,234");
  g_assert_true (g_str_has_suffix (leads, ",") == FALSE && strchr (leads, ',') != NULL);

  table = LI_STAGE_TABLE (li_replay_view_get_stage_table (view));
  g_assert_cmpuint (li_stage_table_get_n_rows (table), ==, 4);
  for (guint s = 0; s < 4; s++)
    {
      const LiStageMetrics *m = &result->stages[s];
      g_autofree char *name = li_stage_table_dup_cell_text (table, s, LI_STAGE_COLUMN_NAME);
      g_autofree char *flagged = li_stage_table_dup_cell_text (table, s, LI_STAGE_COLUMN_FLAGGED);
      g_autofree char *precision = li_stage_table_dup_cell_text (table, s, LI_STAGE_COLUMN_PRECISION);
      g_autofree char *median = li_stage_table_dup_cell_text (table, s, LI_STAGE_COLUMN_MEDIAN_HOURS);
      g_autofree char *want_flagged = li_format_count (m->flagged);
      g_autofree char *want_precision = li_format_percent (m->precision);

      g_assert_cmpstr (name, ==, m->name);
      g_assert_cmpstr (flagged, ==, want_flagged);
      g_assert_cmpstr (precision, ==, want_precision);
      if (s == 3)
        g_assert_cmpstr (median, ==, "—");
      else
        g_assert_cmpstr (median, !=, "—");
    }
  {
    g_autofree char *median = li_stage_table_dup_cell_text (table, 0, LI_STAGE_COLUMN_MEDIAN_HOURS);

    g_assert_cmpstr (median, ==, "10.3");
  }
  g_assert_null (li_stage_table_dup_cell_text (table, 4, LI_STAGE_COLUMN_NAME));

  wait_frames (2);

  /* a new result of the same shape: rows update in place */
  {
    LiReplayResult *second = make_result (20);
    g_autofree char *flagged = NULL;

    li_replay_view_set_result (view, second, rules);
    g_assert_cmpint (result->ref_count, ==, 1);
    g_assert_cmpint (second->ref_count, ==, 2);
    flagged = li_stage_table_dup_cell_text (table, 1, LI_STAGE_COLUMN_FLAGGED);
    g_assert_cmpstr (flagged, ==, "40,000");
    wait_frames (2);
    li_replay_result_unref (second);
  }

  /* busy keeps the numbers */
  li_replay_view_set_busy (view, TRUE);
  g_assert_true (li_replay_view_get_busy (view));
  g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_SKIPPED_LEADS), ==, "1,234");
  wait_frames (2);
  li_replay_view_set_busy (view, FALSE);
  g_assert_false (li_replay_view_get_busy (view));

  /* back to empty drops the reference */
  li_replay_view_set_result (view, NULL, rules);
  g_assert_true (li_replay_view_get_empty (view));
  g_assert_null (li_replay_view_get_result (view));
  g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_LEADS), ==, "—");

  gtk_window_destroy (GTK_WINDOW (window));
  li_replay_result_unref (result);
}

static void
test_thresholds (void)
{
  LiReplayView *view;
  GtkWidget *window = present_view (&view);
  g_autoptr(LiRules) rules = make_rules (60, 30);
  g_autoptr(LiRules) moved = make_rules (60, 45);
  g_autoptr(LiReplayResult) result = make_result (1);
  LiHistogram *histogram = LI_HISTOGRAM (li_replay_view_get_histogram (view));
  Emitted emitted = { 0 };
  GtkWidget *handle;
  double value, lower, upper;

  g_signal_connect (view, "threshold-changed", G_CALLBACK (threshold_changed_cb), &emitted);
  li_replay_view_set_result (view, result, rules);
  wait_frames (2);

  g_assert_cmpuint (li_histogram_get_n_thresholds (histogram), ==, 3);
  g_assert_true (li_histogram_get_threshold (histogram, 0, &value));
  g_assert_cmpfloat (value, ==, 60);
  g_assert_true (li_histogram_get_threshold (histogram, 2, &value));
  g_assert_cmpfloat (value, ==, 10);
  g_assert_false (li_histogram_get_threshold (histogram, 3, NULL)); /* catch-all */
  g_assert_null (li_histogram_get_threshold_widget (histogram, 3));
  li_histogram_get_x_range (histogram, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 0);
  g_assert_cmpfloat (upper, ==, 100);

  /* as the user: snapped (1 point on a 0–100 axis) and re-emitted by the view */
  g_assert_true (li_histogram_set_threshold (histogram, 1, 42.3));
  g_assert_cmpuint (emitted.n, ==, 1);
  g_assert_cmpuint (emitted.stage, ==, 1);
  g_assert_cmpfloat (emitted.min_score, ==, 42);
  g_assert_true (li_histogram_get_threshold (histogram, 1, &value));
  g_assert_cmpfloat (value, ==, 42);

  /* no change, no signal */
  g_assert_true (li_histogram_set_threshold (histogram, 1, 41.8));
  g_assert_cmpuint (emitted.n, ==, 1);

  /* clamped to the axis */
  g_assert_true (li_histogram_set_threshold (histogram, 1, 1000));
  g_assert_cmpuint (emitted.n, ==, 2);
  g_assert_cmpfloat (emitted.min_score, ==, 100);
  g_assert_false (li_histogram_set_threshold (histogram, 3, 5));
  g_assert_cmpuint (emitted.n, ==, 2);

  /* the keyboard: focus the line, arrows through its actions */
  handle = li_histogram_get_threshold_widget (histogram, 0);
  g_assert_nonnull (handle);
  g_assert_true (gtk_widget_get_focusable (handle));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (handle)), ==, GTK_ACCESSIBLE_ROLE_SLIDER);
  gtk_widget_grab_focus (handle);
  g_assert_true (gtk_widget_activate_action (handle, "threshold.step", "d", 1.0));
  g_assert_cmpuint (emitted.n, ==, 3);
  g_assert_cmpuint (emitted.stage, ==, 0);
  g_assert_cmpfloat (emitted.min_score, ==, 61);
  g_assert_true (gtk_widget_activate_action (handle, "threshold.step", "d", -10.0));
  g_assert_cmpfloat (emitted.min_score, ==, 51);
  g_assert_true (gtk_widget_activate_action (handle, "threshold.edge", "b", FALSE));
  g_assert_cmpfloat (emitted.min_score, ==, 0);
  g_assert_cmpuint (emitted.n, ==, 5);

  /* the window passes new rules back: the lines follow, in place, and the
   * focused line keeps the focus */
  li_replay_view_set_result (view, result, moved);
  g_assert_true (li_histogram_get_threshold_widget (histogram, 0) == handle);
  g_assert_true (gtk_widget_has_focus (handle));
  g_assert_true (li_histogram_get_threshold (histogram, 1, &value));
  g_assert_cmpfloat (value, ==, 45);
  g_assert_true (li_histogram_get_threshold (histogram, 0, &value));
  g_assert_cmpfloat (value, ==, 60);
  g_assert_false (li_histogram_get_dragging (histogram));
  wait_frames (2);

  /* a stage without min_score now: the lines are rebuilt */
  moved->stages[2].has_min_score = FALSE;
  li_replay_view_set_result (view, result, moved);
  g_assert_cmpuint (li_histogram_get_n_thresholds (histogram), ==, 2);
  g_assert_false (li_histogram_get_threshold (histogram, 2, NULL));

  /* programmatic updates never emit */
  g_assert_cmpuint (emitted.n, ==, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow_range (void)
{
  LiReplayView *view;
  GtkWidget *window = present_view (&view);
  g_autoptr(LiRules) rules = make_rules (8, 4);
  LiReplayResult *result = make_result (1);
  LiHistogram *histogram = LI_HISTOGRAM (li_replay_view_get_histogram (view));
  Emitted emitted = { 0 };
  double lower, upper;

  /* peaks from 0 to 10: half-point steps */
  result->max_peak = 10;
  for (guint i = 0; i < result->n_bins; i++)
    {
      result->bins[i].from = i * 0.25;
      result->bins[i].to = (i + 1) * 0.25;
    }
  rules->stages[2].min_score = 1;
  g_signal_connect (histogram, "threshold-changed", G_CALLBACK (threshold_changed_cb), &emitted);
  li_replay_view_set_result (view, result, rules);
  li_histogram_get_x_range (histogram, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 0);
  g_assert_cmpfloat (upper, ==, 10);
  g_assert_true (li_histogram_set_threshold (histogram, 0, 7.3));
  g_assert_cmpfloat (emitted.min_score, ==, 7.5);
  g_assert_true (gtk_widget_activate_action (li_histogram_get_threshold_widget (histogram, 0),
                                             "threshold.step", "d", -1.0));
  g_assert_cmpfloat (emitted.min_score, ==, 7.0);

  li_histogram_set_sqrt_scale (histogram, TRUE);
  wait_frames (2);

  gtk_window_destroy (GTK_WINDOW (window));
  li_replay_result_unref (result);
}

static GtkGesture *
find_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }

  return NULL;
}

/* GTK 4.8 ignores synthesized pointer events, so the drag is driven through
 * the gesture's signals: the same handlers run as for a real drag. */
static void
test_drag (void)
{
  LiReplayView *view;
  GtkWidget *window = present_view (&view);
  g_autoptr(LiRules) rules = make_rules (60, 30);
  g_autoptr(LiRules) far = make_rules (300, 30);
  g_autoptr(LiReplayResult) result = make_result (1);
  LiHistogram *histogram = LI_HISTOGRAM (li_replay_view_get_histogram (view));
  GtkGesture *drag = find_drag_gesture (GTK_WIDGET (histogram));
  Emitted emitted = { 0 };
  graphene_point_t start;
  double value, lower, upper, px_per_point;
  GtkWidget *handle;

  g_assert_nonnull (drag);
  g_signal_connect (view, "threshold-changed", G_CALLBACK (threshold_changed_cb), &emitted);
  li_replay_view_set_result (view, result, rules);
  wait_frames (2);

  /* press on the "warm" line (30) */
  handle = li_histogram_get_threshold_widget (histogram, 1);
  g_assert_true (gtk_widget_compute_point (handle, GTK_WIDGET (histogram),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (handle) / 2,
                                                                 gtk_widget_get_height (handle) / 2),
                                           &start));
  g_signal_emit_by_name (drag, "drag-begin", (double) start.x, (double) start.y);
  g_assert_true (li_histogram_get_dragging (histogram));
  g_assert_true (gtk_widget_has_focus (handle));

  /* the "hot" line is at 60: 30 points to the right */
  {
    GtkWidget *hot = li_histogram_get_threshold_widget (histogram, 0);
    graphene_point_t p;

    g_assert_true (gtk_widget_compute_point (hot, GTK_WIDGET (histogram),
                                             &GRAPHENE_POINT_INIT (gtk_widget_get_width (hot) / 2, 0), &p));
    px_per_point = (p.x - start.x) / 30.0;
    g_assert_cmpfloat (px_per_point, >, 1.0);
  }

  /* 10.3 points to the right: snapped to whole points on a 0–100 axis */
  g_signal_emit_by_name (drag, "drag-update", 10.3 * px_per_point, 3.0);
  g_assert_cmpuint (emitted.n, ==, 1);
  g_assert_cmpuint (emitted.stage, ==, 1);
  g_assert_cmpfloat (emitted.min_score, ==, 40);
  g_signal_emit_by_name (drag, "drag-update", 12.2 * px_per_point, 3.0);
  g_assert_cmpuint (emitted.n, ==, 2);
  g_assert_cmpfloat (emitted.min_score, ==, 42);
  g_signal_emit_by_name (drag, "drag-update", 12.4 * px_per_point, 3.0);
  g_assert_cmpuint (emitted.n, ==, 2); /* same snapped value */

  /* results arrive during the drag: stale rules for the dragged line are
   * ignored, and the axis does not rescale even though "hot" moved to 300 */
  li_replay_view_set_result (view, result, far);
  wait_frames (2);
  g_assert_true (li_histogram_get_threshold (histogram, 1, &value));
  g_assert_cmpfloat (value, ==, 42);
  g_assert_true (li_histogram_get_threshold (histogram, 0, &value));
  g_assert_cmpfloat (value, ==, 300);
  li_histogram_get_x_range (histogram, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 0);
  g_assert_cmpfloat (upper, ==, 100);

  /* past the end of the axis: clamped */
  g_signal_emit_by_name (drag, "drag-update", 500 * px_per_point, 3.0);
  g_assert_cmpfloat (emitted.min_score, ==, 100);

  g_signal_emit_by_name (drag, "drag-end", 500 * px_per_point, 3.0);
  g_assert_false (li_histogram_get_dragging (histogram));
  wait_frames (2);

  /* now the axis makes room for the line at 300 */
  li_histogram_get_x_range (histogram, &lower, &upper);
  g_assert_cmpfloat (upper, >=, 300);

  /* a press away from any line is not a drag */
  g_signal_emit_by_name (drag, "drag-begin", 2.0, 2.0);
  g_assert_false (li_histogram_get_dragging (histogram));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The drawing reads its colours from the theme: the threshold line is
 * @accent_color, in light and in dark mode. */
static void
test_render (void)
{
  LiReplayView *view;
  GtkWidget *window = present_view (&view);
  g_autoptr(LiRules) rules = make_rules (60, 30);
  g_autoptr(LiReplayResult) result = make_result (10);
  LiHistogram *histogram = LI_HISTOGRAM (li_replay_view_get_histogram (view));
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *schemes[] = { "light", "dark" };

  li_replay_view_set_result (view, result, rules);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      GtkWidget *handle;
      graphene_point_t point;
      GdkRGBA color;

      adw_style_manager_set_color_scheme (style, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);
      wait_frames (3);
      texture = render (window);

      /* the middle of the "warm" line (2 px wide, centred in its handle) */
      handle = li_histogram_get_threshold_widget (histogram, 1);
      g_assert_true (gtk_widget_compute_point (handle, window,
                                               &GRAPHENE_POINT_INIT (gtk_widget_get_width (handle) / 2 - 0.5,
                                                                     gtk_widget_get_height (handle) * 0.6),
                                               &point));
      pixel_at (texture, (int) point.x, (int) point.y, &color);
      assert_color_near (&color, i == 0 ? "#1c71d8" : "#78aeed");
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accessible (void)
{
  GtkWidget *histogram = li_histogram_new ();
  g_autoptr(LiRules) rules = make_rules (60, 30);

  g_object_ref_sink (histogram);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (histogram)), ==, GTK_ACCESSIBLE_ROLE_GROUP);
  li_histogram_set_stages (LI_HISTOGRAM (histogram), rules);
  g_assert_cmpuint (li_histogram_get_n_thresholds (LI_HISTOGRAM (histogram)), ==, 3);
  li_histogram_set_stages (LI_HISTOGRAM (histogram), NULL);
  g_assert_cmpuint (li_histogram_get_n_thresholds (LI_HISTOGRAM (histogram)), ==, 0);
  g_object_unref (histogram);
}

/* ------------------------------------------------------------------------ */
/* The numbers of the CLI                                                    */
/* ------------------------------------------------------------------------ */

static char *
write_events (const char *dir)
{
  g_autoptr(GString) csv = g_string_new ("lead_id,timestamp,event,product_id\n");
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  guint32 seed = 7;

  for (guint lead = 0; lead < 300; lead++)
    {
      guint n = 1 + lead % 9;
      gint64 t = 1700000000 + lead * 600;

      for (guint e = 0; e < n; e++)
        {
          seed = seed * 1103515245u + 12345u;
          g_string_append_printf (csv, "L%03u,%" G_GINT64_FORMAT ",%s,P%u\n", lead, t,
                                  (seed >> 16) % 4 == 0 ? "add_to_cart" : "product_view",
                                  (seed >> 8) % 5);
          t += 3600 + (seed >> 20) % 7200;
        }
      seed = seed * 1103515245u + 12345u;
      if ((seed >> 16) % 10 < n)
        g_string_append_printf (csv, "L%03u,%" G_GINT64_FORMAT ",purchase,\n", lead, t + 86400 * ((seed >> 8) % 20));
    }
  /* a lead whose first event is the purchase: skipped */
  g_string_append (csv, "Z999,1700000000,purchase,\n");

  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return g_steal_pointer (&path);
}

static double
json_number (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NAN;
  return json_node_get_double (node);
}

static void
test_cli_numbers (void)
{
  const char *cli = g_getenv ("LI_CLI");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *events = NULL;
  g_autofree char *rules_path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(LiReplayResult) result = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  LiReplayOptions options = { .rule_diagnostics = TRUE };
  JsonObject *root;
  JsonArray *stages;
  LiReplayView *view;
  GtkWidget *window;
  LiStageTable *table;
  int status;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("LI_CLI is not set");
      return;
    }

  dir = g_dir_make_tmp ("li-replay-view-XXXXXX", &error);
  g_assert_no_error (error);
  events = write_events (dir);
  rules_path = g_build_filename (dir, "rules.leadrules.json", NULL);
  g_assert_true (g_file_set_contents (rules_path, rules_json, -1, NULL));

  /* the CLI */
  {
    const char *argv[] = { cli, "replay", "--rules", rules_path, "--events", events, "--json",
                           "--diagnostics", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  /* the same replay in-process, as the window runs it */
  rules = li_rules_from_file (rules_path, NULL, &error);
  g_assert_no_error (error);
  {
    const char *paths[] = { events, NULL };

    store = li_import_event_paths (paths, NULL, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  plan = li_plan_new (rules, store, NULL);
  result = li_replay_run (plan, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  window = present_view (&view);
  li_replay_view_set_result (view, result, rules);
  wait_frames (2);

  /* the summary */
  {
    g_autofree char *leads = li_format_count ((guint64) json_number (root, "leads"));
    g_autofree char *skipped = li_format_count ((guint64) json_number (root, "skipped_leads"));
    g_autofree char *converters = li_format_count ((guint64) json_number (root, "converters"));
    g_autofree char *base_rate = li_format_percent (json_number (root, "base_rate"));
    g_autofree char *auc = li_format_fixed (json_number (root, "auc"), 3);

    g_assert_cmpfloat (json_number (root, "converters"), >, 0);
    g_assert_cmpfloat (json_number (root, "skipped_leads"), ==, 1);
    g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_LEADS), ==, leads);
    g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_SKIPPED_LEADS), ==, skipped);
    g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_CONVERTERS), ==, converters);
    g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_BASE_RATE), ==, base_rate);
    g_assert_cmpstr (li_replay_view_get_summary_text (view, LI_REPLAY_SUMMARY_AUC), ==, auc);
  }

  /* every cell of the stage table */
  table = LI_STAGE_TABLE (li_replay_view_get_stage_table (view));
  stages = json_object_get_array_member (root, "stages");
  g_assert_cmpuint (li_stage_table_get_n_rows (table), ==, json_array_get_length (stages));
  for (guint s = 0; s < json_array_get_length (stages); s++)
    {
      JsonObject *stage = json_array_get_object_element (stages, s);
      LiStageMetrics m = {
        .name = (char *) json_object_get_string_member (stage, "name"),
        .flagged = (guint) json_number (stage, "flagged"),
        .true_positives = (guint) json_number (stage, "true_positives"),
        .false_positives = (guint) json_number (stage, "false_positives"),
        .false_negatives = (guint) json_number (stage, "false_negatives"),
        .precision = json_number (stage, "precision"),
        .recall = json_number (stage, "recall"),
        .lift = json_number (stage, "lift"),
        .peak_count = (guint) json_number (stage, "peak_count"),
        .median_hours_to_outcome = json_number (stage, "median_hours_to_outcome"),
      };

      for (guint c = 0; c < LI_N_STAGE_COLUMNS; c++)
        {
          g_autofree char *shown = li_stage_table_dup_cell_text (table, s, c);
          g_autofree char *cli_text = li_stage_table_format_cell (&m, c);

          g_assert_cmpstr (shown, ==, cli_text);
        }
    }

  /* one diagnostics row per intent rule and pattern, the CLI's counts */
  {
    JsonArray *cli_rules = json_object_get_array_member (root, "rules");
    LiRuleDiagnosticsList *list = LI_RULE_DIAGNOSTICS_LIST (li_replay_view_get_rule_list (view));

    g_assert_nonnull (result->diagnostics);
    g_assert_cmpuint (li_rule_diagnostics_list_get_n_rows (list), ==, json_array_get_length (cli_rules));
    g_assert_cmpuint (result->diagnostics->n_rules, ==, json_array_get_length (cli_rules));
    for (guint r = 0; r < result->diagnostics->n_rules; r++)
      {
        JsonObject *rule = json_array_get_object_element (cli_rules, r);
        g_autofree char *text = li_rule_diagnostics_list_format (result->diagnostics, r);
        g_autofree char *fired = li_format_count ((guint64) json_number (rule, "converters_fired"));

        g_assert_cmpfloat (json_number (rule, "converters_fired"), ==,
                           result->diagnostics->rules[r].converters_fired);
        g_assert_cmpfloat (json_number (rule, "non_converters_fired"), ==,
                           result->diagnostics->rules[r].others_fired);
        if (json_object_get_boolean_member (rule, "never_fires"))
          g_assert_true (g_str_has_prefix (text, "Never fires"));
        else if (json_object_get_boolean_member (rule, "enabled"))
          g_assert_true (strstr (text, fired) != NULL);
      }
  }

  /* the histogram has the CLI's bins */
  {
    JsonObject *histogram = json_object_get_object_member (root, "histogram");
    JsonArray *bins = json_object_get_array_member (histogram, "bins");

    g_assert_cmpuint (json_array_get_length (bins), ==, result->n_bins);
    for (guint b = 0; b < result->n_bins; b++)
      {
        JsonObject *bin = json_array_get_object_element (bins, b);

        g_assert_cmpfloat (json_number (bin, "converted"), ==, result->bins[b].converted);
        g_assert_cmpfloat (json_number (bin, "not_converted"), ==, result->bins[b].not_converted);
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (events);
  g_remove (rules_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_test_init (&argc, &argv, NULL);

  /* the resources register themselves (gnome.compile_resources) */
  gtk_init ();
  adw_init ();
  /* no crossfades: the first frames show the final state */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/gui/replay-view/empty", test_empty);
  g_test_add_func ("/gui/replay-view/result", test_result);
  g_test_add_func ("/gui/replay-view/thresholds", test_thresholds);
  g_test_add_func ("/gui/replay-view/narrow-range", test_narrow_range);
  g_test_add_func ("/gui/replay-view/drag", test_drag);
  g_test_add_func ("/gui/replay-view/render", test_render);
  g_test_add_func ("/gui/replay-view/accessible", test_accessible);
  g_test_add_func ("/gui/replay-view/cli-numbers", test_cli_numbers);

  return g_test_run ();
}
