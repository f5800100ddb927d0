/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fetch-rules, publish and token: the rules endpoint (SPEC 8,
 * docs/publishing.md). */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "li-cli.h"
#include "li-endpoint.h"
#include "li-etag-cache.h"
#include "li-import-source.h"
#include "li-problem.h"
#include "li-remote.h"
#include "li-rules-parse.h"
#include "li-token.h"

/* Prints the errors of a rule file, named @name, as li_cli_load_rules does. */
static LiRules *
_li_cli_rules_from_data (const char  *name,
                         const char  *data,
                         gsize        len,
                         int         *status)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(GError) error = NULL;
  LiRules *rules = li_rules_from_data (data, (gssize) len, problems, &error);
  gboolean any = FALSE;

  if (rules != NULL)
    return rules;
  for (guint i = 0; i < problems->len; i++)
    {
      const LiProblem *p = problems->pdata[i];

      if (p->level == LI_PROBLEM_ERROR)
        {
          g_printerr ("%s: %s: %s\n", name, p->path, p->message);
          any = TRUE;
        }
    }
  if (!any)
    g_printerr ("%s: %s\n", name, error->message);
  *status = LI_EXIT_BAD_INPUT;
  return NULL;
}

static gboolean
_li_cli_check_endpoint (const LiCliArgs *a,
                        const char      *command,
                        int             *status)
{
  g_autoptr(GError) error = NULL;

  if (a->endpoint == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("%s needs --endpoint URL", command);

      *status = li_cli_usage (msg);
      return FALSE;
    }
  if (!li_endpoint_check_url (a->endpoint, &error))
    {
      *status = li_cli_usage (error->message);
      return FALSE;
    }
  return TRUE;
}

static void
_li_cli_remember_etag (const char *endpoint,
                       const char *etag)
{
  g_autoptr(GError) error = NULL;

  if (!li_etag_cache_store (endpoint, etag, &error))
    g_printerr ("warning: the ETag could not be remembered: %s\n", error->message);
}

int
li_cli_fetch_rules (const LiCliArgs *a)
{
  g_autoptr(LiOutputSet) outputs = li_output_set_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LiRules) rules = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *display = NULL;
  char *token;
  gboolean to_stdout = a->out == NULL || g_str_equal (a->out, "-");
  const char *data;
  gsize len;
  int status = LI_EXIT_OK;

  if (a->rules != NULL || a->events != NULL || a->leads != NULL)
    return li_cli_usage ("fetch-rules reads no rule or event files: fetch-rules --endpoint URL -o FILE");
  if (!_li_cli_check_endpoint (a, "fetch-rules", &status))
    return status;
  display = li_import_source_display_name (a->endpoint);

  /* A GET may need no token: without one (or a keyring), ask anyway. */
  token = li_token_lookup (a->endpoint, NULL, NULL);
  bytes = li_endpoint_fetch (a->endpoint, token, &etag, NULL, &error);
  li_token_free (token);
  if (bytes == NULL)
    return li_cli_bad_input (error->message);

  data = g_bytes_get_data (bytes, &len);
  if ((rules = _li_cli_rules_from_data (display, data, len, &status)) == NULL)
    return status;

  g_string_append_len (li_output_set_add (outputs, a->out), data, (gssize) len);
  if ((status = li_cli_commit (outputs)) != LI_EXIT_OK)
    return status;

  _li_cli_remember_etag (a->endpoint, etag);
  if (etag == NULL)
    g_printerr ("warning: %s sent no ETag; publish will need --if-match\n", display);
  else if (to_stdout)
    g_printerr ("ETag: %s\n", etag);
  else
    g_print ("%s\n", etag);
  return LI_EXIT_OK;
}

static int
_li_cli_production_changed (const LiCliArgs *a,
                            const char      *display,
                            const char      *message)
{
  g_printerr ("%s\n", message);
  g_printerr ("Production changed since this machine last saw it: someone published another "
              "version, which was not overwritten.\n"
              "Compare it with yours, then publish again:\n"
              "  lead-intent-cli fetch-rules --endpoint %s -o production.json\n"
              "  lead-intent-cli compare --rules production.json --rules %s --events FILE…\n"
              "  lead-intent-cli publish --rules %s --endpoint %s\n",
              display, a->rules[0], a->rules[0], display);
  return LI_EXIT_BAD_INPUT;
}

int
li_cli_publish (const LiCliArgs *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(LiRules) rules = NULL;
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  g_autofree char *cached = NULL;
  g_autofree char *new_etag = NULL;
  const char *if_match;
  char *token;
  gboolean ok;
  gsize len;
  int status = LI_EXIT_OK;

  if (a->rules == NULL || a->rules[1] != NULL)
    return li_cli_usage ("publish needs one --rules RULES");
  if (a->events != NULL || a->leads != NULL)
    return li_cli_usage ("publish reads no event files");
  if (!_li_cli_check_endpoint (a, "publish", &status))
    return status;
  display = li_import_source_display_name (a->endpoint);

  /* Nothing is sent unless the file is a valid rule file. */
  if (!g_file_get_contents (a->rules[0], &data, &len, &error))
    return li_cli_bad_input (error->message);
  if ((rules = _li_cli_rules_from_data (a->rules[0], data, len, &status)) == NULL)
    return status;

  token = li_token_lookup (a->endpoint, NULL, &error);
  if (token == NULL)
    {
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      g_printerr ("%s: no token: run “lead-intent-cli token set --endpoint %s” (it reads the "
                  "token from standard input) or set %s\n", display, display, LI_TOKEN_ENV);
      return LI_EXIT_BAD_INPUT;
    }

  if (a->if_match != NULL)
    if_match = a->if_match;
  else
    if_match = cached = li_etag_cache_lookup (a->endpoint);

  body = g_bytes_new_take (g_steal_pointer (&data), len);
  ok = li_endpoint_publish (a->endpoint, token, body, if_match, &new_etag, NULL, &error);
  li_token_free (token);
  if (!ok)
    {
      if (g_error_matches (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_PRECONDITION))
        return _li_cli_production_changed (a, display, error->message);
      return li_cli_bad_input (error->message);
    }

  _li_cli_remember_etag (a->endpoint, new_etag);
  if (new_etag == NULL)
    g_printerr ("warning: %s sent no ETag; the next publish will need --if-match\n", display);
  else
    g_print ("%s\n", new_etag);
  return LI_EXIT_OK;
}

/* The token from standard input: its first line, not echoed on a terminal. */
static char *
_li_cli_read_token (void)
{
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  GString *token = g_string_new (NULL);
  int c;

  if (tty)
    {
      g_printerr ("Token: ");
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t) ECHO;
          tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
        }
      else
        tty = FALSE;
    }
  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (token, (char) c);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  if (token->len > 0 && token->str[token->len - 1] == '\r')
    g_string_truncate (token, token->len - 1);
  if (token->len == 0)
    {
      g_string_free (token, TRUE);
      return NULL;
    }
  return g_string_free (token, FALSE);
}

int
li_cli_token (const LiCliArgs *a)
{
  g_autoptr(GError) error = NULL;
  const char *action = a->events != NULL ? a->events[0] : NULL;
  int status = LI_EXIT_OK;

  if (action == NULL || a->events[1] != NULL ||
      (!g_str_equal (action, "set") && !g_str_equal (action, "clear")))
    return li_cli_usage ("token needs set or clear: token set --endpoint URL < TOKEN_FILE");
  if (!_li_cli_check_endpoint (a, "token", &status))
    return status;

  if (g_str_equal (action, "set"))
    {
      char *token = _li_cli_read_token ();
      gboolean ok;

      if (token == NULL)
        return li_cli_usage ("token set reads the token from standard input, which was empty");
      ok = li_token_store (a->endpoint, token, NULL, &error);
      li_token_free (token);
      if (!ok)
        return li_cli_bad_input (error->message);
      return LI_EXIT_OK;
    }

  if (!li_token_clear (a->endpoint, NULL, &error))
    return li_cli_bad_input (error->message);
  return LI_EXIT_OK;
}
