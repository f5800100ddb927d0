/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-csv-reader.c: a streaming RFC 4180 reader.
 *
 * The data lives in one buffer that is refilled a chunk at a time; the
 * unparsed tail moves to its front first, so a record is always contiguous.
 * The fast path handles a line without double quotes: memchr finds its end
 * and its commas, and the fields point into the buffer.  Lines end at LF,
 * CRLF or a lone CR; the next CR is looked for once and remembered, so that
 * files without CRs are not searched for them line by line.  A line with a
 * quote goes through a small state machine that copies the unquoted text of
 * quoted fields into a scratch buffer.  When a record is not complete in the
 * buffer, the parse starts again after the next refill. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "li-csv-reader.h"

struct _LiCsvReader
{
  GInputStream *stream;

  char         *buf;
  gsize         buf_size;
  gsize         pos;          /* start of the unparsed data */
  gsize         end;          /* end of the data read */
  guint64       buf_offset;   /* stream offset of buf[0] */
  gboolean      eof;
  gboolean      started;      /* the BOM has been looked for */
  gsize         next_cr;      /* a CR, or end; none in [pos, next_cr) */
  GError       *error;        /* sticky, once failed */

  gsize         chunk_size;
  gsize         max_record;

  LiCsvField   *fields;
  guint         n_fields;
  guint         fields_size;

  char         *scratch;
  gsize         scratch_size;

  guint64       line;         /* physical line at pos */
  guint64       record_line;
  const char   *raw;
  gsize         raw_len;
  gboolean      valid_utf8;
  gboolean      plain_ascii;  /* the last line split: no byte >= 0x80, no NUL */
  gboolean      avx2;         /* the processor has it */
};

typedef enum
{
  PARSE_RECORD,
  PARSE_BLANK,
  PARSE_NEED_MORE,
  PARSE_END,
  PARSE_UNTERMINATED,
  PARSE_TOO_MANY_FIELDS,
  PARSE_QUOTED,  /* of _li_csv_reader_split only */
} ParseResult;

G_DEFINE_QUARK (li-csv-error-quark, li_csv_error)

#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define LOW_BITS  G_GUINT64_CONSTANT (0x0101010101010101)

/* TRUE when [p, p + len) has no byte >= 0x80 and no NUL: a word at a time. */
static inline gboolean
_li_csv_is_plain_ascii (const char *p,
                        gsize       len)
{
  guint64 acc = 0;

  for (; len >= 8; p += 8, len -= 8)
    {
      guint64 w;

      memcpy (&w, p, 8);
      acc |= w | ((w - LOW_BITS) & ~w);
    }
  if ((acc & HIGH_BITS) != 0)
    return FALSE;
  for (; len > 0; p++, len--)
    if ((guchar) (*p - 1) >= 0x7f)
      return FALSE;
  return TRUE;
}

static gboolean
_li_csv_reader_grow_fields (LiCsvReader *self)
{
  if (self->fields_size >= LI_CSV_MAX_FIELDS)
    return FALSE;
  self->fields_size = MIN (self->fields_size * 2, LI_CSV_MAX_FIELDS);
  self->fields = g_renew (LiCsvField, self->fields, self->fields_size);
  return TRUE;
}

static inline gboolean
_li_csv_reader_add_field (LiCsvReader *self,
                          const char  *data,
                          gsize        len)
{
  if (G_UNLIKELY (self->n_fields == self->fields_size) &&
      !_li_csv_reader_grow_fields (self))
    return FALSE;
  self->fields[self->n_fields].data = data;
  self->fields[self->n_fields].len = len;
  self->n_fields++;
  return TRUE;
}

/* A field ends at @c; the next starts after it. */
#define _LI_CSV_FIELD_AT(self, start, c)                                 \
  G_STMT_START {                                                         \
    if (G_UNLIKELY (!_li_csv_reader_add_field (self, start, (gsize) ((c) - (start))))) \
      return memchr (c, '"', (gsize) (le - (c))) != NULL ? PARSE_QUOTED        \
                                                         : PARSE_TOO_MANY_FIELDS; \
    start = (c) + 1;                                                     \
  } G_STMT_END

/* Splits the line [p, le) at its commas in one pass that also looks for a
 * quote (PARSE_QUOTED: the line is for the quoted parser) and for bytes
 * that are not plain ASCII (self->plain_ascii): 16 bytes at a time with
 * SSE2, a byte at a time for the rest. */
static ParseResult
_li_csv_reader_split (LiCsvReader *self,
                      const char  *p,
                      const char  *le)
{
  const char *start = p;
  const char *q = p;
  guint odd = 0;

  self->n_fields = 0;
#if defined(__SSE2__) && defined(__GNUC__)
  {
    const __m128i comma = _mm_set1_epi8 (','), quote = _mm_set1_epi8 ('"');
    const __m128i zero = _mm_setzero_si128 ();

    for (; le - q >= 16; q += 16)
      {
        __m128i v = _mm_loadu_si128 ((const __m128i *) (const void *) q);
        guint commas = (guint) _mm_movemask_epi8 (_mm_cmpeq_epi8 (v, comma));

        if (_mm_movemask_epi8 (_mm_cmpeq_epi8 (v, quote)) != 0)
          return PARSE_QUOTED;
        odd |= (guint) (_mm_movemask_epi8 (v) | _mm_movemask_epi8 (_mm_cmpeq_epi8 (v, zero)));
        for (; commas != 0; commas &= commas - 1)
          _LI_CSV_FIELD_AT (self, start, q + __builtin_ctz (commas));
      }
  }
#endif
  for (; q < le; q++)
    {
      guchar c = (guchar) *q;

      if (c == '"')
        return PARSE_QUOTED;
      if (c == ',')
        _LI_CSV_FIELD_AT (self, start, q);
      odd |= (guint) (c - 1) >= 0x7f;
    }
  if (!_li_csv_reader_add_field (self, start, (gsize) (le - start)))
    return PARSE_TOO_MANY_FIELDS;
  self->plain_ascii = odd == 0;
  return PARSE_RECORD;
}

/* The line ends in [p, e), text of a quoted field that a quote follows:
 * LF, CRLF and a lone CR count one each. */
static guint
_li_csv_count_line_ends (const char *p,
                         const char *e)
{
  guint n = 0;

  for (const char *q = p; (q = memchr (q, '\n', (gsize) (e - q))) != NULL; q++)
    n++;
  for (const char *q = p; (q = memchr (q, '\r', (gsize) (e - q))) != NULL; q++)
    if (q + 1 == e || q[1] != '\n')
      n++;
  return n;
}

/* The first CR at or after buf[from], or the end of the data.  The answer is
 * kept until the parse passes it; in a file without CRs each refill is
 * searched once. */
static inline const char *
_li_csv_reader_find_cr (LiCsvReader *self,
                        gsize        from)
{
  if (self->next_cr < from)
    self->next_cr = from;
  if (self->next_cr < self->end && self->buf[self->next_cr] != '\r')
    {
      const char *cr = memchr (self->buf + self->next_cr, '\r', self->end - self->next_cr);

      self->next_cr = cr != NULL ? (gsize) (cr - self->buf) : self->end;
    }
  return self->buf + self->next_cr;
}

/* The record at @p, which has a double quote in its first line. */
static ParseResult
_li_csv_reader_parse_quoted (LiCsvReader  *self,
                             const char   *p,
                             const char   *e,
                             const char  **content_end,
                             const char  **next,
                             guint        *n_lines)
{
  const char *s = p;
  char *out;
  guint lines = 0;

  /* The unquoted text is never longer than the raw text, so the scratch
   * buffer does not move while fields point into it. */
  if (self->scratch_size < (gsize) (e - p))
    {
      g_free (self->scratch);
      self->scratch_size = MAX ((gsize) (e - p), self->scratch_size * 2);
      self->scratch = g_malloc (self->scratch_size);
    }
  out = self->scratch;
  self->n_fields = 0;

  for (;;)
    {
      if (s < e && *s == '"')
        {
          char *start = out;

          s++;
          for (;;)
            {
              const char *q = memchr (s, '"', (gsize) (e - s));

              if (q == NULL)
                return self->eof ? PARSE_UNTERMINATED : PARSE_NEED_MORE;
              memcpy (out, s, (gsize) (q - s));
              out += q - s;
              lines += _li_csv_count_line_ends (s, q);
              s = q + 1;
              if (s == e && !self->eof)
                return PARSE_NEED_MORE;
              if (s < e && *s == '"')
                {
                  *out++ = '"';
                  s++;
                  continue;
                }
              break;
            }

          /* Text after the closing quote is kept as it is. */
          while (s < e && *s != ',' && *s != '\n' && *s != '\r')
            *out++ = *s++;
          if (s == e && !self->eof)
            return PARSE_NEED_MORE;
          if (!_li_csv_reader_add_field (self, start, (gsize) (out - start)))
            return PARSE_TOO_MANY_FIELDS;
        }
      else
        {
          const char *t = s;

          while (t < e && *t != ',' && *t != '\n' && *t != '\r')
            t++;
          if (t == e && !self->eof)
            return PARSE_NEED_MORE;
          if (!_li_csv_reader_add_field (self, s, (gsize) (t - s)))
            return PARSE_TOO_MANY_FIELDS;
          s = t;
        }

      if (s == e)
        {
          *content_end = s;
          *next = s;
          break;
        }
      if (*s == ',')
        {
          s++;
          continue;
        }

      /* LF, CRLF or a lone CR; a CR at the end of the data read so far may
       * be the first half of a CRLF. */
      if (*s == '\r' && s + 1 == e && !self->eof)
        return PARSE_NEED_MORE;
      *content_end = s;
      *next = *s == '\r' && s + 1 < e && s[1] == '\n' ? s + 2 : s + 1;
      lines++;
      break;
    }

  *n_lines = lines;
  return PARSE_RECORD;
}

/* Where in the @width bytes at @q the line ends, the commas are and the
 * bytes that make a line not plain (quote, CR, NUL, >= 0x80) are, as bits. */
typedef void (*LiCsvMasksFunc) (const char *q,
                                guint      *nl,
                                guint      *commas,
                                guint      *odd);

/* The common line, in one pass: from @p to the first LF (or @e), split at
 * its commas, with no quote, CR, NUL or byte >= 0x80 before the LF.  FALSE
 * as soon as any of those is seen, or the fields overflow: then the line
 * goes the general way (_li_csv_reader_parse_general), which gives every
 * line the same fields this does.  *le is the LF, or @e without one.
 * @masks (NULL: none) looks at @width bytes at a time, the rest a byte at
 * a time. */
static inline G_ALWAYS_INLINE gboolean
_li_csv_reader_scan_plain_by (LiCsvReader    *self,
                              const char     *p,
                              const char     *e,
                              const char    **le,
                              LiCsvMasksFunc  masks,
                              guint           width)
{
  const char *start = p;
  const char *q = p;
  LiCsvField *fields = self->fields;
  guint n = 0, size = self->fields_size;

#define _LI_CSV_PLAIN_FIELD(c)                                   \
  G_STMT_START {                                                 \
    if (G_UNLIKELY (n == size))                                  \
      return FALSE;                                              \
    fields[n].data = start;                                      \
    fields[n].len = (gsize) ((c) - start);                       \
    n++;                                                         \
    start = (c) + 1;                                             \
  } G_STMT_END

  for (; masks != NULL && (gsize) (e - q) >= width; q += width)
    {
      guint nl, commas, odd, below;

      masks (q, &nl, &commas, &odd);
      below = nl != 0 ? (nl ^ (nl - 1)) >> 1 : G_MAXUINT;  /* the bits before the LF */
      if ((odd & below) != 0)
        return FALSE;
      for (commas &= below; commas != 0; commas &= commas - 1)
        _LI_CSV_PLAIN_FIELD (q + __builtin_ctz (commas));
      if (nl != 0)
        {
          q += __builtin_ctz (nl);
          goto done;
        }
    }
  for (; q < e && *q != '\n'; q++)
    {
      guchar c = (guchar) *q;

      if (c == '"' || c == '\r' || (guchar) (c - 1) >= 0x7f)
        return FALSE;
      if (c == ',')
        _LI_CSV_PLAIN_FIELD (q);
    }
done:
  _LI_CSV_PLAIN_FIELD (q);
#undef _LI_CSV_PLAIN_FIELD
  self->n_fields = n;
  *le = q;
  return TRUE;
}

#if defined(__SSE2__) && defined(__GNUC__)
static inline G_ALWAYS_INLINE void
_li_csv_masks_sse2 (const char *q,
                    guint      *nl,
                    guint      *commas,
                    guint      *odd)
{
  __m128i v = _mm_loadu_si128 ((const __m128i *) (const void *) q);

  *nl = (guint) _mm_movemask_epi8 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\n')));
  *commas = (guint) _mm_movemask_epi8 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 (',')));
  *odd = (guint) _mm_movemask_epi8 (
    _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('"')),
                                _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\r'))),
                  _mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_setzero_si128 ()), v)));
}
#define _LI_CSV_MASKS_SSE2 _li_csv_masks_sse2
#else
#define _LI_CSV_MASKS_SSE2 NULL
#endif

/* 16 bytes at a time with SSE2, which every x86-64 processor has. */
static inline gboolean
_li_csv_reader_scan_plain (LiCsvReader *self,
                           const char  *p,
                           const char  *e,
                           const char **le)
{
  return _li_csv_reader_scan_plain_by (self, p, e, le, _LI_CSV_MASKS_SSE2, 16);
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define _LI_CSV_HAVE_AVX2 1

__attribute__ ((target ("avx2"))) static inline G_ALWAYS_INLINE void
_li_csv_masks_avx2 (const char *q,
                    guint      *nl,
                    guint      *commas,
                    guint      *odd)
{
  __m256i v = _mm256_loadu_si256 ((const __m256i *) (const void *) q);

  *nl = (guint) _mm256_movemask_epi8 (_mm256_cmpeq_epi8 (v, _mm256_set1_epi8 ('\n')));
  *commas = (guint) _mm256_movemask_epi8 (_mm256_cmpeq_epi8 (v, _mm256_set1_epi8 (',')));
  *odd = (guint) _mm256_movemask_epi8 (
    _mm256_or_si256 (_mm256_or_si256 (_mm256_cmpeq_epi8 (v, _mm256_set1_epi8 ('"')),
                                      _mm256_cmpeq_epi8 (v, _mm256_set1_epi8 ('\r'))),
                     _mm256_or_si256 (_mm256_cmpeq_epi8 (v, _mm256_setzero_si256 ()), v)));
}

/* 32 bytes at a time, where the processor has AVX2 (most x86-64 ones
 * since 2013): a line of an export is then mostly two steps, not four. */
__attribute__ ((target ("avx2"))) static gboolean
_li_csv_reader_scan_plain_avx2 (LiCsvReader *self,
                                const char  *p,
                                const char  *e,
                                const char **le)
{
  return _li_csv_reader_scan_plain_by (self, p, e, le, _li_csv_masks_avx2, 32);
}
#endif

static ParseResult
_li_csv_reader_parse_general (LiCsvReader  *self,
                              const char  **content_end,
                              const char  **next,
                              guint        *n_lines)
{
  const char *p = self->buf + self->pos;
  const char *e = self->buf + self->end;
  const char *nl, *cr, *le;
  ParseResult r;

  self->plain_ascii = FALSE;
  nl = memchr (p, '\n', (gsize) (e - p));
  le = nl != NULL ? nl : e;
  cr = _li_csv_reader_find_cr (self, self->pos);
  if (G_UNLIKELY (cr < le))
    {
      /* CRLF or a lone CR, unless the CR ends the data read so far. */
      if (cr + 1 == e && !self->eof)
        return PARSE_NEED_MORE;
      *next = cr + 1 == nl ? nl + 1 : cr + 1;
      le = cr;
    }
  else if (nl != NULL)
    *next = nl + 1;
  else if (!self->eof)
    return PARSE_NEED_MORE;
  else if (p == e)
    return PARSE_END;
  else
    *next = e;
  *content_end = le;
  *n_lines = 1;

  if (le == p)
    return PARSE_BLANK;

  /* Fast path: split at the commas, unless there is a quote. */
  r = _li_csv_reader_split (self, p, le);
  if (G_UNLIKELY (r == PARSE_QUOTED))
    return _li_csv_reader_parse_quoted (self, p, e, content_end, next, n_lines);
  return r;
}

static ParseResult
_li_csv_reader_parse (LiCsvReader  *self,
                      const char  **content_end,
                      const char  **next,
                      guint        *n_lines)
{
  const char *p = self->buf + self->pos;
  const char *e = self->buf + self->end;
  const char *le;

  if (p == e ||
#ifdef _LI_CSV_HAVE_AVX2
      !(self->avx2 ? _li_csv_reader_scan_plain_avx2 (self, p, e, &le)
                   : _li_csv_reader_scan_plain (self, p, e, &le)))
#else
      !_li_csv_reader_scan_plain (self, p, e, &le))
#endif
    return _li_csv_reader_parse_general (self, content_end, next, n_lines);
  if (le == e && !self->eof)
    return PARSE_NEED_MORE;
  *next = le < e ? le + 1 : e;
  *content_end = le;
  *n_lines = 1;
  self->plain_ascii = TRUE;
  return le == p ? PARSE_BLANK : PARSE_RECORD;
}

/* Moves the unparsed data to the front of the buffer and reads up to a chunk
 * after it, growing the buffer when a record fills it. */
static gboolean
_li_csv_reader_fill (LiCsvReader   *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gssize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (self->pos > 0)
    {
      memmove (self->buf, self->buf + self->pos, self->end - self->pos);
      self->buf_offset += self->pos;
      self->end -= self->pos;
      self->next_cr = self->next_cr > self->pos ? self->next_cr - self->pos : 0;
      self->pos = 0;
    }
  if (self->end == self->buf_size)
    {
      self->buf_size *= 2;
      self->buf = g_realloc (self->buf, self->buf_size);
    }

  n = g_input_stream_read (self->stream,
                           self->buf + self->end,
                           MIN (self->buf_size - self->end, self->chunk_size),
                           cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    self->eof = TRUE;
  self->end += (gsize) n;
  return TRUE;
}

static LiCsvResult
_li_csv_reader_fail (LiCsvReader  *self,
                     GError       *local_error,
                     GError      **error)
{
  self->error = local_error;
  self->n_fields = 0;
  self->raw = NULL;
  self->raw_len = 0;
  if (error != NULL)
    *error = g_error_copy (local_error);
  return LI_CSV_RESULT_ERROR;
}

LiCsvReader *
li_csv_reader_new (GInputStream *stream)
{
  LiCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (LiCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->chunk_size = LI_CSV_DEFAULT_CHUNK_SIZE;
  self->max_record = LI_CSV_DEFAULT_MAX_RECORD;
  self->fields_size = 64;
  self->fields = g_new (LiCsvField, self->fields_size);
  self->line = 1;
  self->record_line = 1;
  self->valid_utf8 = TRUE;
  li_csv_reader_set_avx2 (self, TRUE);

  return self;
}

void
li_csv_reader_free (LiCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_clear_object (&reader->stream);
  g_clear_error (&reader->error);
  g_free (reader->buf);
  g_free (reader->fields);
  g_free (reader->scratch);
  g_free (reader);
}

void
li_csv_reader_set_chunk_size (LiCsvReader *reader,
                              gsize        chunk_size)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (reader->buf == NULL);
  g_return_if_fail (chunk_size > 0);

  reader->chunk_size = chunk_size;
}

void
li_csv_reader_set_max_record (LiCsvReader *reader,
                              gsize        max_record)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (max_record > 0);

  reader->max_record = max_record;
}

void
li_csv_reader_set_avx2 (LiCsvReader *reader,
                        gboolean     use)
{
  g_return_if_fail (reader != NULL);

#ifdef _LI_CSV_HAVE_AVX2
  reader->avx2 = use && __builtin_cpu_supports ("avx2");
#endif
}

LiCsvResult
li_csv_reader_next (LiCsvReader   *reader,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (reader != NULL, LI_CSV_RESULT_ERROR);

  if (G_UNLIKELY (reader->error != NULL))
    {
      if (error != NULL)
        *error = g_error_copy (reader->error);
      return LI_CSV_RESULT_ERROR;
    }

  if (G_UNLIKELY (!reader->started))
    {
      reader->buf_size = reader->chunk_size;
      reader->buf = g_malloc (reader->buf_size);
      while (reader->end < 3 && !reader->eof)
        if (!_li_csv_reader_fill (reader, cancellable, &local_error))
          return _li_csv_reader_fail (reader, local_error, error);
      if (reader->end >= 3 && memcmp (reader->buf, "\xEF\xBB\xBF", 3) == 0)
        reader->pos = 3;
      reader->started = TRUE;
    }

  for (;;)
    {
      const char *content_end = NULL;
      const char *next = NULL;
      guint n_lines = 0;
      ParseResult r;
      gsize record_len;

      reader->record_line = reader->line;
      r = _li_csv_reader_parse (reader, &content_end, &next, &n_lines);

      switch (r)
        {
        case PARSE_RECORD:
          record_len = (gsize) (next - (reader->buf + reader->pos));
          if (G_UNLIKELY (record_len > reader->max_record))
            goto too_long;
          reader->raw = reader->buf + reader->pos;
          reader->raw_len = (gsize) (content_end - reader->raw);
          reader->valid_utf8 = reader->plain_ascii ||
                               _li_csv_is_plain_ascii (reader->raw, reader->raw_len) ||
                               g_utf8_validate_len (reader->raw, reader->raw_len, NULL);
          reader->pos = (gsize) (next - reader->buf);
          reader->line += n_lines;
          return LI_CSV_RESULT_RECORD;

        case PARSE_BLANK:
          reader->pos = (gsize) (next - reader->buf);
          reader->line += n_lines;
          break;

        case PARSE_NEED_MORE:
          if (reader->end - reader->pos > reader->max_record)
            goto too_long;
          if (!_li_csv_reader_fill (reader, cancellable, &local_error))
            return _li_csv_reader_fail (reader, local_error, error);
          break;

        case PARSE_END:
          reader->n_fields = 0;
          reader->raw = NULL;
          reader->raw_len = 0;
          return LI_CSV_RESULT_END;

        case PARSE_UNTERMINATED:
          /* As it would be with a smaller chunk. */
          if (reader->end - reader->pos > reader->max_record)
            goto too_long;
          return _li_csv_reader_fail (reader,
                                      g_error_new_literal (LI_CSV_ERROR,
                                                           LI_CSV_ERROR_UNTERMINATED,
                                                           _("unterminated quoted field")),
                                      error);

        case PARSE_TOO_MANY_FIELDS:
          return _li_csv_reader_fail (reader,
                                      g_error_new (LI_CSV_ERROR,
                                                   LI_CSV_ERROR_TOO_LONG,
                                                   _("record with more than %u fields"),
                                                   (guint) LI_CSV_MAX_FIELDS),
                                      error);

        default:
          g_assert_not_reached ();
        }
    }

too_long:
  return _li_csv_reader_fail (reader,
                              g_error_new (LI_CSV_ERROR,
                                           LI_CSV_ERROR_TOO_LONG,
                                           _("record longer than %lu bytes"),
                                           (unsigned long) reader->max_record),
                              error);
}

const LiCsvField *
li_csv_reader_get_fields (const LiCsvReader *reader,
                          guint             *n_fields)
{
  g_return_val_if_fail (reader != NULL, NULL);

  if (n_fields != NULL)
    *n_fields = reader->n_fields;
  return reader->fields;
}

guint64
li_csv_reader_get_line (const LiCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->record_line;
}

guint64
li_csv_reader_get_lines_read (const LiCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->line - 1;
}

gboolean
li_csv_reader_is_valid_utf8 (const LiCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->valid_utf8;
}

const char *
li_csv_reader_get_raw (const LiCsvReader *reader,
                       gsize             *len)
{
  g_return_val_if_fail (reader != NULL, NULL);

  if (len != NULL)
    *len = reader->raw_len;
  return reader->raw;
}

guint64
li_csv_reader_get_bytes_consumed (const LiCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->buf_offset + reader->pos;
}
