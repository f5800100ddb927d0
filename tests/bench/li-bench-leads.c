/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-bench-leads: what the leads explorer and the rule diagnostics cost on
 * a real-sized export.
 *
 *   li-bench-leads RULES EVENTS [LEADS]
 *
 * Replays with and without the explorer's facts and with the rule
 * diagnostics (one core), then times the explorer's filter changes and
 * sorts (li_lead_list_filter, li_lead_list_sort) over every lead.  Times
 * are CPU seconds of this thread, the best of three; the lines "on every
 * core" are wall-clock seconds of the window's replays (threads by size). */
#include "config.h"

#include <time.h>

#include "li-dataset.h"
#include "li-lead-list.h"
#include "li-replay.h"
#include "li-rules-parse.h"

#define ROUNDS 3

static double
_bench_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
_bench_wall (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
_bench_replay (const LiPlan          *plan,
               const LiReplayOptions *options,
               LiReplayResult       **keep)
{
  double (*now) (void) = options->threads == 1 ? _bench_now : _bench_wall;
  double best = G_MAXDOUBLE;

  for (guint r = 0; r < ROUNDS; r++)
    {
      double start = now ();
      LiReplayResult *result = li_replay_run (plan, options, NULL, NULL, NULL, NULL);
      best = MIN (best, now () - start);
      if (keep != NULL && r == ROUNDS - 1)
        *keep = result;
      else
        li_replay_result_unref (result);
    }
  return best;
}

static void
_bench_filter (const LiReplayResult *result,
               const LiPlan         *plan,
               LiLeadFilter          filter,
               const char           *search,
               const char           *what)
{
  double best = G_MAXDOUBLE;
  guint len = 0;

  for (guint r = 0; r < ROUNDS; r++)
    {
      double start = _bench_now ();
      g_autoptr(GArray) list = li_lead_list_filter (result, plan, filter, 0, search);
      best = MIN (best, _bench_now () - start);
      len = list->len;
    }
  g_print ("filter %-22s %7.1f ms (%u leads)\n", what, best * 1e3, len);
}

static void
_bench_sort (const LiReplayResult *result,
             const LiPlan         *plan,
             LiLeadColumn          column,
             gboolean              descending,
             const char           *what)
{
  double best = G_MAXDOUBLE;

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GArray) list = li_lead_list_filter (result, plan, LI_LEAD_FILTER_ALL, 0, NULL);
      double start = _bench_now ();
      li_lead_list_sort (result, plan, list, column, 0, descending);
      best = MIN (best, _bench_now () - start);
    }
  g_print ("sort by %-21s %7.1f ms\n", what, best * 1e3);
}

int
main (int   argc,
      char *argv[])
{
  const char *paths[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiPlan) plan = NULL;
  LiReplayResult *result = NULL;
  LiImportOptions import = { LI_FORMAT_AUTO, FALSE };

  if (argc < 3)
    {
      g_printerr ("usage: li-bench-leads RULES EVENTS [LEADS]\n");
      return 2;
    }
  paths[0] = argv[2];
  if ((rules = li_rules_from_file (argv[1], NULL, &error)) == NULL ||
      (dataset = li_dataset_load (paths, argc > 3 ? argv[3] : NULL, &import, NULL, NULL, NULL,
                                  &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  plan = li_plan_new (rules, li_dataset_get_store (dataset), li_dataset_get_leads (dataset));
  g_print ("%u events, %u leads\n", li_dataset_get_store (dataset)->n_events,
           li_dataset_get_store (dataset)->n_leads);
  g_print ("replay                        %7.1f ms\n",
           1e3 * _bench_replay (plan, &(LiReplayOptions) { .threads = 1 }, NULL));
  g_print ("replay with the leads' facts  %7.1f ms\n",
           1e3 * _bench_replay (plan, &(LiReplayOptions) { .threads = 1, .keep_lead_facts = TRUE }, &result));
  g_print ("replay with rule diagnostics  %7.1f ms\n",
           1e3 * _bench_replay (plan, &(LiReplayOptions) { .threads = 1, .rule_diagnostics = TRUE }, NULL));
  g_print ("the window's replay, every core: %.1f ms; with rule diagnostics: %.1f ms (wall clock)\n",
           1e3 * _bench_replay (plan, &(LiReplayOptions) { .keep_lead_facts = TRUE }, NULL),
           1e3 * _bench_replay (plan, &(LiReplayOptions) { .keep_lead_facts = TRUE, .rule_diagnostics = TRUE }, NULL));

  _bench_filter (result, plan, LI_LEAD_FILTER_ALL, NULL, "all");
  _bench_filter (result, plan, LI_LEAD_FILTER_FALSE_POSITIVES, NULL, "false positives");
  _bench_filter (result, plan, LI_LEAD_FILTER_CONVERTED, NULL, "converted");
  _bench_filter (result, plan, LI_LEAD_FILTER_ALL, "12", "search 12");
  _bench_sort (result, plan, LI_LEAD_COLUMN_PEAK_SCORE, TRUE, "peak score");
  _bench_sort (result, plan, LI_LEAD_COLUMN_LEAD_ID, FALSE, "lead id");
  _bench_sort (result, plan, LI_LEAD_COLUMN_FLAG_TIME, FALSE, "flag time");
  _bench_sort (result, plan, LI_LEAD_COLUMN_HOURS_TO_OUTCOME, FALSE, "hours to purchase");
  li_replay_result_unref (result);
  return 0;
}
