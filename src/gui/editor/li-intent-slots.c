/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "li-intent-slots.h"
#include "li-data-names.h"
#include "li-format.h"

static void
_li_intent_slot_clear (gpointer data)
{
  LiIntentSlot *slot = data;

  g_clear_pointer (&slot->event, g_free);
}

static void
_li_intent_slots_add (GArray     *slots,
                      const char *event,
                      int         rule,
                      guint64     count,
                      gboolean    in_data)
{
  LiIntentSlot slot = { g_strdup (event), rule, count, in_data };

  g_array_append_val (slots, slot);
}

GArray *
li_intent_slots_build (GPtrArray     *names,
                       const LiRules *rules,
                       guint          max_placeholders)
{
  g_autofree gboolean *used = NULL;
  GArray *slots;
  guint placeholders = 0;

  g_return_val_if_fail (rules != NULL, NULL);

  slots = g_array_new (FALSE, TRUE, sizeof (LiIntentSlot));
  g_array_set_clear_func (slots, _li_intent_slot_clear);
  used = g_new0 (gboolean, MAX (rules->n_intent, 1));

  for (guint n = 0; names != NULL && n < names->len; n++)
    {
      const LiDataName *name = g_ptr_array_index (names, n);
      gboolean any = FALSE;

      for (guint i = 0; i < rules->n_intent; i++)
        {
          if (used[i] || g_strcmp0 (rules->intent[i].event, name->name) != 0)
            continue;
          _li_intent_slots_add (slots, name->name, i, name->count, TRUE);
          used[i] = TRUE;
          any = TRUE;
        }

      if (!any &&
          placeholders < max_placeholders &&
          g_strcmp0 (name->name, rules->outcome_event) != 0)
        {
          _li_intent_slots_add (slots, name->name, -1, name->count, TRUE);
          placeholders++;
        }
    }

  /* Rules on events the data does not have, grouped by event. */
  for (guint i = 0; i < rules->n_intent; i++)
    {
      const char *event = rules->intent[i].event;

      if (used[i])
        continue;
      for (guint j = i; j < rules->n_intent; j++)
        {
          if (used[j] || g_strcmp0 (rules->intent[j].event, event) != 0)
            continue;
          _li_intent_slots_add (slots, event != NULL ? event : "", j, 0, FALSE);
          used[j] = TRUE;
        }
    }

  return slots;
}

gboolean
li_intent_slots_same_rows (GArray *a,
                           GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const LiIntentSlot *sa = &g_array_index (a, LiIntentSlot, i);
      const LiIntentSlot *sb = &g_array_index (b, LiIntentSlot, i);

      if (sa->in_data != sb->in_data || g_strcmp0 (sa->event, sb->event) != 0)
        return FALSE;
    }

  return TRUE;
}

char *
li_intent_slots_dup_key (GArray *slots,
                         guint   i)
{
  const LiIntentSlot *slot;
  guint k = 0;

  g_return_val_if_fail (slots != NULL && i < slots->len, NULL);

  slot = &g_array_index (slots, LiIntentSlot, i);
  for (guint j = 0; j < i; j++)
    if (g_strcmp0 (g_array_index (slots, LiIntentSlot, j).event, slot->event) == 0)
      k++;
  return g_strdup_printf ("%s\037%u", slot->event, k);
}

guint
li_intent_slots_count_event (GArray     *slots,
                             const char *event)
{
  guint n = 0;

  g_return_val_if_fail (slots != NULL, 0);

  for (guint i = 0; i < slots->len; i++)
    if (g_strcmp0 (g_array_index (slots, LiIntentSlot, i).event, event) == 0)
      n++;
  return n;
}

int
li_intent_slots_find_placeholder (GArray     *slots,
                                  const char *event)
{
  g_return_val_if_fail (slots != NULL, -1);

  for (guint i = 0; i < slots->len; i++)
    {
      const LiIntentSlot *slot = &g_array_index (slots, LiIntentSlot, i);

      if (slot->rule < 0 && g_strcmp0 (slot->event, event) == 0)
        return i;
    }
  return -1;
}

int
li_intent_slots_find_rule (GArray *slots,
                           int     rule)
{
  g_return_val_if_fail (slots != NULL, -1);

  for (guint i = 0; i < slots->len; i++)
    if (g_array_index (slots, LiIntentSlot, i).rule == rule)
      return i;
  return -1;
}

void
li_intent_slots_rule_removed (GArray *slots,
                              int     removed)
{
  g_return_if_fail (slots != NULL);

  for (guint i = 0; i < slots->len; i++)
    {
      LiIntentSlot *slot = &g_array_index (slots, LiIntentSlot, i);

      if (slot->rule == removed)
        slot->rule = -1;
      else if (slot->rule > removed)
        slot->rule--;
    }
}

char *
li_intent_slot_dup_note (const LiIntentSlot *slot,
                         gboolean            has_data)
{
  g_autofree char *count = NULL;

  g_return_val_if_fail (slot != NULL, NULL);

  if (!has_data)
    return NULL;
  if (!slot->in_data)
    return g_strdup (_("not in data"));

  count = li_format_count (slot->count);
  /* Translators: the number of events of one name in the data. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event", "%s events",
                                       (gulong) MIN (slot->count, G_MAXULONG)),
                          count);
}
