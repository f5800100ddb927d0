/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-time.c: timestamps of SPEC 2.1 to and from Unix milliseconds.
 *
 * Hand-written parsers and a days-from-civil computation: no libc time
 * functions, which are slow and depend on the locale and TZ.  Accepted times
 * lie in the years 0001 to 9999 UTC, offsets applied: that rejects
 * milliseconds given where seconds are expected, and makes every accepted
 * time one that li_time_format () writes with four year digits and reads
 * back.  Each field is bounded before any arithmetic, so that no input can
 * overflow it. */

#include "config.h"

#include <string.h>

#include "li-time.h"

#define MS_PER_DAY  LI_TIME_MS_PER_DAY
#define SEC_PER_DAY G_GINT64_CONSTANT (86400)

/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z */
#define MIN_UNIX_SEC G_GINT64_CONSTANT (-62135596800)
#define MAX_UNIX_SEC G_GINT64_CONSTANT (253402300799)

static inline gboolean
_li_is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static inline gboolean
_li_is_digit (char c)
{
  return (guint) (c - '0') <= 9;
}

/* Two ASCII digits at @p, or -1. */
static inline int
_li_two_digits (const char *p)
{
  guint a = (guint) (p[0] - '0');
  guint b = (guint) (p[1] - '0');

  if (a > 9 || b > 9)
    return -1;
  return (int) (a * 10 + b);
}

static inline gboolean
_li_is_leap_year (gint64 y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static inline guint
_li_days_in_month (gint64 y,
                   guint  m)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m == 2 && _li_is_leap_year (y))
    return 29;
  return days[m - 1];
}

/* Days since 1970-01-01 of the proleptic Gregorian date y-m-d (after Howard
 * Hinnant's public-domain days_from_civil algorithm). */
static inline gint64
_li_days_from_civil (gint64 y,
                     guint  m,
                     guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + (gint64) doe - 719468;
}

static void
_li_civil_from_days (gint64  z,
                     gint64 *year,
                     guint  *month,
                     guint  *day)
{
  gint64 era;
  guint doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = (gint64) yoe + era * 400 + (*month <= 2);
}

/* An optional '-' and decimal digits, within [min, max]. */
static gboolean
_li_parse_integer (const char *p,
                   const char *end,
                   gint64      min,
                   gint64      max,
                   gint64     *value)
{
  gboolean negative = FALSE;
  guint64 v = 0;
  guint64 limit;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p == end)
    return FALSE;

  limit = negative ? (guint64) -(min + 1) + 1 : (guint64) max;
  for (; p < end; p++)
    {
      guint d = (guint) (*p - '0');

      if (d > 9)
        return FALSE;
      v = v * 10 + d;
      if (v > limit)
        return FALSE;
    }

  *value = negative ? -(gint64) v : (gint64) v;
  return TRUE;
}

static inline void
_li_trim (const char **str,
          gsize       *len)
{
  const char *p = *str;
  const char *end = p + *len;

  while (p < end && _li_is_blank (*p))
    p++;
  while (end > p && _li_is_blank (end[-1]))
    end--;

  *str = p;
  *len = (gsize) (end - p);
}

/* The two forms exports write, without the general parser's trimming and
 * branches: ten digits of Unix seconds, and YYYY-MM-DDTHH:MM:SSZ.  TRUE with
 * *@time_ms set when @str is one of them and valid; FALSE hands it to the
 * general parser, which gives every other input its result (so a FALSE
 * here is never an error by itself). */
static inline gboolean
_li_time_parse_fast (const char *p,
                     gsize       len,
                     gint64     *time_ms)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  if (len == 10)
    {
      guint64 w, v;
      guint d8 = (guint) (p[8] - '0'), d9 = (guint) (p[9] - '0');

      /* The first eight digits as one word: each byte is a digit when its
       * high nibble is 3 and adding 6 keeps it so. */
      memcpy (&w, p, 8);
      if (((w & G_GUINT64_CONSTANT (0xf0f0f0f0f0f0f0f0)) |
           (((w + G_GUINT64_CONSTANT (0x0606060606060606)) & G_GUINT64_CONSTANT (0xf0f0f0f0f0f0f0f0)) >> 4)) !=
          G_GUINT64_CONSTANT (0x3333333333333333) || d8 > 9 || d9 > 9)
        return FALSE;
      /* Little-endian: the first digit is the lowest byte.  Pairs, then
       * fours, then the eight. */
      w -= G_GUINT64_CONSTANT (0x3030303030303030);
      w = (w * 10 + (w >> 8)) & G_GUINT64_CONSTANT (0x00ff00ff00ff00ff);
      w = (w * 100 + (w >> 16)) & G_GUINT64_CONSTANT (0x0000ffff0000ffff);
      w = (w * 10000 + (w >> 32)) & G_GUINT64_CONSTANT (0xffffffff);
      /* Ten digits are at most 9999999999 s, below MAX_UNIX_SEC. */
      v = w * 100 + d8 * 10 + d9;
      *time_ms = (gint64) v * 1000;
      return TRUE;
    }
#endif
  if (len == 20 && p[19] == 'Z' && p[10] == 'T' && p[4] == '-' && p[7] == '-' &&
      p[13] == ':' && p[16] == ':')
    {
      int year_hi = _li_two_digits (p), year_lo = _li_two_digits (p + 2);
      int month = _li_two_digits (p + 5), day = _li_two_digits (p + 8);
      int hour = _li_two_digits (p + 11), minute = _li_two_digits (p + 14);
      int second = _li_two_digits (p + 17);
      gint64 year = year_hi * 100 + year_lo;

      if ((year_hi | year_lo | month | day | hour | minute | second) < 0 ||
          year < 1 || month < 1 || month > 12 || day < 1 ||
          (guint) day > _li_days_in_month (year, (guint) month) ||
          hour > 23 || minute > 59 || second > 59)
        return FALSE;
      /* Without an offset every valid date lies in the range. */
      *time_ms = (_li_days_from_civil (year, (guint) month, (guint) day) * SEC_PER_DAY +
                  hour * 3600 + minute * 60 + second) * 1000;
      return TRUE;
    }
  return FALSE;
}

gboolean
li_time_parse (const char *str,
               gsize       len,
               gint64     *time_ms)
{
  const char *p, *end;
  int year_hi, year_lo, month, day, hour, minute, second;
  gint64 year, days, seconds;
  guint ms = 0;
  int offset = 0;

  g_return_val_if_fail (str != NULL || len == 0, FALSE);
  g_return_val_if_fail (time_ms != NULL, FALSE);

  if (_li_time_parse_fast (str, len, time_ms))
    return TRUE;

  _li_trim (&str, &len);
  if (len == 0)
    return FALSE;

  p = str;
  end = str + len;

  /* Integer Unix seconds: the only form that is digits up to its end (a date
   * has a '-' at index 4). */
  if (len < 19 || p[4] != '-')
    {
      if (!_li_parse_integer (p, end, MIN_UNIX_SEC, MAX_UNIX_SEC, &seconds))
        return FALSE;
      *time_ms = seconds * 1000;
      return TRUE;
    }

  /* YYYY-MM-DD[Tt ]HH:MM:SS */
  year_hi = _li_two_digits (p);
  year_lo = _li_two_digits (p + 2);
  month = _li_two_digits (p + 5);
  day = _li_two_digits (p + 8);
  hour = _li_two_digits (p + 11);
  minute = _li_two_digits (p + 14);
  second = _li_two_digits (p + 17);
  if ((year_hi | year_lo | month | day | hour | minute | second) < 0 ||
      p[7] != '-' || p[13] != ':' || p[16] != ':' ||
      (p[10] != 'T' && p[10] != 't' && p[10] != ' '))
    return FALSE;

  year = year_hi * 100 + year_lo;
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      (guint) day > _li_days_in_month (year, (guint) month) ||
      hour > 23 || minute > 59 || second > 59)
    return FALSE;

  p += 19;

  /* Fractional seconds: any number of digits, milliseconds kept (truncated,
   * so the instant is rounded towards the past). */
  if (p < end && *p == '.')
    {
      guint n = 0;

      p++;
      if (p == end || !_li_is_digit (*p))
        return FALSE;
      for (; p < end && _li_is_digit (*p); p++, n++)
        if (n < 3)
          ms = ms * 10 + (guint) (*p - '0');
      for (; n < 3; n++)
        ms *= 10;
    }

  /* Zone: nothing (UTC), Z, ±HH:MM, ±HHMM, ±HH, or " UTC". */
  if (p < end)
    {
      gsize rest = (gsize) (end - p);

      if ((*p == 'Z' || *p == 'z') && rest == 1)
        {
          p++;
        }
      else if (*p == '+' || *p == '-')
        {
          int sign = *p == '-' ? -1 : 1;
          int oh, om = 0;

          if (rest != 3 && rest != 5 && rest != 6)
            return FALSE;
          oh = _li_two_digits (p + 1);
          if (rest == 5)
            om = _li_two_digits (p + 3);
          else if (rest == 6)
            om = p[3] == ':' ? _li_two_digits (p + 4) : -1;
          if (oh < 0 || om < 0 || oh > 23 || om > 59)
            return FALSE;
          offset = sign * (oh * 3600 + om * 60);
          p = end;
        }
      else if (rest == 4 && memcmp (p, " UTC", 4) == 0)
        {
          p = end;
        }
      else
        return FALSE;
    }

  if (p != end)
    return FALSE;

  days = _li_days_from_civil (year, (guint) month, (guint) day);
  seconds = days * SEC_PER_DAY + hour * 3600 + minute * 60 + second - offset;
  /* An offset can move the first or the last day out of the range. */
  if (seconds < MIN_UNIX_SEC || seconds > MAX_UNIX_SEC)
    return FALSE;
  *time_ms = seconds * 1000 + ms;
  return TRUE;
}

gboolean
li_time_parse_unix_ms (const char *str,
                       gsize       len,
                       gint64     *time_ms)
{
  g_return_val_if_fail (str != NULL || len == 0, FALSE);
  g_return_val_if_fail (time_ms != NULL, FALSE);

  _li_trim (&str, &len);
  return _li_parse_integer (str, str + len,
                            MIN_UNIX_SEC * 1000, MAX_UNIX_SEC * 1000 + 999,
                            time_ms);
}

char *
li_time_format (gint64 time_ms)
{
  gint64 day = li_time_day (time_ms);
  gint64 rem = time_ms % MS_PER_DAY;
  gint64 year;
  guint month, mday, hour, minute, second, ms;

  if (rem < 0)
    rem += MS_PER_DAY;
  _li_civil_from_days (day, &year, &month, &mday);
  hour = (guint) (rem / 3600000);
  minute = (guint) (rem / 60000 % 60);
  second = (guint) (rem / 1000 % 60);
  ms = (guint) (rem % 1000);

  if (ms != 0)
    return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02u-%02uT%02u:%02u:%02u.%03uZ",
                            year, month, mday, hour, minute, second, ms);
  return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02u-%02uT%02u:%02u:%02uZ",
                          year, month, mday, hour, minute, second);
}

gboolean
li_time_from_civil (gint64  year,
                    guint   month,
                    guint   day,
                    guint   hour,
                    guint   minute,
                    guint   second,
                    guint   ms,
                    int     offset_sec,
                    gint64 *time_ms)
{
  gint64 seconds;

  g_return_val_if_fail (time_ms != NULL, FALSE);

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > _li_days_in_month (year, month) || hour > 23 || minute > 59 ||
      second > 59 || ms > 999 || offset_sec < -86400 || offset_sec > 86400)
    return FALSE;

  seconds = _li_days_from_civil (year, month, day) * SEC_PER_DAY +
            hour * 3600 + minute * 60 + second - offset_sec;
  if (seconds < MIN_UNIX_SEC || seconds > MAX_UNIX_SEC)
    return FALSE;
  *time_ms = seconds * 1000 + ms;
  return TRUE;
}

gboolean
li_time_parse_unix (const char *str,
                    gsize       len,
                    guint       per_second,
                    gint64     *time_ms)
{
  gint64 value;

  g_return_val_if_fail (str != NULL || len == 0, FALSE);
  g_return_val_if_fail (per_second == 1 || per_second == 1000 || per_second == 1000000, FALSE);
  g_return_val_if_fail (time_ms != NULL, FALSE);

  _li_trim (&str, &len);
  if (!_li_parse_integer (str, str + len,
                          MIN_UNIX_SEC * per_second,
                          (MAX_UNIX_SEC + 1) * per_second - 1, &value))
    return FALSE;

  /* Microseconds are floored to milliseconds, as GA4's are. */
  if (per_second == 1)
    *time_ms = value * 1000;
  else if (per_second == 1000)
    *time_ms = value;
  else
    *time_ms = value / 1000 - (value % 1000 < 0);
  return TRUE;
}

gboolean
li_time_parse_bound (const char *str,
                     gboolean    end,
                     gint64     *time_ms)
{
  g_autofree char *text = NULL;
  g_autofree char *full = NULL;
  gsize len;
  gint64 span;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (time_ms != NULL, FALSE);

  text = g_strstrip (g_strdup (str));
  len = strlen (text);
  if (li_time_parse (text, len, time_ms))
    return TRUE;

  /* "YYYY-MM-DD" is 10 characters, "YYYY-MM-DD HH:MM" 16: completed to
   * a full time, then widened to the day or the minute */
  if (len == 10)
    {
      full = g_strconcat (text, " 00:00:00", NULL);
      span = 86400000;
    }
  else if (len == 16 && (text[10] == ' ' || text[10] == 'T'))
    {
      full = g_strconcat (text, ":00", NULL);
      full[10] = ' ';
      span = 60000;
    }
  else
    return FALSE;

  if (!li_time_parse (full, strlen (full), time_ms))
    return FALSE;
  if (end)
    *time_ms += span - 1;
  return TRUE;
}
