/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inputs made to exhaust the importer (SPEC 2.3: never crash, hang or
 * exhaust memory): each must be handled in time and memory that grow
 * linearly with the input, or be refused with a clear error. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "li-import.h"
#include "li-import-sink.h"
#include "li-leads-file.h"
#include "li-import-test-util.h"

/* CPU time of this thread, in seconds: a busy machine does not make the
 * timed tests fail.  (The inputs are built without an allocation per row:
 * the sanitizer build unwinds the stack on every malloc, slowly.) */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Appends ",<@prefix>0,<@prefix>1, …" up to @n - 1. */
static void
append_numbered (GString    *data,
                 const char *prefix,
                 guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      char field[32];

      g_snprintf (field, sizeof field, ",%s%u", prefix, i);
      g_string_append (data, field);
    }
}

/* A header of lead_id,timestamp,event and @n_extra more columns c0, c1, …,
 * then @n_rows rows of u<row>,<time>,view,<1 in every extra column>. */
static GString *
wide_csv (guint n_extra,
          guint n_rows)
{
  GString *data = g_string_new ("lead_id,timestamp,event");

  append_numbered (data, "c", n_extra);
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

/* CPU seconds to import three events under an @n_columns-column header. */
static double
import_wide_secs (guint n_columns)
{
  g_autoptr(GString) data = wide_csv (n_columns, 3);
  g_autofree char *path = tmp_file ("wide.csv", data->str, (gssize) data->len);
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *last = g_strdup_printf ("c%u", n_columns - 1);
  guint32 key;
  double start, secs;

  start = cpu_now ();
  store = li_import_event_paths (paths, NULL, NULL, NULL, NULL, NULL, &error);
  secs = cpu_now () - start;
  g_assert_no_error (error);
  g_assert_cmpuint (store->n_events, ==, 3);
  g_assert_cmpuint (li_str_pool_size (store->keys), ==, n_columns);
  g_assert_true (li_str_pool_lookup (store->keys, last, strlen (last), &key));
  return secs;
}

/* Linear, not quadratic: four times the columns take less than eight
 * times as long (quadratic would be sixteen).  A ratio, not a time, so
 * that a slow machine or a sanitizer build does not fail it. */
static void
assert_linear (double quarter,
               double full)
{
  g_assert_cmpfloat (full, <, 8 * quarter + 0.05);
}

/* Finding the columns of a 65 000-column header is linear. */
static void
test_wide_header (void)
{
  double quarter = import_wide_secs (64997 / 4);
  double full = import_wide_secs (64997);

  g_test_message ("16 249 columns imported in %.3f s, 64 997 in %.3f s", quarter, full);
  assert_linear (quarter, full);
}

/* Property names add up over the files of one import, to a limit that the
 * second file's header passes: the error names its line. */
static void
test_too_many_keys (void)
{
  g_autoptr(GString) a = wide_csv (40000, 1);
  g_autoptr(GString) b = g_string_new ("lead_id,timestamp,event");
  g_autofree char *path_a = tmp_file ("keys-a.csv", a->str, (gssize) a->len);
  g_autofree char *path_b = NULL;
  const char *paths[] = { NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *expected = NULL;

  append_numbered (b, "d", 40000);
  g_string_append (b, "\nu1,1772359200,view");
  for (guint i = 0; i < 40000; i++)
    g_string_append (b, ",1");
  g_string_append_c (b, '\n');
  path_b = tmp_file ("keys-b.csv", b->str, (gssize) b->len);
  paths[0] = path_a;
  paths[1] = path_b;

  store = li_import_event_paths (paths, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT);
  expected = g_strdup_printf ("%s:1: more than 65535 distinct property names", path_b);
  g_assert_cmpstr (error->message, ==, expected);
}

/* CPU seconds to read one lead under 2 × @n_names columns, every name
 * twice (the later column wins). */
static double
import_wide_leads_secs (guint n_names)
{
  g_autoptr(GString) data = g_string_new ("lead_id");
  g_autofree char *path = NULL;
  g_autofree char *last_name = g_strdup_printf ("a%u", n_names - 1);
  g_autofree char *last_value = g_strdup_printf ("%u", 2 * n_names - 1);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiLeadTable) table = NULL;
  double start, secs;

  append_numbered (data, "a", n_names);
  append_numbered (data, "a", n_names);
  g_string_append (data, "\nu1");
  append_numbered (data, "", 2 * n_names);
  g_string_append_c (data, '\n');
  path = tmp_file ("wide-leads.csv", data->str, (gssize) data->len);
  file = g_file_new_for_path (path);

  start = cpu_now ();
  table = li_import_leads (file, NULL, &error);
  secs = cpu_now () - start;
  g_assert_no_error (error);
  g_assert_cmpuint (table->n_attributes, ==, n_names);
  g_assert_cmpstr (table->attributes[n_names - 1], ==, last_name);
  g_assert_cmpstr (li_lead_table_get (table, "u1", 2, n_names - 1), ==, last_value);
  return secs;
}

/* As for events: a 64 000-column leads header is read in linear time. */
static void
test_wide_leads_header (void)
{
  double quarter = import_wide_leads_secs (8000);
  double full = import_wide_leads_secs (32000);

  g_test_message ("16 000 lead columns imported in %.3f s, 64 000 in %.3f s", quarter, full);
  assert_linear (quarter, full);
}

/* Lead ids of 16 bytes that all had one hash under the string pool's former
 * fixed hash (so each one probed past all the others): its state after a
 * word was (state ^ word) * C, folded, and both steps can be undone, so the
 * second word that leads from any first word to a chosen state can be
 * computed.  Pairs whose second word is ASCII without NUL are kept, written
 * as quoted CSV fields. */
#define OLD_K G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)
#define OLD_C G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD)

static guint64
old_step (guint64 state,
          guint64 word)
{
  guint64 h = (state ^ word) * OLD_C;

  return h ^ (h >> 32);
}

/* The former hash of a 16-byte string. */
static guint32
old_hash (const char *id)
{
  guint64 w[2], h;

  memcpy (w, id, 16);
  h = old_step (old_step (OLD_K ^ 16, w[0]), w[1]);
  h ^= h >> 29;
  h *= OLD_C;
  return (guint32) (h ^ (h >> 32));
}

/* @first and @last receive the first and the last id. */
static GString *
colliding_csv (guint n_ids,
               char  first[16],
               char  last[16])
{
  GString *data = g_string_new ("lead_id,timestamp,event\n");
  /* The state the second word must reach: old_step (x, target ^ x), any x. */
  const guint64 target = G_GUINT64_CONSTANT (0x5a5a5a5a5a5a5a5a);

  for (guint64 x = 0, n = 0; n < n_ids; x++)
    {
      guint64 word = 0, second;
      char id[16];

      /* The first word: x in base 64, digits '0' to 'o'. */
      for (guint i = 0; i < 8; i++)
        word |= (((x >> (6 * i)) & 63) + '0') << (8 * i);
      second = target ^ old_step (OLD_K ^ 16, word);
      if ((second & G_GUINT64_CONSTANT (0x8080808080808080)) != 0 ||
          ((second - G_GUINT64_CONSTANT (0x0101010101010101)) & ~second &
           G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
        continue;

      memcpy (id, &word, 8);
      memcpy (id + 8, &second, 8);
      if (n == 0)
        memcpy (first, id, 16);
      memcpy (last, id, 16);
      g_string_append_c (data, '"');
      for (guint i = 0; i < 16; i++)
        {
          if (id[i] == '"')
            g_string_append_c (data, '"');
          g_string_append_c (data, id[i]);
        }
      g_string_append (data, "\",1772359200,view\n");
      n++;
    }
  return data;
}

/* Crafted lead ids do not make interning quadratic, and keep their order. */
static void
test_colliding_ids (void)
{
  char first[16], last[16];
  g_autoptr(GString) data = colliding_csv (100000, first, last);
  g_autofree char *path = tmp_file ("colliding.csv", data->str, (gssize) data->len);
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  double start, secs;

  g_assert_cmpuint (old_hash (first), ==, old_hash (last));
  start = cpu_now ();
  store = li_import_event_paths (paths, NULL, NULL, NULL, NULL, NULL, &error);
  secs = cpu_now () - start;
  g_assert_no_error (error);
  g_assert_cmpuint (store->n_events, ==, 100000);
  g_assert_cmpuint (store->n_leads, ==, 100000);
  /* Ids in input order. */
  g_assert_cmpmem (li_str_pool_get (store->leads, 0), li_str_pool_len (store->leads, 0),
                   first, 16);
  g_assert_cmpmem (li_str_pool_get (store->leads, 99999), li_str_pool_len (store->leads, 99999),
                   last, 16);
  g_test_message ("100 000 crafted lead ids imported in %.3f s", secs);
  g_assert_cmpfloat (secs, <, 1.0);
}

/* @n_rows rows of u1,<@stamp>,view under a canonical header. */
static char *
repeated_rows_file (const char *name,
                    const char *stamp,
                    guint       n_rows)
{
  g_autoptr(GString) data = g_string_new ("lead_id,timestamp,event\n");
  g_autofree char *row = g_strdup_printf ("u1,%s,view\n", stamp);

  for (guint i = 0; i < n_rows; i++)
    g_string_append (data, row);
  return tmp_file (name, data->str, (gssize) data->len);
}

static double
import_seconds (const char            *path,
                const LiImportOptions *options,
                LiImportReport        *report)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  double start = cpu_now ();

  store = li_import_event_paths (paths, options, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return cpu_now () - start;
}

/* With --skip-bad-rows, a bad row past the first few described is only
 * counted: skipping it costs no more than importing a good row. */
static void
test_skipped_rows_cost (void)
{
  const guint n = 1000000;
  g_autofree char *bad = repeated_rows_file ("bad-rows.csv", "2026-13-01 10:00:00", n);
  g_autofree char *good = repeated_rows_file ("good-rows.csv", "2026-03-01 10:00:00", n);
  LiImportOptions options = { .skip_bad_rows = TRUE };
  LiImportReport report = { 0, };
  double bad_secs, good_secs;

  good_secs = import_seconds (good, &options, NULL);
  bad_secs = import_seconds (bad, &options, &report);
  g_assert_cmpuint (report.n_skipped, ==, n);
  g_assert_cmpuint (g_strv_length (report.skipped_reasons), ==, LI_IMPORT_MAX_REASONS);
  li_import_report_clear (&report);
  g_test_message ("1 000 000 rows: %.3f s good, %.3f s bad and skipped", good_secs, bad_secs);
  g_assert_cmpfloat (bad_secs, <, 1.5 * good_secs);
}

/* The count of skipped rows does not wrap at 2^32 (a gzip file of a few
 * megabytes can hold that many bad rows). */
G_STATIC_ASSERT (sizeof (((LiImportReport *) NULL)->n_skipped) == sizeof (guint64));

static void
test_skipped_count_64_bit (void)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  LiImportSink sink = { NULL, };
  LiEventStoreBuilder *builder = li_event_store_builder_new ();
  g_autoptr(LiEventStore) store = NULL;

  sink.skip_bad_rows = TRUE;
  sink.reasons = reasons;
  sink.file_name = "big.csv";
  sink.n_skipped = G_MAXUINT32;
  g_assert_true (_li_import_sink_bad_row (&sink, G_GUINT64_CONSTANT (5000000000), NULL,
                                          "bad %s", "row"));
  g_assert_cmpuint (sink.n_skipped, ==, G_GUINT64_CONSTANT (1) << 32);
  g_assert_cmpstr (reasons->pdata[0], ==, "big.csv:5000000000: bad row");

  li_event_store_builder_set_skipped (builder, sink.n_skipped);
  store = li_event_store_builder_finish (builder);
  g_assert_cmpuint (store->n_skipped, ==, G_GUINT64_CONSTANT (1) << 32);
}

/* Imports @path and expects the error @message ("%s" = the path). */
static void
assert_limit (const char            *path,
              const LiImportOptions *options,
              const char            *message)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_auto(GStrv) parts = g_strsplit (message, "%s", -1);
  g_autofree char *expected = g_strjoinv (path, parts);

  store = li_import_event_paths (paths, options, NULL, NULL, NULL, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_max_events (void)
{
  g_autofree char *path = repeated_rows_file ("five.csv", "1772359200", 5);
  g_autofree char *props = tmp_file ("props.csv",
                                     "lead_id,timestamp,event,a,b,c\n"
                                     "u1,1772359200,view,1,2,3\n"
                                     "u1,1772359200,view,1,,3\n"
                                     "u1,1772359200,view,1,2,3\n"
                                     "u1,1772359200,view,1,2,3\n", -1);
  LiImportOptions options = { .max_events = 5 };
  const char *paths[] = { path, NULL };
  g_autoptr(LiEventStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* Up to the limit is fine. */
  store = li_import_event_paths (paths, &options, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (store->n_events, ==, 5);

  options.max_events = 4;
  assert_limit (path, &options, "%s:6: more than 4 events (use --max-events to raise the limit)");

  /* Property values: LI_MAX_PROPS_PER_EVENT per event on average (empty
   * fields are none). */
  assert_limit (props, &options,
                "%s:5: more than 8 property values (use --max-events to raise the limit)");

  /* The default follows the physical memory. */
  g_assert_cmpuint (li_import_default_max_events (), ==,
                    MIN ((guint64) sysconf (_SC_PHYS_PAGES) * (guint64) sysconf (_SC_PAGESIZE) /
                         LI_IMPORT_BYTES_PER_EVENT, LI_MAX_EVENTS));
}

/* The leads table is bounded too: leads × attributes values. */
static void
test_leads_limit (void)
{
  g_autofree char *path = tmp_file ("leads-limit.csv",
                                    "lead_id,a,b,c\n"
                                    "u1,1,2,3\n"
                                    "u2,1,2,3\n"
                                    "u1,4,5,6\n"
                                    "u3,1,2,3\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiLeadTable) table = NULL;
  g_autofree char *expected = NULL;

  /* A later row of a lead replaces its values: no room taken. */
  table = _li_import_leads_limited (file, 9, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (li_lead_table_get (table, "u1", 2, 2), ==, "6");
  g_clear_pointer (&table, li_lead_table_unref);

  table = _li_import_leads_limited (file, 8, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT);
  expected = g_strdup_printf ("%s:5: more than 8 lead attribute values", path);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Lead ids are interned in batches: a bad row after the limit is passed
 * still reports the limit, as row by row; a lead's later rows, in another
 * batch, still replace its values. */
static void
test_leads_batches (void)
{
  g_autoptr(GString) csv = g_string_new ("lead_id,a\n");
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) bad_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiLeadTable) table = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (csv, "u%u,%u\n", i % 70, i);
  path = tmp_file ("leads-batches.csv", csv->str, -1);
  file = g_file_new_for_path (path);
  table = _li_import_leads_limited (file, 70, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (li_str_pool_size (table->leads), ==, 70);
  g_assert_cmpstr (li_lead_table_get (table, "u0", 2, 0), ==, "980");
  g_assert_cmpstr (li_lead_table_get (table, "u69", 3, 0), ==, "979");
  g_clear_pointer (&table, li_lead_table_unref);

  g_string_truncate (csv, strlen ("lead_id,a\n"));
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (csv, "u%u,%u\n", i, i);
  g_string_append (csv, "u99,1,2\n");
  bad = tmp_file ("leads-batches-bad.csv", csv->str, -1);
  bad_file = g_file_new_for_path (bad);
  table = _li_import_leads_limited (bad_file, 20, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT);
  expected = g_strdup_printf ("%s:22: more than 20 lead attribute values", bad);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  table = _li_import_leads_limited (bad_file, 30, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:32: expected 2 fields, found 3", bad);
  g_assert_cmpstr (error->message, ==, expected);
}

/* A small gzip file that expands to far more rows than the limit stops there,
 * quickly, instead of taking all the memory it can. */
static void
test_gzip_bomb (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "bomb.csv.gz", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                     NULL, &error);
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) compressed = g_converter_output_stream_new (G_OUTPUT_STREAM (out),
                                                                       G_CONVERTER (gzip));
  g_autoptr(GString) block = g_string_new (NULL);
  LiImportOptions options = { .max_events = 100000 };
  GStatBuf st;
  double start, secs;

  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (compressed, "lead_id,timestamp,event\n", 24,
                                            NULL, NULL, &error));
  for (guint i = 0; i < 10000; i++)
    g_string_append (block, "u1,1772359200,view\n");
  for (guint i = 0; i < 500 && error == NULL; i++)
    g_output_stream_write_all (compressed, block->str, block->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (compressed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("5 000 000 rows in %ld bytes of gzip", (long) st.st_size);

  start = cpu_now ();
  assert_limit (path, &options,
                "%s:100002: more than 100000 events (use --max-events to raise the limit)");
  secs = cpu_now () - start;
  g_test_message ("stopped after %.3f s", secs);
  g_assert_cmpfloat (secs, <, 1.0);
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
  g_test_add_func ("/engine/import-limits/too-many-keys", test_too_many_keys);
  g_test_add_func ("/engine/import-limits/wide-leads-header", test_wide_leads_header);
  g_test_add_func ("/engine/import-limits/colliding-ids", test_colliding_ids);
  g_test_add_func ("/engine/import-limits/skipped-rows-cost", test_skipped_rows_cost);
  g_test_add_func ("/engine/import-limits/skipped-count-64-bit", test_skipped_count_64_bit);
  g_test_add_func ("/engine/import-limits/max-events", test_max_events);
  g_test_add_func ("/engine/import-limits/leads-limit", test_leads_limit);
  g_test_add_func ("/engine/import-limits/leads-batches", test_leads_batches);
  g_test_add_func ("/engine/import-limits/gzip-bomb", test_gzip_bomb);

  ret = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  return ret;
}
