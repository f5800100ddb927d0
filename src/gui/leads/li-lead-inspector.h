/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-plan.h"

G_BEGIN_DECLS

#define LI_TYPE_LEAD_INSPECTOR (li_lead_inspector_get_type ())
G_DECLARE_FINAL_TYPE (LiLeadInspector, li_lead_inspector, LI, LEAD_INSPECTOR, AdwBin)

/* One lead's score taken apart (li_explain_lead): the intent rules and
 * patterns with their contribution, raw points and count; the fit rules
 * with the values used; the events in order with the points each added. */
GtkWidget  *li_lead_inspector_new          (void);
/* @plan from li_plan_new_explained; explains @lead_id as of @as_of_ms.
 * FALSE (and the reason shown) when the lead cannot be explained. */
gboolean    li_lead_inspector_show_lead    (LiLeadInspector *self,
                                            const LiPlan    *plan,
                                            const char      *lead_id,
                                            gint64           as_of_ms);
/* Back to "Select a lead". */
void        li_lead_inspector_clear        (LiLeadInspector *self);

/* For tests: the lead shown (NULL when none), the summary line, the rows
 * of each table (intent rules and patterns, fit rules, events shown). */
const char *li_lead_inspector_get_lead_id  (LiLeadInspector *self);
const char *li_lead_inspector_get_summary  (LiLeadInspector *self);
guint       li_lead_inspector_get_n_rules  (LiLeadInspector *self);
guint       li_lead_inspector_get_n_fit    (LiLeadInspector *self);
guint       li_lead_inspector_get_n_events (LiLeadInspector *self);
/* The LiScoreChart of the lead's score over time. */
GtkWidget  *li_lead_inspector_get_score_chart (LiLeadInspector *self);
/* The edits listed under "What Would Change Its Stage", one a line. */
const char *li_lead_inspector_get_what_if (LiLeadInspector *self);

G_END_DECLS
