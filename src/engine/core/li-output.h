/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The outputs of one command, written completely or not at all (SPEC 7:
 * never a partial result).  Each output is collected in memory, then
 * li_output_set_commit writes them: regular files through a temporary file
 * beside the target that replaces it only when every output succeeded (a
 * symbolic link is written through, an existing file keeps its
 * permissions); standard output and devices (a pipe, /dev/null) are
 * written in place, checked for every error. */
typedef struct _LiOutputSet LiOutputSet;

LiOutputSet *li_output_set_new    (void);
void         li_output_set_free   (LiOutputSet  *set);
/* The buffer for @path; NULL or "-" is standard output. */
GString     *li_output_set_add    (LiOutputSet  *set,
                                   const char   *path);
/* FALSE with "PATH: reason" (or "standard output: reason") when an output
 * could not be written; then no regular file was replaced or created. */
gboolean     li_output_set_commit (LiOutputSet  *set,
                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiOutputSet, li_output_set_free)

G_END_DECLS
