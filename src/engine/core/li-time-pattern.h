/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A strftime-style pattern for reading timestamps (a column mapping's
 * `"unit": "strftime"`), parsed strictly and without the locale or TZ:
 *
 *   %Y  year, 4 digits          %y  year, 2 digits (69–99: 19xx, else 20xx)
 *   %m  month, 1–2 digits       %b %h  month, English abbreviation (Jan)
 *   %B  month, English name     %d  day of the month, 1–2 digits
 *   %j  day of the year, 1–3    %H  hour 0–23, 1–2 digits
 *   %I  hour 1–12, with %p      %p  AM or PM
 *   %M  minute, 1–2 digits      %S  second, 1–2 digits
 *   %f  fraction of a second, 1–9 digits (milliseconds kept)
 *   %z  Z, ±HH:MM, ±HHMM or ±HH  %T  %H:%M:%S
 *   %a %A  weekday, English abbreviation or name (checked against the date)
 *   %%  a percent sign
 *
 * Every other character matches itself (exactly: a space one space).  Times
 * are UTC unless %z gives an offset.  Names match case-insensitively; blanks
 * around the value are ignored.  %M and %S need an hour, %S needs %M. */
typedef struct _LiTimePattern LiTimePattern;

/* NULL with a translated reason in @message (free it) when @pattern is not
 * valid: an unknown or repeated directive, or no complete date. */
LiTimePattern *li_time_pattern_new   (const char          *pattern,
                                      char               **message);
void           li_time_pattern_free  (LiTimePattern       *pattern);
gboolean       li_time_pattern_parse (const LiTimePattern *pattern,
                                      const char          *str,
                                      gsize                len,
                                      gint64              *time_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiTimePattern, li_time_pattern_free)

G_END_DECLS
