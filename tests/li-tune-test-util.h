/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The hand-computed history of the tuning tests (test-replay.c's journeys):
 * with add_to_cart at P points and product_view at 1, the peaks are
 * a 2 + P (converted 3 h after add_to_cart), b 1 + P, c 1 (converted 48 h
 * after its only event), e 2; d has an empty journey. */
#pragma once

#include "li-json-writer.h"
#include "li-test-util.h"

static const TestEvent tune_history[] = {
  { "a", 0, "product_view", NULL },
  { "a", 1 * H, "product_view", NULL },
  { "a", 2 * H, "add_to_cart", NULL },
  { "a", 5 * H, "purchase", NULL },
  { "a", 6 * H, "add_to_cart", NULL },
  { "b", 0, "product_view", NULL },
  { "b", 1 * H, "add_to_cart", NULL },
  { "c", 0, "product_view", NULL },
  { "c", 48 * H, "purchase", NULL },
  { "d", 0, "purchase", NULL },
  { "d", 1 * H, "product_view", NULL },
  { "e", 0, "product_view", NULL },
  { "e", 0, "product_view", NULL },
};

static const char *const tune_rules G_GNUC_UNUSED =
  "{\"outcome\": {\"event\": \"purchase\", \"window_days\": 1},"
  "\"intent\": [{\"event\": \"add_to_cart\", \"points\": 10}, {\"event\": \"product_view\", \"points\": 1}],"
  "\"stages\": [{\"name\": \"hot\", \"min_score\": 10, \"follow_up_minutes\": 480},"
  " {\"name\": \"warm\", \"min_score\": 2}, {\"name\": \"cold\"}]}";

/* The replay object as text, to compare two replays key by key. */
static inline char *
tune_replay_json (const LiReplayResult *r)
{
  JsonNode *node = li_replay_result_to_json (r);
  char *text = li_json_to_string (node, FALSE);

  json_node_unref (node);
  return text;
}

static inline LiReplayResult *
tune_replay (const LiRules         *rules,
             LiEventStore          *store,
             const LiReplayOptions *options)
{
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  LiReplayResult *r = li_replay_run (plan, options, NULL, NULL, NULL, NULL);

  g_assert_nonnull (r);
  return r;
}
