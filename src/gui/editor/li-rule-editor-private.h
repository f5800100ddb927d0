/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rule-editor.h"

G_BEGIN_DECLS

/* The plain logic behind LiRuleEditor and its rows.  Nothing here needs a
 * display, so tests/gui/test-rule-editor-logic.c checks it directly. */

/* An event name found in the data, with its number of events. */
typedef struct
{
  char    *name;
  guint64  count;
} LiDataName;

void       _li_data_name_free        (LiDataName *name);
/* The store's event names, most frequent first (ties by name, byte order).
 * NULL store: an empty array.  Elements are LiDataName*. */
GPtrArray *_li_data_names_from_store (const LiEventStore *store);
/* Sorts LiDataName* as above. */
void       _li_data_names_sort       (GPtrArray *names);

/* One intent row: an event name and the rule it edits.  Data names come
 * first (most frequent first), each with one row per rule that uses it in
 * rule order, or one placeholder row (rule = -1) when no rule does; then the
 * rules whose event is not in the data, in rule order.  The outcome event
 * gets no placeholder (an intent rule on it is an error), only the rows of
 * rules that use it. */
typedef struct
{
  char     *event;
  int       rule;     /* index in rules->intent, or -1 for a placeholder */
  guint64   count;    /* events of this name in the data */
  gboolean  in_data;
} LiIntentSlot;

/* Returns an array of LiIntentSlot (with a clear function).  @names are
 * LiDataName* (may be NULL).  At most @max_placeholders placeholder rows are
 * made (the least frequent names are left out); rules always get rows. */
GArray    *_li_intent_slots_build    (GPtrArray     *names,
                                      const LiRules *rules,
                                      guint          max_placeholders);
/* TRUE when both lists show the same rows (same events in the same order,
 * same in-data flags): the rows can then be rebound instead of rebuilt. */
gboolean   _li_intent_slots_same_rows (GArray *a,
                                       GArray *b);

/* Edits.  Arrays of LiRules are g_malloc'ed and grow with g_renew. */
guint      _li_rules_append_intent   (LiRules    *rules,
                                      const char *event,
                                      double      points);
void       _li_rules_remove_intent   (LiRules    *rules,
                                      guint       i);
/* A rule that is only "event: points" (no cap, decay, filter or unknown
 * keys): dropping it when its points reach 0 loses nothing. */
gboolean   _li_intent_rule_is_plain  (const LiIntentRule *rule);
/* Points typed into an intent row.  @rule is the row's rule or -1.  A
 * placeholder gets a rule when the points become non-zero.  A rule is dropped
 * again when its points become 0 if it is plain and @may_drop (the row then
 * turns back into a placeholder).  Returns the row's rule index afterwards
 * (-1 when there is none); *@removed is set to the dropped index or -1. */
int        _li_rules_set_intent_points (LiRules    *rules,
                                        int         rule,
                                        const char *event,
                                        double      points,
                                        gboolean    may_drop,
                                        int        *removed);
/* Sets the first `where` clause from a key and a comma-separated list.  Both
 * empty removes it; only one empty is an incomplete edit that changes
 * nothing and returns FALSE. */
gboolean   _li_intent_rule_set_where (LiIntentRule *rule,
                                      const char   *key,
                                      const char   *values_text);

/* Changes the model, giving the days a sensible value when they had none. */
void       _li_decay_set_model       (LiDecay      *decay,
                                      LiDecayModel  model);
/* "1 d 0.91 · 7 d 0.50 · 30 d 0.05" */
char      *_li_decay_summary         (const LiDecay *decay);
/* "exponential, half-life 7 d", "none" … */
char      *_li_decay_describe        (const LiDecay *decay);

guint      _li_rules_append_pattern  (LiRules       *rules,
                                      LiPatternKind  kind);
void       _li_rules_remove_pattern  (LiRules       *rules,
                                      guint          i);
/* Changes the kind and fills the new kind's fields when they are unset;
 * the other kinds' fields are kept (the file only has the kind's own). */
void       _li_pattern_set_kind      (LiPattern     *pattern,
                                      LiPatternKind  kind);
/* Sets the sequence from a comma-separated list; FALSE (and no change) with
 * fewer than two names. */
gboolean   _li_pattern_set_events_text (LiPattern  *pattern,
                                        const char *text);
char      *_li_pattern_summary       (const LiPattern *pattern);

guint      _li_rules_append_fit      (LiRules    *rules,
                                      const char *attribute);
void       _li_rules_remove_fit      (LiRules    *rules,
                                      guint       i);
/* Changes the operator, carrying the value over where it makes sense. */
void       _li_fit_rule_set_op       (LiFitRule  *rule,
                                      LiFitOp     op);
/* The text value of eq, ne (one string), in, not_in (comma-separated). */
char      *_li_fit_rule_dup_text     (const LiFitRule *rule);
void       _li_fit_rule_set_text     (LiFitRule  *rule,
                                      const char *text);
/* "country in US, CA", "budget ≥ 100" … */
char      *_li_fit_rule_summary      (const LiFitRule *rule);
gboolean   _li_fit_op_is_numeric     (LiFitOp op);
gboolean   _li_fit_op_is_list        (LiFitOp op);

/* Inserts a stage just above the catch-all (the last stage) and returns its
 * index. */
guint      _li_rules_insert_stage    (LiRules *rules);
/* The catch-all cannot be removed or moved, and nothing moves below it. */
gboolean   _li_rules_can_remove_stage (const LiRules *rules,
                                       guint          i);
gboolean   _li_rules_remove_stage    (LiRules *rules,
                                      guint    i);
gboolean   _li_rules_can_move_stage  (const LiRules *rules,
                                      guint          i,
                                      int            delta);
gboolean   _li_rules_move_stage      (LiRules *rules,
                                      guint    i,
                                      int      delta);
char      *_li_stage_summary         (const LiStage *stage,
                                      gboolean       catch_all);
/* TRUE when @name is empty or used by another stage than @i. */
gboolean   _li_stage_name_is_bad     (const LiRules *rules,
                                      guint          i,
                                      const char    *name);

/* Comma-separated lists: split trims and drops empty items (NULL when
 * nothing is left); join uses ", ". */
GStrv      _li_split_list            (const char *text);
char      *_li_join_list             (const char * const *list);
/* "17,055 events" */
char      *_li_format_event_count    (guint64 count);
/* A number for a label: shortest form, at most @max_digits decimals. */
char      *_li_format_value          (double value,
                                      int    max_digits);
/* Spin buttons of the editor: numeric style, value shown in its shortest
 * form (at least @digits decimals when exact), so that focusing out never
 * rounds a value read from a file; without the focus, the scroll wheel
 * scrolls the page instead of changing the value. */
void       _li_spin_button_setup     (GtkSpinButton *spin);

/* Row updates.  @full (a new rule set from outside) sets the control to the
 * model value; otherwise (after the user's own edit) only the remembered
 * model value changes, so a half-typed entry ("US, ") is left alone.  An
 * entry is only reset when its model value really changed. */
void       _li_editable_sync         (GtkEditable   *editable,
                                      const char    *model_text,
                                      gboolean       full);
void       _li_spin_sync             (GtkSpinButton *spin,
                                      double         value,
                                      gboolean       full);
/* The decay override controls of intent and pattern rows: a combo (global,
 * none, exponential, window, linear) and a days row with a spin button. */
void       _li_decay_controls_sync   (AdwComboRow   *combo,
                                      AdwActionRow  *days_row,
                                      GtkSpinButton *days_spin,
                                      gboolean       has_decay,
                                      const LiDecay *decay,
                                      gboolean       full);
gboolean   _li_decay_controls_read   (AdwComboRow   *combo,
                                      GtkSpinButton *days_spin,
                                      LiDecay       *decay);
/* "Half-life (days)" … */
const char *_li_decay_days_title     (LiDecayModel   model);

/* A GMenu of @items (may be NULL) whose entries activate @action with the
 * item as string target. */
GMenuModel *_li_string_menu_new      (const char * const *items,
                                      const char         *action);

/* The parts of a rule set the rows edit. */
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

G_END_DECLS
