/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-problems-list.c: the problems of the rules, each a row that leads to
 * the rule it is about. */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-problems-list.h"

#include <glib/gi18n.h>

#include "li-problem.h"
#include "li-problem-describe.h"

struct _LiProblemsList
{
  AdwPreferencesGroup parent_instance;

  GtkListBox *list;
  GPtrArray  *rows;   /* GtkListBoxRow*, borrowed from the list */
};

enum {
  PROBLEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiProblemsList, li_problems_list, ADW_TYPE_PREFERENCES_GROUP)

static GtkWidget *
_li_problems_list_row_new (const LiProblem *problem,
                           const LiRules   *rules)
{
  g_autofree char *text = li_problem_describe (problem, rules);
  gboolean warning = problem->level == LI_PROBLEM_WARNING;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (warning ? "dialog-warning-symbolic"
                                                          : "dialog-error-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (icon, warning ? "warning" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  warning ? _("Warning") : _("Error"), -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  g_object_set_data_full (G_OBJECT (row), "li-path", g_strdup (problem->path), g_free);
  g_object_set_data_full (G_OBJECT (row), "li-text", g_steal_pointer (&text), g_free);
  return row;
}

static void
row_activated_cb (LiProblemsList *self,
                  GtkListBoxRow  *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "li-path");

  g_signal_emit (self, signals[PROBLEM_ACTIVATED], 0, path != NULL ? path : "");
}

static void
li_problems_list_dispose (GObject *object)
{
  LiProblemsList *self = LI_PROBLEMS_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  /* the group owns the list: take it out the group's way first */
  if (self->list != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_PROBLEMS_LIST);

  G_OBJECT_CLASS (li_problems_list_parent_class)->dispose (object);
}

static void
li_problems_list_class_init (LiProblemsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_problems_list_dispose;

  /**
   * LiProblemsList::problem-activated:
   * @path: the JSON path of the problem ("stages[1].name")
   */
  signals[PROBLEM_ACTIVATED] =
    g_signal_new ("problem-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/editor/li-problems-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LiProblemsList, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
li_problems_list_init (LiProblemsList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
li_problems_list_new (void)
{
  return g_object_new (LI_TYPE_PROBLEMS_LIST, NULL);
}

void
li_problems_list_set_problems (LiProblemsList *self,
                               GPtrArray      *problems,
                               const LiRules  *rules)
{
  g_return_if_fail (LI_IS_PROBLEMS_LIST (self));

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      GtkWidget *row = _li_problems_list_row_new (g_ptr_array_index (problems, i), rules);

      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

guint
li_problems_list_get_n_problems (LiProblemsList *self)
{
  g_return_val_if_fail (LI_IS_PROBLEMS_LIST (self), 0);

  return self->rows->len;
}

const char *
li_problems_list_get_text (LiProblemsList *self,
                           guint           i)
{
  g_return_val_if_fail (LI_IS_PROBLEMS_LIST (self), NULL);

  if (i >= self->rows->len)
    return NULL;
  return g_object_get_data (g_ptr_array_index (self->rows, i), "li-text");
}

void
li_problems_list_activate (LiProblemsList *self,
                           guint           i)
{
  g_return_if_fail (LI_IS_PROBLEMS_LIST (self));
  g_return_if_fail (i < self->rows->len);

  g_signal_emit_by_name (self->list, "row-activated", g_ptr_array_index (self->rows, i));
}
