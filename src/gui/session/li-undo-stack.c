/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-undo-stack.h"

struct _LiUndoStack
{
  GPtrArray *states;     /* LiRules*, oldest first */
  guint      cursor;     /* index of the current state */
  guint      max_depth;
  char      *merge_key;  /* key of the newest push, NULL when not mergeable */
  gint64     merge_time;
};

LiUndoStack *
li_undo_stack_new (const LiRules *initial,
                   guint          max_depth)
{
  LiUndoStack *self = g_new0 (LiUndoStack, 1);

  g_return_val_if_fail (initial != NULL, NULL);

  self->states = g_ptr_array_new_with_free_func ((GDestroyNotify) li_rules_free);
  self->max_depth = MAX (max_depth, 2);
  li_undo_stack_reset (self, initial);

  return self;
}

void
li_undo_stack_free (LiUndoStack *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->states);
  g_free (self->merge_key);
  g_free (self);
}

static void
_li_undo_stack_forget_merge (LiUndoStack *self)
{
  g_clear_pointer (&self->merge_key, g_free);
  self->merge_time = 0;
}

void
li_undo_stack_reset (LiUndoStack   *self,
                     const LiRules *rules)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rules != NULL);

  g_ptr_array_set_size (self->states, 0);
  g_ptr_array_add (self->states, li_rules_copy (rules));
  self->cursor = 0;
  _li_undo_stack_forget_merge (self);
}

void
li_undo_stack_push (LiUndoStack   *self,
                    const LiRules *rules,
                    const char    *merge_key,
                    gint64         now_usec)
{
  gboolean merge;

  g_return_if_fail (self != NULL);
  g_return_if_fail (rules != NULL);

  /* Drop the states that could have been redone. */
  if (self->cursor + 1 < self->states->len)
    {
      g_ptr_array_remove_range (self->states, self->cursor + 1,
                                self->states->len - self->cursor - 1);
      _li_undo_stack_forget_merge (self);
    }

  merge = merge_key != NULL
          && self->merge_key != NULL
          && self->cursor > 0
          && g_str_equal (merge_key, self->merge_key)
          && now_usec - self->merge_time < LI_UNDO_MERGE_USEC;

  if (merge)
    {
      li_rules_free (g_ptr_array_index (self->states, self->cursor));
      g_ptr_array_index (self->states, self->cursor) = li_rules_copy (rules);
    }
  else
    {
      g_ptr_array_add (self->states, li_rules_copy (rules));
      self->cursor = self->states->len - 1;

      if (self->states->len > self->max_depth)
        {
          g_ptr_array_remove_index (self->states, 0);
          self->cursor--;
        }
    }

  g_free (self->merge_key);
  self->merge_key = g_strdup (merge_key);
  self->merge_time = now_usec;
}

const LiRules *
li_undo_stack_undo (LiUndoStack *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->cursor == 0)
    return NULL;

  _li_undo_stack_forget_merge (self);
  self->cursor--;

  return g_ptr_array_index (self->states, self->cursor);
}

const LiRules *
li_undo_stack_redo (LiUndoStack *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->cursor + 1 >= self->states->len)
    return NULL;

  _li_undo_stack_forget_merge (self);
  self->cursor++;

  return g_ptr_array_index (self->states, self->cursor);
}

const LiRules *
li_undo_stack_get_current (LiUndoStack *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_ptr_array_index (self->states, self->cursor);
}

gboolean
li_undo_stack_can_undo (LiUndoStack *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->cursor > 0;
}

gboolean
li_undo_stack_can_redo (LiUndoStack *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->cursor + 1 < self->states->len;
}

guint
li_undo_stack_get_depth (LiUndoStack *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->states->len;
}
