/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "li-sweep-dialog.h"

#include "li-confidence.h"
#include "li-goal-panel.h"
#include "li-line-chart.h"
#include "li-rules-param.h"

typedef enum
{
  LI_METRIC_AUC,
  LI_METRIC_PRECISION,
  LI_METRIC_RECALL,
  LI_METRIC_FLAGGED,
  LI_METRIC_LIFT,
} LiMetricKind;

struct _LiSweepDialog
{
  AdwWindow       parent_instance;

  GtkDropDown    *param_drop;
  GtkSpinButton  *from_spin;
  GtkSpinButton  *to_spin;
  GtkSpinButton  *steps_spin;
  GtkSpinner     *spinner;
  GtkDropDown    *metric_drop;
  LiLineChart    *chart;
  GtkLabel       *readout_label;
  GtkLabel       *status_label;
  LiGoalPanel    *goal_panel;

  LiProject      *project;
  GStrv           params;       /* the paths behind param_drop */
  char           *range_param;  /* the one From/To/Steps were set for */
  guint           n_stage_metrics; /* stages but the catch-all */
  LiSweep        *sweep;
  GCancellable   *cancellable;
  gboolean        filling;      /* filling the drop-downs: no sweeps */
};

G_DEFINE_FINAL_TYPE (LiSweepDialog, li_sweep_dialog, ADW_TYPE_WINDOW)

/* A sweep job: copies, so the UI thread may change the draft meanwhile. */
typedef struct
{
  LiRules         *rules;
  LiDataset       *dataset;
  char            *param;
  double           from, to;
  guint            steps;
  LiReplayOptions  options;
} LiSweepJob;

static void
_li_sweep_job_free (LiSweepJob *job)
{
  li_rules_free (job->rules);
  g_clear_object (&job->dataset);
  g_free (job->param);
  g_free (job);
}

/* Labels */

static const struct { const char *field; const char *label; } field_labels[] = {
  { "points", N_("points") },
  { "max_points", N_("maximum points") },
  { "decay.half_life_days", N_("decay half-life (days)") },
  { "decay.days", N_("decay window (days)") },
  { "within_hours", N_("within (hours)") },
  { "within_days", N_("within (days)") },
  { "min_count", N_("minimum count") },
  { "min_distinct", N_("minimum distinct") },
  { "min_days", N_("minimum days") },
  { "min_score", N_("minimum score") },
  { "min_intent", N_("minimum intent") },
  { "min_fit", N_("minimum fit") },
  { "follow_up_minutes", N_("follow-up (minutes)") },
};

static const char *
_li_field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field, field_labels[i].field))
      return _(field_labels[i].label);
  return field;
}

/* The subject of an element path "intent[2]", "stages[0]", …, or NULL. */
static char *
_li_element_label (const LiRules *rules,
                   const char    *list,
                   guint          index)
{
  if (g_str_equal (list, "intent") && index < rules->n_intent)
    return g_strdup (rules->intent[index].event);
  if (g_str_equal (list, "patterns") && index < rules->n_patterns)
    /* Translators: %s is a pattern's name */
    return g_strdup_printf (_("Pattern “%s”"), rules->patterns[index].name);
  if (g_str_equal (list, "fit") && index < rules->n_fit)
    /* Translators: %s is a lead attribute */
    return g_strdup_printf (_("Fit “%s”"), rules->fit[index].attribute);
  if (g_str_equal (list, "stages") && index < rules->n_stages)
    /* Translators: %s is a stage's name */
    return g_strdup_printf (_("Stage “%s”"), rules->stages[index].name);
  return NULL;
}

char *
li_sweep_param_label (const LiRules *rules,
                      const char    *param)
{
  char list[16];
  guint index;
  int consumed = 0;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (param != NULL, NULL);

  if (g_str_equal (param, "decay.half_life_days"))
    return g_strdup (_("Decay: half-life (days)"));
  if (g_str_equal (param, "decay.days"))
    return g_strdup (_("Decay: window (days)"));
  if (g_str_equal (param, "outcome.window_days"))
    return g_strdup (_("Outcome: window (days)"));
  if (sscanf (param, "%15[a-z][%u].%n", list, &index, &consumed) == 2 && consumed > 0)
    {
      g_autofree char *subject = _li_element_label (rules, list, index);

      if (subject != NULL)
        /* Translators: "add_to_cart: points", "Stage “hot”: minimum score" */
        return g_strdup_printf (_("%s: %s"), subject, _li_field_label (param + consumed));
    }
  return g_strdup (param);
}

/* Metrics */

static void
_li_metric_decode (guint         metric,
                   LiMetricKind *kind,
                   guint        *stage)
{
  *kind = metric == 0 ? LI_METRIC_AUC : LI_METRIC_PRECISION + (metric - 1) % 4;
  *stage = metric == 0 ? 0 : (metric - 1) / 4;
}

static double
_li_metric_value (const LiReplayResult *replay,
                  guint                 metric)
{
  LiMetricKind kind;
  guint stage;

  _li_metric_decode (metric, &kind, &stage);
  if (kind == LI_METRIC_AUC)
    return replay->auc;
  if (stage >= replay->n_stages)
    return NAN;
  switch (kind)
    {
    case LI_METRIC_PRECISION: return replay->stages[stage].precision;
    case LI_METRIC_RECALL: return replay->stages[stage].recall;
    case LI_METRIC_FLAGGED: return replay->stages[stage].flagged;
    case LI_METRIC_LIFT: return replay->stages[stage].lift;
    case LI_METRIC_AUC: default: return replay->auc;
    }
}

static LiLineChartFormat
_li_metric_format (guint metric)
{
  LiMetricKind kind;
  guint stage;

  _li_metric_decode (metric, &kind, &stage);
  return kind == LI_METRIC_PRECISION || kind == LI_METRIC_RECALL ? LI_LINE_CHART_PERCENT
                                                                 : LI_LINE_CHART_NUMBER;
}

static char *
_li_metric_label (const LiRules *rules,
                  guint          metric)
{
  static const char *kinds[] = { NULL, N_("precision"), N_("recall"), N_("flagged leads"), N_("lift") };
  LiMetricKind kind;
  guint stage;

  _li_metric_decode (metric, &kind, &stage);
  if (kind == LI_METRIC_AUC)
    return g_strdup (_("AUC"));
  /* Translators: "Stage “hot”: precision" */
  return g_strdup_printf (_("Stage “%s”: %s"), rules->stages[stage].name, _(kinds[kind]));
}

/* Filling the controls */

static GtkStringList *
_li_string_list_new (GPtrArray *labels)
{
  g_ptr_array_add (labels, NULL);
  return gtk_string_list_new ((const char * const *) labels->pdata);
}

/* The drop-downs follow the draft's numbers and stages, kept as they are
 * when those are the same. */
static void
_li_sweep_dialog_fill (LiSweepDialog *self)
{
  const LiRules *rules = li_project_get_rules (self->project);
  g_auto(GStrv) params = li_rules_param_list (rules);
  guint n_stage_metrics = rules->n_stages > 0 ? rules->n_stages - 1 : 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) list = NULL;

  self->filling = TRUE;
  if (self->params == NULL || !g_strv_equal ((const char * const *) params, (const char * const *) self->params))
    {
      const char *old = NULL;
      guint selected = gtk_drop_down_get_selected (self->param_drop);
      guint keep = 0;

      if (self->params != NULL && selected < g_strv_length (self->params))
        old = self->params[selected];
      for (guint i = 0; params[i] != NULL; i++)
        {
          g_ptr_array_add (labels, li_sweep_param_label (rules, params[i]));
          if (old != NULL && g_str_equal (old, params[i]))
            keep = i;
        }
      list = _li_string_list_new (labels);
      gtk_drop_down_set_model (self->param_drop, G_LIST_MODEL (list));
      gtk_drop_down_set_selected (self->param_drop, keep);
      g_strfreev (self->params);
      self->params = g_steal_pointer (&params);
      g_clear_object (&list);
      g_ptr_array_set_size (labels, 0);
    }
  if (n_stage_metrics != self->n_stage_metrics || gtk_drop_down_get_model (self->metric_drop) == NULL)
    {
      for (guint m = 0; m < 1 + 4 * n_stage_metrics; m++)
        g_ptr_array_add (labels, _li_metric_label (rules, m));
      list = _li_string_list_new (labels);
      gtk_drop_down_set_model (self->metric_drop, G_LIST_MODEL (list));
      gtk_drop_down_set_selected (self->metric_drop, 0);
      self->n_stage_metrics = n_stage_metrics;
    }
  self->filling = FALSE;
}

static const char *
_li_sweep_dialog_param (LiSweepDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->param_drop);

  if (self->params == NULL || selected >= g_strv_length (self->params))
    return NULL;
  return self->params[selected];
}

static gboolean
_li_param_is_count (const char *param)
{
  return g_str_has_suffix (param, ".min_count") || g_str_has_suffix (param, ".min_distinct") ||
         g_str_has_suffix (param, ".min_days");
}

/* Zero is allowed for points and conditions; durations and counts must
 * stay positive. */
static gboolean
_li_param_allows_zero (const char *param)
{
  return g_str_has_suffix (param, "points") || g_str_has_suffix (param, ".min_score") ||
         g_str_has_suffix (param, ".min_intent") || g_str_has_suffix (param, ".min_fit") ||
         g_str_has_suffix (param, ".follow_up_minutes");
}

/* From/To/Steps around the current value: 0…2× it, 21 steps. */
static void
_li_sweep_dialog_default_range (LiSweepDialog *self,
                                const char    *param)
{
  double current = 0, from, to;
  guint steps = 21;

  li_rules_param_get (li_project_get_rules (self->project), param, &current);
  if (_li_param_is_count (param))
    {
      from = 1;
      to = MAX (2 * round (current), 6);
      steps = MIN ((guint) (to - from) + 1, 21u);
    }
  else if (_li_param_allows_zero (param))
    {
      from = MIN (0.0, 2 * current);
      to = current != 0 ? MAX (0.0, 2 * current) : 20.0;
    }
  else
    {
      from = current > 0 ? current / 10 : 0.5;
      to = current > 0 ? 2 * current : 10.0;
    }
  gtk_spin_button_set_value (self->from_spin, from);
  gtk_spin_button_set_value (self->to_spin, to);
  gtk_spin_button_set_value (self->steps_spin, steps);
}

/* The chart and the words under it */

static void
_li_sweep_dialog_set_status (LiSweepDialog *self,
                             const char    *text)
{
  gtk_label_set_text (self->status_label, text);
}

static void
_li_sweep_dialog_update_readout (LiSweepDialog *self)
{
  int cursor = li_line_chart_get_cursor (self->chart);
  const LiReplayResult *r;
  g_autofree LiStageConfidence *c = NULL;
  GString *text;
  g_autofree char *value = NULL;

  if (self->sweep == NULL || cursor < 0 || (guint) cursor >= self->sweep->n_points)
    {
      gtk_label_set_text (self->readout_label, "");
      return;
    }
  r = self->sweep->points[cursor].replay;
  c = li_confidence_compute (r, self->sweep->rules);
  value = li_line_chart_format_value (LI_LINE_CHART_NUMBER, self->sweep->points[cursor].value);
  text = g_string_new (NULL);
  /* Translators: the metrics at a point of the sweep chart */
  g_string_append_printf (text, _("At %s: AUC %.3f"), value, r->auc);
  for (guint s = 0; s + 1 < r->n_stages; s++)
    {
      g_autofree char *p = li_format_share_interval (r->stages[s].precision, c[s].precision_low, c[s].precision_high);
      g_autofree char *rc = li_format_share_interval (r->stages[s].recall, c[s].recall_low, c[s].recall_high);

      /* Translators: a stage at a point of the sweep: name, flagged leads, precision, recall */
      g_string_append_printf (text, _(" · %s: %u flagged, precision %s, recall %s"),
                              r->stages[s].name, r->stages[s].flagged, p, rc);
    }
  gtk_label_set_text (self->readout_label, text->str);
  g_string_free (text, TRUE);
}

static void
_li_sweep_dialog_update_chart (LiSweepDialog *self)
{
  guint metric = gtk_drop_down_get_selected (self->metric_drop);
  g_autoptr(GArray) ys = li_sweep_dialog_dup_series (self);
  g_autofree double *xs = NULL;
  g_autofree char *label = NULL;
  g_autofree char *mark = NULL;
  double current = 0;
  gboolean has_current;
  const char *param = _li_sweep_dialog_param (self);
  int cursor = li_line_chart_get_cursor (self->chart);

  li_line_chart_clear (self->chart);
  if (self->sweep == NULL || param == NULL)
    return;
  xs = g_new (double, self->sweep->n_points);
  for (guint i = 0; i < self->sweep->n_points; i++)
    xs[i] = self->sweep->points[i].value;
  label = _li_metric_label (li_project_get_rules (self->project), metric);
  li_line_chart_set_formats (self->chart, LI_LINE_CHART_NUMBER, _li_metric_format (metric));
  li_line_chart_add_series (self->chart, label, xs, (double *) ys->data, ys->len);
  has_current = li_rules_param_get (li_project_get_rules (self->project), param, &current);
  if (has_current)
    {
      g_autofree char *v = li_line_chart_format_value (LI_LINE_CHART_NUMBER, current);
      /* Translators: the mark of the rules' own value on the sweep chart */
      mark = g_strdup_printf (_("current %s"), v);
    }
  li_line_chart_set_mark (self->chart, has_current, current, mark);
  li_line_chart_set_cursor (self->chart, cursor);
  _li_sweep_dialog_update_readout (self);
}

/* The sweep */

/* The point nearest the rules' own value: where the cursor starts. */
static int
_li_sweep_nearest_current (const LiSweep *sweep)
{
  double best = INFINITY;
  int index = -1;

  for (guint i = 0; sweep->has_current && i < sweep->n_points; i++)
    if (fabs (sweep->points[i].value - sweep->current) < best)
      best = fabs (sweep->points[i].value - sweep->current), index = i;
  return index;
}

static void
_li_sweep_dialog_run_thread (GTask        *task,
                             gpointer      source,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  LiSweepJob *job = task_data;
  GError *error = NULL;
  LiSweep *sweep;

  sweep = li_sweep_run (job->rules, li_dataset_get_store (job->dataset), li_dataset_get_leads (job->dataset),
                        job->param, job->from, job->to, job->steps, &job->options, cancellable, &error);
  if (sweep == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sweep, (GDestroyNotify) li_sweep_free);
}

static void
_li_sweep_dialog_run_done_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(LiSweepDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  LiSweep *sweep = g_task_propagate_pointer (G_TASK (result), &error);

  /* A superseded or cancelled job ends silently. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&sweep, li_sweep_free);
      return;
    }
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);
  if (sweep == NULL)
    {
      _li_sweep_dialog_set_status (self, error->message);
      return;
    }
  g_clear_pointer (&self->sweep, li_sweep_free);
  self->sweep = sweep;
  _li_sweep_dialog_update_chart (self);
  li_line_chart_set_cursor (self->chart, _li_sweep_nearest_current (sweep));
  _li_sweep_dialog_set_status (self, _("Click a point, or move to it with the arrow keys and press Enter, "
                                       "to set the number to that value; Ctrl+Z undoes it. "
                                       "In brackets: the 95% range of precision and recall."));
}

static void
_li_sweep_dialog_run (LiSweepDialog *self)
{
  LiDataset *dataset = li_project_get_dataset (self->project);
  const char *param = _li_sweep_dialog_param (self);
  g_autoptr(GTask) task = NULL;
  LiSweepJob *job;

  if (self->filling)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  if (param == NULL)
    {
      _li_sweep_dialog_set_status (self, _("These rules have no numbers to sweep."));
      return;
    }
  if (dataset == NULL || li_dataset_get_store (dataset) == NULL)
    {
      _li_sweep_dialog_set_status (self, _("Import events to sweep a number on them."));
      return;
    }

  job = g_new0 (LiSweepJob, 1);
  job->rules = li_rules_copy (li_project_get_rules (self->project));
  job->dataset = g_object_ref (dataset);
  job->param = g_strdup (param);
  job->from = gtk_spin_button_get_value (self->from_spin);
  job->to = gtk_spin_button_get_value (self->to_spin);
  job->steps = gtk_spin_button_get_value_as_int (self->steps_spin);
  li_project_get_time_range (self->project, &job->options.has_from, &job->options.from_ms,
                             &job->options.has_to, &job->options.to_ms);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, _li_sweep_dialog_run_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, _li_sweep_dialog_run);
  g_task_set_task_data (task, job, (GDestroyNotify) _li_sweep_job_free);
  g_task_run_in_thread (task, _li_sweep_dialog_run_thread);
  gtk_spinner_start (self->spinner);
  _li_sweep_dialog_set_status (self, _("Sweeping…"));
}

/* Callbacks */

static void
_li_sweep_dialog_param_selected_cb (LiSweepDialog *self)
{
  const char *param = _li_sweep_dialog_param (self);

  if (self->filling || param == NULL)
    return;
  g_clear_pointer (&self->sweep, li_sweep_free);
  li_line_chart_clear (self->chart);
  _li_sweep_dialog_update_readout (self);
  _li_sweep_dialog_default_range (self, param);
  g_free (self->range_param);
  self->range_param = g_strdup (param);
  _li_sweep_dialog_run (self);
}

static void
_li_sweep_dialog_metric_selected_cb (LiSweepDialog *self)
{
  if (!self->filling)
    _li_sweep_dialog_update_chart (self);
}

static void
_li_sweep_dialog_sweep_clicked_cb (LiSweepDialog *self)
{
  _li_sweep_dialog_run (self);
}

static void
_li_sweep_dialog_point_activated_cb (LiSweepDialog *self,
                                     guint          index)
{
  li_sweep_dialog_apply_point (self, index);
}

static void
_li_sweep_dialog_cursor_changed_cb (LiSweepDialog *self)
{
  _li_sweep_dialog_update_readout (self);
}

/* The sweep holds while the draft differs from the swept rules in the
 * swept number alone (an apply, its undo): then only the mark moves. */
static gboolean
_li_sweep_dialog_sweep_holds (LiSweepDialog *self)
{
  const LiRules *rules = li_project_get_rules (self->project);
  g_autoptr(LiRules) swept = NULL;
  double value;

  if (self->sweep == NULL || g_strcmp0 (self->sweep->param, _li_sweep_dialog_param (self)) != 0)
    return FALSE;
  swept = li_rules_copy (self->sweep->rules);
  if (li_rules_param_get (rules, self->sweep->param, &value) &&
      !li_rules_param_set (swept, self->sweep->param, value, NULL))
    return FALSE;
  return li_rules_equal (swept, rules);
}

static void
_li_sweep_dialog_rules_changed_cb (LiProject     *project,
                                   LiSweepDialog *self)
{
  _li_sweep_dialog_fill (self);
  if (_li_sweep_dialog_sweep_holds (self))
    _li_sweep_dialog_update_chart (self);
  else if (g_strcmp0 (self->range_param, _li_sweep_dialog_param (self)) != 0)
    _li_sweep_dialog_param_selected_cb (self);  /* another number now: its own range */
  else
    _li_sweep_dialog_run (self);
}

static void
_li_sweep_dialog_action_undo (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  li_project_undo (LI_SWEEP_DIALOG (widget)->project);
}

/* vfuncs */

static void
li_sweep_dialog_dispose (GObject *object)
{
  LiSweepDialog *self = LI_SWEEP_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_SWEEP_DIALOG);
  G_OBJECT_CLASS (li_sweep_dialog_parent_class)->dispose (object);
}

static void
li_sweep_dialog_finalize (GObject *object)
{
  LiSweepDialog *self = LI_SWEEP_DIALOG (object);

  g_clear_pointer (&self->sweep, li_sweep_free);
  g_clear_pointer (&self->params, g_strfreev);
  g_clear_pointer (&self->range_param, g_free);
  G_OBJECT_CLASS (li_sweep_dialog_parent_class)->finalize (object);
}

static void
li_sweep_dialog_class_init (LiSweepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_sweep_dialog_dispose;
  object_class->finalize = li_sweep_dialog_finalize;

  g_type_ensure (LI_TYPE_LINE_CHART);
  g_type_ensure (LI_TYPE_GOAL_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/tune/li-sweep-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiSweepDialog, param_drop);
  gtk_widget_class_bind_template_child (widget_class, LiSweepDialog, from_spin);
  gtk_widget_class_bind_template_child (widget_class, LiSweepDialog, to_spin);
  gtk_widget_class_bind_template_child (widget_class, LiSweepDialog, steps_spin);
  gtk_widget_class_bind_template_child (widget_class, LiSweepDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiSweepDialog, metric_drop);
  gtk_widget_class_bind_template_child (widget_class, LiSweepDialog, chart);
  gtk_widget_class_bind_template_child (widget_class, LiSweepDialog, readout_label);
  gtk_widget_class_bind_template_child (widget_class, LiSweepDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, LiSweepDialog, goal_panel);
  gtk_widget_class_bind_template_callback (widget_class, _li_sweep_dialog_param_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_sweep_dialog_metric_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_sweep_dialog_sweep_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_sweep_dialog_point_activated_cb);

  gtk_widget_class_install_action (widget_class, "sweep.undo", NULL, _li_sweep_dialog_action_undo);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "sweep.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
li_sweep_dialog_init (LiSweepDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->chart, "cursor-changed", G_CALLBACK (_li_sweep_dialog_cursor_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/* Public API */

LiSweepDialog *
li_sweep_dialog_new (GtkWindow *parent,
                     LiProject *project)
{
  LiSweepDialog *self;

  g_return_val_if_fail (LI_IS_PROJECT (project), NULL);

  self = g_object_new (LI_TYPE_SWEEP_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  g_signal_connect_object (project, "rules-changed", G_CALLBACK (_li_sweep_dialog_rules_changed_cb), self, 0);
  li_goal_panel_set_project (self->goal_panel, project);
  _li_sweep_dialog_fill (self);
  _li_sweep_dialog_param_selected_cb (self);
  return self;
}

gboolean
li_sweep_dialog_set_param (LiSweepDialog *self,
                           const char    *param)
{
  g_return_val_if_fail (LI_IS_SWEEP_DIALOG (self), FALSE);

  for (guint i = 0; self->params != NULL && self->params[i] != NULL; i++)
    if (g_str_equal (self->params[i], param))
      {
        if (gtk_drop_down_get_selected (self->param_drop) == i)
          _li_sweep_dialog_param_selected_cb (self);
        else
          gtk_drop_down_set_selected (self->param_drop, i);
        return TRUE;
      }
  return FALSE;
}

void
li_sweep_dialog_set_range (LiSweepDialog *self,
                           double         from,
                           double         to,
                           guint          steps)
{
  g_return_if_fail (LI_IS_SWEEP_DIALOG (self));

  gtk_spin_button_set_value (self->from_spin, from);
  gtk_spin_button_set_value (self->to_spin, to);
  gtk_spin_button_set_value (self->steps_spin, steps);
  _li_sweep_dialog_run (self);
}

void
li_sweep_dialog_set_metric (LiSweepDialog *self,
                            guint          metric)
{
  g_return_if_fail (LI_IS_SWEEP_DIALOG (self));

  gtk_drop_down_set_selected (self->metric_drop, metric);
}

gboolean
li_sweep_dialog_is_running (LiSweepDialog *self)
{
  g_return_val_if_fail (LI_IS_SWEEP_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

const LiSweep *
li_sweep_dialog_get_sweep (LiSweepDialog *self)
{
  g_return_val_if_fail (LI_IS_SWEEP_DIALOG (self), NULL);

  return self->sweep;
}

GArray *
li_sweep_dialog_dup_series (LiSweepDialog *self)
{
  guint metric;
  GArray *ys = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_val_if_fail (LI_IS_SWEEP_DIALOG (self), ys);

  metric = gtk_drop_down_get_selected (self->metric_drop);
  for (guint i = 0; self->sweep != NULL && i < self->sweep->n_points; i++)
    {
      double y = _li_metric_value (self->sweep->points[i].replay, metric);
      g_array_append_val (ys, y);
    }
  return ys;
}

gboolean
li_sweep_dialog_apply_point (LiSweepDialog *self,
                             guint          index)
{
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;
  g_autofree char *status = NULL;

  g_return_val_if_fail (LI_IS_SWEEP_DIALOG (self), FALSE);

  if (self->sweep == NULL || index >= self->sweep->n_points)
    return FALSE;
  rules = li_rules_copy (li_project_get_rules (self->project));
  if (!li_rules_param_set (rules, self->sweep->param, self->sweep->points[index].value, &error))
    {
      _li_sweep_dialog_set_status (self, error->message);
      return FALSE;
    }
  li_line_chart_set_cursor (self->chart, index);
  li_project_commit_rules (self->project, rules, NULL);

  label = li_sweep_param_label (rules, self->sweep->param);
  value = li_line_chart_format_value (LI_LINE_CHART_NUMBER, self->sweep->points[index].value);
  /* Translators: after a click on the sweep chart: "add_to_cart: points set to 20" */
  status = g_strdup_printf (_("%s set to %s. Undo with Ctrl+Z."), label, value);
  _li_sweep_dialog_set_status (self, status);
  _li_sweep_dialog_update_readout (self);
  return TRUE;
}

LiGoalPanel *
li_sweep_dialog_get_goal_panel (LiSweepDialog *self)
{
  g_return_val_if_fail (LI_IS_SWEEP_DIALOG (self), NULL);

  return self->goal_panel;
}

const char *
li_sweep_dialog_get_status (LiSweepDialog *self)
{
  g_return_val_if_fail (LI_IS_SWEEP_DIALOG (self), NULL);

  return gtk_label_get_text (self->status_label);
}
