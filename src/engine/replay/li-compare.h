/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-replay.h"
#include "li-rules-diff.h"
#include "li-plan.h"

G_BEGIN_DECLS

/* SPEC 6: two rule sets replayed on the same events. */
typedef struct
{
  LiReplayResult *a;
  LiReplayResult *b;
  GStrv           rows;     /* A's stage names */
  GStrv           columns;  /* B's stage names */
  guint          *counts;   /* rows × columns: leads by peak stage under A and B */
  GPtrArray      *changes;  /* LiRuleChange* */
} LiComparison;

/* Runs both replays (the caller may run them in parallel and use
 * li_comparison_new instead). */
LiComparison *li_compare_run      (const LiPlan          *a,
                                   const LiPlan          *b,
                                   const LiReplayOptions *options,
                                   GCancellable          *cancellable,
                                   GError               **error);
LiComparison *li_comparison_new   (const LiPlan   *a,
                                   LiReplayResult *result_a,
                                   const LiPlan   *b,
                                   LiReplayResult *result_b);
void          li_comparison_free  (LiComparison   *comparison);
guint         li_comparison_count (const LiComparison *comparison,
                                   guint               row,
                                   guint               column);
/* Leads (store lead indices) whose peak stage is @row under A and @column
 * under B, with their peak scores. */
GArray       *li_comparison_leads (const LiComparison *comparison,
                                   guint               row,
                                   guint               column);
JsonNode     *li_comparison_to_json (const LiComparison *comparison);
char         *li_comparison_to_text (const LiComparison *comparison);

typedef struct
{
  guint32 lead;
  double  peak_a;
  double  peak_b;
} LiMigratedLead;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiComparison, li_comparison_free)

G_END_DECLS
