/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LI_TYPE_GZIP_CONVERTER (_li_gzip_converter_get_type ())
G_DECLARE_FINAL_TYPE (LiGzipConverter, _li_gzip_converter, LI, GZIP_CONVERTER, GObject)

/* Decompresses gzip, every member of a multi-member file; NUL bytes after
 * the last member are padding.  Corrupt data is G_IO_ERROR_INVALID_DATA. */
GConverter *li_gzip_converter_new (void);

G_END_DECLS
