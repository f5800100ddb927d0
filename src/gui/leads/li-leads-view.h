/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-lead-inspector.h"
#include "li-lead-model.h"
#include "li-project.h"

G_BEGIN_DECLS

#define LI_TYPE_LEADS_VIEW (li_leads_view_get_type ())
G_DECLARE_FINAL_TYPE (LiLeadsView, li_leads_view, LI, LEADS_VIEW, AdwBin)

/* The leads explorer: every lead of the draft's replay in a GtkColumnView
 * (lead id, peak score, peak stage, converted, flag time and hours to the
 * purchase at the chosen stage, events, last event), sorted by the engine
 * on a header click, with a search entry, quick filters (false positives
 * or negatives at a stage, converted, peak stage) and the lead inspector
 * of the selected lead.  It follows a LiProject's replays; while it is not
 * shown a new replay is only noted and applied when it is mapped. */
GtkWidget       *li_leads_view_new            (void);
void             li_leads_view_set_project    (LiLeadsView    *self,
                                               LiProject      *project);
/* Shows @result (with facts) of @rules on @dataset; NULL: empty. */
void             li_leads_view_set_result     (LiLeadsView    *self,
                                               LiReplayResult *result,
                                               const LiRules  *rules,
                                               LiDataset      *dataset);
/* The quick filter and its stage, as the dropdowns choose them. */
void             li_leads_view_show_filter    (LiLeadsView    *self,
                                               LiLeadFilter    filter,
                                               guint           stage);
void             li_leads_view_set_search     (LiLeadsView    *self,
                                               const char     *search);
/* Selects row @position (G_MAXUINT: none); the inspector follows. */
void             li_leads_view_select         (LiLeadsView    *self,
                                               guint          position);

LiLeadModel     *li_leads_view_get_model      (LiLeadsView    *self);
GtkColumnView   *li_leads_view_get_column_view (LiLeadsView   *self);
LiLeadInspector *li_leads_view_get_inspector  (LiLeadsView    *self);
/* The column of the view for @column, to sort by it in tests. */
GtkColumnViewColumn *li_leads_view_get_column (LiLeadsView    *self,
                                               LiLeadColumn   column);
/* "1,234 of 5,678 leads". */
const char      *li_leads_view_get_count_text (LiLeadsView    *self);

G_END_DECLS
