/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-sql-fit.c: fit rules in SQL: each attribute's latest non-empty value
 * among the lead's events, else the leads table's; text operators as text;
 * numeric operators on exact decimals taken apart with string functions
 * (li-sql-decimal.c says why no SQL number conversion is used). */

#include "config.h"

#include <string.h>

#include "li-sql-export-private.h"

void
_li_sql_fit_values (LiSqlGen *g)
{
  /* The latest non-empty value among all the lead's events. */
  _li_sql_cte (g, "_li_fitev");
  g_string_append (g->sql, "  SELECT lead_id");
  for (guint a = 0; a < g->attrs->len; a++)
    g_string_append_printf (g->sql, ", MAX(a%u) AS a%u", a, a);
  g_string_append (g->sql, " FROM (\n    SELECT lead_id");
  for (guint a = 0; a < g->attrs->len; a++)
    {
      int k = _li_sql_key_index (g, g->attrs->pdata[a]);
      g_string_append_printf (g->sql, ",\n      FIRST_VALUE(p%d) OVER (PARTITION BY lead_id"
                              " ORDER BY CASE WHEN p%d IS NULL THEN 1 ELSE 0 END, rn DESC) AS a%u",
                              k, k, a);
    }
  g_string_append (g->sql, "\n    FROM _li_ev) AS x\n  GROUP BY lead_id");
  _li_sql_cte_end (g);

  _li_sql_cte (g, "_li_ld");
  _li_sql_from_with_nulls (g, g->options->leads_table, FALSE, g->attrs, "l");
  _li_sql_cte_end (g);

  /* Else the leads table's. */
  _li_sql_cte (g, "_li_fitval");
  g_string_append (g->sql, "  SELECT li.lead_id");
  for (guint a = 0; a < g->attrs->len; a++)
    g_string_append_printf (g->sql, ", COALESCE(fe.a%u, ld.l%u) AS a%u", a, a, a);
  g_string_append (g->sql, "\n  FROM _li_leads_in AS li\n"
                   "  LEFT JOIN _li_fitev AS fe ON fe.lead_id = li.lead_id\n"
                   "  LEFT JOIN _li_ld AS ld ON ld.lead_id = li.lead_id");
  _li_sql_cte_end (g);
}

/* _li_numA(lead_id, has, neg, d, e): whether the attribute's value is a
 * number (SPEC 3, finite), and then the exact decimal ±0.d × 10^e (d
 * without leading or trailing zeros, '' for zero), taken apart with string
 * functions only.  One row per lead, never filtered: a planner estimates
 * the rows of a filtered CTE as a handful and joins it to every lead with a
 * nested loop, quadratic in the leads (hours on PostgreSQL at 100 000). */
void
_li_sql_fit_number (LiSqlGen *g,
                    guint     a)
{
  char *n[7];
  LiSqlDecimal overflow = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (n); i++)
    n[i] = i == 0 ? g_strdup_printf ("_li_num%u", a) : g_strdup_printf ("_li_num%u_%u", a, i);

  _li_sql_cte (g, n[1]);
  g_string_append_printf (g->sql,
                          "  SELECT lead_id, a%u AS v, substr(a%u, 1, 1) = '-' AS neg,\n"
                          "    CASE WHEN substr(a%u, 1, 1) IN ('+', '-') THEN substr(a%u, 2) ELSE a%u END AS u\n"
                          "  FROM _li_fitval",
                          a, a, a, a, a);
  _li_sql_cte_end (g);

  _li_sql_cte (g, n[2]);
  g_string_append (g->sql, "  SELECT lead_id, v, neg, u, ");
  _li_sql_apply (g->sql, g->d->strpos, "lower(u)", "'e'");
  g_string_append_printf (g->sql, " AS ep FROM %s", n[1]);
  _li_sql_cte_end (g);

  _li_sql_cte (g, n[3]);
  g_string_append_printf (g->sql,
                          "  SELECT lead_id, v, neg, ep,\n"
                          "    CASE WHEN ep = 0 THEN u ELSE substr(u, 1, ep - 1) END AS m,\n"
                          "    CASE WHEN ep = 0 THEN '' ELSE substr(u, ep + 1) END AS x\n"
                          "  FROM %s", n[2]);
  _li_sql_cte_end (g);

  _li_sql_cte (g, n[4]);
  g_string_append (g->sql,
                   "  SELECT lead_id, v, neg, ep, m, substr(x, 1, 1) = '-' AS xneg,\n"
                   "    CASE WHEN substr(x, 1, 1) IN ('+', '-') THEN substr(x, 2) ELSE x END AS xs, ");
  _li_sql_apply (g->sql, g->d->strpos, "m", "'.'");
  g_string_append_printf (g->sql, " AS dp\n  FROM %s", n[3]);
  _li_sql_cte_end (g);

  _li_sql_cte (g, n[5]);
  g_string_append (g->sql, "  SELECT lead_id, neg, xneg, ");
  _li_sql_apply (g->sql, g->d->number_syntax, "v", NULL);
  g_string_append_printf (g->sql,
                          " AS ok, ltrim(xs, '0') AS xd,\n"
                          "    CASE WHEN dp = 0 THEN m ELSE substr(m, 1, dp - 1) END AS ip,\n"
                          "    CASE WHEN dp = 0 THEN '' ELSE substr(m, dp + 1) END AS fp\n"
                          "  FROM %s", n[4]);
  _li_sql_cte_end (g);

  /* The exponent is only read from text that is a number (the cast would
   * fail on anything else); beyond 15 digits it is far out of range. */
  _li_sql_cte (g, n[6]);
  g_string_append (g->sql,
                   "  SELECT lead_id, neg, ok, rtrim(ltrim(ip || fp, '0'), '0') AS d,\n"
                   "    CASE WHEN ok THEN (CASE WHEN xd = '' THEN 0 WHEN length(xd) > 15 THEN 1000000000000000 ELSE ");
  _li_sql_apply (g->sql, g->d->digits_to_int, "xd", NULL);
  g_string_append_printf (g->sql,
                          " END)\n"
                          "      * (CASE WHEN xneg THEN -1 ELSE 1 END) + length(ip)"
                          " - (length(ip || fp) - length(ltrim(ip || fp, '0'))) END AS e\n"
                          "  FROM %s", n[5]);
  _li_sql_cte_end (g);

  /* Finite: below 2^1024 − 2^970, which rounds to infinity. */
  _li_sql_decimal_overflow (&overflow);
  _li_sql_cte (g, n[0]);
  g_string_append_printf (g->sql,
                          "  SELECT lead_id, COALESCE(ok AND (d = '' OR e < %" G_GINT64_FORMAT
                          " OR (e = %" G_GINT64_FORMAT " AND d%s < ",
                          overflow.exponent, overflow.exponent, g->d->byte_order);
  _li_sql_string (g, overflow.digits);
  g_string_append_printf (g->sql, ")), FALSE) AS has, neg, d, e FROM %s", n[6]);
  _li_sql_cte_end (g);
  _li_sql_decimal_clear (&overflow);
  for (guint i = 0; i < G_N_ELEMENTS (n); i++)
    g_free (n[i]);
}

/* "v ≥ at" (or >) for the decimal of _li_numA, whose values are finite:
 * v ≥ B > 0 when v is positive and |v| ≥ B; v ≥ −B unless v is negative
 * and |v| > B (> and ≥ swap for an exclusive bound). */
static void
_li_gen_bound (LiSqlGen         *g,
               guint             a,
               const LiSqlBound *b)
{
  gboolean neg = b->at.negative;

  if (b->kind != LI_SQL_BOUND_AT)
    {
      g_string_append (g->sql, b->kind == LI_SQL_BOUND_ALWAYS ? "TRUE" : "FALSE");
      return;
    }
  g_string_append_printf (g->sql, neg ? "(NOT (n%u.neg" : "(NOT n%u.neg", a);
  g_string_append_printf (g->sql, " AND n%u.d <> '' AND (n%u.e > %" G_GINT64_FORMAT
                          " OR (n%u.e = %" G_GINT64_FORMAT " AND n%u.d%s %s ",
                          a, a, b->at.exponent, a, b->at.exponent, a, g->d->byte_order,
                          b->inclusive != neg ? ">=" : ">");
  _li_sql_string (g, b->at.digits);
  g_string_append (g->sql, neg ? "))))" : ")))");
}

/* x ≥ c (or x > c), or its negation. */
static void
_li_gen_numeric_test (LiSqlGen *g,
                      guint     a,
                      double    c,
                      gboolean  strictly,
                      gboolean  negate)
{
  LiSqlBound b;

  if (strictly)
    _li_sql_bound_above (&b, c);
  else
    _li_sql_bound_at_least (&b, c);
  g_string_append (g->sql, negate ? " AND NOT " : " AND ");
  _li_gen_bound (g, a, &b);
  _li_sql_bound_clear (&b);
}

/* The condition of fit rule @rule on attribute column f.aA. */
static void
_li_gen_fit_condition (LiSqlGen        *g,
                       const LiFitRule *rule,
                       guint            a)
{
  g_autofree char *v = g_strdup_printf ("f.a%u", a);

  switch (rule->op)
    {
    case LI_FIT_EQ:
    case LI_FIT_NE:
      g_string_append_printf (g->sql, "%s %s ", v, rule->op == LI_FIT_EQ ? "=" : "<>");
      _li_sql_string (g, rule->values[0]);
      break;
    case LI_FIT_IN:
      _li_sql_in_list (g, v, (const char * const *) rule->values);
      break;
    case LI_FIT_NOT_IN:
      {
        g_autofree char *not_v = g_strdup_printf ("%s NOT", v);
        _li_sql_in_list (g, not_v, (const char * const *) rule->values);
      }
      break;
    case LI_FIT_EXISTS:
      g_string_append_printf (g->sql, "%s IS NOT NULL", v);
      break;
    case LI_FIT_MISSING:
      g_string_append_printf (g->sql, "%s IS NULL", v);
      break;
    case LI_FIT_GT:
    case LI_FIT_GTE:
    case LI_FIT_LT:
    case LI_FIT_LTE:
      g_string_append_printf (g->sql, "n%u.has", a);
      _li_gen_numeric_test (g, a, rule->number[0], rule->op == LI_FIT_GT || rule->op == LI_FIT_LTE,
                            rule->op == LI_FIT_LT || rule->op == LI_FIT_LTE);
      break;
    case LI_FIT_BETWEEN:
      g_string_append_printf (g->sql, "n%u.has", a);
      _li_gen_numeric_test (g, a, rule->number[0], FALSE, FALSE);
      _li_gen_numeric_test (g, a, rule->number[1], TRUE, TRUE);
      break;
    default:
      g_assert_not_reached ();
    }
}

static guint
_li_gen_attr_index (LiSqlGen   *g,
                    const char *attribute)
{
  for (guint a = 0; a < g->attrs->len; a++)
    if (strcmp (g->attrs->pdata[a], attribute) == 0)
      return a;
  g_assert_not_reached ();
}

/* Term @f of fit(t). */
void
_li_sql_fit_term (LiSqlGen *g,
                  guint     f)
{
  const LiFitRule *rule = &g->rules->fit[f];

  g_string_append (g->sql, "CASE WHEN ");
  _li_gen_fit_condition (g, rule, _li_gen_attr_index (g, rule->attribute));
  g_string_append (g->sql, " THEN ");
  _li_sql_double (g, rule->points);
  g_string_append (g->sql, " ELSE 0 END");
}
