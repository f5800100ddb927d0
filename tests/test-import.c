/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "li-import.h"
#include "li-leads-file.h"
#include "li-time.h"
#include "li-import-test-util.h"

static LiEventStore *
import_ok (const char * const    *paths,
           const LiImportOptions *options,
           LiImportReport        *report)
{
  g_autoptr(GError) error = NULL;
  LiEventStore *store = li_import_event_paths (paths, options, report, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* @message with "%s" replaced by @path. */
static char *
expand (const char *message,
        const char *path)
{
  g_auto(GStrv) parts = g_strsplit (message, "%s", -1);

  return g_strjoinv (path, parts);
}

/* Imports @path and expects an error @code with @message ("%s" = the path). */
static void
assert_error (const char            *path,
              const LiImportOptions *options,
              GQuark                 domain,
              int                    code,
              const char            *message)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *expected = NULL;
  LiImportReport report = { 0, };

  store = li_import_event_paths (paths, options, &report, NULL, NULL, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, domain, code);
  expected = expand (message, path);
  g_assert_cmpstr (error->message, ==, expected);
  /* Nothing is returned on error. */
  g_assert_null (report.formats);
  g_assert_null (report.skipped_reasons);
}

static void
assert_bad_row (const char *contents,
                const char *message)
{
  g_autofree char *path = tmp_file ("bad.csv", contents, -1);

  assert_error (path, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW, message);
}

#define CANONICAL_U1                                                   \
  "u1 2026-03-01T09:00:00Z search\n"                                   \
  "u1 2026-03-01T10:00:00Z page_view channel=email\n"                  \
  "u1 2026-03-01T10:00:00Z add_to_cart product_id=p1;price=49.90\n"

static void
test_csv (void)
{
  g_autofree char *path = fixture ("events.csv");
  const char *paths[] = { path, NULL };
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *got = NULL;
  LiImportReport report = { 0, };

  store = import_ok (paths, NULL, &report);
  got = describe (store);
  /* Ties keep the input order: page_view before add_to_cart. */
  g_assert_cmpstr (got, ==,
                   CANONICAL_U1
                   "u2 2026-03-01T09:00:00Z product_view product_id=p1;price=49.90\n"
                   "u3 2026-03-01T11:00:00.250Z purchase product_id=p2;price=120\n");
  g_assert_cmpuint (store->n_events, ==, 5);
  g_assert_cmpuint (store->n_leads, ==, 3);
  g_assert_cmpuint (store->n_skipped, ==, 0);
  g_assert_cmpint (store->min_time_ms, ==, G_GINT64_CONSTANT (1772355600000));
  g_assert_cmpint (store->max_time_ms, ==, G_GINT64_CONSTANT (1772362800250));

  g_assert_cmpuint (report.n_skipped, ==, 0);
  g_assert_nonnull (report.skipped_reasons);
  g_assert_cmpuint (g_strv_length (report.skipped_reasons), ==, 0);
  g_assert_cmpuint (g_strv_length (report.formats), ==, 1);
  g_assert_cmpstr (report.formats[0], ==, "csv");
  g_assert_cmpuint (report.bytes_read, ==, 273);
  li_import_report_clear (&report);
  g_assert_null (report.formats);
  li_import_report_clear (&report);
}

static void
test_concatenated (void)
{
  g_autofree char *a = fixture ("events.csv");
  g_autofree char *b = fixture ("events-2.csv");
  const char *paths[] = { a, b, NULL };
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *got = NULL;
  LiImportReport report = { 0, };

  /* events-2.csv: other column order, a padded header name, CRLF, a blank
   * line, quoted fields. */
  store = import_ok (paths, NULL, &report);
  got = describe (store);
  g_assert_cmpstr (got, ==,
                   CANONICAL_U1
                   "u1 2026-03-01T10:00:00Z purchase variant=say \"hi\"\n"
                   "u2 2026-03-01T08:00:00Z product_view variant=red, large\n"
                   "u2 2026-03-01T09:00:00Z product_view product_id=p1;price=49.90\n"
                   "u3 2026-03-01T11:00:00.250Z purchase product_id=p2;price=120\n"
                   "u4 2026-03-02T01:00:00Z checkout_start\n");
  g_assert_cmpuint (g_strv_length (report.formats), ==, 2);
  g_assert_cmpstr (report.formats[1], ==, "csv");
  g_assert_cmpuint (report.bytes_read, ==, 273 + 181);
  li_import_report_clear (&report);
}

/* The rows of a CSV file of @n_rows rows of interleaved leads, 16 MB or
 * more, with bad rows, quoted line ends, CRLF and a lone CR in both halves;
 * with @quote_at_middle, a quoted field of many lines spans the middle of
 * the file, where the reader guesses its split point. */
static GString *
large_csv (guint    n_rows,
           gboolean quote_at_middle)
{
  GString *csv = g_string_new ("lead_id,timestamp,event,product_id,price,note\n");
  g_autoptr(GString) quoted = g_string_new ("L1,1767225600,product_view,p1,1,\"");

  for (guint i = 0; i < n_rows; i++)
    {
      guint lead = (i * 2654435761u) % 50021;

      if (i == n_rows / 4 || i == n_rows * 3 / 4)
        g_string_append (csv, "garbage,row\n");
      else if (i == n_rows / 5 || i == n_rows * 4 / 5)
        g_string_append_printf (csv, "L%u,1767225600,product_view,\"p,\n1\",1.5,\"a \"\"b\"\"\"\n", lead);
      else if (i == n_rows / 6 || i == n_rows * 5 / 6)
        g_string_append_printf (csv, "L%u,not-a-time,product_view,p1,2,\r", lead);
      else
        g_string_append_printf (csv, "L%u,%u,%s,p%u,%u.%02u,padding padding padding%s", lead,
                                1767225600 + (i % 86400) * 17, i % 3 ? "product_view" : "add_to_cart",
                                i % 97, i % 500, i % 100,
                                i < n_rows / 10 || i > n_rows * 9 / 10 ? "\r\n" : "\n");
    }
  g_assert_cmpuint (csv->len, >=, 16 * 1024 * 1024);

  if (quote_at_middle)
    {
      const char *at;

      for (guint i = 0; i < 4000; i++)
        g_string_append_printf (quoted, "line %u of a long note\n", i);
      g_string_append (quoted, "\"\n");
      at = strchr (csv->str + (csv->len - quoted->len) / 2, '\n') + 1;
      g_string_insert_len (csv, at - csv->str, quoted->str, (gssize) quoted->len);
    }
  return csv;
}

/* @csv as a gzip file, which is read in one part. */
static char *
gzip_file (const char    *name,
           const GString *csv)
{
  g_autoptr(GZlibCompressor) gz = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (gz));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (out, csv->str, csv->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return tmp_file (name, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                   (gssize) g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
}

/* A large file is read in two parts on two threads: the same store, the
 * same skipped rows and line numbers, the same errors as in one part (the
 * same file gzipped); also when the guessed split point is in a quoted
 * field. */
static void
assert_two_parts (gboolean quote_at_middle)
{
  g_autoptr(GString) csv = large_csv (260000, quote_at_middle);
  g_autofree char *two = tmp_file ("two-parts.csv", csv->str, (gssize) csv->len);
  g_autofree char *one = gzip_file ("one-part.csv.gz", csv);
  const char *two_paths[] = { two, NULL };
  const char *one_paths[] = { one, NULL };
  LiImportOptions skip = { LI_FORMAT_AUTO, TRUE };
  LiImportOptions limit = { LI_FORMAT_AUTO, TRUE, .max_events = 250000 };
  LiImportReport a = { 0, }, b = { 0, };
  g_autoptr(LiEventStore) sa = import_ok (two_paths, &skip, &a);
  g_autoptr(LiEventStore) sb = import_ok (one_paths, &skip, &b);
  g_autofree char *da = describe (sa);
  g_autofree char *db = describe (sb);
  g_autoptr(GError) ea = NULL;
  g_autoptr(GError) eb = NULL;
  LiEventStore *none;

  g_assert_cmpuint (sa->n_events, ==, 260000 - 4 + quote_at_middle);
  g_assert_cmpstr (da, ==, db);
  g_assert_cmpuint (a.n_skipped, ==, 4);
  g_assert_cmpuint (b.n_skipped, ==, 4);
  g_assert_cmpuint (g_strv_length (a.skipped_reasons), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (g_str_has_prefix (a.skipped_reasons[i], two));
      g_assert_cmpstr (a.skipped_reasons[i] + strlen (two), ==, b.skipped_reasons[i] + strlen (one));
    }
  g_assert_cmpuint (a.bytes_read, ==, csv->len);
  li_import_report_clear (&a);
  li_import_report_clear (&b);

  /* Without skipping, the first bad row stops both the same way; a limit
   * passed in the second part too. */
  none = li_import_event_paths (two_paths, NULL, NULL, NULL, NULL, NULL, &ea);
  g_assert_null (none);
  none = li_import_event_paths (one_paths, NULL, NULL, NULL, NULL, NULL, &eb);
  g_assert_null (none);
  g_assert_cmpstr (ea->message + strlen (two), ==, eb->message + strlen (one));
  g_clear_error (&ea);
  g_clear_error (&eb);
  none = li_import_event_paths (two_paths, &limit, NULL, NULL, NULL, NULL, &ea);
  g_assert_null (none);
  none = li_import_event_paths (one_paths, &limit, NULL, NULL, NULL, NULL, &eb);
  g_assert_null (none);
  g_assert_error (ea, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT);
  g_assert_cmpstr (ea->message + strlen (two), ==, eb->message + strlen (one));
  g_unlink (two);
  g_unlink (one);
}

static void
test_two_parts (void)
{
  assert_two_parts (FALSE);
  assert_two_parts (TRUE);
}

/* Line ends of classic Mac OS (a lone CR), as spreadsheets on macOS still
 * write them: the same events, and lines counted the same way. */
static void
test_cr_line_ends (void)
{
  g_autofree char *cr = fixture ("events-cr.csv");
  g_autofree char *lf = fixture ("events.csv");
  const char *cr_paths[] = { cr, NULL };
  const char *lf_paths[] = { lf, NULL };
  g_autoptr(LiEventStore) a = import_ok (cr_paths, NULL, NULL);
  g_autoptr(LiEventStore) b = import_ok (lf_paths, NULL, NULL);
  g_autofree char *da = describe (a);
  g_autofree char *db = describe (b);

  g_assert_cmpuint (a->n_events, ==, 5);
  g_assert_cmpstr (da, ==, db);

  assert_bad_row ("lead_id,timestamp,event\ru1,1772359200,view\r\r"
                  "u2,\"1772359200\r\",view\ru3,x,view\r",
                  "%s:6: bad timestamp \"x\"");
}

static void
test_rees46 (void)
{
  g_autofree char *path = fixture ("rees46.csv");
  const char *paths[] = { path, NULL };
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *got = NULL;
  LiImportReport report = { 0, };

  store = import_ok (paths, NULL, &report);
  got = describe (store);
  g_assert_cmpstr (got, ==,
                   "541312140 2019-10-01T00:00:00Z product_view product_id=44600062;"
                   "category=2103807459595387724;price=35.79;brand=shiseido;session_id=72d76fde\n"
                   "541312140 2019-10-01T00:00:01Z add_to_cart product_id=3900821;"
                   "category=appliances.environment.water_heater;price=33.20;brand=aqua;"
                   "session_id=72d76fde\n"
                   "541312140 2019-10-01T00:00:02Z remove_from_cart product_id=3900821;"
                   "category=appliances.environment.water_heater;price=33.20\n"
                   "541312140 2019-10-01T00:00:03Z purchase product_id=3900821;"
                   "category=appliances.environment.water_heater;price=33.20;brand=aqua;"
                   "session_id=72d76fde\n"
                   "519107250 2019-10-01T00:00:01Z wishlist product_id=17200506;"
                   "category=furniture.living_room.sofa;price=543.10;session_id=566511c2\n");
  g_assert_cmpstr (report.formats[0], ==, "rees46");
  li_import_report_clear (&report);
}

#define RETAILROCKET                                                                       \
  "257597 2015-06-02T05:02:12.117Z product_view product_id=355908\n"                       \
  "257597 2015-06-02T05:02:12.117Z product_view product_id=1000\n"                         \
  "257597 2015-06-02T05:13:19.827Z add_to_cart product_id=355908\n"                        \
  "257597 2015-06-02T05:17:56.276Z purchase product_id=355908;transaction_id=4000\n"       \
  "992329 2015-06-02T05:50:14.164Z product_view product_id=248676\n"

static void
test_retailrocket (void)
{
  g_autofree char *path = fixture ("retailrocket.csv");
  const char *paths[] = { path, NULL };
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *got = NULL;
  LiImportReport report = { 0, };

  store = import_ok (paths, NULL, &report);
  got = describe (store);
  g_assert_cmpstr (got, ==, RETAILROCKET);
  g_assert_cmpstr (report.formats[0], ==, "retailrocket");
  li_import_report_clear (&report);
}

static void
test_gzip (void)
{
  g_autofree char *gz = fixture ("events.csv.gz");
  g_autofree char *magic = fixture ("retailrocket-gzip.csv");
  g_autofree char *plain = fixture ("events.csv");

  /* By name. */
  {
    const char *paths[] = { gz, NULL };
    const char *plain_paths[] = { plain, NULL };
    g_autoptr(LiEventStore) a = import_ok (paths, NULL, NULL);
    g_autoptr(LiEventStore) b = import_ok (plain_paths, NULL, NULL);
    g_autofree char *da = describe (a);
    g_autofree char *db = describe (b);

    g_assert_cmpstr (da, ==, db);
  }

  /* By magic, under a .csv name. */
  {
    const char *paths[] = { magic, NULL };
    LiImportReport report = { 0, };
    g_autoptr(LiEventStore) store = import_ok (paths, NULL, &report);
    g_autofree char *got = describe (store);

    g_assert_cmpstr (got, ==, RETAILROCKET);
    g_assert_cmpstr (report.formats[0], ==, "retailrocket");
    g_assert_cmpuint (report.bytes_read, ==, 147);
    li_import_report_clear (&report);
  }

  /* Several gzip members one after the other, as `cat a.gz b.gz` makes. */
  {
    g_autofree char *multi = fixture ("events-multi.csv.gz");
    const char *paths[] = { multi, NULL };
    const char *plain_paths[] = { plain, NULL };
    g_autoptr(LiEventStore) a = import_ok (paths, NULL, NULL);
    g_autoptr(LiEventStore) b = import_ok (plain_paths, NULL, NULL);
    g_autofree char *da = describe (a);
    g_autofree char *db = describe (b);

    g_assert_cmpuint (a->n_events, ==, 5);
    g_assert_cmpstr (da, ==, db);
  }

  /* Truncated, corrupt, or followed by something that is not gzip: the
   * line reached says where. */
  {
    static const char bad_member[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff";
    g_autofree char *data = NULL;
    g_autofree char *truncated = NULL;
    g_autofree char *path = NULL;
    g_autoptr(GString) buf = g_string_new (NULL);
    g_autoptr(GError) error = NULL;
    gsize len;

    g_file_get_contents (gz, &data, &len, &error);
    g_assert_no_error (error);
    truncated = tmp_file ("truncated.csv.gz", data, (gssize) len - 20);
    assert_error (truncated, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO,
                  "%s:6: unexpected end of compressed data");

    g_string_append_len (buf, data, (gssize) len);
    g_string_append (buf, "garbage");
    path = tmp_file ("trailing.csv.gz", buf->str, (gssize) buf->len);
    assert_error (path, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO, "%s:7: corrupt gzip data");

    /* A second member that is corrupt from its first block on. */
    g_string_truncate (buf, len);
    g_string_append_len (buf, bad_member, sizeof bad_member - 1);
    g_clear_pointer (&path, g_free);
    path = tmp_file ("corrupt.csv.gz", buf->str, (gssize) buf->len);
    assert_error (path, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO, "%s:7: corrupt gzip data");

    /* Corrupt from the start: met while sniffing the format. */
    g_clear_pointer (&path, g_free);
    path = tmp_file ("corrupt-start.csv.gz", bad_member, sizeof bad_member - 1);
    assert_error (path, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO, "%s:1: corrupt gzip data");
  }

  /* NUL bytes after the last member are padding (tape blocks), as gzip(1)
   * has it; after them nothing else may follow. */
  {
    const char *plain_paths[] = { plain, NULL };
    const char *paths[] = { NULL, NULL };
    g_autofree char *data = NULL;
    g_autofree char *padded = NULL;
    g_autofree char *garbage = NULL;
    g_autoptr(GString) buf = g_string_new (NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(LiEventStore) a = NULL;
    g_autoptr(LiEventStore) b = NULL;
    g_autofree char *da = NULL;
    g_autofree char *db = NULL;
    gsize len;

    g_file_get_contents (gz, &data, &len, &error);
    g_assert_no_error (error);
    g_string_append_len (buf, data, (gssize) len);
    g_string_set_size (buf, len + 10240);
    memset (buf->str + len, 0, 10240);
    paths[0] = padded = tmp_file ("padded.csv.gz", buf->str, (gssize) buf->len);
    a = import_ok (paths, NULL, NULL);
    b = import_ok (plain_paths, NULL, NULL);
    da = describe (a);
    db = describe (b);
    g_assert_cmpstr (da, ==, db);

    g_string_append_c (buf, 'x');
    garbage = tmp_file ("padded-garbage.csv.gz", buf->str, (gssize) buf->len);
    assert_error (garbage, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO, "%s:7: corrupt gzip data");
  }

  /* A plain CSV under a .gz name is read as it is (SPEC 2.1: gzip by its
   * magic bytes, whatever the name). */
  {
    g_autofree char *data = NULL;
    g_autofree char *renamed = NULL;
    const char *paths[] = { NULL, NULL };
    const char *plain_paths[] = { plain, NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(LiEventStore) a = NULL;
    g_autoptr(LiEventStore) b = NULL;
    g_autofree char *da = NULL;
    g_autofree char *db = NULL;
    gsize len;

    g_file_get_contents (plain, &data, &len, &error);
    g_assert_no_error (error);
    paths[0] = renamed = tmp_file ("plain.csv.gz", data, (gssize) len);
    a = import_ok (paths, NULL, NULL);
    b = import_ok (plain_paths, NULL, NULL);
    da = describe (a);
    db = describe (b);
    g_assert_cmpstr (da, ==, db);
  }
}

static void
test_format_override (void)
{
  g_autofree char *rr = fixture ("retailrocket.csv");
  LiImportOptions options = { LI_FORMAT_RETAILROCKET, FALSE };
  const char *paths[] = { rr, NULL };
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *got = NULL;
  g_autofree char *both = NULL;

  store = import_ok (paths, &options, NULL);
  got = describe (store);
  g_assert_cmpstr (got, ==, RETAILROCKET);

  /* A canonical header that also has the retailrocket columns is read as
   * retailrocket (as the oracle's detect () does), unless told otherwise. */
  both = tmp_file ("both.csv",
                   "lead_id,timestamp,event,visitorid,itemid\n"
                   "u1,1772359200,view,v1,i1\n", -1);
  {
    const char *both_paths[] = { both, NULL };
    LiImportOptions csv = { LI_FORMAT_CSV, FALSE };
    g_autoptr(LiEventStore) a = NULL;
    g_autoptr(LiEventStore) b = NULL;
    g_autofree char *da = NULL;
    g_autofree char *db = NULL;

    a = import_ok (both_paths, NULL, NULL);
    da = describe (a);
    g_assert_cmpstr (da, ==, "v1 1970-01-21T12:19:19.200Z product_view product_id=i1\n");

    b = import_ok (both_paths, &csv, NULL);
    db = describe (b);
    g_assert_cmpstr (db, ==, "u1 2026-03-01T10:00:00Z view visitorid=v1;itemid=i1\n");
  }

  options.format = LI_FORMAT_CSV;
  assert_error (rr, &options, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                "%s:1: no lead_id column for format csv");
  options.format = LI_FORMAT_REES46;
  assert_error (rr, &options, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                "%s:1: no user_id column for format rees46");
}

static void
test_json_sniffed (void)
{
  g_autofree char *json = tmp_file ("events.jsonl", "\n {\"event_name\": \"view_item\"}\n", -1);
  g_autofree char *plain = fixture ("events.csv");
  LiImportOptions options = { LI_FORMAT_GA4, FALSE };

  /* A CSV file read as JSON lines: its header is a bad row. */
  assert_error (plain, &options, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW,
                "%s:1: invalid JSON at column 1: not a JSON object");
  options.format = LI_FORMAT_SEGMENT;
  assert_error (plain, &options, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW,
                "%s:1: invalid JSON at column 1: not a JSON object");
  assert_error (json, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                "%s:2: unknown JSON format (neither ga4, with event_name and event_timestamp, "
                "nor segment, with type)");
}

static void
test_bad_files (void)
{
  g_autofree char *empty = tmp_file ("empty.csv", "", 0);
  g_autofree char *blank = tmp_file ("blank.csv", "\xEF\xBB\xBF\r\n\n", -1);
  g_autofree char *unknown = tmp_file ("unknown.csv", "a,\"b\",c\n1,2,3\n", -1);
  g_autofree char *no_header = tmp_file ("noheader.csv", "u1,2026-03-01T10:00:00Z,view\n", -1);
  g_autofree char *bad_header = tmp_file ("badheader.csv", "lead_id,timestamp,event,\xff\n", -1);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.csv", NULL);

  assert_error (empty, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT, "%s: empty file");
  assert_error (blank, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT, "%s: empty file");
  assert_error (unknown, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_UNKNOWN_FORMAT,
                "%s:1: unknown format (header: a,\"b\",c)");
  assert_error (no_header, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_UNKNOWN_FORMAT,
                "%s:1: unknown format (header: u1,2026-03-01T10:00:00Z,view)");
  assert_error (bad_header, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                "%s:1: invalid UTF-8 in the header");
  assert_error (missing, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO,
                "%s: No such file or directory");
  assert_error (tmp_dir, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO,
                "%s: Is a directory");
}

#define REES46_HEADER \
  "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session\n"

static void
test_bad_rows (void)
{
  const char *h = "lead_id,timestamp,event,price\n";
  g_autofree char *s = NULL;

#define BAD(row, msg) \
  G_STMT_START { \
    g_free (s); \
    s = g_strconcat (h, "u0,2026-03-01T10:00:00Z,view,1\n", row, \
                     "u9,2026-03-01T10:00:00Z,view,1\n", NULL); \
    assert_bad_row (s, msg); \
  } G_STMT_END

  BAD ("u1,2026-03-01T10:00:00Z,view\n", "%s:3: expected 4 fields, found 3");
  BAD ("u1,2026-03-01T10:00:00Z,view,1,\n", "%s:3: expected 4 fields, found 5");
  BAD ("u1,2019-13-01,view,1\n", "%s:3: bad timestamp \"2019-13-01\"");
  BAD ("u1,2019-02-29 00:00:00,view,1\n", "%s:3: bad timestamp \"2019-02-29 00:00:00\"");
  BAD ("u1,,view,1\n", "%s:3: bad timestamp \"\"");
  BAD ("u1,\"say \"\"x\"\"\n\",view,1\n", "%s:3: bad timestamp \"say \\\"x\\\"\\x0a\"");
  /* Long values are cut after 64 bytes. */
  BAD ("u1,\"2026-03-01T10:00:00Z 01234567890123456789012345678901234567890123456789"
       "01234567890123456789\",view,1\n",
       "%s:3: bad timestamp \"2026-03-01T10:00:00Z 0123456789012345678901234567890123"
       "456789012…\"");
  BAD (",2026-03-01T10:00:00Z,view,1\n", "%s:3: empty lead_id");
  BAD ("u1,2026-03-01T10:00:00Z,,1\n", "%s:3: empty event");
  BAD ("u1,2026-03-01T10:00:00Z,view,\xff\n", "%s:3: invalid UTF-8");
  BAD ("u1,2026-03-01T10:00:00Z,view\xc3\n", "%s:3: invalid UTF-8");
  BAD ("u1,2026-03-01T10:00:00Z,view,\"1\n", "%s:3: unterminated quoted field");

  /* The line where the record starts, after quoted line breaks and blanks. */
  BAD ("u1,2026-03-01T10:00:00Z,view,\"a\nb\r\nc\"\n\n\nu2,2026-03-01T10:00:00Z,view\n",
       "%s:8: expected 4 fields, found 3");

  /* Other formats name their own columns. */
  assert_bad_row (REES46_HEADER
                  "2019-10-01 00:00:00 UTC,view,1,2,,b,3.5,,s\n",
                  "%s:2: empty user_id");
  assert_bad_row (REES46_HEADER
                  "2019-10-01 00:00:00 UTC,,1,2,,b,3.5,7,s\n",
                  "%s:2: empty event_type");
  assert_bad_row (REES46_HEADER
                  "2019-10-01 00:00:00 UTC,view,1,2,,b,3.5,7\n",
                  "%s:2: expected 9 fields, found 8");
  assert_bad_row ("timestamp,visitorid,event,itemid,transactionid\n"
                  "1433221332.117,1,view,2,\n",
                  "%s:2: bad timestamp \"1433221332.117\"");
  assert_bad_row ("timestamp,visitorid,event,itemid,transactionid\n"
                  "1433221332117,,view,2,\n",
                  "%s:2: empty visitorid");
#undef BAD
}

static void
test_too_long (void)
{
  g_autoptr(GString) data = g_string_new ("lead_id,timestamp,event\nu1,1,view\n");
  g_autofree char *path = NULL;

  g_string_set_size (data, data->len + 17 * 1024 * 1024);
  memset (data->str + data->len - 17 * 1024 * 1024, 'x', 17 * 1024 * 1024);
  g_string_append (data, "\nu2,1,view\n");
  path = tmp_file ("long.csv", data->str, (gssize) data->len);

  assert_error (path, NULL, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT,
                "%s:3: record longer than 16777216 bytes");
  g_unlink (path);
}

static void
test_skip_bad_rows (void)
{
  g_autofree char *path = tmp_file ("skip.csv",
                                    "lead_id,timestamp,event\n"
                                    "u1,2026-03-01T10:00:00Z,view\n"
                                    "u2,2026-03-01T10:00:00Z\n"
                                    ",2026-03-01T10:00:00Z,view\n"
                                    "u3,yesterday,view\n"
                                    "u1,2026-03-01T11:00:00Z,purchase\n"
                                    "u4,2026-03-01T10:00:00Z,\n"
                                    "u5,2026-03-01T10:00:00Z,\xff\n"
                                    "u6,2026-03-01T10:00:00Z,view,extra\n"
                                    "\n"
                                    "u7,2026-03-01T10:00:00Z,a,b,c\n"
                                    "u8,2026-03-01T12:00:00Z,view\n", -1);
  g_autofree char *good = fixture ("retailrocket.csv");
  const char *paths[] = { path, good, NULL };
  LiImportOptions options = { LI_FORMAT_AUTO, TRUE };
  LiImportReport report = { 0, };
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *got = NULL;
  g_autofree char *expected = NULL;

  store = import_ok (paths, &options, &report);
  got = describe (store);
  g_assert_cmpstr (got, ==,
                   "u1 2026-03-01T10:00:00Z view\n"
                   "u1 2026-03-01T11:00:00Z purchase\n"
                   "u8 2026-03-01T12:00:00Z view\n"
                   RETAILROCKET);
  g_assert_cmpuint (report.n_skipped, ==, 7);
  g_assert_cmpuint (store->n_skipped, ==, 7);
  g_assert_cmpuint (g_strv_length (report.skipped_reasons), ==, LI_IMPORT_MAX_REASONS);
  expected = g_strdup_printf ("%s:3: expected 3 fields, found 2", path);
  g_assert_cmpstr (report.skipped_reasons[0], ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:4: empty lead_id", path);
  g_assert_cmpstr (report.skipped_reasons[1], ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:5: bad timestamp \"yesterday\"", path);
  g_assert_cmpstr (report.skipped_reasons[2], ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:7: empty event", path);
  g_assert_cmpstr (report.skipped_reasons[3], ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:8: invalid UTF-8", path);
  g_assert_cmpstr (report.skipped_reasons[4], ==, expected);
  g_assert_cmpstr (report.formats[0], ==, "csv");
  g_assert_cmpstr (report.formats[1], ==, "retailrocket");
  li_import_report_clear (&report);

  /* Structural errors still stop the import. */
  {
    g_autofree char *open = tmp_file ("open.csv",
                                      "lead_id,timestamp,event\n"
                                      "u1,2026-03-01T10:00:00Z,\"view\n", -1);

    assert_error (open, &options, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW,
                  "%s:2: unterminated quoted field");
  }
}

typedef struct
{
  guint   n_calls;
  guint64 last_done;
  guint64 total;
  gboolean monotonic;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *p = user_data;

  if (p->n_calls > 0 && done < p->last_done)
    p->monotonic = FALSE;
  p->n_calls++;
  p->last_done = done;
  p->total = total;
}

static void
test_progress (void)
{
  g_autofree char *a = fixture ("events.csv");
  g_autofree char *b = fixture ("events.csv.gz");
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);
  GFile *files[] = { fa, fb };
  Progress p = { 0, 0, 0, TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  LiImportReport report = { 0, };

  store = li_import_events (files, 2, NULL, &report, progress_cb, &p, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (store->n_events, ==, 10);
  g_assert_cmpuint (p.n_calls, >=, 3);
  g_assert_true (p.monotonic);
  g_assert_cmpuint (p.total, ==, 273 + 190);
  g_assert_cmpuint (p.last_done, ==, p.total);
  g_assert_cmpuint (report.bytes_read, ==, p.total);
  li_import_report_clear (&report);
}

static void
test_gfile_names (void)
{
  g_autofree char *path = tmp_file ("gfile.csv", "lead_id,timestamp,event\nu1,x,view\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *expected = NULL;

  store = li_import_events (files, 1, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (store);
  expected = g_strdup_printf ("%s:2: bad timestamp \"x\"", g_file_peek_path (file));
  g_assert_cmpstr (error->message, ==, expected);

  /* No files: an empty store. */
  {
    g_autoptr(LiEventStore) none = li_import_events (NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL);

    g_assert_nonnull (none);
    g_assert_cmpuint (none->n_events, ==, 0);
  }
}

static void
test_cancelled (void)
{
  g_autofree char *path = fixture ("events.csv");
  const char *paths[] = { path, NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;

  g_cancellable_cancel (cancellable);
  store = li_import_event_paths (paths, NULL, NULL, NULL, NULL, cancellable, &error);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_formats (void)
{
  LiFormat f = LI_FORMAT_AUTO;

  g_assert_cmpstr (li_format_to_string (LI_FORMAT_CSV), ==, "csv");
  g_assert_cmpstr (li_format_to_string (LI_FORMAT_REES46), ==, "rees46");
  g_assert_cmpstr (li_format_to_string (LI_FORMAT_RETAILROCKET), ==, "retailrocket");
  g_assert_cmpstr (li_format_to_string (LI_FORMAT_GA4), ==, "ga4");
  g_assert_cmpstr (li_format_to_string (LI_FORMAT_SEGMENT), ==, "segment");
  g_assert_cmpstr (li_format_to_string (LI_FORMAT_AUTO), ==, "auto");

  g_assert_true (li_format_from_string ("retailrocket", &f));
  g_assert_cmpint (f, ==, LI_FORMAT_RETAILROCKET);
  g_assert_true (li_format_from_string ("ga4", &f));
  g_assert_cmpint (f, ==, LI_FORMAT_GA4);
  g_assert_true (li_format_from_string ("auto", &f));
  g_assert_cmpint (f, ==, LI_FORMAT_AUTO);
  g_assert_false (li_format_from_string ("xml", &f));
  g_assert_false (li_format_from_string ("", &f));
  g_assert_cmpint (f, ==, LI_FORMAT_AUTO);
}

static LiLeadTable *
import_leads (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return li_import_leads (file, NULL, error);
}

static void
test_leads (void)
{
  g_autofree char *path = fixture ("leads.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiLeadTable) table = import_leads (path, &error);
  int country, budget, size;

  g_assert_no_error (error);
  g_assert_cmpuint (table->n_attributes, ==, 3);
  g_assert_cmpstr (table->attributes[0], ==, "country");
  g_assert_cmpstr (table->attributes[1], ==, "budget");
  g_assert_cmpstr (table->attributes[2], ==, "size");
  g_assert_null (table->attributes[3]);
  g_assert_cmpuint (li_str_pool_size (table->leads), ==, 3);

  country = li_lead_table_find_attribute (table, "country");
  budget = li_lead_table_find_attribute (table, "budget");
  size = li_lead_table_find_attribute (table, "size");
  g_assert_cmpint (country, ==, 0);
  g_assert_cmpint (budget, ==, 1);
  g_assert_cmpint (size, ==, 2);
  g_assert_cmpint (li_lead_table_find_attribute (table, "lead_id"), ==, -1);
  g_assert_cmpint (li_lead_table_find_attribute (table, "nope"), ==, -1);

  /* The later u1 row replaces the earlier one entirely. */
  g_assert_cmpstr (li_lead_table_get (table, "u1", 2, country), ==, "AT");
  g_assert_null (li_lead_table_get (table, "u1", 2, budget));
  g_assert_cmpstr (li_lead_table_get (table, "u1", 2, size), ==, "L");
  g_assert_cmpstr (li_lead_table_get (table, "u2", 2, country), ==, "FR");
  g_assert_null (li_lead_table_get (table, "u2", 2, budget));
  g_assert_cmpstr (li_lead_table_get (table, "u2", 2, size), ==, "M");
  g_assert_null (li_lead_table_get (table, "u3", 2, country));
  g_assert_cmpstr (li_lead_table_get (table, "u3", 2, budget), ==, "50");
  g_assert_cmpstr (li_lead_table_get (table, "u3xyz", 2, size), ==, "S");
  g_assert_null (li_lead_table_get (table, "u9", 2, country));
  g_assert_null (li_lead_table_get (table, "u1", 2, -1));

  {
    LiLeadTable *ref = li_lead_table_ref (table);

    g_assert_true (ref == table);
    li_lead_table_unref (ref);
  }
}

static void
test_leads_bad (void)
{
  static const struct { const char *contents; int code; const char *message; } cases[] = {
    { "lead_id,country\nu1,DE\nu2\n", LI_IMPORT_ERROR_BAD_ROW, "%s:3: expected 2 fields, found 1" },
    { "lead_id,country\n,DE\n", LI_IMPORT_ERROR_BAD_ROW, "%s:2: empty lead_id" },
    { "lead_id,country\nu1,\xff\n", LI_IMPORT_ERROR_BAD_ROW, "%s:2: invalid UTF-8" },
    { "lead_id,country\nu1,\"DE\n", LI_IMPORT_ERROR_BAD_ROW, "%s:2: unterminated quoted field" },
    { "id,country\nu1,DE\n", LI_IMPORT_ERROR_FORMAT,
      "%s:1: no lead_id column (header: id,country)" },
    { "", LI_IMPORT_ERROR_FORMAT, "%s: empty file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = tmp_file ("leads.csv", cases[i].contents, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(LiLeadTable) table = import_leads (path, &error);
      g_autofree char *expected = expand (cases[i].message, path);

      g_assert_null (table);
      g_assert_error (error, LI_IMPORT_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, expected);
    }

  /* Corrupt gzip data (the reader says where). */
  {
    static const char bad_member[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff";
    g_autofree char *path = tmp_file ("leads.csv.gz", bad_member, sizeof bad_member - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(LiLeadTable) table = import_leads (path, &error);
    g_autofree char *expected = expand ("%s:1: corrupt gzip data", path);

    g_assert_null (table);
    g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO);
    g_assert_cmpstr (error->message, ==, expected);
  }

  /* Only lead ids, duplicate and padded columns. */
  {
    g_autofree char *path = tmp_file ("leads.csv",
                                      "\xEF\xBB\xBF" "a, lead_id ,a,\n"
                                      "1,u1,2,x\n", -1);
    g_autoptr(GError) error = NULL;
    g_autoptr(LiLeadTable) table = import_leads (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (table->n_attributes, ==, 1);
    g_assert_cmpstr (li_lead_table_get (table, "u1", 2, 0), ==, "2");
  }
}

static void
test_rees46_sample (void)
{
  const char *shared = g_getenv ("LI_SHARED_DATA");
  g_autofree char *path = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autoptr(LiEventStore) store = NULL;
  guint32 purchase, view, cart;
  gint64 start;

  if (shared != NULL)
    path = g_build_filename (shared, "rees46_multicategory_2019oct_head", "events.csv", NULL);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the REES46 sample is not available (LI_SHARED_DATA)");
      return;
    }

  paths[0] = path;
  start = g_get_monotonic_time ();
  store = import_ok (paths, NULL, NULL);
  g_test_message ("imported %u events in %.1f ms", store->n_events,
                  (g_get_monotonic_time () - start) / 1000.0);

  /* The counts of its SOURCE.md. */
  g_assert_cmpuint (store->n_events, ==, 17434);
  g_assert_cmpuint (store->n_leads, ==, 4504);
  g_assert_true (li_str_pool_lookup (store->names, "purchase", 8, &purchase));
  g_assert_true (li_str_pool_lookup (store->names, "product_view", 12, &view));
  g_assert_true (li_str_pool_lookup (store->names, "add_to_cart", 11, &cart));
  g_assert_cmpuint (store->name_count[purchase], ==, 214);
  g_assert_cmpuint (store->name_count[view], ==, 17055);
  g_assert_cmpuint (store->name_count[cart], ==, 165);
  g_assert_false (li_str_pool_lookup (store->names, "view", 4, NULL));
  g_assert_cmpint (store->min_time_ms, ==, G_GINT64_CONSTANT (1569888000000));
  g_assert_cmpint (store->max_time_ms, ==,
                   G_GINT64_CONSTANT (1569888000000) + (2 * 3600 + 50 * 60) * 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("li-test-import-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/engine/import/csv", test_csv);
  g_test_add_func ("/engine/import/concatenated", test_concatenated);
  g_test_add_func ("/engine/import/cr-line-ends", test_cr_line_ends);
  g_test_add_func ("/engine/import/two-parts", test_two_parts);
  g_test_add_func ("/engine/import/rees46", test_rees46);
  g_test_add_func ("/engine/import/retailrocket", test_retailrocket);
  g_test_add_func ("/engine/import/gzip", test_gzip);
  g_test_add_func ("/engine/import/format-override", test_format_override);
  g_test_add_func ("/engine/import/json-sniffed", test_json_sniffed);
  g_test_add_func ("/engine/import/bad-files", test_bad_files);
  g_test_add_func ("/engine/import/bad-rows", test_bad_rows);
  g_test_add_func ("/engine/import/too-long", test_too_long);
  g_test_add_func ("/engine/import/skip-bad-rows", test_skip_bad_rows);
  g_test_add_func ("/engine/import/progress", test_progress);
  g_test_add_func ("/engine/import/gfile-names", test_gfile_names);
  g_test_add_func ("/engine/import/cancelled", test_cancelled);
  g_test_add_func ("/engine/import/formats", test_formats);
  g_test_add_func ("/engine/import/leads", test_leads);
  g_test_add_func ("/engine/import/leads-bad", test_leads_bad);
  g_test_add_func ("/engine/import/rees46-sample", test_rees46_sample);

  ret = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  return ret;
}
