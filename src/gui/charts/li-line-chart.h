/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LI_TYPE_LINE_CHART (li_line_chart_get_type ())
G_DECLARE_FINAL_TYPE (LiLineChart, li_line_chart, LI, LINE_CHART, GtkWidget)

/* How the axes write their values. */
typedef enum
{
  LI_LINE_CHART_NUMBER,   /* 12.5 */
  LI_LINE_CHART_PERCENT,  /* 0.283 → 28.3% */
  LI_LINE_CHART_DATE,     /* Unix ms → "7 Oct" */
  LI_LINE_CHART_MONTH,    /* Unix ms → "Oct 2019" */
  LI_LINE_CHART_TIME,     /* Unix ms → "14:00" (UTC) */
} LiLineChartFormat;

/* One reusable line chart in three layers, as sysprof draws:
 * series (the points, x shared by all series), axes (each normalises its
 * range to [0, 1] and picks ticks) and the layer (snapshot reads only the
 * cached arrays).  A mark is a dashed vertical line ("current value").
 *
 * Focusable: Left/Right/Home/End move a cursor over the points of the first
 * series (::cursor-changed), Enter or a click on a point emits
 * ::point-activated (guint index).
 * The accessible description names the cursor's point. */
GtkWidget  *li_line_chart_new          (void);
void        li_line_chart_clear        (LiLineChart       *self);
/* Copies @n x and y values; NaN ys leave gaps.  Up to four series. */
void        li_line_chart_add_series   (LiLineChart       *self,
                                        const char        *label,
                                        const double      *xs,
                                        const double      *ys,
                                        guint              n);
void        li_line_chart_set_formats  (LiLineChart       *self,
                                        LiLineChartFormat  x_format,
                                        LiLineChartFormat  y_format);
/* A fixed y range (e.g. 0…1 for rates); min ≥ max: fit the data. */
void        li_line_chart_set_y_range  (LiLineChart       *self,
                                        double             min,
                                        double             max);
void        li_line_chart_set_mark     (LiLineChart       *self,
                                        gboolean           has_mark,
                                        double             x,
                                        const char        *label);
/* -1: no cursor. */
void        li_line_chart_set_cursor   (LiLineChart       *self,
                                        int                index);
int         li_line_chart_get_cursor   (LiLineChart       *self);
guint       li_line_chart_get_n_points (LiLineChart       *self);
/* The value as the axes write it (tests, labels). */
char       *li_line_chart_format_value (LiLineChartFormat  format,
                                        double             value);
/* A share with its (Wilson) interval: "28% (21–37%)"; the share alone
 * when the interval is NaN. */
char       *li_format_share_interval   (double             share,
                                        double             low,
                                        double             high);

G_END_DECLS
