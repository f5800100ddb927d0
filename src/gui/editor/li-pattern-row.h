/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rule-row.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_PATTERN_ROW (li_pattern_row_get_type ())
G_DECLARE_FINAL_TYPE (LiPatternRow, li_pattern_row, LI, PATTERN_ROW, LiRuleRow)

/* One behaviour pattern: points and an on/off switch in the header; name,
 * kind, the kind's thresholds, cap and decay override when expanded.  A
 * LiRuleRow view, like LiIntentRow. */
GtkWidget    *li_pattern_row_new             (void);
/* @full: set every control (a new rule set); otherwise only labels,
 * sensitivity and visibility follow @pattern (after the user's own edit). */
void          li_pattern_row_update          (LiPatternRow    *self,
                                              const LiPattern *pattern,
                                              gboolean         full);
/* Event names of the data for the sequence's menu (may be NULL). */
void          li_pattern_row_set_events_menu (LiPatternRow    *self,
                                              GMenuModel      *menu);
const char   *li_pattern_row_get_name        (LiPatternRow    *self);
LiPatternKind li_pattern_row_get_kind        (LiPatternRow    *self);
gboolean      li_pattern_row_get_enabled     (LiPatternRow    *self);
double        li_pattern_row_get_points      (LiPatternRow    *self);
double        li_pattern_row_get_cap         (LiPatternRow    *self);
guint         li_pattern_row_get_count       (LiPatternRow    *self);
double        li_pattern_row_get_within      (LiPatternRow    *self);
const char   *li_pattern_row_get_events_text (LiPatternRow    *self);
gboolean      li_pattern_row_get_decay       (LiPatternRow    *self,
                                              LiDecay         *decay);
void          li_pattern_row_focus_name      (LiPatternRow    *self);

G_END_DECLS
