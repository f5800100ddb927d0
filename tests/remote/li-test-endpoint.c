/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-test-endpoint [FILES_DIR]: the test server (li-test-server.c) as a
 * program for the CLI tests.  Prints its port, serves until its standard
 * input closes.  The endpoint wants the token in LI_TEST_TOKEN (if set). */
#include "config.h"

#include <stdio.h>

#include "li-test-server.h"

int
main (int   argc,
      char *argv[])
{
  LiTestServer *server = li_test_server_new (FALSE, g_getenv ("LI_TEST_TOKEN"),
                                             argc > 1 ? argv[1] : ".");
  char buffer[256];

  printf ("%u\n", li_test_server_get_port (server));
  fflush (stdout);
  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    ;
  li_test_server_free (server);
  return 0;
}
