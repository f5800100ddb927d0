/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-csv-mapping.h"
#include "li-event-store.h"
#include "li-lead-table.h"

G_BEGIN_DECLS

#define LI_IMPORT_ERROR (li_import_error_quark ())

typedef enum
{
  LI_IMPORT_ERROR_BAD_ROW,    /* "FILE:LINE: reason" */
  LI_IMPORT_ERROR_FORMAT,     /* unknown or unsupported format, bad header */
  LI_IMPORT_ERROR_IO,
  LI_IMPORT_ERROR_LIMIT,      /* a row or the store grew past a limit */
  LI_IMPORT_ERROR_UNKNOWN_FORMAT,  /* a CSV header of no known format: a mapping may help */
  LI_IMPORT_ERROR_MAPPING,    /* a column mapping that is invalid or does not fit the file */
} LiImportError;

typedef enum
{
  LI_FORMAT_AUTO,
  LI_FORMAT_CSV,
  LI_FORMAT_REES46,
  LI_FORMAT_RETAILROCKET,
  LI_FORMAT_GA4,
  LI_FORMAT_SEGMENT,
} LiFormat;

/* How many bad rows are described in detail with --skip-bad-rows. */
#define LI_IMPORT_MAX_REASONS 5

typedef struct
{
  LiFormat format;
  gboolean skip_bad_rows;
  guint64  max_events;     /* more is an error; 0: li_import_default_max_events () */
  const LiCsvMap *map;     /* read every file as CSV through this mapping (SPEC 2.1a) */
} LiImportOptions;

/* What an import did besides the events, for the CLI and the window. */
typedef struct
{
  guint64 n_skipped;
  guint64 n_ignored;        /* valid records of no event (Segment group, alias, … calls) */
  GStrv   skipped_reasons;  /* the first LI_IMPORT_MAX_REASONS, "FILE:LINE: reason" */
  GStrv   formats;          /* the detected format of each file, e.g. "rees46" */
  guint64 bytes_read;
} LiImportReport;

void li_import_report_clear (LiImportReport *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LiImportReport, li_import_report_clear)

/* Called now and then from the importing thread: bytes consumed and the
 * total size of all files (0 when unknown, e.g. gzip or pipes). */
typedef void (*LiProgressFunc) (guint64  done,
                                guint64  total,
                                gpointer user_data);

/* An upper bound of what an import holds per event while it builds the
 * store: the event's columns, LI_MAX_PROPS_PER_EVENT property values, and
 * their sorted copies (about 50 bytes; the string pools come on top). */
#define LI_IMPORT_BYTES_PER_EVENT 64

GQuark        li_import_error_quark (void);
/* The limit on events unless told otherwise: physical memory divided by
 * LI_IMPORT_BYTES_PER_EVENT, so that an import (a small gzip file can expand
 * to hundreds of millions of rows) stops with an error before memory runs
 * out. */
guint64       li_import_default_max_events (void);
const char   *li_format_to_string   (LiFormat    format);
gboolean      li_format_from_string (const char *str,
                                     LiFormat   *format);

/* Reads every file (gzip when the data starts with the gzip magic, whatever
 * the name) into one store, concatenated in the given order.  On error
 * nothing is returned: the caller's data is untouched. */
LiEventStore *li_import_events (GFile * const         *files,
                                guint                  n_files,
                                const LiImportOptions *options,
                                LiImportReport        *report,
                                LiProgressFunc         progress,
                                gpointer               progress_data,
                                GCancellable          *cancellable,
                                GError               **error);

/* Convenience for the CLI and tests: paths instead of GFiles. */
LiEventStore *li_import_event_paths (const char * const    *paths,
                                     const LiImportOptions *options,
                                     LiImportReport        *report,
                                     LiProgressFunc         progress,
                                     gpointer               progress_data,
                                     GCancellable          *cancellable,
                                     GError               **error);

G_END_DECLS
