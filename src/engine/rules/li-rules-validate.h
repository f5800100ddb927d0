/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-problem.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* Validates rules built in memory (the editor), with the same messages. */
gboolean    li_rules_validate    (const LiRules *rules,
                                  GPtrArray     *problems);

G_END_DECLS
