/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-overlay-histogram.c — peak scores under A and B on one axis
 *
 * Organised like the other charts (sysprof's way): data (two arrays of bin
 * counts over one shared range, copied in), scaling (the plain functions at
 * the top and li-histogram's nice-range helpers), drawing (size_allocate
 * turns data and scale into cached rectangles, outline points and layouts;
 * snapshot only reads them).  Colours come from the theme in css_changed.
 *
 * The two replays have their own bins (each from its own minimum to its
 * maximum), so the bins are made again here from the per-lead peak scores,
 * over the range that covers both.  That costs one pass over the leads. */

#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-overlay-histogram.h"
#include "li-replay-metrics.h"

#include <math.h>

#include <glib/gi18n.h>

#include "li-chart-style.h"
#include "li-format.h"
#include "li-histogram.h"

#define MIN_TICK_SPACING 70.0
#define SWATCH           10.0

typedef struct
{
  PangoLayout      *layout;
  graphene_point_t  pos;
} Label;

struct _LiOverlayHistogram
{
  GtkWidget  parent_instance;

  /* data */
  guint     *counts[2];  /* A, B; NULL: no such series */
  guint      n_bins;
  double     lower;
  double     upper;
  guint      totals[2];
  char      *names[2];
  gboolean   sqrt_scale;

  /* scaling */
  double     x_lower;
  double     x_upper;
  double     y_top;

  /* cache read by snapshot */
  graphene_rect_t  plot;
  GArray          *bars[2];   /* graphene_rect_t per non-empty bin */
  GArray          *outline;   /* graphene_point_t: A's step line */
  GArray          *grid;      /* double: y of each grid line */
  GArray          *labels;    /* Label */
  graphene_rect_t  swatch[2];
  PangoLayout     *empty_layout;
  graphene_point_t empty_pos;

  /* colours */
  GdkRGBA    dim;
  GdkRGBA    grid_color;
  GdkRGBA    axis_color;
  GdkRGBA    a_line;
  GdkRGBA    a_fill;
  GdkRGBA    b_fill;
};

enum
{
  PROP_0,
  PROP_SQRT_SCALE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LiOverlayHistogram, li_overlay_histogram, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Plain functions                                                           */
/* ------------------------------------------------------------------------ */

gboolean
li_overlay_histogram_shared_range (const LiReplayResult *a,
                                   const LiReplayResult *b,
                                   double               *lower,
                                   double               *upper)
{
  const LiReplayResult *results[2] = { a, b };
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  gboolean any = FALSE;

  for (guint i = 0; i < 2; i++)
    {
      const LiReplayResult *r = results[i];

      if (r == NULL || r->leads == 0 || r->per_lead == NULL)
        continue;
      if (!isfinite (r->min_peak) || !isfinite (r->max_peak))
        continue;
      lo = MIN (lo, r->min_peak);
      hi = MAX (hi, r->max_peak);
      any = TRUE;
    }

  if (!any)
    {
      lo = 0.0;
      hi = 1.0;
    }
  else if (!(hi > lo))
    {
      hi = lo + 1.0;
    }

  if (lower != NULL)
    *lower = lo;
  if (upper != NULL)
    *upper = hi;

  return any;
}

guint
li_overlay_histogram_bin_index (double value,
                                double lower,
                                double upper,
                                guint  n_bins)
{
  if (n_bins == 0 || !(upper > lower))
    return 0;
  return li_histogram_bin_index (value, lower, (upper - lower) / n_bins, n_bins);
}

void
li_overlay_histogram_count_result (const LiReplayResult *result,
                                   double                lower,
                                   double                upper,
                                   guint                 n_bins,
                                   guint                *counts)
{
  g_return_if_fail (counts != NULL || n_bins == 0);

  if (result == NULL || result->per_lead == NULL || n_bins == 0)
    return;

  for (guint i = 0; i < result->leads; i++)
    counts[li_overlay_histogram_bin_index (result->per_lead[i].peak_score,
                                           lower, upper, n_bins)]++;
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

static void
_li_label_clear (gpointer data)
{
  Label *label = data;

  g_clear_object (&label->layout);
}

static Label *
_li_overlay_histogram_add_label (LiOverlayHistogram *self,
                                 const char         *text)
{
  Label label = { 0 };

  label.layout = li_chart_small_layout (GTK_WIDGET (self), text, FALSE);
  g_array_append_val (self->labels, label);

  return &g_array_index (self->labels, Label, self->labels->len - 1);
}

static const char *
_li_overlay_histogram_name (LiOverlayHistogram *self,
                            guint               series)
{
  if (self->names[series] != NULL && self->names[series][0] != '\0')
    return self->names[series];

  return series == 0 ? C_("compare", "A") : _("Draft");
}

static char *
_li_overlay_histogram_legend_text (LiOverlayHistogram *self,
                                   guint               series)
{
  /* Translators: a legend entry of the compared histograms; the first %s is
   * "A" or "B", the second the version's name, e.g. "A — Snapshot 1" */
  return g_strdup_printf (_("%s — %s"),
                          series == 0 ? C_("compare", "A") : C_("compare", "B"),
                          _li_overlay_histogram_name (self, series));
}

static double
_li_overlay_histogram_value_to_x (LiOverlayHistogram *self,
                                  double              value)
{
  double span = self->x_upper - self->x_lower;

  if (!(span > 0.0))
    return self->plot.origin.x;

  return self->plot.origin.x + (value - self->x_lower) / span * self->plot.size.width;
}

static double
_li_overlay_histogram_count_to_y (LiOverlayHistogram *self,
                                  double              count)
{
  double bottom = self->plot.origin.y + self->plot.size.height;

  return bottom - li_histogram_scale_count (count, self->y_top, self->sqrt_scale) * self->plot.size.height;
}

static gboolean
_li_overlay_histogram_has_data (LiOverlayHistogram *self)
{
  return self->n_bins > 0 && (self->totals[0] > 0 || self->totals[1] > 0);
}

static void
_li_overlay_histogram_update_accessible (LiOverlayHistogram *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  if (!_li_overlay_histogram_has_data (self))
    {
      g_string_append (description, _("No leads to compare."));
    }
  else
    {
      g_autofree char *from = li_format_score (self->lower);
      g_autofree char *to = li_format_score (self->upper);

      /* Translators: accessible description of the compared histograms */
      g_string_append_printf (description, _("Peak scores from %s to %s in %u bins."), from, to, self->n_bins);
      for (guint s = 0; s < 2; s++)
        {
          g_autofree char *legend = _li_overlay_histogram_legend_text (self, s);
          g_autofree char *leads = li_format_count (self->totals[s]);

          if (self->counts[s] == NULL)
            continue;
          g_string_append_c (description, ' ');
          /* Translators: accessible description of one series of the
           * compared histograms: "A — Snapshot 1: 1,234 leads." */
          g_string_append_printf (description, _("%s: %s leads."), legend, leads);
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
_li_overlay_histogram_clear_cache (LiOverlayHistogram *self)
{
  g_array_set_size (self->bars[0], 0);
  g_array_set_size (self->bars[1], 0);
  g_array_set_size (self->outline, 0);
  g_array_set_size (self->grid, 0);
  g_array_set_size (self->labels, 0);
  g_clear_object (&self->empty_layout);
}

/* ------------------------------------------------------------------------ */
/* Layout: data + scaling → cached geometry                                  */
/* ------------------------------------------------------------------------ */

static void
_li_overlay_histogram_relayout (LiOverlayHistogram *self,
                                int                 width,
                                int                 height)
{
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(GArray) y_ticks = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean has_data = _li_overlay_histogram_has_data (self);
  double th, legend_h, plot_top, plot_bottom, plot_h, left, right;
  double max_count = 0.0;
  double bin_width;
  Label *label;

  _li_overlay_histogram_clear_cache (self);

  probe = li_chart_small_layout (GTK_WIDGET (self), "0", FALSE);
  li_chart_layout_size (probe, NULL, &th);

  legend_h = th + 10.0;
  plot_top = legend_h + 4.0;
  plot_bottom = height - (2 * th + 10.0);
  plot_h = MAX (plot_bottom - plot_top, 1.0);

  /* x: a nice axis around the shared data range */
  if (has_data)
    li_histogram_nice_range (self->lower, self->upper, NULL, 0, &self->x_lower, &self->x_upper, NULL);
  else
    li_histogram_nice_range (NAN, NAN, NULL, 0, &self->x_lower, &self->x_upper, NULL);

  /* y: counts */
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; self->counts[s] != NULL && i < self->n_bins; i++)
      max_count = MAX (max_count, self->counts[s][i]);

  self->y_top = li_histogram_count_axis (max_count, plot_h, self->sqrt_scale, y_ticks);

  {
    g_autofree char *text = li_format_count ((guint64) self->y_top);
    g_autoptr(PangoLayout) widest = li_chart_small_layout (GTK_WIDGET (self), text, FALSE);
    double w;

    li_chart_layout_size (widest, &w, NULL);
    left = w + 8.0;
  }
  right = 12.0;

  self->plot = GRAPHENE_RECT_INIT (left, plot_top, MAX (width - left - right, 1.0), plot_h);

  /* sqrt scale: 1-2-5 ticks from the top down, far enough apart */
  if (self->sqrt_scale && max_count > 0)
    li_histogram_sqrt_ticks (self->y_top,
                             self->plot.origin.y + self->plot.size.height, self->plot.size.height,
                             th * 1.6, y_ticks);

  if (!has_data)
    g_array_set_size (y_ticks, 0);

  for (guint i = 0; i < y_ticks->len; i++)
    {
      double v = g_array_index (y_ticks, double, i);
      double y = round (_li_overlay_histogram_count_to_y (self, v)) + 0.5;
      g_autofree char *text = li_format_count ((guint64) v);
      double w, h;

      g_array_append_val (self->grid, y);
      label = _li_overlay_histogram_add_label (self, text);
      li_chart_layout_size (label->layout, &w, &h);
      label->pos = GRAPHENE_POINT_INIT (left - 6.0 - w, y - h / 2);
    }

  /* x ticks */
  {
    double tick_step = li_histogram_nice_step (self->x_upper - self->x_lower,
                                               CLAMP ((guint) (self->plot.size.width / MIN_TICK_SPACING), 2, 10));
    double first_tick = ceil (self->x_lower / tick_step - 1e-9) * tick_step;
    double last_right = -G_MAXDOUBLE;

    for (double v = first_tick; v <= self->x_upper + tick_step * 1e-6; v += tick_step)
      {
        g_autofree char *text = li_format_score (v);
        double x = _li_overlay_histogram_value_to_x (self, v);
        g_autoptr(PangoLayout) layout = li_chart_small_layout (GTK_WIDGET (self), text, FALSE);
        double w;

        li_chart_layout_size (layout, &w, NULL);
        if (x - w / 2 < last_right + 6.0)
          continue;
        label = _li_overlay_histogram_add_label (self, text);
        label->pos = GRAPHENE_POINT_INIT (CLAMP (x - w / 2, 0.0, MAX (width - w, 0.0)), plot_bottom + 4.0);
        last_right = label->pos.x + w;
      }
  }

  /* axis title and legend: [▭ A — name]  [■ B — name], right-aligned */
  {
    double w, x = width;

    label = _li_overlay_histogram_add_label (self, _("Peak score"));
    li_chart_layout_size (label->layout, &w, NULL);
    label->pos = GRAPHENE_POINT_INIT (left + (self->plot.size.width - w) / 2, plot_bottom + th + 8.0);

    for (int s = 1; s >= 0; s--)
      {
        g_autofree char *text = _li_overlay_histogram_legend_text (self, s);

        label = _li_overlay_histogram_add_label (self, text);
        pango_layout_set_ellipsize (label->layout, PANGO_ELLIPSIZE_END);
        pango_layout_set_width (label->layout, (int) (MAX (width / 2.0 - 40.0, 40.0) * PANGO_SCALE));
        li_chart_layout_size (label->layout, &w, NULL);
        x -= w;
        label->pos = GRAPHENE_POINT_INIT (x, 0.0);
        x -= 6.0 + SWATCH;
        self->swatch[s] = GRAPHENE_RECT_INIT (x, round ((th - SWATCH) / 2), SWATCH, SWATCH);
        x -= 18.0;
      }

    label = _li_overlay_histogram_add_label (self, _("Leads"));
    li_chart_layout_size (label->layout, &w, NULL);
    label->pos = GRAPHENE_POINT_INIT (0.0, 0.0);
    if (w + 12.0 > x)
      g_array_set_size (self->labels, self->labels->len - 1);
  }

  if (!has_data)
    {
      double w, h;

      self->empty_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _("No leads to compare"));
      li_chart_layout_size (self->empty_layout, &w, &h);
      self->empty_pos = GRAPHENE_POINT_INIT (left + (self->plot.size.width - w) / 2,
                                             plot_top + (plot_h - h) / 2);
      return;
    }

  /* bars (A and B) and A's outline */
  bin_width = (self->upper - self->lower) / self->n_bins;
  for (guint s = 0; s < 2; s++)
    {
      if (self->counts[s] == NULL)
        continue;

      for (guint i = 0; i < self->n_bins; i++)
        {
          double x0 = _li_overlay_histogram_value_to_x (self, self->lower + i * bin_width);
          double x1 = _li_overlay_histogram_value_to_x (self, self->lower + (i + 1) * bin_width);
          double bottom = plot_top + plot_h;
          double y = _li_overlay_histogram_count_to_y (self, self->counts[s][i]);
          graphene_rect_t rect;

          if (s == 0)
            {
              /* the outline follows every bin, also the empty ones */
              graphene_point_t p0 = GRAPHENE_POINT_INIT (x0, y);
              graphene_point_t p1 = GRAPHENE_POINT_INIT (x1, y);

              if (i == 0)
                {
                  graphene_point_t start = GRAPHENE_POINT_INIT (x0, bottom);

                  g_array_append_val (self->outline, start);
                }
              g_array_append_val (self->outline, p0);
              g_array_append_val (self->outline, p1);
              if (i + 1 == self->n_bins)
                {
                  graphene_point_t end = GRAPHENE_POINT_INIT (x1, bottom);

                  g_array_append_val (self->outline, end);
                }
            }

          if (self->counts[s][i] == 0)
            continue;

          /* anything above zero stays visible */
          if (bottom - y < 1.5)
            y = bottom - 1.5;
          if (s == 1 && x1 - x0 > 4.0)
            rect = GRAPHENE_RECT_INIT (x0 + 1.0, y, x1 - x0 - 2.0, bottom - y);
          else
            rect = GRAPHENE_RECT_INIT (x0, y, x1 - x0, bottom - y);
          g_array_append_val (self->bars[s], rect);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Vfuncs                                                                    */
/* ------------------------------------------------------------------------ */

static void
li_overlay_histogram_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  li_chart_measure (orientation, 240, 600, 160, 240, minimum, natural);
}

static void
li_overlay_histogram_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  _li_overlay_histogram_relayout (LI_OVERLAY_HISTOGRAM (widget), width, height);
}

static void
li_overlay_histogram_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LiOverlayHistogram *self = LI_OVERLAY_HISTOGRAM (widget);
  const graphene_rect_t *plot = &self->plot;

  if (gtk_widget_get_width (widget) < 1 || plot->size.height < 2)
    return;

  li_chart_append_grid (snapshot, plot, (const double *) (gpointer) self->grid->data, self->grid->len,
                        &self->grid_color);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (plot->origin.x - 2, plot->origin.y - 2,
                                                         plot->size.width + 4, plot->size.height + 2));

  /* A's area under B's bars, A's outline over them */
  for (guint i = 0; i < self->bars[0]->len; i++)
    gtk_snapshot_append_color (snapshot, &self->a_fill,
                               &g_array_index (self->bars[0], graphene_rect_t, i));
  for (guint i = 0; i < self->bars[1]->len; i++)
    gtk_snapshot_append_color (snapshot, &self->b_fill,
                               &g_array_index (self->bars[1], graphene_rect_t, i));

  if (self->outline->len > 1)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (plot->origin.x - 2, plot->origin.y - 2,
                                                                    plot->size.width + 4, plot->size.height + 4));

      gdk_cairo_set_source_rgba (cr, &self->a_line);
      cairo_set_line_width (cr, 1.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      for (guint i = 0; i < self->outline->len; i++)
        {
          const graphene_point_t *p = &g_array_index (self->outline, graphene_point_t, i);

          if (i == 0)
            cairo_move_to (cr, p->x, p->y);
          else
            cairo_line_to (cr, p->x, p->y);
        }
      cairo_stroke (cr);
      cairo_destroy (cr);
    }
  gtk_snapshot_pop (snapshot);

  li_chart_append_x_axis (snapshot, plot, &self->axis_color);

  for (guint i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);

      li_chart_append_layout (snapshot, label->layout, &label->pos, &self->dim);
    }

  /* legend: A an outlined swatch, B a filled one */
  if (self->swatch[0].size.width > 0)
    {
      li_chart_append_rounded (snapshot, &self->swatch[0], 2, &self->a_fill);
      li_chart_append_ring (snapshot, &self->swatch[0], 2, 1.5f, &self->a_line);
    }
  if (self->swatch[1].size.width > 0)
    li_chart_append_rounded (snapshot, &self->swatch[1], 2, &self->b_fill);

  if (self->empty_layout != NULL)
    li_chart_append_layout (snapshot, self->empty_layout, &self->empty_pos, &self->dim);
}

static void
li_overlay_histogram_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  LiOverlayHistogram *self = LI_OVERLAY_HISTOGRAM (widget);
  GtkStyleContext *context;
  GdkRGBA fg;

  GTK_WIDGET_CLASS (li_overlay_histogram_parent_class)->css_changed (widget, change);

  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &fg);
  li_chart_lookup_color (context, "accent_bg_color", "#3584e4", &self->b_fill);
  self->b_fill.alpha *= 0.7;

  self->dim = li_chart_fade (&fg, 0.65);
  self->grid_color = li_chart_fade (&fg, 0.08);
  self->axis_color = li_chart_fade (&fg, 0.35);
  self->a_line = li_chart_fade (&fg, 0.8);
  self->a_fill = li_chart_fade (&fg, 0.10);

  gtk_widget_queue_allocate (widget);
}

static gboolean
li_overlay_histogram_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_mode,
                                    GtkTooltip *tooltip)
{
  LiOverlayHistogram *self = LI_OVERLAY_HISTOGRAM (widget);
  const graphene_rect_t *plot = &self->plot;
  g_autoptr(GString) text = NULL;
  double value, bin_width;
  guint bin;

  if (keyboard_mode || !_li_overlay_histogram_has_data (self))
    return FALSE;
  if (x < plot->origin.x || x > plot->origin.x + plot->size.width ||
      y < plot->origin.y || y > plot->origin.y + plot->size.height)
    return FALSE;

  value = self->x_lower + (x - plot->origin.x) / plot->size.width * (self->x_upper - self->x_lower);
  if (value < self->lower || value > self->upper)
    return FALSE;

  bin = li_overlay_histogram_bin_index (value, self->lower, self->upper, self->n_bins);
  bin_width = (self->upper - self->lower) / self->n_bins;

  {
    g_autofree char *from = li_format_score (self->lower + bin * bin_width);
    g_autofree char *to = li_format_score (self->lower + (bin + 1) * bin_width);

    text = g_string_new (NULL);
    /* Translators: first line of a tooltip of the compared histograms */
    g_string_append_printf (text, _("Peak score %s to %s"), from, to);
  }

  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *legend = NULL;
      g_autofree char *leads = NULL;

      if (self->counts[s] == NULL)
        continue;
      legend = _li_overlay_histogram_legend_text (self, s);
      leads = li_format_count (self->counts[s][bin]);
      g_string_append_c (text, '\n');
      /* Translators: a line of a tooltip of the compared histograms:
       * "A — Snapshot 1: 1,234 leads" */
      g_string_append_printf (text, _("%s: %s leads"), legend, leads);
    }

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
li_overlay_histogram_finalize (GObject *object)
{
  LiOverlayHistogram *self = LI_OVERLAY_HISTOGRAM (object);

  for (guint s = 0; s < 2; s++)
    {
      g_clear_pointer (&self->counts[s], g_free);
      g_clear_pointer (&self->names[s], g_free);
      g_clear_pointer (&self->bars[s], g_array_unref);
    }
  g_clear_pointer (&self->outline, g_array_unref);
  g_clear_pointer (&self->grid, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_object (&self->empty_layout);

  G_OBJECT_CLASS (li_overlay_histogram_parent_class)->finalize (object);
}

static void
li_overlay_histogram_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LiOverlayHistogram *self = LI_OVERLAY_HISTOGRAM (object);

  switch (prop_id)
    {
    case PROP_SQRT_SCALE:
      g_value_set_boolean (value, self->sqrt_scale);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_overlay_histogram_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LiOverlayHistogram *self = LI_OVERLAY_HISTOGRAM (object);

  switch (prop_id)
    {
    case PROP_SQRT_SCALE:
      li_overlay_histogram_set_sqrt_scale (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_overlay_histogram_class_init (LiOverlayHistogramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = li_overlay_histogram_finalize;
  object_class->get_property = li_overlay_histogram_get_property;
  object_class->set_property = li_overlay_histogram_set_property;

  widget_class->measure = li_overlay_histogram_measure;
  widget_class->size_allocate = li_overlay_histogram_size_allocate;
  widget_class->snapshot = li_overlay_histogram_snapshot;
  widget_class->css_changed = li_overlay_histogram_css_changed;
  widget_class->query_tooltip = li_overlay_histogram_query_tooltip;

  /**
   * LiOverlayHistogram:sqrt-scale:
   *
   * Counts on a square-root scale, so that the sparse high-score bins stay
   * visible next to the many low-score leads.
   */
  properties[PROP_SQRT_SCALE] =
    g_param_spec_boolean ("sqrt-scale", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "overlay-histogram");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
li_overlay_histogram_init (LiOverlayHistogram *self)
{
  self->bars[0] = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->bars[1] = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->outline = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  self->grid = g_array_new (FALSE, FALSE, sizeof (double));
  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->labels, _li_label_clear);
  self->lower = 0.0;
  self->upper = 1.0;

  gdk_rgba_parse (&self->dim, "rgba(0,0,0,0.5)");

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Peak scores under A and B"),
                                  -1);
  _li_overlay_histogram_update_accessible (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */
/* ------------------------------------------------------------------------ */

GtkWidget *
li_overlay_histogram_new (void)
{
  return g_object_new (LI_TYPE_OVERLAY_HISTOGRAM, NULL);
}

void
li_overlay_histogram_set_results (LiOverlayHistogram   *self,
                                  const LiReplayResult *a,
                                  const LiReplayResult *b)
{
  g_autofree guint *counts_a = NULL;
  g_autofree guint *counts_b = NULL;
  double lower, upper;

  g_return_if_fail (LI_IS_OVERLAY_HISTOGRAM (self));

  li_overlay_histogram_shared_range (a, b, &lower, &upper);
  if (a != NULL)
    {
      counts_a = g_new0 (guint, LI_OVERLAY_HISTOGRAM_BINS);
      li_overlay_histogram_count_result (a, lower, upper, LI_OVERLAY_HISTOGRAM_BINS, counts_a);
    }
  if (b != NULL)
    {
      counts_b = g_new0 (guint, LI_OVERLAY_HISTOGRAM_BINS);
      li_overlay_histogram_count_result (b, lower, upper, LI_OVERLAY_HISTOGRAM_BINS, counts_b);
    }

  li_overlay_histogram_set_counts (self, counts_a, counts_b,
                                   a != NULL || b != NULL ? LI_OVERLAY_HISTOGRAM_BINS : 0,
                                   lower, upper);
}

void
li_overlay_histogram_set_counts (LiOverlayHistogram *self,
                                 const guint        *a,
                                 const guint        *b,
                                 guint               n_bins,
                                 double              lower,
                                 double              upper)
{
  const guint *in[2] = { a, b };

  g_return_if_fail (LI_IS_OVERLAY_HISTOGRAM (self));

  self->n_bins = n_bins;
  self->lower = lower;
  self->upper = upper > lower ? upper : lower + 1.0;

  for (guint s = 0; s < 2; s++)
    {
      g_clear_pointer (&self->counts[s], g_free);
      self->totals[s] = 0;
      if (in[s] == NULL || n_bins == 0)
        continue;
      self->counts[s] = g_memdup2 (in[s], sizeof (guint) * n_bins);
      for (guint i = 0; i < n_bins; i++)
        self->totals[s] += in[s][i];
    }

  _li_overlay_histogram_update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
li_overlay_histogram_set_names (LiOverlayHistogram *self,
                                const char         *name_a,
                                const char         *name_b)
{
  g_return_if_fail (LI_IS_OVERLAY_HISTOGRAM (self));

  if (g_strcmp0 (self->names[0], name_a) == 0 && g_strcmp0 (self->names[1], name_b) == 0)
    return;

  g_free (self->names[0]);
  g_free (self->names[1]);
  self->names[0] = g_strdup (name_a);
  self->names[1] = g_strdup (name_b);

  _li_overlay_histogram_update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
li_overlay_histogram_get_sqrt_scale (LiOverlayHistogram *self)
{
  g_return_val_if_fail (LI_IS_OVERLAY_HISTOGRAM (self), FALSE);

  return self->sqrt_scale;
}

void
li_overlay_histogram_set_sqrt_scale (LiOverlayHistogram *self,
                                     gboolean            sqrt_scale)
{
  g_return_if_fail (LI_IS_OVERLAY_HISTOGRAM (self));

  sqrt_scale = !!sqrt_scale;
  if (self->sqrt_scale == sqrt_scale)
    return;

  self->sqrt_scale = sqrt_scale;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SQRT_SCALE]);
}

guint
li_overlay_histogram_get_n_bins (LiOverlayHistogram *self)
{
  g_return_val_if_fail (LI_IS_OVERLAY_HISTOGRAM (self), 0);

  return self->n_bins;
}

void
li_overlay_histogram_get_range (LiOverlayHistogram *self,
                                double             *lower,
                                double             *upper)
{
  g_return_if_fail (LI_IS_OVERLAY_HISTOGRAM (self));

  if (lower != NULL)
    *lower = self->lower;
  if (upper != NULL)
    *upper = self->upper;
}

guint
li_overlay_histogram_get_count (LiOverlayHistogram *self,
                                guint               series,
                                guint               bin)
{
  g_return_val_if_fail (LI_IS_OVERLAY_HISTOGRAM (self), 0);
  g_return_val_if_fail (series < 2, 0);

  if (self->counts[series] == NULL || bin >= self->n_bins)
    return 0;

  return self->counts[series][bin];
}
