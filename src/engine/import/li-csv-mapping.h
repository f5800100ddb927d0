/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A column mapping (SPEC 2.1a, docs/import-mapping.md): how the columns
 * and event names of any CSV become events.  A plain value: the window's
 * mapping dialog edits the fields, li_csv_map_check () says whether the
 * result is valid, and an import reads it without changing it (threads may
 * share one). */

#define LI_CSV_MAP_MAX_SIZE (1024 * 1024)  /* a mapping file is small */

typedef enum
{
  LI_TIME_UNIT_ISO,       /* every form of SPEC 2.1 */
  LI_TIME_UNIT_S,         /* integers since the epoch */
  LI_TIME_UNIT_MS,
  LI_TIME_UNIT_US,
  LI_TIME_UNIT_STRFTIME,  /* time_pattern, li-time-pattern.h */
} LiTimeUnit;

typedef struct
{
  char       *lead_id;             /* column names, as `columns` names them */
  char       *time_column;
  LiTimeUnit  time_unit;
  char       *time_pattern;        /* strftime only */
  char       *event;
  GPtrArray  *event_from;          /* char *: values of the event column */
  GPtrArray  *event_to;            /* char *: their event names; NULL: no event (ignored) */
  GPtrArray  *prop_columns;        /* char *: columns that become properties */
  GPtrArray  *prop_names;          /* char *: their property names */
  gboolean    keep_other_columns;  /* the other columns: properties of their own name */
  gboolean    header;              /* the file starts with a header line */
  GStrv       columns;             /* the names of the columns in order; NULL: the header's */
} LiCsvMap;

/* Defaults: unit iso, keep_other_columns and header TRUE, nothing else. */
LiCsvMap   *li_csv_map_new           (void);
LiCsvMap   *li_csv_map_copy          (const LiCsvMap  *map);
void        li_csv_map_free          (LiCsvMap        *map);
/* Renames @from to @to (NULL: rows of @from make no event), replacing an
 * earlier entry for @from. */
void        li_csv_map_set_event     (LiCsvMap        *map,
                                      const char      *from,
                                      const char      *to);
/* Makes @column the property @name; NULL removes it. */
void        li_csv_map_set_property  (LiCsvMap        *map,
                                      const char      *column,
                                      const char      *name);
/* The property name of @column, or NULL. */
const char *li_csv_map_get_property  (const LiCsvMap  *map,
                                      const char      *column);

/* The rules of the format, those that need no file: "KEY: reason" in
 * @error (LI_IMPORT_ERROR_MAPPING), e.g. "lead_id: required". */
gboolean    li_csv_map_check         (const LiCsvMap  *map,
                                      GError         **error);
/* Reads a mapping strictly: strict JSON (li-json-check.h), known keys of
 * the right types, then li_csv_map_check ().  Errors are "PATH: reason"
 * with the JSON path (`timestamp.unit: unknown unit "min" (s, ms, us, iso,
 * strftime)`). */
LiCsvMap   *li_csv_map_from_data     (const char      *data,
                                      gssize           len,
                                      GError         **error);
/* The same from a file of at most LI_CSV_MAP_MAX_SIZE bytes; errors are
 * prefixed with the file name. */
LiCsvMap   *li_csv_map_from_file     (const char      *path,
                                      GError         **error);
/* The mapping as a mapping file: pretty-printed, keys in SPEC order. */
char       *li_csv_map_to_data       (const LiCsvMap  *map);
/* Writes it atomically, creating the folder when needed. */
gboolean    li_csv_map_save          (const LiCsvMap  *map,
                                      const char      *path,
                                      GError         **error);

const char *li_time_unit_to_string   (LiTimeUnit       unit);
gboolean    li_time_unit_from_string (const char      *str,
                                      LiTimeUnit      *unit);

/* The first records of a CSV file (gzip or not), as the import reads
 * them, for the mapping dialog. */
typedef struct
{
  char      *file_name;
  GPtrArray *records;     /* GStrv each */
  GArray    *lines;       /* guint64: the line of each record */
  GArray    *valid_utf8;  /* gboolean: whether each record is valid UTF-8 */
  char      *first_line;  /* the first record as it stands in the file */
} LiCsvHead;

/* At most @max_records records; an empty file is an error. */
LiCsvHead  *li_csv_head_read         (GFile           *file,
                                      const char      *file_name,
                                      guint            max_records,
                                      GCancellable    *cancellable,
                                      GError         **error);
void        li_csv_head_free         (LiCsvHead       *head);
/* What a remembered mapping of this file is filed under: a hash of the
 * header line with @header, else of the number of fields (a file without
 * a header has no line that is the same in every file). */
char       *li_csv_head_dup_key      (const LiCsvHead *head,
                                      gboolean         header);
/* The names the columns have under @map: `columns`, the header's, or
 * column_1 … column_N for a file without a header. */
GStrv       li_csv_head_dup_columns  (const LiCsvHead *head,
                                      const LiCsvMap  *map);

/* A first mapping for a file no format and no remembered mapping fits,
 * for the dialog to start from (li-csv-map-guess.c): whether the first
 * line is a header, and the lead, time (with its unit) and event columns,
 * by name and by the first data row's values.  Every other column is a
 * property of its own name. */
LiCsvMap   *li_csv_map_guess         (const LiCsvHead *head);

typedef enum
{
  LI_PREVIEW_EVENT,
  LI_PREVIEW_IGNORED,  /* its event value maps to no event */
  LI_PREVIEW_BAD,      /* a bad row: see reason */
} LiPreviewStatus;

typedef struct
{
  guint64          line;
  LiPreviewStatus  status;
  char            *reason;   /* LI_PREVIEW_BAD: as the import says it */
  char            *lead_id;
  gint64           time_ms;
  char            *event;
  GStrv            keys;     /* the properties, in the order the import adds them */
  GStrv            values;
} LiCsvPreviewRow;

/* The data rows of @head as the import makes events of them under @map.
 * NULL with @error when @map does not fit the file (a column it names is
 * missing: "FILE:LINE: KEY: …", as the import says it). */
GPtrArray  *li_csv_map_preview       (const LiCsvMap  *map,
                                      const LiCsvHead *head,
                                      GError         **error);
void        li_csv_preview_row_free  (LiCsvPreviewRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiCsvMap, li_csv_map_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiCsvHead, li_csv_head_free)

G_END_DECLS
