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

/* "17,055 events" */
char      *_li_format_event_count    (guint64 count);
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
