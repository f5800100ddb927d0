/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What a rule file may hold (docs/rules-format.md, "Limits").  Far beyond
 * what a team writes by hand, and small enough that no rule file can make
 * validation, a replay or a comparison slow, exhaust memory or overflow a
 * sum: with |points| ≤ 1e9 a sum over 2^32 events stays below 5e18, far
 * from the range of a double. */

#define LI_RULES_MAX_INTENT        1000
#define LI_RULES_MAX_PATTERNS      100
#define LI_RULES_MAX_FIT           1000
#define LI_RULES_MAX_STAGES        32
#define LI_RULES_MAX_SEQUENCE      16       /* names in a sequence pattern */
#define LI_RULES_MAX_WHERE         16       /* properties in a where */
#define LI_RULES_MAX_VALUES        1000     /* values of a where property, in, not_in */
#define LI_RULES_MAX_NAME_BYTES    256      /* event, pattern, stage, attribute names, values */
#define LI_RULES_MAX_TEXT_BYTES    10000    /* name and description of the rule set */
#define LI_RULES_MAX_POINTS        1e9      /* |points|, max_points, |thresholds| */
#define LI_RULES_MAX_COUNT         1000000  /* min_count, min_distinct, min_days */
#define LI_RULES_MAX_DAYS          36500.0  /* windows and decays: 100 years */
#define LI_RULES_MAX_MINUTES       52560000.0 /* follow_up_minutes: 100 years */
