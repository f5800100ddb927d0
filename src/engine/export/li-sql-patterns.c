/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-sql-patterns.c: the four behaviour patterns of SPEC 4 in SQL.
 *
 * Whether a pattern's condition holds at an event depends on the events
 * alone, so window functions find those events (_li_pN_cand).  The cooldown
 * ("at most once per key per window") makes each firing depend on the one
 * before it; the firings are a chain followed by a recursive CTE. */

#include "config.h"

#include "li-sql-export-private.h"

/* _li_pN_cand(lead_id, [k,] rn, t, age): where the condition of
 * repeat_product holds: the views of the product in the window are all its
 * views up to this one (row number) minus those at least W before it. */
static void
_li_gen_repeat (LiSqlGen        *g,
                guint            p,
                const LiPattern *pat,
                gint64           window)
{
  g_autofree char *name = g_strdup_printf ("_li_p%u_cand", p);

  _li_sql_cte (g, name);
  g_string_append (g->sql,
                   "  SELECT lead_id, k, rn, t, age FROM (\n"
                   "    SELECT lead_id, k, rn, t, age,\n"
                   "      ROW_NUMBER() OVER (PARTITION BY lead_id, k ORDER BY rn)\n"
                   "      - COUNT(*) OVER (PARTITION BY lead_id, k ORDER BY t"
                   " RANGE BETWEEN UNBOUNDED PRECEDING AND ");
  _li_sql_int (g, window);
  g_string_append_printf (g->sql,
                          " PRECEDING) AS n\n"
                          "    FROM (SELECT lead_id, p%d AS k, rn, t, age FROM _li_seg"
                          " WHERE event = 'product_view' AND p%d IS NOT NULL) AS v\n"
                          "  ) AS c WHERE n >= %u",
                          g->product, g->product, pat->min_count);
  _li_sql_cte_end (g);
}

/* category_focus: distinct products of the category in the window, counted
 * over the window's views (no window function counts distinct values). */
static void
_li_gen_focus (LiSqlGen        *g,
               guint            p,
               const LiPattern *pat,
               gint64           window)
{
  g_autofree char *name = g_strdup_printf ("_li_p%u_cand", p);

  _li_sql_cte (g, name);
  g_string_append_printf (g->sql,
                          "  SELECT c.lead_id, c.k, c.rn, c.t, c.age\n"
                          "  FROM (SELECT lead_id, p%d AS k, rn, t, age FROM _li_seg"
                          " WHERE event = 'product_view' AND p%d IS NOT NULL) AS c\n"
                          "  JOIN _li_seg AS v ON v.lead_id = c.lead_id AND v.p%d = c.k"
                          " AND v.event = 'product_view' AND v.p%d IS NOT NULL\n"
                          "    AND v.rn <= c.rn AND c.t - v.t < ",
                          g->category, g->category, g->category, g->product);
  _li_sql_int (g, window);
  g_string_append_printf (g->sql,
                          "\n  GROUP BY c.lead_id, c.k, c.rn, c.t, c.age\n"
                          "  HAVING COUNT(DISTINCT v.p%d) >= %u",
                          g->product, pat->min_distinct);
  _li_sql_cte_end (g);
}

/* sequence: cK holds, at each row, the latest time at which a match of
 * events[0..K] ending before the row starts (the engine's best[K] before
 * the row); one window function per step. */
static void
_li_gen_sequence (LiSqlGen        *g,
                  guint            p,
                  const LiPattern *pat,
                  gint64           window)
{
  guint n = g_strv_length (pat->events);
  g_autofree char *last = NULL;

  for (guint k = 0; k + 1 < n; k++)
    {
      g_autofree char *name = g_strdup_printf ("_li_p%u_l%u", p, k);

      _li_sql_cte (g, name);
      g_string_append (g->sql, "  SELECT lead_id, event, rn, t, age, MAX(CASE WHEN event = ");
      _li_sql_string (g, pat->events[k]);
      if (k == 0)
        g_string_append (g->sql, " THEN t END)");
      else
        g_string_append_printf (g->sql, " THEN c%u END)", k - 1);
      g_string_append_printf (g->sql, " OVER (PARTITION BY lead_id ORDER BY rn"
                              " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS c%u\n  FROM ", k);
      if (k == 0)
        {
          g_string_append (g->sql, "_li_seg WHERE ");
          _li_sql_in_list (g, "event", (const char * const *) pat->events);
        }
      else
        g_string_append_printf (g->sql, "_li_p%u_l%u", p, k - 1);
      _li_sql_cte_end (g);
    }

  last = g_strdup_printf ("_li_p%u_cand", p);
  _li_sql_cte (g, last);
  g_string_append_printf (g->sql, "  SELECT lead_id, rn, t, age FROM _li_p%u_l%u WHERE event = ", p, n - 2);
  _li_sql_string (g, pat->events[n - 1]);
  g_string_append_printf (g->sql, " AND c%u IS NOT NULL AND t - c%u < ", n - 2, n - 2);
  _li_sql_int (g, window);
  _li_sql_cte_end (g);
}

/* return_days: days are dense-ranked, so the distinct days of the window
 * are the rank of this event's day minus that of the window's first. */
static void
_li_gen_return_days (LiSqlGen        *g,
                     guint            p,
                     const LiPattern *pat,
                     gint64           window)
{
  g_autofree char *days = g_strdup_printf ("_li_p%u_days", p);
  g_autofree char *cand = g_strdup_printf ("_li_p%u_cand", p);

  _li_sql_cte (g, days);
  g_string_append (g->sql, "  SELECT lead_id, rn, t, age, DENSE_RANK() OVER (PARTITION BY lead_id ORDER BY ");
  _li_sql_apply (g->sql, g->d->utc_day, "t", NULL);
  g_string_append (g->sql, ") AS dr FROM _li_seg");
  _li_sql_cte_end (g);

  _li_sql_cte (g, cand);
  g_string_append (g->sql,
                   "  SELECT lead_id, rn, t, age FROM (\n"
                   "    SELECT lead_id, rn, t, age, dr, MIN(dr) OVER (PARTITION BY lead_id ORDER BY t"
                   " RANGE BETWEEN ");
  _li_sql_int (g, window - 1);
  g_string_append_printf (g->sql, " PRECEDING AND CURRENT ROW) AS first_dr FROM %s\n"
                          "  ) AS x WHERE dr - first_dr + 1 >= %u",
                          days, pat->min_days);
  _li_sql_cte_end (g);
}

/* The cooldown (at most once per key per window): the first candidate of
 * a key fires, then the first candidate at least W after the last firing.
 * next_rn points from each candidate to that one; the firings are the
 * chain of pointers from the first, followed recursively. */
static void
_li_gen_firings (LiSqlGen *g,
                 guint     p,
                 gboolean  keyed,
                 gint64    window)
{
  const char *partition = keyed ? "lead_id, k" : "lead_id";
  g_autofree char *next = g_strdup_printf ("_li_p%u_next", p);
  g_autofree char *fire = g_strdup_printf ("_li_p%u_fire", p);

  _li_sql_cte (g, next);
  g_string_append_printf (g->sql,
                          "  SELECT lead_id, rn, age,\n"
                          "    MIN(rn) OVER (PARTITION BY %s ORDER BY t RANGE BETWEEN ", partition);
  _li_sql_int (g, window);
  g_string_append_printf (g->sql,
                          " FOLLOWING AND UNBOUNDED FOLLOWING) AS next_rn,\n"
                          "    MIN(rn) OVER (PARTITION BY %s) AS first_rn\n"
                          "  FROM _li_p%u_cand",
                          partition, p);
  _li_sql_cte_end (g);

  _li_sql_cte (g, fire);
  g_string_append_printf (g->sql,
                          "  SELECT lead_id, rn, age, next_rn FROM %s WHERE rn = first_rn\n"
                          "  UNION ALL\n"
                          "  SELECT n.lead_id, n.rn, n.age, n.next_rn FROM %s AS f\n"
                          "  JOIN %s AS n ON n.lead_id = f.lead_id AND n.rn = f.next_rn",
                          next, fire, next);
  _li_sql_cte_end (g);
}

void
_li_sql_patterns (LiSqlGen *g)
{
  const LiRules *rules = g->rules;
  gboolean first = TRUE;

  for (guint p = 0; p < rules->n_patterns; p++)
    {
      const LiPattern *pat = &rules->patterns[p];
      gint64 window;

      if (!pat->enabled)
        continue;
      window = _li_sql_window_ms (pat->kind == LI_PATTERN_RETURN_DAYS ? pat->within_days * LI_MS_PER_DAY
                                                                  : pat->within_hours * LI_MS_PER_HOUR);
      switch (pat->kind)
        {
        case LI_PATTERN_REPEAT_PRODUCT:
          _li_gen_repeat (g, p, pat, window);
          break;
        case LI_PATTERN_CATEGORY_FOCUS:
          _li_gen_focus (g, p, pat, window);
          break;
        case LI_PATTERN_SEQUENCE:
          _li_gen_sequence (g, p, pat, window);
          break;
        case LI_PATTERN_RETURN_DAYS:
          _li_gen_return_days (g, p, pat, window);
          break;
        default:
          g_assert_not_reached ();
        }
      _li_gen_firings (g, p, pat->kind == LI_PATTERN_REPEAT_PRODUCT || pat->kind == LI_PATTERN_CATEGORY_FOCUS,
                       window);
    }

  _li_sql_cte (g, "_li_fires");
  for (guint p = 0; p < rules->n_patterns; p++)
    if (rules->patterns[p].enabled)
      {
        g_string_append_printf (g->sql, "%s  SELECT lead_id, %u AS pat, age FROM _li_p%u_fire",
                                first ? "" : "\n  UNION ALL\n", p, p);
        first = FALSE;
      }
  _li_sql_cte_end (g);

  _li_sql_cte (g, "_li_pat");
  g_string_append (g->sql, "  SELECT lead_id");
  for (guint p = 0; p < rules->n_patterns; p++)
    if (rules->patterns[p].enabled)
      {
        g_string_append_printf (g->sql, ",\n    SUM(CASE WHEN pat = %u", p);
        _li_sql_decayed (g, li_rules_pattern_decay (rules, p), rules->patterns[p].points);
        g_string_append_printf (g->sql, " END) AS q%u", p);
      }
  g_string_append (g->sql, "\n  FROM _li_fires GROUP BY lead_id");
  _li_sql_cte_end (g);
}
