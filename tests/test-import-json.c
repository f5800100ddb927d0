/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GA4 and Segment JSON lines (SPEC 2.1) and their bad rows (SPEC 2.3). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "li-import.h"
#include "li-time.h"
#include "li-import-test-util.h"

static char *
import_described (const char      *path,
                  LiFormat         format,
                  LiImportReport  *report)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { path, NULL };
  LiImportOptions options = { format, FALSE, 0 };
  g_autoptr(LiEventStore) store = li_import_event_paths (paths, &options, report,
                                                         NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return describe (store);
}

static void
test_ga4 (void)
{
  g_autofree char *path = fixture ("ga4.jsonl");
  g_autofree char *got = NULL;
  g_auto(LiImportReport) report = { 0, };

  got = import_described (path, LI_FORMAT_AUTO, &report);
  g_assert_cmpstr (got, ==,
    "1234.5678 2026-03-01T10:00:00.123Z product_view product_id=SKU_1;category=shoes;"
    "variant=red;price=49.9;country=Germany;region=Bavaria;device=mobile;"
    "ga_session_id=1772359000;session_id=1772359000;"
    "page_location=https://shop.example/p/ünïcode?x=1;engagement_time_msec=120;value=49.9;"
    "plan=pro\n"
    "u-42 2026-03-01T10:01:00Z add_to_cart product_id=SKU_1;category=shoes;price=49.90\n"
    "u-42 2026-03-01T10:03:00Z lead_form\n"
    "9999.1 2026-03-01T10:02:00Z session_start medium=email;link=cart_recovery;flag=0;big=1e+21\n");
  g_assert_cmpstr (report.formats[0], ==, "ga4");
  g_assert_cmpuint (report.n_skipped, ==, 0);
}

static void
test_segment (void)
{
  g_autofree char *path = fixture ("segment.jsonl");
  g_autofree char *got = NULL;
  g_auto(LiImportReport) report = { 0, };

  got = import_described (path, LI_FORMAT_AUTO, &report);
  g_assert_cmpstr (got, ==,
    "u-1 2026-03-01T08:00:00.500Z identify email=a@example.com;plan=pro;employees=120;vip=true\n"
    "u-1 2026-03-01T11:00:00Z purchase order_id=o-1;total=27.50;revenue=25\n"
    "u-1 2026-03-01T13:30:00Z page_view path=/;title=Ünïcode ☃\n"
    "anon-2 2026-03-01T09:00:00.123Z product_view product_id=507f1f77;sku=G-32;category=Games;"
    "name=Monopoly: 3rd Edition;price=18.99;quantity=1\n"
    "anon-2 2026-03-01T09:01:00Z page_view\n"
    "42 2026-03-01T12:00:00Z Webinar Joined\n"
    "u-3 2026-03-01T12:00:00Z identify country=DE\n");
  g_assert_cmpstr (report.formats[0], ==, "segment");
  g_assert_cmpuint (report.n_ignored, ==, 1);
}

static void
test_gzip (void)
{
  g_autofree char *plain = fixture ("segment.jsonl");
  g_autofree char *data = NULL;
  g_autofree char *gz_path = NULL;
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(GConverter) gzip = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1));
  g_autoptr(GError) error = NULL;
  gsize len, read, written;
  char out[8192];

  g_assert_true (g_file_get_contents (plain, &data, &len, NULL));
  g_assert_cmpint (g_converter_convert (gzip, data, len, out, sizeof out, G_CONVERTER_INPUT_AT_END,
                                        &read, &written, &error), ==, G_CONVERTER_FINISHED);
  g_assert_no_error (error);
  gz_path = tmp_file ("segment.jsonl.gz", out, (gssize) written);
  a = import_described (plain, LI_FORMAT_AUTO, NULL);
  b = import_described (gz_path, LI_FORMAT_SEGMENT, NULL);
  g_assert_cmpstr (a, ==, b);
}

/* Each line of a bad fixture alone, at its own line number (blank lines
 * before it), stops the import with @expected[i] ("" for a good line). */
static void
check_bad_lines (const char         *name,
                 LiFormat            format,
                 const char * const *expected,
                 guint               n)
{
  g_autofree char *path = fixture (name);
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  lines = g_strsplit (data, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *blank = g_strnfill (i, '\n');
      g_autofree char *contents = g_strconcat (blank, lines[i], "\n", NULL);
      g_autofree char *one = tmp_file ("one.jsonl", contents, -1);
      const char *paths[] = { one, NULL };
      LiImportOptions options = { format, FALSE, 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(LiEventStore) store = li_import_event_paths (paths, &options, NULL, NULL, NULL,
                                                             NULL, &error);

      if (expected[i][0] == '\0')
        {
          g_assert_no_error (error);
          continue;
        }
      {
        g_autofree char *want = g_strdup_printf ("%s:%u: %s", one, i + 1, expected[i]);

        g_assert_null (store);
        g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW);
        g_assert_cmpstr (error->message, ==, want);
      }
    }
}

static void
test_ga4_bad (void)
{
  static const char * const expected[] = {
    "",
    "invalid JSON at column 85: expected a key",
    "bad event_timestamp \"17723592000000x0\"",
    "empty event_name",
    "no user_id or user_pseudo_id",
    "invalid JSON at column 82: lone surrogate",
    "invalid JSON at column 1: not a JSON object",
    "invalid JSON at column 86: text after the object",
    "no event_timestamp",
    "invalid JSON at column 89: number out of range",
    "",
    "invalid UTF-8",
  };
  g_autofree char *path = fixture ("ga4-bad.jsonl");
  const char *paths[] = { path, NULL };
  LiImportOptions skip = { LI_FORMAT_AUTO, TRUE, 0 };
  g_auto(LiImportReport) report = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *want = NULL;

  check_bad_lines ("ga4-bad.jsonl", LI_FORMAT_GA4, expected, G_N_ELEMENTS (expected));

  store = li_import_event_paths (paths, &skip, &report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (store->n_events, ==, 2);
  g_assert_cmpuint (report.n_skipped, ==, 10);
  g_assert_cmpuint (g_strv_length (report.skipped_reasons), ==, LI_IMPORT_MAX_REASONS);
  want = g_strdup_printf ("%s:6: invalid JSON at column 82: lone surrogate", path);
  g_assert_cmpstr (report.skipped_reasons[4], ==, want);

  /* Without --skip-bad-rows the first bad row stops the import. */
  g_clear_error (&error);
  g_clear_pointer (&store, li_event_store_unref);
  store = li_import_event_paths (paths, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (store);
  g_clear_pointer (&want, g_free);
  want = g_strdup_printf ("%s:2: invalid JSON at column 85: expected a key", path);
  g_assert_cmpstr (error->message, ==, want);
}

static void
test_segment_bad (void)
{
  static const char * const expected[] = {
    "",
    "no event in a track call",
    "no userId or anonymousId",
    "bad timestamp \"yesterday\"",
    "no timestamp",
    "no type",
    "invalid JSON at column 113: bad escape",
    "invalid JSON at column 116: control character in a string",
    "invalid JSON at column 113: \\u0000 in a string",
  };

  check_bad_lines ("segment-bad.jsonl", LI_FORMAT_SEGMENT, expected, G_N_ELEMENTS (expected));
}

static void
test_json_edges (void)
{
  static const struct
  {
    const char *contents;
    const char *message;  /* NULL: imports */
  } cases[] = {
    { "\xEF\xBB\xBF{\"type\":\"page\",\"userId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00Z\"}\n", NULL },
    { "{\"type\":\"page\",\"userId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00Z\"}\r\n\r\n", NULL },
    { "{\"type\":\"page\",\"userId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00Z\"}", NULL },
    { "{\"type\":\"page\",\"userId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"x\":", "%s:1: invalid JSON at column 68: unexpected end of line" },
    { "{\"event_name\":\"a\",\"event_timestamp\":\"9999999999999999999\",\"user_id\":\"u\"}", "%s:1: bad event_timestamp \"9999999999999999999\"" },
    { "{\"event_name\":\"a\",\"event_timestamp\":1.5,\"user_id\":\"u\"}", "%s:1: bad event_timestamp 1.5" },
    { "{\"event_name\":\"a\",\"event_timestamp\":-1000,\"user_id\":\"u\"}", NULL },
    { "{\"event_name\":\"a\",\"event_timestamp\":01,\"user_id\":\"u\"}", "%s:1: invalid JSON at column 38: expected ‘,’ or ‘}’" },
    { "{\"a\":tru}", "%s:1: invalid JSON at column 6: unexpected character" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = tmp_file ("edge.jsonl", cases[i].contents, -1);
      const char *paths[] = { path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(LiEventStore) store = li_import_event_paths (paths, NULL, NULL, NULL, NULL,
                                                             NULL, &error);

      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (store->n_events, ==, 1);
        }
      else
        {
          g_auto(GStrv) parts = g_strsplit (cases[i].message, "%s", -1);
          g_autofree char *want = g_strjoinv (path, parts);

          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, ==, want);
        }
    }
}

static void
test_depth (void)
{
  GString *deep = g_string_new ("{\"type\":\"page\",\"userId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"x\":");
  g_autofree char *path = NULL;
  g_autofree char *want = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  gsize at;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  at = deep->len;
  g_string_append_c (deep, '}');
  path = tmp_file ("deep.jsonl", deep->str, -1);
  paths[0] = path;
  store = li_import_event_paths (paths, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (store);
  want = g_strdup_printf ("%s:1: invalid JSON at column %" G_GSIZE_FORMAT ": nested too deeply",
                          path, at - 100000 + 63 + 1);
  g_assert_cmpstr (error->message, ==, want);
  g_string_free (deep, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("li-test-import-json-XXXXXX", NULL);

  g_test_add_func ("/engine/import-json/ga4", test_ga4);
  g_test_add_func ("/engine/import-json/ga4-bad", test_ga4_bad);
  g_test_add_func ("/engine/import-json/segment", test_segment);
  g_test_add_func ("/engine/import-json/segment-bad", test_segment_bad);
  g_test_add_func ("/engine/import-json/gzip", test_gzip);
  g_test_add_func ("/engine/import-json/edges", test_json_edges);
  g_test_add_func ("/engine/import-json/depth", test_depth);

  ret = g_test_run ();
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmp_dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  return ret;
}
