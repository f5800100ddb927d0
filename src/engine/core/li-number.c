/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-number.c: numbers as rule files and JSON exports write them (SPEC 2.1, 3). */

#include "config.h"

#include "li-number.h"

#include <math.h>

gboolean
li_number_is_integral (double value)
{
  return isfinite (value) && value == floor (value);
}

gboolean
li_parse_number (const char *str,
                 double     *value)
{
  const char *p = str;
  gsize int_digits = 0, frac_digits = 0;
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
    }
  if (*p != '\0')
    return FALSE;

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
