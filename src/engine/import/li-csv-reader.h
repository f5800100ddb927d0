/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A streaming RFC 4180 reader: comma-separated fields, optionally in double
 * quotes (which may hold commas, doubled quotes and line breaks), LF, CRLF or
 * lone CR line ends (each one line for line numbers, within quotes too), an
 * optional UTF-8 byte order mark.  Blank lines are skipped.  A
 * double quote that does not open a field is an ordinary character, as are
 * the characters between a closing quote and the next comma (the lenient
 * reading of Python's csv module).
 *
 * The stream is read in chunks; a record has to fit in memory, up to
 * max_record bytes, so memory stays bounded on any input. */

#define LI_CSV_ERROR (li_csv_error_quark ())

typedef enum
{
  LI_CSV_ERROR_UNTERMINATED,  /* a quoted field still open at the end of the data */
  LI_CSV_ERROR_TOO_LONG,      /* a record over max_record bytes or LI_CSV_MAX_FIELDS fields */
} LiCsvError;

typedef enum
{
  LI_CSV_RESULT_RECORD,  /* a record is available */
  LI_CSV_RESULT_END,     /* no more records */
  LI_CSV_RESULT_ERROR,   /* see the GError; li_csv_reader_get_line () says where */
} LiCsvResult;

#define LI_CSV_DEFAULT_CHUNK_SIZE (1024 * 1024)
#define LI_CSV_DEFAULT_MAX_RECORD (16 * 1024 * 1024)
#define LI_CSV_MAX_FIELDS         65536

/* A field of the current record: not NUL-terminated, valid until the next
 * call to li_csv_reader_next () or li_csv_reader_free (). */
typedef struct
{
  const char *data;
  gsize       len;
} LiCsvField;

typedef struct _LiCsvReader LiCsvReader;

GQuark            li_csv_error_quark (void);

LiCsvReader      *li_csv_reader_new            (GInputStream *stream);
void              li_csv_reader_free           (LiCsvReader  *reader);
/* The size of each read (before the first li_csv_reader_next () only) and
 * the longest record accepted, line end included; for tests mostly. */
void              li_csv_reader_set_chunk_size (LiCsvReader  *reader,
                                                gsize         chunk_size);
void              li_csv_reader_set_max_record (LiCsvReader  *reader,
                                                gsize         max_record);
/* Whether plain lines are split with AVX2 where the processor has it (the
 * default) or with SSE2 as everywhere else; for tests of both. */
void              li_csv_reader_set_avx2       (LiCsvReader  *reader,
                                                gboolean      use);

/* Reads the next non-blank record.  After LI_CSV_RESULT_ERROR the reader
 * stays in error: further calls return LI_CSV_RESULT_ERROR again. */
LiCsvResult       li_csv_reader_next           (LiCsvReader   *reader,
                                                GCancellable  *cancellable,
                                                GError       **error);
const LiCsvField *li_csv_reader_get_fields     (const LiCsvReader *reader,
                                                guint             *n_fields);
/* The 1-based physical line at which the current (or failing) record starts. */
guint64           li_csv_reader_get_line       (const LiCsvReader *reader);
/* The physical lines read so far: those up to the end of the current record
 * and any blank lines before it. */
guint64           li_csv_reader_get_lines_read (const LiCsvReader *reader);
/* Whether the current record is valid UTF-8 without NUL bytes; the fields of
 * a record that is not are still returned, for the caller to report. */
gboolean          li_csv_reader_is_valid_utf8  (const LiCsvReader *reader);
/* The current record as it stands in the stream, without its line end. */
const char       *li_csv_reader_get_raw        (const LiCsvReader *reader,
                                                gsize             *len);
/* Stream bytes up to the end of the current record (BOM included). */
guint64           li_csv_reader_get_bytes_consumed (const LiCsvReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiCsvReader, li_csv_reader_free)

G_END_DECLS
