/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inputs made to exhaust the importer (SPEC 2.3: never crash, hang or
 * exhaust memory): each must be handled in time and memory that grow
 * linearly with the input, or be refused with a clear error. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "li-import.h"
#include "li-leads-file.h"

static char *tmp_dir;

/* CPU time of this thread, in seconds: a busy machine does not make the
 * timed tests fail. */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static char *
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

/* A header of lead_id,timestamp,event and @n_extra more columns c0, c1, …,
 * then @n_rows rows of u<row>,<time>,view,<1 in every extra column>. */
static GString *
wide_csv (guint n_extra,
          guint n_rows)
{
  GString *data = g_string_new ("lead_id,timestamp,event");

  for (guint i = 0; i < n_extra; i++)
    g_string_append_printf (data, ",c%u", i);
  g_string_append_c (data, '\n');
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append_printf (data, "u%u,1772359200,view", r);
      for (guint i = 0; i < n_extra; i++)
        g_string_append (data, ",1");
      g_string_append_c (data, '\n');
    }
  return data;
}

/* Finding the columns of a 65 000-column header is linear, not quadratic. */
static void
test_wide_header (void)
{
  g_autoptr(GString) data = wide_csv (64997, 3);
  g_autofree char *path = tmp_file ("wide.csv", data->str, (gssize) data->len);
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  guint32 key;
  double start, secs;

  start = cpu_now ();
  store = li_import_event_paths (paths, NULL, NULL, NULL, NULL, NULL, &error);
  secs = cpu_now () - start;
  g_assert_no_error (error);
  g_assert_cmpuint (store->n_events, ==, 3);
  g_assert_cmpuint (li_str_pool_size (store->keys), ==, 64997);
  g_assert_true (li_str_pool_lookup (store->keys, "c64996", 6, &key));
  g_test_message ("65 000 columns imported in %.3f s", secs);
  g_assert_cmpfloat (secs, <, 1.0);
}

static void
test_wide_leads_header (void)
{
  g_autoptr(GString) data = g_string_new ("lead_id");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiLeadTable) table = NULL;
  double start, secs;

  /* Every name twice: the later column wins. */
  for (guint i = 0; i < 32000; i++)
    g_string_append_printf (data, ",a%u", i);
  for (guint i = 0; i < 32000; i++)
    g_string_append_printf (data, ",a%u", i);
  g_string_append (data, "\nu1");
  for (guint i = 0; i < 64000; i++)
    g_string_append_printf (data, ",%u", i);
  g_string_append_c (data, '\n');
  path = tmp_file ("wide-leads.csv", data->str, (gssize) data->len);
  file = g_file_new_for_path (path);

  start = cpu_now ();
  table = li_import_leads (file, NULL, &error);
  secs = cpu_now () - start;
  g_assert_no_error (error);
  g_assert_cmpuint (table->n_attributes, ==, 32000);
  g_assert_cmpstr (table->attributes[31999], ==, "a31999");
  g_assert_cmpstr (li_lead_table_get (table, "u1", 2, 31999), ==, "63999");
  g_test_message ("64 000 lead columns imported in %.3f s", secs);
  g_assert_cmpfloat (secs, <, 1.0);
}

static void
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("li-test-import-limits-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/engine/import-limits/wide-header", test_wide_header);
  g_test_add_func ("/engine/import-limits/wide-leads-header", test_wide_leads_header);

  ret = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  return ret;
}
