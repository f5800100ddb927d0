/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li_import_events with the format detected (the default): up to three
 * files, given as one input split at "%%" lines (li_fuzz_split), each
 * imported alone and then all together, without and with skip_bad_rows.
 *
 * Oracles: those of li-fuzz-import.h, and "import-concat": files that import
 * alone import together, with the sum of their events (SPEC 2.1: several
 * files of one import are concatenated). */

#include "li-fuzz-import.h"

#define MAX_FILES 3

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
  const char *parts[MAX_FILES];
  gsize lens[MAX_FILES];
  GFile *files[MAX_FILES];
  guint n = li_fuzz_split (data, size, parts, lens, MAX_FILES);
  guint64 sum = 0;
  gboolean all = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiEventStore) store = NULL;

      files[i] = li_fuzz_file (i, parts[i], lens[i]);
      store = li_fuzz_import (&files[i], 1, LI_FORMAT_AUTO);
      if (store != NULL)
        sum += store->n_events;
      else
        all = FALSE;
    }

  if (n > 1)
    {
      g_autoptr(LiEventStore) store = li_fuzz_import (files, n, LI_FORMAT_AUTO);

      if (all)
        LI_FUZZ_CHECK ("import-concat", store != NULL && store->n_events == sum,
                       "%u files import alone (%" G_GUINT64_FORMAT " events), together %s %u",
                       n, sum, store ? "with" : "fail", store ? store->n_events : 0);
    }
  return 0;
}
