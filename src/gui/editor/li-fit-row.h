/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rule-row.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_FIT_ROW (li_fit_row_get_type ())
G_DECLARE_FINAL_TYPE (LiFitRow, li_fit_row, LI, FIT_ROW, LiRuleRow)

/* One fit rule: its summary ("country is one of US, CA") as title, points in
 * the header; attribute, operator and value(s) when expanded.  A LiRuleRow
 * view, like LiIntentRow. */
GtkWidget  *li_fit_row_new                 (void);
/* @full: set every control; otherwise only labels and visibility. */
void        li_fit_row_update              (LiFitRow        *self,
                                            const LiFitRule *rule,
                                            gboolean         full);
/* Attributes of the data (property keys and leads file columns). */
void        li_fit_row_set_attributes_menu (LiFitRow        *self,
                                            GMenuModel      *menu);
const char *li_fit_row_get_attribute       (LiFitRow        *self);
LiFitOp     li_fit_row_get_op              (LiFitRow        *self);
/* eq, ne: the value; in, not_in: comma-separated values. */
const char *li_fit_row_get_text            (LiFitRow        *self);
/* gt … lte: number 0; between: numbers 0 and 1. */
double      li_fit_row_get_number          (LiFitRow        *self,
                                            guint            i);
double      li_fit_row_get_points          (LiFitRow        *self);
void        li_fit_row_focus_attribute     (LiFitRow        *self);

G_END_DECLS
