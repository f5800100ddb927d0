/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timestamp parsers (li-time.h) on any bytes (not NUL-terminated).
 *
 * Oracles:
 * - "time-integer": integer Unix seconds (li_time_parse) and milliseconds
 *   (li_time_parse_unix_ms) against exact decimal arithmetic: accepted
 *   exactly when the value lies in the years 0001 to 9999, with that value.
 * - "time-iso": a date the engine accepts means the same instant to GLib's
 *   ISO 8601 parser (to the millisecond, fractions truncated), and a strict
 *   RFC 3339 text that GLib reads in those years is accepted.
 * - "time-roundtrip": li_time_format () of an accepted time parses back to
 *   it; li_time_day () is the floor of the day. */

#include "li-fuzz.h"

#include "li-time.h"

/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z */
#define MIN_SEC G_GINT64_CONSTANT (-62135596800)
#define MAX_SEC G_GINT64_CONSTANT (253402300799)
#define MS_DAY  G_GINT64_CONSTANT (86400000)

static gboolean
_is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static void
_trim (const char **p,
       gsize       *len)
{
  while (*len > 0 && _is_blank (**p))
    (*p)++, (*len)--;
  while (*len > 0 && _is_blank ((*p)[*len - 1]))
    (*len)--;
}

/* An optional '-' then decimal digits only.  *in_range tells whether the
 * value lies in [min, max]; *value is set then. */
static gboolean
_ref_integer (const char *p,
              gsize       len,
              gint64      min,
              gint64      max,
              gboolean   *in_range,
              gint64     *value)
{
  gboolean negative = FALSE;
  guint64 v = 0;
  gboolean big = FALSE;

  if (len > 0 && *p == '-')
    negative = TRUE, p++, len--;
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      if (!big)
        {
          v = v * 10 + (guint64) (p[i] - '0');
          if (v > G_GUINT64_CONSTANT (1) << 60)
            big = TRUE;  /* far beyond any range; no wrap on the next digit */
        }
    }
  if (big)
    {
      *in_range = FALSE;
      return TRUE;
    }
  *value = negative ? -(gint64) v : (gint64) v;
  *in_range = *value >= min && *value <= max;
  return TRUE;
}

static gboolean
_digits (const char *p,
         gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (p[i] < '0' || p[i] > '9')
      return FALSE;
  return TRUE;
}

/* Strict RFC 3339 with the engine's documented variants: a space or 'T'
 * between date and time, "Z", "±HH:MM", "±HHMM", "±HH" or " UTC" (or
 * nothing: UTC).  Writes the ISO 8601 text GLib reads into @iso. */
static gboolean
_ref_iso_text (const char *p,
               gsize       len,
               GString    *iso)
{
  gsize i = 19;

  if (len < 19 || !_digits (p, 4) || p[4] != '-' || !_digits (p + 5, 2) || p[7] != '-' ||
      !_digits (p + 8, 2) || (p[10] != 'T' && p[10] != 't' && p[10] != ' ') ||
      !_digits (p + 11, 2) || p[13] != ':' || !_digits (p + 14, 2) || p[16] != ':' ||
      !_digits (p + 17, 2))
    return FALSE;

  g_string_append_len (iso, p, 10);
  g_string_append_c (iso, 'T');
  g_string_append_len (iso, p + 11, 8);
  if (i < len && p[i] == '.')
    {
      gsize start = i++;

      while (i < len && p[i] >= '0' && p[i] <= '9')
        i++;
      if (i == start + 1)
        return FALSE;
      /* GLib reads the seconds as a double: keep milliseconds only. */
      g_string_append_len (iso, p + start, (gssize) MIN (i - start, 4));
    }
  if (i == len)
    g_string_append_c (iso, 'Z');
  else if (len - i == 1 && (p[i] == 'Z' || p[i] == 'z'))
    g_string_append_c (iso, 'Z');
  else if (len - i == 4 && memcmp (p + i, " UTC", 4) == 0)
    g_string_append_c (iso, 'Z');
  else if (p[i] == '+' || p[i] == '-')
    {
      gsize rest = len - i;
      int hh, mm = 0;

      if (!(rest == 3 && _digits (p + i + 1, 2)) &&
          !(rest == 5 && _digits (p + i + 1, 4)) &&
          !(rest == 6 && _digits (p + i + 1, 2) && p[i + 3] == ':' && _digits (p + i + 4, 2)))
        return FALSE;
      hh = (p[i + 1] - '0') * 10 + (p[i + 2] - '0');
      if (rest == 5)
        mm = (p[i + 3] - '0') * 10 + (p[i + 4] - '0');
      else if (rest == 6)
        mm = (p[i + 4] - '0') * 10 + (p[i + 5] - '0');
      if (hh > 23 || mm > 59)
        return FALSE;
      g_string_append_printf (iso, "%c%02d:%02d", p[i], hh, mm);
    }
  else
    return FALSE;
  return TRUE;
}

/* The instant GLib reads, in milliseconds (truncated), or FALSE. */
static gboolean
_glib_ms (const char *iso,
          gint64     *ms)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, utc);

  if (dt == NULL)
    return FALSE;
  *ms = g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
  return TRUE;
}

static void
_check_roundtrip (gint64 t)
{
  g_autofree char *text = li_time_format (t);
  gint64 back = 0;
  gint64 day = li_time_day (t);

  LI_FUZZ_CHECK ("time-roundtrip", day * MS_DAY <= t && t < (day + 1) * MS_DAY,
                 "li_time_day (%" G_GINT64_FORMAT ") = %" G_GINT64_FORMAT, t, day);
  if (t < MIN_SEC * 1000 || t > MAX_SEC * 1000 + 999)
    return;
  LI_FUZZ_CHECK ("time-roundtrip", li_time_parse (text, strlen (text), &back) && back == t,
                 "li_time_format (%" G_GINT64_FORMAT ") = \"%s\" parses as %" G_GINT64_FORMAT,
                 t, text, back);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  li_fuzz_init (argc, argv);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *p = (const char *) data;
  gsize len = size;
  gint64 t = G_MININT64, t_ms = G_MININT64, ref = 0;
  gboolean ok, ok_ms, in_range = FALSE;
  g_autoptr(GString) iso = g_string_new (NULL);

  ok = li_time_parse (p, size, &t);
  ok_ms = li_time_parse_unix_ms (p, size, &t_ms);

  _trim (&p, &len);

  /* Integer Unix seconds: a date has a '-' at index 4. */
  if ((len < 19 || p[4] != '-') && _ref_integer (p, len, MIN_SEC, MAX_SEC, &in_range, &ref))
    LI_FUZZ_CHECK ("time-integer", ok == in_range && (!ok || t == ref * 1000),
                   "li_time_parse (\"%.*s\"): %s %" G_GINT64_FORMAT ", expected %s %"
                   G_GINT64_FORMAT, (int) len, p, ok ? "accepted" : "rejected", t,
                   in_range ? "accepted" : "rejected", ref * 1000);
  else if (_ref_iso_text (p, len, iso))
    {
      gint64 glib = 0;
      gboolean glib_ok = _glib_ms (iso->str, &glib);

      /* GLib reads the seconds through a double: allow it 1 ms. */
      if (ok && glib_ok)
        LI_FUZZ_CHECK ("time-iso", t - glib >= -1 && t - glib <= 1,
                       "li_time_parse (\"%.*s\") = %" G_GINT64_FORMAT ", GLib reads %s as %"
                       G_GINT64_FORMAT, (int) len, p, t, iso->str, glib);
      /* GLib takes seconds up to 61 (leap seconds) and reads them as 59:
       * the engine may refuse them (SPEC 2.1 says nothing of leap
       * seconds).  Year 0 is not in the range. */
      if (glib_ok && glib >= MIN_SEC * 1000 && glib <= MAX_SEC * 1000 + 999 &&
          memcmp (p, "0000", 4) != 0 && memcmp (p + 17, "60", 2) < 0)
        LI_FUZZ_CHECK ("time-iso", ok,
                       "li_time_parse (\"%.*s\") rejects what GLib reads (%s) as %"
                       G_GINT64_FORMAT, (int) len, p, iso->str, glib);
    }

  if (_ref_integer (p, len, MIN_SEC * 1000, MAX_SEC * 1000 + 999, &in_range, &ref))
    LI_FUZZ_CHECK ("time-integer", ok_ms == in_range && (!ok_ms || t_ms == ref),
                   "li_time_parse_unix_ms (\"%.*s\"): %s %" G_GINT64_FORMAT ", expected %s",
                   (int) len, p, ok_ms ? "accepted" : "rejected", t_ms,
                   in_range ? "accepted" : "rejected");
  else
    LI_FUZZ_CHECK ("time-integer", !ok_ms, "li_time_parse_unix_ms (\"%.*s\") accepted %"
                   G_GINT64_FORMAT, (int) len, p, t_ms);

  if (ok)
    {
      /* Years 0001 to 9999 before an offset of at most a day. */
      LI_FUZZ_CHECK ("time-integer", t >= MIN_SEC * 1000 - MS_DAY &&
                                     t <= MAX_SEC * 1000 + 999 + MS_DAY,
                     "li_time_parse accepted %" G_GINT64_FORMAT, t);
      _check_roundtrip (t);
    }
  if (ok_ms)
    _check_roundtrip (t_ms);
  return 0;
}
