/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-csv-reader.h"
#include "li-str-pool.h"

G_BEGIN_DECLS

/* The header record of a CSV file: its names, without surrounding blanks,
 * and an index from name to column.  The index is built once, so that
 * looking up every column of a wide header stays linear. */
typedef struct
{
  GStrv      names;
  guint      n_columns;
  LiStrPool *index;  /* the distinct names */
  guint     *last;   /* by id in index: the last column of that name */
} LiCsvHeader;

void     _li_csv_header_init     (LiCsvHeader       *header,
                                  LiCsvReader       *reader);
void     _li_csv_header_clear    (LiCsvHeader       *header);
/* The last column called @name, or -1 (a later duplicate wins). */
int      _li_csv_header_find     (const LiCsvHeader *header,
                                  const char        *name);
/* Whether column @i is the one that counts for its name: the last. */
gboolean _li_csv_header_is_last  (const LiCsvHeader *header,
                                  guint              i);
/* The raw header as one line of text, cut for messages. */
char    *_li_csv_describe_header (LiCsvReader       *reader);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LiCsvHeader, _li_csv_header_clear)

G_END_DECLS
