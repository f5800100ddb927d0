/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-intent-count.c: the events an intent rule matches, with its filter. */

#include "config.h"

#include "li-intent-count.h"

#include <string.h>

/* A clause resolved to ids: the key and a set of accepted value ids.  A
 * key or value that never occurs in the data matches nothing. */
typedef struct
{
  gboolean    known;
  guint32     key;
  GHashTable *values;  /* value ids */
} Clause;

static void
_li_clause_clear (Clause *clause)
{
  g_clear_pointer (&clause->values, g_hash_table_unref);
}

static void
_li_clause_resolve (Clause             *clause,
                    const LiWhere      *where,
                    const LiEventStore *store)
{
  clause->values = g_hash_table_new (NULL, NULL);
  clause->known = where->key != NULL &&
                  li_str_pool_lookup (store->keys, where->key, strlen (where->key), &clause->key);
  for (guint k = 0; clause->known && where->values != NULL && where->values[k] != NULL; k++)
    {
      guint32 id;

      if (li_str_pool_lookup (store->values, where->values[k], strlen (where->values[k]), &id))
        g_hash_table_add (clause->values, GUINT_TO_POINTER (id + 1));
    }
}

static gboolean
_li_clause_matches (const Clause       *clause,
                    const LiEventStore *store,
                    guint32             i)
{
  guint32 value;

  return clause->known && li_event_store_get_prop (store, i, clause->key, &value) &&
         g_hash_table_contains (clause->values, GUINT_TO_POINTER (value + 1));
}

guint64
li_intent_rule_count_events (const LiIntentRule *rule,
                             const LiEventStore *store)
{
  g_autofree Clause *clauses = NULL;
  guint32 name;
  guint64 n = 0;

  g_return_val_if_fail (rule != NULL, 0);

  if (store == NULL || rule->event == NULL ||
      !li_str_pool_lookup (store->names, rule->event, strlen (rule->event), &name))
    return 0;
  if (rule->n_where == 0)
    return store->name_count != NULL ? store->name_count[name] : 0;

  clauses = g_new0 (Clause, rule->n_where);
  for (guint c = 0; c < rule->n_where; c++)
    _li_clause_resolve (&clauses[c], &rule->where[c], store);

  for (guint32 i = 0; i < store->n_events; i++)
    {
      gboolean match = store->name[i] == name;

      for (guint c = 0; match && c < rule->n_where; c++)
        match = _li_clause_matches (&clauses[c], store, i);
      n += match;
    }

  for (guint c = 0; c < rule->n_where; c++)
    _li_clause_clear (&clauses[c]);
  return n;
}
