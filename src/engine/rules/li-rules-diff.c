/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rules-diff.c: the rule-level difference of two rule sets (SPEC 6).
 *
 * Both rule sets are compared through the JSON they save to, so a field is
 * reported exactly as it appears in the file (15, not 15.0; a decay as its
 * object) and unknown keys take part like any other field.  Items are
 * matched by identity: intent rules by event and `where`, patterns by
 * name, fit rules by attribute and operator (several items with the same
 * identity are matched in order), stages by position. */

#include "config.h"

#include "li-rules-diff.h"
#include "li-rules-write.h"
#include "li-json-writer.h"

#include <string.h>

typedef struct
{
  const char         *section;
  const char * const *keys;  /* known fields, in file order */
  const char * const *skip;  /* fields that are the identity, or other sections */
  gboolean            enabled_default;  /* a missing "enabled" means true */
} LiDiffSection;

static const char * const meta_keys[] = { "name", "description", NULL };
static const char * const meta_skip[] = {
  "format", "format_version", "outcome", "decay", "intent", "patterns", "fit", "stages", NULL,
};
static const char * const outcome_keys[] = { "event", "window_days", NULL };
static const char * const decay_keys[] = { "model", "half_life_days", "days", NULL };
static const char * const intent_keys[] = { "points", "max_points", "decay", NULL };
static const char * const intent_skip[] = { "event", "where", NULL };
static const char * const pattern_keys[] = {
  "kind", "enabled", "min_count", "min_distinct", "events", "min_days",
  "within_hours", "within_days", "points", "max_points", "decay", NULL,
};
static const char * const pattern_skip[] = { "name", NULL };
static const char * const fit_keys[] = { "value", "values", "points", NULL };
static const char * const fit_skip[] = { "attribute", "op", NULL };
static const char * const stage_keys[] = {
  "name", "min_score", "min_intent", "min_fit", "channel", "follow_up_minutes", NULL,
};
static const char * const no_keys[] = { NULL };

static const char * const action_names[] = { "added", "removed", "changed" };

/* ------------------------------------------------------------------ helpers */

void
li_rule_change_free (LiRuleChange *change)
{
  if (change == NULL)
    return;
  g_free (change->section);
  g_free (change->item);
  g_free (change->field);
  g_clear_pointer (&change->old_value, json_node_unref);
  g_clear_pointer (&change->new_value, json_node_unref);
  g_free (change);
}

static void
_li_diff_add (GPtrArray      *changes,
              LiChangeAction  action,
              const char     *section,
              const char     *item,
              const char     *field,
              JsonNode       *old_value,
              JsonNode       *new_value)
{
  LiRuleChange *change = g_new0 (LiRuleChange, 1);

  change->action = action;
  change->section = g_strdup (section);
  change->item = g_strdup (item);
  change->field = g_strdup (field);
  change->old_value = old_value != NULL ? json_node_copy (old_value) : NULL;
  change->new_value = new_value != NULL ? json_node_copy (new_value) : NULL;
  g_ptr_array_add (changes, change);
}

static gboolean
_li_diff_key_in (const char         *key,
                 const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (strcmp (key, keys[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The rule set as it would be saved, parsed back. */
static JsonObject *
_li_diff_rules_object (const LiRules *rules)
{
  g_autofree char *data = li_rules_to_data (rules, NULL);
  g_autoptr(JsonNode) root = json_from_string (data, NULL);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return json_object_new ();
  return json_node_dup_object (root);
}

static JsonObject *
_li_diff_member_object (JsonObject *object,
                        const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
_li_diff_member_array (JsonObject *object,
                       const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonNode *
_li_diff_element (JsonArray *array,
                  guint      i)
{
  if (array == NULL || i >= json_array_get_length (array))
    return NULL;
  return json_array_get_element (array, i);
}

static JsonObject *
_li_diff_element_object (JsonArray *array,
                         guint      i)
{
  JsonNode *node = _li_diff_element (array, i);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
_li_diff_field (GPtrArray           *changes,
                const LiDiffSection *section,
                const char          *item,
                const char          *field,
                JsonObject          *a,
                JsonObject          *b)
{
  g_autoptr(JsonNode) enabled = NULL;
  JsonNode *old_value = a != NULL ? json_object_get_member (a, field) : NULL;
  JsonNode *new_value = b != NULL ? json_object_get_member (b, field) : NULL;

  if (section->enabled_default && strcmp (field, "enabled") == 0)
    {
      /* only saved when false */
      enabled = json_node_init_boolean (json_node_alloc (), TRUE);
      if (old_value == NULL)
        old_value = enabled;
      if (new_value == NULL)
        new_value = enabled;
    }

  if (old_value == NULL && new_value == NULL)
    return;
  if (old_value != NULL && new_value != NULL && json_node_equal (old_value, new_value))
    return;
  _li_diff_add (changes, LI_CHANGE_CHANGED, section->section, item, field, old_value, new_value);
}

/* One CHANGED entry per differing field: the known fields in file order,
 * then the other keys of @a, then the keys only @b has. */
static void
_li_diff_fields (GPtrArray           *changes,
                 const LiDiffSection *section,
                 const char          *item,
                 JsonObject          *a,
                 JsonObject          *b)
{
  GList *members;

  for (guint i = 0; section->keys[i] != NULL; i++)
    _li_diff_field (changes, section, item, section->keys[i], a, b);

  if (a != NULL)
    {
      members = json_object_get_members (a);
      for (GList *l = members; l != NULL; l = l->next)
        if (!_li_diff_key_in (l->data, section->keys) && !_li_diff_key_in (l->data, section->skip))
          _li_diff_field (changes, section, item, l->data, a, b);
      g_list_free (members);
    }

  if (b != NULL)
    {
      members = json_object_get_members (b);
      for (GList *l = members; l != NULL; l = l->next)
        if (!_li_diff_key_in (l->data, section->keys) && !_li_diff_key_in (l->data, section->skip)
            && (a == NULL || !json_object_has_member (a, l->data)))
          _li_diff_field (changes, section, item, l->data, a, b);
      g_list_free (members);
    }
}

/* ------------------------------------------------------------------ identities */

static int
_li_diff_compare_strings (gconstpointer a,
                          gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "email_click[link=cart_recovery|product]": the event and its where, with
 * properties and values sorted, so their order in the file does not matter. */
static char *
_li_diff_intent_key (gconstpointer item)
{
  const LiIntentRule *rule = item;
  GString *key = g_string_new (rule->event != NULL ? rule->event : "");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (rule->n_where == 0)
    return g_string_free (key, FALSE);

  for (guint w = 0; w < rule->n_where; w++)
    {
      const LiWhere *where = &rule->where[w];
      g_autoptr(GPtrArray) values = g_ptr_array_new ();
      GString *part = g_string_new (where->key != NULL ? where->key : "");

      for (guint v = 0; where->values != NULL && where->values[v] != NULL; v++)
        g_ptr_array_add (values, where->values[v]);
      g_ptr_array_sort (values, _li_diff_compare_strings);

      g_string_append_c (part, '=');
      for (guint v = 0; v < values->len; v++)
        {
          if (v > 0)
            g_string_append_c (part, '|');
          g_string_append (part, g_ptr_array_index (values, v));
        }
      g_ptr_array_add (parts, g_string_free (part, FALSE));
    }
  g_ptr_array_sort (parts, _li_diff_compare_strings);

  g_string_append_c (key, '[');
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append_c (key, ',');
      g_string_append (key, g_ptr_array_index (parts, i));
    }
  g_string_append_c (key, ']');
  return g_string_free (key, FALSE);
}

static char *
_li_diff_pattern_key (gconstpointer item)
{
  const LiPattern *pattern = item;

  return g_strdup (pattern->name != NULL ? pattern->name : "");
}

static char *
_li_diff_fit_key (gconstpointer item)
{
  const LiFitRule *rule = item;
  const char *op = li_fit_op_to_string (rule->op);

  return g_strdup_printf ("%s %s", rule->attribute != NULL ? rule->attribute : "",
                          op != NULL ? op : "?");
}

/* The k-th item with a given identity is labelled "identity #k" from k = 2 on. */
static GPtrArray *
_li_diff_labels (GPtrArray *keys)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) + 1;

      g_hash_table_insert (seen, (gpointer) key, GUINT_TO_POINTER (count));
      if (count == 1)
        g_ptr_array_add (labels, g_strdup (key));
      else
        g_ptr_array_add (labels, g_strdup_printf ("%s #%u", key, count));
    }
  return labels;
}

/* Matches items with equal keys in order; unmatched ones are removed or added. */
static void
_li_diff_list (GPtrArray           *changes,
               const LiDiffSection *section,
               GPtrArray           *keys_a,
               GPtrArray           *keys_b,
               JsonArray           *array_a,
               JsonArray           *array_b)
{
  g_autoptr(GPtrArray) labels_a = _li_diff_labels (keys_a);
  g_autoptr(GPtrArray) labels_b = _li_diff_labels (keys_b);
  g_autofree gboolean *used = g_new0 (gboolean, keys_b->len + 1);

  for (guint i = 0; i < keys_a->len; i++)
    {
      const char *key = g_ptr_array_index (keys_a, i);
      gboolean matched = FALSE;

      for (guint j = 0; j < keys_b->len; j++)
        {
          if (used[j] || strcmp (key, g_ptr_array_index (keys_b, j)) != 0)
            continue;
          used[j] = TRUE;
          matched = TRUE;
          _li_diff_fields (changes, section, g_ptr_array_index (labels_a, i),
                           _li_diff_element_object (array_a, i),
                           _li_diff_element_object (array_b, j));
          break;
        }
      if (!matched)
        _li_diff_add (changes, LI_CHANGE_REMOVED, section->section,
                      g_ptr_array_index (labels_a, i), NULL,
                      _li_diff_element (array_a, i), NULL);
    }

  for (guint j = 0; j < keys_b->len; j++)
    if (!used[j])
      _li_diff_add (changes, LI_CHANGE_ADDED, section->section,
                    g_ptr_array_index (labels_b, j), NULL,
                    NULL, _li_diff_element (array_b, j));
}

/* ------------------------------------------------------------------ sections */

/* Diffs a list whose items are matched by a key (see _li_diff_list). */
static void
_li_diff_keyed (GPtrArray           *changes,
                const LiDiffSection *section,
                gconstpointer        items_a,
                guint                n_a,
                gconstpointer        items_b,
                guint                n_b,
                gsize                item_size,
                char              *(*key) (gconstpointer item),
                JsonObject          *json_a,
                JsonObject          *json_b)
{
  g_autoptr(GPtrArray) keys_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys_b = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_a; i++)
    g_ptr_array_add (keys_a, key ((const char *) items_a + i * item_size));
  for (guint i = 0; i < n_b; i++)
    g_ptr_array_add (keys_b, key ((const char *) items_b + i * item_size));
  _li_diff_list (changes, section, keys_a, keys_b,
                 _li_diff_member_array (json_a, section->section),
                 _li_diff_member_array (json_b, section->section));
}

static void
_li_diff_stages (GPtrArray     *changes,
                 const LiRules *a,
                 const LiRules *b,
                 JsonObject    *json_a,
                 JsonObject    *json_b)
{
  static const LiDiffSection section = { "stages", stage_keys, no_keys, FALSE };
  JsonArray *array_a = _li_diff_member_array (json_a, "stages");
  JsonArray *array_b = _li_diff_member_array (json_b, "stages");
  guint n = MAX (a->n_stages, b->n_stages);

  for (guint i = 0; i < n; i++)
    {
      const char *name_a = i < a->n_stages && a->stages[i].name != NULL ? a->stages[i].name : "";
      const char *name_b = i < b->n_stages && b->stages[i].name != NULL ? b->stages[i].name : "";

      if (i >= b->n_stages)
        _li_diff_add (changes, LI_CHANGE_REMOVED, "stages", name_a, NULL,
                      _li_diff_element (array_a, i), NULL);
      else if (i >= a->n_stages)
        _li_diff_add (changes, LI_CHANGE_ADDED, "stages", name_b, NULL,
                      NULL, _li_diff_element (array_b, i));
      else
        {
          g_autofree char *item = NULL;

          if (strcmp (name_a, name_b) == 0)
            item = g_strdup (name_b);
          else
            item = g_strdup_printf ("%s→%s", name_a, name_b);
          _li_diff_fields (changes, &section, item,
                           _li_diff_element_object (array_a, i),
                           _li_diff_element_object (array_b, i));
        }
    }
}

GPtrArray *
li_rules_diff (const LiRules *a,
               const LiRules *b)
{
  static const LiDiffSection meta = { "meta", meta_keys, meta_skip, FALSE };
  static const LiDiffSection outcome = { "outcome", outcome_keys, no_keys, FALSE };
  static const LiDiffSection decay = { "decay", decay_keys, no_keys, FALSE };
  g_autoptr(JsonObject) json_a = NULL;
  g_autoptr(JsonObject) json_b = NULL;
  GPtrArray *changes;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) li_rule_change_free);
  json_a = _li_diff_rules_object (a);
  json_b = _li_diff_rules_object (b);

  _li_diff_fields (changes, &meta, NULL, json_a, json_b);
  _li_diff_fields (changes, &outcome, NULL,
                   _li_diff_member_object (json_a, "outcome"),
                   _li_diff_member_object (json_b, "outcome"));
  _li_diff_fields (changes, &decay, NULL,
                   _li_diff_member_object (json_a, "decay"),
                   _li_diff_member_object (json_b, "decay"));
  {
    static const LiDiffSection intent = { "intent", intent_keys, intent_skip, FALSE };
    static const LiDiffSection patterns = { "patterns", pattern_keys, pattern_skip, TRUE };
    static const LiDiffSection fit = { "fit", fit_keys, fit_skip, FALSE };

    _li_diff_keyed (changes, &intent, a->intent, a->n_intent, b->intent, b->n_intent,
                    sizeof (LiIntentRule), _li_diff_intent_key, json_a, json_b);
    _li_diff_keyed (changes, &patterns, a->patterns, a->n_patterns, b->patterns, b->n_patterns,
                    sizeof (LiPattern), _li_diff_pattern_key, json_a, json_b);
    _li_diff_keyed (changes, &fit, a->fit, a->n_fit, b->fit, b->n_fit,
                    sizeof (LiFitRule), _li_diff_fit_key, json_a, json_b);
  }
  _li_diff_stages (changes, a, b, json_a, json_b);
  return changes;
}

/* ------------------------------------------------------------------ output */

JsonNode *
li_rule_changes_to_json (GPtrArray *changes)
{
  JsonArray *array = json_array_new ();
  JsonNode *root;

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const LiRuleChange *change = g_ptr_array_index (changes, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "action", action_names[change->action]);
      json_object_set_string_member (object, "section", change->section);
      if (change->item != NULL)
        json_object_set_string_member (object, "item", change->item);
      if (change->field != NULL)
        json_object_set_string_member (object, "field", change->field);
      if (change->old_value != NULL)
        json_object_set_member (object, "old", json_node_copy (change->old_value));
      if (change->new_value != NULL)
        json_object_set_member (object, "new", json_node_copy (change->new_value));
      json_array_add_object_element (array, object);
    }

  root = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return root;
}

static char *
_li_diff_value_to_string (JsonNode *value)
{
  if (value == NULL)
    return g_strdup ("(none)");
  return li_json_to_string (value, FALSE);
}

char *
li_rule_change_to_string (const LiRuleChange *change)
{
  GString *out;

  g_return_val_if_fail (change != NULL, NULL);

  out = g_string_new (action_names[change->action]);
  g_string_append_c (out, ' ');
  g_string_append (out, change->section);
  if (change->item != NULL)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, change->item);
    }

  if (change->action == LI_CHANGE_CHANGED)
    {
      g_autofree char *old_text = _li_diff_value_to_string (change->old_value);
      g_autofree char *new_text = _li_diff_value_to_string (change->new_value);

      if (change->field != NULL)
        {
          g_string_append_c (out, ' ');
          g_string_append (out, change->field);
        }
      g_string_append_printf (out, ": %s → %s", old_text, new_text);
    }
  else
    {
      g_autofree char *text = _li_diff_value_to_string (change->action == LI_CHANGE_ADDED
                                                        ? change->new_value
                                                        : change->old_value);

      g_string_append_printf (out, ": %s", text);
    }

  return g_string_free (out, FALSE);
}
