/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-problem-describe.c: a problem's place as the editor names it.  The
 * JSON path stays the reference (the CLI prints it); the window says which
 * row it is. */

#include "config.h"

#include "li-problem-describe.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

typedef struct
{
  const char *key;
  const char *label;
} KeyLabel;

/* The rule file's keys in the words of the editor's rows. */
static const KeyLabel key_labels[] = {
  { "name", N_("name") },
  { "description", N_("description") },
  { "event", N_("event") },
  { "events", N_("events") },
  { "points", N_("points") },
  { "max_points", N_("cap") },
  { "where", N_("filter") },
  { "decay", N_("decay") },
  { "model", N_("model") },
  { "half_life_days", N_("half-life") },
  { "days", N_("days") },
  { "kind", N_("kind") },
  { "min_count", N_("count") },
  { "min_distinct", N_("count") },
  { "min_days", N_("days") },
  { "within_hours", N_("time window") },
  { "within_days", N_("time window") },
  { "attribute", N_("attribute") },
  { "op", N_("operator") },
  { "value", N_("value") },
  { "values", N_("values") },
  { "min_score", N_("minimum score") },
  { "min_intent", N_("minimum intent") },
  { "min_fit", N_("minimum fit") },
  { "channel", N_("channel") },
  { "follow_up_minutes", N_("follow-up") },
  { "window_days", N_("purchase window") },
  { "format", N_("file format") },
  { "format_version", N_("format version") },
  { "outcome", N_("outcome") },
  { "intent", N_("intent rules") },
  { "patterns", N_("patterns") },
  { "fit", N_("fit rules") },
  { "stages", N_("stages") },
};

static const char *
_li_key_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_labels); i++)
    if (strcmp (key_labels[i].key, key) == 0)
      return _(key_labels[i].label);
  return key;  /* an unknown key is named as the file names it */
}

/* "decay.half_life_days" → "decay half-life"; "where.link" → "filter link";
 * "events[2]" → "events 3". */
static char *
_li_rest_label (const char *rest)
{
  g_auto(GStrv) parts = g_strsplit (rest, ".", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_where = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *bracket = strchr (parts[i], '[');
      guint64 index = 0;

      if (bracket != NULL)
        {
          index = g_ascii_strtoull (bracket + 1, NULL, 10);
          *bracket = '\0';
        }
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* a filter's property is the data's name */
      g_string_append (text, in_where ? parts[i] : _li_key_label (parts[i]));
      in_where = strcmp (parts[i], "where") == 0;
      if (bracket != NULL)
        g_string_append_printf (text, " %" G_GUINT64_FORMAT, index + 1);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
li_problem_path_split (const char  *path,
                       char       **section,
                       int         *item,
                       char       **rest)
{
  const char *bracket;
  const char *end;
  char *number_end = NULL;
  guint64 index;

  g_return_val_if_fail (path != NULL, FALSE);

  *section = NULL;
  *rest = NULL;
  *item = -1;

  bracket = strchr (path, '[');
  end = path + strcspn (path, ".[");
  if (end == path)
    return FALSE;
  *section = g_strndup (path, end - path);
  if (bracket != NULL && bracket == end)
    {
      index = g_ascii_strtoull (bracket + 1, &number_end, 10);
      if (number_end == bracket + 1 || *number_end != ']' || index > G_MAXINT)
        {
          g_clear_pointer (section, g_free);
          return FALSE;
        }
      *item = (int) index;
      end = number_end + 1;
    }
  *rest = g_strdup (*end == '.' ? end + 1 : end);
  return TRUE;
}

/* "Stage 2 “hot”", "Pattern 1", "Intent rule 3 “add_to_cart”". */
static char *
_li_item_label (const LiRules *rules,
                const char    *section,
                guint          item)
{
  const char *name = NULL;
  gboolean named;

  if (strcmp (section, "intent") == 0)
    {
      if (rules != NULL && item < rules->n_intent)
        name = rules->intent[item].event;
      named = name != NULL && *name != '\0';
      /* Translators: an intent rule by its number and event */
      return named ? g_strdup_printf (_("Intent rule %u “%s”"), item + 1, name)
                   : g_strdup_printf (_("Intent rule %u"), item + 1);
    }
  if (strcmp (section, "patterns") == 0)
    {
      if (rules != NULL && item < rules->n_patterns)
        name = rules->patterns[item].name;
      named = name != NULL && *name != '\0';
      /* Translators: a pattern by its number and name */
      return named ? g_strdup_printf (_("Pattern %u “%s”"), item + 1, name)
                   : g_strdup_printf (_("Pattern %u"), item + 1);
    }
  if (strcmp (section, "fit") == 0)
    {
      if (rules != NULL && item < rules->n_fit)
        name = rules->fit[item].attribute;
      named = name != NULL && *name != '\0';
      /* Translators: a fit rule by its number and attribute */
      return named ? g_strdup_printf (_("Fit rule %u “%s”"), item + 1, name)
                   : g_strdup_printf (_("Fit rule %u"), item + 1);
    }
  if (strcmp (section, "stages") == 0)
    {
      if (rules != NULL && item < rules->n_stages)
        name = rules->stages[item].name;
      named = name != NULL && *name != '\0';
      /* Translators: a stage by its number (hottest first) and name */
      return named ? g_strdup_printf (_("Stage %u “%s”"), item + 1, name)
                   : g_strdup_printf (_("Stage %u"), item + 1);
    }
  return NULL;
}

char *
li_problem_describe_place (const LiProblem *problem,
                           const LiRules   *rules)
{
  g_autofree char *section = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *item_label = NULL;
  g_autofree char *rest_label = NULL;
  int item;

  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->path == NULL || problem->path[0] == '\0')
    return g_strdup (_("Rule file"));
  if (!li_problem_path_split (problem->path, &section, &item, &rest))
    return g_strdup (problem->path);

  if (item >= 0 && (item_label = _li_item_label (rules, section, (guint) item)) != NULL)
    {
      if (rest[0] == '\0')
        return g_steal_pointer (&item_label);
      rest_label = _li_rest_label (rest);
      return g_strdup_printf ("%s: %s", item_label, rest_label);
    }

  /* "outcome.window_days" → "Outcome: purchase window" */
  {
    g_autofree char *head = g_strdup (_li_key_label (section));

    head[0] = g_ascii_toupper (head[0]);
    if (rest[0] == '\0' && item < 0)
      return g_steal_pointer (&head);
    rest_label = item >= 0 ? g_strdup_printf ("%d%s%s", item + 1, rest[0] ? " " : "", rest)
                           : _li_rest_label (rest);
    return g_strdup_printf ("%s: %s", head, rest_label);
  }
}

char *
li_problem_describe (const LiProblem *problem,
                     const LiRules   *rules)
{
  g_autofree char *place = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  place = li_problem_describe_place (problem, rules);
  return g_strdup_printf ("%s: %s", place, problem->message);
}
