/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-gzip-converter.c: a gzip decompressor that reads every member of a
 * multi-member file (as `cat a.gz b.gz` makes), not only the first as
 * GZlibDecompressor does, and accepts NUL bytes after the last member, as
 * gzip(1) does (tape archives pad files to whole blocks). */

#include "config.h"

#include "li-gzip-converter.h"

typedef enum
{
  LI_GZIP_IN_MEMBER,
  LI_GZIP_BETWEEN_MEMBERS,  /* another member, padding or the end may follow */
  LI_GZIP_PADDING,          /* only NUL bytes may follow */
} LiGzipState;

struct _LiGzipConverter
{
  GObject      parent_instance;
  GConverter  *inner;
  LiGzipState  state;
};

static void _li_gzip_converter_iface_init (GConverterIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiGzipConverter, _li_gzip_converter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_CONVERTER,
                                                      _li_gzip_converter_iface_init))

/* Consumes NUL bytes after the last member; anything else is an error. */
static GConverterResult
_li_gzip_converter_skip_padding (LiGzipConverter  *self,
                                 const guchar     *in,
                                 gsize             in_size,
                                 GConverterFlags   flags,
                                 gsize            *bytes_read,
                                 GError          **error)
{
  gsize n = 0;

  while (n < in_size && in[n] == 0)
    n++;
  if (n < in_size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Data after the padding of a gzip file");
      return G_CONVERTER_ERROR;
    }
  self->state = LI_GZIP_PADDING;
  *bytes_read = n;
  return (flags & G_CONVERTER_INPUT_AT_END) ? G_CONVERTER_FINISHED : G_CONVERTER_CONVERTED;
}

static GConverterResult
_li_gzip_converter_convert (GConverter       *converter,
                            const void       *inbuf,
                            gsize             inbuf_size,
                            void             *outbuf,
                            gsize             outbuf_size,
                            GConverterFlags   flags,
                            gsize            *bytes_read,
                            gsize            *bytes_written,
                            GError          **error)
{
  LiGzipConverter *self = LI_GZIP_CONVERTER (converter);
  GConverterResult res;

  if (self->state != LI_GZIP_IN_MEMBER)
    {
      *bytes_read = 0;
      *bytes_written = 0;
      if (inbuf_size == 0)
        {
          if (flags & G_CONVERTER_INPUT_AT_END)
            return G_CONVERTER_FINISHED;
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, "Need more input");
          return G_CONVERTER_ERROR;
        }
      if (self->state == LI_GZIP_PADDING || *(const guchar *) inbuf == 0)
        return _li_gzip_converter_skip_padding (self, inbuf, inbuf_size, flags, bytes_read, error);
      self->state = LI_GZIP_IN_MEMBER;
    }

  res = g_converter_convert (self->inner, inbuf, inbuf_size, outbuf, outbuf_size, flags,
                             bytes_read, bytes_written, error);
  if (res == G_CONVERTER_FINISHED &&
      (*bytes_read < inbuf_size || !(flags & G_CONVERTER_INPUT_AT_END)))
    {
      /* The end of a member: another one may follow. */
      g_converter_reset (self->inner);
      self->state = LI_GZIP_BETWEEN_MEMBERS;
      return G_CONVERTER_CONVERTED;
    }
  return res;
}

static void
_li_gzip_converter_reset (GConverter *converter)
{
  LiGzipConverter *self = LI_GZIP_CONVERTER (converter);

  g_converter_reset (self->inner);
  self->state = LI_GZIP_IN_MEMBER;
}

static void
_li_gzip_converter_iface_init (GConverterIface *iface)
{
  iface->convert = _li_gzip_converter_convert;
  iface->reset = _li_gzip_converter_reset;
}

static void
_li_gzip_converter_dispose (GObject *object)
{
  LiGzipConverter *self = LI_GZIP_CONVERTER (object);

  g_clear_object (&self->inner);

  G_OBJECT_CLASS (_li_gzip_converter_parent_class)->dispose (object);
}

static void
_li_gzip_converter_class_init (LiGzipConverterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = _li_gzip_converter_dispose;
}

static void
_li_gzip_converter_init (LiGzipConverter *self)
{
  self->inner = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
}

GConverter *
li_gzip_converter_new (void)
{
  return G_CONVERTER (g_object_new (LI_TYPE_GZIP_CONVERTER, NULL));
}
