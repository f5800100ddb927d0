/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rule-row.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_INTENT_ROW (li_intent_row_get_type ())
G_DECLARE_FINAL_TYPE (LiIntentRow, li_intent_row, LI, INTENT_ROW, LiRuleRow)

/* One intent rule (or an event of the data that has none yet): points in the
 * header; cap, decay override and `where` filter when expanded (made on first
 * expansion: the data may list hundreds of events).  The row is a view (a
 * LiRuleRow): it emits ::changed (with an LiField) when the user edits a
 * value and ::remove-requested; the editor applies the edit to its rules and
 * calls update, which never emits. */
GtkWidget  *li_intent_row_new             (void);
/* @rule NULL: the event has no rule (points 0, details insensitive).
 * @data_note: "17,055 events", "not in data", or NULL without data. */
void        li_intent_row_update          (LiIntentRow        *self,
                                           const char         *event,
                                           const LiIntentRule *rule,
                                           const char         *data_note,
                                           gboolean            is_outcome);
/* The same after the user's own edit: subtitle, names and sensitivity follow
 * @rule, the values the user is typing are left alone. */
void        li_intent_row_refresh         (LiIntentRow        *self,
                                           const char         *event,
                                           const LiIntentRule *rule,
                                           const char         *data_note,
                                           gboolean            is_outcome);
/* Property keys of the data for the filter's menu (may be NULL). */
void        li_intent_row_set_keys_menu   (LiIntentRow        *self,
                                           GMenuModel         *menu);
const char *li_intent_row_get_event       (LiIntentRow        *self);
double      li_intent_row_get_points      (LiIntentRow        *self);
double      li_intent_row_get_cap         (LiIntentRow        *self);
/* FALSE: the global decay applies. */
gboolean    li_intent_row_get_decay       (LiIntentRow        *self,
                                           LiDecay            *decay);
const char *li_intent_row_get_where_key   (LiIntentRow        *self);
const char *li_intent_row_get_where_values (LiIntentRow       *self);
void        li_intent_row_focus_points    (LiIntentRow        *self);

G_END_DECLS
