/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The leads file (SPEC 2.2, li_import_leads): any bytes as the file.
 *
 * Oracles:
 * - "leads": an accepted table has its documented layout: the attributes
 *   are the other named columns, once each, found by name; every lead id is
 *   non-empty and has a row; values are ids in the pool or missing, never
 *   empty; lookups by lead id give the row's values.
 * - "import-utf8": lead ids, names and values are valid UTF-8. */

#include "li-fuzz-import.h"

#include "li-lead-table.h"
#include "li-leads-file.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  li_fuzz_init (argc, argv);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GFile *file = li_fuzz_file (0, data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiLeadTable) table = li_import_leads (file, NULL, &error);
  guint32 n_values;

  LI_FUZZ_CHECK ("leads", (table == NULL) == (error != NULL),
                 "table %p with error %s", (void *) table, error ? error->message : "NULL");
  if (table == NULL)
    {
      LI_FUZZ_CHECK_UTF8 (error->message);
      return 0;
    }

  LI_FUZZ_CHECK ("leads", table->attributes != NULL &&
                          g_strv_length (table->attributes) == table->n_attributes,
                 "%u attributes, %u names", table->n_attributes,
                 table->attributes ? g_strv_length (table->attributes) : 0);
  for (guint a = 0; a < table->n_attributes; a++)
    {
      const char *name = table->attributes[a];

      LI_FUZZ_CHECK ("leads", name[0] != '\0' && strcmp (name, "lead_id") != 0,
                     "attribute %u is \"%s\"", a, name);
      LI_FUZZ_CHECK ("leads", li_lead_table_find_attribute (table, name) == (int) a,
                     "attribute %u \"%s\" is found at %d", a, name,
                     li_lead_table_find_attribute (table, name));
      LI_FUZZ_CHECK ("import-utf8", g_utf8_validate (name, -1, NULL),
                     "attribute %u is not valid UTF-8", a);
    }
  LI_FUZZ_CHECK ("leads", li_lead_table_find_attribute (table, "lead_id") == -1,
                 "lead_id is an attribute");

  li_fuzz_check_pool (table->leads, "lead", TRUE);
  li_fuzz_check_pool (table->values, "value", TRUE);
  n_values = li_str_pool_size (table->values);

  for (guint32 row = 0; row < li_str_pool_size (table->leads); row++)
    {
      const char *lead = li_str_pool_get (table->leads, row);
      gsize lead_len = li_str_pool_len (table->leads, row);

      for (guint a = 0; a < table->n_attributes; a++)
        {
          guint32 v = table->value[(gsize) row * table->n_attributes + a];
          const char *got = li_lead_table_get (table, lead, lead_len, (int) a);

          LI_FUZZ_CHECK ("leads", v == LI_LEAD_TABLE_MISSING || v < n_values,
                         "lead %u attribute %u: value id %u of %u", row, a, v, n_values);
          if (v == LI_LEAD_TABLE_MISSING)
            LI_FUZZ_CHECK ("leads", got == NULL, "lead %u attribute %u: missing, got \"%s\"",
                           row, a, got);
          else if (v < n_values)
            LI_FUZZ_CHECK ("leads", got != NULL &&
                                    strcmp (got, li_str_pool_get (table->values, v)) == 0,
                           "lead %u attribute %u: lookup by lead id differs", row, a);
        }
    }
  if (table->n_attributes > 0)
    LI_FUZZ_CHECK ("leads", li_lead_table_get (table, "", 0, 0) == NULL,
                   "the empty lead id has values");
  return 0;
}
