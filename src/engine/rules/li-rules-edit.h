/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rules.h"

G_BEGIN_DECLS

/* Typed edits of a LiRules, the ones the rule editor makes.  Each edit takes
 * the item's index and returns FALSE, changing nothing, when it is refused:
 * a bad index or value (a programming error, also logged as a critical) or
 * a half-typed value (documented with the edit).  Appends and inserts return
 * the new item's index (G_MAXUINT when refused).  Text is trimmed.  The
 * lists of LiRules are g_malloc'ed and grow with g_renew. */

/* Comma-separated lists as the edits take them: split trims and drops empty
 * items (NULL when nothing is left); join uses ", ". */
GStrv    li_rules_split_list           (const char *text);
char    *li_rules_join_list            (const char * const *list);

/* General.  An empty name or description unsets it; an empty outcome event
 * is half-typed. */
gboolean li_rules_set_name             (LiRules    *rules,
                                        const char *name);
gboolean li_rules_set_description      (LiRules    *rules,
                                        const char *description);
gboolean li_rules_set_outcome_event    (LiRules    *rules,
                                        const char *event);
gboolean li_rules_set_window_days      (LiRules *rules,
                                        double   days);
/* The global decay.  A new model gets 7 days when it had none; the days of
 * no decay are refused. */
gboolean li_rules_set_decay_model      (LiRules      *rules,
                                        LiDecayModel  model);
gboolean li_rules_set_decay_days       (LiRules *rules,
                                        double   days);

/* Intent rules. */
guint    li_rules_append_intent        (LiRules    *rules,
                                        const char *event,
                                        double      points);
gboolean li_rules_remove_intent        (LiRules *rules,
                                        guint    i);
/* A rule that is only "event: points" (no cap, decay, filter or unknown
 * keys): dropping it when its points reach 0 loses nothing. */
gboolean li_intent_rule_is_plain       (const LiIntentRule *rule);
/* Points typed into an intent row.  @rule is the row's rule or -1.  A
 * placeholder gets a rule when the points become non-zero.  A rule is
 * dropped again when its points become 0 if it is plain and @may_drop (the
 * row then turns back into a placeholder).  Returns the row's rule index
 * afterwards (-1 when there is none); *@removed is set to the dropped index
 * or -1. */
int      li_rules_set_intent_points    (LiRules    *rules,
                                        int         rule,
                                        const char *event,
                                        double      points,
                                        gboolean    may_drop,
                                        int        *removed);
/* 0 means no cap. */
gboolean li_rules_set_intent_cap       (LiRules *rules,
                                        guint    i,
                                        double   max_points);
/* @decay NULL: the global decay applies (the rule's own is kept for when it
 * is turned on again). */
gboolean li_rules_set_intent_decay     (LiRules       *rules,
                                        guint          i,
                                        const LiDecay *decay);
/* Sets the first `where` clause from a key and a comma-separated list.  Both
 * empty removes it; only one empty is half-typed. */
gboolean li_rules_set_intent_where     (LiRules    *rules,
                                        guint       i,
                                        const char *key,
                                        const char *values_text);

/* Patterns.  A new pattern is enabled, with a name, points and thresholds
 * that suit its kind. */
guint    li_rules_append_pattern       (LiRules       *rules,
                                        LiPatternKind  kind);
gboolean li_rules_remove_pattern       (LiRules *rules,
                                        guint    i);
gboolean li_rules_set_pattern_name     (LiRules    *rules,
                                        guint       i,
                                        const char *name);
/* Fills the new kind's fields when they are unset; the other kinds' fields
 * are kept (the file only has the kind's own), so switching back restores
 * them. */
gboolean li_rules_set_pattern_kind     (LiRules       *rules,
                                        guint          i,
                                        LiPatternKind  kind);
gboolean li_rules_set_pattern_enabled  (LiRules  *rules,
                                        guint     i,
                                        gboolean  enabled);
gboolean li_rules_set_pattern_points   (LiRules *rules,
                                        guint    i,
                                        double   points);
gboolean li_rules_set_pattern_cap      (LiRules *rules,
                                        guint    i,
                                        double   max_points);
/* The kind's count: min_count, min_distinct or min_days; a sequence has
 * none. */
gboolean li_rules_set_pattern_count    (LiRules *rules,
                                        guint    i,
                                        guint    count);
/* within_days for return_days, else within_hours. */
gboolean li_rules_set_pattern_within   (LiRules *rules,
                                        guint    i,
                                        double   within);
/* The sequence from a comma-separated list; fewer than two names is
 * half-typed. */
gboolean li_rules_set_pattern_events   (LiRules    *rules,
                                        guint       i,
                                        const char *events_text);
/* @decay NULL: the global decay applies. */
gboolean li_rules_set_pattern_decay    (LiRules       *rules,
                                        guint          i,
                                        const LiDecay *decay);

/* Fit rules.  A new one is "@attribute exists" for 5 points ("country" when
 * @attribute is NULL or empty). */
guint    li_rules_append_fit           (LiRules    *rules,
                                        const char *attribute);
gboolean li_rules_remove_fit           (LiRules *rules,
                                        guint    i);
gboolean li_rules_set_fit_attribute    (LiRules    *rules,
                                        guint       i,
                                        const char *attribute);
/* Carries the value over where it reads: a number to gt … lte, a list to
 * in, two numbers to between. */
gboolean li_rules_set_fit_op           (LiRules *rules,
                                        guint    i,
                                        LiFitOp  op);
/* The value of eq, ne (one string), in, not_in (comma-separated); refused
 * for the other operators. */
gboolean li_rules_set_fit_text         (LiRules    *rules,
                                        guint       i,
                                        const char *text);
/* The number of gt … lte. */
gboolean li_rules_set_fit_number       (LiRules *rules,
                                        guint    i,
                                        double   number);
/* The bounds of between. */
gboolean li_rules_set_fit_range        (LiRules *rules,
                                        guint    i,
                                        double   low,
                                        double   high);
gboolean li_rules_set_fit_points       (LiRules *rules,
                                        guint    i,
                                        double   points);
/* The text li_rules_set_fit_text takes, "" for the other operators. */
char    *li_fit_rule_dup_text          (const LiFitRule *rule);
/* gt, gte, lt, lte */
gboolean li_fit_op_is_numeric          (LiFitOp op);
/* in, not_in */
gboolean li_fit_op_is_list             (LiFitOp op);

/* Stages, hottest first; the last one is the catch-all.  A new stage goes
 * just above the catch-all (or becomes the catch-all "cold" when there are
 * no stages), with a unique name. */
guint    li_rules_insert_stage         (LiRules *rules);
/* The catch-all cannot be removed or moved, and nothing moves below it:
 * these are refused quietly. */
gboolean li_rules_can_remove_stage     (const LiRules *rules,
                                        guint          i);
gboolean li_rules_remove_stage         (LiRules *rules,
                                        guint    i);
gboolean li_rules_can_move_stage       (const LiRules *rules,
                                        guint          i,
                                        int            delta);
gboolean li_rules_move_stage           (LiRules *rules,
                                        guint    i,
                                        int      delta);
/* Any name is taken (the file is then invalid until it is fixed): see
 * li_rules_stage_name_is_bad. */
gboolean li_rules_set_stage_name       (LiRules    *rules,
                                        guint       i,
                                        const char *name);
/* TRUE when @name is empty or used by another stage than @i. */
gboolean li_rules_stage_name_is_bad    (const LiRules *rules,
                                        guint          i,
                                        const char    *name);
/* Empty unsets it. */
gboolean li_rules_set_stage_channel    (LiRules    *rules,
                                        guint       i,
                                        const char *channel);
/* Optional values: @set FALSE unsets them (the value is then 0). */
gboolean li_rules_set_stage_min_score  (LiRules  *rules,
                                        guint     i,
                                        gboolean  set,
                                        double    min_score);
gboolean li_rules_set_stage_min_intent (LiRules  *rules,
                                        guint     i,
                                        gboolean  set,
                                        double    min_intent);
gboolean li_rules_set_stage_min_fit    (LiRules  *rules,
                                        guint     i,
                                        gboolean  set,
                                        double    min_fit);
gboolean li_rules_set_stage_follow_up  (LiRules  *rules,
                                        guint     i,
                                        gboolean  set,
                                        double    minutes);

G_END_DECLS
