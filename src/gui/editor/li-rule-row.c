/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "li-rule-row.h"

typedef struct
{
  char  *shown_title;
  guint  updating;
} LiRuleRowPrivate;

enum {
  CHANGED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LiRuleRow, li_rule_row, ADW_TYPE_EXPANDER_ROW)

static void
li_rule_row_finalize (GObject *object)
{
  LiRuleRowPrivate *priv = li_rule_row_get_instance_private (LI_RULE_ROW (object));

  g_clear_pointer (&priv->shown_title, g_free);

  G_OBJECT_CLASS (li_rule_row_parent_class)->finalize (object);
}

static void
li_rule_row_class_init (LiRuleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = li_rule_row_finalize;

  /**
   * LiRuleRow::changed:
   * @field: the LiField the user edited
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * LiRuleRow::remove-requested:
   *
   * The user asked to remove the row's rule.
   */
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
li_rule_row_init (LiRuleRow *self)
{
}

void
li_rule_row_begin_update (LiRuleRow *self)
{
  LiRuleRowPrivate *priv = li_rule_row_get_instance_private (self);

  g_return_if_fail (LI_IS_RULE_ROW (self));

  priv->updating++;
}

void
li_rule_row_end_update (LiRuleRow *self)
{
  LiRuleRowPrivate *priv = li_rule_row_get_instance_private (self);

  g_return_if_fail (LI_IS_RULE_ROW (self));
  g_return_if_fail (priv->updating > 0);

  priv->updating--;
}

gboolean
li_rule_row_is_updating (LiRuleRow *self)
{
  LiRuleRowPrivate *priv = li_rule_row_get_instance_private (self);

  g_return_val_if_fail (LI_IS_RULE_ROW (self), FALSE);

  return priv->updating > 0;
}

void
li_rule_row_emit_changed (LiRuleRow *self,
                          LiField    field)
{
  g_return_if_fail (LI_IS_RULE_ROW (self));

  if (li_rule_row_is_updating (self))
    return;
  g_signal_emit (self, signals[CHANGED], 0, (guint) field);
}

void
li_rule_row_request_remove (LiRuleRow *self)
{
  g_return_if_fail (LI_IS_RULE_ROW (self));

  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

gboolean
li_rule_row_set_shown_title (LiRuleRow  *self,
                             const char *title)
{
  LiRuleRowPrivate *priv = li_rule_row_get_instance_private (self);

  g_return_val_if_fail (LI_IS_RULE_ROW (self), FALSE);

  if (g_strcmp0 (priv->shown_title, title) == 0)
    return FALSE;

  g_free (priv->shown_title);
  priv->shown_title = g_strdup (title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  return TRUE;
}

const char *
li_rule_row_get_shown_title (LiRuleRow *self)
{
  LiRuleRowPrivate *priv = li_rule_row_get_instance_private (self);

  g_return_val_if_fail (LI_IS_RULE_ROW (self), NULL);

  return priv->shown_title;
}
