/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "li-rules.h"

G_BEGIN_DECLS

/* `lead-intent-cli export-sql` (SPEC 7): one SQL statement that scores every
 * lead of an events table as `lead-intent-cli score` does.  The layout of
 * the tables and what each dialect refuses: docs/sql-export.md. */

typedef enum
{
  LI_SQL_POSTGRES,
  LI_SQL_SQLITE,
  LI_SQL_BIGQUERY,
} LiSqlDialect;

#define LI_SQL_EXPORT_ERROR (li_sql_export_error_quark ())
typedef enum
{
  LI_SQL_EXPORT_ERROR_UNSUPPORTED,  /* the rules need what the dialect cannot do exactly */
  LI_SQL_EXPORT_ERROR_TABLE_NAME,   /* an events or leads table name it cannot use */
} LiSqlExportError;

typedef struct
{
  LiSqlDialect dialect;
  gboolean     has_as_of;     /* FALSE: score at the latest ts of the table */
  gint64       as_of_ms;
  const char  *events_table;  /* NULL: "events"; dots separate schema parts */
  const char  *leads_table;   /* NULL: "leads" */
} LiSqlExportOptions;

GQuark      li_sql_export_error_quark  (void);
/* "postgres", "sqlite" or "bigquery". */
gboolean    li_sql_dialect_from_string (const char               *str,
                                        LiSqlDialect             *dialect);
/* The query, ending with a semicolon and a newline.  On failure @error
 * holds one line per problem, each naming the rule by its JSON path. */
char       *li_sql_export              (const LiRules            *rules,
                                        const LiSqlExportOptions *options,
                                        GError                  **error);

G_END_DECLS
