/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-event-store.h"
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
/* The same scores with one accumulator per intent rule and pattern, so that
 * each one's part can be read on its own (li-explain.h).  Scoring with it
 * gives the same numbers; plans for replays use li_plan_new, which sums the
 * uncapped rules of one decay together. */
LiPlan   *li_plan_new_explained (const LiRules *rules,
                                 LiEventStore  *store,
                                 LiLeadTable   *leads);
gboolean  li_plan_is_explained  (const LiPlan  *plan);
void      li_plan_free  (LiPlan        *plan);
const LiRules *li_plan_get_rules (const LiPlan *plan);
LiEventStore  *li_plan_get_store  (const LiPlan *plan);
LiLeadTable   *li_plan_get_leads  (const LiPlan *plan);  /* NULL without a leads file */
guint          li_plan_n_stages   (const LiPlan *plan);
const char    *li_plan_stage_name (const LiPlan *plan,
                                   guint         stage);
/* The outcome window of the rules, in milliseconds. */
double         li_plan_window_ms  (const LiPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiPlan, li_plan_free)

G_END_DECLS
