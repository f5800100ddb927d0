/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rules.h"

G_BEGIN_DECLS

/* Which intent rows the rule editor shows, one LiIntentSlot each: an event
 * name and the rule it edits.  Data names come first (most frequent first),
 * each with one row per rule that uses it in rule order, or one placeholder
 * row (rule = -1) when no rule does; then the rules whose event is not in
 * the data, in rule order.  The outcome event gets no placeholder (an intent
 * rule on it is an error), only the rows of rules that use it. */
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
GArray  *li_intent_slots_build            (GPtrArray     *names,
                                           const LiRules *rules,
                                           guint          max_placeholders);
/* TRUE when both lists show the same rows (same events in the same order,
 * same in-data flags): the rows can then be rebound instead of rebuilt. */
gboolean li_intent_slots_same_rows        (GArray *a,
                                           GArray *b);
/* "event\037k" for the k-th row of an event: a row is used again for the
 * same key, so it keeps its focus and expanded state. */
char    *li_intent_slots_dup_key          (GArray *slots,
                                           guint   i);
/* The number of rows of @event. */
guint    li_intent_slots_count_event      (GArray     *slots,
                                           const char *event);
/* The placeholder row of @event, or -1. */
int      li_intent_slots_find_placeholder (GArray     *slots,
                                           const char *event);
/* The row of rule @rule, or -1. */
int      li_intent_slots_find_rule        (GArray *slots,
                                           int     rule);
/* Renumbers the rules after rule @removed was taken out; its row becomes a
 * placeholder. */
void     li_intent_slots_rule_removed     (GArray *slots,
                                           int     removed);
/* The row's note on the data: "17,055 events", "not in data", or NULL
 * without data (@has_data FALSE). */
char    *li_intent_slot_dup_note          (const LiIntentSlot *slot,
                                           gboolean            has_data);

G_END_DECLS
