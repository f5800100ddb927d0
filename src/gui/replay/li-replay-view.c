/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-replay-view.c — the replay results: summary, histogram, stage table
 *
 * The view shows one LiReplayResult (it keeps a reference) and the stage
 * thresholds of the rules it was given (it copies what it needs, not the
 * rules).  While a replay runs the old numbers stay visible and a spinner
 * shows in the header.  Threshold drags on the histogram are re-emitted as
 * ::threshold-changed; debouncing is the window's business. */

#include "config.h"

#include "li-replay-view.h"

#include <glib/gi18n.h>

#include "li-format.h"
#include "li-histogram.h"
#include "li-rule-diagnostics-list.h"
#include "li-stage-table.h"

struct _LiReplayView
{
  AdwBin          parent_instance;

  /* template */
  GtkStack       *stack;
  GtkRevealer    *stale_revealer;
  AdwStatusPage  *empty_page;
  GtkWidget      *import_button;
  GtkWidget      *results_scroller;
  GtkWidget      *busy_box;
  GtkSpinner     *busy_spinner;
  GtkLabel       *subtitle_label;
  GtkLabel       *leads_label;
  GtkLabel       *converters_label;
  GtkLabel       *base_rate_label;
  GtkLabel       *auc_label;
  GtkLabel       *skipped_label;
  LiHistogram    *histogram;
  LiStageTable   *stage_table;
  GtkWidget      *rules_box;
  LiRuleDiagnosticsList *rule_list;

  LiReplayResult *result;
  char           *skipped_text;  /* the number in skipped_label */
  guint           spinner_timeout_id;  /* shows the spinner of a long replay */
  gboolean        busy;
  gboolean        stale;
};

/* A replay shorter than this shows no spinner: on a large export every
 * frame of its animation redraws the view, which took as much CPU as the
 * replay itself and doubled the edit → redraw time (issue 13). */
#define LI_REPLAY_VIEW_SPINNER_DELAY_MS 500

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum
{
  THRESHOLD_CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (LiReplayView, li_replay_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkLabel *
_li_replay_view_summary_label (LiReplayView    *self,
                               LiReplaySummary  which)
{
  switch (which)
    {
    case LI_REPLAY_SUMMARY_LEADS:
      return self->leads_label;
    case LI_REPLAY_SUMMARY_CONVERTERS:
      return self->converters_label;
    case LI_REPLAY_SUMMARY_BASE_RATE:
      return self->base_rate_label;
    case LI_REPLAY_SUMMARY_AUC:
      return self->auc_label;
    case LI_REPLAY_SUMMARY_SKIPPED_LEADS:
      return self->skipped_label;
    case LI_N_REPLAY_SUMMARIES:
    default:
      break;
    }

  return NULL;
}

static void
_li_replay_view_set_summary (LiReplayView    *self,
                             LiReplaySummary  which,
                             const char      *text)
{
  GtkLabel *label = _li_replay_view_summary_label (self, which);

  if (which == LI_REPLAY_SUMMARY_SKIPPED_LEADS)
    {
      g_autofree char *line = NULL;
      gulong n = self->result != NULL ? self->result->skipped_leads : 0;

      g_free (self->skipped_text);
      self->skipped_text = g_strdup (text);
      /* Translators: under the number of leads; %s is a number of leads
       * left out of the replay (no event before their first purchase) */
      line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s skipped", "%s skipped", n), text);
      gtk_label_set_text (label, self->result != NULL ? line : "");
      return;
    }

  gtk_label_set_text (label, text);
}

static void
_li_replay_view_show_spinner (LiReplayView *self,
                              gboolean      shown)
{
  gtk_spinner_set_spinning (self->busy_spinner, shown);
  gtk_widget_set_visible (self->busy_box, shown);
}

static gboolean
_li_replay_view_show_spinner_cb (gpointer user_data)
{
  LiReplayView *self = user_data;

  self->spinner_timeout_id = 0;
  _li_replay_view_show_spinner (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
_li_replay_view_threshold_changed_cb (LiReplayView *self,
                                      guint         stage_index,
                                      double        min_score,
                                      LiHistogram  *histogram)
{
  g_signal_emit (self, signals[THRESHOLD_CHANGED], 0, stage_index, min_score);
}

static void
li_replay_view_dispose (GObject *object)
{
  LiReplayView *self = LI_REPLAY_VIEW (object);

  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_REPLAY_VIEW);
  g_clear_pointer (&self->result, li_replay_result_unref);
  g_clear_pointer (&self->skipped_text, g_free);

  G_OBJECT_CLASS (li_replay_view_parent_class)->dispose (object);
}

static void
li_replay_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiReplayView *self = LI_REPLAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_replay_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiReplayView *self = LI_REPLAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      li_replay_view_set_busy (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_replay_view_class_init (LiReplayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_replay_view_dispose;
  object_class->get_property = li_replay_view_get_property;
  object_class->set_property = li_replay_view_set_property;

  /**
   * LiReplayView:busy:
   *
   * Whether a replay is running (a spinner shows; the old numbers stay).
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiReplayView::threshold-changed:
   * @self: the view
   * @stage_index: index of the stage in LiRules.stages
   * @min_score: the new minimum score (snapped to 0.5 or 1 point)
   *
   * The user moved a stage threshold on the histogram; emitted continuously
   * while dragging.
   */
  signals[THRESHOLD_CHANGED] =
    g_signal_new ("threshold-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_DOUBLE);

  g_type_ensure (LI_TYPE_HISTOGRAM);
  g_type_ensure (LI_TYPE_STAGE_TABLE);
  g_type_ensure (LI_TYPE_RULE_DIAGNOSTICS_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/replay/li-replay-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, stack);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, stale_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, import_button);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, busy_box);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, leads_label);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, converters_label);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, base_rate_label);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, auc_label);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, histogram);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, stage_table);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, rules_box);
  gtk_widget_class_bind_template_child (widget_class, LiReplayView, rule_list);
  gtk_widget_class_bind_template_callback (widget_class, _li_replay_view_threshold_changed_cb);
}

static void
li_replay_view_init (LiReplayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _li_replay_view_set_summary (self, LI_REPLAY_SUMMARY_SKIPPED_LEADS, LI_FORMAT_NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
li_replay_view_new (void)
{
  return g_object_new (LI_TYPE_REPLAY_VIEW, NULL);
}

void
li_replay_view_set_result (LiReplayView   *self,
                           LiReplayResult *result,
                           const LiRules  *rules)
{
  g_return_if_fail (LI_IS_REPLAY_VIEW (self));

  li_replay_view_set_stale (self, FALSE);
  if (result != self->result)
    {
      if (result != NULL)
        li_replay_result_ref (result);
      g_clear_pointer (&self->result, li_replay_result_unref);
      self->result = result;
    }

  /* Thresholds follow the rules even without a result, so that the lines
   * are in place when the first result arrives. */
  li_histogram_set_stages (self->histogram, rules);

  if (result == NULL)
    {
      li_histogram_set_bins (self->histogram, NULL, 0, 0.0, 0.0);
      li_stage_table_set_stages (self->stage_table, NULL, 0, NULL);
      li_rule_diagnostics_list_set (self->rule_list, NULL);
      gtk_widget_set_visible (self->rules_box, FALSE);
      for (guint i = 0; i < LI_N_REPLAY_SUMMARIES; i++)
        _li_replay_view_set_summary (self, i, LI_FORMAT_NULL);
      gtk_label_set_text (self->subtitle_label, _("How these rules would have scored past leads"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < LI_N_REPLAY_SUMMARIES; i++)
    {
      g_autofree char *text = li_replay_view_format_summary (result, i);

      _li_replay_view_set_summary (self, i, text);
    }

  {
    g_autofree char *events = li_format_count (result->n_events);
    g_autofree char *subtitle = NULL;

    /* Translators: subtitle of the replay view; %s is a number of events */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "How these rules would have scored past leads, over %s journey event",
                                             "How these rules would have scored past leads, over %s journey events",
                                             (gulong) MIN (result->n_events, G_MAXULONG)),
                                events);
    gtk_label_set_text (self->subtitle_label, subtitle);
  }

  li_histogram_set_bins (self->histogram, result->bins, result->bins != NULL ? result->n_bins : 0,
                         result->min_peak, result->max_peak);
  li_stage_table_set_stages (self->stage_table, result->stages, result->n_stages, rules);
  /* The window's replays get theirs a step later (set_rule_diagnostics);
   * until then the older rules' list stays, as the old numbers do while a
   * replay runs. */
  if (result->diagnostics != NULL)
    li_replay_view_set_rule_diagnostics (self, result->diagnostics);

  gtk_stack_set_visible_child_name (self->stack, "results");
}

void
li_replay_view_set_rule_diagnostics (LiReplayView            *self,
                                     const LiRuleDiagnostics *diagnostics)
{
  g_return_if_fail (LI_IS_REPLAY_VIEW (self));

  li_rule_diagnostics_list_set (self->rule_list, diagnostics);
  gtk_widget_set_visible (self->rules_box, diagnostics != NULL && diagnostics->n_rules > 0);
}

void
li_replay_view_set_busy (LiReplayView *self,
                         gboolean      busy)
{
  g_return_if_fail (LI_IS_REPLAY_VIEW (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  if (busy)
    self->spinner_timeout_id = g_timeout_add (LI_REPLAY_VIEW_SPINNER_DELAY_MS,
                                              _li_replay_view_show_spinner_cb, self);
  else
    _li_replay_view_show_spinner (self, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_BUSY, busy,
                               -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
li_replay_view_set_stale (LiReplayView *self,
                          gboolean      stale)
{
  g_return_if_fail (LI_IS_REPLAY_VIEW (self));

  stale = !!stale;
  if (self->stale == stale)
    return;

  self->stale = stale;
  /* Without numbers on screen there is nothing out of date to mark; the
   * empty page says why there are none instead of asking for data. */
  adw_status_page_set_description (self->empty_page,
                                   stale ? _("The rules have problems. Fix them to see how they would have scored past leads.")
                                         : _("Import events to see how these rules would have scored past leads and which of them bought."));
  gtk_widget_set_visible (self->import_button, !stale);
  stale = stale && self->result != NULL;
  gtk_revealer_set_reveal_child (self->stale_revealer, stale);
  if (stale)
    gtk_widget_add_css_class (self->results_scroller, "stale-results");
  else
    gtk_widget_remove_css_class (self->results_scroller, "stale-results");
}

gboolean
li_replay_view_get_stale (LiReplayView *self)
{
  g_return_val_if_fail (LI_IS_REPLAY_VIEW (self), FALSE);

  return self->stale;
}

LiReplayResult *
li_replay_view_get_result (LiReplayView *self)
{
  g_return_val_if_fail (LI_IS_REPLAY_VIEW (self), NULL);

  return self->result;
}

gboolean
li_replay_view_get_busy (LiReplayView *self)
{
  g_return_val_if_fail (LI_IS_REPLAY_VIEW (self), FALSE);

  return self->busy;
}

gboolean
li_replay_view_get_empty (LiReplayView *self)
{
  g_return_val_if_fail (LI_IS_REPLAY_VIEW (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

const char *
li_replay_view_get_summary_text (LiReplayView    *self,
                                 LiReplaySummary  which)
{
  GtkLabel *label;

  g_return_val_if_fail (LI_IS_REPLAY_VIEW (self), NULL);

  label = _li_replay_view_summary_label (self, which);
  g_return_val_if_fail (label != NULL, NULL);

  if (which == LI_REPLAY_SUMMARY_SKIPPED_LEADS)
    return self->skipped_text != NULL ? self->skipped_text : LI_FORMAT_NULL;

  return gtk_label_get_text (label);
}

GtkWidget *
li_replay_view_get_histogram (LiReplayView *self)
{
  g_return_val_if_fail (LI_IS_REPLAY_VIEW (self), NULL);

  return GTK_WIDGET (self->histogram);
}

GtkWidget *
li_replay_view_get_rule_list (LiReplayView *self)
{
  g_return_val_if_fail (LI_IS_REPLAY_VIEW (self), NULL);

  return GTK_WIDGET (self->rule_list);
}

GtkWidget *
li_replay_view_get_stage_table (LiReplayView *self)
{
  g_return_val_if_fail (LI_IS_REPLAY_VIEW (self), NULL);

  return GTK_WIDGET (self->stage_table);
}

char *
li_replay_view_format_summary (const LiReplayResult *result,
                               LiReplaySummary       which)
{
  if (result == NULL)
    return g_strdup (LI_FORMAT_NULL);

  switch (which)
    {
    case LI_REPLAY_SUMMARY_LEADS:
      return li_format_count (result->leads);
    case LI_REPLAY_SUMMARY_CONVERTERS:
      return li_format_count (result->converters);
    case LI_REPLAY_SUMMARY_BASE_RATE:
      return li_format_percent (result->base_rate);
    case LI_REPLAY_SUMMARY_AUC:
      return li_format_fixed (result->auc, 3);
    case LI_REPLAY_SUMMARY_SKIPPED_LEADS:
      return li_format_count (result->skipped_leads);
    case LI_N_REPLAY_SUMMARIES:
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}
