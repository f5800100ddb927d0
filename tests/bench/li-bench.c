/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-bench: import and replay speed on a deterministic synthetic export.
 *
 *   li-bench [--events N] [--keep FILE.csv] [--json]
 *   li-bench --export FILE.csv [--rules RULES.json] [--leads LEADS.csv]
 *
 * Writes N events (~20 per lead, every canonical event kind) as canonical CSV
 * twice, in time order and shuffled (every lead interleaved at random, as in
 * the benchmark export of ../shared/peers/make-workload.sh), imports both,
 * imports the same kind of journeys as GA4 and Segment JSON lines, replays
 * with intent rules and fit and with all four pattern kinds as well, on one
 * thread and on two, and prints events per second (CPU time of the working
 * thread for one thread, wall time for two; the import's wall time, as it
 * reads large files on two threads) and peak resident bytes per event of the
 * import.  With --export it measures that file instead, replaying
 * --rules (default: the built-in rules) with --leads, and with --rules the
 * window's replay after an edit of each intent rule. */
#include "config.h"

#include <glib/gstdio.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "li-import.h"
#include "li-leads-file.h"
#include "li-replay.h"
#include "li-replay-metrics.h"
#include "li-rules.h"
#include "li-time.h"
#include "li-rules-parse.h"
#include "li-plan.h"

static const char *kinds[] = {
  "page_view", "blog_view", "category_view", "search", "product_view", "product_view",
  "product_view", "product_view", "variant_select", "compare", "shipping_check", "buy_click",
  "add_to_cart", "remove_from_cart", "cart_view", "checkout_start", "shipping_info",
  "payment_info", "lead_form", "newsletter_signup", "email_open", "email_click", "ad_click",
  "social_engagement",
};
static const char *categories[] = { "shoes", "bags", "jackets", "watches", "kids", "home", "toys", "beauty" };
static const char *links[] = { "cart_recovery", "product", "newsletter", "unsubscribe" };

static const char *intent_rules =
  "\"intent\": ["
  "{\"event\": \"product_view\", \"points\": 2, \"max_points\": 12},"
  "{\"event\": \"variant_select\", \"points\": 4},"
  "{\"event\": \"compare\", \"points\": 5},"
  "{\"event\": \"shipping_check\", \"points\": 6},"
  "{\"event\": \"add_to_cart\", \"points\": 15},"
  "{\"event\": \"remove_from_cart\", \"points\": -5},"
  "{\"event\": \"cart_view\", \"points\": 4},"
  "{\"event\": \"checkout_start\", \"points\": 30, \"decay\": {\"model\": \"window\", \"days\": 3}},"
  "{\"event\": \"payment_info\", \"points\": 40, \"decay\": {\"model\": \"linear\", \"days\": 5}},"
  "{\"event\": \"email_open\", \"points\": 1, \"max_points\": 5},"
  "{\"event\": \"email_click\", \"where\": {\"link\": [\"cart_recovery\", \"product\"]}, \"points\": 8}"
  "],";
static const char *pattern_rules =
  "\"patterns\": ["
  "{\"name\": \"repeat\", \"kind\": \"repeat_product\", \"min_count\": 3, \"within_hours\": 72, \"points\": 10, \"max_points\": 20},"
  "{\"name\": \"focus\", \"kind\": \"category_focus\", \"min_distinct\": 3, \"within_hours\": 24, \"points\": 8},"
  "{\"name\": \"seq\", \"kind\": \"sequence\", \"events\": [\"add_to_cart\", \"shipping_check\", \"checkout_start\"], \"within_hours\": 48, \"points\": 20},"
  "{\"name\": \"days\", \"kind\": \"return_days\", \"min_days\": 3, \"within_days\": 7, \"points\": 6}"
  "],";

static LiRules *
_bench_rules (gboolean patterns)
{
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"lead-intent-rules\", \"format_version\": 1,"
    "\"decay\": {\"model\": \"exponential\", \"half_life_days\": 7}, %s %s"
    "\"fit\": [{\"attribute\": \"price\", \"op\": \"gte\", \"value\": 100, \"points\": 3}],"
    "\"stages\": [{\"name\": \"hot\", \"min_score\": 60}, {\"name\": \"warm\", \"min_score\": 30},"
    "{\"name\": \"engaged\", \"min_score\": 10}, {\"name\": \"cold\"}]}",
    intent_rules, patterns ? pattern_rules : "");
  g_autoptr(GError) error = NULL;
  LiRules *rules = li_rules_from_data (json, -1, NULL, &error);

  g_assert_no_error (error);
  return rules;
}

/* Event k happens at t0 + k·60 days / N and belongs to a lead near k / 20,
 * so rows are in global time order (as exports are), leads interleave and
 * each lead has ~20 events over a day or so.  Some leads buy. */
static void
_bench_write (const char *path,
              guint       n_events,
              gboolean    shuffled)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GRand) shuffle = g_rand_new_with_seed (7);
  gint64 n_leads = MAX (1, n_events / 20);
  gint64 t0 = 1767225600;  /* 2026-01-01 */
  double step = 60.0 * 86400 / MAX (n_events, 1);
  FILE *f = fopen (path, "w");
  char *mem = NULL;
  gsize mem_len = 0;
  FILE *rows = shuffled ? open_memstream (&mem, &mem_len) : f;

  g_assert_nonnull (f);
  fputs ("lead_id,timestamp,event,product_id,category,price,link\n", f);
  for (guint k = 0; k < n_events; k++)
    {
      gint64 lead = CLAMP ((gint64) (k / 20) + g_rand_int_range (rand, -40, 41), 0, n_leads - 1);
      gint64 t = t0 + (gint64) (k * step);
      guint depth = (guint) (lead * 2654435761u % 100);
      const char *kind;
      char when[32];

      if (depth < 3 && g_rand_int_range (rand, 0, 20) == 0)
        kind = "purchase";
      else
        kind = kinds[g_rand_int_range (rand, 0, MIN (G_N_ELEMENTS (kinds), 8 + depth / 4))];

      if (k % 2)
        g_snprintf (when, sizeof when, "%" G_GINT64_FORMAT, t);
      else
        {
          g_autofree char *iso = li_time_format (t * 1000);
          g_strlcpy (when, iso, sizeof when);
        }
      fprintf (rows, "u%06" G_GINT64_FORMAT ",%s,%s,", lead, when, kind);
      if (g_str_equal (kind, "product_view") || g_str_equal (kind, "add_to_cart") ||
          g_str_equal (kind, "variant_select") || g_str_equal (kind, "compare"))
        {
          guint cat = (guint) (lead + g_rand_int_range (rand, 0, 2)) % G_N_ELEMENTS (categories);
          fprintf (rows, "p%u-%d,%s,%d.%02d,\n", cat, g_rand_int_range (rand, 0, 40),
                   categories[cat], g_rand_int_range (rand, 5, 400), g_rand_int_range (rand, 0, 100));
        }
      else if (g_str_has_prefix (kind, "email_"))
        fprintf (rows, ",,,%s\n", links[g_rand_int_range (rand, 0, G_N_ELEMENTS (links))]);
      else
        fputs (",,,\n", rows);
    }
  if (shuffled)
    {
      /* The same rows in a random order (Fisher–Yates on line starts). */
      g_autoptr(GArray) starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), n_events + 1);

      g_assert_cmpint (fclose (rows), ==, 0);
      for (gsize i = 0; i < mem_len; i++)
        if (i == 0 || mem[i - 1] == '\n')
          g_array_append_val (starts, i);
      for (guint i = starts->len; i > 1; i--)
        {
          guint j = (guint) g_rand_int_range (shuffle, 0, (gint32) i);
          gsize tmp = g_array_index (starts, gsize, i - 1);

          g_array_index (starts, gsize, i - 1) = g_array_index (starts, gsize, j);
          g_array_index (starts, gsize, j) = tmp;
        }
      for (guint i = 0; i < starts->len; i++)
        {
          const char *line = mem + g_array_index (starts, gsize, i);
          fwrite (line, 1, (gsize) (strchr (line, '\n') - line) + 1, f);
        }
      free (mem);
    }
  g_assert_cmpint (fclose (f), ==, 0);
}

static double _bench_now (void);

/* The same kind of journeys as JSON lines: a GA4 BigQuery export (@ga4) or
 * Segment track calls. */
static void
_bench_write_json (const char *path,
                   guint       n_events,
                   gboolean    ga4)
{
  static const char *ga4_kinds[] = {
    "page_view", "view_item", "view_item", "view_item_list", "add_to_cart", "view_cart",
    "begin_checkout", "add_payment_info", "purchase",
  };
  static const char *segment_kinds[] = {
    "Product Viewed", "Product Viewed", "Product List Viewed", "Product Added", "Cart Viewed",
    "Checkout Started", "Payment Info Entered", "Order Completed", "Email Opened",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  gint64 n_leads = MAX (1, n_events / 20);
  gint64 t0 = G_GINT64_CONSTANT (1767225600000000);
  gint64 step = (gint64) (60.0 * 86400 * 1e6 / MAX (n_events, 1));
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  for (guint k = 0; k < n_events; k++)
    {
      gint64 lead = CLAMP ((gint64) (k / 20) + g_rand_int_range (rand, -40, 41), 0, n_leads - 1);
      guint kind = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (ga4_kinds));
      guint cat = (guint) (lead % G_N_ELEMENTS (categories));
      int price = g_rand_int_range (rand, 5, 400);

      if (ga4)
        fprintf (f, "{\"event_date\":\"20260101\",\"event_timestamp\":\"%" G_GINT64_FORMAT "\","
                 "\"event_name\":\"%s\",\"event_params\":[{\"key\":\"ga_session_id\","
                 "\"value\":{\"int_value\":\"%" G_GINT64_FORMAT "\"}},{\"key\":\"page_location\","
                 "\"value\":{\"string_value\":\"https://shop.example/p/%u\"}}],"
                 "\"user_pseudo_id\":\"%" G_GINT64_FORMAT ".17\",\"user_id\":null,"
                 "\"device\":{\"category\":\"mobile\"},\"geo\":{\"country\":\"Germany\"},"
                 "\"items\":[{\"item_id\":\"p%u-%d\",\"item_category\":\"%s\",\"price\":%d.5}]}\n",
                 t0 + k * step, ga4_kinds[kind], lead * 7, cat, lead, cat, price % 40,
                 categories[cat], price);
      else
        {
          g_autofree char *iso = li_time_format ((t0 + k * step) / 1000);

          fprintf (f, "{\"type\":\"track\",\"event\":\"%s\",\"anonymousId\":\"a%06" G_GINT64_FORMAT "\","
                   "\"timestamp\":\"%s\",\"context\":{\"ip\":\"10.0.0.1\",\"library\":"
                   "{\"name\":\"analytics.js\"}},\"properties\":{\"product_id\":\"p%u-%d\","
                   "\"category\":\"%s\",\"price\":%d.5}}\n",
                   segment_kinds[kind], lead, iso, cat, price % 40, categories[cat], price);
        }
    }
  g_assert_cmpint (fclose (f), ==, 0);
}

/* Writes and imports a JSON-lines export of @n_events; prints events/s. */
static gboolean
_bench_json (guint    n_events,
             gboolean ga4)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), ga4 ? "li-bench-ga4.jsonl"
                                                                   : "li-bench-segment.jsonl", NULL);
  LiImportOptions options = { LI_FORMAT_AUTO, FALSE };
  const char *paths[2] = { path, NULL };
  g_autoptr(LiEventStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  double secs;

  _bench_write_json (path, n_events, ga4);
  g_stat (path, &st);
  secs = _bench_now ();
  store = li_import_event_paths (paths, &options, NULL, NULL, NULL, NULL, &error);
  secs = _bench_now () - secs;
  g_unlink (path);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  g_print ("import %s: %.3f s, %.2f M events/s, %.1f MB/s (%.0f bytes a line)\n",
           ga4 ? "ga4" : "segment", secs, store->n_events / secs / 1e6, st.st_size / secs / 1e6,
           (double) st.st_size / store->n_events);
  return TRUE;
}

static double
_bench_clock (clockid_t id)
{
  struct timespec ts;
  clock_gettime (id, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this thread: the figures stay honest on a busy machine. */
static double
_bench_now (void)
{
  return _bench_clock (CLOCK_THREAD_CPUTIME_ID);
}

static double
_bench_process_cpu (void)
{
  return _bench_clock (CLOCK_PROCESS_CPUTIME_ID);
}

static gsize
_bench_rss (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%lu %lu", &size, &resident);
  return (gsize) resident * sysconf (_SC_PAGESIZE);
}

/* Peak resident memory of the process since the last _bench_peak_reset. */
static gsize
_bench_peak (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (hwm = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return (gsize) g_ascii_strtoull (hwm + 6 + strspn (hwm + 6, " \t"), NULL, 10) * 1024;
}

static void
_bench_peak_reset (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  /* "5" resets the peak to the current resident size (Linux 4.0). */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static double
_bench_wall (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Imports @path; prints events/s (thread CPU and wall time) and the peak
 * resident bytes per event of the whole process during the import. */
static LiEventStore *
_bench_import (const char *path,
               const char *label)
{
  LiImportOptions options = { LI_FORMAT_AUTO, FALSE };
  const char *paths[2] = { path, NULL };
  g_autoptr(GError) error = NULL;
  LiEventStore *store;
  GStatBuf st;
  gsize rss_before, peak;
  double cpu, wall;

  g_stat (path, &st);
  _bench_peak_reset ();
  rss_before = _bench_rss ();
  cpu = _bench_now ();
  wall = _bench_wall ();
  store = li_import_event_paths (paths, &options, NULL, NULL, NULL, NULL, &error);
  cpu = _bench_now () - cpu;
  wall = _bench_wall () - wall;
  peak = _bench_peak ();
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  g_print ("import %s: %.3f s wall (%.3f s CPU of the calling thread), %.2f M events/s, "
           "%.1f MB/s (%u events, %u leads; a plain CSV file of 16 MB or more is read on "
           "2 threads)\n",
           label, wall, cpu, store->n_events / wall / 1e6, st.st_size / wall / 1e6,
           store->n_events, store->n_leads);
  g_print ("memory %s: peak %.1f bytes per event including the process (%.1f above the "
           "%.1f MB before), %.1f in the store's arrays and pools\n",
           label, (double) peak / MAX (store->n_events, 1),
           (double) (peak - MIN (peak, rss_before)) / MAX (store->n_events, 1), rss_before / 1e6,
           (double) li_event_store_bytes (store) / MAX (store->n_events, 1));
  return store;
}

/* Best of @rounds replays of @plan on @threads threads: CPU time of the
 * process on one (the replay runs its chunk on a thread of its own, so the
 * calling thread's clock would not see it), wall time on more. */
static double
_bench_replay (const LiPlan *plan,
               const char   *label,
               guint         threads,
               guint         rounds)
{
  LiReplayOptions options = { .threads = threads };
  LiEventStore *store = li_plan_get_store (plan);
  double (*now) (void) = threads == 1 ? _bench_process_cpu : _bench_wall;
  double best = G_MAXDOUBLE;
  guint64 scored = 0;

  for (guint r = 0; r < rounds; r++)
    {
      double start = now ();
      g_autoptr(LiReplayResult) result = li_replay_run (plan, &options, NULL, NULL, NULL, NULL);
      best = MIN (best, now () - start);
      scored = result->n_events;
    }
  g_print ("replay (%s), %u thread%s: %.3f s, %.2f M events/s%s (%" G_GUINT64_FORMAT
           " journey events scored)\n",
           label, threads, threads == 1 ? "" : "s", best, store->n_events / best / 1e6,
           threads == 1 ? "" : " wall", scored);
  return best;
}

/* Wall time of compiling @edited and rerunning it from @last (a replay of
 * @rules with @options). */
static double
_bench_rerun (LiEventStore          *store,
              LiLeadTable           *leads,
              const LiRules         *rules,
              const LiRules         *edited,
              const LiReplayResult  *last,
              const LiReplayOptions *options)
{
  double start = _bench_wall ();
  g_autoptr(LiPlan) plan = li_plan_new (edited, store, leads);
  g_autoptr(LiReplayResult) result = li_replay_rerun (plan, options, rules, last, NULL, NULL);

  return _bench_wall () - start;
}

static void
_bench_print_reruns (GArray     *times,
                     const char *what,
                     double      full)
{
  double median;

  if (times->len == 0)
    return;
  median = li_metric_median (times);  /* sorts them */
  g_print ("replay after an edit of one %s's points (compile + li_replay_rerun, 2 threads, "
           "with the explorer's facts): median %.1f ms, %.1f to %.1f ms over %u; "
           "a full replay so: %.1f ms\n",
           what, median * 1e3, g_array_index (times, double, 0) * 1e3,
           g_array_index (times, double, times->len - 1) * 1e3, times->len, full * 1e3);
}

/* The window's replay after an edit: each intent rule's and each pattern's
 * points changed in turn, then the rules compiled and li_replay_rerun from
 * the last replay on two threads with the explorer's facts.  Median and
 * range of wall times. */
static void
_bench_reruns (LiEventStore  *store,
               const LiRules *rules,
               LiLeadTable   *leads)
{
  LiReplayOptions options = { .threads = 2, .keep_lead_facts = TRUE };
  g_autoptr(LiPlan) base_plan = li_plan_new (rules, store, leads);
  g_autoptr(LiReplayResult) last = li_replay_run (base_plan, &options, NULL, NULL, NULL, NULL);
  g_autoptr(GArray) intent = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) patterns = g_array_new (FALSE, FALSE, sizeof (double));
  double full_start, full;

  full_start = _bench_wall ();
  {
    g_autoptr(LiPlan) plan = li_plan_new (rules, store, leads);
    g_autoptr(LiReplayResult) again = li_replay_run (plan, &options, NULL, NULL, NULL, NULL);
  }
  full = _bench_wall () - full_start;
  for (guint k = 0; k < rules->n_intent + rules->n_patterns; k++)
    {
      g_autoptr(LiRules) edited = li_rules_copy (rules);
      gboolean is_intent = k < rules->n_intent;
      double t;

      if (is_intent)
        edited->intent[k].points += 1;
      else
        edited->patterns[k - rules->n_intent].points += 1;
      t = _bench_rerun (store, leads, rules, edited, last, &options);
      g_array_append_val (is_intent ? intent : patterns, t);
    }
  _bench_print_reruns (intent, "intent rule", full);
  _bench_print_reruns (patterns, "pattern", full);
}

static void
_bench_replays (LiEventStore  *store,
                const LiRules *rules,
                LiLeadTable   *leads)
{
  for (guint patterns = 0; patterns <= (rules == NULL); patterns++)
    {
      g_autoptr(LiRules) own = rules == NULL ? _bench_rules (patterns) : NULL;
      g_autoptr(LiPlan) plan = li_plan_new (rules ? rules : own, store, leads);
      const char *label = rules ? "the given rules" : patterns ? "intent + fit + 4 patterns"
                                                               : "intent + fit";

      _bench_replay (plan, label, 1, 3);
      _bench_replay (plan, label, 2, 3);
    }
  if (rules != NULL)
    _bench_reruns (store, rules, leads);
}

/* li-bench --export @path --label @label in a child process. */
static gboolean
_bench_spawn (const char *self,
              const char *path,
              const char *label)
{
  const char *args[] = { self, "--export", path, "--label", label, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* --export: the given file, rules and leads. */
static int
_bench_export (const char *path,
               const char *label,
               const char *rules_path,
               const char *leads_path)
{
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiLeadTable) leads = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (rules_path != NULL && (rules = li_rules_from_file (rules_path, NULL, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (leads_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (leads_path);

      if ((leads = li_import_leads (file, NULL, &error)) == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  if ((store = _bench_import (path, label != NULL ? label : "export")) == NULL)
    return 1;
  _bench_replays (store, rules, leads);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int n_events = 2000000;
  g_autofree char *keep = NULL;
  g_autofree char *export = NULL;
  g_autofree char *rules = NULL;
  g_autofree char *leads = NULL;
  g_autofree char *label = NULL;
  GOptionEntry entries[] = {
    { "events", 'n', 0, G_OPTION_ARG_INT, &n_events, "Synthetic events (default 2 000 000)", "N" },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &keep, "Write the time-ordered export here and keep it", "FILE.csv" },
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &export, "Measure this export instead", "FILE.csv" },
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules, "With --export: replay these rules", "RULES.json" },
    { "leads", 'l', 0, G_OPTION_ARG_FILENAME, &leads, "With --export: the leads file", "LEADS.csv" },
    { "label", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &label, "With --export: its name in the output", "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— import and replay benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shuffled = NULL;
  GStatBuf st;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_events <= 0)
    {
      g_printerr ("%s\n", error ? error->message : "--events must be positive");
      return 2;
    }
  if (export != NULL)
    return _bench_export (export, label, rules, leads);

  path = keep ? g_strdup (keep) : g_build_filename (g_get_tmp_dir (), "li-bench-events.csv", NULL);
  shuffled = g_build_filename (g_get_tmp_dir (), "li-bench-shuffled.csv", NULL);
  start = g_get_monotonic_time ();
  _bench_write (path, n_events, FALSE);
  _bench_write (shuffled, n_events, TRUE);
  g_stat (path, &st);
  g_print ("wrote %d events (%.1f MB of canonical CSV) in time order and shuffled in %.2f s: %s, %s\n",
           n_events, st.st_size / 1e6, (g_get_monotonic_time () - start) / 1e6, path, shuffled);

  /* Each export in a process of its own, so that its peak memory is that of
   * a fresh process importing it, as lead-intent-cli does. */
  if (!_bench_spawn (argv[0], shuffled, "shuffled") || !_bench_spawn (argv[0], path, "time-ordered"))
    return 1;
  g_unlink (shuffled);
  if (!_bench_json ((guint) n_events, TRUE) || !_bench_json ((guint) n_events, FALSE))
    return 1;

  if (keep == NULL)
    g_unlink (path);
  return 0;
}
