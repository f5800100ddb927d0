/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-dataset.h"
#include "li-lead-list.h"
#include "li-plan.h"
#include "li-replay.h"

G_BEGIN_DECLS

#define LI_TYPE_LEAD_ROW (li_lead_row_get_type ())
G_DECLARE_FINAL_TYPE (LiLeadRow, li_lead_row, LI, LEAD_ROW, GObject)

/* A row of the leads explorer: a position in the replay's per_lead, made
 * on demand when the view asks for it. */
guint        li_lead_row_get_index (LiLeadRow *self);

#define LI_TYPE_LEAD_MODEL (li_lead_model_get_type ())
G_DECLARE_FINAL_TYPE (LiLeadModel, li_lead_model, LI, LEAD_MODEL, GObject)

/* A lazy GListModel of LiLeadRow over an index array of the engine
 * (li_lead_list_filter, li_lead_list_sort): no object per lead is held,
 * only the rows the view asks for (the visible ones), of which the last
 * few are cached.  A new filter, search or source replaces every item; a
 * new sort order changes them all in place (items-changed 0, n, n). */
LiLeadModel *li_lead_model_new          (void);
/* @result must have facts and n_stages equal to @plan's; the model takes
 * @plan, and keeps references to @result and @dataset (whose store @plan
 * was compiled against).  All NULL: empty. */
void         li_lead_model_set_source   (LiLeadModel    *self,
                                         LiReplayResult *result,
                                         LiPlan         *plan,
                                         LiDataset      *dataset);
void         li_lead_model_set_filter   (LiLeadModel    *self,
                                         LiLeadFilter    filter,
                                         guint           stage,
                                         const char     *search);
void         li_lead_model_set_sort     (LiLeadModel    *self,
                                         LiLeadColumn    column,
                                         gboolean        descending);

LiReplayResult *li_lead_model_get_result (LiLeadModel   *self);
const LiPlan   *li_lead_model_get_plan   (LiLeadModel   *self);
LiDataset      *li_lead_model_get_dataset (LiLeadModel  *self);
LiLeadFilter    li_lead_model_get_filter (LiLeadModel   *self);
/* The stage of the filter, the flag time and the hours columns. */
guint           li_lead_model_get_stage  (LiLeadModel   *self);
/* The per_lead index at @position, or G_MAXUINT. */
guint           li_lead_model_get_index  (LiLeadModel   *self,
                                          guint          position);
/* Rows made since the model was created (tests: laziness). */
guint           li_lead_model_get_n_made (LiLeadModel   *self);

/* The text of one cell of per_lead[@index], as the view shows it. */
char           *li_lead_model_dup_text   (LiLeadModel   *self,
                                          guint          index,
                                          LiLeadColumn   column);
const char     *li_lead_model_get_lead_id (LiLeadModel  *self,
                                           guint         index);

G_END_DECLS
