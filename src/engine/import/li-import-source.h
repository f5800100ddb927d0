/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where an import reads from: a "source" is a local path or a URL.  The
 * engine reads local files itself and knows nothing of HTTP: a front that
 * links the remote library registers how a URL is opened
 * (li_remote_init() does), and from then on every API that takes paths
 * (li_import_event_paths, li_dataset_load*) accepts http:// and https://
 * URLs too.
 *
 * The opener returns the body as a stream (read in the importing thread,
 * with the import's cancellable; its errors name no credentials) and its
 * size in bytes (0 when unknown) for progress.  When the stream is also a
 * GSeekable, its tell() is the number of bytes received, which gives the
 * progress of gzip data. */
typedef GInputStream *(*LiImportUrlOpener) (const char    *url,
                                            guint64       *size,
                                            GCancellable  *cancellable,
                                            GError       **error);

/* Set once, before imports start (the fronts' main()); NULL unregisters. */
void      li_import_set_url_opener       (LiImportUrlOpener  opener);
/* Whether @source is a URL ("scheme://…" other than file://) rather than a
 * path. */
gboolean  li_import_source_is_url        (const char        *source);
/* @source as messages and the window show it: a path as it is; a URL
 * without its user information, query and fragment (which may hold
 * credentials). */
char     *li_import_source_display_name  (const char        *source);

G_END_DECLS
