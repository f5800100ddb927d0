/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-lead-inspector.c — why a lead has its score
 *
 * Shows li_explain_lead's parts in three plain grids: a lead has a handful
 * of rules, and its events are capped at the most recent ones. */

#include "config.h"

#include "li-lead-inspector.h"

#include <string.h>

#include <glib/gi18n.h>

#include "li-explain.h"
#include "li-format.h"
#include "li-time.h"
#include "li-plan.h"
#include "li-score-chart.h"
#include "li-score-curve.h"
#include "li-what-if.h"

/* Rule edits listed at most under "What Would Change Its Stage". */
#define LI_INSPECTOR_MAX_WHAT_IFS 3

/* Samples of the score between two events on the curve. */
#define LI_INSPECTOR_CURVE_SAMPLES 24

/* Events listed at most (the most recent ones). */
#define LI_INSPECTOR_MAX_EVENTS 300

struct _LiLeadInspector
{
  AdwBin     parent_instance;

  GtkStack  *stack;
  AdwStatusPage *empty_page;
  GtkLabel  *title_label;
  GtkLabel  *summary_label;
  GtkGrid   *rules_grid;
  GtkGrid   *fit_grid;
  GtkLabel  *events_heading;
  GtkGrid   *events_grid;
  LiScoreChart *score_chart;
  GtkWidget *what_if_heading;
  GtkLabel  *what_if_label;

  char      *lead_id;
  char      *summary;
  guint      n_rules;
  guint      n_fit;
  guint      n_events;
};

G_DEFINE_FINAL_TYPE (LiLeadInspector, li_lead_inspector, ADW_TYPE_BIN)

static void
_li_grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* A cell: numbers right-aligned, text left; @header in bold. */
static GtkWidget *
_li_grid_cell (GtkGrid    *grid,
               int         column,
               int         row,
               const char *text,
               gboolean    numeric,
               gboolean    header)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "");

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (header)
    gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_hexpand (label, column == 0);
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

/* A row's first cell takes the focus (Tab, then the arrow keys move from
 * row to row) and reads the whole row to screen readers. */
static void
_li_grid_row_focus (GtkWidget  *first,
                    const char *description)
{
  gtk_widget_set_focusable (first, TRUE);
  gtk_widget_add_css_class (first, "inspector-cell");
  gtk_accessible_update_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static const LiRulePart *
_li_find_rule (const LiExplanation *explanation,
               LiExplainSection     section,
               guint                index)
{
  for (guint i = 0; i < explanation->n_rules; i++)
    if (explanation->rules[i].section == section && explanation->rules[i].index == index)
      return &explanation->rules[i];
  return NULL;
}

static const char *
_li_event_prop (const LiEventStore *store,
                guint32             event,
                const char         *key)
{
  guint32 key_id, value;

  if (!li_str_pool_lookup (store->keys, key, strlen (key), &key_id) ||
      !li_event_store_get_prop (store, event, key_id, &value))
    return "";
  return li_str_pool_get (store->values, value);
}

static void
_li_lead_inspector_fill (LiLeadInspector     *self,
                         const LiExplanation *explanation)
{
  const LiEventStore *store = explanation->store;
  g_autofree char *score = li_format_score (explanation->score.score);
  g_autofree char *intent = li_format_score (explanation->score.intent);
  g_autofree char *fit = li_format_score (explanation->score.fit);
  g_autofree char *as_of = li_time_format (explanation->as_of_ms);
  guint first_event;
  int row;

  g_free (self->summary);
  /* Translators: score, intent, fit, stage and the time they are taken at */
  self->summary = g_strdup_printf (_("Score %s · intent %s · fit %s · %s · at its last journey event, %s"),
                                   score, intent, fit, explanation->stage, as_of);
  gtk_label_set_text (self->title_label, explanation->lead_id);
  gtk_label_set_text (self->summary_label, self->summary);

  /* Intent rules and patterns. */
  _li_grid_clear (self->rules_grid);
  _li_grid_cell (self->rules_grid, 0, 0, _("Rule"), FALSE, TRUE);
  _li_grid_cell (self->rules_grid, 1, 0, _("Contribution"), TRUE, TRUE);
  _li_grid_cell (self->rules_grid, 2, 0, _("Raw"), TRUE, TRUE);
  _li_grid_cell (self->rules_grid, 3, 0, _("Count"), TRUE, TRUE);
  self->n_rules = 0;
  row = 1;
  for (guint i = 0; i < explanation->n_rules; i++)
    {
      const LiRulePart *part = &explanation->rules[i];
      g_autofree char *contribution = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *count = NULL;
      g_autofree char *name = NULL;

      if (part->section == LI_EXPLAIN_FIT)
        continue;
      contribution = li_format_score (part->contribution);
      raw = li_format_score (part->raw);
      count = li_format_count (part->count);
      name = part->section == LI_EXPLAIN_PATTERNS
             /* Translators: a behaviour pattern in the lead inspector */
             ? g_strdup_printf (_("%s (pattern)"), part->name)
             : g_strdup (part->name);
      {
        /* Translators: a row of the inspector's rules table, read by screen readers */
        g_autofree char *text = g_strdup_printf (_("%s: contribution %s, raw %s, count %s"), name,
                                                 contribution, raw, count);
        _li_grid_row_focus (_li_grid_cell (self->rules_grid, 0, row, name, FALSE, FALSE), text);
      }
      _li_grid_cell (self->rules_grid, 1, row, contribution, TRUE, FALSE);
      _li_grid_cell (self->rules_grid, 2, row, raw, TRUE, FALSE);
      _li_grid_cell (self->rules_grid, 3, row, count, TRUE, FALSE);
      row++;
      self->n_rules++;
    }

  /* Fit rules. */
  _li_grid_clear (self->fit_grid);
  _li_grid_cell (self->fit_grid, 0, 0, _("Attribute"), FALSE, TRUE);
  _li_grid_cell (self->fit_grid, 1, 0, _("Value"), FALSE, TRUE);
  _li_grid_cell (self->fit_grid, 2, 0, _("From"), FALSE, TRUE);
  _li_grid_cell (self->fit_grid, 3, 0, _("Points"), TRUE, TRUE);
  self->n_fit = 0;
  row = 1;
  for (guint i = 0; i < explanation->n_rules; i++)
    {
      const LiRulePart *part = &explanation->rules[i];
      g_autofree char *points = NULL;
      const char *source;

      if (part->section != LI_EXPLAIN_FIT)
        continue;
      points = li_format_score (part->contribution);
      source = part->source == LI_FIT_SOURCE_EVENT ? _("events")
               : part->source == LI_FIT_SOURCE_LEADS ? _("leads file")
               : _("missing");
      {
        /* Translators: a row of the inspector's fit table, read by screen readers */
        g_autofree char *text = g_strdup_printf (_("%s: value %s from %s, %s points"), part->name,
                                                 part->value != NULL ? part->value : LI_FORMAT_NULL,
                                                 source, points);
        _li_grid_row_focus (_li_grid_cell (self->fit_grid, 0, row, part->name, FALSE, FALSE), text);
      }
      _li_grid_cell (self->fit_grid, 1, row, part->value != NULL ? part->value : LI_FORMAT_NULL, FALSE, FALSE);
      _li_grid_cell (self->fit_grid, 2, row, source, FALSE, FALSE);
      _li_grid_cell (self->fit_grid, 3, row, points, TRUE, FALSE);
      row++;
      self->n_fit++;
    }
  if (self->n_fit == 0)
    {
      _li_grid_clear (self->fit_grid);
      _li_grid_cell (self->fit_grid, 0, 0, _("The rules have no fit rules"), FALSE, FALSE);
    }

  /* Events, the most recent LI_INSPECTOR_MAX_EVENTS. */
  _li_grid_clear (self->events_grid);
  _li_grid_cell (self->events_grid, 0, 0, _("Time"), FALSE, TRUE);
  _li_grid_cell (self->events_grid, 1, 0, _("Event"), FALSE, TRUE);
  _li_grid_cell (self->events_grid, 2, 0, _("Product"), FALSE, TRUE);
  _li_grid_cell (self->events_grid, 3, 0, _("Category"), FALSE, TRUE);
  _li_grid_cell (self->events_grid, 4, 0, _("Points added"), FALSE, TRUE);
  first_event = explanation->n_events > LI_INSPECTOR_MAX_EVENTS
                ? explanation->n_events - LI_INSPECTOR_MAX_EVENTS : 0;
  self->n_events = 0;
  row = 1;
  for (guint i = first_event; i < explanation->n_events; i++)
    {
      const LiEventPart *event = &explanation->events[i];
      g_autofree char *time = li_time_format (store->time_ms[event->event]);
      g_autoptr(GString) points = g_string_new (NULL);

      for (guint p = event->first; p < event->first + event->n_points; p++)
        {
          const LiEventPoints *added = &explanation->points[p];
          const LiRulePart *part = _li_find_rule (explanation, added->section, added->index);
          g_autofree char *value = li_format_score (added->points);

          if (points->len > 0)
            g_string_append (points, ", ");
          g_string_append_printf (points, "%s%s %s", added->points >= 0 ? "+" : "", value,
                                  part != NULL ? part->name : "?");
        }
      if (event->outcome)
        g_string_append (points, _("outcome: intent starts again"));

      {
        /* Translators: a row of the inspector's events table, read by screen readers */
        g_autofree char *text = g_strdup_printf (_("%s, %s: %s"), time,
                                                 li_str_pool_get (store->names, store->name[event->event]),
                                                 points->len > 0 ? points->str : _("no points"));
        _li_grid_row_focus (_li_grid_cell (self->events_grid, 0, row, time, TRUE, FALSE), text);
      }
      _li_grid_cell (self->events_grid, 1, row, li_str_pool_get (store->names, store->name[event->event]), FALSE, FALSE);
      _li_grid_cell (self->events_grid, 2, row, _li_event_prop (store, event->event, "product_id"), FALSE, FALSE);
      _li_grid_cell (self->events_grid, 3, row, _li_event_prop (store, event->event, "category"), FALSE, FALSE);
      _li_grid_cell (self->events_grid, 4, row, points->str, FALSE, FALSE);
      row++;
      self->n_events++;
    }

  if (first_event > 0)
    {
      g_autofree char *shown = li_format_count (self->n_events);
      g_autofree char *total = li_format_count (explanation->n_events);
      /* Translators: the events heading when only the most recent are listed */
      g_autofree char *heading = g_strdup_printf (_("Events (the last %s of %s)"), shown, total);

      gtk_label_set_text (self->events_heading, heading);
    }
  else
    gtk_label_set_text (self->events_heading, _("Events"));
}

/* The score curve of the journey the explanation is about: up to
 * @as_of_ms, and on to the purchase that ended it. */
static void
_li_lead_inspector_curve (LiLeadInspector *self,
                          const LiPlan    *plan,
                          const char      *lead_id,
                          gint64           as_of_ms)
{
  g_autoptr(LiScoreCurve) curve = li_score_curve_new (plan, lead_id, as_of_ms,
                                                      LI_INSPECTOR_CURVE_SAMPLES, NULL);

  li_score_chart_set_curve (self->score_chart, curve, li_plan_get_rules (plan));
}

/* The few smallest edits that would move the lead to another stage. */
static void
_li_lead_inspector_what_if (LiLeadInspector     *self,
                            const LiExplanation *explanation,
                            const LiRules       *rules)
{
  g_autoptr(GArray) found = li_what_if_find (explanation, rules);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = 0; k < MIN (found->len, LI_INSPECTOR_MAX_WHAT_IFS); k++)
    {
      g_autofree char *line = li_what_if_describe (&g_array_index (found, LiWhatIf, k), rules);

      g_string_append_printf (text, "%s• %s", k > 0 ? "\n" : "", line);
    }
  gtk_label_set_text (self->what_if_label, text->str);
  gtk_widget_set_visible (self->what_if_heading, found->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->what_if_label), found->len > 0);
}

static void
li_lead_inspector_dispose (GObject *object)
{
  LiLeadInspector *self = LI_LEAD_INSPECTOR (object);

  /* The stack is the bin's child and a template child: the template's
   * dispose would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_LEAD_INSPECTOR);
  g_clear_pointer (&self->lead_id, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (li_lead_inspector_parent_class)->dispose (object);
}

static void
li_lead_inspector_class_init (LiLeadInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_lead_inspector_dispose;

  g_type_ensure (LI_TYPE_SCORE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/leads/li-lead-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, LiLeadInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, LiLeadInspector, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LiLeadInspector, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiLeadInspector, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiLeadInspector, rules_grid);
  gtk_widget_class_bind_template_child (widget_class, LiLeadInspector, fit_grid);
  gtk_widget_class_bind_template_child (widget_class, LiLeadInspector, events_heading);
  gtk_widget_class_bind_template_child (widget_class, LiLeadInspector, events_grid);
  gtk_widget_class_bind_template_child (widget_class, LiLeadInspector, score_chart);
  gtk_widget_class_bind_template_child (widget_class, LiLeadInspector, what_if_heading);
  gtk_widget_class_bind_template_child (widget_class, LiLeadInspector, what_if_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
li_lead_inspector_init (LiLeadInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Lead inspector"), -1);
}

GtkWidget *
li_lead_inspector_new (void)
{
  return g_object_new (LI_TYPE_LEAD_INSPECTOR, NULL);
}

gboolean
li_lead_inspector_show_lead (LiLeadInspector *self,
                             const LiPlan    *plan,
                             const char      *lead_id,
                             gint64           as_of_ms)
{
  g_autoptr(LiExplanation) explanation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LI_IS_LEAD_INSPECTOR (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (lead_id != NULL, FALSE);

  explanation = li_explain_lead (plan, lead_id, as_of_ms, &error);
  if (explanation == NULL)
    {
      li_lead_inspector_clear (self);
      adw_status_page_set_title (self->empty_page, _("Cannot Explain This Lead"));
      adw_status_page_set_description (self->empty_page, error->message);
      return FALSE;
    }

  g_free (self->lead_id);
  self->lead_id = g_strdup (lead_id);
  _li_lead_inspector_fill (self, explanation);
  _li_lead_inspector_curve (self, plan, lead_id, as_of_ms);
  _li_lead_inspector_what_if (self, explanation, li_plan_get_rules (plan));
  gtk_stack_set_visible_child_name (self->stack, "lead");
  return TRUE;
}

void
li_lead_inspector_clear (LiLeadInspector *self)
{
  g_return_if_fail (LI_IS_LEAD_INSPECTOR (self));

  g_clear_pointer (&self->lead_id, g_free);
  g_clear_pointer (&self->summary, g_free);
  self->n_rules = self->n_fit = self->n_events = 0;
  li_score_chart_set_curve (self->score_chart, NULL, NULL);
  adw_status_page_set_title (self->empty_page, _("No Lead Selected"));
  adw_status_page_set_description (self->empty_page, _("Select a lead to see why it has its score"));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

const char *
li_lead_inspector_get_lead_id (LiLeadInspector *self)
{
  g_return_val_if_fail (LI_IS_LEAD_INSPECTOR (self), NULL);
  return self->lead_id;
}

const char *
li_lead_inspector_get_summary (LiLeadInspector *self)
{
  g_return_val_if_fail (LI_IS_LEAD_INSPECTOR (self), NULL);
  return self->summary;
}

guint
li_lead_inspector_get_n_rules (LiLeadInspector *self)
{
  g_return_val_if_fail (LI_IS_LEAD_INSPECTOR (self), 0);
  return self->n_rules;
}

guint
li_lead_inspector_get_n_fit (LiLeadInspector *self)
{
  g_return_val_if_fail (LI_IS_LEAD_INSPECTOR (self), 0);
  return self->n_fit;
}

guint
li_lead_inspector_get_n_events (LiLeadInspector *self)
{
  g_return_val_if_fail (LI_IS_LEAD_INSPECTOR (self), 0);
  return self->n_events;
}

GtkWidget *
li_lead_inspector_get_score_chart (LiLeadInspector *self)
{
  g_return_val_if_fail (LI_IS_LEAD_INSPECTOR (self), NULL);
  return GTK_WIDGET (self->score_chart);
}

const char *
li_lead_inspector_get_what_if (LiLeadInspector *self)
{
  g_return_val_if_fail (LI_IS_LEAD_INSPECTOR (self), NULL);
  return gtk_label_get_text (self->what_if_label);
}
