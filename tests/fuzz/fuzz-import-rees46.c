/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li_import_events on one file in the REES46 format (SPEC 2.1), forced
 * with --format rees46.  The input is the file (gzip when it starts with the
 * gzip magic), imported without and with skip_bad_rows; oracles in
 * li-fuzz-import.h. */

#include "li-fuzz-import.h"

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
  LiEventStore *store = li_fuzz_import (&file, 1, LI_FORMAT_REES46);

  if (store != NULL)
    li_event_store_unref (store);

  return 0;
}
