/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The small JSON files the fronts keep for the user (snapshots, last seen
 * ETags, endpoints).  They are read through the strict check of
 * li-json-check.c, as rule files are, so that a damaged or hostile file is
 * an error rather than a crash in json-glib. */

/* The root of @path, a regular file of at most @max_bytes holding strict
 * JSON nested at most @max_depth deep; NULL with G_FILE_ERROR_NOENT when it
 * does not exist, or another error naming the file. */
JsonNode *li_json_file_read  (const char  *path,
                              gsize        max_bytes,
                              guint        max_depth,
                              GError     **error);
/* Writes @root to @path, pretty-printed, atomically and readable by the
 * user only (0600), making its folder (0700) when needed. */
gboolean  li_json_file_write (const char  *path,
                              JsonNode    *root,
                              GError     **error);

/* The object @member of the root object of the state file @path (at most
 * 64 MiB), or a new empty object when the file is missing, damaged, or has
 * no such object.  Unref it. */
JsonObject *li_json_file_read_section  (const char  *path,
                                        const char  *member);
/* Writes {"format": @format, "format_version": 1, @member: @section}. */
gboolean    li_json_file_write_section (const char  *path,
                                        const char  *format,
                                        const char  *member,
                                        JsonObject  *section,
                                        GError     **error);
/* The string @member of @object, or NULL when it is missing or not a
 * string (json-glib's getters complain about the wrong type). */
const char *li_json_object_get_string  (JsonObject  *object,
                                        const char  *member);

G_END_DECLS
