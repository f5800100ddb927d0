/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "li-application.h"
#include "li-remote.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  li_remote_init ();  /* imports from URLs */

  app = li_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : li_application_get_exit_status (app);
}
