/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-number.c: numbers as rule files and JSON exports write them (SPEC 2.1, 3). */

#include "config.h"

#include "li-number.h"

#include <float.h>
#include <math.h>

gboolean
li_number_is_integral (double value)
{
  return isfinite (value) && value == floor (value);
}

/* @str ([+-]?digits[.digits], at most 15 digits in all) as the correctly
 * rounded double that strtod gives: the digits are an exact integer below
 * 2^53 and the power of ten is exact, so one IEEE division rounds once
 * (Clinger's fast path).  Only where doubles are evaluated as doubles. */
static double
_li_parse_short_decimal (const char *str,
                         gsize       frac_digits)
{
  static const double pow10[16] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  };
  const char *p = str;
  gboolean negative = *p == '-';
  guint64 m = 0;
  double result;

  if (*p == '+' || *p == '-')
    p++;
  for (; *p != '\0'; p++)
    if (*p != '.')
      m = m * 10 + (guint64) (*p - '0');
  result = (double) m / pow10[frac_digits];
  return negative ? -result : result;
}

gboolean
li_parse_number (const char *str,
                 double     *value)
{
  const char *p = str;
  gsize int_digits = 0, frac_digits = 0;
  gboolean exponent = FALSE;
  double result;

  if (str == NULL)
    return FALSE;

  /* [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)? as a full match */
  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, int_digits++;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, frac_digits++;
    }
  if (int_digits == 0 && frac_digits == 0)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      gsize exp_digits = 0;

      p++;
      if (*p == '+' || *p == '-')
        p++;
      while (g_ascii_isdigit (*p))
        p++, exp_digits++;
      if (exp_digits == 0)
        return FALSE;
      exponent = TRUE;
    }
  if (*p != '\0')
    return FALSE;

#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
  if (!exponent && int_digits + frac_digits <= 15)
    result = _li_parse_short_decimal (str, frac_digits);
  else
#endif
    result = g_ascii_strtod (str, NULL);
  if (!isfinite (result))
    return FALSE;
  if (value != NULL)
    *value = result;
  return TRUE;
}

char *
li_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("nan");
  if (isinf (value))
    return g_strdup (value > 0 ? "inf" : "-inf");
  if (value == 0)
    return g_strdup ("0");  /* also -0 */
  if (li_number_is_integral (value) && fabs (value) < LI_NUMBER_MAX_EXACT_INT)
    return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.0f", value));

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

double
li_number_as_printed (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double scaled = value * 1e6, rounded = nearbyint (scaled);

  /* rounded / 1e6 is the double nearest to the printed decimal (both are
   * exact and the division rounds correctly), so it is the answer unless
   * the product's own rounding may have crossed a .5 boundary: then ask
   * the formatter. */
  if (fabs (scaled) < 4e15 && fabs (fabs (scaled - rounded) - 0.5) > 1e-3)
    return rounded / 1e6 + 0.0;  /* + 0.0: -0 prints as 0.000000 */
  if (!isfinite (value))
    return value;
  g_ascii_formatd (buf, sizeof buf, "%.6f", value);
  return g_ascii_strtod (buf, NULL) + 0.0;
}
