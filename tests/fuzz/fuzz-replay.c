/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scorer under hostile rules: a rule file, events and optionally a
 * leads file in one input ("RULES\n%%\nEVENTS[\n%%\nLEADS]"), then a replay
 * (SPEC 5) and as-of scores (SPEC 4) at the first, a middle and the last
 * event time and a day after.  Inputs whose rules or events do not load are
 * left to the other targets.  Oracles in li-fuzz-replay.h. */

#define LI_FUZZ_UTF8_ORACLE "rules-utf8"

#include "li-fuzz-replay.h"
#include "li-plan.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  li_fuzz_init (argc, argv);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *parts[3];
  gsize lens[3];
  guint n = li_fuzz_split (data, size, parts, lens, 3);
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_autoptr(LiLeadTable) leads = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(LiReplayResult) result = NULL;
  g_autoptr(GError) error = NULL;
  LiReplayOptions options;

  if (n < 2 || (rules = li_fuzz_rules (parts[0], lens[0])) == NULL ||
      (store = li_fuzz_events (0, parts[1], lens[1])) == NULL)
    return 0;
  if (n == 3)
    leads = li_fuzz_leads (1, parts[2], lens[2]);

  plan = li_plan_new (rules, store, leads);
  li_fuzz_replay_options (&options, store, li_fuzz_hash (data, size));
  result = li_replay_run (plan, &options, NULL, NULL, NULL, &error);
  LI_FUZZ_CHECK ("replay-metrics", result != NULL, "li_replay_run failed: %s",
                 error ? error->message : "");
  if (result != NULL)
    li_fuzz_check_replay (plan, &options, result);

  if (store->n_events > 0)
    {
      li_fuzz_check_score (plan, store->min_time_ms);
      li_fuzz_check_score (plan, store->time_ms[store->n_events / 2]);
      li_fuzz_check_score (plan, store->max_time_ms);
      li_fuzz_check_score (plan, store->max_time_ms + 86400000);
    }
  return 0;
}
