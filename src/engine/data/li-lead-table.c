/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-lead-table.c: the static lead attributes of the leads file (SPEC 2.2).
 * The table is filled by li_import_leads () in li-leads-file.c. */

#include "config.h"

#include <string.h>

#include "li-lead-table.h"
#include "li-leads-file.h"

LiLeadTable *
li_lead_table_ref (LiLeadTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (table->ref_count > 0, NULL);

  g_atomic_int_inc (&table->ref_count);
  return table;
}

void
li_lead_table_unref (LiLeadTable *table)
{
  if (table == NULL)
    return;

  g_return_if_fail (table->ref_count > 0);

  if (!g_atomic_int_dec_and_test (&table->ref_count))
    return;

  g_clear_pointer (&table->leads, li_str_pool_free);
  g_clear_pointer (&table->values, li_str_pool_free);
  g_clear_pointer (&table->attributes, g_strfreev);
  g_clear_pointer (&table->value, g_free);
  g_free (table);
}

int
li_lead_table_find_attribute (const LiLeadTable *table,
                              const char        *name)
{
  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint a = 0; a < table->n_attributes; a++)
    if (strcmp (table->attributes[a], name) == 0)
      return (int) a;
  return -1;
}

const char *
li_lead_table_get (const LiLeadTable *table,
                   const char        *lead,
                   gsize              lead_len,
                   int                a)
{
  guint32 row, value;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (lead != NULL || lead_len == 0, NULL);
  g_return_val_if_fail (a < (int) table->n_attributes, NULL);

  if (a < 0 || !li_str_pool_lookup (table->leads, lead, lead_len, &row))
    return NULL;

  value = table->value[(gsize) row * table->n_attributes + (guint) a];
  if (value == LI_LEAD_TABLE_MISSING)
    return NULL;
  return li_str_pool_get (table->values, value);
}
