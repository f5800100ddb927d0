/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-score-chart.c — a lead's score over time, with the stage bands.
 *
 * Data: the copied curve points, the stages' thresholds and the moments.
 * Scaling: time → x over [first point, last point], score → y over
 * [min(0, lowest), max(highest score, hottest threshold)] with headroom.
 * Drawing: snapshot reads only those arrays. */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "li-score-chart.h"

#include "li-chart-style.h"
#include "li-format.h"

#define PAD_LEFT   40.0
#define PAD_RIGHT  64.0
#define PAD_TOP    24.0
#define PAD_BOTTOM 20.0

typedef struct
{
  char   *name;
  double  min_score;   /* NAN: no score condition (the catch-all) */
  gint64  reached_ms;  /* G_MININT64: never */
} Stage;

struct _LiScoreChart
{
  GtkWidget     parent_instance;

  LiCurvePoint *points;
  guint         n_points;
  Stage        *stages;
  guint         n_stages;
  gboolean      converted;
  gint64        outcome_ms;
  double        y_lo, y_hi;
  double        peak;        /* the highest score of the curve */
  gint64        t_lo, t_hi;
  char         *description;

  GdkRGBA       foreground;
  GdkRGBA       accent;
  GdkRGBA       success;
};

G_DEFINE_FINAL_TYPE (LiScoreChart, li_score_chart, GTK_TYPE_WIDGET)

static void
_li_score_chart_clear (LiScoreChart *self)
{
  for (guint s = 0; s < self->n_stages; s++)
    g_free (self->stages[s].name);
  g_clear_pointer (&self->stages, g_free);
  g_clear_pointer (&self->points, g_free);
  self->n_points = self->n_stages = 0;
}

/* "02:41" within a day, "Oct 1 02:41" over longer journeys (UTC). */
static char *
_li_score_chart_time (const LiScoreChart *self,
                      gint64              t_ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (t_ms / 1000);

  if (time == NULL)
    return g_strdup (LI_FORMAT_NULL);
  if (self->t_hi - self->t_lo < 86400000)
    return g_date_time_format (time, "%H:%M");
  /* Translators: a time on the score chart's axis, see strftime */
  return g_date_time_format (time, _("%b %-d %H:%M"));
}

static void
_li_score_chart_describe (LiScoreChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->n_points == 0)
    g_string_append (text, _("Score over time: no lead"));
  else
    {
      const LiCurvePoint *last = &self->points[self->n_points - 1];
      g_autofree char *t0 = _li_score_chart_time (self, self->points[0].t_ms);
      g_autofree char *t1 = _li_score_chart_time (self, last->t_ms);
      g_autofree char *s0 = li_format_score (self->points[0].score);
      g_autofree char *s1 = li_format_score (last->score);
      g_autofree char *hi = li_format_score (self->peak);

      /* Translators: the start, the peak and the end of a lead's score curve */
      g_string_append_printf (text, _("Score over time: %s at %s, at most %s, %s at %s"), s0, t0, hi, s1, t1);
      for (guint s = 0; s + 1 < self->n_stages; s++)
        if (self->stages[s].reached_ms != G_MININT64)
          {
            g_autofree char *when = _li_score_chart_time (self, self->stages[s].reached_ms);
            /* Translators: part of the score curve's description */
            g_string_append_printf (text, _("; reached %s at %s"), self->stages[s].name, when);
          }
      if (self->converted)
        {
          g_autofree char *when = _li_score_chart_time (self, self->outcome_ms);
          /* Translators: part of the score curve's description */
          g_string_append_printf (text, _("; purchased at %s"), when);
        }
    }
  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->description, -1);
}

static void
li_score_chart_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  LiScoreChart *self = LI_SCORE_CHART (widget);
  GtkStyleContext *context;

  GTK_WIDGET_CLASS (li_score_chart_parent_class)->css_changed (widget, change);
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &self->foreground);
  li_chart_lookup_color (context, "accent_color", "#1c71d8", &self->accent);
  li_chart_lookup_color (context, "success_color", "#1b8553", &self->success);
  gtk_widget_queue_draw (widget);
}

static void
li_score_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  li_chart_measure (orientation, 240, 480, 120, 180, minimum, natural);
}

static inline double
_li_x (const LiScoreChart    *self,
       const graphene_rect_t *plot,
       gint64                 t_ms)
{
  double span = (double) MAX (self->t_hi - self->t_lo, 1);
  return plot->origin.x + plot->size.width * (double) (t_ms - self->t_lo) / span;
}

static inline double
_li_y (const LiScoreChart    *self,
       const graphene_rect_t *plot,
       double                 score)
{
  double span = MAX (self->y_hi - self->y_lo, 1e-9);
  return plot->origin.y + plot->size.height * (1.0 - (score - self->y_lo) / span);
}

/* A label at @x, @y (its left top corner), kept inside the widget. */
static void
_li_score_chart_label (LiScoreChart  *self,
                       GtkSnapshot   *snapshot,
                       const char    *text,
                       double         x,
                       double         y,
                       gboolean       bold,
                       const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = li_chart_small_layout (GTK_WIDGET (self), text, bold);
  double w, h, width = gtk_widget_get_width (GTK_WIDGET (self));

  li_chart_layout_size (layout, &w, &h);
  x = CLAMP (x, 0.0, MAX (0.0, width - w));
  li_chart_append_layout (snapshot, layout, &GRAPHENE_POINT_INIT (round (x), round (y)), color);
}

/* The stage bands: from each stage's min_score up to the next hotter
 * one's, alternately tinted, named at the right. */
static void
_li_score_chart_bands (LiScoreChart          *self,
                       GtkSnapshot           *snapshot,
                       const graphene_rect_t *plot)
{
  double top = self->y_hi;
  GdkRGBA name_color = li_chart_fade (&self->foreground, 0.6);
  guint shade = 0;

  for (guint s = 0; s < self->n_stages; s++)
    {
      const Stage *st = &self->stages[s];
      double lo = isnan (st->min_score) ? self->y_lo : CLAMP (st->min_score, self->y_lo, self->y_hi);
      double y0 = _li_y (self, plot, top), y1 = _li_y (self, plot, lo);
      GdkRGBA tint = li_chart_fade (&self->accent, shade++ % 2 == 0 ? 0.10 : 0.04);

      if (y1 > y0)
        {
          gtk_snapshot_append_color (snapshot, &tint,
                                     &GRAPHENE_RECT_INIT (plot->origin.x, y0, plot->size.width, y1 - y0));
          /* A band too thin for its name leaves it to the thresholds. */
          if (y1 - y0 >= 11)
            _li_score_chart_label (self, snapshot, st->name, plot->origin.x + plot->size.width + 6,
                                   (y0 + y1) / 2 - 7, FALSE, &name_color);
        }
      if (!isnan (st->min_score))
        {
          g_autofree char *value = li_format_score (st->min_score);
          GdkRGBA line = li_chart_fade (&self->accent, 0.45);

          gtk_snapshot_append_color (snapshot, &line,
                                     &GRAPHENE_RECT_INIT (plot->origin.x, round (y1), plot->size.width, 1));
          _li_score_chart_label (self, snapshot, value, 0, y1 - 7, FALSE, &name_color);
        }
      top = lo;
      if (isnan (st->min_score))
        break;
    }
}

static void
_li_score_chart_trace (LiScoreChart          *self,
                       cairo_t               *cr,
                       const graphene_rect_t *plot)
{
  for (guint k = 0; k < self->n_points; k++)
    {
      double x = _li_x (self, plot, self->points[k].t_ms), y = _li_y (self, plot, self->points[k].score);

      if (k == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

/* A dashed vertical line at @t_ms, labelled at its top. */
static void
_li_score_chart_moment (LiScoreChart          *self,
                        GtkSnapshot           *snapshot,
                        cairo_t               *cr,
                        const graphene_rect_t *plot,
                        gint64                 t_ms,
                        const GdkRGBA         *color)
{
  double x = round (_li_x (self, plot, t_ms)) + 0.5;

  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, (double[]) { 3.0, 3.0 }, 2, 0.0);
  cairo_move_to (cr, x, plot->origin.y);
  cairo_line_to (cr, x, plot->origin.y + plot->size.height);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);
}

static void
li_score_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  LiScoreChart *self = LI_SCORE_CHART (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  graphene_rect_t plot = GRAPHENE_RECT_INIT (PAD_LEFT, PAD_TOP, MAX (1.0, width - PAD_LEFT - PAD_RIGHT),
                                             MAX (1.0, height - PAD_TOP - PAD_BOTTOM));
  GdkRGBA axis = li_chart_fade (&self->foreground, 0.3);
  GdkRGBA text = li_chart_fade (&self->foreground, 0.7);
  cairo_t *cr;

  if (self->n_points == 0 || width <= 0 || height <= 0)
    return;

  _li_score_chart_bands (self, snapshot, &plot);
  li_chart_append_x_axis (snapshot, &plot, &axis);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint s = 0; s + 1 < self->n_stages; s++)
    if (self->stages[s].reached_ms != G_MININT64)
      _li_score_chart_moment (self, snapshot, cr, &plot, self->stages[s].reached_ms,
                              &(GdkRGBA) { self->accent.red, self->accent.green, self->accent.blue, 0.7 });
  if (self->converted)
    _li_score_chart_moment (self, snapshot, cr, &plot, self->outcome_ms, &self->success);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _li_score_chart_trace (self, cr, &plot);
  gdk_cairo_set_source_rgba (cr, &self->accent);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);
  for (guint k = 0; k < self->n_points; k++)
    if (self->points[k].at_event)
      {
        cairo_arc (cr, _li_x (self, &plot, self->points[k].t_ms), _li_y (self, &plot, self->points[k].score),
                   2.5, 0.0, 2 * G_PI);
        cairo_fill (cr);
      }
  cairo_destroy (cr);

  /* Which stage each line is, at the top (the hottest reached at a moment;
   * a label that would run into the one before it goes one line down);
   * the purchase; the time axis. */
  {
    double right_end[2] = { -G_MAXDOUBLE, -G_MAXDOUBLE };

    for (guint s = self->n_stages - 1; s-- > 0;)
      if (self->stages[s].reached_ms != G_MININT64)
        {
          gboolean hotter_then = FALSE;
          double x = _li_x (self, &plot, self->stages[s].reached_ms) + 3, w;
          g_autoptr(PangoLayout) layout = li_chart_small_layout (widget, self->stages[s].name, TRUE);
          guint line;

          for (guint h = 0; h < s; h++)
            hotter_then |= self->stages[h].reached_ms == self->stages[s].reached_ms;
          if (hotter_then)
            continue;
          li_chart_layout_size (layout, &w, NULL);
          line = x < right_end[0] + 4 ? 1 : 0;
          right_end[line] = x + w;
          _li_score_chart_label (self, snapshot, self->stages[s].name, x, line * 13.0 - 2, TRUE, &self->accent);
        }
  }
  if (self->converted)
    _li_score_chart_label (self, snapshot, _("Purchase"), _li_x (self, &plot, self->outcome_ms) - 56,
                           plot.origin.y + plot.size.height - 16, TRUE, &self->success);
  {
    g_autofree char *t0 = _li_score_chart_time (self, self->t_lo);
    g_autofree char *t1 = _li_score_chart_time (self, self->t_hi);
    g_autoptr(PangoLayout) layout = li_chart_small_layout (widget, t1, FALSE);
    double w;

    li_chart_layout_size (layout, &w, NULL);
    _li_score_chart_label (self, snapshot, t0, plot.origin.x, height - 15, FALSE, &text);
    _li_score_chart_label (self, snapshot, t1, plot.origin.x + plot.size.width - w, height - 15, FALSE, &text);
  }
}

static void
li_score_chart_finalize (GObject *object)
{
  LiScoreChart *self = LI_SCORE_CHART (object);

  _li_score_chart_clear (self);
  g_free (self->description);
  G_OBJECT_CLASS (li_score_chart_parent_class)->finalize (object);
}

static void
li_score_chart_class_init (LiScoreChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = li_score_chart_finalize;
  widget_class->css_changed = li_score_chart_css_changed;
  widget_class->measure = li_score_chart_measure;
  widget_class->snapshot = li_score_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "scorechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
li_score_chart_init (LiScoreChart *self)
{
  self->foreground = (GdkRGBA) { 0.0, 0.0, 0.0, 0.8 };
  self->accent = (GdkRGBA) { 0.11, 0.44, 0.85, 1.0 };
  self->success = (GdkRGBA) { 0.11, 0.52, 0.33, 1.0 };
  /* Focusable, so that a screen reader's Tab reaches its description. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  _li_score_chart_describe (self);
}

GtkWidget *
li_score_chart_new (void)
{
  return g_object_new (LI_TYPE_SCORE_CHART, NULL);
}

/* The score range: zero, the curve and the hottest threshold, with room. */
static void
_li_score_chart_scale (LiScoreChart *self)
{
  double hi = self->peak, lo = MIN (0.0, self->points[0].score);

  for (guint k = 0; k < self->n_points; k++)
    lo = MIN (lo, self->points[k].score);
  for (guint s = 0; s < self->n_stages; s++)
    if (!isnan (self->stages[s].min_score))
      {
        hi = MAX (hi, self->stages[s].min_score);
        lo = MIN (lo, self->stages[s].min_score);
      }
  self->y_lo = lo;
  self->y_hi = hi + MAX ((hi - lo) * 0.1, 1.0);
  self->t_lo = self->points[0].t_ms;
  self->t_hi = MAX (self->points[self->n_points - 1].t_ms, self->t_lo + 60000);
}

void
li_score_chart_set_curve (LiScoreChart       *self,
                          const LiScoreCurve *curve,
                          const LiRules      *rules)
{
  g_return_if_fail (LI_IS_SCORE_CHART (self));

  _li_score_chart_clear (self);
  if (curve != NULL && curve->n_points > 0 && rules != NULL)
    {
      self->points = g_memdup2 (curve->points, curve->n_points * sizeof *curve->points);
      self->n_points = curve->n_points;
      self->peak = curve->max_score;
      self->converted = curve->converted;
      self->outcome_ms = curve->outcome_ms;
      self->n_stages = MIN (rules->n_stages, curve->n_stages);
      self->stages = g_new0 (Stage, MAX (self->n_stages, 1));
      for (guint s = 0; s < self->n_stages; s++)
        self->stages[s] = (Stage) {
          g_strdup (rules->stages[s].name),
          rules->stages[s].has_min_score ? rules->stages[s].min_score : NAN,
          curve->reached_ms[s],
        };
      _li_score_chart_scale (self);
    }
  _li_score_chart_describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
li_score_chart_get_n_points (LiScoreChart *self)
{
  g_return_val_if_fail (LI_IS_SCORE_CHART (self), 0);
  return self->n_points;
}

const char *
li_score_chart_get_description (LiScoreChart *self)
{
  g_return_val_if_fail (LI_IS_SCORE_CHART (self), NULL);
  return self->description;
}
