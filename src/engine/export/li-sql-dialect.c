/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-sql-dialect.c: what differs between PostgreSQL, SQLite and BigQuery,
 * in one table; li-sql-export.c writes everything else the same way for
 * all three.  docs/sql-export.md explains each difference to users. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "li-number.h"
#include "li-sql-export-private.h"

/* 2^53: integers below it are exact doubles. */
#define LI_EXACT_INT_LIMIT 9007199254740992.0

/* PostgreSQL and SQLite: "name" with quotes doubled. */
static void
_li_quote_ident_double (GString    *out,
                        const char *name)
{
  g_string_append_c (out, '"');
  for (const char *c = name; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

/* BigQuery: `name`.  The exporter only passes names without backquotes,
 * backslashes or control characters, which need no escape. */
static void
_li_quote_ident_backquote (GString    *out,
                           const char *name)
{
  g_string_append_c (out, '`');
  g_string_append (out, name);
  g_string_append_c (out, '`');
}

/* PostgreSQL (standard_conforming_strings, the default since 9.1) and
 * SQLite: 'text' with quotes doubled; nothing else is special. */
static void
_li_quote_string_sql (GString    *out,
                      const char *text)
{
  g_string_append_c (out, '\'');
  for (const char *c = text; *c; c++)
    {
      if (*c == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '\'');
}

/* BigQuery: backslash escapes, and no raw line breaks in a quoted string. */
static void
_li_quote_string_bigquery (GString    *out,
                           const char *text)
{
  g_string_append_c (out, '\'');
  for (const char *c = text; *c; c++)
    {
      switch (*c)
        {
        case '\\':
        case '\'':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((guchar) *c < 0x20)
            g_string_append_printf (out, "\\x%02x", (guint) (guchar) *c);
          else
            g_string_append_c (out, *c);
        }
    }
  g_string_append_c (out, '\'');
}

/* PostgreSQL reads a literal with strtod, which rounds correctly; the cast
 * keeps 2.5 from being a numeric (bigint / numeric divides exactly, not as
 * doubles do). */
static void
_li_double_postgres (GString *out,
                     double   value)
{
  g_autofree char *text = li_format_number (value);

  g_string_append_printf (out, "%s::float8", text);
}

static void
_li_double_bigquery (GString *out,
                     double   value)
{
  g_autofree char *text = li_format_number (value);

  /* A literal without a point or an exponent would be an INT64. */
  g_string_append_printf (out, "%s%s", text, strpbrk (text, ".e") ? "" : ".0");
}

/* SQLite 3.40 reads decimal literals in long double and rounds twice, so
 * about one literal in 10^4 comes out one unit in the last place off.  It
 * is exact when the quotient it computes is itself exact: integers, and
 * decimals that are exactly the double (2.5, 0.125) with few digits.
 * Every other value is written as its odd significand over a power of two,
 * which SQLite divides as IEEE doubles, exactly. */
static void
_li_double_sqlite (GString *out,
                   double   value)
{
  LiSqlDecimal d = { 0 };
  gint64 m;
  int e2;
  gsize len;

  if (li_number_is_integral (value) && fabs (value) < LI_EXACT_INT_LIMIT)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT ".0", (gint64) value);
      return;
    }

  _li_sql_decimal_of_double (&d, value);
  len = strlen (d.digits);
  if (len <= 17 && (gint64) len - d.exponent <= 22)
    {
      /* not integral, so the point falls inside or before the digits */
      if (d.negative)
        g_string_append_c (out, '-');
      if (d.exponent <= 0)
        {
          g_string_append (out, "0.");
          for (gint64 z = d.exponent; z < 0; z++)
            g_string_append_c (out, '0');
          g_string_append (out, d.digits);
        }
      else
        {
          g_string_append_len (out, d.digits, d.exponent);
          g_string_append_c (out, '.');
          g_string_append (out, d.digits + d.exponent);
        }
      _li_sql_decimal_clear (&d);
      return;
    }
  _li_sql_decimal_clear (&d);

  m = (gint64) ldexp (frexp (value, &e2), 53);
  e2 -= 53;
  for (; m % 2 == 0; m /= 2)
    e2++;
  g_string_append_printf (out, "(%" G_GINT64_FORMAT ".0", m);
  for (int k = ABS (e2); k > 0; k -= MIN (k, 62))
    g_string_append_printf (out, " %c %" G_GINT64_FORMAT, e2 < 0 ? '/' : '*',
                            (gint64) 1 << MIN (k, 62));
  g_string_append_c (out, ')');
}

/* SPEC 3's number: [+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?, a full match. */
#define LI_NUMBER_REGEX "^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$"

/* Floor division, exact for negative times too. */
#define LI_UTC_DAY_OPERATORS "(($1 - (($1 % 86400000) + 86400000) % 86400000) / 86400000)"

/* Names that are not a table's own columns: PostgreSQL's system columns
 * and SQLite's row id would be read in place of a missing property column;
 * BigQuery keeps these prefixes for its pseudo-columns. */
static const char *const postgres_system[] = { "tableoid", "xmin", "cmin", "xmax", "cmax", "ctid", NULL };
static const char *const sqlite_system[] = { "rowid", "oid", "_rowid_", NULL };
static const char *const bigquery_prefixes[] = {
  "_PARTITION", "_TABLE_", "_FILE_", "_ROW_TIMESTAMP", "__ROOT__", "_COLIDENTIFIER", NULL
};

static const LiSqlDialectInfo dialects[] = {
  [LI_SQL_POSTGRES] = {
    .name = "postgres",
    .title = "PostgreSQL",
    .text_type = "text",
    .ts_ms = "CAST(floor(EXTRACT(EPOCH FROM $1) * 1000) AS bigint)",
    .digits_to_int = "CAST($1 AS bigint)",
    .strpos = "strpos($1, $2)",
    .utc_day = LI_UTC_DAY_OPERATORS,
    .byte_order = " COLLATE \"C\"",
    .number_syntax = "$1 ~ '" LI_NUMBER_REGEX "'",
    .quote_ident = _li_quote_ident_double,
    .quote_string = _li_quote_string_sql,
    .append_double = _li_double_postgres,
    .system_names = postgres_system,
    .missing_columns_null = TRUE,
    .underflow_is_error = TRUE,
    .max_name_bytes = 63,
    .max_columns = 1600,
  },
  /* SQLite has no built-in REGEXP (its shell adds one, other hosts do
   * not): the syntax is checked on the parts with GLOB. */
  [LI_SQL_SQLITE] = {
    .name = "sqlite",
    .title = "SQLite",
    .text_type = "TEXT",
    .ts_ms = "$1",
    .digits_to_int = "CAST($1 AS INTEGER)",
    .strpos = "instr($1, $2)",
    .utc_day = LI_UTC_DAY_OPERATORS,
    .byte_order = " COLLATE BINARY",
    .number_syntax = "(m NOT GLOB '*[^0-9.]*' AND m NOT GLOB '*.*.*' AND m GLOB '*[0-9]*'"
                     " AND (ep = 0 OR (xs <> '' AND xs NOT GLOB '*[^0-9]*')))",
    .quote_ident = _li_quote_ident_double,
    .quote_string = _li_quote_string_sql,
    .append_double = _li_double_sqlite,
    .system_names = sqlite_system,
    .names_fold_case = TRUE,
    .max_columns = 2000,
  },
  [LI_SQL_BIGQUERY] = {
    .name = "bigquery",
    .title = "BigQuery",
    .text_type = "STRING",
    .ts_ms = "UNIX_MILLIS($1)",
    .digits_to_int = "SAFE_CAST($1 AS INT64)",
    .strpos = "STRPOS($1, $2)",
    .utc_day = "DIV($1 - MOD(MOD($1, 86400000) + 86400000, 86400000), 86400000)",
    .byte_order = "",
    .number_syntax = "REGEXP_CONTAINS($1, r'" LI_NUMBER_REGEX "')",
    .quote_ident = _li_quote_ident_backquote,
    .quote_string = _li_quote_string_bigquery,
    .append_double = _li_double_bigquery,
    .system_prefixes = bigquery_prefixes,
    .names_fold_case = TRUE,
    .names_plain_only = TRUE,
    .max_name_bytes = 300,
    .max_columns = 10000,
    .max_query_bytes = 1024 * 1024,
  },
};

const LiSqlDialectInfo *
_li_sql_dialect_info (LiSqlDialect dialect)
{
  g_return_val_if_fail ((guint) dialect < G_N_ELEMENTS (dialects), &dialects[0]);
  return &dialects[dialect];
}

gboolean
li_sql_dialect_from_string (const char   *str,
                            LiSqlDialect *dialect)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (dialects); i++)
    if (g_str_equal (str, dialects[i].name))
      {
        *dialect = (LiSqlDialect) i;
        return TRUE;
      }
  return FALSE;
}

void
_li_sql_apply (GString    *out,
               const char *tmpl,
               const char *arg1,
               const char *arg2)
{
  for (const char *c = tmpl; *c; c++)
    {
      if (c[0] == '$' && (c[1] == '1' || c[1] == '2'))
        {
          g_string_append (out, c[1] == '1' ? arg1 : arg2);
          c++;
        }
      else
        g_string_append_c (out, *c);
    }
}
