/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-mapping-memory.c: the mappings the window remembers per header. */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-mapping-memory.h"

static char *
_li_mapping_memory_path (const char *key)
{
  g_autofree char *name = g_strconcat (key, ".json", NULL);

  return g_build_filename (g_get_user_data_dir (), "lead-intent", "mappings", name, NULL);
}

static LiCsvMap *
_li_mapping_memory_read (const LiCsvHead *head,
                         gboolean         header)
{
  g_autofree char *key = li_csv_head_dup_key (head, header);
  g_autofree char *path = _li_mapping_memory_path (key);
  g_autoptr(GError) error = NULL;
  LiCsvMap *map;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  if ((map = li_csv_map_from_file (path, &error)) == NULL)
    g_debug ("Remembered mapping not used: %s", error->message);
  /* A mapping filed under a header must be one for a file with a header. */
  if (map != NULL && map->header != header)
    g_clear_pointer (&map, li_csv_map_free);
  return map;
}

LiCsvMap *
li_mapping_memory_lookup (const LiCsvHead *head)
{
  g_autoptr(LiCsvMap) guess = NULL;
  LiCsvMap *map;

  g_return_val_if_fail (head != NULL, NULL);

  if ((map = _li_mapping_memory_read (head, TRUE)) != NULL)
    return map;
  /* Filed by its number of fields only: for a first line that is data. */
  guess = li_csv_map_guess (head);
  return guess->header ? NULL : _li_mapping_memory_read (head, FALSE);
}

gboolean
li_mapping_memory_save (const LiCsvHead  *head,
                        const LiCsvMap   *map,
                        GError          **error)
{
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (head != NULL && map != NULL, FALSE);

  key = li_csv_head_dup_key (head, map->header);
  path = _li_mapping_memory_path (key);
  return li_csv_map_save (map, path, error);
}
