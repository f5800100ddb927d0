/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "li-line-chart.h"

#include "li-chart-style.h"

#define MAX_SERIES 4
#define MAX_TICKS  12

#define PAD_LEFT   52.0
#define PAD_RIGHT  14.0
#define PAD_TOP    10.0
#define PAD_BOTTOM 22.0
#define LEGEND_H   20.0

/* Data: one series of points over the shared x values. */
typedef struct
{
  char   *label;
  double *xs;
  double *ys;
  guint   n;
} LiChartSeries;

/* Scaling: an axis normalises [min, max] to [0, 1] and keeps its ticks. */
typedef struct
{
  double            min, max;
  LiLineChartFormat format;
  double            ticks[MAX_TICKS];
  guint             n_ticks;
} LiChartAxis;

struct _LiLineChart
{
  GtkWidget         parent_instance;

  LiChartSeries     series[MAX_SERIES];
  guint             n_series;
  LiChartAxis       x_axis;
  LiChartAxis       y_axis;
  gboolean          fixed_y;
  double            fixed_min, fixed_max;
  gboolean          has_mark;
  double            mark_x;
  char             *mark_label;
  int               cursor;

  GdkRGBA           colors[MAX_SERIES];
  GdkRGBA           foreground;
};

G_DEFINE_FINAL_TYPE (LiLineChart, li_line_chart, GTK_TYPE_WIDGET)

enum { POINT_ACTIVATED, CURSOR_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static double
_li_axis_pos (const LiChartAxis *axis,
              double             value)
{
  if (axis->max <= axis->min)
    return 0.5;
  return (value - axis->min) / (axis->max - axis->min);
}

/* A 1, 2 or 5 times a power of ten near @raw. */
static double
_li_nice_step (double raw)
{
  double p = pow (10.0, floor (log10 (raw)));
  double f = raw / p;

  return (f < 1.5 ? 1.0 : f < 3.5 ? 2.0 : f < 7.5 ? 5.0 : 10.0) * p;
}

/* Numbers: nice ticks inside the range (widened to hold them). */
static void
_li_axis_nice_ticks (LiChartAxis *axis,
                     gboolean     widen)
{
  double step;

  axis->n_ticks = 0;
  if (!(axis->max > axis->min))
    {
      double pad = fabs (axis->min) > 0 ? fabs (axis->min) * 0.1 : 1.0;
      axis->min -= pad;
      axis->max += pad;
    }
  step = _li_nice_step ((axis->max - axis->min) / 4.0);
  if (widen)
    {
      axis->min = floor (axis->min / step + 1e-9) * step;
      axis->max = ceil (axis->max / step - 1e-9) * step;
    }
  for (double t = ceil (axis->min / step - 1e-9) * step;
       t <= axis->max + step * 1e-6 && axis->n_ticks < MAX_TICKS; t += step)
    axis->ticks[axis->n_ticks++] = fabs (t) < step * 1e-9 ? 0.0 : t;
}

/* Dates: the x values themselves, every k-th one so at most six show. */
static void
_li_axis_point_ticks (LiChartAxis         *axis,
                      const LiChartSeries *series)
{
  guint every = MAX (1u, (series->n + 5) / 6);

  axis->n_ticks = 0;
  for (guint i = 0; i < series->n && axis->n_ticks < MAX_TICKS; i += every)
    axis->ticks[axis->n_ticks++] = series->xs[i];
}

static void
_li_line_chart_update_axes (LiLineChart *self)
{
  double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;

  for (guint s = 0; s < self->n_series; s++)
    for (guint i = 0; i < self->series[s].n; i++)
      {
        double y = self->series[s].ys[i];

        xmin = MIN (xmin, self->series[s].xs[i]);
        xmax = MAX (xmax, self->series[s].xs[i]);
        if (isfinite (y))
          {
            ymin = MIN (ymin, y);
            ymax = MAX (ymax, y);
          }
      }
  if (!isfinite (xmin))
    xmin = 0, xmax = 1;
  if (self->has_mark && isfinite (self->mark_x))
    {
      xmin = MIN (xmin, self->mark_x);
      xmax = MAX (xmax, self->mark_x);
    }
  if (!isfinite (ymin))
    ymin = 0, ymax = 1;

  self->x_axis.min = xmin;
  self->x_axis.max = xmax;
  if (self->x_axis.format != LI_LINE_CHART_NUMBER && self->x_axis.format != LI_LINE_CHART_PERCENT &&
      self->n_series > 0)
    _li_axis_point_ticks (&self->x_axis, &self->series[0]);
  else
    _li_axis_nice_ticks (&self->x_axis, FALSE);

  if (self->fixed_y)
    {
      self->y_axis.min = self->fixed_min;
      self->y_axis.max = self->fixed_max;
    }
  else
    {
      self->y_axis.min = ymin;
      self->y_axis.max = ymax;
    }
  _li_axis_nice_ticks (&self->y_axis, !self->fixed_y);
}

char *
li_line_chart_format_value (LiLineChartFormat format,
                            double            value)
{
  if (!isfinite (value))
    return g_strdup ("—");
  switch (format)
    {
    case LI_LINE_CHART_PERCENT:
      return g_strdup_printf ("%.*f%%", fabs (value) >= 0.1 || value == 0 ? 0 : 1, value * 100.0);
    case LI_LINE_CHART_DATE:
    case LI_LINE_CHART_MONTH:
    case LI_LINE_CHART_TIME:
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc ((gint64) floor (value / 1000.0));
        /* Translators: a day, a month, an hour on a chart's time axis, see g_date_time_format */
        const char *f = format == LI_LINE_CHART_DATE ? _("%-d %b") : format == LI_LINE_CHART_MONTH ? _("%b %Y") : _("%H:%M");
        char *text = dt ? g_date_time_format (dt, f) : NULL;

        return text ? g_strstrip (text) : g_strdup ("—");
      }
    case LI_LINE_CHART_NUMBER:
    default:
      if (fabs (value - round (value)) < 1e-9 && fabs (value) < 1e9)
        return g_strdup_printf ("%.0f", value);
      return g_strdup_printf (fabs (value) >= 10 ? "%.1f" : "%.3g", value);
    }
}

char *
li_format_share_interval (double share,
                          double low,
                          double high)
{
  g_autofree char *p = li_line_chart_format_value (LI_LINE_CHART_PERCENT, share);
  g_autofree char *hi = NULL;

  if (!isfinite (share) || !isfinite (low) || !isfinite (high))
    return g_steal_pointer (&p);
  hi = li_line_chart_format_value (LI_LINE_CHART_PERCENT, high);
  /* Translators: a share with its 95% interval, "28% (21–37%)" */
  return g_strdup_printf (_("%s (%.0f–%s)"), p, 100 * low, hi);
}

/* The cursor's point, for screen readers. */
static void
_li_line_chart_update_accessible (LiLineChart *self)
{
  GString *text = g_string_new (NULL);

  if (self->n_series > 0 && self->cursor >= 0 && (guint) self->cursor < self->series[0].n)
    {
      g_autofree char *x = li_line_chart_format_value (self->x_axis.format,
                                                       self->series[0].xs[self->cursor]);

      g_string_append (text, x);
      for (guint s = 0; s < self->n_series; s++)
        {
          g_autofree char *y = li_line_chart_format_value (self->y_axis.format,
                                                           self->series[s].ys[self->cursor]);
          g_string_append_printf (text, ", %s %s", self->series[s].label, y);
        }
    }
  else
    /* Translators: accessible description of a chart without a selected point */
    g_string_append (text, _("Use the arrow keys to move between points, Enter to choose one"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
  g_string_free (text, TRUE);
}

static gboolean
_li_line_chart_plot (LiLineChart     *self,
                     graphene_rect_t *plot)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double top = PAD_TOP + (self->n_series > 1 ? LEGEND_H : 0);

  if (width <= PAD_LEFT + PAD_RIGHT + 1 || height <= top + PAD_BOTTOM + 1)
    return FALSE;
  graphene_rect_init (plot, PAD_LEFT, top, width - PAD_LEFT - PAD_RIGHT,
                      height - top - PAD_BOTTOM);
  return TRUE;
}

static double
_li_px (const graphene_rect_t *plot,
        const LiChartAxis     *axis,
        double                 x)
{
  return plot->origin.x + plot->size.width * _li_axis_pos (axis, x);
}

static double
_li_py (const graphene_rect_t *plot,
        const LiChartAxis     *axis,
        double                 y)
{
  return plot->origin.y + plot->size.height * (1.0 - _li_axis_pos (axis, y));
}

static void
_li_line_chart_draw_series (LiLineChart           *self,
                            cairo_t               *cr,
                            const graphene_rect_t *plot)
{
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint s = 0; s < self->n_series; s++)
    {
      const LiChartSeries *series = &self->series[s];
      GdkRGBA faded = li_chart_fade (&self->colors[s], 0.5);
      int last = -1;

      /* Neighbours solid; across a missing value (NaN) thin and dashed. */
      cairo_set_line_width (cr, 2.0);
      gdk_cairo_set_source_rgba (cr, &self->colors[s]);
      for (guint pass = 0; pass < 2; pass++, last = -1)
        {
          for (guint i = 0; i < series->n; i++)
            {
              if (!isfinite (series->ys[i]))
                continue;
              if (last >= 0 && ((i - last == 1) == (pass == 0)))
                {
                  cairo_move_to (cr, _li_px (plot, &self->x_axis, series->xs[last]),
                                 _li_py (plot, &self->y_axis, series->ys[last]));
                  cairo_line_to (cr, _li_px (plot, &self->x_axis, series->xs[i]),
                                 _li_py (plot, &self->y_axis, series->ys[i]));
                }
              last = i;
            }
          cairo_stroke (cr);
          gdk_cairo_set_source_rgba (cr, &faded);
          cairo_set_line_width (cr, 1.0);
          cairo_set_dash (cr, (double[]) { 3.0, 3.0 }, 2, 0.0);
        }
      cairo_set_dash (cr, NULL, 0, 0.0);
      gdk_cairo_set_source_rgba (cr, &self->colors[s]);
      for (guint i = 0; i < series->n; i++)
        if (isfinite (series->ys[i]))
          {
            cairo_arc (cr, _li_px (plot, &self->x_axis, series->xs[i]),
                       _li_py (plot, &self->y_axis, series->ys[i]), 2.5, 0, 2 * G_PI);
            cairo_fill (cr);
          }
    }
}

static void
_li_line_chart_draw_mark_and_cursor (LiLineChart           *self,
                                     cairo_t               *cr,
                                     const graphene_rect_t *plot)
{
  GdkRGBA line = li_chart_fade (&self->foreground, 0.6);

  cairo_set_line_width (cr, 1.0);
  if (self->has_mark && isfinite (self->mark_x))
    {
      double x = round (_li_px (plot, &self->x_axis, self->mark_x)) + 0.5;

      gdk_cairo_set_source_rgba (cr, &line);
      cairo_set_dash (cr, (double[]) { 4.0, 3.0 }, 2, 0.0);
      cairo_move_to (cr, x, plot->origin.y);
      cairo_line_to (cr, x, plot->origin.y + plot->size.height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.0);
    }
  if (self->n_series > 0 && self->cursor >= 0 && (guint) self->cursor < self->series[0].n)
    {
      double x = round (_li_px (plot, &self->x_axis, self->series[0].xs[self->cursor])) + 0.5;

      gdk_cairo_set_source_rgba (cr, &line);
      cairo_move_to (cr, x, plot->origin.y);
      cairo_line_to (cr, x, plot->origin.y + plot->size.height);
      cairo_stroke (cr);
      for (guint s = 0; s < self->n_series; s++)
        {
          double y = self->series[s].ys[self->cursor];

          if (!isfinite (y))
            continue;
          gdk_cairo_set_source_rgba (cr, &self->colors[s]);
          cairo_arc (cr, x, _li_py (plot, &self->y_axis, y), 5.0, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

static void
_li_line_chart_append_text (LiLineChart   *self,
                            GtkSnapshot   *snapshot,
                            const char    *text,
                            double         x,
                            double         y,
                            double         xalign,
                            double         yalign,
                            gboolean       bold,
                            const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = li_chart_small_layout (GTK_WIDGET (self), text, bold);
  double w, h;
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  li_chart_layout_size (layout, &w, &h);
  x = CLAMP (x - w * xalign, 0.0, MAX (0.0, width - w));
  li_chart_append_layout (snapshot, layout, &GRAPHENE_POINT_INIT (round (x), round (y - h * yalign)), color);
}

static void
_li_line_chart_snapshot_labels (LiLineChart           *self,
                                GtkSnapshot           *snapshot,
                                const graphene_rect_t *plot)
{
  GdkRGBA text = li_chart_fade (&self->foreground, 0.7);
  double legend_x = plot->origin.x;

  for (guint i = 0; i < self->y_axis.n_ticks; i++)
    {
      g_autofree char *label = li_line_chart_format_value (self->y_axis.format, self->y_axis.ticks[i]);

      _li_line_chart_append_text (self, snapshot, label, plot->origin.x - 6,
                                  _li_py (plot, &self->y_axis, self->y_axis.ticks[i]), 1.0, 0.5, FALSE, &text);
    }
  for (guint i = 0; i < self->x_axis.n_ticks; i++)
    {
      g_autofree char *label = li_line_chart_format_value (self->x_axis.format, self->x_axis.ticks[i]);

      _li_line_chart_append_text (self, snapshot, label, _li_px (plot, &self->x_axis, self->x_axis.ticks[i]),
                                  plot->origin.y + plot->size.height + 4, 0.5, 0.0, FALSE, &text);
    }
  if (self->has_mark && self->mark_label != NULL && isfinite (self->mark_x))
    _li_line_chart_append_text (self, snapshot, self->mark_label, _li_px (plot, &self->x_axis, self->mark_x) + 4,
                                plot->origin.y + 2, 0.0, 0.0, TRUE, &text);

  if (self->n_series < 2)
    return;
  /* The legend: a swatch and the label of each series. */
  for (guint s = 0; s < self->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = li_chart_small_layout (GTK_WIDGET (self), self->series[s].label, FALSE);
      double w, h;

      li_chart_layout_size (layout, &w, &h);
      li_chart_append_rounded (snapshot, &GRAPHENE_RECT_INIT (legend_x, PAD_TOP + h / 2 - 3, 12, 6), 3,
                               &self->colors[s]);
      li_chart_append_layout (snapshot, layout, &GRAPHENE_POINT_INIT (legend_x + 16, PAD_TOP), &text);
      legend_x += 16 + w + 16;
    }
}

static void
li_line_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LiLineChart *self = LI_LINE_CHART (widget);
  graphene_rect_t plot;
  double ys[MAX_TICKS];
  GdkRGBA grid;
  cairo_t *cr;

  if (!_li_line_chart_plot (self, &plot))
    return;

  for (guint i = 0; i < self->y_axis.n_ticks; i++)
    ys[i] = _li_py (&plot, &self->y_axis, self->y_axis.ticks[i]);
  grid = li_chart_fade (&self->foreground, 0.12);
  li_chart_append_grid (snapshot, &plot, ys, self->y_axis.n_ticks, &grid);
  grid = li_chart_fade (&self->foreground, 0.4);
  li_chart_append_x_axis (snapshot, &plot, &grid);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  _li_line_chart_draw_mark_and_cursor (self, cr, &plot);
  _li_line_chart_draw_series (self, cr, &plot);
  cairo_destroy (cr);

  _li_line_chart_snapshot_labels (self, snapshot, &plot);

  if (gtk_widget_has_visible_focus (widget))
    li_chart_append_ring (snapshot, &GRAPHENE_RECT_INIT (1, 1, gtk_widget_get_width (widget) - 2,
                                                         gtk_widget_get_height (widget) - 2),
                          6, 2, &self->colors[0]);
}

static void
li_line_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  LiLineChart *self = LI_LINE_CHART (widget);
  GtkStyleContext *context;
  static const char *names[MAX_SERIES][2] = {
    { "accent_color", "#1c71d8" },
    { "success_color", "#26a269" },
    { "warning_color", "#c64600" },
    { "purple_3", "#9141ac" },
  };

  GTK_WIDGET_CLASS (li_line_chart_parent_class)->css_changed (widget, change);

  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &self->foreground);
  for (guint s = 0; s < MAX_SERIES; s++)
    li_chart_lookup_color (context, names[s][0], names[s][1], &self->colors[s]);
  gtk_widget_queue_draw (widget);
}

static void
li_line_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  li_chart_measure (orientation, 240, 520, 140, 220, minimum, natural);
}

static void
_li_line_chart_pressed_cb (GtkGestureClick *gesture,
                           int              n_press,
                           double           x,
                           double           y,
                           LiLineChart     *self)
{
  graphene_rect_t plot;
  double best = INFINITY;
  int index = -1;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->n_series == 0 || !_li_line_chart_plot (self, &plot))
    return;
  for (guint i = 0; i < self->series[0].n; i++)
    {
      double d = fabs (_li_px (&plot, &self->x_axis, self->series[0].xs[i]) - x);

      if (d < best)
        best = d, index = i;
    }
  if (index < 0)
    return;
  li_line_chart_set_cursor (self, index);
  g_signal_emit (self, signals[POINT_ACTIVATED], 0, (guint) index);
}

static gboolean
_li_line_chart_key_pressed_cb (GtkEventControllerKey *controller,
                               guint                  keyval,
                               guint                  keycode,
                               GdkModifierType        state,
                               LiLineChart           *self)
{
  int n = li_line_chart_get_n_points (self);
  int cursor = self->cursor;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      cursor = cursor < 0 ? n - 1 : MAX (0, cursor - 1);
      break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      cursor = cursor < 0 ? 0 : MIN (n - 1, cursor + 1);
      break;
    case GDK_KEY_Home:
      cursor = 0;
      break;
    case GDK_KEY_End:
      cursor = n - 1;
      break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space:
      if (cursor >= 0)
        g_signal_emit (self, signals[POINT_ACTIVATED], 0, (guint) cursor);
      return cursor >= 0;
    default:
      return FALSE;
    }
  li_line_chart_set_cursor (self, cursor);
  return TRUE;
}

static void
_li_line_chart_clear_series (LiLineChart *self)
{
  for (guint s = 0; s < self->n_series; s++)
    {
      g_clear_pointer (&self->series[s].label, g_free);
      g_clear_pointer (&self->series[s].xs, g_free);
      g_clear_pointer (&self->series[s].ys, g_free);
    }
  self->n_series = 0;
}

static void
li_line_chart_finalize (GObject *object)
{
  LiLineChart *self = LI_LINE_CHART (object);

  _li_line_chart_clear_series (self);
  g_clear_pointer (&self->mark_label, g_free);
  G_OBJECT_CLASS (li_line_chart_parent_class)->finalize (object);
}

static void
li_line_chart_class_init (LiLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = li_line_chart_finalize;
  widget_class->css_changed = li_line_chart_css_changed;
  widget_class->measure = li_line_chart_measure;
  widget_class->snapshot = li_line_chart_snapshot;

  signals[POINT_ACTIVATED] = g_signal_new ("point-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[CURSOR_CHANGED] = g_signal_new ("cursor-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "linechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
li_line_chart_init (LiLineChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  self->cursor = -1;
  self->foreground = (GdkRGBA) { 0, 0, 0, 0.8 };
  for (guint s = 0; s < MAX_SERIES; s++)
    self->colors[s] = (GdkRGBA) { 0.11, 0.44, 0.85, 1.0 };
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (_li_line_chart_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (key, "key-pressed", G_CALLBACK (_li_line_chart_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  _li_line_chart_update_axes (self);
  _li_line_chart_update_accessible (self);
}

GtkWidget *
li_line_chart_new (void)
{
  return g_object_new (LI_TYPE_LINE_CHART, NULL);
}

void
li_line_chart_clear (LiLineChart *self)
{
  g_return_if_fail (LI_IS_LINE_CHART (self));

  _li_line_chart_clear_series (self);
  self->cursor = -1;
  _li_line_chart_update_axes (self);
  _li_line_chart_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
li_line_chart_add_series (LiLineChart  *self,
                          const char   *label,
                          const double *xs,
                          const double *ys,
                          guint         n)
{
  LiChartSeries *series;

  g_return_if_fail (LI_IS_LINE_CHART (self));
  g_return_if_fail (self->n_series < MAX_SERIES);

  series = &self->series[self->n_series++];
  series->label = g_strdup (label);
  series->xs = g_memdup2 (xs, sizeof (double) * n);
  series->ys = g_memdup2 (ys, sizeof (double) * n);
  series->n = n;
  _li_line_chart_update_axes (self);
  _li_line_chart_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
li_line_chart_set_formats (LiLineChart       *self,
                           LiLineChartFormat  x_format,
                           LiLineChartFormat  y_format)
{
  g_return_if_fail (LI_IS_LINE_CHART (self));

  self->x_axis.format = x_format;
  self->y_axis.format = y_format;
  _li_line_chart_update_axes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
li_line_chart_set_y_range (LiLineChart *self,
                           double       min,
                           double       max)
{
  g_return_if_fail (LI_IS_LINE_CHART (self));

  self->fixed_y = min < max;
  self->fixed_min = min;
  self->fixed_max = max;
  _li_line_chart_update_axes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
li_line_chart_set_mark (LiLineChart *self,
                        gboolean     has_mark,
                        double       x,
                        const char  *label)
{
  g_return_if_fail (LI_IS_LINE_CHART (self));

  self->has_mark = has_mark;
  self->mark_x = x;
  g_free (self->mark_label);
  self->mark_label = g_strdup (label);
  _li_line_chart_update_axes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
li_line_chart_set_cursor (LiLineChart *self,
                          int          index)
{
  g_return_if_fail (LI_IS_LINE_CHART (self));

  if (index >= (int) li_line_chart_get_n_points (self))
    index = -1;
  if (self->cursor == index)
    return;
  self->cursor = index;
  _li_line_chart_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CURSOR_CHANGED], 0);
}

int
li_line_chart_get_cursor (LiLineChart *self)
{
  g_return_val_if_fail (LI_IS_LINE_CHART (self), -1);

  return self->cursor;
}

guint
li_line_chart_get_n_points (LiLineChart *self)
{
  g_return_val_if_fail (LI_IS_LINE_CHART (self), 0);

  return self->n_series > 0 ? self->series[0].n : 0;
}
