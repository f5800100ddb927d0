/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-csv-reader.h"

G_BEGIN_DECLS

/* The header names, without surrounding blanks. */
GStrv _li_csv_header_names    (LiCsvReader        *reader);
/* The last column called @name, or -1 (a later duplicate wins). */
int   _li_csv_find_column     (const char * const *names,
                               const char         *name);
/* The raw header as one line of text, cut for messages. */
char *_li_csv_describe_header (LiCsvReader        *reader);

G_END_DECLS
