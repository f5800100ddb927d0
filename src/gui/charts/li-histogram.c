/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-histogram.c — histogram of peak scores with draggable stage thresholds
 *
 * Organised the way sysprof organises its charts: the data (bins and
 * thresholds, copied in), the scaling (plain functions at the top, tested on
 * their own), and the drawing, where size_allocate turns data and scaling
 * into cached rectangles, points and layouts and snapshot only reads them.
 * Colours come from the theme in css_changed so that dark mode works.
 *
 * Each threshold line has a small focusable child (LiHistogramHandle, role
 * slider) so that it can be reached with Tab and moved with the arrow keys;
 * the pointer drag is handled by one GtkGestureDrag on the histogram. */

#include "config.h"

#include "li-histogram.h"

#include <math.h>

#include <glib/gi18n.h>

#include "li-chart-style.h"
#include "li-format.h"

#define HANDLE_WIDTH     12.0  /* focus/cursor strip around a line */
#define HIT_TOLERANCE     7.0  /* px either side of a line */
#define PILL_PAD_X        6.0
#define PILL_PAD_Y        2.0
#define ROW_GAP           4.0
#define MAX_LABEL_ROWS    3
#define MIN_TICK_SPACING 70.0  /* px between x tick labels */
#define MIN_RATE_LEADS   10    /* bins with fewer leads get no rate point */

typedef enum
{
  LABEL_DIM,
  LABEL_RATE,
} LabelColor;

typedef struct
{
  PangoLayout      *layout;
  graphene_point_t  pos;
  LabelColor        color;
} Label;

typedef struct
{
  graphene_rect_t rect;
  gboolean        converted;
} Bar;

typedef struct
{
  guint            stage_index;
  char            *name;
  double           value;
  GtkWidget       *handle;
  /* cached geometry */
  PangoLayout     *layout;
  double           x;
  double           line_top;
  graphene_rect_t  pill;
  guint            row;
} Threshold;

struct _LiHistogram
{
  GtkWidget   parent_instance;

  /* data */
  GArray     *bins;        /* LiHistogramBin */
  double      min_peak;
  double      max_peak;
  guint       total_leads;
  guint       total_converted;
  GArray     *thresholds;  /* Threshold, sorted by stage index */
  gboolean    sqrt_scale;

  /* scaling */
  double      x_lower;
  double      x_upper;
  gboolean    range_valid;
  double      y_top;       /* count at the top of the plot */
  double      rate_top;    /* ratio at the top of the plot */

  /* dragging */
  GtkGesture *drag;
  int         drag_stage;  /* stage index being dragged, or -1 */
  double      drag_start_value;
  double      drag_px_per_point;

  /* cache read by snapshot */
  graphene_rect_t plot;
  GArray     *bars;        /* Bar */
  GArray     *grid;        /* double: y of each horizontal grid line */
  GArray     *labels;      /* Label */
  GArray     *rate_points; /* graphene_point_t; NAN x breaks the line */
  graphene_rect_t legend_swatch[2];
  graphene_rect_t legend_rate;
  PangoLayout *empty_layout;
  graphene_point_t empty_pos;

  /* colours */
  GdkRGBA     fg;
  GdkRGBA     dim;
  GdkRGBA     grid_color;
  GdkRGBA     axis_color;
  GdkRGBA     converted;
  GdkRGBA     not_converted;
  GdkRGBA     rate;
  GdkRGBA     accent;
  GdkRGBA     accent_bg;
  GdkRGBA     accent_fg;
};

enum
{
  PROP_0,
  PROP_SQRT_SCALE,
  PROP_DRAGGING,
  N_PROPS
};

enum
{
  THRESHOLD_CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (LiHistogram, li_histogram, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* The focusable handle of a threshold line                                  */
/* ------------------------------------------------------------------------ */

#define LI_TYPE_HISTOGRAM_HANDLE (li_histogram_handle_get_type ())
G_DECLARE_FINAL_TYPE (LiHistogramHandle, li_histogram_handle, LI, HISTOGRAM_HANDLE, GtkRange)

/* A GtkRange, because GTK 4.8 gives the AT-SPI Value interface (read and
 * set) only to ranges, spin buttons and a few other built-in widgets: a plain
 * widget with the slider role exposes no value at all.  The range draws
 * nothing and takes no pointer input (the histogram draws the line and owns
 * the drag); its adjustment mirrors the threshold. */
struct _LiHistogramHandle
{
  GtkRange  parent_instance;
  guint     stage_index;
  gboolean  updating;      /* the adjustment is being set from the threshold */
};

G_DEFINE_FINAL_TYPE (LiHistogramHandle, li_histogram_handle, GTK_TYPE_RANGE)

static void _li_histogram_handle_step_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
static void _li_histogram_handle_edge_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
static gboolean _li_histogram_user_set (LiHistogram *self,
                                        guint        stage_index,
                                        double       value);

static void
li_histogram_handle_state_flags_changed (GtkWidget     *widget,
                                         GtkStateFlags  previous)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  GTK_WIDGET_CLASS (li_histogram_handle_parent_class)->state_flags_changed (widget, previous);

  /* The histogram draws the focus ring around the line's label. */
  if (parent != NULL)
    gtk_widget_queue_draw (parent);
}

static void
li_histogram_handle_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  /* The histogram draws the line, its label and the focus ring. */
}

/* The range's own key bindings (arrows, Page Up/Down, Home/End) end here:
 * the value goes through the histogram, which snaps and clamps it. */
static gboolean
li_histogram_handle_change_value (GtkRange      *range,
                                  GtkScrollType  scroll,
                                  double         new_value)
{
  LiHistogramHandle *self = LI_HISTOGRAM_HANDLE (range);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (range));

  if (parent != NULL)
    _li_histogram_user_set (LI_HISTOGRAM (parent), self->stage_index, new_value);

  return TRUE;
}

/* A value set from outside the keyboard: an assistive technology setting
 * the AT-SPI value, or gtk_range_set_value(). */
static void
li_histogram_handle_value_changed (GtkRange *range)
{
  LiHistogramHandle *self = LI_HISTOGRAM_HANDLE (range);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (range));

  if (self->updating || parent == NULL)
    return;

  _li_histogram_user_set (LI_HISTOGRAM (parent), self->stage_index, gtk_range_get_value (range));
}

/* Mirrors the threshold and the axis in the adjustment. */
static void
_li_histogram_handle_sync (LiHistogramHandle *self,
                           double             value,
                           double             lower,
                           double             upper,
                           double             step)
{
  GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (self));

  if (!(upper > lower))
    upper = lower + 1.0;
  value = CLAMP (value, lower, upper);
  if (gtk_adjustment_get_lower (adjustment) == lower
      && gtk_adjustment_get_upper (adjustment) == upper
      && gtk_adjustment_get_value (adjustment) == value
      && gtk_adjustment_get_step_increment (adjustment) == step)
    return;

  self->updating = TRUE;
  gtk_adjustment_configure (adjustment, value, lower, upper, step, 10 * step, 0);
  self->updating = FALSE;
}

static void
li_histogram_handle_class_init (LiHistogramHandleClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkRangeClass *range_class = GTK_RANGE_CLASS (klass);

  widget_class->state_flags_changed = li_histogram_handle_state_flags_changed;
  widget_class->snapshot = li_histogram_handle_snapshot;
  range_class->change_value = li_histogram_handle_change_value;
  range_class->value_changed = li_histogram_handle_value_changed;

  gtk_widget_class_set_css_name (widget_class, "threshold");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);

  /* Keyboard: the range binds the arrows (one snap step, 0.5 or 1 point),
   * Page Up/Down (ten) and Home/End (the ends of the axis); Shift+arrows
   * move by ten too.  Actions, so that tests can drive them (GTK 4.8
   * ignores synthesized key events). */
  gtk_widget_class_install_action (widget_class, "threshold.step", "d", _li_histogram_handle_step_action);
  gtk_widget_class_install_action (widget_class, "threshold.edge", "b", _li_histogram_handle_edge_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "threshold.step", "d", -10.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "threshold.step", "d", 10.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_SHIFT_MASK, "threshold.step", "d", -10.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_SHIFT_MASK, "threshold.step", "d", 10.0);
}

static void
li_histogram_handle_init (LiHistogramHandle *self)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "ew-resize");

  /* The range's click, drag and scroll controllers would fight the
   * histogram's drag: the pointer belongs to the histogram.  They stay
   * attached (the range keeps pointers to them), switched off. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE (controller) || GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }
}

/* ------------------------------------------------------------------------ */
/* Scaling: plain functions                                                  */
/* ------------------------------------------------------------------------ */

double
li_histogram_nice_step (double span,
                        guint  max_ticks)
{
  double raw, mag, norm;

  if (!(span > 0.0) || !isfinite (span))
    return 1.0;

  raw = span / MAX (max_ticks, 1);
  mag = pow (10.0, floor (log10 (raw)));
  norm = raw / mag;

  if (norm <= 1.0 + 1e-9)
    return mag;
  if (norm <= 2.0 + 1e-9)
    return 2.0 * mag;
  if (norm <= 5.0 + 1e-9)
    return 5.0 * mag;
  return 10.0 * mag;
}

int
li_histogram_beyond (double value,
                     double lower,
                     double upper)
{
  if (value < lower - 1e-9)
    return -1;
  if (value > upper + 1e-9)
    return 1;
  return 0;
}

void
li_histogram_nice_range (double        min_value,
                         double        max_value,
                         const double *thresholds,
                         guint         n_thresholds,
                         double       *lower,
                         double       *upper,
                         double       *tick_step)
{
  double lo = min_value;
  double hi = max_value;
  double near_lo = -G_MAXDOUBLE, near_hi = G_MAXDOUBLE;
  double step;

  if (!isfinite (lo) || !isfinite (hi) || lo > hi)
    {
      lo = G_MAXDOUBLE;
      hi = -G_MAXDOUBLE;
    }
  else
    {
      /* thresholds this far out are marked at the edge instead */
      double reach = 3 * MAX (hi - lo, 10.0);

      near_lo = lo - reach;
      near_hi = hi + reach;
    }

  for (guint i = 0; i < n_thresholds; i++)
    {
      if (!isfinite (thresholds[i]) || thresholds[i] < near_lo || thresholds[i] > near_hi)
        continue;
      lo = MIN (lo, thresholds[i]);
      hi = MAX (hi, thresholds[i]);
    }

  if (lo > hi)
    {
      /* Nothing to show: a plain 0–100 score axis. */
      lo = 0.0;
      hi = 100.0;
    }
  else if (hi - lo < 1e-9)
    {
      lo -= 5.0;
      hi += 5.0;
    }

  step = li_histogram_nice_step (hi - lo, 6);
  lo = floor (lo / step + 1e-9) * step;
  hi = ceil (hi / step - 1e-9) * step;

  /* A line at an end of the axis could not be dragged further out: give it
   * one more tick of room. */
  {
    gboolean grow_lo = FALSE, grow_hi = FALSE;

    for (guint i = 0; i < n_thresholds; i++)
      {
        if (!isfinite (thresholds[i]) || thresholds[i] < near_lo || thresholds[i] > near_hi)
          continue;
        grow_lo |= thresholds[i] <= lo + step * 0.05;
        grow_hi |= thresholds[i] >= hi - step * 0.05;
      }
    if (grow_lo)
      lo -= step;
    if (grow_hi)
      hi += step;
  }

  if (lower != NULL)
    *lower = lo;
  if (upper != NULL)
    *upper = hi;
  if (tick_step != NULL)
    *tick_step = step;
}

double
li_histogram_snap_step (double lower,
                        double upper)
{
  return (upper - lower) <= 40.0 ? 0.5 : 1.0;
}

double
li_histogram_snap (double value,
                   double step)
{
  double snapped;

  if (!(step > 0.0))
    return value;

  snapped = round (value / step) * step;
  return snapped == 0.0 ? 0.0 : snapped; /* no -0 */
}

double
li_histogram_scale_count (double   count,
                          double   max_count,
                          gboolean sqrt_scale)
{
  if (!(max_count > 0.0) || !(count > 0.0))
    return 0.0;

  count = MIN (count, max_count);

  if (sqrt_scale)
    return sqrt (count) / sqrt (max_count);

  return count / max_count;
}

double
li_histogram_nice_ceil (double value)
{
  static const double mults[] = { 1.0, 2.0, 5.0, 10.0 };
  double mag;

  if (!(value > 1.0) || !isfinite (value))
    return 1.0;

  mag = pow (10.0, floor (log10 (value)));
  for (guint i = 0; i < G_N_ELEMENTS (mults); i++)
    if (mults[i] * mag >= value - 1e-9)
      return mults[i] * mag;

  return 10.0 * mag;
}

double
li_histogram_count_axis (double    max_count,
                         double    plot_height,
                         gboolean  sqrt_scale,
                         GArray   *ticks)
{
  double step, top;

  if (sqrt_scale)
    return li_histogram_nice_ceil (max_count);

  step = MAX (li_histogram_nice_step (MAX (max_count, 1.0), CLAMP ((guint) (plot_height / 40.0), 2, 6)), 1.0);
  top = MAX (ceil (max_count / step - 1e-9) * step, step);
  for (double v = 0.0; v <= top + step / 2; v += step)
    g_array_append_val (ticks, v);

  return top;
}

void
li_histogram_sqrt_ticks (double  y_top,
                         double  plot_bottom,
                         double  plot_height,
                         double  min_gap,
                         GArray *ticks)
{
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (double));
  double last_y = plot_bottom - li_histogram_scale_count (y_top, y_top, TRUE) * plot_height;
  double zero_y = plot_bottom - li_histogram_scale_count (0.0, y_top, TRUE) * plot_height;
  double v = y_top;

  g_array_append_val (picked, v);
  for (double mag = pow (10.0, floor (log10 (y_top))); mag >= 1.0; mag /= 10.0)
    {
      static const double mults[] = { 5.0, 2.0, 1.0 };

      for (guint m = 0; m < G_N_ELEMENTS (mults); m++)
        {
          double y;

          v = mults[m] * mag;
          if (v >= y_top - 1e-9)
            continue;
          y = plot_bottom - li_histogram_scale_count (v, y_top, TRUE) * plot_height;
          if (y - last_y >= min_gap && zero_y - y >= min_gap)
            {
              g_array_append_val (picked, v);
              last_y = y;
            }
        }
    }
  v = 0.0;
  g_array_append_val (ticks, v);
  for (guint i = picked->len; i > 0; i--)
    g_array_append_val (ticks, g_array_index (picked, double, i - 1));
}

int
li_histogram_hit_test (const double *xs,
                       guint         n_xs,
                       double        x,
                       double        tolerance)
{
  int best = -1;
  double best_distance = tolerance;

  /* Ties go to the later line, which is drawn on top. */
  for (guint i = 0; i < n_xs; i++)
    {
      double distance = fabs (xs[i] - x);

      if (distance <= best_distance)
        {
          best = (int) i;
          best_distance = distance;
        }
    }

  return best;
}

int
li_histogram_bin_at (const LiHistogramBin *bins,
                     guint                 n_bins,
                     double                value)
{
  for (guint i = 0; i < n_bins; i++)
    {
      if (value >= bins[i].from &&
          (value < bins[i].to || (i + 1 == n_bins && value <= bins[i].to)))
        return (int) i;
    }

  return -1;
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

static void
_li_threshold_clear (gpointer data)
{
  Threshold *t = data;

  g_clear_pointer (&t->name, g_free);
  g_clear_object (&t->layout);
  g_clear_pointer (&t->handle, gtk_widget_unparent);
}

static void
_li_label_clear (gpointer data)
{
  Label *label = data;

  g_clear_object (&label->layout);
}

static Threshold *
_li_histogram_find_threshold (LiHistogram *self,
                              guint        stage_index)
{
  for (guint i = 0; i < self->thresholds->len; i++)
    {
      Threshold *t = &g_array_index (self->thresholds, Threshold, i);

      if (t->stage_index == stage_index)
        return t;
    }

  return NULL;
}

static Label *
_li_histogram_add_label (LiHistogram *self,
                         const char  *text,
                         LabelColor   color)
{
  Label label = { 0 };

  label.layout = li_chart_small_layout (GTK_WIDGET (self), text, FALSE);
  label.color = color;
  g_array_append_val (self->labels, label);

  return &g_array_index (self->labels, Label, self->labels->len - 1);
}

static double
_li_histogram_value_to_x (LiHistogram *self,
                          double       value)
{
  double span = self->x_upper - self->x_lower;

  if (!(span > 0.0))
    return self->plot.origin.x;

  return self->plot.origin.x + (value - self->x_lower) / span * self->plot.size.width;
}

static double
_li_histogram_count_to_y (LiHistogram *self,
                          double       count)
{
  double bottom = self->plot.origin.y + self->plot.size.height;

  return bottom - li_histogram_scale_count (count, self->y_top, self->sqrt_scale) * self->plot.size.height;
}

static void
_li_histogram_update_range (LiHistogram *self)
{
  g_autofree double *values = g_new0 (double, MAX (self->thresholds->len, 1));
  double min_value = NAN, max_value = NAN;

  /* The x scale stays fixed while the user drags. */
  if (self->drag_stage >= 0 && self->range_valid)
    return;

  for (guint i = 0; i < self->thresholds->len; i++)
    values[i] = g_array_index (self->thresholds, Threshold, i).value;

  if (self->bins->len > 0)
    {
      const LiHistogramBin *first = &g_array_index (self->bins, LiHistogramBin, 0);
      const LiHistogramBin *last = &g_array_index (self->bins, LiHistogramBin, self->bins->len - 1);

      /* with a single peak value the engine makes one bin [peak, peak + 1) */
      min_value = MIN (self->min_peak, first->from);
      max_value = MAX (self->max_peak, last->to);
    }

  li_histogram_nice_range (min_value, max_value, values, self->thresholds->len,
                           &self->x_lower, &self->x_upper, NULL);
  self->range_valid = TRUE;
}

static void
_li_histogram_update_accessible (LiHistogram *self)
{
  g_autofree char *description = NULL;

  if (self->bins->len == 0)
    {
      description = g_strdup (_("No leads in the replay."));
    }
  else
    {
      g_autofree char *leads = li_format_count (self->total_leads);
      g_autofree char *converters = li_format_count (self->total_converted);
      g_autofree char *from = li_format_score (self->min_peak);
      g_autofree char *to = li_format_score (self->max_peak);

      /* Translators: the accessible description of the histogram */
      description = g_strdup_printf (_("%s leads with peak scores from %s to %s in %u bins; %s of them converted."),
                                     leads, from, to, self->bins->len, converters);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
_li_histogram_update_handle_accessible (LiHistogram *self,
                                        Threshold   *t)
{
  g_autofree char *label = NULL;
  g_autofree char *value_text = li_format_score (t->value);

  /* Translators: the accessible name of a draggable threshold line;
   * %s is a stage name */
  label = g_strdup_printf (_("Minimum score of stage “%s”"), t->name);

  _li_histogram_handle_sync (LI_HISTOGRAM_HANDLE (t->handle), t->value,
                             self->x_lower, self->x_upper,
                             li_histogram_snap_step (self->x_lower, self->x_upper));
  gtk_accessible_update_property (GTK_ACCESSIBLE (t->handle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_ORIENTATION, GTK_ORIENTATION_HORIZONTAL,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, self->x_lower,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, self->x_upper,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, t->value,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  -1);
}

/* Applies a value the user chose: snapped, clamped to the x range, and
 * announced through ::threshold-changed. */
static gboolean
_li_histogram_user_set (LiHistogram *self,
                        guint        stage_index,
                        double       value)
{
  Threshold *t = _li_histogram_find_threshold (self, stage_index);
  double step;

  if (t == NULL)
    return FALSE;

  step = li_histogram_snap_step (self->x_lower, self->x_upper);
  value = li_histogram_snap (value, step);
  if (self->range_valid)
    value = CLAMP (value, self->x_lower, self->x_upper);

  if (fabs (value - t->value) < 1e-9)
    {
      /* the handle's adjustment goes back to the snapped value */
      _li_histogram_update_handle_accessible (self, t);
      return TRUE;
    }

  t->value = value;
  _li_histogram_update_handle_accessible (self, t);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  /* t may be gone after this: the handler may pass new rules back. */
  g_signal_emit (self, signals[THRESHOLD_CHANGED], 0, stage_index, value);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Layout: data + scaling → cached geometry                                  */
/* ------------------------------------------------------------------------ */

static void
_li_histogram_clear_cache (LiHistogram *self)
{
  g_array_set_size (self->bars, 0);
  g_array_set_size (self->grid, 0);
  g_array_set_size (self->labels, 0);
  g_array_set_size (self->rate_points, 0);
  g_clear_object (&self->empty_layout);
}

static void
_li_histogram_relayout (LiHistogram *self,
                        int          width,
                        int          height)
{
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(GArray) y_ticks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rate_ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double th, legend_h, row_h, bottom_area, left, right, plot_top, plot_bottom, plot_h;
  double max_total = 0.0, max_rate = 0.0, rate_step = 0.0;
  double tick_step, first_tick;
  double row_end[MAX_LABEL_ROWS];
  guint n_rows = 1;
  gboolean have_rate = FALSE;
  Label *label;

  _li_histogram_clear_cache (self);
  _li_histogram_update_range (self);
  self->rate_top = 0.0;

  probe = li_chart_small_layout (GTK_WIDGET (self), "0", FALSE);
  li_chart_layout_size (probe, NULL, &th);

  legend_h = th + 8.0;
  row_h = th + 2 * PILL_PAD_Y + ROW_GAP;
  bottom_area = 2 * th + 10.0;
  plot_bottom = height - bottom_area;

  /* y scale: counts */
  for (guint i = 0; i < self->bins->len; i++)
    {
      const LiHistogramBin *bin = &g_array_index (self->bins, LiHistogramBin, i);
      double total = (double) bin->converted + bin->not_converted;

      max_total = MAX (max_total, total);
      if (total >= MIN_RATE_LEADS)
        {
          max_rate = MAX (max_rate, bin->converted / total);
          have_rate = TRUE;
        }
    }

  plot_h = plot_bottom - (legend_h + row_h + 4.0);
  self->y_top = li_histogram_count_axis (max_total, plot_h, self->sqrt_scale, y_ticks);

  /* left margin: room for the widest count label (the top one) */
  {
    g_autofree char *text = li_format_count ((guint64) self->y_top);
    g_autoptr(PangoLayout) widest = li_chart_small_layout (GTK_WIDGET (self), text, FALSE);
    double w;

    li_chart_layout_size (widest, &w, NULL);
    left = w + 8.0;
  }

  /* right margin: the conversion-rate axis */
  right = 8.0;
  if (have_rate)
    {
      double top_pct = MAX (max_rate * 100.0, 1.0);

      rate_step = li_histogram_nice_step (top_pct, 4);
      self->rate_top = ceil (top_pct / rate_step - 1e-9) * rate_step / 100.0;
      for (double v = 0.0; v <= self->rate_top * 100.0 + rate_step / 2; v += rate_step)
        g_array_append_val (rate_ticks, v);

      {
        g_autofree char *text = g_strdup_printf (rate_step < 1.0 ? _("%.1f%%") : _("%.0f%%"),
                                                 self->rate_top * 100.0);
        g_autoptr(PangoLayout) widest = li_chart_small_layout (GTK_WIDGET (self), text, FALSE);
        double w;

        li_chart_layout_size (widest, &w, NULL);
        right = w + 10.0;
      }
    }
  right = MAX (right, 16.0);

  self->plot.origin.x = left;
  self->plot.size.width = MAX (width - left - right, 1.0);

  /* threshold labels: pills above the plot, in as many rows as needed */
  for (guint r = 0; r < MAX_LABEL_ROWS; r++)
    row_end[r] = -G_MAXDOUBLE;

  {
    g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; i < self->thresholds->len; i++)
      {
        Threshold *t = &g_array_index (self->thresholds, Threshold, i);
        double w;

        g_clear_object (&t->layout);
        switch (li_histogram_beyond (t->value, self->x_lower, self->x_upper))
          {
          case -1:
          case 1:
            {
              g_autofree char *value_text = li_format_score (t->value);
              g_autofree char *text = NULL;

              /* Translators: a threshold line beyond the axis, drawn at its
               * edge: "‹ hot −50,000" or "hot 200,000 ›" */
              text = t->value < self->x_lower ? g_strdup_printf (_("‹ %s %s"), t->name, value_text)
                                               : g_strdup_printf (_("%s %s ›"), t->name, value_text);
              t->layout = li_chart_small_layout (GTK_WIDGET (self), text, TRUE);
            }
            break;
          default:
            t->layout = li_chart_small_layout (GTK_WIDGET (self), t->name, TRUE);
            break;
          }
        li_chart_layout_size (t->layout, &w, NULL);
        t->x = round (CLAMP (_li_histogram_value_to_x (self, t->value),
                             self->plot.origin.x,
                             self->plot.origin.x + self->plot.size.width));
        t->pill.size.width = w + 2 * PILL_PAD_X;
        t->pill.size.height = th + 2 * PILL_PAD_Y;
        t->pill.origin.x = CLAMP (t->x - t->pill.size.width / 2, 0.0, MAX (width - t->pill.size.width, 0.0));
        g_array_append_val (order, i);
      }

    /* greedy rows, left to right */
    for (guint a = 0; a < order->len; a++)
      for (guint b = a + 1; b < order->len; b++)
        {
          guint ia = g_array_index (order, guint, a), ib = g_array_index (order, guint, b);

          if (g_array_index (self->thresholds, Threshold, ib).pill.origin.x <
              g_array_index (self->thresholds, Threshold, ia).pill.origin.x)
            {
              g_array_index (order, guint, a) = ib;
              g_array_index (order, guint, b) = ia;
            }
        }

    for (guint k = 0; k < order->len; k++)
      {
        Threshold *t = &g_array_index (self->thresholds, Threshold, g_array_index (order, guint, k));
        guint row = 0;
        gboolean placed = FALSE;

        for (guint r = 0; r < MAX_LABEL_ROWS && !placed; r++)
          {
            if (row_end[r] + 4.0 <= t->pill.origin.x)
              {
                row = r;
                placed = TRUE;
              }
          }
        if (!placed)
          {
            /* too crowded: the row that frees up first */
            for (guint r = 1; r < MAX_LABEL_ROWS; r++)
              if (row_end[r] < row_end[row])
                row = r;
          }

        t->row = row;
        row_end[row] = t->pill.origin.x + t->pill.size.width;
        n_rows = MAX (n_rows, row + 1);
      }
  }

  plot_top = legend_h + n_rows * row_h + 2.0;
  self->plot.origin.y = plot_top;
  self->plot.size.height = MAX (plot_bottom - plot_top, 1.0);
  plot_h = self->plot.size.height;

  for (guint i = 0; i < self->thresholds->len; i++)
    {
      Threshold *t = &g_array_index (self->thresholds, Threshold, i);

      t->pill.origin.y = legend_h + t->row * row_h;
      t->line_top = t->pill.origin.y + t->pill.size.height;
    }

  /* sqrt scale: 1-2-5 ticks, from the top down, far enough apart */
  if (self->sqrt_scale)
    li_histogram_sqrt_ticks (self->y_top,
                             self->plot.origin.y + self->plot.size.height, self->plot.size.height,
                             th * 1.6, y_ticks);

  /* count axis: grid lines and labels (none without data) */
  if (self->bins->len == 0)
    g_array_set_size (y_ticks, 0);
  for (guint i = 0; i < y_ticks->len; i++)
    {
      double v = g_array_index (y_ticks, double, i);
      double y = round (_li_histogram_count_to_y (self, v)) + 0.5;
      g_autofree char *text = li_format_count ((guint64) v);
      double w, h;

      g_array_append_val (self->grid, y);
      label = _li_histogram_add_label (self, text, LABEL_DIM);
      li_chart_layout_size (label->layout, &w, &h);
      label->pos = GRAPHENE_POINT_INIT (left - 6.0 - w, y - h / 2);
    }

  /* rate axis labels, on the right */
  for (guint i = 0; i < rate_ticks->len; i++)
    {
      double v = g_array_index (rate_ticks, double, i);
      double y = plot_top + plot_h - (v / 100.0) / self->rate_top * plot_h;
      g_autofree char *text = g_strdup_printf (rate_step < 1.0 ? _("%.1f%%") : _("%.0f%%"), v);
      double h;

      label = _li_histogram_add_label (self, text, LABEL_RATE);
      li_chart_layout_size (label->layout, NULL, &h);
      label->pos = GRAPHENE_POINT_INIT (left + self->plot.size.width + 6.0, y - h / 2);
    }

  /* x ticks */
  tick_step = li_histogram_nice_step (self->x_upper - self->x_lower,
                                      CLAMP ((guint) (self->plot.size.width / MIN_TICK_SPACING), 2, 10));
  first_tick = ceil (self->x_lower / tick_step - 1e-9) * tick_step;
  {
    double last_right = -G_MAXDOUBLE;

    for (double v = first_tick; v <= self->x_upper + tick_step * 1e-6; v += tick_step)
      {
        g_autofree char *text = li_format_score (v);
        double x = _li_histogram_value_to_x (self, v);
        g_autoptr(PangoLayout) layout = li_chart_small_layout (GTK_WIDGET (self), text, FALSE);
        double w;

        li_chart_layout_size (layout, &w, NULL);
        if (x - w / 2 < last_right + 6.0)
          continue;
        label = _li_histogram_add_label (self, text, LABEL_DIM);
        label->pos = GRAPHENE_POINT_INIT (CLAMP (x - w / 2, 0.0, width - w), plot_bottom + 4.0);
        last_right = label->pos.x + w;
      }
  }

  /* axis titles and legend */
  {
    double w, x;

    label = _li_histogram_add_label (self, _("Peak score"), LABEL_DIM);
    li_chart_layout_size (label->layout, &w, NULL);
    label->pos = GRAPHENE_POINT_INIT (left + (self->plot.size.width - w) / 2, plot_bottom + th + 8.0);

    /* legend, right-aligned: [■ Converted] [■ Not converted] [— Conversion rate] */
    x = width;
    if (have_rate)
      {
        label = _li_histogram_add_label (self, _("Conversion rate"), LABEL_DIM);
        li_chart_layout_size (label->layout, &w, NULL);
        x -= w;
        label->pos = GRAPHENE_POINT_INIT (x, 0.0);
        x -= 4.0 + 14.0;
        self->legend_rate = GRAPHENE_RECT_INIT (x, round (th / 2) - 1.0, 14.0, 2.0);
        x -= 14.0;
      }
    else
      self->legend_rate = GRAPHENE_RECT_INIT (0, 0, 0, 0);

    label = _li_histogram_add_label (self, _("Not converted"), LABEL_DIM);
    li_chart_layout_size (label->layout, &w, NULL);
    x -= w;
    label->pos = GRAPHENE_POINT_INIT (x, 0.0);
    x -= 4.0 + 10.0;
    self->legend_swatch[1] = GRAPHENE_RECT_INIT (x, round ((th - 10.0) / 2), 10.0, 10.0);
    x -= 14.0;

    label = _li_histogram_add_label (self, _("Converted"), LABEL_DIM);
    li_chart_layout_size (label->layout, &w, NULL);
    x -= w;
    label->pos = GRAPHENE_POINT_INIT (x, 0.0);
    x -= 4.0 + 10.0;
    self->legend_swatch[0] = GRAPHENE_RECT_INIT (x, round ((th - 10.0) / 2), 10.0, 10.0);

    /* the y axis title, when there is room left of the legend */
    label = _li_histogram_add_label (self, _("Leads"), LABEL_DIM);
    li_chart_layout_size (label->layout, &w, NULL);
    label->pos = GRAPHENE_POINT_INIT (0.0, 0.0);
    if (w + 12.0 > x)
      g_array_set_size (self->labels, self->labels->len - 1);
  }

  /* bars */
  for (guint i = 0; i < self->bins->len; i++)
    {
      const LiHistogramBin *bin = &g_array_index (self->bins, LiHistogramBin, i);
      double x0 = _li_histogram_value_to_x (self, bin->from);
      double x1 = _li_histogram_value_to_x (self, bin->to);
      double total = (double) bin->converted + bin->not_converted;
      double y_total = _li_histogram_count_to_y (self, total);
      double y_conv = _li_histogram_count_to_y (self, bin->converted);
      double bottom = plot_top + plot_h;
      Bar bar;

      if (x1 - x0 > 4.0)
        {
          x0 += 0.5;
          x1 -= 0.5;
        }

      /* anything above zero stays visible */
      if (bin->converted > 0 && bottom - y_conv < 1.5)
        y_conv = bottom - 1.5;
      if (total > 0 && y_conv - y_total < 1.0 && bin->not_converted > 0)
        y_total = y_conv - 1.0;

      if (bin->converted > 0)
        {
          bar.rect = GRAPHENE_RECT_INIT (x0, y_conv, x1 - x0, bottom - y_conv);
          bar.converted = TRUE;
          g_array_append_val (self->bars, bar);
        }
      if (bin->not_converted > 0)
        {
          bar.rect = GRAPHENE_RECT_INIT (x0, y_total, x1 - x0, y_conv - y_total);
          bar.converted = FALSE;
          g_array_append_val (self->bars, bar);
        }

      /* conversion rate at the bin centre; a bin with too few leads for a
       * meaningful rate breaks the line (its tooltip still has the numbers) */
      {
        graphene_point_t p;

        if (total >= MIN_RATE_LEADS && self->rate_top > 0)
          p = GRAPHENE_POINT_INIT ((x0 + x1) / 2,
                                   bottom - (bin->converted / total) / self->rate_top * plot_h);
        else
          p = GRAPHENE_POINT_INIT (NAN, NAN);
        g_array_append_val (self->rate_points, p);
      }
    }

  if (self->bins->len == 0)
    {
      double w, h;

      self->empty_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _("No leads in the replay"));
      li_chart_layout_size (self->empty_layout, &w, &h);
      self->empty_pos = GRAPHENE_POINT_INIT (left + (self->plot.size.width - w) / 2,
                                             plot_top + (plot_h - h) / 2);
    }

  /* the handles follow their lines */
  for (guint i = 0; i < self->thresholds->len; i++)
    {
      Threshold *t = &g_array_index (self->thresholds, Threshold, i);
      GtkAllocation alloc;
      int min;

      gtk_widget_measure (t->handle, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_measure (t->handle, GTK_ORIENTATION_VERTICAL, -1, &min, NULL, NULL, NULL);
      alloc.x = (int) floor (t->x - HANDLE_WIDTH / 2);
      alloc.y = (int) t->pill.origin.y;
      alloc.width = (int) HANDLE_WIDTH;
      alloc.height = (int) MAX (plot_top + plot_h - t->pill.origin.y, 1.0);
      gtk_widget_size_allocate (t->handle, &alloc, -1);
      _li_histogram_update_handle_accessible (self, t);
    }
}

/* Which threshold (index in self->thresholds) is under (x, y), or -1. */
static int
_li_histogram_threshold_at (LiHistogram *self,
                            double       x,
                            double       y)
{
  g_autofree double *xs = g_new0 (double, MAX (self->thresholds->len, 1));
  int hit;

  for (guint i = 0; i < self->thresholds->len; i++)
    {
      const Threshold *t = &g_array_index (self->thresholds, Threshold, i);

      if (graphene_rect_contains_point (&t->pill, &GRAPHENE_POINT_INIT (x, y)))
        return (int) i;
      xs[i] = t->x;
    }

  if (y < self->plot.origin.y - 4.0 || y > self->plot.origin.y + self->plot.size.height + 4.0)
    return -1;

  hit = li_histogram_hit_test (xs, self->thresholds->len, x, HIT_TOLERANCE);
  return hit;
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                 */
/* ------------------------------------------------------------------------ */

static void
_li_histogram_handle_step_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LiHistogramHandle *handle = LI_HISTOGRAM_HANDLE (widget);
  LiHistogram *self = LI_HISTOGRAM (gtk_widget_get_parent (widget));
  Threshold *t = _li_histogram_find_threshold (self, handle->stage_index);

  if (t == NULL)
    return;

  _li_histogram_user_set (self, handle->stage_index,
                          t->value + g_variant_get_double (parameter) *
                                     li_histogram_snap_step (self->x_lower, self->x_upper));
}

static void
_li_histogram_handle_edge_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LiHistogramHandle *handle = LI_HISTOGRAM_HANDLE (widget);
  LiHistogram *self = LI_HISTOGRAM (gtk_widget_get_parent (widget));

  _li_histogram_user_set (self, handle->stage_index,
                          g_variant_get_boolean (parameter) ? self->x_upper : self->x_lower);
}

static void
_li_histogram_drag_begin_cb (LiHistogram    *self,
                             double          x,
                             double          y,
                             GtkGestureDrag *gesture)
{
  int hit = _li_histogram_threshold_at (self, x, y);
  Threshold *t;

  if (hit < 0 || !(self->plot.size.width > 1.0))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  t = &g_array_index (self->thresholds, Threshold, hit);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (t->handle);

  self->drag_stage = (int) t->stage_index;
  self->drag_start_value = t->value;
  self->drag_px_per_point = self->plot.size.width / (self->x_upper - self->x_lower);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAGGING]);
}

static void
_li_histogram_drag_update_cb (LiHistogram    *self,
                              double          offset_x,
                              double          offset_y,
                              GtkGestureDrag *gesture)
{
  if (self->drag_stage < 0 || !(self->drag_px_per_point > 0.0))
    return;

  _li_histogram_user_set (self, (guint) self->drag_stage,
                          self->drag_start_value + offset_x / self->drag_px_per_point);
}

static void
_li_histogram_drag_end_cb (LiHistogram    *self,
                           double          offset_x,
                           double          offset_y,
                           GtkGestureDrag *gesture)
{
  if (self->drag_stage < 0)
    return;

  self->drag_stage = -1;
  /* Results that arrived during the drag may rescale the axis now. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAGGING]);
}

/* ------------------------------------------------------------------------ */
/* Vfuncs                                                                    */
/* ------------------------------------------------------------------------ */

/* Tab goes through the stage lines in stage order, hottest first, as the
 * editor and the stage table list them (GTK would order them by the
 * position of their labels). */
static gboolean
li_histogram_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  LiHistogram *self = LI_HISTOGRAM (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int n = (int) self->thresholds->len;
  int current = -1;
  int next;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return focus_child != NULL ? FALSE : GTK_WIDGET_CLASS (li_histogram_parent_class)->focus (widget, direction);

  for (int i = 0; focus_child != NULL && i < n; i++)
    if (g_array_index (self->thresholds, Threshold, i).handle == focus_child)
      current = i;

  if (direction == GTK_DIR_TAB_FORWARD)
    next = focus_child == NULL ? 0 : current + 1;
  else
    next = focus_child == NULL ? n - 1 : current - 1;

  for (; next >= 0 && next < n; next += direction == GTK_DIR_TAB_FORWARD ? 1 : -1)
    {
      GtkWidget *handle = g_array_index (self->thresholds, Threshold, next).handle;

      if (gtk_widget_get_visible (handle) && gtk_widget_grab_focus (handle))
        return TRUE;
    }

  return FALSE;
}

static void
li_histogram_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  li_chart_measure (orientation, 240, 600, 200, 280, minimum, natural);
}

static void
li_histogram_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  _li_histogram_relayout (LI_HISTOGRAM (widget), width, height);
}

static void
li_histogram_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  LiHistogram *self = LI_HISTOGRAM (widget);
  const graphene_rect_t *plot = &self->plot;
  double width = gtk_widget_get_width (widget);

  if (width < 1 || plot->size.height < 2)
    return;

  /* grid */
  li_chart_append_grid (snapshot, plot, (const double *) (gpointer) self->grid->data, self->grid->len,
                        &self->grid_color);

  /* bars */
  gtk_snapshot_push_clip (snapshot, plot);
  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      gtk_snapshot_append_color (snapshot,
                                 bar->converted ? &self->converted : &self->not_converted,
                                 &bar->rect);
    }
  gtk_snapshot_pop (snapshot);

  /* x axis */
  li_chart_append_x_axis (snapshot, plot, &self->axis_color);

  /* conversion rate */
  if (self->rate_points->len > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (plot->origin.x - 4, plot->origin.y - 4,
                                                                    plot->size.width + 8, plot->size.height + 8));
      gboolean pen_down = FALSE;

      gdk_cairo_set_source_rgba (cr, &self->rate);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < self->rate_points->len; i++)
        {
          const graphene_point_t *p = &g_array_index (self->rate_points, graphene_point_t, i);

          if (isnan (p->x))
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, p->x, p->y);
          else
            cairo_move_to (cr, p->x, p->y);
          pen_down = TRUE;
        }
      cairo_stroke (cr);

      for (guint i = 0; i < self->rate_points->len; i++)
        {
          const graphene_point_t *p = &g_array_index (self->rate_points, graphene_point_t, i);

          if (isnan (p->x))
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, p->x, p->y, 2.5, 0, 2 * G_PI);
        }
      cairo_fill (cr);
      cairo_destroy (cr);
    }

  /* labels */
  for (guint i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);

      li_chart_append_layout (snapshot, label->layout, &label->pos,
                              label->color == LABEL_RATE ? &self->rate : &self->dim);
    }

  /* legend */
  li_chart_append_rounded (snapshot, &self->legend_swatch[0], 2, &self->converted);
  li_chart_append_rounded (snapshot, &self->legend_swatch[1], 2, &self->not_converted);
  if (self->legend_rate.size.width > 0)
    li_chart_append_rounded (snapshot, &self->legend_rate, 1, &self->rate);

  if (self->empty_layout != NULL)
    li_chart_append_layout (snapshot, self->empty_layout, &self->empty_pos, &self->dim);

  /* threshold lines and their labels */
  for (guint i = 0; i < self->thresholds->len; i++)
    {
      const Threshold *t = &g_array_index (self->thresholds, Threshold, i);
      gboolean active = (int) t->stage_index == self->drag_stage || gtk_widget_has_focus (t->handle);
      double bottom = plot->origin.y + plot->size.height;

      if (active)
        {
          GdkRGBA halo = li_chart_fade (&self->accent, 0.25);

          gtk_snapshot_append_color (snapshot, &halo,
                                     &GRAPHENE_RECT_INIT (t->x - 3, t->line_top, 6, bottom - t->line_top));
        }
      gtk_snapshot_append_color (snapshot, &self->accent,
                                 &GRAPHENE_RECT_INIT (t->x - 1, t->line_top, 2, bottom - t->line_top));
      li_chart_append_rounded (snapshot, &t->pill, t->pill.size.height / 2, &self->accent_bg);

      li_chart_append_layout (snapshot, t->layout,
                              &GRAPHENE_POINT_INIT (t->pill.origin.x + PILL_PAD_X,
                                                    t->pill.origin.y + PILL_PAD_Y),
                              &self->accent_fg);

      if (gtk_widget_has_visible_focus (t->handle))
        {
          GdkRGBA ring_color = li_chart_fade (&self->accent, 0.5);
          graphene_rect_t r;

          graphene_rect_inset_r (&t->pill, -3, -3, &r);
          li_chart_append_ring (snapshot, &r, r.size.height / 2, 2, &ring_color);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
li_histogram_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  LiHistogram *self = LI_HISTOGRAM (widget);
  GtkStyleContext *context;

  GTK_WIDGET_CLASS (li_histogram_parent_class)->css_changed (widget, change);

  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &self->fg);

  li_chart_lookup_color (context, "success_color", "#1b8553", &self->converted);
  li_chart_lookup_color (context, "warning_color", "#9c6e03", &self->rate);
  li_chart_lookup_color (context, "accent_color", "#1c71d8", &self->accent);
  li_chart_lookup_color (context, "accent_bg_color", "#3584e4", &self->accent_bg);
  li_chart_lookup_color (context, "accent_fg_color", "#ffffff", &self->accent_fg);

  self->dim = li_chart_fade (&self->fg, 0.65);
  self->not_converted = li_chart_fade (&self->fg, 0.22);
  self->grid_color = li_chart_fade (&self->fg, 0.08);
  self->axis_color = li_chart_fade (&self->fg, 0.35);

  /* Fonts may have changed too: rebuild the layouts. */
  gtk_widget_queue_allocate (widget);
}

static gboolean
li_histogram_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  LiHistogram *self = LI_HISTOGRAM (widget);
  const LiHistogramBin *bins = (const LiHistogramBin *) (gpointer) self->bins->data;
  double span = self->x_upper - self->x_lower;
  int hit;

  if (keyboard_mode)
    return FALSE;

  hit = _li_histogram_threshold_at (self, x, y);
  if (hit >= 0)
    {
      const Threshold *t = &g_array_index (self->thresholds, Threshold, hit);
      g_autofree char *value = li_format_score (t->value);
      g_autofree char *text = NULL;

      /* Translators: tooltip of a threshold line; %s are the stage name and its minimum score */
      text = g_strdup_printf (_("Stage “%s” starts at a score of %s.\nDrag the line, or focus it and use the arrow keys, to change it."),
                              t->name, value);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  if (self->bins->len > 0 && span > 0.0 &&
      x >= self->plot.origin.x && x <= self->plot.origin.x + self->plot.size.width &&
      y >= self->plot.origin.y && y <= self->plot.origin.y + self->plot.size.height)
    {
      double value = self->x_lower + (x - self->plot.origin.x) / self->plot.size.width * span;
      int bin_index = li_histogram_bin_at (bins, self->bins->len, value);

      if (bin_index >= 0)
        {
          const LiHistogramBin *bin = &bins[bin_index];
          guint total = bin->converted + bin->not_converted;
          g_autofree char *from = li_format_score (bin->from);
          g_autofree char *to = li_format_score (bin->to);
          g_autofree char *leads = li_format_count (total);
          g_autofree char *converted = li_format_count (bin->converted);
          g_autofree char *share = li_format_percent (total > 0 ? (double) bin->converted / total : NAN);
          g_autofree char *text = NULL;

          /* Translators: tooltip of a histogram bar: score range, leads,
           * converters, conversion rate */
          text = g_strdup_printf (_("Peak score %s to %s\n%s leads, %s converted (%s)"),
                                  from, to, leads, converted, share);
          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
    }

  return FALSE;
}

static void
li_histogram_dispose (GObject *object)
{
  LiHistogram *self = LI_HISTOGRAM (object);

  /* clears the thresholds, which unparents the handles */
  if (self->thresholds != NULL)
    g_array_set_size (self->thresholds, 0);

  G_OBJECT_CLASS (li_histogram_parent_class)->dispose (object);
}

static void
li_histogram_finalize (GObject *object)
{
  LiHistogram *self = LI_HISTOGRAM (object);

  g_clear_pointer (&self->bins, g_array_unref);
  g_clear_pointer (&self->thresholds, g_array_unref);
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->grid, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->rate_points, g_array_unref);
  g_clear_object (&self->empty_layout);

  G_OBJECT_CLASS (li_histogram_parent_class)->finalize (object);
}

static void
li_histogram_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LiHistogram *self = LI_HISTOGRAM (object);

  switch (prop_id)
    {
    case PROP_SQRT_SCALE:
      g_value_set_boolean (value, self->sqrt_scale);
      break;

    case PROP_DRAGGING:
      g_value_set_boolean (value, self->drag_stage >= 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_histogram_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LiHistogram *self = LI_HISTOGRAM (object);

  switch (prop_id)
    {
    case PROP_SQRT_SCALE:
      li_histogram_set_sqrt_scale (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_histogram_class_init (LiHistogramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_histogram_dispose;
  object_class->finalize = li_histogram_finalize;
  object_class->get_property = li_histogram_get_property;
  object_class->set_property = li_histogram_set_property;

  widget_class->focus = li_histogram_focus;
  widget_class->measure = li_histogram_measure;
  widget_class->size_allocate = li_histogram_size_allocate;
  widget_class->snapshot = li_histogram_snapshot;
  widget_class->css_changed = li_histogram_css_changed;
  widget_class->query_tooltip = li_histogram_query_tooltip;

  /**
   * LiHistogram:sqrt-scale:
   *
   * Counts on a square-root scale, so that the few converters and the
   * sparse high-score bins stay visible next to the many non-converters.
   */
  properties[PROP_SQRT_SCALE] =
    g_param_spec_boolean ("sqrt-scale", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LiHistogram:dragging:
   *
   * Whether the user is dragging a threshold line.
   */
  properties[PROP_DRAGGING] =
    g_param_spec_boolean ("dragging", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiHistogram::threshold-changed:
   * @self: the histogram
   * @stage_index: index of the stage in LiRules.stages
   * @min_score: the new minimum score
   *
   * The user moved a threshold line (continuously while dragging).
   */
  signals[THRESHOLD_CHANGED] =
    g_signal_new ("threshold-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "histogram");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
li_histogram_init (LiHistogram *self)
{
  self->bins = g_array_new (FALSE, TRUE, sizeof (LiHistogramBin));
  self->thresholds = g_array_new (FALSE, TRUE, sizeof (Threshold));
  g_array_set_clear_func (self->thresholds, _li_threshold_clear);
  self->bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  self->grid = g_array_new (FALSE, FALSE, sizeof (double));
  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->labels, _li_label_clear);
  self->rate_points = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  self->drag_stage = -1;
  self->x_lower = 0.0;
  self->x_upper = 100.0;

  gdk_rgba_parse (&self->fg, "rgba(0,0,0,0.8)");

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (self->drag, "drag-begin", G_CALLBACK (_li_histogram_drag_begin_cb), self);
  g_signal_connect_swapped (self->drag, "drag-update", G_CALLBACK (_li_histogram_drag_update_cb), self);
  g_signal_connect_swapped (self->drag, "drag-end", G_CALLBACK (_li_histogram_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Histogram of peak scores"),
                                  -1);
  _li_histogram_update_accessible (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */
/* ------------------------------------------------------------------------ */

GtkWidget *
li_histogram_new (void)
{
  return g_object_new (LI_TYPE_HISTOGRAM, NULL);
}

void
li_histogram_set_bins (LiHistogram          *self,
                       const LiHistogramBin *bins,
                       guint                 n_bins,
                       double                min_peak,
                       double                max_peak)
{
  g_return_if_fail (LI_IS_HISTOGRAM (self));
  g_return_if_fail (bins != NULL || n_bins == 0);

  g_array_set_size (self->bins, 0);
  if (n_bins > 0)
    g_array_append_vals (self->bins, bins, n_bins);
  self->min_peak = min_peak;
  self->max_peak = max_peak;

  self->total_leads = 0;
  self->total_converted = 0;
  for (guint i = 0; i < n_bins; i++)
    {
      self->total_leads += bins[i].converted + bins[i].not_converted;
      self->total_converted += bins[i].converted;
    }

  _li_histogram_update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
li_histogram_set_stages (LiHistogram   *self,
                         const LiRules *rules)
{
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean same = TRUE;

  g_return_if_fail (LI_IS_HISTOGRAM (self));

  for (guint i = 0; rules != NULL && i < rules->n_stages; i++)
    if (rules->stages[i].has_min_score)
      g_array_append_val (wanted, i);

  if (wanted->len != self->thresholds->len)
    same = FALSE;
  for (guint i = 0; same && i < wanted->len; i++)
    same = g_array_index (self->thresholds, Threshold, i).stage_index == g_array_index (wanted, guint, i);

  if (same)
    {
      /* Update in place, so that a focused line keeps the focus while the
       * user moves it with the keyboard and new results come in. */
      for (guint i = 0; i < wanted->len; i++)
        {
          Threshold *t = &g_array_index (self->thresholds, Threshold, i);
          const LiStage *stage = &rules->stages[t->stage_index];

          if (g_strcmp0 (t->name, stage->name) != 0)
            {
              g_free (t->name);
              t->name = g_strdup (stage->name != NULL ? stage->name : "");
            }
          /* The line being dragged follows the pointer, not stale rules. */
          if ((int) t->stage_index != self->drag_stage)
            t->value = stage->min_score;
        }
    }
  else
    {
      if (self->drag_stage >= 0)
        {
          self->drag_stage = -1;
          gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAGGING]);
        }

      g_array_set_size (self->thresholds, 0);
      for (guint i = 0; i < wanted->len; i++)
        {
          const LiStage *stage = &rules->stages[g_array_index (wanted, guint, i)];
          Threshold t = { 0 };
          LiHistogramHandle *handle;

          t.stage_index = g_array_index (wanted, guint, i);
          t.name = g_strdup (stage->name != NULL ? stage->name : "");
          t.value = stage->min_score;
          handle = g_object_new (LI_TYPE_HISTOGRAM_HANDLE, NULL);
          handle->stage_index = t.stage_index;
          t.handle = GTK_WIDGET (handle);
          gtk_widget_set_parent (t.handle, GTK_WIDGET (self));
          g_array_append_val (self->thresholds, t);
          _li_histogram_update_handle_accessible (self, &g_array_index (self->thresholds, Threshold, i));
        }
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
li_histogram_get_sqrt_scale (LiHistogram *self)
{
  g_return_val_if_fail (LI_IS_HISTOGRAM (self), FALSE);

  return self->sqrt_scale;
}

void
li_histogram_set_sqrt_scale (LiHistogram *self,
                             gboolean     sqrt_scale)
{
  g_return_if_fail (LI_IS_HISTOGRAM (self));

  sqrt_scale = !!sqrt_scale;
  if (self->sqrt_scale == sqrt_scale)
    return;

  self->sqrt_scale = sqrt_scale;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SQRT_SCALE]);
}

gboolean
li_histogram_get_dragging (LiHistogram *self)
{
  g_return_val_if_fail (LI_IS_HISTOGRAM (self), FALSE);

  return self->drag_stage >= 0;
}

guint
li_histogram_get_n_thresholds (LiHistogram *self)
{
  g_return_val_if_fail (LI_IS_HISTOGRAM (self), 0);

  return self->thresholds->len;
}

gboolean
li_histogram_get_threshold (LiHistogram *self,
                            guint        stage_index,
                            double      *min_score)
{
  Threshold *t;

  g_return_val_if_fail (LI_IS_HISTOGRAM (self), FALSE);

  t = _li_histogram_find_threshold (self, stage_index);
  if (t == NULL)
    return FALSE;

  if (min_score != NULL)
    *min_score = t->value;
  return TRUE;
}

gboolean
li_histogram_set_threshold (LiHistogram *self,
                            guint        stage_index,
                            double       min_score)
{
  g_return_val_if_fail (LI_IS_HISTOGRAM (self), FALSE);

  _li_histogram_update_range (self);
  return _li_histogram_user_set (self, stage_index, min_score);
}

void
li_histogram_get_x_range (LiHistogram *self,
                          double      *lower,
                          double      *upper)
{
  g_return_if_fail (LI_IS_HISTOGRAM (self));

  _li_histogram_update_range (self);
  if (lower != NULL)
    *lower = self->x_lower;
  if (upper != NULL)
    *upper = self->x_upper;
}

GtkWidget *
li_histogram_get_threshold_widget (LiHistogram *self,
                                   guint        stage_index)
{
  Threshold *t;

  g_return_val_if_fail (LI_IS_HISTOGRAM (self), NULL);

  t = _li_histogram_find_threshold (self, stage_index);
  return t != NULL ? t->handle : NULL;
}
