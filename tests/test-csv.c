/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "li-csv-reader.h"

static const gsize chunk_sizes[] = { 1, 2, 3, 7, 64, LI_CSV_DEFAULT_CHUNK_SIZE };

/* Reads all of @data and describes it: one line per record,
 * "LINE:field|field" (fields with \n, \r, | escaped), then "end" or
 * "error LINE CODE: message"; "!" marks a record that is not UTF-8. */
static char *
dump_with (const char *data,
           gsize       len,
           gsize       chunk_size,
           gsize       max_record,
           gboolean    avx2)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) len, NULL);
  g_autoptr(LiCsvReader) reader = li_csv_reader_new (stream);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  LiCsvResult r;

  li_csv_reader_set_chunk_size (reader, chunk_size);
  if (max_record > 0)
    li_csv_reader_set_max_record (reader, max_record);
  li_csv_reader_set_avx2 (reader, avx2);

  while ((r = li_csv_reader_next (reader, NULL, &error)) == LI_CSV_RESULT_RECORD)
    {
      guint n;
      const LiCsvField *f = li_csv_reader_get_fields (reader, &n);

      g_string_append_printf (out, "%" G_GUINT64_FORMAT "%s:",
                              li_csv_reader_get_line (reader),
                              li_csv_reader_is_valid_utf8 (reader) ? "" : "!");
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          for (gsize j = 0; j < f[i].len; j++)
            {
              char c = f[i].data[j];

              if (c == '\n')
                g_string_append (out, "\\n");
              else if (c == '\r')
                g_string_append (out, "\\r");
              else if (c == '|')
                g_string_append (out, "\\|");
              else if (c == '\0')
                g_string_append (out, "\\0");
              else
                g_string_append_c (out, c);
            }
        }
      g_string_append_c (out, '\n');
    }

  if (r == LI_CSV_RESULT_END)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (li_csv_reader_get_bytes_consumed (reader), ==, len);
      g_string_append (out, "end");
    }
  else
    {
      g_autoptr(GError) again = NULL;

      g_assert_nonnull (error);
      g_string_append_printf (out, "error %" G_GUINT64_FORMAT " %d: %s",
                              li_csv_reader_get_line (reader), error->code, error->message);
      /* The reader stays in error. */
      g_assert_cmpint (li_csv_reader_next (reader, NULL, &again), ==, LI_CSV_RESULT_ERROR);
      g_assert_error (again, error->domain, error->code);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump (const char *data,
      gsize       len,
      gsize       chunk_size,
      gsize       max_record)
{
  return dump_with (data, len, chunk_size, max_record, TRUE);
}

/* The same result for every chunk size, with lines split by SSE2 or by
 * AVX2. */
static void
check_len (const char *data,
           gsize       len,
           gsize       max_record,
           const char *expected)
{
  for (guint i = 0; i < G_N_ELEMENTS (chunk_sizes); i++)
    for (guint avx2 = 0; avx2 <= 1; avx2++)
      {
        g_autofree char *got = dump_with (data, len, chunk_sizes[i], max_record, avx2);

        if (g_strcmp0 (got, expected) != 0)
          g_error ("chunk size %" G_GSIZE_FORMAT ", AVX2 %u:\n--- expected\n%s\n--- got\n%s",
                   chunk_sizes[i], avx2, expected, got);
      }
}

static void
check_max (const char *data,
           gsize       max_record,
           const char *expected)
{
  check_len (data, strlen (data), max_record, expected);
}

static void
check (const char *data,
       const char *expected)
{
  check_len (data, strlen (data), 0, expected);
}

static void
test_simple (void)
{
  check ("", "end");
  check ("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\nend");
  check ("a,b,c\n1,2,3", "1:a|b|c\n2:1|2|3\nend");
  check ("single\n", "1:single\nend");
  check ("a, b ,c \n", "1:a| b |c \nend");
}

static void
test_bom (void)
{
  check ("\xEF\xBB\xBF" "a,b\n1,2", "1:a|b\n2:1|2\nend");
  check ("\xEF\xBB\xBF", "end");
  check ("\xEF\xBB\xBF\n\nx\n", "3:x\nend");
  /* Only at the start. */
  check ("a\n\xEF\xBB\xBF" "b\n", "1:a\n2:\xEF\xBB\xBF" "b\nend");
  /* Part of a BOM is data. */
  check ("\xEF\xBB", "1!:\xEF\xBB\nend");
}

static void
test_line_ends (void)
{
  check ("a,b\r\n1,2\r\n\r\n3,4\r\n", "1:a|b\n2:1|2\n4:3|4\nend");
  check ("a,b\r", "1:a|b\nend");
  check ("a\r\nb", "1:a\n2:b\nend");
  check ("\"a\"\r\n\"b\"\r\n", "1:a\n2:b\nend");
  check ("\"a\"\r", "1:a\nend");

  /* A lone CR ends a line too (spreadsheets on macOS), also when the data
   * read so far ends with it; CR, LF and CRLF are one line each. */
  check ("a\rb,c\n", "1:a\n2:b|c\nend");
  check ("a,b\r1,2\r\r3,4\r", "1:a|b\n2:1|2\n4:3|4\nend");
  check ("a\r\r\nb\n\rc", "1:a\n3:b\n5:c\nend");
  check ("\"a\"\rb", "1:a\n2:b\nend");
  check ("\"ab\"c\rd", "1:abc\n2:d\nend");
  check ("x,\"\"\r\"\"", "1:x|\n2:\nend");

  /* Within quotes they are data, and count as lines. */
  check ("\"a\rb\",c\r\"d\"\r", "1:a\\rb|c\n3:d\nend");
  check ("\"x\r\ny\"\rz", "1:x\\r\\ny\n3:z\nend");
  check ("\"a\r\"\"\nb\"\rz", "1:a\\r\"\\nb\n4:z\nend");
  check ("\"\r\r\"\n\"\n\r\"\nz", "1:\\r\\r\n4:\\n\\r\n7:z\nend");
}

static void
test_blank_lines (void)
{
  check ("\n\n a\n\n", "3: a\nend");
  check ("\r\n\r\n", "end");
  check ("\r\r\n\r a\r", "4: a\nend");
  check ("a\n\n\nb\n", "1:a\n4:b\nend");
}

static void
test_empty_fields (void)
{
  check (",,\n", "1:||\nend");
  check ("a,\n", "1:a|\nend");
  check (",a\n", "1:|a\nend");
  check ("\"\"\n", "1:\nend");
  check ("a,\"\"\n", "1:a|\nend");
  check ("\"\",\"\"\n", "1:|\nend");
}

static void
test_quotes (void)
{
  check ("x,\"a,b\",y\n", "1:x|a,b|y\nend");
  check ("\"he said \"\"hi\"\"\",z\n", "1:he said \"hi\"|z\nend");
  check ("\"\"\"\"\n", "1:\"\nend");
  check ("\"a,b\"", "1:a,b\nend");
  check ("\"a\",\"b\"\n\"c\",d\n", "1:a|b\n2:c|d\nend");
  /* Quotes that do not open a field, and text after a closing quote. */
  check ("a\"b,c\n", "1:a\"b|c\nend");
  check ("\"ab\"cd,e\n", "1:abcd|e\nend");
  check ("\"ab\"c\"d,e\n", "1:abc\"d|e\nend");
  check ("\"ab\" \r\n", "1:ab \nend");
}

static void
test_line_breaks (void)
{
  check ("id,text\n1,\"line1\nline2\r\nline3\"\n2,after\n",
         "1:id|text\n2:1|line1\\nline2\\r\\nline3\n5:2|after\nend");
  check ("\"\n\n\"\n\nx\n", "1:\\n\\n\n5:x\nend");
  check ("\"a\nb\",\"c\nd\"\ne\n", "1:a\\nb|c\\nd\n4:e\nend");
}

static void
test_unterminated (void)
{
  check ("a,b\n1,\"oops\n2,3\n",
         "1:a|b\nerror 2 0: unterminated quoted field");
  check ("\"", "error 1 0: unterminated quoted field");
  check ("x\n\n\"a\"\"", "1:x\nerror 3 0: unterminated quoted field");
}

static void
test_too_long (void)
{
  g_autoptr(GString) many = g_string_new (NULL);

  check_max ("short\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nafter\n", 32,
             "1:short\nerror 2 1: record longer than 32 bytes");
  /* At the end of the data, complete. */
  check_max ("short\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 32,
             "1:short\nerror 2 1: record longer than 32 bytes");
  /* A quoted field that never ends stops at the limit, not at the end. */
  check_max ("a\n\"bbbbbbbbbb\nbbbbbbbbbbbbbbbb\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\nc\n", 32,
             "1:a\nerror 2 1: record longer than 32 bytes");
  /* Exactly at the limit (the line end counts). */
  check_max ("0123456789abcde\n", 16, "1:0123456789abcde\nend");
  check_max ("0123456789abcdef\n", 16, "error 1 1: record longer than 16 bytes");

  /* Too many fields. */
  for (guint i = 0; i < LI_CSV_MAX_FIELDS; i++)
    g_string_append_c (many, ',');
  g_string_append_c (many, '\n');
  {
    g_autofree char *got = dump (many->str, many->len, LI_CSV_DEFAULT_CHUNK_SIZE, 0);
    g_assert_cmpstr (got, ==, "error 1 1: record with more than 65536 fields");
  }
  g_string_truncate (many, LI_CSV_MAX_FIELDS - 1);
  g_string_append_c (many, '\n');
  {
    g_autofree char *got = dump (many->str, many->len, LI_CSV_DEFAULT_CHUNK_SIZE, 0);
    g_assert_true (g_str_has_prefix (got, "1:||"));
    g_assert_true (g_str_has_suffix (got, "|\nend"));
  }
}

static void
test_utf8 (void)
{
  check ("a,\xff\nb,\xc3\xa9\n", "1!:a|\xff\n2:b|\xc3\xa9\nend");
  check ("\"\xc3\xa9\",\"\xe2\x82\"\n", "1!:\xc3\xa9|\xe2\x82\nend");
  /* Multi-byte characters across a chunk border are fine. */
  check ("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac,\xf0\x9f\x98\x80\n",
         "1:\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac|\xf0\x9f\x98\x80\nend");
  /* Long ASCII records take the word-at-a-time path. */
  check ("abcdefghijklmnopqrstuvwxyz,abcdefghijklmnopqrstuvwxyz\xff\n",
         "1!:abcdefghijklmnopqrstuvwxyz|abcdefghijklmnopqrstuvwxyz\xff\nend");
  check ("abcdefghijklmnopqrstuvwxyz,abcdefghijklmnopqrstuvwxyz\n",
         "1:abcdefghijklmnopqrstuvwxyz|abcdefghijklmnopqrstuvwxyz\nend");
  /* NUL bytes are not text either. */
  check_len ("a\0b\nabcdefgh\0ijklmnop\nc\n", 24, 0,
             "1!:a\\0b\n2!:abcdefgh\\0ijklmnop\n3:c\nend");
}

static void
test_raw (void)
{
  static const char data[] = "a,\"b,c\"\r\n\n\"x\ny\"\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, -1, NULL);
  g_autoptr(LiCsvReader) reader = li_csv_reader_new (stream);
  const char *raw;
  gsize len;

  g_assert_cmpint (li_csv_reader_next (reader, NULL, NULL), ==, LI_CSV_RESULT_RECORD);
  raw = li_csv_reader_get_raw (reader, &len);
  g_assert_cmpmem (raw, len, "a,\"b,c\"", 7);
  g_assert_cmpuint (li_csv_reader_get_bytes_consumed (reader), ==, 9);

  g_assert_cmpint (li_csv_reader_next (reader, NULL, NULL), ==, LI_CSV_RESULT_RECORD);
  raw = li_csv_reader_get_raw (reader, &len);
  g_assert_cmpmem (raw, len, "\"x\ny\"", 5);
  g_assert_cmpuint (li_csv_reader_get_line (reader), ==, 3);
  g_assert_cmpuint (li_csv_reader_get_bytes_consumed (reader), ==, strlen (data));

  g_assert_cmpint (li_csv_reader_next (reader, NULL, NULL), ==, LI_CSV_RESULT_END);
  g_assert_cmpint (li_csv_reader_next (reader, NULL, NULL), ==, LI_CSV_RESULT_END);
}

static void
test_cancelled (void)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("a\n", -1, NULL);
  g_autoptr(LiCsvReader) reader = li_csv_reader_new (stream);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_cmpint (li_csv_reader_next (reader, cancellable, &error), ==, LI_CSV_RESULT_ERROR);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Large input through the default chunk size: records across chunk borders,
 * with @eol for line ends. */
static void
check_large (const char *eol)
{
  g_autoptr(GString) data = g_string_new ("lead_id,timestamp,event,note");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(LiCsvReader) reader = NULL;
  guint n_records = 0;
  guint n_rows = 200000;

  g_string_append (data, eol);
  for (guint i = 0; i < n_rows; i++)
    {
      char row[128];

      /* Into a buffer on the stack: no allocation per row (see below). */
      if (i % 1000 == 7)
        g_snprintf (row, sizeof row, "u%u,2026-03-01T10:00:00Z,view,\"multi%sline, %u\"%s",
                    i, eol, i, eol);
      else
        g_snprintf (row, sizeof row, "u%u,2026-03-01T10:00:00Z,view,n%u%s", i, i, eol);
      g_string_append (data, row);
    }

  stream = g_memory_input_stream_new_from_data (data->str, (gssize) data->len, NULL);
  reader = li_csv_reader_new (stream);
  g_assert_cmpint (li_csv_reader_next (reader, NULL, NULL), ==, LI_CSV_RESULT_RECORD);
  while (li_csv_reader_next (reader, NULL, NULL) == LI_CSV_RESULT_RECORD)
    {
      guint n;
      const LiCsvField *f = li_csv_reader_get_fields (reader, &n);
      char lead[16];
      int lead_len = g_snprintf (lead, sizeof lead, "u%u", n_records);
      guint64 line = 2 + n_records + n_records / 1000 + (n_records % 1000 > 7);

      /* No allocation per record: ASan's slow unwinder would take minutes. */
      g_assert_cmpuint (n, ==, 4);
      g_assert_cmpmem (f[0].data, f[0].len, lead, lead_len);
      g_assert_cmpuint (li_csv_reader_get_line (reader), ==, line);
      n_records++;
    }
  g_assert_cmpuint (n_records, ==, n_rows);
  g_assert_cmpuint (li_csv_reader_get_bytes_consumed (reader), ==, data->len);
}

static void
test_large (void)
{
  check_large ("\n");
  check_large ("\r\n");
  check_large ("\r");
}

/* Random small inputs: every chunk size must read them the same way. */
static void
test_chunk_independence (void)
{
  static const char alphabet[] = "ab,,\"\"\n\r\xc3";
  GRand *rand = g_rand_new_with_seed (7);

  for (guint iter = 0; iter < 3000; iter++)
    {
      char data[48];
      gsize len = (gsize) g_rand_int_range (rand, 0, sizeof data);
      g_autofree char *expected = NULL;

      for (gsize i = 0; i < len; i++)
        data[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      /* 64 holds all of the data (a 1 MiB buffer per input is slow under
       * ASan). */
      expected = dump (data, len, 64, 24);
      for (gsize chunk = 1; chunk < 8; chunk++)
        {
          g_autofree char *got = dump (data, len, chunk, 24);

          g_assert_cmpstr (got, ==, expected);
        }
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/csv/simple", test_simple);
  g_test_add_func ("/engine/csv/bom", test_bom);
  g_test_add_func ("/engine/csv/line-ends", test_line_ends);
  g_test_add_func ("/engine/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/engine/csv/empty-fields", test_empty_fields);
  g_test_add_func ("/engine/csv/quotes", test_quotes);
  g_test_add_func ("/engine/csv/line-breaks", test_line_breaks);
  g_test_add_func ("/engine/csv/unterminated", test_unterminated);
  g_test_add_func ("/engine/csv/too-long", test_too_long);
  g_test_add_func ("/engine/csv/utf8", test_utf8);
  g_test_add_func ("/engine/csv/raw", test_raw);
  g_test_add_func ("/engine/csv/cancelled", test_cancelled);
  g_test_add_func ("/engine/csv/large", test_large);
  g_test_add_func ("/engine/csv/chunk-independence", test_chunk_independence);

  return g_test_run ();
}
