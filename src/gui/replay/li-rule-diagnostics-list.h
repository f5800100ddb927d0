/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-rule-diagnostics.h"

G_BEGIN_DECLS

#define LI_TYPE_RULE_DIAGNOSTICS_LIST (li_rule_diagnostics_list_get_type ())
G_DECLARE_FINAL_TYPE (LiRuleDiagnosticsList, li_rule_diagnostics_list, LI, RULE_DIAGNOSTICS_LIST, AdwBin)

/* The replay's rule diagnostics, one row per intent rule and pattern: in
 * how many converters' and non-converters' journeys it fired and its share
 * of the flagged leads' points; a warning icon on rules that never fire. */
GtkWidget *li_rule_diagnostics_list_new  (void);
/* Copies what it shows; NULL empties the list. */
void       li_rule_diagnostics_list_set  (LiRuleDiagnosticsList   *self,
                                          const LiRuleDiagnostics *diagnostics);
guint      li_rule_diagnostics_list_get_n_rows (LiRuleDiagnosticsList *self);
/* The row's subtitle as shown (plain function, no widget needed):
 * "Fired in 412 of 1,203 converters’ journeys (34.2%), 3.0% of
 * non-converters’ · 18.0% of flagged leads’ points". */
char      *li_rule_diagnostics_list_format (const LiRuleDiagnostics *diagnostics,
                                            guint                    rule);

G_END_DECLS
