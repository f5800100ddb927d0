/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-lead-table.h"
#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* Suggested point values learned from outcomes inside the user's own
 * structure (docs/tuning.md): fitted on the events before the holdout time,
 * judged on the events from it on. */

/* Fewer converters in the training period than this: refuse. */
#define LI_SUGGEST_MIN_CONVERTERS 30
/* The share of the time range the holdout takes by default. */
#define LI_SUGGEST_HOLDOUT_SHARE 0.3

#define LI_SUGGEST_ERROR (li_suggest_error_quark ())
typedef enum
{
  LI_SUGGEST_ERROR_TOO_FEW,  /* too few converters to learn from */
  LI_SUGGEST_ERROR_RANGE,    /* the holdout time leaves no training or holdout events */
} LiSuggestError;

typedef struct
{
  char   *path;     /* "intent[1].points" */
  double  from, to;
  char   *reason;   /* "add_to_cart: 15 → 22, converters do it 3.1× as often" */
} LiSuggestChange;

typedef struct
{
  gint64          holdout_from_ms;
  LiRules        *rules;          /* the suggestion (the original on fallback) */
  gboolean        fell_back;      /* the learned values did not beat the original on the holdout */
  double          training_auc_original, training_auc_suggested;
  LiReplayResult *holdout_original;
  LiReplayResult *holdout_suggested;  /* of the learned values, also on fallback */
  LiSuggestChange *changes;       /* empty on fallback */
  guint           n_changes;
} LiSuggestion;

GQuark        li_suggest_error_quark (void);
/* The default holdout time: the last LI_SUGGEST_HOLDOUT_SHARE of the range. */
gint64        li_suggest_default_holdout (const LiEventStore *store);
/* Candidate values of a number @points: readable multiples (integers from
 * 10 on, else halves) of the same sign, not 0, without @points itself. */
guint         li_suggest_candidates  (double              points,
                                      double             *out,
                                      guint               n_out);
LiSuggestion *li_suggest_run         (const LiRules      *rules,
                                      LiEventStore       *store,
                                      LiLeadTable        *leads,
                                      gint64              holdout_from_ms,
                                      GCancellable       *cancellable,
                                      GError            **error);
void          li_suggestion_free     (LiSuggestion       *suggestion);
JsonNode     *li_suggestion_to_json  (const LiSuggestion *suggestion);
char         *li_suggestion_to_text  (const LiSuggestion *suggestion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiSuggestion, li_suggestion_free)

G_END_DECLS
