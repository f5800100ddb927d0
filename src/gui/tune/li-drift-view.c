/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "li-drift-view.h"

#include "li-line-chart.h"

/* After an edit the project debounces its replay; the drift (a replay per
 * period and the probes) waits a little longer, so typing stays smooth. */
#define LI_DRIFT_DEBOUNCE_MS 400
#define LI_DRIFT_MAX_SERIES  4

struct _LiDriftView
{
  AdwBin          parent_instance;

  GtkDropDown    *period_drop;
  GtkSpinner     *spinner;
  GtkLabel       *status_label;
  LiLineChart    *auc_chart;
  LiLineChart    *precision_chart;
  LiLineChart    *recall_chart;
  LiLineChart    *firing_chart;
  LiLineChart    *psi_chart;

  LiProject      *project;
  LiDrift        *drift;
  GCancellable   *cancellable;
  guint           debounce_id;
  gboolean        stale;        /* changed while hidden: run when shown */
  gboolean        period_chosen; /* by the user: no more automatic periods */
  gboolean        setting_period;
};

G_DEFINE_FINAL_TYPE (LiDriftView, li_drift_view, ADW_TYPE_BIN)

typedef struct
{
  LiRules           *rules;
  LiDataset         *dataset;
  LiDriftPeriodKind  kind;
  LiReplayOptions    options;
} LiDriftJob;

static void
_li_drift_job_free (LiDriftJob *job)
{
  li_rules_free (job->rules);
  g_clear_object (&job->dataset);
  g_free (job);
}

LiDriftPeriodKind
li_drift_view_auto_period (gint64 min_ms,
                           gint64 max_ms)
{
  double days = (max_ms - min_ms) / 86400000.0;

  if (days <= 2)
    return LI_DRIFT_HOUR;
  if (days <= 56)
    return LI_DRIFT_DAY;
  if (days <= 366)
    return LI_DRIFT_WEEK;
  return LI_DRIFT_MONTH;
}

/* The charts */

static LiLineChartFormat
_li_drift_x_format (LiDriftPeriodKind kind)
{
  return kind == LI_DRIFT_HOUR ? LI_LINE_CHART_TIME
       : kind == LI_DRIFT_MONTH ? LI_LINE_CHART_MONTH
       : LI_LINE_CHART_DATE;
}

/* The readable part of a drift rule name "patterns[1] Compares …". */
static const char *
_li_drift_rule_label (const char *name)
{
  const char *space = strchr (name, ' ');

  return space != NULL ? space + 1 : name;
}

/* The rules whose firing rate moved most (max − min), at most @max. */
static guint
_li_drift_top_rules (const LiDrift *drift,
                     guint         *top,
                     guint          max)
{
  g_autofree double *spread = g_new0 (double, MAX (drift->n_rules, 1));
  guint n = 0;

  for (guint r = 0; r < drift->n_rules; r++)
    {
      double lo = INFINITY, hi = -INFINITY;

      for (guint k = 0; k < drift->n_periods; k++)
        if (isfinite (drift->periods[k].firing_rate[r]))
          lo = MIN (lo, drift->periods[k].firing_rate[r]), hi = MAX (hi, drift->periods[k].firing_rate[r]);
      spread[r] = isfinite (lo) ? hi - lo : -1;
    }
  while (n < MIN (max, drift->n_rules))
    {
      int best = -1;

      for (guint r = 0; r < drift->n_rules; r++)
        if (spread[r] >= 0 && (best < 0 || spread[r] > spread[best]))
          best = r;
      if (best < 0)
        break;
      top[n++] = best;
      spread[best] = -2;
    }
  return n;
}

static void
_li_drift_view_fill_charts (LiDriftView *self)
{
  LiLineChart *charts[] = { self->auc_chart, self->precision_chart, self->recall_chart,
                            self->firing_chart, self->psi_chart };
  const LiDrift *drift = self->drift;
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  guint top[LI_DRIFT_MAX_SERIES], n_top, n_stages;

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    li_line_chart_clear (charts[c]);
  if (drift == NULL || drift->n_periods == 0)
    return;

  xs = g_new (double, drift->n_periods);
  ys = g_new (double, drift->n_periods);
  for (guint k = 0; k < drift->n_periods; k++)
    xs[k] = drift->periods[k].from_ms;
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    li_line_chart_set_formats (charts[c], _li_drift_x_format (drift->kind),
                               c == 1 || c == 2 || c == 3 ? LI_LINE_CHART_PERCENT : LI_LINE_CHART_NUMBER);

  for (guint k = 0; k < drift->n_periods; k++)
    ys[k] = drift->periods[k].replay->auc;
  li_line_chart_add_series (self->auc_chart, _("AUC"), xs, ys, drift->n_periods);

  n_stages = drift->periods[0].replay->n_stages;
  for (guint s = 0; s + 1 < n_stages && s < LI_DRIFT_MAX_SERIES; s++)
    {
      const char *name = drift->periods[0].replay->stages[s].name;

      for (guint k = 0; k < drift->n_periods; k++)
        ys[k] = drift->periods[k].replay->stages[s].precision;
      li_line_chart_add_series (self->precision_chart, name, xs, ys, drift->n_periods);
      for (guint k = 0; k < drift->n_periods; k++)
        ys[k] = drift->periods[k].replay->stages[s].recall;
      li_line_chart_add_series (self->recall_chart, name, xs, ys, drift->n_periods);
    }
  li_line_chart_set_y_range (self->recall_chart, 0, 1);

  n_top = _li_drift_top_rules (drift, top, LI_DRIFT_MAX_SERIES);
  for (guint i = 0; i < n_top; i++)
    {
      for (guint k = 0; k < drift->n_periods; k++)
        ys[k] = drift->periods[k].firing_rate[top[i]];
      li_line_chart_add_series (self->firing_chart, _li_drift_rule_label (drift->rule_names[top[i]]),
                                xs, ys, drift->n_periods);
    }

  for (guint k = 0; k < drift->n_periods; k++)
    ys[k] = drift->periods[k].psi;
  li_line_chart_add_series (self->psi_chart, _("PSI"), xs, ys, drift->n_periods);
}

/* What the status line says about the data and the replayed period. */
static char *
_li_drift_view_describe (LiDriftView *self)
{
  gboolean has_from = FALSE, has_to = FALSE;
  gint64 from = 0, to = 0;
  g_autofree char *range = NULL;
  guint n = self->drift != NULL ? self->drift->n_periods : 0;

  if (li_project_get_time_range (self->project, &has_from, &from, &has_to, &to))
    /* Translators: the Over Time page follows the replayed period of the summary bar */
    range = g_strdup (_("Within the replayed period."));
  else
    range = g_strdup (_("All time."));
  if (n == 1)
    /* Translators: %s is "All time." or "Within the replayed period." */
    return g_strdup_printf (_("One period only: choose a shorter period to see a trend. %s"), range);
  if (n > 1)
    {
      g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (self->drift->periods[0].from_ms / 1000);
      g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (self->drift->periods[n - 1].to_ms / 1000);
      /* Translators: the span of the Over Time page, see g_date_time_format */
      g_autofree char *a = g_date_time_format (first, _("%-d %b %Y %H:%M"));
      g_autofree char *b = g_date_time_format (last, _("%-d %b %Y %H:%M"));

      /* Translators: "3 periods from 1 Oct 2019 00:00 to 1 Oct 2019 02:59 (UTC). All time." */
      return g_strdup_printf (ngettext ("%u period from %s to %s (UTC). %s", "%u periods from %s to %s (UTC). %s", n),
                              n, g_strstrip (a), g_strstrip (b), range);
    }
  return g_strdup (range);
}

/* The work */

static void
_li_drift_view_run_thread (GTask        *task,
                           gpointer      source,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  LiDriftJob *job = task_data;
  GError *error = NULL;
  LiDrift *drift;

  drift = li_drift_run (job->rules, li_dataset_get_store (job->dataset), li_dataset_get_leads (job->dataset),
                        job->kind, &job->options, cancellable, &error);
  if (drift == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, drift, (GDestroyNotify) li_drift_free);
}

static void
_li_drift_view_run_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(LiDriftView) self = user_data;
  g_autoptr(GError) error = NULL;
  LiDrift *drift = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *status = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&drift, li_drift_free);
      return;
    }
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);
  if (drift == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  g_clear_pointer (&self->drift, li_drift_free);
  self->drift = drift;
  _li_drift_view_fill_charts (self);
  status = _li_drift_view_describe (self);
  gtk_label_set_text (self->status_label, status);
}

static void
_li_drift_view_pick_period (LiDriftView *self,
                            LiEventStore *store)
{
  if (self->period_chosen || store->n_events == 0)
    return;
  self->setting_period = TRUE;
  gtk_drop_down_set_selected (self->period_drop, li_drift_view_auto_period (store->min_time_ms, store->max_time_ms));
  self->setting_period = FALSE;
}

static void
_li_drift_view_run (LiDriftView *self)
{
  LiDataset *dataset = self->project ? li_project_get_dataset (self->project) : NULL;
  g_autoptr(GTask) task = NULL;
  LiDriftJob *job;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  self->stale = FALSE;
  if (dataset == NULL || li_dataset_get_store (dataset) == NULL)
    {
      g_clear_pointer (&self->drift, li_drift_free);
      _li_drift_view_fill_charts (self);
      gtk_label_set_text (self->status_label, _("Import events to see the rules over time."));
      return;
    }
  _li_drift_view_pick_period (self, li_dataset_get_store (dataset));

  job = g_new0 (LiDriftJob, 1);
  job->rules = li_rules_copy (li_project_get_rules (self->project));
  job->dataset = g_object_ref (dataset);
  job->kind = gtk_drop_down_get_selected (self->period_drop);
  li_project_get_time_range (self->project, &job->options.has_from, &job->options.from_ms,
                             &job->options.has_to, &job->options.to_ms);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, _li_drift_view_run_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, _li_drift_view_run);
  g_task_set_task_data (task, job, (GDestroyNotify) _li_drift_job_free);
  g_task_run_in_thread (task, _li_drift_view_run_thread);
  gtk_spinner_start (self->spinner);
  gtk_label_set_text (self->status_label, _("Replaying each period…"));
}

static gboolean
_li_drift_view_debounce_cb (gpointer user_data)
{
  LiDriftView *self = user_data;

  self->debounce_id = 0;
  _li_drift_view_run (self);
  return G_SOURCE_REMOVE;
}

/* Runs after the debounce while shown; else when next shown. */
static void
_li_drift_view_schedule (LiDriftView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (LI_DRIFT_DEBOUNCE_MS, _li_drift_view_debounce_cb, self);
}

/* Callbacks */

static void
_li_drift_view_period_selected_cb (LiDriftView *self)
{
  if (self->setting_period)
    return;
  self->period_chosen = TRUE;
  if (self->project != NULL)
    _li_drift_view_schedule (self);
}

static void
_li_drift_view_replay_started_cb (LiProject   *project,
                                  LiDriftView *self)
{
  _li_drift_view_schedule (self);
}

/* vfuncs */

static void
li_drift_view_map (GtkWidget *widget)
{
  LiDriftView *self = LI_DRIFT_VIEW (widget);

  GTK_WIDGET_CLASS (li_drift_view_parent_class)->map (widget);
  if (self->stale && self->project != NULL)
    _li_drift_view_schedule (self);
}

static void
li_drift_view_dispose (GObject *object)
{
  LiDriftView *self = LI_DRIFT_VIEW (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_DRIFT_VIEW);
  G_OBJECT_CLASS (li_drift_view_parent_class)->dispose (object);
}

static void
li_drift_view_finalize (GObject *object)
{
  LiDriftView *self = LI_DRIFT_VIEW (object);

  g_clear_pointer (&self->drift, li_drift_free);
  G_OBJECT_CLASS (li_drift_view_parent_class)->finalize (object);
}

static void
li_drift_view_class_init (LiDriftViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_drift_view_dispose;
  object_class->finalize = li_drift_view_finalize;
  widget_class->map = li_drift_view_map;

  g_type_ensure (LI_TYPE_LINE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/tune/li-drift-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiDriftView, period_drop);
  gtk_widget_class_bind_template_child (widget_class, LiDriftView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiDriftView, status_label);
  gtk_widget_class_bind_template_child (widget_class, LiDriftView, auc_chart);
  gtk_widget_class_bind_template_child (widget_class, LiDriftView, precision_chart);
  gtk_widget_class_bind_template_child (widget_class, LiDriftView, recall_chart);
  gtk_widget_class_bind_template_child (widget_class, LiDriftView, firing_chart);
  gtk_widget_class_bind_template_child (widget_class, LiDriftView, psi_chart);
  gtk_widget_class_bind_template_callback (widget_class, _li_drift_view_period_selected_cb);
}

static void
li_drift_view_init (LiDriftView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  li_line_chart_set_y_range (self->firing_chart, 0, 1);
  gtk_label_set_text (self->status_label, _("Import events to see the rules over time."));
}

/* Public API */

GtkWidget *
li_drift_view_new (void)
{
  return g_object_new (LI_TYPE_DRIFT_VIEW, NULL);
}

void
li_drift_view_set_project (LiDriftView *self,
                           LiProject   *project)
{
  g_return_if_fail (LI_IS_DRIFT_VIEW (self));
  g_return_if_fail (LI_IS_PROJECT (project));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  g_signal_connect_object (project, "replay-started", G_CALLBACK (_li_drift_view_replay_started_cb), self, 0);
  _li_drift_view_schedule (self);
}

void
li_drift_view_set_period (LiDriftView       *self,
                          LiDriftPeriodKind  kind)
{
  g_return_if_fail (LI_IS_DRIFT_VIEW (self));

  gtk_drop_down_set_selected (self->period_drop, kind);
  self->period_chosen = TRUE;
}

LiDriftPeriodKind
li_drift_view_get_period (LiDriftView *self)
{
  g_return_val_if_fail (LI_IS_DRIFT_VIEW (self), LI_DRIFT_WEEK);

  return gtk_drop_down_get_selected (self->period_drop);
}

void
li_drift_view_refresh (LiDriftView *self)
{
  g_return_if_fail (LI_IS_DRIFT_VIEW (self));

  _li_drift_view_run (self);
}

gboolean
li_drift_view_is_running (LiDriftView *self)
{
  g_return_val_if_fail (LI_IS_DRIFT_VIEW (self), FALSE);

  return self->cancellable != NULL || self->debounce_id != 0;
}

const LiDrift *
li_drift_view_get_drift (LiDriftView *self)
{
  g_return_val_if_fail (LI_IS_DRIFT_VIEW (self), NULL);

  return self->drift;
}

const char *
li_drift_view_get_status (LiDriftView *self)
{
  g_return_val_if_fail (LI_IS_DRIFT_VIEW (self), NULL);

  return gtk_label_get_text (self->status_label);
}
