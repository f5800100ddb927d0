/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the files of src/engine/export/ that write SQL; not for use
 * outside the folder. */

#include "li-sql-export.h"

G_BEGIN_DECLS

/* ---- li-sql-dialect.c: everything that differs between the dialects ---- */

/* Templates are SQL text in which "$1" and "$2" stand for the arguments. */
typedef struct
{
  const char *name;            /* as --dialect spells it */
  const char *title;           /* for messages and the query's comment */
  const char *int_type;
  const char *text_type;
  const char *ts_ms;           /* $1: the ts column → Unix milliseconds, an integer */
  const char *digits_to_int;   /* $1: ASCII digits (at most 15) → an integer */
  const char *strpos;          /* position (from 1, 0 when absent) of $2 in $1 */
  const char *utc_day;         /* $1: Unix milliseconds → days since 1970 (floor) */
  const char *round_even;      /* $1 rounded to an integer, ties to even */
  const char *byte_order;      /* appended to a text operand: compare bytes */
  /* $1 matches SPEC 3's number syntax; it may also use the parts "m"
   * (mantissa), "xs" (exponent digits) and "ep" (position of the "e")
   * that li-sql-export.c computes before testing it. */
  const char *number_syntax;
  void      (*quote_ident)     (GString    *out,
                                const char *name);
  void      (*quote_string)    (GString    *out,
                                const char *text);
  void      (*append_double)   (GString    *out,
                                double      value);
  /* PostgreSQL: a property column the table lacks reads as NULL (resolved
   * through an outer query level, see li-sql-export.c). */
  gboolean    missing_columns_null;
  /* PostgreSQL stops with an error when a product underflows to zero. */
  gboolean    underflow_is_error;
  const char *const *system_names;  /* names a table's own columns cannot have */
  const char *const *system_prefixes;
  gboolean    names_fold_case;  /* "Country" and "country" are one column */
  gboolean    names_plain_only; /* column names are [A-Za-z_][A-Za-z0-9_]* */
  gsize       max_name_bytes;   /* 0: no limit */
  guint       max_columns;      /* in one SELECT list */
  gsize       max_query_bytes;  /* 0: no limit */
} LiSqlDialectInfo;

const LiSqlDialectInfo *_li_sql_dialect_info (LiSqlDialect dialect);
/* Appends @tmpl with $1 and $2 replaced by @arg1 and @arg2. */
void _li_sql_apply (GString    *out,
                    const char *tmpl,
                    const char *arg1,
                    const char *arg2);

/* ---- li-sql-decimal.c: exact decimals for comparisons without floats ---- */

/* A decimal 0.DIGITS × 10^exponent; digits has neither leading nor trailing
 * zeros and is "" for zero. */
typedef struct
{
  gboolean negative;
  gint64   exponent;
  char    *digits;
} LiSqlDecimal;

void _li_sql_decimal_clear     (LiSqlDecimal *decimal);
/* The exact value of @value (finite). */
void _li_sql_decimal_of_double (LiSqlDecimal *out,
                                double        value);
/* The smallest magnitude that rounds to infinity (2^1024 − 2^970). */
void _li_sql_decimal_overflow  (LiSqlDecimal *out);

typedef enum
{
  LI_SQL_BOUND_ALWAYS,  /* every finite number */
  LI_SQL_BOUND_NEVER,
  LI_SQL_BOUND_AT,      /* the decimals v ≥ at (inclusive) or v > at */
} LiSqlBoundKind;

/* Which decimals v satisfy x ≥ c, or x > c, where x is the double nearest
 * to v (ties to even), as the engine's strtod reads v.  @at is never 0. */
typedef struct
{
  LiSqlBoundKind kind;
  gboolean       inclusive;
  LiSqlDecimal   at;
} LiSqlBound;

void _li_sql_bound_at_least (LiSqlBound *out,
                             double      c);
void _li_sql_bound_above    (LiSqlBound *out,
                             double      c);
void _li_sql_bound_clear    (LiSqlBound *bound);

/* ---- li-sql-export.c, li-sql-patterns.c, li-sql-fit.c: writing the query ---- */

/* As li-plan.c turns rule windows into milliseconds. */
#define LI_MS_PER_HOUR 3600000.0
#define LI_MS_PER_DAY  86400000.0

/* The state of one export.  Columns of the query's own tables have short
 * names: p0, p1, … for the event properties it reads (keys), a0, a1, … for
 * the fit attributes (attrs). */
typedef struct
{
  const LiRules            *rules;
  const LiSqlExportOptions *options;
  const LiSqlDialectInfo   *d;
  GString                  *sql;
  GString                  *problems;  /* one line per refusal */
  GPtrArray                *keys;      /* event properties read: columns p0, p1, … */
  GPtrArray                *attrs;     /* distinct fit attributes: a0, a1, … */
  gboolean                 *numeric;   /* per attribute: a numeric op reads it */
  int                       product;   /* key of product_id, or -1 */
  int                       category;
  guint                     n_ctes;
} LiSqlGen;

void   _li_sql_ident           (LiSqlGen           *g,
                                const char         *name);
void   _li_sql_string          (LiSqlGen           *g,
                                const char         *text);
void   _li_sql_double          (LiSqlGen           *g,
                                double              value);
void   _li_sql_int             (LiSqlGen           *g,
                                gint64              value);
/* A window of @window_ms milliseconds as a bound on integer ages: an
 * integer is < W exactly when it is < ceil(W). */
gint64 _li_sql_window_ms       (double              window_ms);
/* Starts the common table expression @name; _li_sql_cte_end closes it. */
void   _li_sql_cte             (LiSqlGen           *g,
                                const char         *name);
void   _li_sql_cte_end         (LiSqlGen           *g);
/* The rest of "CASE WHEN <match>": the points of an item of age `age`. */
void   _li_sql_decayed         (LiSqlGen           *g,
                                const LiDecay      *decay,
                                double              points);
void   _li_sql_in_list         (LiSqlGen           *g,
                                const char         *column,
                                const char * const *values);
/* The column (p0, p1, …) of property @key. */
int    _li_sql_key_index       (LiSqlGen           *g,
                                const char         *key);
/* SELECT lead_id[, event, seq, t], the @columns as <prefix>0, … FROM @table. */
void   _li_sql_from_with_nulls (LiSqlGen           *g,
                                const char         *table,
                                gboolean            events,
                                GPtrArray          *columns,
                                const char         *prefix);

/* li-sql-patterns.c: _li_pN_fire for each enabled pattern, then _li_pat
 * (lead_id, qN): each pattern's decayed points. */
void   _li_sql_patterns        (LiSqlGen           *g);

/* li-sql-fit.c: _li_fitval (lead_id, aN), _li_numN for each attribute a
 * numeric operator reads, and the term of fit rule @f in _li_parts. */
void   _li_sql_fit_values      (LiSqlGen           *g);
void   _li_sql_fit_number      (LiSqlGen           *g,
                                guint               a);
void   _li_sql_fit_term        (LiSqlGen           *g,
                                guint               f);

G_END_DECLS
