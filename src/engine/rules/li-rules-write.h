/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rules.h"

G_BEGIN_DECLS

/* Pretty-printed JSON in the documented key order, with a final newline. */
char       *li_rules_to_data     (const LiRules *rules,
                                  gsize         *len);
/* Validates, then writes atomically. */
gboolean    li_rules_save        (const LiRules *rules,
                                  const char    *path,
                                  GError       **error);

/* Writes atomically without validating: a draft with problems, kept so that
 * work in progress is not lost (li_rules_draft_from_file reads it back).
 * Exports and publishing use li_rules_save's refusal. */
gboolean    li_rules_save_draft  (const LiRules *rules,
                                  const char    *path,
                                  GError       **error);

G_END_DECLS
