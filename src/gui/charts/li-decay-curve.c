/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "li-decay-curve.h"

#include "li-chart-style.h"
#include "li-rules-describe.h"

/* Samples over [0, span] on a linear time axis.  The span and the three
 * marks follow the model (li_decay_preview_marks): a 0.1-day window spans
 * hours, a 7-day half-life four weeks, so no curve is a sliver. */
#define N_SAMPLES 301

#define PAD_LEFT   6.0
#define PAD_RIGHT 10.0
#define PAD_TOP    6.0
#define PAD_BOTTOM 18.0

struct _LiDecayCurve
{
  GtkWidget parent_instance;

  LiDecay   decay;
  double    marks[LI_DECAY_N_MARKS];  /* days; the axis ends at the last */
  double    samples[N_SAMPLES];  /* factor at _li_axis_days (i / (N_SAMPLES - 1)) */

  GdkRGBA   accent;
  GdkRGBA   foreground;
};

G_DEFINE_FINAL_TYPE (LiDecayCurve, li_decay_curve, GTK_TYPE_WIDGET)

/* Position in [0, 1] of @days on the time axis, and back. */
static inline double
_li_axis_pos (LiDecayCurve *self,
              double        days)
{
  double span = self->marks[LI_DECAY_N_MARKS - 1];

  return CLAMP (days, 0.0, span) / span;
}

static inline double
_li_axis_days (LiDecayCurve *self,
               double        pos)
{
  return pos * self->marks[LI_DECAY_N_MARKS - 1];
}

static double
_li_decay_curve_factor (const LiDecay *decay,
                        double         days)
{
  double f = li_decay_factor (decay, days * 86400.0);

  return CLAMP (f, 0.0, 1.0);
}

static void
_li_decay_curve_update_accessible (LiDecayCurve *self)
{
  g_autofree char *summary = li_decay_summary (&self->decay);
  g_autofree char *text = NULL;

  /* Translators: the values read from the decay chart, "7 d 0.50 · 14 d 0.25 · …" */
  text = g_strdup_printf (_("Decay curve: what a point is worth by age: %s"), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
li_decay_curve_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  LiDecayCurve *self = LI_DECAY_CURVE (widget);
  GtkStyleContext *context;

  GTK_WIDGET_CLASS (li_decay_curve_parent_class)->css_changed (widget, change);

  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &self->foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &self->accent) &&
      !gtk_style_context_lookup_color (context, "theme_selected_bg_color", &self->accent))
    self->accent = self->foreground;

  gtk_widget_queue_draw (widget);
}

static void
li_decay_curve_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  li_chart_measure (orientation, 120, 320, 64, 80, minimum, natural);
}

/* The curve as a path, over the plot at (@x0, @y0) of @w × @h. */
static void
_li_decay_curve_trace (LiDecayCurve *self,
                       cairo_t      *cr,
                       double        x0,
                       double        y0,
                       double        w,
                       double        h)
{
  for (guint i = 0; i < N_SAMPLES; i++)
    {
      double x = x0 + w * i / (N_SAMPLES - 1);
      double y = y0 + h * (1.0 - self->samples[i]);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

static void
_li_decay_curve_draw (LiDecayCurve *self,
                      cairo_t      *cr,
                      double        width,
                      double        height)
{
  double x0 = PAD_LEFT;
  double y0 = PAD_TOP;
  double w = MAX (1.0, width - PAD_LEFT - PAD_RIGHT);
  double h = MAX (1.0, height - PAD_TOP - PAD_BOTTOM);
  GdkRGBA grid = self->foreground;
  GdkRGBA fill = self->accent;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Full value and zero. */
  grid.alpha *= 0.15;
  gdk_cairo_set_source_rgba (cr, &grid);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, x0, y0 + 0.5);
  cairo_line_to (cr, x0 + w, y0 + 0.5);
  cairo_move_to (cr, x0, y0 + h - 0.5);
  cairo_line_to (cr, x0 + w, y0 + h - 0.5);
  cairo_stroke (cr);

  /* The marks. */
  grid = self->foreground;
  grid.alpha *= 0.3;
  gdk_cairo_set_source_rgba (cr, &grid);
  cairo_set_dash (cr, (double[]) { 2.0, 3.0 }, 2, 0.0);
  for (guint i = 0; i < LI_DECAY_N_MARKS; i++)
    {
      double x = round (x0 + w * _li_axis_pos (self, self->marks[i])) + 0.5;

      cairo_move_to (cr, x, y0);
      cairo_line_to (cr, x, y0 + h);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);

  /* The curve, filled below. */
  _li_decay_curve_trace (self, cr, x0, y0, w, h);
  cairo_line_to (cr, x0 + w, y0 + h);
  cairo_line_to (cr, x0, y0 + h);
  cairo_close_path (cr);
  fill.alpha *= 0.18;
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill (cr);

  _li_decay_curve_trace (self, cr, x0, y0, w, h);
  gdk_cairo_set_source_rgba (cr, &self->accent);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);

  /* Dots where the marks read the curve. */
  for (guint i = 0; i < LI_DECAY_N_MARKS; i++)
    {
      double x = x0 + w * _li_axis_pos (self, self->marks[i]);
      double y = y0 + h * (1.0 - _li_decay_curve_factor (&self->decay, self->marks[i]));

      cairo_arc (cr, x, y, 3.0, 0.0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
li_decay_curve_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  LiDecayCurve *self = LI_DECAY_CURVE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double w = MAX (1.0, width - PAD_LEFT - PAD_RIGHT);
  GdkRGBA text = self->foreground;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  _li_decay_curve_draw (self, cr, width, height);
  cairo_destroy (cr);

  /* Tick labels under the marks. */
  text.alpha *= 0.55;
  for (guint i = 0; i < LI_DECAY_N_MARKS; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *label = NULL;
      int lw, lh;
      double x;

      label = li_decay_format_age (self->marks[i]);
      layout = gtk_widget_create_pango_layout (widget, label);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      x = PAD_LEFT + w * _li_axis_pos (self, self->marks[i]) - lw / 2.0;
      x = CLAMP (x, 0.0, MAX (0.0, width - lw));

      li_chart_append_layout (snapshot, layout, &GRAPHENE_POINT_INIT (round (x), height - lh), &text);
    }
}

static void
li_decay_curve_class_init (LiDecayCurveClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->css_changed = li_decay_curve_css_changed;
  widget_class->measure = li_decay_curve_measure;
  widget_class->snapshot = li_decay_curve_snapshot;

  gtk_widget_class_set_css_name (widget_class, "decaycurve");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
li_decay_curve_init (LiDecayCurve *self)
{
  self->decay.model = LI_DECAY_NONE;
  self->decay.days = 0;
  li_decay_preview_marks (&self->decay, self->marks);
  for (guint i = 0; i < N_SAMPLES; i++)
    self->samples[i] = 1.0;
  self->accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
  self->foreground = (GdkRGBA) { 0.0, 0.0, 0.0, 0.8 };
  _li_decay_curve_update_accessible (self);
}

GtkWidget *
li_decay_curve_new (void)
{
  return g_object_new (LI_TYPE_DECAY_CURVE, NULL);
}

void
li_decay_curve_set_decay (LiDecayCurve  *self,
                          const LiDecay *decay)
{
  g_return_if_fail (LI_IS_DECAY_CURVE (self));
  g_return_if_fail (decay != NULL);

  if (self->decay.model == decay->model && self->decay.days == decay->days)
    return;

  self->decay = *decay;
  li_decay_preview_marks (decay, self->marks);
  for (guint i = 0; i < N_SAMPLES; i++)
    self->samples[i] = _li_decay_curve_factor (decay, _li_axis_days (self, (double) i / (N_SAMPLES - 1)));

  _li_decay_curve_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
li_decay_curve_get_value (LiDecayCurve *self,
                          double        days)
{
  g_return_val_if_fail (LI_IS_DECAY_CURVE (self), 0.0);

  return _li_decay_curve_factor (&self->decay, days);
}

double
li_decay_curve_get_span (LiDecayCurve *self)
{
  g_return_val_if_fail (LI_IS_DECAY_CURVE (self), 0.0);

  return self->marks[LI_DECAY_N_MARKS - 1];
}
