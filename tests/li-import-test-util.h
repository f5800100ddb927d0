/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the import tests share: fixtures, temporary files, and a store as
 * text.  The including test creates tmp_dir. */

#include <glib.h>
#include <glib/gstdio.h>

#include "li-event-store.h"
#include "li-time.h"

static char *tmp_dir;

G_GNUC_UNUSED static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

/* Writes @contents into the test's temporary directory; returns the path. */
G_GNUC_UNUSED static char *
tmp_file (const char *name,
          const char *contents,
          gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

/* One line per event, leads in first-seen order, events in store order:
 * "lead time name key=value;key=value". */
G_GNUC_UNUSED static char *
describe (const LiEventStore *store)
{
  GString *out = g_string_new (NULL);

  for (guint32 l = 0; l < store->n_leads; l++)
    for (guint32 i = store->lead_start[l]; i < store->lead_start[l + 1]; i++)
      {
        g_autofree char *t = li_time_format (store->time_ms[i]);

        g_string_append_printf (out, "%s %s %s", li_str_pool_get (store->leads, l), t,
                                li_str_pool_get (store->names, store->name[i]));
        for (guint32 j = store->prop_start[i]; j < store->prop_start[i + 1]; j++)
          g_string_append_printf (out, "%s%s=%s", j == store->prop_start[i] ? " " : ";",
                                  li_str_pool_get (store->keys, store->prop_key[j]),
                                  li_str_pool_get (store->values, li_event_store_prop_value (store, j)));
        g_string_append_c (out, '\n');
      }
  return g_string_free (out, FALSE);
}

/* Removes the test's temporary directory and the files in it. */
G_GNUC_UNUSED static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}
