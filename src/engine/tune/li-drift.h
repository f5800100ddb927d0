/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-lead-table.h"
#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

typedef enum
{
  LI_DRIFT_WEEK,   /* ISO weeks, Monday 00:00 UTC */
  LI_DRIFT_MONTH,  /* calendar months, UTC */
  LI_DRIFT_DAY,    /* days, 00:00 UTC: exports of a few days */
  LI_DRIFT_HOUR,   /* hours, UTC: exports of a few hours (the sample) */
} LiDriftPeriodKind;

typedef struct
{
  gint64          from_ms;      /* first millisecond of the period */
  gint64          to_ms;        /* its last millisecond (inclusive, as --to) */
  LiReplayResult *replay;       /* replay --from from_ms --to to_ms */
  double         *firing_rate;  /* per rule (intent, then patterns): share of the
                                 * period's leads whose journey it scored on; NaN
                                 * without leads */
  double          psi;          /* peak scores against the first period */
} LiDriftPeriod;

typedef struct
{
  LiDriftPeriodKind kind;
  GStrv             rule_names;  /* "intent[0] add_to_cart", "patterns[1] name" */
  guint             n_rules;
  LiDriftPeriod    *periods;
  guint             n_periods;
} LiDrift;

/* The first millisecond of the period holding @time_ms, and of the next. */
gint64    li_drift_period_start (LiDriftPeriodKind kind,
                                 gint64            time_ms);
gint64    li_drift_period_next  (LiDriftPeriodKind kind,
                                 gint64            start_ms);
gboolean  li_drift_period_kind_from_string (const char        *str,
                                            LiDriftPeriodKind *kind);
const char *li_drift_period_kind_to_string (LiDriftPeriodKind  kind);

/* Every period from the first to the last event of @store, optionally
 * within [@options->from_ms, @options->to_ms]. */
LiDrift  *li_drift_run          (const LiRules         *rules,
                                 LiEventStore          *store,
                                 LiLeadTable           *leads,
                                 LiDriftPeriodKind      kind,
                                 const LiReplayOptions *options,
                                 GCancellable          *cancellable,
                                 GError               **error);
void      li_drift_free         (LiDrift               *drift);
/* {"period", "rules": [...], "periods": [{"from", "to", "replay", "firing_rates",
 * "psi"}]} (docs/tuning.md). */
JsonNode *li_drift_to_json      (const LiDrift         *drift);
char     *li_drift_to_text      (const LiDrift         *drift);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiDrift, li_drift_free)

G_END_DECLS
