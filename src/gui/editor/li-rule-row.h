/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The parts of a rule set the rows edit: ::changed says which one. */
typedef enum
{
  LI_FIELD_POINTS,
  LI_FIELD_CAP,
  LI_FIELD_DECAY,
  LI_FIELD_WHERE,
  LI_FIELD_NAME,
  LI_FIELD_KIND,
  LI_FIELD_ENABLED,
  LI_FIELD_COUNT,     /* min_count / min_distinct / min_days */
  LI_FIELD_WITHIN,    /* within_hours / within_days */
  LI_FIELD_EVENTS,
  LI_FIELD_ATTRIBUTE,
  LI_FIELD_OP,
  LI_FIELD_VALUE,
  LI_FIELD_MIN_SCORE,
  LI_FIELD_MIN_INTENT,
  LI_FIELD_MIN_FIT,
  LI_FIELD_CHANNEL,
  LI_FIELD_FOLLOW_UP,
} LiField;

#define LI_TYPE_RULE_ROW (li_rule_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (LiRuleRow, li_rule_row, LI, RULE_ROW, AdwExpanderRow)

struct _LiRuleRowClass
{
  AdwExpanderRowClass parent_class;
};

/* The base of the intent, pattern, fit and stage rows.  A row is a view of
 * one item of the rules: it emits ::changed (with the LiField the user
 * edited) and ::remove-requested, the editor applies the edit to its rules
 * and updates the row, which emits nothing while it updates. */

/* Updates nest: the row emits ::changed again after the last one ended. */
void        li_rule_row_begin_update    (LiRuleRow  *self);
void        li_rule_row_end_update      (LiRuleRow  *self);
gboolean    li_rule_row_is_updating     (LiRuleRow  *self);
/* Emits ::changed, unless the row is updating. */
void        li_rule_row_emit_changed    (LiRuleRow  *self,
                                         LiField     field);
void        li_rule_row_request_remove  (LiRuleRow  *self);
/* Shows @title when it differs from the title shown.  Returns TRUE when it
 * changed: the row then renames its controls, whose accessible names say
 * which rule they belong to. */
gboolean    li_rule_row_set_shown_title (LiRuleRow  *self,
                                         const char *title);
const char *li_rule_row_get_shown_title (LiRuleRow  *self);

G_END_DECLS
