/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-csv-map-guess.c: a first column mapping for an unknown CSV, so that
 * the mapping dialog opens with something sensible chosen.  Names first
 * (user_id, timestamp, event_type…), then the values of the first data
 * row: a time is what parses as one, an event the first text column. */

#include "config.h"

#include "li-csv-mapping.h"
#include "li-time.h"

#include <string.h>

static const char * const lead_words[] = { "lead", "user", "customer", "visitor", "client",
                                           "email", "anonymous", "person", NULL };
static const char * const time_words[] = { "time", "date", "ts", "when", "created", NULL };
static const char * const event_words[] = { "event", "action", "behavior", "behaviour", "type",
                                            "activity", "name", NULL };

static gboolean
_li_is_integer (const char *s)
{
  if (*s == '-')
    s++;
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* The unit a value reads in, by its digits (10: seconds of this era), or
 * FALSE when it is no time at all. */
static gboolean
_li_time_unit_of (const char *value,
                  LiTimeUnit *unit)
{
  gsize len = strlen (value);
  gint64 t;

  if (_li_is_integer (value))
    {
      if (len >= 9 && len <= 11)
        *unit = LI_TIME_UNIT_S;
      else if (len >= 12 && len <= 14)
        *unit = LI_TIME_UNIT_MS;
      else if (len >= 15 && len <= 17)
        *unit = LI_TIME_UNIT_US;
      else
        return FALSE;
      return TRUE;
    }
  *unit = LI_TIME_UNIT_ISO;
  return li_time_parse (value, len, &t);
}

static gboolean
_li_name_has_word (const char         *name,
                   const char * const *words)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A header is a line none of whose fields is a number or a time. */
static gboolean
_li_looks_like_header (GStrv first)
{
  for (guint i = 0; first[i] != NULL; i++)
    {
      LiTimeUnit unit;
      g_autofree char *v = g_strstrip (g_strdup (first[i]));

      if (v[0] == '\0' || _li_is_integer (v) || _li_time_unit_of (v, &unit))
        return FALSE;
    }
  return TRUE;
}

static int
_li_find_named (GStrv               names,
                const char * const *words,
                int                 not_a,
                int                 not_b)
{
  for (guint i = 0; names[i] != NULL; i++)
    if ((int) i != not_a && (int) i != not_b && _li_name_has_word (names[i], words))
      return (int) i;
  return -1;
}

static int
_li_find_time (GStrv       names,
               GStrv       row,
               LiTimeUnit *unit)
{
  int named = _li_find_named (names, time_words, -1, -1);

  if (named >= 0 && row != NULL && (guint) named < g_strv_length (row) &&
      _li_time_unit_of (row[named], unit))
    return named;
  for (guint i = 0; row != NULL && row[i] != NULL && names[i] != NULL; i++)
    if (_li_time_unit_of (row[i], unit))
      return (int) i;
  *unit = LI_TIME_UNIT_ISO;
  return named >= 0 ? named : -1;
}

/* The first column of text (not a number, not the lead or the time). */
static int
_li_find_event (GStrv names,
                GStrv row,
                int   lead,
                int   time)
{
  int named = _li_find_named (names, event_words, lead, time);

  if (named >= 0)
    return named;
  for (guint i = 0; row != NULL && row[i] != NULL && names[i] != NULL; i++)
    if ((int) i != lead && (int) i != time && row[i][0] != '\0' && !_li_is_integer (row[i]))
      return (int) i;
  return -1;
}

static char *
_li_pick (GStrv names,
          int   i)
{
  return i >= 0 ? g_strdup (names[i]) : NULL;
}

LiCsvMap *
li_csv_map_guess (const LiCsvHead *head)
{
  LiCsvMap *map = li_csv_map_new ();
  g_auto(GStrv) names = NULL;
  GStrv row;
  int lead, time, event;

  g_return_val_if_fail (head != NULL && head->records->len > 0, map);

  map->header = _li_looks_like_header (head->records->pdata[0]);
  names = li_csv_head_dup_columns (head, map);
  if (!map->header)
    map->columns = g_strdupv (names);
  row = map->header ? (head->records->len > 1 ? head->records->pdata[1] : NULL)
                    : head->records->pdata[0];

  time = _li_find_time (names, row, &map->time_unit);
  lead = _li_find_named (names, lead_words, time, -1);
  if (lead < 0)
    lead = time == 0 ? (names[1] != NULL ? 1 : 0) : 0;
  event = _li_find_event (names, row, lead, time);

  map->lead_id = _li_pick (names, lead);
  map->time_column = _li_pick (names, time);
  map->event = _li_pick (names, event);
  return map;
}
