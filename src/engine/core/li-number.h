/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Integral doubles below this print as integers. */
#define LI_NUMBER_MAX_EXACT_INT 1e16

gboolean li_number_is_integral (double      value);
/* SPEC 3: a number is an optional sign, digits with an optional fraction, an
 * optional exponent; finite.  Used for fit predicates on text values. */
gboolean li_parse_number       (const char *str,
                                double     *value);
/* SPEC 2.1: numbers as text in their shortest round-trip form. */
char    *li_format_number      (double      value);

/* @value as it reads when printed with 6 decimals (SPEC 5 and 7: scores
 * that are equal on paper are ties). */
double   li_number_as_printed  (double      value);

G_END_DECLS
