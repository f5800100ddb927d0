/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Number formatting for people, shared by the replay view, the stage table
 * and the charts.  Header-only so that pure-logic tests can use it without a
 * display and without linking the engine.  A metric that is null (NAN, SPEC
 * 5: denominator 0) is shown as an em dash. */

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

G_BEGIN_DECLS

#define LI_FORMAT_NULL "\342\200\224" /* U+2014 EM DASH */

/* @value with @separator between groups of three digits: 1234567 →
 * "1,234,567" with ",". */
static inline char *
li_format_count_with_separator (guint64     value,
                                const char *separator)
{
  char digits[32];
  GString *out;
  gsize len;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  len = strlen (digits);
  out = g_string_sized_new (len + len / 3 * 4);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0 && separator != NULL)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* The locale's thousands separator; "," where the locale has none (the C
 * locale), so that large counts stay readable everywhere. */
static inline const char *
li_format_thousands_separator (void)
{
  const struct lconv *lc = localeconv ();

  if (lc != NULL && lc->thousands_sep != NULL && lc->thousands_sep[0] != '\0')
    return lc->thousands_sep;

  return ",";
}

static inline char *
li_format_count (guint64 value)
{
  return li_format_count_with_separator (value, li_format_thousands_separator ());
}

/* A ratio in [0, 1] as a percentage with one decimal: 0.1234 → "12.3%". */
static inline char *
li_format_percent (double ratio)
{
  if (isnan (ratio) || isinf (ratio))
    return g_strdup (LI_FORMAT_NULL);

  /* Translators: a percentage with one decimal, e.g. "12.3%" */
  return g_strdup_printf (_("%.1f%%"), ratio * 100.0);
}

/* @value with @digits decimals: the AUC with 3 → "0.734". */
static inline char *
li_format_fixed (double value,
                 int    digits)
{
  if (isnan (value) || isinf (value))
    return g_strdup (LI_FORMAT_NULL);

  return g_strdup_printf ("%.*f", digits, value);
}

/* The lift of a stage: 2.345 → "2.35×". */
static inline char *
li_format_lift (double lift)
{
  if (isnan (lift) || isinf (lift))
    return g_strdup (LI_FORMAT_NULL);

  /* Translators: a lift (a multiple of the base rate), e.g. "2.35×" */
  return g_strdup_printf (_("%.2f×"), lift);
}

/* A score or threshold with at most two decimals and no trailing zeros:
 * 60 → "60", 12.5 → "12.5", -3.25 → "-3.25". */
static inline char *
li_format_score (double value)
{
  char *str;
  char *end;
  const struct lconv *lc;
  const char *point;

  if (isnan (value) || isinf (value))
    return g_strdup (LI_FORMAT_NULL);

  if (fabs (value) < 0.005)
    value = 0.0; /* no "-0" */

  str = g_strdup_printf ("%.2f", value);
  lc = localeconv ();
  point = (lc != NULL && lc->decimal_point != NULL && lc->decimal_point[0] != '\0')
          ? lc->decimal_point : ".";

  if (strstr (str, point) != NULL)
    {
      end = str + strlen (str) - 1;
      while (end > str && *end == '0')
        *end-- = '\0';
      if (strlen (str) >= strlen (point) &&
          strcmp (str + strlen (str) - strlen (point), point) == 0)
        str[strlen (str) - strlen (point)] = '\0';
    }

  return str;
}

G_END_DECLS
