/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LI_TYPE_RANGE_BUTTON (li_range_button_get_type ())
G_DECLARE_FINAL_TYPE (LiRangeButton, li_range_button, LI, RANGE_BUTTON, AdwBin)

/* The period the window replays: a button ("All Time", or the period) with
 * a popover of two entries, From and To, that take what `replay --from
 * --to` takes and also a date or a date and a minute (li_time_parse_bound;
 * a "to" date includes its whole day).  Emits ::range-changed when a new
 * period is applied. */
GtkWidget *li_range_button_new        (void);
/* TRUE when a period is set (else all time). */
gboolean   li_range_button_get_range  (LiRangeButton *self,
                                       gboolean      *has_from,
                                       gint64        *from_ms,
                                       gboolean      *has_to,
                                       gint64        *to_ms);
/* Types @from and @to (either may be empty: open) and applies them as the
 * Apply button does.  FALSE, with the entry marked, when one cannot be
 * read or the period ends before it starts. */
gboolean   li_range_button_apply_text (LiRangeButton *self,
                                       const char    *from,
                                       const char    *to);
/* Back to all time (emits ::range-changed when that is a change). */
void       li_range_button_clear      (LiRangeButton *self);
/* The data's first and last event, shown as the entries' placeholders. */
void       li_range_button_set_data_span (LiRangeButton *self,
                                          gint64         first_ms,
                                          gint64         last_ms);
/* The button's label as shown. */
const char *li_range_button_get_label (LiRangeButton *self);

G_END_DECLS
