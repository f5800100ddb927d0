/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-event-store.h"
#include "li-import.h"
#include "li-plan.h"
#include "li-rule-diagnostics.h"

G_BEGIN_DECLS

/* A ratio or metric that is null (SPEC 5: denominator 0) is NAN. */
typedef struct
{
  char   *name;
  guint   flagged;
  guint   true_positives;
  guint   false_positives;
  guint   false_negatives;
  double  precision;
  double  recall;
  double  lift;
  guint   peak_count;
  double  median_hours_to_outcome;
} LiStageMetrics;

typedef struct
{
  double from;
  double to;
  guint  converted;
  guint  not_converted;
} LiHistogramBin;

/* Per lead of the replay, in store lead order. */
typedef struct
{
  guint32 lead;        /* lead index in the store */
  guint16 peak_stage;
  gboolean converted;
  double  peak_score;
} LiLeadOutcome;

/* What the leads explorer shows of a lead of the replay beyond its outcome
 * (LiReplayOptions.keep_lead_facts). */
typedef struct
{
  gint64  last_ms;     /* the last journey event */
  gint64  outcome_ms;  /* the first outcome event when converted, else 0 */
  guint32 n_events;    /* journey events */
  guint64 patterns_fired; /* bit p: the rules' pattern p (< 64) fired in the journey */
} LiLeadFacts;

/* A flag time of a stage the lead never reached. */
#define LI_REPLAY_NOT_FLAGGED G_MININT64

typedef struct _LiReplayResult
{
  gint            ref_count;
  guint           leads;
  guint           skipped_leads;
  guint           converters;
  double          base_rate;
  double          auc;
  LiStageMetrics *stages;
  guint           n_stages;
  LiHistogramBin *bins;     /* NULL when there are no leads */
  guint           n_bins;
  double          bin_width;
  double          min_peak, max_peak;
  LiLeadOutcome  *per_lead; /* `leads` entries */
  guint64         n_events; /* journey events scored */
  /* With keep_lead_facts, else NULL: `leads` entries parallel to per_lead,
   * and per lead n_stages flag times (SPEC 5's flag_time_S, or
   * LI_REPLAY_NOT_FLAGGED): flag_ms[k * n_stages + s]. */
  LiLeadFacts    *facts;
  gint64         *flag_ms;
  /* With LiReplayOptions.rule_diagnostics, else NULL. */
  LiRuleDiagnostics *diagnostics;
} LiReplayResult;

typedef struct _LiReplayOptions
{
  gboolean has_from, has_to;
  gint64   from_ms, to_ms;  /* inclusive bounds of the loaded time range */
  guint    bins;            /* 40 when 0 */
  guint    threads;         /* 0: one per core on large imports */
  gboolean keep_lead_facts; /* fill facts and flag_ms (the leads explorer) */
  gboolean rule_diagnostics; /* fill diagnostics: a second, slower pass */
} LiReplayOptions;

LiReplayResult *li_replay_run (const LiPlan          *plan,
                               const LiReplayOptions *options,
                               LiProgressFunc         progress,
                               gpointer               progress_data,
                               GCancellable          *cancellable,
                               GError               **error);
/* li_replay_run's result for @plan, the leads that the change from
 * @last_rules cannot affect taken over from @last: a replay of @last_rules
 * on the same store with the same options.  With keep_lead_facts, when
 * only intent rules changed (leads without events of their names are
 * kept), only stages' min_score (leads whose peak stays below the changed
 * thresholds), or only what patterns add when they fire (leads in which
 * none of those fired); otherwise a full replay. */
LiReplayResult *li_replay_rerun (const LiPlan          *plan,
                                 const LiReplayOptions *options,
                                 const LiRules         *last_rules,
                                 const LiReplayResult  *last,
                                 GCancellable          *cancellable,
                                 GError               **error);
/* The events [*begin, *end) of @lead that @options' time range loads; the
 * journey is their prefix before the first outcome. */
void            li_replay_lead_range (const LiEventStore    *store,
                                      const LiReplayOptions *options,
                                      guint32                lead,
                                      guint32               *begin,
                                      guint32               *end);
/* The threads a replay of @store uses (options->threads, else one per core
 * on large imports). */
guint           li_replay_n_threads  (const LiEventStore    *store,
                                      const LiReplayOptions *options);
LiReplayResult *li_replay_result_ref   (LiReplayResult *result);
void            li_replay_result_unref (LiReplayResult *result);
GType           li_replay_result_get_type (void) G_GNUC_CONST;
#define LI_TYPE_REPLAY_RESULT (li_replay_result_get_type ())

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiReplayResult, li_replay_result_unref)

/* Of per_lead[@k] in a result with facts: the first journey time at
 * @stage or hotter (LI_REPLAY_NOT_FLAGGED when never), and the hours from
 * it to the first outcome (NAN when not flagged or not converted). */
gint64          li_replay_result_flag_ms          (const LiReplayResult *result,
                                                   guint                 k,
                                                   guint                 stage);
double          li_replay_result_hours_to_outcome (const LiReplayResult *result,
                                                   guint                 k,
                                                   guint                 stage);

/* SPEC 5 replay object (keys in SPEC order). */
JsonNode *li_replay_result_to_json  (const LiReplayResult *result);
/* The readable table of `lead-intent-cli replay`. */
char     *li_replay_result_to_text  (const LiReplayResult *result);
/* `lead_id,peak_score,peak_stage,converted`, sorted by lead id (bytes). */
char     *li_replay_result_leads_csv (const LiReplayResult *result,
                                      const LiPlan         *plan);

G_END_DECLS
