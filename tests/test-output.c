/* SPDX-License-Identifier: GPL-3.0-or-later */
/* All outputs of a command or none (li-output.c): files replaced only when
 * every output succeeded, links written through, permissions kept. */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "li-output.h"

static char *
read_file (const char *path)
{
  char *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;
  return data;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_output_together (void)
{
  g_autofree char *dir = g_dir_make_tmp ("li-output-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "c.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  {
    g_autoptr(LiOutputSet) set = li_output_set_new ();

    g_string_append (li_output_set_add (set, a), "one\n");
    g_string_append (li_output_set_add (set, b), "two\n");
    g_assert_true (li_output_set_commit (set, &error));
    g_assert_no_error (error);
  }
  data = read_file (a);
  g_assert_cmpstr (data, ==, "one\n");
  g_clear_pointer (&data, g_free);

  /* the second output fails: the first file keeps its old contents and no
   * temporary file is left */
  {
    g_autoptr(LiOutputSet) set = li_output_set_new ();

    g_string_append (li_output_set_add (set, a), "new\n");
    g_string_append (li_output_set_add (set, missing), "x\n");
    g_assert_false (li_output_set_commit (set, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_true (g_str_has_prefix (error->message, missing));
    g_clear_error (&error);
  }
  data = read_file (a);
  g_assert_cmpstr (data, ==, "one\n");
  g_assert_cmpuint (count_entries (dir), ==, 2);

  /* a full device fails the set too */
  {
    g_autoptr(LiOutputSet) set = li_output_set_new ();

    g_string_append (li_output_set_add (set, b), "new\n");
    g_string_append (li_output_set_add (set, "/dev/full"), "x\n");
    g_assert_false (li_output_set_commit (set, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
    g_clear_error (&error);
  }
  g_clear_pointer (&data, g_free);
  data = read_file (b);
  g_assert_cmpstr (data, ==, "two\n");
  g_assert_cmpuint (count_entries (dir), ==, 2);

  g_remove (a);
  g_remove (b);
  g_rmdir (dir);
}

static void
test_output_links_and_modes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("li-output-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "leads.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "latest.csv", NULL);
  g_autoptr(LiOutputSet) set = li_output_set_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (target, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("leads.csv", link), ==, 0);

  g_string_append (li_output_set_add (set, link), "new\n");
  g_string_append (li_output_set_add (set, "/dev/null"), "ignored\n");
  g_assert_true (li_output_set_commit (set, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  data = read_file (target);
  g_assert_cmpstr (data, ==, "new\n");

  g_remove (link);
  g_remove (target);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/output/together", test_output_together);
  g_test_add_func ("/engine/output/links-and-modes", test_output_links_and_modes);
  return g_test_run ();
}
