/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers shared by the engine tests: stores and rules from literals. */
#pragma once

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "li-leads-file.h"
#include "li-scorer.h"
#include "li-replay.h"
#include "li-rules.h"
#include "li-rules-parse.h"
#include "li-problem.h"
#include "li-score.h"
#include "li-plan.h"

#define H (3600 * G_GINT64_CONSTANT (1000))
#define D (24 * H)

typedef struct
{
  const char *lead;
  gint64      t_ms;
  const char *event;
  const char *props;  /* "key=value;key=value" or NULL */
} TestEvent;

static inline LiEventStore *
test_store (const TestEvent *events,
            guint            n)
{
  LiEventStoreBuilder *b = li_event_store_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      const TestEvent *e = &events[i];
      g_assert_true (li_event_store_builder_add_event (b, e->lead, strlen (e->lead), e->t_ms,
                                                       e->event, strlen (e->event), NULL));
      if (e->props)
        {
          g_auto(GStrv) pairs = g_strsplit (e->props, ";", -1);
          for (guint p = 0; pairs[p]; p++)
            {
              const char *eq = strchr (pairs[p], '=');
              g_assert_nonnull (eq);
              g_assert_true (li_event_store_builder_add_prop (b, pairs[p], eq - pairs[p], eq + 1,
                                                              strlen (eq + 1), NULL));
            }
        }
    }
  return li_event_store_builder_finish (b);
}

/* Rules from JSON; fields not given get a catch-all stage list. */
static inline LiRules *
test_rules (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  LiRules *rules = li_rules_from_data (json, -1, problems, &error);

  for (guint i = 0; rules == NULL && i < problems->len; i++)
    {
      g_autofree char *line = li_problem_to_string (problems->pdata[i]);
      g_printerr ("%s\n", line);
    }
  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

/* Score of @lead as of @t (SPEC 4). */
static inline LiScore
test_score_at (const char      *json,
               const TestEvent *events,
               guint            n,
               const char      *lead,
               gint64           t)
{
  g_autoptr(LiRules) rules = test_rules (json);
  g_autoptr(LiEventStore) store = test_store (events, n);
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  g_autoptr(GArray) rows = li_score_as_of (plan, t, NULL, NULL);
  LiScore score = { NAN, NAN, NAN, G_MAXUINT16 };

  for (guint r = 0; r < rows->len; r++)
    {
      const LiScoreRow *row = &g_array_index (rows, LiScoreRow, r);
      if (g_str_equal (li_str_pool_get (store->leads, row->lead), lead))
        score = (LiScore) { row->score, row->intent, row->fit, row->stage };
    }
  return score;
}

#define STAGES_1 "\"stages\": [{\"name\": \"hot\", \"min_score\": 1e9}, {\"name\": \"cold\"}]"
