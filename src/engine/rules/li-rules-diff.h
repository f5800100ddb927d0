/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rules.h"

G_BEGIN_DECLS

/* What changed between two rule sets (SPEC 6, `rule_changes`). */
typedef enum
{
  LI_CHANGE_ADDED,
  LI_CHANGE_REMOVED,
  LI_CHANGE_CHANGED,
} LiChangeAction;

typedef struct
{
  LiChangeAction action;
  char          *section;  /* "meta", "outcome", "decay", "intent", "patterns", "fit", "stages" */
  char          *item;     /* which rule: "add_to_cart", "Returns to a product", "hot" … or NULL */
  char          *field;    /* which field changed ("points"), NULL for added/removed items */
  JsonNode      *old_value; /* NULL when added */
  JsonNode      *new_value; /* NULL when removed */
} LiRuleChange;

void       li_rule_change_free (LiRuleChange *change);
/* LiRuleChange* in a stable order: meta, outcome, decay, intent, patterns, fit, stages. */
GPtrArray *li_rules_diff       (const LiRules *a,
                                const LiRules *b);
JsonNode  *li_rule_changes_to_json (GPtrArray *changes);
/* One line per change: "changed intent add_to_cart points: 15 → 20". */
char      *li_rule_change_to_string (const LiRuleChange *change);

G_END_DECLS
