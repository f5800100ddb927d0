/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-sql-decimal.c: the numeric fit operators in SQL without floating point.
 *
 * The engine reads an attribute's text with strtod, which rounds the decimal
 * v to the nearest double x (ties to even), and then compares x with the
 * rule's number c.  Rounding is monotonic, so x ≥ c holds exactly for the
 * decimals at or above the midpoint between c and the double below it
 * (at it only when the midpoint rounds up to c, i.e. when c's significand is
 * even).  Comparing the text with that midpoint as decimals gives the
 * engine's answer in every dialect: SQL's own text-to-number conversions are
 * not all correctly rounded (SQLite 3.40's is not) and PostgreSQL's stops
 * with an error on values such as 1e-400. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "li-sql-export-private.h"

#define LI_LIMB 1000000000u  /* base of the big numbers: 9 decimal digits */

void
_li_sql_decimal_clear (LiSqlDecimal *decimal)
{
  g_clear_pointer (&decimal->digits, g_free);
}

/* @limbs (least significant first) times @factor (< 2^32). */
static void
_li_big_mul (GArray  *limbs,
             guint32  factor)
{
  guint64 carry = 0;

  for (guint i = 0; i < limbs->len; i++)
    {
      guint64 v = (guint64) g_array_index (limbs, guint32, i) * factor + carry;
      g_array_index (limbs, guint32, i) = (guint32) (v % LI_LIMB);
      carry = v / LI_LIMB;
    }
  while (carry > 0)
    {
      guint32 limb = (guint32) (carry % LI_LIMB);
      g_array_append_val (limbs, limb);
      carry /= LI_LIMB;
    }
}

/* @limbs times @base^@times, in steps that keep every product in 64 bits. */
static void
_li_big_mul_power (GArray  *limbs,
                   guint32  base,
                   guint32  step,      /* base^per_step, < 2^32 */
                   guint    per_step,
                   guint64  times)
{
  for (; times >= per_step; times -= per_step)
    _li_big_mul (limbs, step);
  for (; times > 0; times--)
    _li_big_mul (limbs, base);
}

/* m · 2^e2 exactly. */
static void
_li_sql_decimal_of_dyadic (LiSqlDecimal *out,
                           gboolean      negative,
                           guint64       m,
                           gint64        e2)
{
  g_autoptr(GArray) limbs = g_array_new (FALSE, FALSE, sizeof (guint32));
  GString *text;
  gint64 scale10 = 0;
  gsize len;

  out->negative = FALSE;
  out->exponent = 0;
  if (m == 0)
    {
      out->digits = g_strdup ("");
      return;
    }
  for (; m > 0; m /= LI_LIMB)
    {
      guint32 limb = (guint32) (m % LI_LIMB);
      g_array_append_val (limbs, limb);
    }
  if (e2 >= 0)
    _li_big_mul_power (limbs, 2, 1u << 31, 31, (guint64) e2);
  else
    {
      /* 2^−k = 5^k · 10^−k */
      _li_big_mul_power (limbs, 5, 1220703125u /* 5^13 */, 13, (guint64) -e2);
      scale10 = e2;
    }

  text = g_string_new (NULL);
  g_string_append_printf (text, "%u", g_array_index (limbs, guint32, limbs->len - 1));
  for (guint i = limbs->len - 1; i-- > 0;)
    g_string_append_printf (text, "%09u", g_array_index (limbs, guint32, i));
  out->negative = negative;
  out->exponent = (gint64) text->len + scale10;
  for (len = text->len; text->str[len - 1] == '0'; len--)
    ;
  g_string_truncate (text, len);
  out->digits = g_string_free (text, FALSE);
}

/* @x = *m · 2^*e2 with |*m| < 2^53. */
static void
_li_split (double  x,
           gint64 *m,
           int    *e2)
{
  int e;
  double f = frexp (x, &e);

  *m = (gint64) ldexp (f, 53);
  *e2 = e - 53;
}

void
_li_sql_decimal_of_double (LiSqlDecimal *out,
                           double        value)
{
  gint64 m;
  int e2;

  _li_split (value, &m, &e2);
  _li_sql_decimal_of_dyadic (out, m < 0, m < 0 ? (guint64) -m : (guint64) m, e2);
}

void
_li_sql_decimal_overflow (LiSqlDecimal *out)
{
  _li_sql_decimal_of_dyadic (out, FALSE, (G_GUINT64_CONSTANT (1) << 54) - 1, 970);
}

/* (p + c) / 2 exactly, for neighbouring doubles p < c.  Their exponents
 * differ by at most one, so the aligned sum stays far below 2^63. */
static void
_li_sql_decimal_midpoint (LiSqlDecimal *out,
                          double        p,
                          double        c)
{
  gint64 mp, mc, sum;
  int ep, ec, e;

  _li_split (p, &mp, &ep);
  _li_split (c, &mc, &ec);
  if (mp == 0)
    ep = ec;
  if (mc == 0)
    ec = ep;
  e = MIN (ep, ec);
  g_assert (ep - e <= 1 && ec - e <= 1);
  sum = mp * ((gint64) 1 << (ep - e)) + mc * ((gint64) 1 << (ec - e));
  _li_sql_decimal_of_dyadic (out, sum < 0, sum < 0 ? (guint64) -sum : (guint64) sum, (gint64) e - 1);
}

void
_li_sql_bound_at_least (LiSqlBound *out,
                        double      c)
{
  guint64 bits;
  double below;

  memset (out, 0, sizeof *out);
  if (c == 0)
    c = 0.0;  /* −0 compares like +0, whose significand is even */
  below = nextafter (c, -INFINITY);
  if (isinf (below))
    {
      out->kind = LI_SQL_BOUND_ALWAYS;
      return;
    }
  memcpy (&bits, &c, sizeof bits);
  out->kind = LI_SQL_BOUND_AT;
  out->inclusive = (bits & 1) == 0;  /* the midpoint rounds to the even neighbour */
  _li_sql_decimal_midpoint (&out->at, below, c);
}

void
_li_sql_bound_above (LiSqlBound *out,
                     double      c)
{
  double next = nextafter (c, INFINITY);

  if (isinf (next))
    {
      memset (out, 0, sizeof *out);
      out->kind = LI_SQL_BOUND_NEVER;
      return;
    }
  _li_sql_bound_at_least (out, next);  /* x > c ⇔ x ≥ the next double */
}

void
_li_sql_bound_clear (LiSqlBound *bound)
{
  _li_sql_decimal_clear (&bound->at);
}
