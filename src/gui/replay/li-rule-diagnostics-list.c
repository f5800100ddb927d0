/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rule-diagnostics-list.c — how each rule worked in the replay. */

#include "config.h"

#include <glib/gi18n.h>

#include "li-rule-diagnostics-list.h"
#include "li-format.h"

struct _LiRuleDiagnosticsList
{
  AdwBin      parent_instance;
  GtkListBox *list_box;
  guint       n_rows;
};

G_DEFINE_FINAL_TYPE (LiRuleDiagnosticsList, li_rule_diagnostics_list, ADW_TYPE_BIN)

static double
_li_ratio (guint part,
           guint total)
{
  return total == 0 ? NAN : (double) part / total;
}

char *
li_rule_diagnostics_list_format (const LiRuleDiagnostics *d,
                                 guint                    rule)
{
  const LiRuleDiagnostic *r;
  g_autofree char *fired = NULL, *converters = NULL, *conv_rate = NULL;
  g_autofree char *other_rate = NULL, *share = NULL;

  g_return_val_if_fail (rule < d->n_rules, NULL);
  r = &d->rules[rule];
  if (!r->enabled)
    return g_strdup (_("Off"));
  if (li_rule_diagnostic_never_fires (r))
    return g_strdup (_("Never fires on this data: check the event name and the filter"));
  fired = li_format_count (r->converters_fired);
  converters = li_format_count (d->converters);
  conv_rate = li_format_percent (_li_ratio (r->converters_fired, d->converters));
  other_rate = li_format_percent (_li_ratio (r->others_fired, d->others));
  share = li_format_percent (r->share);
  /* Translators: "Fired in 412 of 1,203 converters’ journeys (34.2%), 3.0%
   * of non-converters’ · 18.0% of flagged leads’ points" */
  return g_strdup_printf (_("Fired in %s of %s converters’ journeys (%s), %s of non-converters’ · "
                            "%s of flagged leads’ points"),
                          fired, converters, conv_rate, other_rate, share);
}

static GtkWidget *
_li_rule_diagnostics_row (const LiRuleDiagnostics *d,
                          guint                    k)
{
  const LiRuleDiagnostic *r = &d->rules[k];
  g_autofree char *subtitle = li_rule_diagnostics_list_format (d, k);
  g_autofree char *title = r->section == LI_EXPLAIN_INTENT
                             ? g_strdup (r->name)
                             /* Translators: a pattern's row, "Pattern: Returns to a product" */
                             : g_strdup_printf (_("Pattern: %s"), r->name);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (li_rule_diagnostic_never_fires (r))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  /* Focusable, so that Tab and the arrows read every row. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, TRUE);
  return row;
}

static void
li_rule_diagnostics_list_class_init (LiRuleDiagnosticsListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* The list is the bin's child, not a bound template child: AdwBin's own
   * dispose unparents it. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/replay/li-rule-diagnostics-list.ui");
}

static void
li_rule_diagnostics_list_init (LiRuleDiagnosticsList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->list_box = GTK_LIST_BOX (adw_bin_get_child (ADW_BIN (self)));
}

GtkWidget *
li_rule_diagnostics_list_new (void)
{
  return g_object_new (LI_TYPE_RULE_DIAGNOSTICS_LIST, NULL);
}

void
li_rule_diagnostics_list_set (LiRuleDiagnosticsList   *self,
                              const LiRuleDiagnostics *diagnostics)
{
  GtkWidget *child;

  g_return_if_fail (LI_IS_RULE_DIAGNOSTICS_LIST (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  self->n_rows = diagnostics != NULL ? diagnostics->n_rules : 0;
  for (guint k = 0; k < self->n_rows; k++)
    gtk_list_box_append (self->list_box, _li_rule_diagnostics_row (diagnostics, k));
}

guint
li_rule_diagnostics_list_get_n_rows (LiRuleDiagnosticsList *self)
{
  g_return_val_if_fail (LI_IS_RULE_DIAGNOSTICS_LIST (self), 0);
  return self->n_rows;
}
