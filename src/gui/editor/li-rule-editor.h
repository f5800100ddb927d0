/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-event-store.h"
#include "li-lead-table.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_RULE_EDITOR (li_rule_editor_get_type ())
G_DECLARE_FINAL_TYPE (LiRuleEditor, li_rule_editor, LI, RULE_EDITOR, AdwBin)

/* The left side of the window: every part of a rule set as labelled,
 * keyboard-reachable controls.  It edits its own copy of the rules and emits
 * ::rules-changed (with a LiRules copy) after every user edit; the window
 * owns undo and replays.  set_rules never emits. */
GtkWidget     *li_rule_editor_new         (void);
void           li_rule_editor_set_rules   (LiRuleEditor  *self,
                                           const LiRules *rules);
const LiRules *li_rule_editor_get_rules   (LiRuleEditor  *self);
/* Event names (with counts) and attributes found in the data fill the intent
 * rows and the fit attribute drop-downs.  Either may be NULL. */
void           li_rule_editor_set_dataset (LiRuleEditor  *self,
                                           LiEventStore  *store,
                                           LiLeadTable   *leads);

/* Expands, scrolls to and focuses the row a problem's JSON path is about
 * ("stages[1].name": the second stage); FALSE when there is none. */
gboolean       li_rule_editor_focus_path  (LiRuleEditor  *self,
                                           const char    *path);
/* The problems list at the top (a LiProblemsList), for tests. */
GtkWidget     *li_rule_editor_get_problems_list (LiRuleEditor *self);

G_END_DECLS
