/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses the timestamp forms of SPEC 2.1 into Unix milliseconds:
 * RFC 3339 (`2026-03-01T10:00:00Z`, offsets, fractional seconds),
 * `YYYY-MM-DD HH:MM:SS[ UTC]` and integer Unix seconds.  Leading and trailing
 * blanks are ignored.  Returns FALSE for anything else, and for times outside
 * the years 0001 to 9999 UTC. */
gboolean li_time_parse         (const char *str,
                                gsize       len,
                                gint64     *time_ms);
/* Integer milliseconds (the retailrocket format), in the same range. */
gboolean li_time_parse_unix_ms (const char *str,
                                gsize       len,
                                gint64     *time_ms);
/* Integer Unix time in units of 1/@per_second s (1, 1000 or 1000000; the
 * `s`, `ms` and `us` of a column mapping), microseconds floored to
 * milliseconds; the same range as li_time_parse (). */
gboolean li_time_parse_unix    (const char *str,
                                gsize       len,
                                guint       per_second,
                                gint64     *time_ms);
/* A calendar date and time of day, less @offset_sec east of UTC, in Unix
 * milliseconds; FALSE for an invalid date or field, or a time outside the
 * years 0001 to 9999 UTC. */
gboolean li_time_from_civil    (gint64      year,
                                guint       month,
                                guint       day,
                                guint       hour,
                                guint       minute,
                                guint       second,
                                guint       ms,
                                int         offset_sec,
                                gint64     *time_ms);
/* A bound of a time range as a person types it: anything li_time_parse
 * reads, or a UTC date `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`.  A date or a
 * minute stands for its first millisecond, or its last with @end (an
 * inclusive "to": `2019-10-01` ends at 23:59:59.999). */
gboolean li_time_parse_bound   (const char *str,
                                gboolean    end,
                                gint64     *time_ms);
/* `2026-03-01T10:00:00Z` (with `.123` when there are milliseconds). */
char    *li_time_format        (gint64      time_ms);
#define LI_TIME_MS_PER_DAY G_GINT64_CONSTANT (86400000)

/* Days since 1970-01-01 (floor), the UTC calendar day of a time: inline,
 * for the patterns take it of every event. */
static inline gint64
li_time_day (gint64 time_ms)
{
  gint64 q = time_ms / LI_TIME_MS_PER_DAY;

  if (time_ms % LI_TIME_MS_PER_DAY < 0)
    q--;
  return q;
}

G_END_DECLS
