/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-sql-export.c: the rules as one SQL query (SPEC 7, export-sql).
 *
 * The query is a chain of common table expressions that computes SPEC 4
 * directly instead of replaying events one by one:
 *
 *   _li_raw, _li_asof, _li_ev   the events up to the as-of time, numbered in
 *                               stable order per lead (rn: ts, then seq)
 *   _li_seg                     the events after each lead's last outcome,
 *                               with their age (as-of − ts, milliseconds)
 *   _li_intent                  one decayed sum per intent rule
 *   _li_pN_…                    pattern N: the events where its condition
 *                               holds (window functions), then its firings:
 *                               the cooldown makes each firing depend on the
 *                               one before, a recursive chain
 *   _li_fitval, _li_numN        each fit attribute's value, and numbers as
 *                               exact decimals (li-sql-decimal.c)
 *   _li_parts, _li_ranked       clamps, sums, stage and the order of `score`
 *
 * Times are integer milliseconds, windows integers too (an integer age is
 * < W exactly when it is < ceil(W)), so only the decay factors and sums are
 * floating point, as in the engine.  The dialects differ only where
 * li-sql-dialect.c says. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "li-sql-export-private.h"
#include "li-time.h"

G_DEFINE_QUARK (li-sql-export-error-quark, li_sql_export_error)

/* SPEC 4: a stage condition holds at the threshold minus this. */
#define LI_STAGE_EPSILON 1e-9
/* Exponential decay counts as 0 beyond this many half-lives (a factor below
 * 2^-600, 1e-181: no printed digit or stage can change), because
 * PostgreSQL stops with an error when power() underflows. */
#define LI_MAX_HALF_LIVES 600.0
/* Below this, decayed points underflow in PostgreSQL, which is an error. */
#define LI_POSTGRES_MIN_POINTS 1e-100
/* Sums of more terms are split in halves: SQLite limits expression depth. */
#define LI_FLAT_SUM 16

static void
_li_gen_refuse (LiSqlGen   *g,
                const char *path,
                const char *message)
{
  g_string_append_printf (g->problems, "%s%s: %s", g->problems->len ? "\n" : "", path, message);
}

static gboolean
_li_name_equal (const LiSqlGen *g,
                const char     *a,
                const char     *b)
{
  return g->d->names_fold_case ? g_ascii_strcasecmp (a, b) == 0 : strcmp (a, b) == 0;
}

static gboolean
_li_name_is_plain (const char *name)
{
  if (!g_ascii_isalpha (name[0]) && name[0] != '_')
    return FALSE;
  for (const char *c = name; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '_')
      return FALSE;
  return TRUE;
}

/* Whether @name can be a property column of the dialect's tables. */
static gboolean
_li_gen_check_name (LiSqlGen   *g,
                    const char *name,
                    const char *path)
{
  static const char *own[] = { "seq", "lead_id", "ts", "event" };
  g_autofree char *msg = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (own) && msg == NULL; i++)
    if (_li_name_equal (g, name, own[i]))
      msg = g_strdup_printf (_("the property “%s” cannot have a column: the events table's own "
                               "columns are seq, lead_id, ts and event"), name);
  if (msg == NULL && name[0] == '\0')
    msg = g_strdup (_("a property without a name cannot have a column"));
  for (guint i = 0; g->d->system_names && g->d->system_names[i] && msg == NULL; i++)
    if (_li_name_equal (g, name, g->d->system_names[i]))
      msg = g_strdup_printf (_("“%s” is a system column in %s"), name, g->d->title);
  for (guint i = 0; g->d->system_prefixes && g->d->system_prefixes[i] && msg == NULL; i++)
    if (g_ascii_strncasecmp (name, g->d->system_prefixes[i], strlen (g->d->system_prefixes[i])) == 0)
      msg = g_strdup_printf (_("%s keeps column names starting with “%s” for itself"),
                             g->d->title, g->d->system_prefixes[i]);
  if (msg == NULL && g->d->max_name_bytes > 0 && strlen (name) > g->d->max_name_bytes)
    msg = g_strdup_printf (_("%s column names are at most %" PRIu64 " bytes"),
                           g->d->title, (guint64) g->d->max_name_bytes);
  if (msg == NULL && g->d->names_plain_only && !_li_name_is_plain (name))
    msg = g_strdup_printf (_("%s column names are letters, digits and underscores (“%s”)"),
                           g->d->title, name);
  for (guint i = 0; i < g->keys->len && msg == NULL; i++)
    if (strcmp (name, g->keys->pdata[i]) != 0 && _li_name_equal (g, name, g->keys->pdata[i]))
      msg = g_strdup_printf (_("“%s” and “%s” are one column in %s"),
                             name, (const char *) g->keys->pdata[i], g->d->title);
  if (msg != NULL)
    _li_gen_refuse (g, path, msg);
  return msg == NULL;
}

/* The column index of property @key, added on first use; -1 when it is
 * refused (then nothing is written). */
static int
_li_gen_key (LiSqlGen   *g,
             const char *key,
             const char *path)
{
  for (guint i = 0; i < g->keys->len; i++)
    if (strcmp (g->keys->pdata[i], key) == 0)
      return (int) i;
  if (!_li_gen_check_name (g, key, path))
    return -1;
  g_ptr_array_add (g->keys, (gpointer) key);
  return (int) g->keys->len - 1;
}

/* PostgreSQL raises an underflow error where a product of doubles rounds to
 * zero; points decayed by a factor stay clear of that above this size. */
static void
_li_gen_check_points (LiSqlGen      *g,
                      const LiDecay *decay,
                      double         points,
                      const char    *path)
{
  gboolean multiplies = decay->model == LI_DECAY_EXPONENTIAL || decay->model == LI_DECAY_LINEAR;

  if (g->d->underflow_is_error && multiplies && points != 0 && fabs (points) < LI_POSTGRES_MIN_POINTS)
    _li_gen_refuse (g, path, _("PostgreSQL stops with an underflow error on decayed points this "
                               "small (|points| < 1e-100)"));
}

static void
_li_gen_check_columns (LiSqlGen   *g,
                       const char *path,
                       guint       n)
{
  if (n > g->d->max_columns)
    {
      g_autofree char *msg = g_strdup_printf (_("needs %u columns in one SELECT; %s allows %u"),
                                              n, g->d->title, g->d->max_columns);
      _li_gen_refuse (g, path, msg);
    }
}

static guint
_li_n_enabled_patterns (const LiRules *rules)
{
  guint n = 0;

  for (guint p = 0; p < rules->n_patterns; p++)
    n += rules->patterns[p].enabled ? 1 : 0;
  return n;
}

/* Every column the query reads, and every refusal, before writing. */
static void
_li_gen_collect (LiSqlGen *g)
{
  const LiRules *rules = g->rules;

  for (guint r = 0; r < rules->n_intent; r++)
    {
      g_autofree char *path = g_strdup_printf ("intent[%u].points", r);

      for (guint w = 0; w < rules->intent[r].n_where; w++)
        {
          g_autofree char *wpath = g_strdup_printf ("intent[%u].where.%s", r, rules->intent[r].where[w].key);
          _li_gen_key (g, rules->intent[r].where[w].key, wpath);
        }
      _li_gen_check_points (g, li_rules_intent_decay (rules, r), rules->intent[r].points, path);
    }
  for (guint p = 0; p < rules->n_patterns; p++)
    {
      const LiPattern *pat = &rules->patterns[p];
      g_autofree char *kind = g_strdup_printf ("patterns[%u].kind", p);
      g_autofree char *path = g_strdup_printf ("patterns[%u].points", p);

      if (!pat->enabled)
        continue;
      if (pat->kind == LI_PATTERN_REPEAT_PRODUCT || pat->kind == LI_PATTERN_CATEGORY_FOCUS)
        g->product = _li_gen_key (g, "product_id", kind);
      if (pat->kind == LI_PATTERN_CATEGORY_FOCUS)
        g->category = _li_gen_key (g, "category", kind);
      _li_gen_check_points (g, li_rules_pattern_decay (rules, p), pat->points, path);
    }
  for (guint f = 0; f < rules->n_fit; f++)
    {
      const LiFitRule *rule = &rules->fit[f];
      g_autofree char *path = g_strdup_printf ("fit[%u].attribute", f);
      guint a;

      for (a = 0; a < g->attrs->len; a++)
        if (strcmp (g->attrs->pdata[a], rule->attribute) == 0)
          break;
      if (a == g->attrs->len)
        {
          _li_gen_key (g, rule->attribute, path);
          g_ptr_array_add (g->attrs, rule->attribute);
        }
    }
  g->numeric = g_new0 (gboolean, MAX (g->attrs->len, 1));
  for (guint f = 0; f < rules->n_fit; f++)
    for (guint a = 0; a < g->attrs->len; a++)
      if (strcmp (g->attrs->pdata[a], rules->fit[f].attribute) == 0 &&
          rules->fit[f].op >= LI_FIT_GT && rules->fit[f].op <= LI_FIT_BETWEEN)
        g->numeric[a] = TRUE;

  _li_gen_check_columns (g, "intent", rules->n_intent + 1);
  _li_gen_check_columns (g, "patterns", rules->n_patterns + 1);
  _li_gen_check_columns (g, "fit", g->attrs->len + 1);
  _li_gen_check_columns (g, "intent, patterns and fit", g->keys->len + 7);
}

/* "a.b.c": each part an identifier. */
static gboolean
_li_gen_check_table (LiSqlGen    *g,
                     const char  *option,
                     const char  *name,
                     GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (name, ".", -1);
  const char *why = NULL;

  for (guint i = 0; parts[i] != NULL && why == NULL; i++)
    {
      if (parts[i][0] == '\0')
        why = _("an empty name part");
      else if (g->d->max_name_bytes > 0 && strlen (parts[i]) > g->d->max_name_bytes)
        why = _("a name part longer than the dialect allows");
      for (const char *c = parts[i]; *c && why == NULL; c++)
        if ((guchar) *c < 0x20 || *c == '`' || *c == '\\')
          why = _("a control character, backquote or backslash");
    }
  if (why == NULL && parts[1] == NULL && g_str_has_prefix (name, "_li_"))
    why = _("names starting with “_li_” are the query's own");
  if (why != NULL)
    g_set_error (error, LI_SQL_EXPORT_ERROR, LI_SQL_EXPORT_ERROR_TABLE_NAME,
                 "%s “%s”: %s", option, name, why);
  return why == NULL;
}

void
_li_sql_ident (LiSqlGen   *g,
               const char *name)
{
  g->d->quote_ident (g->sql, name);
}

static void
_li_gen_table (LiSqlGen   *g,
               const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, ".", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (g->sql, '.');
      _li_sql_ident (g, parts[i]);
    }
}

void
_li_sql_string (LiSqlGen   *g,
                const char *text)
{
  g->d->quote_string (g->sql, text);
}

void
_li_sql_double (LiSqlGen *g,
                double    value)
{
  g->d->append_double (g->sql, value);
}

void
_li_sql_int (LiSqlGen *g,
             gint64    value)
{
  g_string_append_printf (g->sql, "%" G_GINT64_FORMAT, value);
}

gint64
_li_sql_window_ms (double window_ms)
{
  return (gint64) ceil (window_ms);
}

void
_li_sql_cte (LiSqlGen   *g,
             const char *name)
{
  g_string_append (g->sql, g->n_ctes++ == 0 ? "" : ",\n");
  g_string_append_printf (g->sql, "%s AS (\n", name);
}

void
_li_sql_cte_end (LiSqlGen *g)
{
  g_string_append (g->sql, "\n)");
}

/* The rest of "CASE WHEN <match>": the points of one item of age `age`
 * decayed by @decay, for SUM() (items past a window are left out). */
void
_li_sql_decayed (LiSqlGen      *g,
                 const LiDecay *decay,
                 double         points)
{
  double span = decay->days * LI_MS_PER_DAY;

  switch (decay->model)
    {
    case LI_DECAY_NONE:
      g_string_append (g->sql, " THEN ");
      _li_sql_double (g, points);
      break;
    case LI_DECAY_WINDOW:
      g_string_append (g->sql, " AND age < ");
      _li_sql_int (g, _li_sql_window_ms (span));
      g_string_append (g->sql, " THEN ");
      _li_sql_double (g, points);
      break;
    case LI_DECAY_LINEAR:
      g_string_append (g->sql, " AND age < ");
      _li_sql_int (g, _li_sql_window_ms (span));
      g_string_append (g->sql, " THEN ");
      _li_sql_double (g, points);
      g_string_append (g->sql, " * (1 - age / ");
      _li_sql_double (g, span);
      g_string_append (g->sql, ")");
      break;
    case LI_DECAY_EXPONENTIAL:
      g_string_append (g->sql, " AND age < ");
      _li_sql_double (g, LI_MAX_HALF_LIVES * span);
      g_string_append (g->sql, " THEN ");
      _li_sql_double (g, points);
      g_string_append (g->sql, " * power(");
      _li_sql_double (g, 2);
      g_string_append (g->sql, ", -(age / ");
      _li_sql_double (g, span);
      g_string_append (g->sql, "))");
      break;
    default:
      g_assert_not_reached ();
    }
}

/* "v IN ('a', 'b')" */
void
_li_sql_in_list (LiSqlGen           *g,
                 const char         *column,
                 const char * const *values)
{
  g_string_append_printf (g->sql, "%s IN (", column);
  for (guint v = 0; values[v] != NULL; v++)
    {
      if (v > 0)
        g_string_append (g->sql, ", ");
      _li_sql_string (g, values[v]);
    }
  g_string_append_c (g->sql, ')');
}

/* ", "a", "b"" for a comment: a name may hold a line break, which would
 * end the comment, so control characters show as '?'. */
static void
_li_gen_comment_columns (LiSqlGen  *g,
                         GPtrArray *names)
{
  gsize start = g->sql->len;

  for (guint k = 0; k < names->len; k++)
    {
      g_string_append (g->sql, ", ");
      _li_sql_ident (g, names->pdata[k]);
    }
  for (char *c = g->sql->str + start; *c; c++)
    if ((guchar) *c < 0x20)
      *c = '?';
}

static void
_li_gen_header (LiSqlGen *g)
{
  g_autofree char *as_of = g->options->has_as_of ? li_time_format (g->options->as_of_ms) : NULL;

  g_string_append_printf (g->sql,
                          "-- Lead Intent rules as one %s query (lead-intent-cli export-sql).\n"
                          "-- Returns lead_id, score, intent, fit, stage as `lead-intent-cli score` does,\n"
                          "-- in its order, scored %s%s.\n"
                          "-- Reads events(seq, lead_id, ts, event",
                          g->d->title, as_of ? "as of " : "at the latest ts of the events table",
                          as_of ? as_of : "");
  _li_gen_comment_columns (g, g->keys);
  g_string_append_c (g->sql, ')');
  if (g->rules->n_fit > 0)
    {
      g_string_append (g->sql, " and leads(lead_id");
      _li_gen_comment_columns (g, g->attrs);
      g_string_append_c (g->sql, ')');
    }
  g_string_append (g->sql, ";\n-- see docs/sql-export.md.\n");
}

/* PostgreSQL resolves a column a subquery's table lacks in the enclosing
 * query level: selecting FROM @table inside a LATERAL subquery whose outer
 * level has a NULL column of each name makes missing columns NULL
 * (SPEC 7).  Other dialects read the columns directly. */
void
_li_sql_from_with_nulls (LiSqlGen   *g,
                         const char *table,
                         gboolean    events,
                         GPtrArray  *columns,
                         const char *prefix)
{
  const char *alias = events ? "e" : "l";
  gboolean nulls = g->d->missing_columns_null && columns->len > 0;

  if (nulls)
    {
      g_string_append (g->sql, "  SELECT r.* FROM (SELECT ");
      for (guint k = 0; k < columns->len; k++)
        {
          g_string_append_printf (g->sql, "%sCAST(NULL AS %s) AS ", k ? ", " : "", g->d->text_type);
          _li_sql_ident (g, columns->pdata[k]);
        }
      g_string_append (g->sql, ") AS _li_none\n  CROSS JOIN LATERAL (\n  ");
    }
  g_string_append_printf (g->sql, "  SELECT %s.lead_id", alias);
  if (events)
    {
      g_autofree char *ts = g_strdup_printf ("%s.ts", alias);
      g_string_append_printf (g->sql, ", %s.event, %s.seq, ", alias, alias);
      _li_sql_apply (g->sql, g->d->ts_ms, ts, NULL);
      g_string_append (g->sql, " AS t");
    }
  for (guint k = 0; k < columns->len; k++)
    {
      g_string_append (g->sql, ", NULLIF(");
      if (!nulls)
        g_string_append_printf (g->sql, "%s.", alias);
      _li_sql_ident (g, columns->pdata[k]);
      g_string_append_printf (g->sql, ", '') AS %s%u", prefix, k);
    }
  g_string_append (g->sql, " FROM ");
  _li_gen_table (g, table);
  g_string_append_printf (g->sql, " AS %s", alias);
  if (nulls)
    g_string_append (g->sql, ") AS r");
}

static void
_li_gen_events (LiSqlGen *g)
{
  _li_sql_cte (g, "_li_raw");
  _li_sql_from_with_nulls (g, g->options->events_table, TRUE, g->keys, "p");
  _li_sql_cte_end (g);

  _li_sql_cte (g, "_li_asof");
  if (g->options->has_as_of)
    {
      g_string_append (g->sql, "  SELECT ");
      _li_sql_int (g, g->options->as_of_ms);
      g_string_append (g->sql, " AS as_of");
    }
  else
    g_string_append (g->sql, "  SELECT MAX(t) AS as_of FROM _li_raw");
  _li_sql_cte_end (g);

  _li_sql_cte (g, "_li_ev");
  g_string_append (g->sql,
                   "  SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.lead_id ORDER BY r.t, r.seq) AS rn\n"
                   "  FROM _li_raw AS r CROSS JOIN _li_asof AS a\n"
                   "  WHERE r.t <= a.as_of");
  _li_sql_cte_end (g);

  _li_sql_cte (g, "_li_leads_in");
  g_string_append (g->sql, "  SELECT lead_id FROM _li_ev GROUP BY lead_id");
  _li_sql_cte_end (g);
}

/* Intent and patterns see only the events after the last outcome. */
static void
_li_gen_segment (LiSqlGen *g)
{
  _li_sql_cte (g, "_li_seg");
  g_string_append (g->sql, "  SELECT x.lead_id, x.event, x.t, x.rn, a.as_of - x.t AS age");
  for (guint k = 0; k < g->keys->len; k++)
    g_string_append_printf (g->sql, ", x.p%u", k);
  g_string_append (g->sql, "\n  FROM (SELECT e.*, MAX(CASE WHEN e.event = ");
  _li_sql_string (g, g->rules->outcome_event);
  g_string_append (g->sql, " THEN e.rn END) OVER (PARTITION BY e.lead_id) AS last_outcome\n"
                   "        FROM _li_ev AS e) AS x\n"
                   "  CROSS JOIN _li_asof AS a\n"
                   "  WHERE x.rn > COALESCE(x.last_outcome, 0)");
  _li_sql_cte_end (g);
}

int
_li_sql_key_index (LiSqlGen   *g,
                   const char *key)
{
  for (guint k = 0; k < g->keys->len; k++)
    if (strcmp (g->keys->pdata[k], key) == 0)
      return (int) k;
  g_assert_not_reached ();
}

static void
_li_gen_intent (LiSqlGen *g)
{
  const LiRules *rules = g->rules;

  _li_sql_cte (g, "_li_intent");
  g_string_append (g->sql, "  SELECT lead_id");
  for (guint r = 0; r < rules->n_intent; r++)
    {
      const LiIntentRule *rule = &rules->intent[r];

      g_string_append (g->sql, ",\n    SUM(CASE WHEN event = ");
      _li_sql_string (g, rule->event);
      for (guint w = 0; w < rule->n_where; w++)
        {
          g_autofree char *column = g_strdup_printf ("p%d", _li_sql_key_index (g, rule->where[w].key));
          g_string_append (g->sql, " AND ");
          _li_sql_in_list (g, column, (const char * const *) rule->where[w].values);
        }
      _li_sql_decayed (g, li_rules_intent_decay (rules, r), rule->points);
      g_string_append_printf (g->sql, " END) AS r%u", r);
    }
  g_string_append (g->sql, "\n  FROM _li_seg GROUP BY lead_id");
  _li_sql_cte_end (g);
}

/* COALESCE(column, 0), clamped to ±@cap when @cap > 0. */
static void
_li_gen_clamped (LiSqlGen   *g,
                 const char *column,
                 double      cap)
{
  g_autofree char *value = g_strdup_printf ("COALESCE(%s, 0)", column);

  if (!(cap > 0))
    {
      g_string_append (g->sql, value);
      return;
    }
  g_string_append_printf (g->sql, "CASE WHEN %s > ", value);
  _li_sql_double (g, cap);
  g_string_append (g->sql, " THEN ");
  _li_sql_double (g, cap);
  g_string_append_printf (g->sql, " WHEN %s < ", value);
  _li_sql_double (g, -cap);
  g_string_append (g->sql, " THEN ");
  _li_sql_double (g, -cap);
  g_string_append_printf (g->sql, " ELSE %s END", value);
}

/* Term @i of intent(t): each intent rule, then each pattern, clamped. */
static void
_li_gen_intent_term (LiSqlGen *g,
                     guint     i)
{
  const LiRules *rules = g->rules;
  g_autofree char *column = NULL;

  if (i < rules->n_intent)
    {
      column = g_strdup_printf ("s.r%u", i);
      _li_gen_clamped (g, column, rules->intent[i].max_points);
      return;
    }
  i -= rules->n_intent;  /* the i-th enabled pattern */
  for (guint p = 0; p < rules->n_patterns; p++)
    if (rules->patterns[p].enabled && i-- == 0)
      {
        column = g_strdup_printf ("q.q%u", p);
        _li_gen_clamped (g, column, rules->patterns[p].max_points);
        return;
      }
  g_assert_not_reached ();
}

typedef void (*LiTermFunc) (LiSqlGen *g,
                            guint     i);

/* Terms [@from, @to) joined by " + ", in halves when there are many (SQLite
 * limits the depth of an expression); 0 when there are none. */
static void
_li_gen_sum (LiSqlGen   *g,
             LiTermFunc  term,
             guint       from,
             guint       to)
{
  guint mid = from + (to - from) / 2;

  if (from == to)
    {
      _li_sql_double (g, 0);
      return;
    }
  if (to - from <= LI_FLAT_SUM)
    {
      for (guint i = from; i < to; i++)
        {
          if (i > from)
            g_string_append (g->sql, " + ");
          term (g, i);
        }
      return;
    }
  g_string_append_c (g->sql, '(');
  _li_gen_sum (g, term, from, mid);
  g_string_append (g->sql, ") + (");
  _li_gen_sum (g, term, mid, to);
  g_string_append_c (g->sql, ')');
}

static void
_li_gen_parts (LiSqlGen *g)
{
  const LiRules *rules = g->rules;

  _li_sql_cte (g, "_li_parts");
  g_string_append (g->sql, "  SELECT li.lead_id,\n    ");
  _li_gen_sum (g, _li_gen_intent_term, 0, rules->n_intent + _li_n_enabled_patterns (rules));
  g_string_append (g->sql, " AS intent,\n    ");
  _li_gen_sum (g, _li_sql_fit_term, 0, rules->n_fit);
  g_string_append (g->sql, " AS fit\n  FROM _li_leads_in AS li");
  if (rules->n_intent > 0)
    g_string_append (g->sql, "\n  LEFT JOIN _li_intent AS s ON s.lead_id = li.lead_id");
  if (_li_n_enabled_patterns (rules) > 0)
    g_string_append (g->sql, "\n  LEFT JOIN _li_pat AS q ON q.lead_id = li.lead_id");
  if (rules->n_fit > 0)
    g_string_append (g->sql, "\n  LEFT JOIN _li_fitval AS f ON f.lead_id = li.lead_id");
  for (guint a = 0; a < g->attrs->len; a++)
    if (g->numeric[a])
      g_string_append_printf (g->sql, "\n  LEFT JOIN _li_num%u AS n%u ON n%u.lead_id = li.lead_id", a, a, a);
  _li_sql_cte_end (g);
}

static void
_li_gen_threshold (LiSqlGen   *g,
                   gboolean   *any,
                   const char *column,
                   gboolean    has,
                   double      threshold)
{
  if (!has)
    return;
  g_string_append_printf (g->sql, "%s%s >= ", *any ? " AND " : "", column);
  _li_sql_double (g, threshold - LI_STAGE_EPSILON);
  *any = TRUE;
}

/* The stage, and the order of `score`: the score as printed with six
 * decimals (the nearest integer to score · 10^6, ties to even, as printf
 * rounds), descending, then the lead id's bytes. */
static void
_li_gen_ranked (LiSqlGen *g)
{
  const LiRules *rules = g->rules;

  _li_sql_cte (g, "_li_ranked");
  g_string_append (g->sql, "  SELECT lead_id, score, intent, fit,\n    CASE");
  for (guint s = 0; s + 1 < rules->n_stages; s++)
    {
      const LiStage *st = &rules->stages[s];
      gboolean any = FALSE;

      g_string_append (g->sql, "\n      WHEN ");
      _li_gen_threshold (g, &any, "score", st->has_min_score, st->min_score);
      _li_gen_threshold (g, &any, "intent", st->has_min_intent, st->min_intent);
      _li_gen_threshold (g, &any, "fit", st->has_min_fit, st->min_fit);
      if (!any)
        g_string_append (g->sql, "TRUE");
      g_string_append (g->sql, " THEN ");
      _li_sql_string (g, st->name);
    }
  g_string_append (g->sql, "\n      ELSE ");
  _li_sql_string (g, rules->stages[rules->n_stages - 1].name);
  g_string_append (g->sql, "\n    END AS stage,\n    floor(micro) + CASE WHEN micro - floor(micro) > ");
  _li_sql_double (g, 0.5);
  g_string_append (g->sql, " OR (micro - floor(micro) = ");
  _li_sql_double (g, 0.5);
  g_string_append (g->sql, " AND floor(micro) - 2 * floor(floor(micro) / 2) <> 0) THEN 1 ELSE 0 END AS _li_key\n"
                   "  FROM (SELECT lead_id, intent + fit AS score, intent, fit, (intent + fit) * ");
  _li_sql_double (g, 1e6);
  g_string_append (g->sql, " AS micro FROM _li_parts) AS x");
  _li_sql_cte_end (g);

  g_string_append_printf (g->sql, "\nSELECT lead_id, score, intent, fit, stage FROM _li_ranked\n"
                          "ORDER BY _li_key DESC, lead_id%s;\n", g->d->byte_order);
}

/* The whole query, into g->sql. */
static void
_li_gen_query (LiSqlGen *g)
{
  const LiRules *rules = g->rules;
  gboolean patterns = _li_n_enabled_patterns (rules) > 0;

  _li_gen_header (g);
  g_string_append (g->sql, patterns ? "WITH RECURSIVE\n" : "WITH\n");
  _li_gen_events (g);
  if (rules->n_intent > 0 || patterns)
    _li_gen_segment (g);
  if (rules->n_intent > 0)
    _li_gen_intent (g);
  if (patterns)
    _li_sql_patterns (g);
  if (rules->n_fit > 0)
    _li_sql_fit_values (g);
  for (guint a = 0; a < g->attrs->len; a++)
    if (g->numeric[a])
      _li_sql_fit_number (g, a);
  _li_gen_parts (g);
  _li_gen_ranked (g);
}

char *
li_sql_export (const LiRules             *rules,
               const LiSqlExportOptions  *options,
               GError                   **error)
{
  LiSqlExportOptions opts = *options;
  LiSqlGen g = { rules, &opts, _li_sql_dialect_info (options->dialect), NULL, NULL, NULL, NULL, NULL, -1, -1, 0 };
  char *query = NULL;

  g_return_val_if_fail (rules != NULL && rules->n_stages > 0, NULL);

  opts.events_table = options->events_table ? options->events_table : "events";
  opts.leads_table = options->leads_table ? options->leads_table : "leads";
  if (!_li_gen_check_table (&g, "--events-table", opts.events_table, error) ||
      (rules->n_fit > 0 && !_li_gen_check_table (&g, "--leads-table", opts.leads_table, error)))
    return NULL;

  g.sql = g_string_new (NULL);
  g.problems = g_string_new (NULL);
  g.keys = g_ptr_array_new ();
  g.attrs = g_ptr_array_new ();
  _li_gen_collect (&g);
  if (g.problems->len == 0)
    _li_gen_query (&g);
  if (g.problems->len == 0 && g.d->max_query_bytes > 0 && g.sql->len > g.d->max_query_bytes)
    g_string_append_printf (g.problems, _("the query is %" PRIu64 " bytes; %s accepts at most %" PRIu64),
                            (guint64) g.sql->len, g.d->title, (guint64) g.d->max_query_bytes);

  if (g.problems->len > 0)
    {
      g_set_error_literal (error, LI_SQL_EXPORT_ERROR, LI_SQL_EXPORT_ERROR_UNSUPPORTED, g.problems->str);
      g_string_free (g.sql, TRUE);
    }
  else
    query = g_string_free (g.sql, FALSE);
  g_string_free (g.problems, TRUE);
  g_ptr_array_unref (g.keys);
  g_ptr_array_unref (g.attrs);
  g_free (g.numeric);
  return query;
}
