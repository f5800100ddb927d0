/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-time-pattern.c: strftime-style timestamp patterns, read strictly.
 *
 * Not strptime(3): that depends on the locale (month names), skips any
 * amount of white space, and accepts out-of-range fields in some libcs.
 * Here every directive reads a bounded number of digits or one English
 * name, and the date is checked completely (li_time_from_civil). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "li-time-pattern.h"
#include "li-time.h"

#include <string.h>

#define MAX_PATTERN 256

/* One step of a pattern: a directive letter, or 0 with a literal byte. */
typedef struct
{
  char directive;
  char literal;
} LiPatternItem;

struct _LiTimePattern
{
  LiPatternItem *items;
  guint          n_items;
};

/* The fields read so far. */
typedef struct
{
  gint64 year;
  int    month, day, yday, hour, hour12, minute, second, ms, weekday, pm, offset;
} LiTimeFields;

static const char * const month_names[12] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

/* 0 is Sunday, as %w would have it. */
static const char * const weekday_names[7] = {
  "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
};

static const char valid_directives[] = "YymbhBdjHIpMSfzTaA%";

/* Which field a directive sets, for the "given twice" check. */
static char
_li_directive_field (char d)
{
  switch (d)
    {
    case 'y': return 'Y';
    case 'm': case 'h': case 'B': return 'b';
    case 'A': return 'a';
    default: return d;
    }
}

/* Takes @text. */
static gboolean
_li_pattern_fail (char **message,
                  char  *text)
{
  if (message != NULL)
    *message = text;
  else
    g_free (text);
  return FALSE;
}

/* The rules a pattern's set of directives must follow. */
static gboolean
_li_pattern_check (const gboolean  seen[128],
                   char          **message)
{
  gboolean month = seen['m'] || seen['b'];

  if (!seen['Y'])
    return _li_pattern_fail (message, g_strdup (_("needs a year (%Y or %y)")));
  if (seen['j'] && (month || seen['d']))
    return _li_pattern_fail (message, g_strdup (_("%j cannot be used with a month or a day")));
  if (!seen['j'] && !(month && seen['d']))
    return _li_pattern_fail (message,
                             g_strdup (_("needs a month and a day (%m or %b, and %d) or a day of the year (%j)")));
  if (seen['H'] && seen['I'])
    return _li_pattern_fail (message, g_strdup (_("%H and %I cannot be used together")));
  if (seen['I'] != seen['p'])
    return _li_pattern_fail (message, g_strdup (_("%I and %p need each other")));
  if (seen['f'] && !seen['S'])
    return _li_pattern_fail (message, g_strdup (_("%f needs %S")));
  if ((seen['M'] || seen['S']) && !seen['H'] && !seen['I'])
    return _li_pattern_fail (message, g_strdup (_("minutes and seconds need an hour (%H or %I)")));
  if (seen['S'] && !seen['M'])
    return _li_pattern_fail (message, g_strdup (_("%S needs %M")));
  return TRUE;
}

static gboolean
_li_pattern_add (GArray   *items,
                 gboolean  seen[128],
                 char      d,
                 char    **message)
{
  LiPatternItem item = { d, 0 };
  char field = _li_directive_field (d);

  if (seen[(guchar) field])
    return _li_pattern_fail (message, g_strdup_printf (_("%%%c given twice"), d));
  seen[(guchar) field] = TRUE;
  g_array_append_val (items, item);
  return TRUE;
}

LiTimePattern *
li_time_pattern_new (const char  *pattern,
                     char       **message)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (LiPatternItem));
  gboolean seen[128] = { FALSE, };
  LiTimePattern *self;

  g_return_val_if_fail (pattern != NULL, NULL);

  if (strlen (pattern) > MAX_PATTERN)
    return (_li_pattern_fail (message, g_strdup (_("longer than 256 bytes"))), NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      LiPatternItem literal = { 0, *p };
      char d;

      if (*p != '%')
        {
          g_array_append_val (items, literal);
          continue;
        }
      d = *++p;
      if (d == '\0')
        return (_li_pattern_fail (message, g_strdup (_("ends with a lone %"))), NULL);
      if (strchr (valid_directives, d) == NULL || (guchar) d >= 128)
        {
          if (message != NULL)
            {
              g_autofree char *shown = g_utf8_make_valid (p, g_utf8_skip[*(guchar *) p]);

              *message = g_strdup_printf (_("unknown directive %%%s"), shown);
            }
          return NULL;
        }
      if (d == '%')
        {
          literal.literal = '%';
          g_array_append_val (items, literal);
        }
      else if (d == 'T')
        {
          LiPatternItem colon = { 0, ':' };

          if (!_li_pattern_add (items, seen, 'H', message))
            return NULL;
          g_array_append_val (items, colon);
          if (!_li_pattern_add (items, seen, 'M', message))
            return NULL;
          g_array_append_val (items, colon);
          if (!_li_pattern_add (items, seen, 'S', message))
            return NULL;
        }
      else if (!_li_pattern_add (items, seen, d, message))
        return NULL;
    }

  if (!_li_pattern_check (seen, message))
    return NULL;

  self = g_new0 (LiTimePattern, 1);
  self->n_items = items->len;
  self->items = (LiPatternItem *) (void *) g_array_free (g_steal_pointer (&items), FALSE);
  return self;
}

void
li_time_pattern_free (LiTimePattern *pattern)
{
  if (pattern == NULL)
    return;
  g_free (pattern->items);
  g_free (pattern);
}

/* @min_digits to @max_digits ASCII digits at *@p. */
static gboolean
_li_read_digits (const char **p,
                 const char  *end,
                 guint        min_digits,
                 guint        max_digits,
                 int         *value)
{
  int v = 0;
  guint n = 0;

  while (*p < end && n < max_digits && g_ascii_isdigit (**p))
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min_digits)
    return FALSE;
  *value = v;
  return TRUE;
}

/* One of @names (lower case), in full or, with @abbreviated, its first
 * three letters; case-insensitive.  Its index, or -1. */
static int
_li_read_name (const char         **p,
               const char          *end,
               const char * const  *names,
               guint                n_names,
               gboolean             abbreviated)
{
  gsize rest = (gsize) (end - *p);

  for (guint i = 0; i < n_names; i++)
    {
      gsize len = abbreviated ? 3 : strlen (names[i]);

      if (rest >= len && g_ascii_strncasecmp (*p, names[i], len) == 0)
        {
          *p += len;
          return (int) i;
        }
    }
  return -1;
}

/* Z, ±HH:MM, ±HHMM or ±HH, in seconds east of UTC. */
static gboolean
_li_read_offset (const char **p,
                 const char  *end,
                 int         *offset)
{
  int sign, hours, minutes = 0;

  if (*p < end && (**p == 'Z' || **p == 'z'))
    {
      (*p)++;
      *offset = 0;
      return TRUE;
    }
  if (*p >= end || (**p != '+' && **p != '-'))
    return FALSE;
  sign = **p == '-' ? -1 : 1;
  (*p)++;
  if (!_li_read_digits (p, end, 2, 2, &hours))
    return FALSE;
  if (*p < end && **p == ':')
    {
      (*p)++;
      if (!_li_read_digits (p, end, 2, 2, &minutes))
        return FALSE;
    }
  else if (*p + 1 < end && g_ascii_isdigit ((*p)[0]) && g_ascii_isdigit ((*p)[1]))
    _li_read_digits (p, end, 2, 2, &minutes);
  if (hours > 23 || minutes > 59)
    return FALSE;
  *offset = sign * (hours * 3600 + minutes * 60);
  return TRUE;
}

/* 1 to 9 digits of a fraction, as milliseconds (truncated). */
static gboolean
_li_read_fraction (const char **p,
                   const char  *end,
                   int         *ms)
{
  int v = 0;
  guint n = 0;

  for (; *p < end && n < 9 && g_ascii_isdigit (**p); (*p)++, n++)
    if (n < 3)
      v = v * 10 + (**p - '0');
  if (n == 0)
    return FALSE;
  for (; n < 3; n++)
    v *= 10;
  *ms = v;
  return TRUE;
}

static gboolean
_li_read_directive (char          d,
                    const char  **p,
                    const char   *end,
                    LiTimeFields *f)
{
  int v = 0;

  switch (d)
    {
    case 'Y':
      if (!_li_read_digits (p, end, 4, 4, &v))
        return FALSE;
      f->year = v;
      return TRUE;
    case 'y':
      if (!_li_read_digits (p, end, 2, 2, &v))
        return FALSE;
      f->year = v < 69 ? 2000 + v : 1900 + v;
      return TRUE;
    case 'm':
      return _li_read_digits (p, end, 1, 2, &f->month);
    case 'b':
    case 'h':
    case 'B':
      f->month = _li_read_name (p, end, month_names, 12, d != 'B') + 1;
      return f->month > 0;
    case 'd':
      return _li_read_digits (p, end, 1, 2, &f->day);
    case 'j':
      return _li_read_digits (p, end, 1, 3, &f->yday) && f->yday >= 1;
    case 'H':
      return _li_read_digits (p, end, 1, 2, &f->hour);
    case 'I':
      return _li_read_digits (p, end, 1, 2, &f->hour12) && f->hour12 >= 1 && f->hour12 <= 12;
    case 'p':
      {
        static const char * const ampm[] = { "am", "pm" };

        f->pm = _li_read_name (p, end, ampm, 2, FALSE);
        return f->pm >= 0;
      }
    case 'M':
      return _li_read_digits (p, end, 1, 2, &f->minute);
    case 'S':
      return _li_read_digits (p, end, 1, 2, &f->second);
    case 'f':
      return _li_read_fraction (p, end, &f->ms);
    case 'z':
      return _li_read_offset (p, end, &f->offset);
    case 'a':
    case 'A':
      f->weekday = _li_read_name (p, end, weekday_names, 7, d == 'a');
      return f->weekday >= 0;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
_li_fields_to_time (LiTimeFields *f,
                    gint64       *time_ms)
{
  gint64 t;

  if (f->hour12 > 0)
    f->hour = f->hour12 % 12 + (f->pm == 1 ? 12 : 0);

  if (f->yday > 0)
    {
      guint days = (f->year % 4 == 0 && f->year % 100 != 0) || f->year % 400 == 0 ? 366 : 365;

      if ((guint) f->yday > days ||
          !li_time_from_civil (f->year, 1, 1, 0, 0, 0, 0, 0, &t))
        return FALSE;
      /* Day and time are added as UTC, then checked through a round trip. */
      t += (gint64) (f->yday - 1) * 86400000;
      {
        g_autofree char *text = li_time_format (t);

        f->month = (text[5] - '0') * 10 + (text[6] - '0');
        f->day = (text[8] - '0') * 10 + (text[9] - '0');
      }
    }

  if (!li_time_from_civil (f->year, (guint) f->month, (guint) f->day, (guint) f->hour,
                           (guint) f->minute, (guint) f->second, (guint) f->ms, f->offset,
                           time_ms))
    return FALSE;

  if (f->weekday >= 0)
    {
      gint64 local_day = li_time_day (*time_ms + (gint64) f->offset * 1000);
      int weekday = (int) (((local_day + 4) % 7 + 7) % 7);  /* 1970-01-01 was a Thursday */

      if (weekday != f->weekday)
        return FALSE;
    }
  return TRUE;
}

gboolean
li_time_pattern_parse (const LiTimePattern *pattern,
                       const char          *str,
                       gsize                len,
                       gint64              *time_ms)
{
  LiTimeFields f = { .month = 0, .day = 0, .weekday = -1, .pm = -1 };
  const char *p = str;
  const char *end = str + len;

  g_return_val_if_fail (pattern != NULL, FALSE);
  g_return_val_if_fail (str != NULL || len == 0, FALSE);
  g_return_val_if_fail (time_ms != NULL, FALSE);

  while (p < end && g_ascii_isspace (*p))
    p++;
  while (end > p && g_ascii_isspace (end[-1]))
    end--;

  for (guint i = 0; i < pattern->n_items; i++)
    {
      const LiPatternItem *item = &pattern->items[i];

      if (item->directive == 0)
        {
          if (p >= end || *p != item->literal)
            return FALSE;
          p++;
        }
      else if (!_li_read_directive (item->directive, &p, end, &f))
        return FALSE;
    }

  return p == end && _li_fields_to_time (&f, time_ms);
}
