/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-compare-view.c — two rule versions side by side (SPEC 6)
 *
 * A is the version compared against (the baseline), B the draft; every
 * delta is B − A.  The view keeps its own copy of the comparison (the
 * results are referenced, the rest is small), so the window may free its
 * LiComparison right after set_comparison().  Each call updates the labels
 * in place and rebuilds only what changed shape (stage rows, matrix cells,
 * rule-change groups): the window calls it after every replay of the
 * draft.
 *
 * The delta logic (formatting, better/worse) is in plain functions at the
 * top, tested without a display in tests/gui/test-compare-logic.c. */

#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-compare-view.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "li-focus.h"
#include "li-format.h"
#include "li-migration-grid.h"
#include "li-overlay-histogram.h"
#include "li-versions-list.h"

#define MINUS_SIGN "\342\210\222" /* U+2212 */
#define N_STAGE_METRICS 7         /* FLAGGED … LIFT */

/* ------------------------------------------------------------------------ */
/* A lead of a migration cell, for the column view                          */
/* ------------------------------------------------------------------------ */

#define LI_TYPE_COMPARE_LEAD (li_compare_lead_get_type ())
G_DECLARE_FINAL_TYPE (LiCompareLead, li_compare_lead, LI, COMPARE_LEAD, GObject)

struct _LiCompareLead
{
  GObject  parent_instance;
  char    *lead_id;
  double   peak_a;
  double   peak_b;
};

G_DEFINE_FINAL_TYPE (LiCompareLead, li_compare_lead, G_TYPE_OBJECT)

static void
li_compare_lead_finalize (GObject *object)
{
  LiCompareLead *self = LI_COMPARE_LEAD (object);

  g_clear_pointer (&self->lead_id, g_free);

  G_OBJECT_CLASS (li_compare_lead_parent_class)->finalize (object);
}

static void
li_compare_lead_class_init (LiCompareLeadClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = li_compare_lead_finalize;
}

static void
li_compare_lead_init (LiCompareLead *self)
{
}

/* ------------------------------------------------------------------------ */
/* The view                                                                  */
/* ------------------------------------------------------------------------ */

typedef enum
{
  LEAD_COLUMN_ID,
  LEAD_COLUMN_PEAK_A,
  LEAD_COLUMN_PEAK_B,
  LEAD_COLUMN_CHANGE,
  N_LEAD_COLUMNS
} LeadColumn;

typedef struct
{
  GtkWidget *name;
  GtkWidget *value[N_STAGE_METRICS];
  GtkWidget *delta[N_STAGE_METRICS];
  GtkWidget *separator;
} StageRow;

struct _LiCompareView
{
  AdwBin              parent_instance;

  /* template */
  GtkStack           *stack;
  GtkWidget          *busy_box;
  GtkSpinner         *busy_spinner;
  GtkLabel           *subtitle_label;
  GtkMenuButton      *baseline_button;
  GtkPopover         *baseline_popover;
  LiVersionsList     *popover_versions;
  LiVersionsList     *empty_versions;
  GtkFlowBox         *summary_box;
  GtkCheckButton     *sqrt_check;
  LiOverlayHistogram *histogram;
  GtkGrid            *stage_grid;
  LiMigrationGrid    *migration_grid;
  GtkRevealer        *leads_revealer;
  GtkLabel           *leads_title;
  GtkColumnView      *leads_view;
  GtkLabel           *leads_more_label;
  GtkLabel           *changes_heading;
  GtkBox             *changes_box;

  /* built in code */
  GtkLabel           *baseline_label;
  GtkWidget          *summary_title[LI_N_COMPARE_SUMMARIES];
  GtkWidget          *summary_value[LI_N_COMPARE_SUMMARIES];
  GtkWidget          *summary_delta[LI_N_COMPARE_SUMMARIES];
  GtkWidget          *summary_a[LI_N_COMPARE_SUMMARIES];
  LiDeltaKind         summary_kind[LI_N_COMPARE_SUMMARIES];
  GArray             *stage_rows;    /* StageRow */
  GListStore         *leads_store;   /* LiCompareLead */
  GStrv               change_lines;  /* "marker text" as shown */

  /* state */
  LiComparison       *comparison;    /* our own copy, or NULL */
  LiEventStore       *store;
  char               *name_a;
  char               *name_b;
  gboolean            busy;
  GArray             *listed;        /* LiMigratedLead shown in the leads list */
  guint               n_more;
};

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum
{
  COMPARE_REQUESTED,
  RESTORE_REQUESTED,
  SNAPSHOT_REQUESTED,
  OPEN_FILE_REQUESTED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (LiCompareView, li_compare_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const LiCompareMetric stage_metrics[N_STAGE_METRICS] = {
  LI_COMPARE_METRIC_FLAGGED,
  LI_COMPARE_METRIC_TRUE_POSITIVES,
  LI_COMPARE_METRIC_FALSE_POSITIVES,
  LI_COMPARE_METRIC_FALSE_NEGATIVES,
  LI_COMPARE_METRIC_PRECISION,
  LI_COMPARE_METRIC_RECALL,
  LI_COMPARE_METRIC_LIFT,
};

static const char * const change_action_words[] = { "added", "removed", "changed" };
static const char * const section_order[] = {
  "meta", "outcome", "decay", "intent", "patterns", "fit", "stages",
};

/* ------------------------------------------------------------------------ */
/* Plain functions: deltas                                                   */
/* ------------------------------------------------------------------------ */

int
li_compare_metric_polarity (LiCompareMetric metric)
{
  switch (metric)
    {
    case LI_COMPARE_METRIC_AUC:
    case LI_COMPARE_METRIC_TRUE_POSITIVES:
    case LI_COMPARE_METRIC_PRECISION:
    case LI_COMPARE_METRIC_RECALL:
    case LI_COMPARE_METRIC_LIFT:
      return 1;

    case LI_COMPARE_METRIC_FALSE_POSITIVES:
    case LI_COMPARE_METRIC_FALSE_NEGATIVES:
      return -1;

    case LI_COMPARE_METRIC_LEADS:
    case LI_COMPARE_METRIC_CONVERTERS:
    case LI_COMPARE_METRIC_BASE_RATE:
    case LI_COMPARE_METRIC_FLAGGED:
    case LI_N_COMPARE_METRICS:
    default:
      return 0;
    }
}

static gboolean
_li_metric_is_count (LiCompareMetric metric)
{
  switch (metric)
    {
    case LI_COMPARE_METRIC_LEADS:
    case LI_COMPARE_METRIC_CONVERTERS:
    case LI_COMPARE_METRIC_FLAGGED:
    case LI_COMPARE_METRIC_TRUE_POSITIVES:
    case LI_COMPARE_METRIC_FALSE_POSITIVES:
    case LI_COMPARE_METRIC_FALSE_NEGATIVES:
      return TRUE;

    case LI_COMPARE_METRIC_BASE_RATE:
    case LI_COMPARE_METRIC_AUC:
    case LI_COMPARE_METRIC_PRECISION:
    case LI_COMPARE_METRIC_RECALL:
    case LI_COMPARE_METRIC_LIFT:
    case LI_N_COMPARE_METRICS:
    default:
      return FALSE;
    }
}

static gboolean
_li_metric_is_ratio (LiCompareMetric metric)
{
  return metric == LI_COMPARE_METRIC_BASE_RATE ||
         metric == LI_COMPARE_METRIC_PRECISION ||
         metric == LI_COMPARE_METRIC_RECALL;
}

char *
li_compare_format_value (LiCompareMetric metric,
                         double          value)
{
  if (isnan (value) || isinf (value))
    return g_strdup (LI_FORMAT_NULL);

  if (_li_metric_is_count (metric))
    return li_format_count ((guint64) MAX (value, 0.0));
  if (_li_metric_is_ratio (metric))
    return li_format_percent (value);
  if (metric == LI_COMPARE_METRIC_LIFT)
    return li_format_lift (value);

  return li_format_fixed (value, 3);
}

/* The magnitude of a delta as shown, without sign or unit. */
static char *
_li_delta_magnitude (LiCompareMetric metric,
                     double          magnitude)
{
  if (_li_metric_is_count (metric))
    return li_format_count ((guint64) llround (magnitude));
  if (_li_metric_is_ratio (metric))
    return g_strdup_printf ("%.1f", magnitude * 100.0);
  if (metric == LI_COMPARE_METRIC_LIFT)
    return g_strdup_printf ("%.2f", magnitude);

  return g_strdup_printf ("%.3f", magnitude);
}

static gboolean
_li_delta_comparable (double a,
                      double b)
{
  return !isnan (a) && !isnan (b) && !isinf (a) && !isinf (b);
}

/* Whether the delta shows as zero. */
static gboolean
_li_delta_is_zero (LiCompareMetric metric,
                   double          delta)
{
  g_autofree char *shown = _li_delta_magnitude (metric, fabs (delta));
  g_autofree char *zero = _li_delta_magnitude (metric, 0.0);

  return g_strcmp0 (shown, zero) == 0;
}

char *
li_compare_format_delta (LiCompareMetric metric,
                         double          a,
                         double          b)
{
  g_autofree char *magnitude = NULL;
  const char *sign;
  double delta;

  if (!_li_delta_comparable (a, b))
    return g_strdup (LI_FORMAT_NULL);

  delta = b - a;
  magnitude = _li_delta_magnitude (metric, fabs (delta));
  if (_li_delta_is_zero (metric, delta))
    sign = "\302\261"; /* U+00B1 PLUS-MINUS SIGN */
  else
    sign = delta > 0 ? "+" : MINUS_SIGN;

  if (_li_metric_is_ratio (metric))
    /* Translators: a change of a percentage in percentage points, e.g.
     * "+1.2 pp"; the first %s is the sign, the second the number */
    return g_strdup_printf (_("%s%s pp"), sign, magnitude);
  if (metric == LI_COMPARE_METRIC_LIFT)
    /* Translators: a change of a lift, e.g. "+0.35×"; the first %s is the
     * sign, the second the number */
    return g_strdup_printf (_("%s%s×"), sign, magnitude);

  return g_strdup_printf ("%s%s", sign, magnitude);
}

LiDeltaKind
li_compare_delta_kind (LiCompareMetric metric,
                       double          a,
                       double          b)
{
  int polarity;
  double delta;

  if (!_li_delta_comparable (a, b))
    return LI_DELTA_NONE;

  delta = b - a;
  if (_li_delta_is_zero (metric, delta))
    return LI_DELTA_SAME;

  polarity = li_compare_metric_polarity (metric);
  if (polarity == 0)
    return LI_DELTA_NEUTRAL;

  return (delta > 0) == (polarity > 0) ? LI_DELTA_BETTER : LI_DELTA_WORSE;
}

const char *
li_compare_delta_css_class (LiDeltaKind kind)
{
  switch (kind)
    {
    case LI_DELTA_BETTER:
      return "success";
    case LI_DELTA_WORSE:
      return "error";
    case LI_DELTA_NONE:
    case LI_DELTA_SAME:
      return "dim-label";
    case LI_DELTA_NEUTRAL:
    default:
      return NULL;
    }
}

static const char *
_li_delta_kind_description (LiDeltaKind kind)
{
  switch (kind)
    {
    case LI_DELTA_BETTER:
      return _("Better than A");
    case LI_DELTA_WORSE:
      return _("Worse than A");
    case LI_DELTA_SAME:
      return _("Same as A");
    case LI_DELTA_NEUTRAL:
      return _("Changed from A");
    case LI_DELTA_NONE:
    default:
      return _("Not comparable: a value is undefined");
    }
}

/* ------------------------------------------------------------------------ */
/* Plain functions: rule changes and migrated leads                          */
/* ------------------------------------------------------------------------ */

char *
li_compare_format_change (const LiRuleChange *change)
{
  g_autofree char *line = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (change != NULL, NULL);

  line = li_rule_change_to_string (change);
  if ((guint) change->action < G_N_ELEMENTS (change_action_words) && change->section != NULL)
    {
      prefix = g_strdup_printf ("%s %s ", change_action_words[change->action], change->section);
      if (g_str_has_prefix (line, prefix))
        return g_strdup (line + strlen (prefix));
    }

  return g_steal_pointer (&line);
}

const char *
li_compare_change_marker (LiChangeAction action)
{
  switch (action)
    {
    case LI_CHANGE_ADDED:
      return "+";
    case LI_CHANGE_REMOVED:
      return MINUS_SIGN;
    case LI_CHANGE_CHANGED:
    default:
      return "~";
    }
}

const char *
li_compare_section_title (const char *section)
{
  if (g_strcmp0 (section, "meta") == 0)
    return _("Name and Description");
  if (g_strcmp0 (section, "outcome") == 0)
    return _("Outcome");
  if (g_strcmp0 (section, "decay") == 0)
    return _("Decay");
  if (g_strcmp0 (section, "intent") == 0)
    return _("Intent Rules");
  if (g_strcmp0 (section, "patterns") == 0)
    return _("Behaviour Patterns");
  if (g_strcmp0 (section, "fit") == 0)
    return _("Fit Rules");
  if (g_strcmp0 (section, "stages") == 0)
    return _("Stages");

  return section != NULL ? section : "";
}

static int
_li_compare_migrated_cmp (gconstpointer pa,
                          gconstpointer pb)
{
  const LiMigratedLead *a = pa;
  const LiMigratedLead *b = pb;
  double da = fabs (a->peak_b - a->peak_a);
  double db = fabs (b->peak_b - b->peak_a);

  if (isnan (da))
    da = -1.0;
  if (isnan (db))
    db = -1.0;
  if (da != db)
    return da > db ? -1 : 1;

  return (a->lead > b->lead) - (a->lead < b->lead);
}

void
li_compare_sort_migrated (GArray *leads)
{
  g_return_if_fail (leads != NULL);

  g_array_sort (leads, _li_compare_migrated_cmp);
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

static LiRuleChange *
_li_rule_change_copy (const LiRuleChange *change)
{
  LiRuleChange *copy = g_new0 (LiRuleChange, 1);

  copy->action = change->action;
  copy->section = g_strdup (change->section);
  copy->item = g_strdup (change->item);
  copy->field = g_strdup (change->field);
  copy->old_value = change->old_value != NULL ? json_node_copy (change->old_value) : NULL;
  copy->new_value = change->new_value != NULL ? json_node_copy (change->new_value) : NULL;

  return copy;
}

/* A deep copy, freed with li_comparison_free. */
static LiComparison *
_li_comparison_copy (const LiComparison *src)
{
  LiComparison *c = g_new0 (LiComparison, 1);
  guint n_cells;

  c->a = li_replay_result_ref (src->a);
  c->b = li_replay_result_ref (src->b);
  c->rows = g_strdupv (src->rows);
  c->columns = g_strdupv (src->columns);
  n_cells = g_strv_length (c->rows) * g_strv_length (c->columns);
  c->counts = g_new0 (guint, MAX (n_cells, 1));
  if (n_cells > 0)
    memcpy (c->counts, src->counts, sizeof (guint) * n_cells);
  c->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) li_rule_change_free);
  for (guint i = 0; src->changes != NULL && i < src->changes->len; i++)
    g_ptr_array_add (c->changes, _li_rule_change_copy (g_ptr_array_index (src->changes, i)));

  return c;
}

static const char *
_li_compare_view_name (LiCompareView *self,
                       guint          side)
{
  const char *name = side == 0 ? self->name_a : self->name_b;

  if (name != NULL && name[0] != '\0')
    return name;

  return side == 0 ? C_("compare", "A") : _("Draft");
}

/* Tooltips of the numbers change with every replay.  Setting a tooltip
 * asks the display where the pointer is (a round trip to the X server), so
 * these widgets keep their text in object data and answer ::query-tooltip
 * instead.  Returns whether the text changed (the accessible text follows
 * the same rule). */
#define LAZY_TOOLTIP "li-tooltip"

static gboolean
_li_lazy_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), LAZY_TOOLTIP);

  if (text == NULL || text[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
_li_init_lazy_tooltip (GtkWidget *widget)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (_li_lazy_tooltip_cb), NULL);
}

static gboolean
_li_set_tooltip (GtkWidget  *widget,
                 const char *text)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), LAZY_TOOLTIP), text) == 0)
    return FALSE;

  g_object_set_data_full (G_OBJECT (widget), LAZY_TOOLTIP, g_strdup (text), g_free);
  return TRUE;
}

static void
_li_set_label (GtkWidget  *label,
               const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
_li_set_css_kind (GtkWidget   *widget,
                  LiDeltaKind  kind)
{
  static const char * const classes[] = { "success", "error", "dim-label" };
  const char *wanted = li_compare_delta_css_class (kind);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (g_strcmp0 (classes[i], wanted) == 0)
        gtk_widget_add_css_class (widget, classes[i]);
      else
        gtk_widget_remove_css_class (widget, classes[i]);
    }
}

/* Sets a delta label: text, colour, and what the colour means (tooltip and
 * accessible description, so it does not rest on colour alone). */
static void
_li_set_delta_label (GtkWidget       *label,
                     LiCompareMetric  metric,
                     double           a,
                     double           b)
{
  g_autofree char *text = li_compare_format_delta (metric, a, b);
  LiDeltaKind kind = li_compare_delta_kind (metric, a, b);
  const char *meaning = _li_delta_kind_description (kind);

  _li_set_label (label, text);
  _li_set_css_kind (label, kind);
  if (_li_set_tooltip (label, meaning))
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meaning,
                                    -1);
}

static double
_li_stage_metric (const LiReplayResult *result,
                  guint                 stage,
                  LiCompareMetric       metric)
{
  const LiStageMetrics *m;

  if (result == NULL || stage >= result->n_stages)
    return NAN;

  m = &result->stages[stage];
  switch (metric)
    {
    case LI_COMPARE_METRIC_FLAGGED:
      return m->flagged;
    case LI_COMPARE_METRIC_TRUE_POSITIVES:
      return m->true_positives;
    case LI_COMPARE_METRIC_FALSE_POSITIVES:
      return m->false_positives;
    case LI_COMPARE_METRIC_FALSE_NEGATIVES:
      return m->false_negatives;
    case LI_COMPARE_METRIC_PRECISION:
      return m->precision;
    case LI_COMPARE_METRIC_RECALL:
      return m->recall;
    case LI_COMPARE_METRIC_LIFT:
      return m->lift;
    case LI_COMPARE_METRIC_LEADS:
    case LI_COMPARE_METRIC_CONVERTERS:
    case LI_COMPARE_METRIC_BASE_RATE:
    case LI_COMPARE_METRIC_AUC:
    case LI_N_COMPARE_METRICS:
    default:
      return NAN;
    }
}

static LiCompareMetric
_li_summary_metric (LiCompareSummary which)
{
  switch (which)
    {
    case LI_COMPARE_SUMMARY_LEADS:
      return LI_COMPARE_METRIC_LEADS;
    case LI_COMPARE_SUMMARY_CONVERTERS:
      return LI_COMPARE_METRIC_CONVERTERS;
    case LI_COMPARE_SUMMARY_BASE_RATE:
      return LI_COMPARE_METRIC_BASE_RATE;
    case LI_COMPARE_SUMMARY_AUC:
      return LI_COMPARE_METRIC_AUC;
    case LI_COMPARE_SUMMARY_TOP_FLAGGED:
      return LI_COMPARE_METRIC_FLAGGED;
    case LI_COMPARE_SUMMARY_TOP_PRECISION:
      return LI_COMPARE_METRIC_PRECISION;
    case LI_COMPARE_SUMMARY_TOP_RECALL:
      return LI_COMPARE_METRIC_RECALL;
    case LI_COMPARE_SUMMARY_TOP_LIFT:
    case LI_N_COMPARE_SUMMARIES:
    default:
      return LI_COMPARE_METRIC_LIFT;
    }
}

static double
_li_summary_value (const LiReplayResult *result,
                   LiCompareSummary      which)
{
  if (result == NULL)
    return NAN;

  switch (which)
    {
    case LI_COMPARE_SUMMARY_LEADS:
      return result->leads;
    case LI_COMPARE_SUMMARY_CONVERTERS:
      return result->converters;
    case LI_COMPARE_SUMMARY_BASE_RATE:
      return result->base_rate;
    case LI_COMPARE_SUMMARY_AUC:
      return result->auc;
    case LI_COMPARE_SUMMARY_TOP_FLAGGED:
    case LI_COMPARE_SUMMARY_TOP_PRECISION:
    case LI_COMPARE_SUMMARY_TOP_RECALL:
    case LI_COMPARE_SUMMARY_TOP_LIFT:
      return _li_stage_metric (result, 0, _li_summary_metric (which));
    case LI_N_COMPARE_SUMMARIES:
    default:
      return NAN;
    }
}

/* "hot", "hot → very hot", "hot (new)", "hot (removed)". */
static char *
_li_stage_pair_name (const LiComparison *c,
                     guint               stage)
{
  const char *a = stage < c->a->n_stages ? c->a->stages[stage].name : NULL;
  const char *b = stage < c->b->n_stages ? c->b->stages[stage].name : NULL;

  if (a != NULL && b != NULL)
    {
      if (g_strcmp0 (a, b) == 0)
        return g_strdup (a);
      /* Translators: a stage renamed from A to B: "hot → very hot" */
      return g_strdup_printf (_("%s → %s"), a, b);
    }
  if (b != NULL)
    /* Translators: a stage that only B has */
    return g_strdup_printf (_("%s (new)"), b);
  if (a != NULL)
    /* Translators: a stage that only A has */
    return g_strdup_printf (_("%s (removed)"), a);

  return g_strdup ("");
}

/* ------------------------------------------------------------------------ */
/* Summary cards                                                             */
/* ------------------------------------------------------------------------ */

static const char *
_li_summary_title (LiCompareSummary which)
{
  switch (which)
    {
    case LI_COMPARE_SUMMARY_LEADS:
      return _("Leads");
    case LI_COMPARE_SUMMARY_CONVERTERS:
      return _("Converters");
    case LI_COMPARE_SUMMARY_BASE_RATE:
      return _("Base Rate");
    case LI_COMPARE_SUMMARY_AUC:
      return _("AUC");
    case LI_COMPARE_SUMMARY_TOP_FLAGGED:
      return _("Flagged");
    case LI_COMPARE_SUMMARY_TOP_PRECISION:
      return _("Precision");
    case LI_COMPARE_SUMMARY_TOP_RECALL:
      return _("Recall");
    case LI_COMPARE_SUMMARY_TOP_LIFT:
    case LI_N_COMPARE_SUMMARIES:
    default:
      return _("Lift");
    }
}

static const char *
_li_summary_tooltip (LiCompareSummary which)
{
  switch (which)
    {
    case LI_COMPARE_SUMMARY_LEADS:
      return _("Leads with at least one event before their first purchase");
    case LI_COMPARE_SUMMARY_CONVERTERS:
      return _("Leads of the replay that purchased");
    case LI_COMPARE_SUMMARY_BASE_RATE:
      return _("Converters among all leads");
    case LI_COMPARE_SUMMARY_AUC:
      return _("How well peak scores rank converters above the others: 0.5 is chance, 1 is perfect; higher is better");
    case LI_COMPARE_SUMMARY_TOP_FLAGGED:
      return _("Leads the first stage flags, the follow-up workload; neither better nor worse");
    case LI_COMPARE_SUMMARY_TOP_PRECISION:
      return _("Converters among the leads the first stage flags; higher is better");
    case LI_COMPARE_SUMMARY_TOP_RECALL:
      return _("Converters the first stage flags in time, among all converters; higher is better");
    case LI_COMPARE_SUMMARY_TOP_LIFT:
    case LI_N_COMPARE_SUMMARIES:
    default:
      return _("Precision of the first stage as a multiple of the base rate; higher is better");
    }
}

static void
_li_compare_view_build_summary (LiCompareView *self)
{
  for (guint i = 0; i < LI_N_COMPARE_SUMMARIES; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *delta_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *child = gtk_flow_box_child_new ();
      GtkWidget *title = gtk_label_new (_li_summary_title (i));
      GtkWidget *value = gtk_label_new (LI_FORMAT_NULL);
      GtkWidget *delta = gtk_label_new (LI_FORMAT_NULL);
      GtkWidget *a = gtk_label_new (NULL);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_tooltip_text (card, _li_summary_tooltip (i));

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (title, 12);
      gtk_widget_set_margin_start (title, 18);
      gtk_widget_set_margin_end (title, 18);
      gtk_widget_add_css_class (title, "dim-label");

      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (value, 18);
      gtk_widget_set_margin_end (value, 18);
      gtk_widget_add_css_class (value, "title-2");
      gtk_widget_add_css_class (value, "numeric");

      gtk_widget_set_margin_start (delta_box, 18);
      gtk_widget_set_margin_end (delta_box, 18);
      gtk_widget_set_margin_bottom (delta_box, 12);
      gtk_label_set_xalign (GTK_LABEL (delta), 0);
      gtk_widget_add_css_class (delta, "numeric");
      gtk_widget_add_css_class (delta, "heading");
      _li_init_lazy_tooltip (delta);
      gtk_label_set_xalign (GTK_LABEL (a), 0);
      gtk_label_set_ellipsize (GTK_LABEL (a), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (a, TRUE);
      gtk_widget_set_valign (a, GTK_ALIGN_BASELINE);
      gtk_widget_set_valign (delta, GTK_ALIGN_BASELINE);
      gtk_widget_add_css_class (a, "dim-label");
      gtk_widget_add_css_class (a, "caption");
      gtk_widget_add_css_class (a, "numeric");
      gtk_box_append (GTK_BOX (delta_box), delta);
      gtk_box_append (GTK_BOX (delta_box), a);

      gtk_box_append (GTK_BOX (card), title);
      gtk_box_append (GTK_BOX (card), value);
      gtk_box_append (GTK_BOX (card), delta_box);

      gtk_widget_set_focusable (child, FALSE);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);
      gtk_flow_box_append (self->summary_box, child);

      self->summary_title[i] = title;
      self->summary_value[i] = value;
      self->summary_delta[i] = delta;
      self->summary_a[i] = a;
      self->summary_kind[i] = LI_DELTA_NONE;
    }
}

static void
_li_compare_view_update_summary (LiCompareView *self)
{
  const LiComparison *c = self->comparison;

  for (guint i = 0; i < LI_N_COMPARE_SUMMARIES; i++)
    {
      LiCompareMetric metric = _li_summary_metric (i);
      double a = _li_summary_value (c != NULL ? c->a : NULL, i);
      double b = _li_summary_value (c != NULL ? c->b : NULL, i);
      g_autofree char *value = li_compare_format_value (metric, b);
      g_autofree char *a_value = li_compare_format_value (metric, a);
      g_autofree char *a_text = NULL;

      _li_set_label (self->summary_value[i], value);
      _li_set_delta_label (self->summary_delta[i], metric, a, b);
      self->summary_kind[i] = li_compare_delta_kind (metric, a, b);

      /* Translators: under a compared number, the value under A: "A 0.722" */
      a_text = g_strdup_printf (_("A %s"), a_value);
      _li_set_label (self->summary_a[i], a_text);

      if (i >= LI_COMPARE_SUMMARY_TOP_FLAGGED && c != NULL)
        {
          const char *stage = c->b->n_stages > 0 ? c->b->stages[0].name
                              : c->a->n_stages > 0 ? c->a->stages[0].name : NULL;
          g_autofree char *title = NULL;

          if (stage != NULL)
            /* Translators: title of a compared number of the first stage,
             * e.g. "Precision · hot" */
            title = g_strdup_printf (_("%s · %s"), _li_summary_title (i), stage);
          _li_set_label (self->summary_title[i], title != NULL ? title : _li_summary_title (i));
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Stage table                                                               */
/* ------------------------------------------------------------------------ */

static const char *
_li_stage_column_title (LiCompareMetric metric)
{
  switch (metric)
    {
    case LI_COMPARE_METRIC_FLAGGED:
      return _("Flagged");
    case LI_COMPARE_METRIC_TRUE_POSITIVES:
      /* Translators: column header, short for "true positives" */
      return _("True Pos.");
    case LI_COMPARE_METRIC_FALSE_POSITIVES:
      /* Translators: column header, short for "false positives" */
      return _("False Pos.");
    case LI_COMPARE_METRIC_FALSE_NEGATIVES:
      /* Translators: column header, short for "false negatives" */
      return _("False Neg.");
    case LI_COMPARE_METRIC_PRECISION:
      return _("Precision");
    case LI_COMPARE_METRIC_RECALL:
      return _("Recall");
    case LI_COMPARE_METRIC_LIFT:
      return _("Lift");
    case LI_COMPARE_METRIC_LEADS:
    case LI_COMPARE_METRIC_CONVERTERS:
    case LI_COMPARE_METRIC_BASE_RATE:
    case LI_COMPARE_METRIC_AUC:
    case LI_N_COMPARE_METRICS:
    default:
      return "";
    }
}

static const char *
_li_stage_column_tooltip (LiCompareMetric metric)
{
  switch (metric)
    {
    case LI_COMPARE_METRIC_FLAGGED:
      return _("Leads that reached this stage or a hotter one; neither better nor worse");
    case LI_COMPARE_METRIC_TRUE_POSITIVES:
      return _("Flagged leads that purchased within the outcome window; more is better");
    case LI_COMPARE_METRIC_FALSE_POSITIVES:
      return _("Flagged leads that did not purchase in time; fewer is better");
    case LI_COMPARE_METRIC_FALSE_NEGATIVES:
      return _("Converters this stage missed; fewer is better");
    case LI_COMPARE_METRIC_PRECISION:
      return _("True positives among flagged leads; higher is better");
    case LI_COMPARE_METRIC_RECALL:
      return _("True positives among all converters; higher is better");
    case LI_COMPARE_METRIC_LIFT:
      return _("Precision as a multiple of the base rate; higher is better");
    case LI_COMPARE_METRIC_LEADS:
    case LI_COMPARE_METRIC_CONVERTERS:
    case LI_COMPARE_METRIC_BASE_RATE:
    case LI_COMPARE_METRIC_AUC:
    case LI_N_COMPARE_METRICS:
    default:
      return NULL;
    }
}

static void
_li_compare_view_build_stage_header (LiCompareView *self)
{
  GtkWidget *label = gtk_label_new (_("Stage"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (self->stage_grid, label, 0, 0, 1, 1);

  for (guint m = 0; m < N_STAGE_METRICS; m++)
    {
      label = gtk_label_new (_li_stage_column_title (stage_metrics[m]));
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_tooltip_text (label, _li_stage_column_tooltip (stage_metrics[m]));
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->stage_grid, label, m + 1, 0, 1, 1);
    }
}

static void
_li_compare_view_resize_stage_rows (LiCompareView *self,
                                    guint          n_rows)
{
  while (self->stage_rows->len > n_rows)
    {
      StageRow *row = &g_array_index (self->stage_rows, StageRow, self->stage_rows->len - 1);

      gtk_grid_remove (self->stage_grid, row->separator);
      gtk_grid_remove (self->stage_grid, row->name);
      for (guint m = 0; m < N_STAGE_METRICS; m++)
        gtk_grid_remove (self->stage_grid, gtk_widget_get_parent (row->value[m]));
      g_array_set_size (self->stage_rows, self->stage_rows->len - 1);
    }

  while (self->stage_rows->len < n_rows)
    {
      guint r = self->stage_rows->len;
      int grid_row = 1 + 2 * (int) r;
      StageRow row = { 0 };

      row.separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_grid_attach (self->stage_grid, row.separator, 0, grid_row, N_STAGE_METRICS + 1, 1);

      row.name = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (row.name), 0);
      gtk_label_set_wrap (GTK_LABEL (row.name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (row.name), 18);
      gtk_widget_set_valign (row.name, GTK_ALIGN_START);
      gtk_widget_add_css_class (row.name, "heading");
      gtk_grid_attach (self->stage_grid, row.name, 0, grid_row + 1, 1, 1);

      for (guint m = 0; m < N_STAGE_METRICS; m++)
        {
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

          row.value[m] = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (row.value[m]), 1);
          gtk_widget_add_css_class (row.value[m], "numeric");
          row.delta[m] = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (row.delta[m]), 1);
          gtk_widget_add_css_class (row.delta[m], "numeric");
          gtk_widget_add_css_class (row.delta[m], "caption");
          /* one tooltip for the cell: A, B, the delta and its meaning */
          _li_init_lazy_tooltip (cell);
          gtk_box_append (GTK_BOX (cell), row.value[m]);
          gtk_box_append (GTK_BOX (cell), row.delta[m]);
          gtk_grid_attach (self->stage_grid, cell, m + 1, grid_row + 1, 1, 1);
        }

      g_array_append_val (self->stage_rows, row);
    }
}

static void
_li_compare_view_update_stages (LiCompareView *self)
{
  const LiComparison *c = self->comparison;
  guint n_rows = c != NULL ? MAX (c->a->n_stages, c->b->n_stages) : 0;

  _li_compare_view_resize_stage_rows (self, n_rows);

  for (guint r = 0; r < n_rows; r++)
    {
      StageRow *row = &g_array_index (self->stage_rows, StageRow, r);
      g_autofree char *name = _li_stage_pair_name (c, r);

      _li_set_label (row->name, name);

      for (guint m = 0; m < N_STAGE_METRICS; m++)
        {
          LiCompareMetric metric = stage_metrics[m];
          double a = _li_stage_metric (c->a, r, metric);
          double b = _li_stage_metric (c->b, r, metric);
          g_autofree char *value = li_compare_format_value (metric, b);
          g_autofree char *a_value = li_compare_format_value (metric, a);
          g_autofree char *delta = li_compare_format_delta (metric, a, b);
          g_autofree char *tooltip = NULL;

          _li_set_label (row->value[m], value);
          _li_set_delta_label (row->delta[m], metric, a, b);

          /* Translators: tooltip of a stage metric: "A 1,234 → B 1,300
           * (+66): Better than A" */
          tooltip = g_strdup_printf (_("A %s → B %s (%s): %s"), a_value, value, delta,
                                     _li_delta_kind_description (li_compare_delta_kind (metric, a, b)));
          _li_set_tooltip (gtk_widget_get_parent (row->value[m]), tooltip);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Migration grid and the leads of a cell                                    */
/* ------------------------------------------------------------------------ */

static char *
_li_compare_view_lead_id (LiCompareView *self,
                          guint32        lead)
{
  if (self->store != NULL && lead < li_str_pool_size (self->store->leads))
    return g_strdup (li_str_pool_get (self->store->leads, lead));

  /* Translators: a lead without a known id, by its index */
  return g_strdup_printf (_("Lead %u"), lead);
}

static char *
_li_format_signed_score (double value)
{
  g_autofree char *magnitude = li_format_score (fabs (value));

  if (isnan (value))
    return g_strdup (LI_FORMAT_NULL);
  if (g_strcmp0 (magnitude, "0") == 0)
    return g_strdup ("0");

  return g_strdup_printf ("%s%s", value > 0 ? "+" : MINUS_SIGN, magnitude);
}

static gboolean
_li_migrated_equal (GArray *a,
                    GArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  return memcmp (a->data, b->data, sizeof (LiMigratedLead) * a->len) == 0;
}

static void
_li_compare_view_hide_leads (LiCompareView *self)
{
  li_migration_grid_set_selected (self->migration_grid, -1, -1);
  gtk_revealer_set_reveal_child (self->leads_revealer, FALSE);
  g_list_store_remove_all (self->leads_store);
  g_clear_pointer (&self->listed, g_array_unref);
  self->n_more = 0;
}

static void
_li_compare_view_update_leads (LiCompareView *self)
{
  const LiComparison *c = self->comparison;
  g_autoptr(GArray) leads = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *title = NULL;
  guint row, column, n_shown;

  if (c == NULL || !li_migration_grid_get_selected (self->migration_grid, &row, &column))
    {
      _li_compare_view_hide_leads (self);
      return;
    }

  leads = li_comparison_leads (c, row, column);
  li_compare_sort_migrated (leads);
  n_shown = MIN (leads->len, LI_COMPARE_MAX_LISTED_LEADS);
  self->n_more = leads->len - n_shown;
  g_array_set_size (leads, n_shown);

  title = li_migration_grid_cell_label (li_comparison_count (c, row, column),
                                        c->rows[row], c->columns[column]);
  _li_set_label (GTK_WIDGET (self->leads_title), title);

  if (self->n_more > 0)
    {
      g_autofree char *more = li_format_count (self->n_more);
      g_autofree char *text = NULL;

      /* Translators: under the first 200 leads of a migration cell; %s is
       * the number of leads not listed */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %s more lead", "… and %s more leads",
                                           self->n_more),
                              more);
      _li_set_label (GTK_WIDGET (self->leads_more_label), text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->leads_more_label), self->n_more > 0);
  gtk_revealer_set_reveal_child (self->leads_revealer, TRUE);

  /* unchanged: keep the rows (and the scroll position) */
  if (_li_migrated_equal (self->listed, leads))
    return;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < leads->len; i++)
    {
      const LiMigratedLead *m = &g_array_index (leads, LiMigratedLead, i);
      LiCompareLead *item = g_object_new (LI_TYPE_COMPARE_LEAD, NULL);

      item->lead_id = _li_compare_view_lead_id (self, m->lead);
      item->peak_a = m->peak_a;
      item->peak_b = m->peak_b;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->leads_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->leads_store)),
                       items->pdata, items->len);

  g_clear_pointer (&self->listed, g_array_unref);
  self->listed = g_steal_pointer (&leads);
}

static void
_li_compare_view_update_migration (LiCompareView *self)
{
  const LiComparison *c = self->comparison;

  if (c == NULL)
    {
      li_migration_grid_set_data (self->migration_grid, NULL, NULL, NULL);
      _li_compare_view_hide_leads (self);
      return;
    }

  li_migration_grid_set_data (self->migration_grid,
                              (const char * const *) c->rows,
                              (const char * const *) c->columns,
                              c->counts);
  /* a shape change clears the selection */
  _li_compare_view_update_leads (self);
}

static void
_li_lead_cell_setup_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  LeadColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == LEAD_COLUMN_ID)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (item, label);
}

static void
_li_lead_cell_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  LeadColumn column = GPOINTER_TO_UINT (user_data);
  LiCompareLead *lead = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case LEAD_COLUMN_ID:
      text = g_strdup (lead->lead_id);
      break;
    case LEAD_COLUMN_PEAK_A:
      text = li_format_score (lead->peak_a);
      break;
    case LEAD_COLUMN_PEAK_B:
      text = li_format_score (lead->peak_b);
      break;
    case LEAD_COLUMN_CHANGE:
    case N_LEAD_COLUMNS:
    default:
      text = _li_format_signed_score (lead->peak_b - lead->peak_a);
      break;
    }

  gtk_label_set_text (label, text);
}

static void
_li_compare_view_build_leads_view (LiCompareView *self)
{
  const char *titles[N_LEAD_COLUMNS] = {
    _("Lead"),
    /* Translators: column header: the lead's peak score under A */
    _("Peak Under A"),
    /* Translators: column header: the lead's peak score under B */
    _("Peak Under B"),
    /* Translators: column header: peak score under B minus under A */
    _("Change"),
  };
  g_autoptr(GtkNoSelection) selection = NULL;

  self->leads_store = g_list_store_new (LI_TYPE_COMPARE_LEAD);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->leads_store)));
  li_focus_tab_once (GTK_WIDGET (self->leads_view));
  gtk_column_view_set_model (self->leads_view, GTK_SELECTION_MODEL (selection));

  for (guint i = 0; i < N_LEAD_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (_li_lead_cell_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (_li_lead_cell_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_expand (column, i == LEAD_COLUMN_ID);
      gtk_column_view_append_column (self->leads_view, column);
    }
}

/* ------------------------------------------------------------------------ */
/* Rule changes                                                              */
/* ------------------------------------------------------------------------ */

static guint
_li_section_rank (const char *section)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_order); i++)
    if (g_strcmp0 (section, section_order[i]) == 0)
      return i;

  return G_N_ELEMENTS (section_order);
}

static GtkWidget *
_li_change_row (const LiRuleChange *change)
{
  g_autofree char *text = li_compare_format_change (change);
  g_autofree char *full = li_rule_change_to_string (change);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *marker = gtk_label_new (li_compare_change_marker (change->action));
  GtkWidget *label = gtk_label_new (text);
  const char *action_text;

  switch (change->action)
    {
    case LI_CHANGE_ADDED:
      action_text = _("Added in B");
      gtk_widget_add_css_class (marker, "success");
      break;
    case LI_CHANGE_REMOVED:
      action_text = _("Removed in B");
      gtk_widget_add_css_class (marker, "error");
      break;
    case LI_CHANGE_CHANGED:
    default:
      action_text = _("Changed in B");
      gtk_widget_add_css_class (marker, "dim-label");
      break;
    }

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_add_css_class (marker, "heading");
  gtk_widget_add_css_class (marker, "numeric");
  gtk_widget_set_size_request (marker, 12, -1);
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (marker, action_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (marker),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, action_text,
                                  -1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, full);

  gtk_box_append (GTK_BOX (box), marker);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                  -1);

  return row;
}

static void
_li_compare_view_update_changes (LiCompareView *self)
{
  const LiComparison *c = self->comparison;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  g_autofree guint *order = NULL;
  guint n = c != NULL ? c->changes->len : 0;
  GtkWidget *child;

  for (guint i = 0; i < n; i++)
    {
      const LiRuleChange *change = g_ptr_array_index (c->changes, i);
      g_autofree char *text = li_compare_format_change (change);
      g_autofree char *line = g_strdup_printf ("%s %s", li_compare_change_marker (change->action), text);

      g_strv_builder_add (builder, line);
    }
  lines = g_strv_builder_end (builder);

  {
    g_autofree char *heading = NULL;

    /* Translators: heading of the list of rule changes, with their number */
    heading = n > 0 ? g_strdup_printf (_("Rule Changes (%u)"), n) : g_strdup (_("Rule Changes"));
    _li_set_label (GTK_WIDGET (self->changes_heading), heading);
  }

  if (self->change_lines != NULL && g_strv_equal ((const char * const *) lines,
                                                  (const char * const *) self->change_lines))
    return;

  g_strfreev (self->change_lines);
  self->change_lines = g_steal_pointer (&lines);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_box))) != NULL)
    gtk_box_remove (self->changes_box, child);

  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (_("No rule changes: A and B have the same rules."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->changes_box, label);
      return;
    }

  /* groups in the engine's section order; changes keep their order inside */
  for (guint rank = 0; rank <= G_N_ELEMENTS (section_order); rank++)
    {
      GtkWidget *list = NULL;
      const char *section = NULL;

      for (guint i = 0; i < n; i++)
        {
          const LiRuleChange *change = g_ptr_array_index (c->changes, i);

          if (_li_section_rank (change->section) != rank)
            continue;

          /* unknown sections each get their own group */
          if (list != NULL && rank == G_N_ELEMENTS (section_order) &&
              g_strcmp0 (section, change->section) != 0)
            list = NULL;

          if (list == NULL)
            {
              GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
              GtkWidget *title = gtk_label_new (li_compare_section_title (change->section));

              section = change->section;
              gtk_label_set_xalign (GTK_LABEL (title), 0);
              gtk_widget_add_css_class (title, "caption-heading");
              gtk_widget_add_css_class (title, "dim-label");
              list = gtk_list_box_new ();
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              li_compare_section_title (change->section),
                                              -1);
              gtk_box_append (GTK_BOX (group), title);
              gtk_box_append (GTK_BOX (group), list);
              gtk_box_append (self->changes_box, group);
            }

          gtk_list_box_append (GTK_LIST_BOX (list), _li_change_row (change));
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                 */
/* ------------------------------------------------------------------------ */

static void
_li_compare_view_compare_requested_cb (LiCompareView  *self,
                                       LiVersion      *version,
                                       LiVersionsList *list)
{
  gtk_popover_popdown (self->baseline_popover);
  g_signal_emit (self, signals[COMPARE_REQUESTED], 0, version);
}

static void
_li_compare_view_restore_requested_cb (LiCompareView  *self,
                                       LiVersion      *version,
                                       LiVersionsList *list)
{
  gtk_popover_popdown (self->baseline_popover);
  g_signal_emit (self, signals[RESTORE_REQUESTED], 0, version);
}

static void
_li_compare_view_snapshot_requested_cb (LiCompareView  *self,
                                        LiVersionsList *list)
{
  g_signal_emit (self, signals[SNAPSHOT_REQUESTED], 0);
}

static void
_li_compare_view_open_file_requested_cb (LiCompareView  *self,
                                         LiVersionsList *list)
{
  gtk_popover_popdown (self->baseline_popover);
  g_signal_emit (self, signals[OPEN_FILE_REQUESTED], 0);
}

static void
_li_compare_view_cell_activated_cb (LiCompareView   *self,
                                    guint            row,
                                    guint            column,
                                    LiMigrationGrid *grid)
{
  li_compare_view_select_cell (self, row, column);
}

static void
_li_compare_view_leads_close_cb (LiCompareView *self,
                                 GtkButton     *button)
{
  guint row, column;
  GtkWidget *cell = NULL;

  if (li_migration_grid_get_selected (self->migration_grid, &row, &column))
    cell = li_migration_grid_get_cell (self->migration_grid, row, column);

  _li_compare_view_hide_leads (self);

  /* focus goes back to where the list came from */
  if (cell != NULL)
    gtk_widget_grab_focus (cell);
}

/* ------------------------------------------------------------------------ */
/* Vfuncs                                                                    */
/* ------------------------------------------------------------------------ */

static void
li_compare_view_dispose (GObject *object)
{
  LiCompareView *self = LI_COMPARE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_COMPARE_VIEW);
  g_clear_pointer (&self->comparison, li_comparison_free);
  g_clear_pointer (&self->store, li_event_store_unref);
  g_clear_pointer (&self->listed, g_array_unref);
  g_clear_object (&self->leads_store);

  G_OBJECT_CLASS (li_compare_view_parent_class)->dispose (object);
}

static void
li_compare_view_finalize (GObject *object)
{
  LiCompareView *self = LI_COMPARE_VIEW (object);

  g_clear_pointer (&self->stage_rows, g_array_unref);
  g_clear_pointer (&self->change_lines, g_strfreev);
  g_clear_pointer (&self->name_a, g_free);
  g_clear_pointer (&self->name_b, g_free);

  G_OBJECT_CLASS (li_compare_view_parent_class)->finalize (object);
}

static void
li_compare_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiCompareView *self = LI_COMPARE_VIEW (object);

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
li_compare_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LiCompareView *self = LI_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      li_compare_view_set_busy (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_compare_view_class_init (LiCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_compare_view_dispose;
  object_class->finalize = li_compare_view_finalize;
  object_class->get_property = li_compare_view_get_property;
  object_class->set_property = li_compare_view_set_property;

  /**
   * LiCompareView:busy:
   *
   * Whether a comparison is running (a spinner shows; the old numbers stay).
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiCompareView::compare-requested:
   * @self: the view
   * @version: the LiVersion to compare the draft with
   */
  signals[COMPARE_REQUESTED] =
    g_signal_new ("compare-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LI_TYPE_VERSION);

  /**
   * LiCompareView::restore-requested:
   * @self: the view
   * @version: the LiVersion whose rules should become the draft
   */
  signals[RESTORE_REQUESTED] =
    g_signal_new ("restore-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LI_TYPE_VERSION);

  /**
   * LiCompareView::snapshot-requested:
   * @self: the view
   *
   * The user wants a snapshot of the current rules.
   */
  signals[SNAPSHOT_REQUESTED] =
    g_signal_new ("snapshot-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LiCompareView::open-file-requested:
   * @self: the view
   *
   * The user wants to pick a rule file to compare with.
   */
  signals[OPEN_FILE_REQUESTED] =
    g_signal_new ("open-file-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LI_TYPE_VERSIONS_LIST);
  g_type_ensure (LI_TYPE_OVERLAY_HISTOGRAM);
  g_type_ensure (LI_TYPE_MIGRATION_GRID);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/compare/li-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, busy_box);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, baseline_button);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, baseline_popover);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, popover_versions);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, empty_versions);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, sqrt_check);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, histogram);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, stage_grid);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, migration_grid);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, leads_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, leads_title);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, leads_view);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, leads_more_label);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, changes_heading);
  gtk_widget_class_bind_template_child (widget_class, LiCompareView, changes_box);
  gtk_widget_class_bind_template_callback (widget_class, _li_compare_view_compare_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_compare_view_restore_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_compare_view_snapshot_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_compare_view_open_file_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_compare_view_cell_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_compare_view_leads_close_cb);
}

static void
li_compare_view_init (LiCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->stage_rows = g_array_new (FALSE, TRUE, sizeof (StageRow));

  self->baseline_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->baseline_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (self->baseline_label, 24);
  gtk_menu_button_set_child (self->baseline_button, GTK_WIDGET (self->baseline_label));

  g_object_bind_property (self->sqrt_check, "active", self->histogram, "sqrt-scale",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  _li_compare_view_build_summary (self);
  _li_compare_view_build_stage_header (self);
  _li_compare_view_build_leads_view (self);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */
/* ------------------------------------------------------------------------ */

GtkWidget *
li_compare_view_new (void)
{
  return g_object_new (LI_TYPE_COMPARE_VIEW, NULL);
}

void
li_compare_view_set_comparison (LiCompareView      *self,
                                const LiComparison *comparison,
                                LiEventStore       *store,
                                const char         *name_a,
                                const char         *name_b)
{
  g_return_if_fail (LI_IS_COMPARE_VIEW (self));
  g_return_if_fail (comparison == NULL || (comparison->a != NULL && comparison->b != NULL));

  g_clear_pointer (&self->comparison, li_comparison_free);
  if (comparison != NULL)
    self->comparison = _li_comparison_copy (comparison);

  if (store != self->store)
    {
      if (store != NULL)
        li_event_store_ref (store);
      g_clear_pointer (&self->store, li_event_store_unref);
      self->store = store;
      /* lead ids may have changed */
      g_clear_pointer (&self->listed, g_array_unref);
    }

  g_free (self->name_a);
  g_free (self->name_b);
  self->name_a = g_strdup (name_a);
  self->name_b = g_strdup (name_b);

  if (comparison == NULL)
    {
      gtk_label_set_text (self->subtitle_label,
                          _("How the draft scores past leads next to another version of the rules"));
      gtk_widget_set_visible (GTK_WIDGET (self->baseline_button), FALSE);
      gtk_popover_popdown (self->baseline_popover);
      _li_compare_view_update_migration (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  {
    g_autofree char *subtitle = NULL;
    g_autofree char *accessible = NULL;

    /* Translators: subtitle of the compare view: the version compared
     * against (A) and the draft (B) */
    subtitle = g_strdup_printf (_("A — %s  ·  B — %s"),
                                _li_compare_view_name (self, 0), _li_compare_view_name (self, 1));
    _li_set_label (GTK_WIDGET (self->subtitle_label), subtitle);
    if (g_strcmp0 (gtk_label_get_text (self->baseline_label), _li_compare_view_name (self, 0)) != 0)
      {
        gtk_label_set_text (self->baseline_label, _li_compare_view_name (self, 0));
        /* Translators: accessible label of the baseline picker; %s is the
         * name of the version compared against */
        accessible = g_strdup_printf (_("Compared against %s"), _li_compare_view_name (self, 0));
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->baseline_button),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                        -1);
      }
    gtk_widget_set_visible (GTK_WIDGET (self->baseline_button), TRUE);
  }

  _li_compare_view_update_summary (self);
  li_overlay_histogram_set_names (self->histogram,
                                  _li_compare_view_name (self, 0), _li_compare_view_name (self, 1));
  li_overlay_histogram_set_results (self->histogram, self->comparison->a, self->comparison->b);
  _li_compare_view_update_stages (self);
  _li_compare_view_update_migration (self);
  _li_compare_view_update_changes (self);

  gtk_stack_set_visible_child_name (self->stack, "results");
}

void
li_compare_view_set_busy (LiCompareView *self,
                          gboolean       busy)
{
  g_return_if_fail (LI_IS_COMPARE_VIEW (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  gtk_widget_set_visible (self->busy_box, busy);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_BUSY, busy,
                               -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
li_compare_view_get_busy (LiCompareView *self)
{
  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), FALSE);

  return self->busy;
}

void
li_compare_view_set_versions (LiCompareView *self,
                              GListModel    *versions)
{
  g_return_if_fail (LI_IS_COMPARE_VIEW (self));
  g_return_if_fail (versions == NULL || G_IS_LIST_MODEL (versions));

  li_versions_list_set_model (self->empty_versions, versions);
  li_versions_list_set_model (self->popover_versions, versions);
}

void
li_compare_view_set_baseline (LiCompareView *self,
                              LiVersion     *version)
{
  g_return_if_fail (LI_IS_COMPARE_VIEW (self));
  g_return_if_fail (version == NULL || LI_IS_VERSION (version));

  li_versions_list_set_baseline (self->empty_versions, version);
  li_versions_list_set_baseline (self->popover_versions, version);
}

gboolean
li_compare_view_get_empty (LiCompareView *self)
{
  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

const char *
li_compare_view_get_summary_value (LiCompareView    *self,
                                   LiCompareSummary  which)
{
  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (which < LI_N_COMPARE_SUMMARIES, NULL);

  return gtk_label_get_text (GTK_LABEL (self->summary_value[which]));
}

const char *
li_compare_view_get_summary_delta (LiCompareView    *self,
                                   LiCompareSummary  which)
{
  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (which < LI_N_COMPARE_SUMMARIES, NULL);

  return gtk_label_get_text (GTK_LABEL (self->summary_delta[which]));
}

LiDeltaKind
li_compare_view_get_summary_kind (LiCompareView    *self,
                                  LiCompareSummary  which)
{
  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), LI_DELTA_NONE);
  g_return_val_if_fail (which < LI_N_COMPARE_SUMMARIES, LI_DELTA_NONE);

  return self->summary_kind[which];
}

guint
li_compare_view_get_n_stage_rows (LiCompareView *self)
{
  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), 0);

  return self->stage_rows->len;
}

char *
li_compare_view_dup_stage_text (LiCompareView   *self,
                                guint            row,
                                LiCompareMetric  metric,
                                gboolean         delta)
{
  StageRow *r;

  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (row < self->stage_rows->len, NULL);

  r = &g_array_index (self->stage_rows, StageRow, row);
  for (guint m = 0; m < N_STAGE_METRICS; m++)
    if (stage_metrics[m] == metric)
      return g_strdup (gtk_label_get_text (GTK_LABEL (delta ? r->delta[m] : r->value[m])));

  g_return_val_if_reached (NULL);
}

GtkWidget *
li_compare_view_get_histogram (LiCompareView *self)
{
  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), NULL);

  return GTK_WIDGET (self->histogram);
}

GtkWidget *
li_compare_view_get_migration_grid (LiCompareView *self)
{
  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), NULL);

  return GTK_WIDGET (self->migration_grid);
}

guint
li_compare_view_get_n_listed_leads (LiCompareView *self)
{
  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->leads_store));
}

guint
li_compare_view_get_n_more_leads (LiCompareView *self)
{
  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), 0);

  return self->n_more;
}

char *
li_compare_view_dup_listed_lead (LiCompareView *self,
                                 guint          position,
                                 double        *peak_a,
                                 double        *peak_b)
{
  g_autoptr(LiCompareLead) lead = NULL;

  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), NULL);

  lead = g_list_model_get_item (G_LIST_MODEL (self->leads_store), position);
  if (lead == NULL)
    return NULL;

  if (peak_a != NULL)
    *peak_a = lead->peak_a;
  if (peak_b != NULL)
    *peak_b = lead->peak_b;
  return g_strdup (lead->lead_id);
}

void
li_compare_view_select_cell (LiCompareView *self,
                             guint          row,
                             guint          column)
{
  g_return_if_fail (LI_IS_COMPARE_VIEW (self));

  if (self->comparison == NULL ||
      row >= li_migration_grid_get_n_rows (self->migration_grid) ||
      column >= li_migration_grid_get_n_columns (self->migration_grid))
    return;

  li_migration_grid_set_selected (self->migration_grid, (int) row, (int) column);
  _li_compare_view_update_leads (self);
}

GStrv
li_compare_view_dup_change_lines (LiCompareView *self)
{
  g_return_val_if_fail (LI_IS_COMPARE_VIEW (self), NULL);

  if (self->change_lines == NULL)
    return g_new0 (char *, 1);

  return g_strdupv (self->change_lines);
}
