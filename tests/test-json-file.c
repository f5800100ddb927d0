/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The user's JSON state files (li-json-file.c): written atomically and
 * privately, read back; damaged, deep, oversized or mistyped files are
 * errors or empty sections, never a crash in json-glib. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "li-json-file.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("li-json-file-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "sub", "state.json", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sub = g_path_get_dirname (f->path);

  g_unlink (f->path);
  g_rmdir (sub);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) section = json_object_new ();
  g_autoptr(JsonObject) back = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  json_object_set_string_member (section, "a", "b");
  g_assert_true (li_json_file_write_section (f->path, "lead-intent-test", "items", section, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  back = li_json_file_read_section (f->path, "items");
  g_assert_cmpstr (li_json_object_get_string (back, "a"), ==, "b");
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = li_json_file_read (f->path, 1024, 8, &error);
  g_autoptr(JsonObject) section = li_json_file_read_section (f->path, "items");

  g_assert_null (root);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpuint (json_object_get_size (section), ==, 0);
}

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  /* json-glib alone recurses once per level and falls over on this. */
  g_autoptr(GString) deep = g_string_new ("{\"items\": ");
  const char *bad[] = {
    "{\"items\": {\"a\": 1} // comment\n}",
    "{\"items\": 5}",
    "[1, 2]",
    "",
  };

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  write_text (f->path, deep->str);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) root = li_json_file_read (f->path, 1 << 20, 160, &error);
    g_autoptr(JsonObject) section = li_json_file_read_section (f->path, "items");

    g_assert_null (root);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
    g_assert_nonnull (strstr (error->message, f->path));
    g_assert_cmpuint (json_object_get_size (section), ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonObject) section = NULL;

      write_text (f->path, bad[i]);
      section = li_json_file_read_section (f->path, "items");
      g_assert_cmpuint (json_object_get_size (section), ==, 0);
    }

  /* Larger than the bound: refused before it is read. */
  write_text (f->path, "{\"items\": {\"a\": \"0123456789\"}}");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) root = li_json_file_read (f->path, 8, 8, &error);

    g_assert_null (root);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  }
}

static void
test_get_string (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"s\": \"x\", \"n\": 1, \"o\": {}, \"z\": null}", NULL);
  JsonObject *object = json_node_get_object (node);

  g_assert_cmpstr (li_json_object_get_string (object, "s"), ==, "x");
  g_assert_null (li_json_object_get_string (object, "n"));
  g_assert_null (li_json_object_get_string (object, "o"));
  g_assert_null (li_json_object_get_string (object, "z"));
  g_assert_null (li_json_object_get_string (object, "missing"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/engine/json-file/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/engine/json-file/missing", Fixture, NULL, fixture_set_up, test_missing, fixture_tear_down);
  g_test_add ("/engine/json-file/hostile", Fixture, NULL, fixture_set_up, test_hostile, fixture_tear_down);
  g_test_add_func ("/engine/json-file/get-string", test_get_string);
  return g_test_run ();
}
