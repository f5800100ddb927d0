/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two rule sets on the same events (SPEC 6): "RULES_A\n%%\nRULES_B\n%%\n
 * EVENTS", replayed with li_compare_run; the migration matrix, its leads and
 * the comparison's JSON and text.
 *
 * Oracles: those of li-fuzz-replay.h for each replay, and "compare": the
 * matrix has A's stages as rows and B's as columns, each cell counts the
 * leads li_comparison_leads lists, and the cells add up to the leads that
 * both replays hold. */

#define LI_FUZZ_UTF8_ORACLE "rules-utf8"

#include "li-fuzz-replay.h"

#include "li-compare.h"

static guint
_shared_leads (const LiReplayResult *a,
               const LiReplayResult *b)
{
  guint ia = 0, ib = 0, n = 0;

  while (ia < a->leads && ib < b->leads)
    {
      if (a->per_lead[ia].lead < b->per_lead[ib].lead)
        ia++;
      else if (b->per_lead[ib].lead < a->per_lead[ia].lead)
        ib++;
      else
        n++, ia++, ib++;
    }
  return n;
}

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
  g_autoptr(LiRules) rules_a = NULL;
  g_autoptr(LiRules) rules_b = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_autoptr(LiPlan) plan_a = NULL;
  g_autoptr(LiPlan) plan_b = NULL;
  g_autoptr(LiComparison) c = NULL;
  g_autoptr(GError) error = NULL;
  LiReplayOptions options;
  guint rows, columns, sum = 0;

  if (n < 3 || (rules_a = li_fuzz_rules (parts[0], lens[0])) == NULL ||
      (rules_b = li_fuzz_rules (parts[1], lens[1])) == NULL ||
      (store = li_fuzz_events (0, parts[2], lens[2])) == NULL)
    return 0;

  plan_a = li_plan_new (rules_a, store, NULL);
  plan_b = li_plan_new (rules_b, store, NULL);
  li_fuzz_replay_options (&options, store, li_fuzz_hash (data, size));
  c = li_compare_run (plan_a, plan_b, &options, NULL, &error);
  LI_FUZZ_CHECK ("compare", c != NULL, "li_compare_run failed: %s", error ? error->message : "");
  if (c == NULL)
    return 0;

  li_fuzz_check_replay (plan_a, &options, c->a);
  li_fuzz_check_replay (plan_b, &options, c->b);

  rows = g_strv_length (c->rows);
  columns = g_strv_length (c->columns);
  LI_FUZZ_CHECK ("compare", rows == li_plan_n_stages (plan_a) &&
                            columns == li_plan_n_stages (plan_b),
                 "a %u x %u matrix for %u and %u stages", rows, columns,
                 li_plan_n_stages (plan_a), li_plan_n_stages (plan_b));
  for (guint row = 0; row < rows; row++)
    for (guint column = 0; column < columns; column++)
      {
        guint count = c->counts[(gsize) row * columns + column];
        g_autoptr(GArray) leads = NULL;

        sum += count;
        /* The accessors walk all leads (and columns): sample the cells. */
        if ((guint64) rows * columns > 64 && (row * 31 + column) % 61 != 0)
          continue;
        leads = li_comparison_leads (c, row, column);
        LI_FUZZ_CHECK ("compare", li_comparison_count (c, row, column) == count &&
                                  leads->len == count,
                       "cell %u, %u: %u leads listed, %u counted", row, column, leads->len,
                       count);
      }
  LI_FUZZ_CHECK ("compare", sum == _shared_leads (c->a, c->b),
                 "the matrix holds %u leads, %u are in both replays", sum,
                 _shared_leads (c->a, c->b));
  for (guint i = 0; i < c->changes->len; i++)
    {
      g_autofree char *change = li_rule_change_to_string (c->changes->pdata[i]);

      LI_FUZZ_CHECK_UTF8 (change);
    }

  li_fuzz_check_json (li_comparison_to_json (c), "comparison");
  {
    g_autofree char *text = li_comparison_to_text (c);

    LI_FUZZ_CHECK_UTF8 (text);
  }
  return 0;
}
