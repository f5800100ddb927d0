/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-str-pool.h"

G_BEGIN_DECLS

/* The optional leads file (SPEC 2.2): static attributes per lead id.  Rows are
 * kept in a dense table; value[row * n_attributes + a] is an id in values,
 * or LI_LEAD_TABLE_MISSING. */
#define LI_LEAD_TABLE_MISSING G_MAXUINT32

typedef struct _LiLeadTable
{
  gint       ref_count;
  LiStrPool *leads;       /* lead ids; row = pool id (a later duplicate row wins) */
  GStrv      attributes;  /* column names except lead_id */
  guint      n_attributes;
  LiStrPool *values;
  guint32   *value;       /* leads × attributes */
} LiLeadTable;

LiLeadTable *li_lead_table_ref   (LiLeadTable *table);
void         li_lead_table_unref (LiLeadTable *table);
/* Attribute column index, or -1. */
int          li_lead_table_find_attribute (const LiLeadTable *table,
                                           const char        *name);
/* Value of attribute @a for lead @lead, or NULL when missing. */
const char  *li_lead_table_get (const LiLeadTable *table,
                                const char        *lead,
                                gsize              lead_len,
                                int                a);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiLeadTable, li_lead_table_unref)

G_END_DECLS
