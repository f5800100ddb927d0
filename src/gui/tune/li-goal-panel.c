/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "li-goal-panel.h"

#include "li-confidence.h"
#include "li-line-chart.h"
#include "li-rules-param.h"

struct _LiGoalPanel
{
  AdwBin          parent_instance;

  GtkDropDown    *stage_drop;
  GtkDropDown    *kind_drop;
  GtkSpinButton  *target_spin;
  GtkSpinner     *spinner;
  GtkLabel       *summary_label;
  GtkButton      *apply_button;

  LiProject      *project;
  GStrv           stage_names;  /* behind stage_drop: stages but the catch-all */
  LiGoalResult   *result;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (LiGoalPanel, li_goal_panel, ADW_TYPE_BIN)

typedef struct
{
  LiRules         *rules;
  LiDataset       *dataset;
  guint            stage;
  LiGoalKind       kind;
  double           target;
  LiReplayOptions  options;
} LiGoalJob;

static void
_li_goal_job_free (LiGoalJob *job)
{
  li_rules_free (job->rules);
  g_clear_object (&job->dataset);
  g_free (job);
}

static char *
_li_goal_panel_describe (const LiGoalResult *r)
{
  g_autofree LiStageConfidence *c = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *precision = NULL;
  g_autofree char *recall = NULL;
  const LiStageMetrics *m;
  GString *text;

  if (!r->reached)
    return g_strdup (_("No threshold reaches this goal on the data in use."));
  m = &r->replay->stages[r->stage];
  c = li_confidence_compute (r->replay, r->rules);
  precision = li_format_share_interval (m->precision, c[r->stage].precision_low, c[r->stage].precision_high);
  recall = li_format_share_interval (m->recall, c[r->stage].recall_low, c[r->stage].recall_high);
  text = g_string_new (NULL);
  if (r->has_current)
    /* Translators: the result of "Find a threshold" */
    g_string_append_printf (text, _("Minimum score %g (now %g): precision %s, recall %s, %.1f leads a day."),
                            r->min_score, r->current, precision, recall, r->leads_per_day);
  else
    g_string_append_printf (text, _("Minimum score %g: precision %s, recall %s, %.1f leads a day."),
                            r->min_score, precision, recall, r->leads_per_day);
  warnings = li_confidence_warnings (r->replay, r->rules, r->stage, &c[r->stage]);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_string_append_printf (text, "\n⚠ %s", warnings[i]);
  return g_string_free (text, FALSE);
}

static void
_li_goal_panel_fill (LiGoalPanel *self)
{
  const LiRules *rules = li_project_get_rules (self->project);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autoptr(GtkStringList) list = NULL;

  for (guint s = 0; s + 1 < rules->n_stages; s++)
    g_strv_builder_add (builder, rules->stages[s].name);
  names = g_strv_builder_end (builder);
  if (self->stage_names != NULL && g_strv_equal ((const char * const *) names, (const char * const *) self->stage_names))
    return;
  list = gtk_string_list_new ((const char * const *) names);
  gtk_drop_down_set_model (self->stage_drop, G_LIST_MODEL (list));
  g_strfreev (self->stage_names);
  self->stage_names = g_steal_pointer (&names);
}

static void
_li_goal_panel_run_thread (GTask        *task,
                           gpointer      source,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  LiGoalJob *job = task_data;
  GError *error = NULL;
  LiGoalResult *result;

  result = li_goal_threshold (job->rules, li_dataset_get_store (job->dataset), li_dataset_get_leads (job->dataset),
                              job->stage, job->kind, job->target, &job->options, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) li_goal_result_free);
}

static void
_li_goal_panel_run_done_cb (GObject      *source,
                            GAsyncResult *res,
                            gpointer      user_data)
{
  g_autoptr(LiGoalPanel) self = user_data;
  g_autoptr(GError) error = NULL;
  LiGoalResult *result = g_task_propagate_pointer (G_TASK (res), &error);
  g_autofree char *summary = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (res)) != self->cancellable)
    {
      g_clear_pointer (&result, li_goal_result_free);
      return;
    }
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->result, li_goal_result_free);
  if (result == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  self->result = result;
  summary = _li_goal_panel_describe (result);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), result->reached);
}

static void
_li_goal_panel_run (LiGoalPanel *self)
{
  LiDataset *dataset = self->project ? li_project_get_dataset (self->project) : NULL;
  guint stage = gtk_drop_down_get_selected (self->stage_drop);
  LiGoalKind kind = gtk_drop_down_get_selected (self->kind_drop);
  double target = gtk_spin_button_get_value (self->target_spin);
  g_autoptr(GTask) task = NULL;
  LiGoalJob *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->result, li_goal_result_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  if (dataset == NULL || li_dataset_get_store (dataset) == NULL || self->stage_names == NULL ||
      stage >= g_strv_length (self->stage_names))
    {
      gtk_label_set_text (self->summary_label, _("Import events and have a stage above the catch-all."));
      return;
    }
  job = g_new0 (LiGoalJob, 1);
  job->rules = li_rules_copy (li_project_get_rules (self->project));
  job->dataset = g_object_ref (dataset);
  job->stage = stage;
  job->kind = kind;
  job->target = kind == LI_GOAL_CAPACITY ? target : target / 100.0;
  li_project_get_time_range (self->project, &job->options.has_from, &job->options.from_ms,
                             &job->options.has_to, &job->options.to_ms);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, _li_goal_panel_run_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, _li_goal_panel_run);
  g_task_set_task_data (task, job, (GDestroyNotify) _li_goal_job_free);
  g_task_run_in_thread (task, _li_goal_panel_run_thread);
  gtk_spinner_start (self->spinner);
  gtk_label_set_text (self->summary_label, _("Trying thresholds…"));
}

static void
_li_goal_panel_find_clicked_cb (LiGoalPanel *self)
{
  _li_goal_panel_run (self);
}

static void
_li_goal_panel_apply_clicked_cb (LiGoalPanel *self)
{
  li_goal_panel_apply (self);
}

/* Precision and recall are percentages, capacity leads per day. */
static void
_li_goal_panel_kind_selected_cb (LiGoalPanel *self)
{
  LiGoalKind kind = gtk_drop_down_get_selected (self->kind_drop);

  gtk_spin_button_set_range (self->target_spin, 0, kind == LI_GOAL_CAPACITY ? 1000000 : 100);
}

static void
_li_goal_panel_rules_changed_cb (LiProject   *project,
                                 LiGoalPanel *self)
{
  _li_goal_panel_fill (self);
}

static void
li_goal_panel_dispose (GObject *object)
{
  LiGoalPanel *self = LI_GOAL_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_GOAL_PANEL);
  G_OBJECT_CLASS (li_goal_panel_parent_class)->dispose (object);
}

static void
li_goal_panel_finalize (GObject *object)
{
  LiGoalPanel *self = LI_GOAL_PANEL (object);

  g_clear_pointer (&self->result, li_goal_result_free);
  g_clear_pointer (&self->stage_names, g_strfreev);
  G_OBJECT_CLASS (li_goal_panel_parent_class)->finalize (object);
}

static void
li_goal_panel_class_init (LiGoalPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_goal_panel_dispose;
  object_class->finalize = li_goal_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/tune/li-goal-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LiGoalPanel, stage_drop);
  gtk_widget_class_bind_template_child (widget_class, LiGoalPanel, kind_drop);
  gtk_widget_class_bind_template_child (widget_class, LiGoalPanel, target_spin);
  gtk_widget_class_bind_template_child (widget_class, LiGoalPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiGoalPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiGoalPanel, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, _li_goal_panel_find_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_goal_panel_apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_goal_panel_kind_selected_cb);
}

static void
li_goal_panel_init (LiGoalPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
li_goal_panel_new (void)
{
  return g_object_new (LI_TYPE_GOAL_PANEL, NULL);
}

void
li_goal_panel_set_project (LiGoalPanel *self,
                           LiProject   *project)
{
  g_return_if_fail (LI_IS_GOAL_PANEL (self));
  g_return_if_fail (LI_IS_PROJECT (project));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  g_signal_connect_object (project, "rules-changed", G_CALLBACK (_li_goal_panel_rules_changed_cb), self, 0);
  _li_goal_panel_fill (self);
}

void
li_goal_panel_find (LiGoalPanel *self,
                    guint        stage,
                    LiGoalKind   kind,
                    double       target)
{
  g_return_if_fail (LI_IS_GOAL_PANEL (self));

  gtk_drop_down_set_selected (self->stage_drop, stage);
  gtk_drop_down_set_selected (self->kind_drop, kind);
  gtk_spin_button_set_value (self->target_spin, kind == LI_GOAL_CAPACITY ? target : 100 * target);
  _li_goal_panel_run (self);
}

gboolean
li_goal_panel_is_running (LiGoalPanel *self)
{
  g_return_val_if_fail (LI_IS_GOAL_PANEL (self), FALSE);

  return self->cancellable != NULL;
}

const LiGoalResult *
li_goal_panel_get_result (LiGoalPanel *self)
{
  g_return_val_if_fail (LI_IS_GOAL_PANEL (self), NULL);

  return self->result;
}

gboolean
li_goal_panel_apply (LiGoalPanel *self)
{
  g_autoptr(LiRules) rules = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (LI_IS_GOAL_PANEL (self), FALSE);

  if (self->result == NULL || !self->result->reached)
    return FALSE;
  rules = li_rules_copy (li_project_get_rules (self->project));
  path = g_strdup_printf ("stages[%u].min_score", self->result->stage);
  if (!li_rules_param_set (rules, path, self->result->min_score, NULL))
    return FALSE;
  li_project_commit_rules (self->project, rules, NULL);
  return TRUE;
}

const char *
li_goal_panel_get_summary (LiGoalPanel *self)
{
  g_return_val_if_fail (LI_IS_GOAL_PANEL (self), NULL);

  return gtk_label_get_text (self->summary_label);
}
