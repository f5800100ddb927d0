/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "li-data-names.h"

void
li_data_name_free (LiDataName *name)
{
  if (name == NULL)
    return;
  g_free (name->name);
  g_free (name);
}

static int
_li_data_name_compare (gconstpointer a,
                       gconstpointer b)
{
  const LiDataName *na = *(const LiDataName * const *) a;
  const LiDataName *nb = *(const LiDataName * const *) b;

  if (na->count != nb->count)
    return na->count > nb->count ? -1 : 1;
  return strcmp (na->name, nb->name);
}

void
li_data_names_sort (GPtrArray *names)
{
  g_return_if_fail (names != NULL);

  g_ptr_array_sort (names, _li_data_name_compare);
}

GPtrArray *
li_data_names_from_store (const LiEventStore *store)
{
  GPtrArray *names = g_ptr_array_new_with_free_func ((GDestroyNotify) li_data_name_free);
  guint32 n;

  if (store == NULL || store->names == NULL)
    return names;

  n = li_str_pool_size (store->names);
  for (guint32 id = 0; id < n; id++)
    {
      LiDataName *name = g_new0 (LiDataName, 1);

      name->name = g_strdup (li_str_pool_get (store->names, id));
      name->count = store->name_count != NULL ? store->name_count[id] : 0;
      g_ptr_array_add (names, name);
    }
  li_data_names_sort (names);

  return names;
}
