/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The streaming CSV reader (li-csv-reader.h) against a small reference
 * reader written from SPEC 2.1 and the header's comment: RFC 4180 with
 * lenient quotes, LF, CRLF or lone CR line ends, an optional BOM, blank
 * lines skipped.
 *
 * The input is read three times (the default chunk, a small chunk, a small
 * max_record); every run must give the reference's records, fields, raw
 * text, UTF-8 flag, line numbers and byte counts, and end the same way.
 *
 * Oracles: "lone-cr" (inputs with a CR not followed by LF: SPEC 2.1 makes
 * it a line end), "csv-reference" (every other difference). */

#include "li-fuzz.h"

#include "li-csv-reader.h"

typedef struct
{
  GPtrArray *fields;     /* GBytes */
  gsize      start;      /* offset of the record */
  gsize      raw_len;    /* without the line end */
  gsize      next;       /* offset after the line end */
  guint64    line;
} RefRecord;

typedef enum
{
  REF_END,
  REF_UNTERMINATED,
  REF_TOO_MANY_FIELDS,
} RefEnd;

typedef struct
{
  GArray  *records;      /* RefRecord */
  RefEnd   end;
  gsize    fail_start;   /* the failing record: where it starts */
  guint64  fail_line;
} RefResult;

static void
_ref_record_clear (gpointer data)
{
  RefRecord *r = data;

  g_clear_pointer (&r->fields, g_ptr_array_unref);
}

/* The reference: the whole input at once, no chunks, no limits but the
 * field count. */
static void
_ref_parse (const char *d,
            gsize       size,
            RefResult  *out)
{
  gsize pos = 0;
  guint64 line = 1;

  out->records = g_array_new (FALSE, TRUE, sizeof (RefRecord));
  g_array_set_clear_func (out->records, _ref_record_clear);
  out->end = REF_END;

  if (size >= 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0)
    pos = 3;

  while (pos < size)
    {
      RefRecord rec = { NULL, };
      guint64 record_line = line;

      /* A blank line. */
      if (d[pos] == '\n' || d[pos] == '\r')
        {
          pos += (d[pos] == '\r' && pos + 1 < size && d[pos + 1] == '\n') ? 2 : 1;
          line++;
          continue;
        }

      rec.fields = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      rec.start = pos;
      rec.line = record_line;

      for (;;)
        {
          GByteArray *field = g_byte_array_new ();

          if (pos < size && d[pos] == '"')
            {
              pos++;
              for (;;)
                {
                  const char *q = memchr (d + pos, '"', size - pos);

                  if (q == NULL)
                    {
                      g_byte_array_unref (field);
                      g_ptr_array_unref (rec.fields);
                      out->end = REF_UNTERMINATED;
                      out->fail_start = rec.start;
                      out->fail_line = record_line;
                      return;
                    }
                  /* line breaks inside quotes are data, but count as lines:
                   * LF, CRLF and a lone CR one each */
                  for (const char *c = d + pos; c < q; c++)
                    if (*c == '\n' || (*c == '\r' && (c + 1 == q || c[1] != '\n')))
                      line++;
                  g_byte_array_append (field, (const guint8 *) d + pos, (guint) (q - (d + pos)));
                  pos = (gsize) (q - d) + 1;
                  if (pos < size && d[pos] == '"')
                    {
                      g_byte_array_append (field, (const guint8 *) "\"", 1);
                      pos++;
                      continue;
                    }
                  break;
                }
            }
          /* Unquoted text, or what follows a closing quote, up to the next
           * comma or line end. */
          while (pos < size && d[pos] != ',' && d[pos] != '\n' && d[pos] != '\r')
            g_byte_array_append (field, (const guint8 *) d + pos++, 1);

          if (rec.fields->len == LI_CSV_MAX_FIELDS)
            {
              g_byte_array_unref (field);
              g_ptr_array_unref (rec.fields);
              out->end = REF_TOO_MANY_FIELDS;
              out->fail_start = rec.start;
              out->fail_line = record_line;
              return;
            }
          g_ptr_array_add (rec.fields, g_byte_array_free_to_bytes (field));

          if (pos < size && d[pos] == ',')
            {
              pos++;
              continue;
            }
          rec.raw_len = pos - rec.start;
          if (pos < size)
            {
              pos += (d[pos] == '\r' && pos + 1 < size && d[pos + 1] == '\n') ? 2 : 1;
              line++;
            }
          rec.next = pos;
          break;
        }
      g_array_append_val (out->records, rec);
    }
}

static void
_ref_clear (RefResult *ref)
{
  g_clear_pointer (&ref->records, g_array_unref);
}

static void
_run (const char      *oracle,
      const char      *data,
      gsize            size,
      const RefResult *ref,
      gsize            chunk_size,
      gsize            max_record,
      gboolean         avx2,
      const char      *what)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr(LiCsvReader) reader = li_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  LiCsvResult r;
  guint i = 0;

  li_csv_reader_set_avx2 (reader, avx2);
  if (chunk_size != 0)
    li_csv_reader_set_chunk_size (reader, chunk_size);
  if (max_record != 0)
    li_csv_reader_set_max_record (reader, max_record);
  else
    max_record = LI_CSV_DEFAULT_MAX_RECORD;

  while ((r = li_csv_reader_next (reader, NULL, &error)) == LI_CSV_RESULT_RECORD)
    {
      const RefRecord *rec;
      const LiCsvField *fields;
      const char *raw;
      gsize raw_len;
      guint n;

      LI_FUZZ_CHECK (oracle, i < ref->records->len,
                     "%s: record %u: the reference has %u records", what, i + 1,
                     ref->records->len);
      if (i >= ref->records->len)
        return;
      rec = &g_array_index (ref->records, RefRecord, i);
      LI_FUZZ_CHECK (oracle, rec->next - rec->start <= max_record,
                     "%s: record %u of %" G_GSIZE_FORMAT " bytes over max_record %"
                     G_GSIZE_FORMAT " was returned", what, i + 1, rec->next - rec->start,
                     max_record);

      fields = li_csv_reader_get_fields (reader, &n);
      LI_FUZZ_CHECK (oracle, n == rec->fields->len,
                     "%s: record %u: %u fields, the reference has %u", what, i + 1, n,
                     rec->fields->len);
      for (guint f = 0; f < MIN (n, rec->fields->len); f++)
        {
          gsize len;
          const char *want = g_bytes_get_data (rec->fields->pdata[f], &len);

          LI_FUZZ_CHECK (oracle, fields[f].len == len &&
                                 (len == 0 || memcmp (fields[f].data, want, len) == 0),
                         "%s: record %u field %u: \"%.*s\", the reference has \"%.*s\"",
                         what, i + 1, f + 1, (int) MIN (fields[f].len, 200), fields[f].data,
                         (int) MIN (len, 200), want);
        }

      raw = li_csv_reader_get_raw (reader, &raw_len);
      LI_FUZZ_CHECK (oracle, raw_len == rec->raw_len &&
                             (raw_len == 0 || memcmp (raw, data + rec->start, raw_len) == 0),
                     "%s: record %u: raw text of %" G_GSIZE_FORMAT " bytes, the reference has %"
                     G_GSIZE_FORMAT, what, i + 1, raw_len, rec->raw_len);
      LI_FUZZ_CHECK (oracle, !li_csv_reader_is_valid_utf8 (reader) ==
                             !g_utf8_validate_len (data + rec->start, rec->raw_len, NULL),
                     "%s: record %u: UTF-8 flag %d is wrong", what, i + 1,
                     li_csv_reader_is_valid_utf8 (reader));
      LI_FUZZ_CHECK (oracle, li_csv_reader_get_line (reader) == rec->line,
                     "%s: record %u: line %" G_GUINT64_FORMAT ", the reference has %"
                     G_GUINT64_FORMAT, what, i + 1, li_csv_reader_get_line (reader), rec->line);
      LI_FUZZ_CHECK (oracle, li_csv_reader_get_bytes_consumed (reader) == rec->next,
                     "%s: record %u: %" G_GUINT64_FORMAT " bytes consumed, the reference has %"
                     G_GSIZE_FORMAT, what, i + 1, li_csv_reader_get_bytes_consumed (reader),
                     rec->next);
      i++;
    }

  if (r == LI_CSV_RESULT_END)
    {
      LI_FUZZ_CHECK (oracle, ref->end == REF_END && i == ref->records->len,
                     "%s: the end after %u records, the reference has %u and %s", what, i,
                     ref->records->len, ref->end == REF_END ? "the end" : "an error");
      LI_FUZZ_CHECK ("csv-reference", li_csv_reader_next (reader, NULL, NULL) == LI_CSV_RESULT_END,
                     "%s: no end after the end", what);
      return;
    }

  /* An error: where the reference fails, or at a record over max_record. */
  LI_FUZZ_CHECK ("csv-reference", error != NULL && error->domain == LI_CSV_ERROR,
                 "%s: an error without a LI_CSV_ERROR", what);
  LI_FUZZ_CHECK_UTF8 (error->message);
  if (i < ref->records->len)
    {
      const RefRecord *rec = &g_array_index (ref->records, RefRecord, i);

      LI_FUZZ_CHECK (oracle, error->code == LI_CSV_ERROR_TOO_LONG &&
                             rec->next - rec->start > max_record,
                     "%s: record %u (%" G_GSIZE_FORMAT " bytes, max_record %" G_GSIZE_FORMAT
                     "): error \"%s\", the reference has a record", what, i + 1,
                     rec->next - rec->start, max_record, error->message);
      LI_FUZZ_CHECK (oracle, li_csv_reader_get_line (reader) == rec->line,
                     "%s: error at line %" G_GUINT64_FORMAT ", the record is at %"
                     G_GUINT64_FORMAT, what, li_csv_reader_get_line (reader), rec->line);
    }
  else
    {
      gboolean too_long = ref->end == REF_TOO_MANY_FIELDS ||
                          (ref->end == REF_UNTERMINATED && size - ref->fail_start > max_record);

      LI_FUZZ_CHECK (oracle, ref->end != REF_END,
                     "%s: error \"%s\" after %u records, the reference ends there", what,
                     error->message, i);
      if (ref->end != REF_END)
        {
          LI_FUZZ_CHECK (oracle, error->code == (too_long ? LI_CSV_ERROR_TOO_LONG
                                                          : LI_CSV_ERROR_UNTERMINATED),
                         "%s: error \"%s\", expected %s", what, error->message,
                         too_long ? "too long" : "unterminated");
          LI_FUZZ_CHECK (oracle, li_csv_reader_get_line (reader) == ref->fail_line,
                         "%s: error at line %" G_GUINT64_FORMAT ", the reference fails at %"
                         G_GUINT64_FORMAT, what, li_csv_reader_get_line (reader),
                         ref->fail_line);
        }
    }

  /* The error is sticky. */
  {
    g_autoptr(GError) again = NULL;

    LI_FUZZ_CHECK ("csv-reference",
                   li_csv_reader_next (reader, NULL, &again) == LI_CSV_RESULT_ERROR &&
                   again != NULL && again->code == error->code,
                   "%s: the error is not sticky", what);
  }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  li_fuzz_init (argc, argv);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *d = (const char *) data;
  const char *oracle = "csv-reference";
  guint32 h = li_fuzz_hash (data, size);
  RefResult ref = { NULL, };

  for (size_t i = 0; i < size; i++)
    if (d[i] == '\r' && (i + 1 == size || d[i + 1] != '\n'))
      {
        oracle = "lone-cr";
        break;
      }

  _ref_parse (d, size, &ref);
  _run (oracle, d, size, &ref, 0, 0, TRUE, "default chunk");
  _run (oracle, d, size, &ref, 0, 0, FALSE, "default chunk, SSE2");
  _run (oracle, d, size, &ref, 1 + h % 13, 0, TRUE, "small chunk");
  if (size <= 1024)
    _run (oracle, d, size, &ref, 1, 0, TRUE, "one-byte chunk");
  _run (oracle, d, size, &ref, 1 + (h >> 8) % 61, 1 + (h >> 16) % 200, TRUE, "small max_record");
  _run (oracle, d, size, &ref, 1 + (h >> 8) % 61, 1 + (h >> 16) % 200, FALSE,
        "small max_record, SSE2");
  _ref_clear (&ref);
  return 0;
}
