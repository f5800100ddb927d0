/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules endpoint (SPEC 8, docs/publishing.md) against a SoupServer on
 * 127.0.0.1 that stores the rule file and enforces ETags: round trip, a
 * stale If-Match, the first version, two publishers racing, tokens,
 * errors; the ETag cache, the endpoints of rule files and the token from
 * the environment. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "li-endpoint.h"
#include "li-endpoint-store.h"
#include "li-etag-cache.h"
#include "li-remote.h"
#include "li-test-server.h"
#include "li-token.h"

#define TOKEN "tok-Zq8-very-secret"

static GBytes *
rules_bytes (const char *name)
{
  g_autofree char *text = g_strdup_printf ("{ \"format\": \"lead-intent-rules\", \"name\": \"%s\" }\n", name);

  return g_bytes_new (text, strlen (text));
}

static void
assert_message (const GError *error,
                const char   *part)
{
  g_test_message ("%s", error->message);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
  g_assert_null (strstr (error->message, TOKEN));
}

static void
test_round_trip (void)
{
  g_autoptr(LiTestServer) server = li_test_server_new (FALSE, TOKEN, NULL);
  g_autofree char *url = li_test_server_url (server, "/rules");
  g_autoptr(GBytes) v1 = rules_bytes ("v1");
  g_autoptr(GBytes) v2 = rules_bytes ("v2");
  g_autoptr(GBytes) fetched = NULL;
  g_autofree char *etag1 = NULL, *etag2 = NULL, *etag = NULL, *stale = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing yet. */
  fetched = li_endpoint_fetch (url, TOKEN, &etag, NULL, &error);
  g_assert_null (fetched);
  g_assert_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_NOT_FOUND);
  assert_message (error, "404 Not Found (nothing is published there yet");
  g_clear_error (&error);

  /* The first version: If-None-Match: *. */
  g_assert_true (li_endpoint_publish (url, TOKEN, v1, NULL, &etag1, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag1);

  fetched = li_endpoint_fetch (url, TOKEN, &etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (fetched, v1));
  g_assert_cmpstr (etag, ==, etag1);
  g_clear_pointer (&fetched, g_bytes_unref);

  g_assert_true (li_endpoint_publish (url, TOKEN, v2, etag1, &etag2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (etag2, !=, etag1);

  /* A publisher still at v1 is refused, and v2 stays. */
  g_assert_false (li_endpoint_publish (url, TOKEN, v1, etag1, &stale, NULL, &error));
  g_assert_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_PRECONDITION);
  assert_message (error, "412 Precondition Failed (production changed");
  g_assert_null (stale);
  g_clear_error (&error);

  /* So is a second "first" version. */
  g_assert_false (li_endpoint_publish (url, TOKEN, v1, NULL, &stale, NULL, &error));
  g_assert_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_PRECONDITION);
  g_clear_error (&error);

  g_free (etag);
  etag = NULL;
  fetched = li_endpoint_fetch (url, TOKEN, &etag, NULL, &error);
  g_assert_true (g_bytes_equal (fetched, v2));
  g_assert_cmpstr (etag, ==, etag2);
  g_assert_cmpuint (li_test_server_get_puts (server), ==, 2);
}

typedef struct
{
  const char *url;
  const char *etag;
  GBytes     *body;
  gboolean    ok;
  GError     *error;
} Racer;

static gpointer
_racer_thread (gpointer data)
{
  Racer *r = data;
  g_autofree char *etag = NULL;

  r->ok = li_endpoint_publish (r->url, TOKEN, r->body, r->etag, &etag, NULL, &r->error);
  return NULL;
}

/* Two publishers saw the same version: one wins, the other hears 412. */
static void
test_race (void)
{
  g_autoptr(LiTestServer) server = li_test_server_new (FALSE, TOKEN, NULL);
  g_autofree char *url = li_test_server_url (server, "/rules");
  g_autoptr(GBytes) base = rules_bytes ("base");
  g_autoptr(GBytes) mine = rules_bytes ("mine");
  g_autoptr(GBytes) theirs = rules_bytes ("theirs");
  g_autoptr(GBytes) fetched = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *final = NULL;
  Racer a = { 0 }, b = { 0 };
  GThread *ta, *tb;

  g_assert_true (li_endpoint_publish (url, TOKEN, base, NULL, &etag, NULL, NULL));
  a = (Racer) { url, etag, mine };
  b = (Racer) { url, etag, theirs };
  ta = g_thread_new ("a", _racer_thread, &a);
  tb = g_thread_new ("b", _racer_thread, &b);
  g_thread_join (ta);
  g_thread_join (tb);

  g_assert_true (a.ok != b.ok);
  {
    GError *lost = a.ok ? b.error : a.error;

    g_assert_error (lost, LI_REMOTE_ERROR, LI_REMOTE_ERROR_PRECONDITION);
  }
  fetched = li_endpoint_fetch (url, TOKEN, &final, NULL, NULL);
  g_assert_true (g_bytes_equal (fetched, a.ok ? mine : theirs));
  g_assert_cmpuint (li_test_server_get_puts (server), ==, 2);
  g_clear_error (&a.error);
  g_clear_error (&b.error);
}

static void
test_auth (void)
{
  g_autoptr(LiTestServer) server = li_test_server_new (FALSE, TOKEN, NULL);
  g_autofree char *url = li_test_server_url (server, "/rules");
  g_autoptr(GBytes) v1 = rules_bytes ("v1");
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  g_assert_false (li_endpoint_publish (url, "wrong-token", v1, NULL, NULL, NULL, &error));
  g_assert_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_UNAUTHORIZED);
  assert_message (error, "401 Unauthorized (the token is missing, wrong or expired)");
  g_assert_null (strstr (error->message, "wrong-token"));
  g_clear_error (&error);

  g_assert_false (li_endpoint_publish (url, NULL, v1, NULL, NULL, NULL, &error));
  g_assert_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  g_assert_true (li_endpoint_publish (url, TOKEN, v1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  log = li_test_server_dup_auth_log (server);
  g_assert_cmpstr (log, ==, "Bearer wrong-token\n(none)\nBearer " TOKEN "\n");
}

static void
assert_endpoint_fails (LiTestServer *server,
                       const char   *path,
                       int           code,
                       const char   *part)
{
  g_autofree char *url = li_test_server_url (server, path);
  g_autoptr(GBytes) v1 = rules_bytes ("v1");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) fetched = li_endpoint_fetch (url, TOKEN, NULL, NULL, &error);

  g_assert_null (fetched);
  g_assert_error (error, LI_REMOTE_ERROR, code);
  assert_message (error, part);
  g_clear_error (&error);
  g_assert_false (li_endpoint_publish (url, TOKEN, v1, "\"x\"", NULL, NULL, &error));
  g_assert_error (error, LI_REMOTE_ERROR, code);
}

static void
test_errors (void)
{
  g_autoptr(LiTestServer) server = li_test_server_new (FALSE, TOKEN, NULL);
  g_autoptr(GError) error = NULL;

  assert_endpoint_fails (server, "/status/403", LI_REMOTE_ERROR_FORBIDDEN,
                         "/status/403: the server answered 403 Forbidden (the token may not do this)");
  assert_endpoint_fails (server, "/status/404", LI_REMOTE_ERROR_NOT_FOUND, "404 Not Found");
  assert_endpoint_fails (server, "/status/503", LI_REMOTE_ERROR_SERVER,
                         "503 Service Unavailable (a problem of the server");
  assert_endpoint_fails (server, "/status/500", LI_REMOTE_ERROR_SERVER, "500 Internal Server Error");
  /* The token is not sent where a redirect points. */
  assert_endpoint_fails (server, "/redirect", LI_REMOTE_ERROR_REDIRECT, "redirects to");
  li_remote_set_timeout (1);
  {
    g_autofree char *url = li_test_server_url (server, "/stall");
    g_autoptr(GBytes) fetched = li_endpoint_fetch (url, TOKEN, NULL, NULL, &error);

    g_assert_null (fetched);
    g_assert_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_TIMEOUT);
    assert_message (error, "no data for 1 s");
  }
  li_remote_set_timeout (5);
}

static void
test_check_url (void)
{
  const struct { const char *url; gboolean ok; } cases[] = {
    { "https://rules.shop.example/lead-intent", TRUE },
    { "http://127.0.0.1:8080/rules", TRUE },
    { "http://localhost/rules", TRUE },
    { "http://rules.shop.example/rules", FALSE },
    { "https://ann:pw@rules.shop.example/rules", FALSE },
    { "ftp://rules.shop.example/rules", FALSE },
    { "rules.json", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (li_endpoint_check_url (cases[i].url, &error), ==, cases[i].ok);
      if (error != NULL)
        {
          g_test_message ("%s", error->message);
          g_assert_null (strstr (error->message, "pw@"));
        }
    }
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_etag_cache (void)
{
  const char *url = "https://rules.shop.example/r?key=qu3ry-s3cret";
  g_autofree char *path = li_etag_cache_path ();
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (li_etag_cache_lookup (url));
  g_assert_true (li_etag_cache_store (url, "\"v1\"", &error));
  g_assert_no_error (error);
  g_assert_true (li_etag_cache_store ("https://other.example/r", "\"o1\"", &error));
  etag = li_etag_cache_lookup (url);
  g_assert_cmpstr (etag, ==, "\"v1\"");
  contents = read_file (path);
  g_assert_null (strstr (contents, "qu3ry-s3cret"));
  g_assert_nonnull (strstr (contents, "https://rules.shop.example/r"));

  g_assert_true (li_etag_cache_store (url, NULL, &error));
  g_assert_null (li_etag_cache_lookup (url));
  g_free (etag);
  etag = li_etag_cache_lookup ("https://other.example/r");
  g_assert_cmpstr (etag, ==, "\"o1\"");
}

static void
test_endpoint_store (void)
{
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (li_endpoint_store_lookup ("/tmp/a.leadrules.json"));
  g_assert_true (li_endpoint_store_set ("/tmp/a.leadrules.json", "https://r.example/a", &error));
  g_assert_no_error (error);
  g_assert_true (li_endpoint_store_set ("/tmp/b.leadrules.json", "https://r.example/b", &error));
  url = li_endpoint_store_lookup ("/tmp/./a.leadrules.json");
  g_assert_cmpstr (url, ==, "https://r.example/a");
  g_assert_false (li_endpoint_store_set ("/tmp/a.leadrules.json", "https://u:secret@r.example/a", &error));
  g_assert_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_URL);
}

static void
test_token_env (void)
{
  char *token;

  g_setenv (LI_TOKEN_ENV, "from-the-env", TRUE);
  token = li_token_lookup ("https://r.example/a", NULL, NULL);
  g_assert_cmpstr (token, ==, "from-the-env");
  li_token_free (token);
  g_unsetenv (LI_TOKEN_ENV);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  li_remote_init ();
  li_remote_set_timeout (5);

  g_test_add_func ("/remote/publish/round-trip", test_round_trip);
  g_test_add_func ("/remote/publish/race", test_race);
  g_test_add_func ("/remote/publish/auth", test_auth);
  g_test_add_func ("/remote/publish/errors", test_errors);
  g_test_add_func ("/remote/publish/check-url", test_check_url);
  g_test_add_func ("/remote/etag-cache", test_etag_cache);
  g_test_add_func ("/remote/endpoint-store", test_endpoint_store);
  g_test_add_func ("/remote/token/env", test_token_env);
  return g_test_run ();
}
