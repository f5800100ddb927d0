/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-event-store.h"
#include "li-import.h"
#include "li-lead-table.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* Rules compiled against one store (and optional leads file): names and
 * values resolved to ids, rules grouped into decay accumulators.  A plan is
 * immutable; several plans (rule versions) can share one store. */
typedef struct _LiPlan LiPlan;

LiPlan   *li_plan_new   (const LiRules *rules,
                         LiEventStore  *store,
                         LiLeadTable   *leads);
void      li_plan_free  (LiPlan        *plan);
const LiRules *li_plan_get_rules (const LiPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiPlan, li_plan_free)

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
} LiReplayResult;

typedef struct
{
  gboolean has_from, has_to;
  gint64   from_ms, to_ms;  /* inclusive bounds of the loaded time range */
  guint    bins;            /* 40 when 0 */
  guint    threads;         /* 0: one per core on large imports */
} LiReplayOptions;

LiReplayResult *li_replay_run (const LiPlan          *plan,
                               const LiReplayOptions *options,
                               LiProgressFunc         progress,
                               gpointer               progress_data,
                               GCancellable          *cancellable,
                               GError               **error);
LiReplayResult *li_replay_result_ref   (LiReplayResult *result);
void            li_replay_result_unref (LiReplayResult *result);
GType           li_replay_result_get_type (void) G_GNUC_CONST;
#define LI_TYPE_REPLAY_RESULT (li_replay_result_get_type ())

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiReplayResult, li_replay_result_unref)

/* SPEC 5 replay object (keys in SPEC order). */
JsonNode *li_replay_result_to_json  (const LiReplayResult *result);
/* The readable table of `lead-intent-cli replay`. */
char     *li_replay_result_to_text  (const LiReplayResult *result);
/* `lead_id,peak_score,peak_stage,converted`, sorted by lead id (bytes). */
char     *li_replay_result_leads_csv (const LiReplayResult *result,
                                      const LiPlan         *plan);

/* One lead's score at a time (SPEC 4). */
typedef struct
{
  guint32 lead;
  guint16 stage;
  double  score;
  double  intent;
  double  fit;
} LiScoreRow;

/* Every lead with an event at or before @as_of_ms, sorted as SPEC 7 says
 * (score as printed with 6 decimals descending, then lead id bytes). */
GArray   *li_score_as_of   (const LiPlan  *plan,
                            gint64         as_of_ms,
                            GCancellable  *cancellable,
                            GError       **error);
/* The CSV of `lead-intent-cli score`. */
char     *li_score_rows_csv (const LiPlan *plan,
                             GArray       *rows);

/* Appends @field to @out, quoted the way RFC 4180 writers do (only when it
 * holds a comma, a quote or a line break). */
void      li_csv_append_field (GString    *out,
                               const char *field);

G_END_DECLS
