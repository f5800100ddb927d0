/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "li-explain.h"
#include "li-plan.h"

G_BEGIN_DECLS

typedef struct _LiReplayResult LiReplayResult;
typedef struct _LiReplayOptions LiReplayOptions;

/* How each intent rule and pattern worked in a replay (docs/decisions.md,
 * "Rule diagnostics"): the journeys (SPEC 5) it added points in, among
 * converters and non-converters, and its share of the flagged leads'
 * points: over the leads that reached a stage other than the catch-all,
 * its contribution at the first journey event that did, summed, divided
 * by the sum of those leads' scores at that event. */
typedef struct
{
  LiExplainSection section;         /* intent or patterns */
  guint            index;           /* in its section of the rule file */
  char            *name;            /* event or pattern name */
  gboolean         enabled;         /* FALSE: a disabled pattern */
  guint            converters_fired;
  guint            others_fired;    /* non-converters' journeys */
  double           flagged_points;  /* Σ contribution at the flag moments */
  double           share;           /* of flagged_total; NAN when it is 0 */
} LiRuleDiagnostic;

typedef struct
{
  guint             converters;     /* journeys of the replay, as its numbers */
  guint             others;
  guint             flagged;        /* leads flagged above the catch-all */
  double            flagged_total;  /* Σ their scores at the flag moments */
  double            fit_points;     /* the fit part of it */
  double            fit_share;
  LiRuleDiagnostic *rules;          /* intent rules, then patterns */
  guint             n_rules;
} LiRuleDiagnostics;

/* One pass over the journeys of @result (a replay of @plan with @options),
 * scored again with an explained plan.  NULL when cancelled. */
LiRuleDiagnostics *li_rule_diagnostics_compute (const LiPlan          *plan,
                                                const LiReplayResult  *result,
                                                const LiReplayOptions *options,
                                                GCancellable          *cancellable,
                                                GError               **error);
void               li_rule_diagnostics_free    (LiRuleDiagnostics     *diagnostics);
/* An enabled rule or pattern that added points in no journey. */
gboolean           li_rule_diagnostic_never_fires (const LiRuleDiagnostic *rule);
/* The `rules` array of `replay --diagnostics --json`. */
JsonNode          *li_rule_diagnostics_to_json (const LiRuleDiagnostics *diagnostics);
/* The readable table of `replay --diagnostics`. */
char              *li_rule_diagnostics_to_text (const LiRuleDiagnostics *diagnostics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiRuleDiagnostics, li_rule_diagnostics_free)

G_END_DECLS
