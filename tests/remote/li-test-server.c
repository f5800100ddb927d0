/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "li-test-server.h"

struct _LiTestServer
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  gboolean      tls;
  char         *token;
  char         *files;
  guint         port;
  GMutex        mutex;
  GCond         cond;
  gboolean      ready;

  /* The endpoint (server thread). */
  GBytes       *rules;
  char         *etag;
  guint         version;
  guint         puts;
  GString      *auth_log;
};

static char *
_cert_path (const char *name)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");

  return g_build_filename (srcdir != NULL ? srcdir : ".", "data", "remote", name, NULL);
}

GTlsDatabase *
li_test_server_tls_database (void)
{
  g_autofree char *cert = _cert_path ("test-cert.pem");
  g_autoptr(GError) error = NULL;
  GTlsDatabase *db = g_tls_file_database_new (cert, &error);

  g_assert_no_error (error);
  return db;
}

/* Chunked bodies made as they are sent. */
typedef struct
{
  LiTestServer      *server;
  SoupServerMessage *msg;
  guint              kind;
  guint64            sent;
  guint64            limit;
  guint              n;
  guint              source_id;
} Producer;

enum { PRODUCE_SLOW, PRODUCE_ENDLESS, PRODUCE_BIG, PRODUCE_CUT, PRODUCE_STALL };

#define BIG_LINE_PAD 200

static void
_producer_free (Producer *p)
{
  if (p->source_id != 0)
    g_source_remove (p->source_id);
  g_object_unref (p->msg);
  g_free (p);
}

static GBytes *
_producer_chunk (Producer *p)
{
  GString *chunk = g_string_sized_new (70000);

  if (p->n == 0)
    g_string_append (chunk, "lead_id,timestamp,event,note\n");
  if (p->kind == PRODUCE_CUT && p->limit == 1)
    {
      g_string_append (chunk, "u1,1700000000,page_view,a\nu2,17000");
      p->n++;
      return g_string_free_to_bytes (chunk);
    }
  if (p->kind == PRODUCE_BIG)
    {
      static char pad[BIG_LINE_PAD + 1];

      if (pad[0] == '\0')
        memset (pad, 'x', BIG_LINE_PAD);
      while (chunk->len < 65000)
        g_string_append_printf (chunk, "lead%u,%u,page_view,%s\n", (p->n * 7 + (guint) chunk->len) % 1000,
                                1700000000 + p->n, pad);
    }
  else
    for (guint i = 0; i < 10; i++)
      g_string_append_printf (chunk, "lead%u,%u,page_view,slow\n", i, 1700000000 + p->n);
  p->n++;
  return g_string_free_to_bytes (chunk);
}

static gboolean _producer_next_cb (gpointer data);

static void
_producer_send (Producer *p)
{
  SoupMessageBody *body = soup_server_message_get_response_body (p->msg);
  g_autoptr(GBytes) chunk = NULL;

  if (p->limit > 0 && p->sent >= p->limit)
    {
      if (p->kind == PRODUCE_CUT)
        {
          /* The end of the chunked body never comes. */
          GSocket *socket = soup_server_message_get_socket (p->msg);

          g_socket_shutdown (socket, TRUE, TRUE, NULL);
          return;
        }
      soup_message_body_complete (body);
      soup_server_message_unpause (p->msg);
      return;
    }
  chunk = _producer_chunk (p);
  p->sent += g_bytes_get_size (chunk);
  soup_message_body_append_bytes (body, chunk);
  soup_server_message_unpause (p->msg);
}

static gboolean
_producer_next_cb (gpointer data)
{
  Producer *p = data;

  p->source_id = 0;
  _producer_send (p);
  return G_SOURCE_REMOVE;
}

static void
_producer_wrote_chunk_cb (SoupServerMessage *msg,
                          Producer          *p)
{
  GSource *source;

  if (p->kind == PRODUCE_BIG || p->kind == PRODUCE_CUT)
    {
      _producer_send (p);
      return;
    }
  if (p->kind == PRODUCE_STALL)
    return;
  soup_server_message_pause (msg);
  source = g_timeout_source_new (p->kind == PRODUCE_SLOW ? 30 : 10);
  g_source_set_callback (source, _producer_next_cb, p, NULL);
  p->source_id = g_source_attach (source, p->server->context);
  g_source_unref (source);
}

static void
_producer_finished_cb (SoupServerMessage *msg,
                       Producer          *p)
{
  _producer_free (p);
}

static void
_produce (LiTestServer      *self,
          SoupServerMessage *msg,
          guint              kind,
          guint64            limit)
{
  Producer *p = g_new0 (Producer, 1);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  p->server = self;
  p->msg = g_object_ref (msg);
  p->kind = kind;
  p->limit = limit;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "text/csv", NULL);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (_producer_wrote_chunk_cb), p);
  g_signal_connect (msg, "finished", G_CALLBACK (_producer_finished_cb), p);
  _producer_send (p);
}

static GBytes *
_gzip (GBytes *data)
{
  g_autoptr(GConverter) compressor = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1));
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (data);
  g_autoptr(GInputStream) conv = g_converter_input_stream_new (in, compressor);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_output_stream_splice (out, conv, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
_file_handler (LiTestServer      *self,
               SoupServerMessage *msg,
               const char        *name,
               GHashTable        *query)
{
  g_autofree char *path = g_build_filename (self->files, name, NULL);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (strstr (name, "..") != NULL || (mapped = g_mapped_file_new (path, FALSE, NULL)) == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  if (query != NULL && g_hash_table_contains (query, "gzip"))
    {
      g_autoptr(GBytes) packed = _gzip (bytes);

      g_bytes_unref (bytes);
      bytes = g_steal_pointer (&packed);
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
    }
  if (query != NULL && g_hash_table_contains (query, "encoding"))
    soup_message_headers_replace (headers, "Content-Encoding", g_hash_table_lookup (query, "encoding"));
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/csv", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
_authorized (LiTestServer      *self,
             SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  g_autofree char *want = NULL;

  g_string_append_printf (self->auth_log, "%s\n", auth != NULL ? auth : "(none)");
  if (self->token == NULL)
    return TRUE;
  want = g_strconcat ("Bearer ", self->token, NULL);
  if (auth != NULL && g_str_equal (auth, want))
    return TRUE;
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer");
  soup_server_message_set_status (msg, SOUP_STATUS_UNAUTHORIZED, NULL);
  return FALSE;
}

static void
_rules_handler (LiTestServer      *self,
                SoupServerMessage *msg)
{
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *out = soup_server_message_get_response_headers (msg);
  const char *if_match = soup_message_headers_get_one (in, "If-Match");
  const char *if_none_match = soup_message_headers_get_one (in, "If-None-Match");
  const char *type = soup_message_headers_get_content_type (in, NULL);
  SoupMessageBody *body;
  g_autofree char *sum = NULL;

  if (!_authorized (self, msg))
    return;
  if (g_str_equal (method, "GET"))
    {
      if (self->rules == NULL)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
          return;
        }
      soup_message_headers_replace (out, "ETag", self->etag);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (self->rules, NULL),
                                        g_bytes_get_size (self->rules));
      return;
    }
  if (!g_str_equal (method, "PUT"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }
  if (type == NULL || !g_str_equal (type, "application/json"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, NULL);
      return;
    }
  if (if_match == NULL && (if_none_match == NULL || !g_str_equal (if_none_match, "*")))
    {
      soup_server_message_set_status (msg, 428, "Precondition Required");
      return;
    }
  if ((if_match != NULL && (self->etag == NULL || !g_str_equal (if_match, self->etag))) ||
      (if_match == NULL && self->rules != NULL))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_PRECONDITION_FAILED, NULL);
      return;
    }
  body = soup_server_message_get_request_body (msg);
  g_clear_pointer (&self->rules, g_bytes_unref);
  self->rules = soup_message_body_flatten (body);
  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, self->rules);
  g_free (self->etag);
  self->etag = g_strdup_printf ("\"v%u-%.8s\"", ++self->version, sum);
  self->puts++;
  soup_message_headers_replace (out, "ETag", self->etag);
  soup_server_message_set_status (msg, self->version == 1 ? SOUP_STATUS_CREATED : SOUP_STATUS_OK, NULL);
}

static void
_handler (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  LiTestServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (g_str_has_prefix (path, "/file/"))
    _file_handler (self, msg, path + strlen ("/file/"), query);
  else if (g_str_has_prefix (path, "/status/"))
    soup_server_message_set_status (msg, (guint) atoi (path + strlen ("/status/")), NULL);
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/loop");
  else if (g_str_equal (path, "/redirect"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/file/events.csv");
  else if (g_str_has_prefix (path, "/redirect-to/"))
    {
      g_autofree char *to = g_uri_unescape_string (path + strlen ("/redirect-to/"), NULL);

      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, to);
    }
  else if (g_str_equal (path, "/truncated"))
    {
      /* Says 1000 bytes, sends fewer, closes. */
      _produce (self, msg, PRODUCE_CUT, 1);
      soup_message_headers_set_content_length (headers, 1000);
    }
  else if (g_str_equal (path, "/chunked-cut"))
    _produce (self, msg, PRODUCE_CUT, 3 * 1024);
  else if (g_str_equal (path, "/slow"))
    _produce (self, msg, PRODUCE_SLOW, 10 * 300);
  else if (g_str_equal (path, "/stall"))
    _produce (self, msg, PRODUCE_STALL, 0);
  else if (g_str_equal (path, "/endless"))
    _produce (self, msg, PRODUCE_ENDLESS, 0);
  else if (g_str_equal (path, "/big"))
    {
      const char *mb = query != NULL ? g_hash_table_lookup (query, "mb") : NULL;

      _produce (self, msg, PRODUCE_BIG, (guint64) (mb != NULL ? atoi (mb) : 100) << 20);
    }
  else if (g_str_equal (path, "/rules"))
    _rules_handler (self, msg);
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static gpointer
_server_thread (gpointer data)
{
  LiTestServer *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);
  if (self->tls)
    {
      g_autofree char *cert = _cert_path ("test-cert.pem");
      g_autofree char *key = _cert_path ("test-key.pem");
      g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_files (cert, key, &error);

      g_assert_no_error (error);
      self->server = soup_server_new ("tls-certificate", certificate, NULL);
    }
  else
    self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, _handler, self, NULL);
  soup_server_listen_local (self->server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY |
                              (self->tls ? SOUP_SERVER_LISTEN_HTTPS : 0),
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  self->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_mutex_lock (&self->mutex);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

LiTestServer *
li_test_server_new (gboolean    tls,
                    const char *token,
                    const char *files)
{
  LiTestServer *self = g_new0 (LiTestServer, 1);

  self->tls = tls;
  self->token = g_strdup (token);
  self->files = g_strdup (files != NULL ? files : ".");
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->auth_log = g_string_new (NULL);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->thread = g_thread_new ("test-server", _server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
  return self;
}

static gboolean
_quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
li_test_server_free (LiTestServer *self)
{
  g_main_context_invoke (self->context, _quit_cb, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_clear_pointer (&self->rules, g_bytes_unref);
  g_free (self->etag);
  g_free (self->token);
  g_free (self->files);
  g_string_free (self->auth_log, TRUE);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

guint
li_test_server_get_port (LiTestServer *self)
{
  return self->port;
}

char *
li_test_server_url (LiTestServer *self,
                    const char   *path)
{
  return g_strdup_printf ("%s://127.0.0.1:%u%s", self->tls ? "https" : "http", self->port, path);
}

typedef struct
{
  LiTestServer *server;
  guint         puts;
  char         *auth;
  gboolean      done;
  GMutex        mutex;
  GCond         cond;
} Query;

static gboolean
_query_cb (gpointer data)
{
  Query *q = data;

  g_mutex_lock (&q->mutex);
  q->puts = q->server->puts;
  q->auth = g_strdup (q->server->auth_log->str);
  q->done = TRUE;
  g_cond_signal (&q->cond);
  g_mutex_unlock (&q->mutex);
  return G_SOURCE_REMOVE;
}

static void
_query (LiTestServer *self,
        Query        *q)
{
  q->server = self;
  g_mutex_init (&q->mutex);
  g_cond_init (&q->cond);
  g_main_context_invoke (self->context, _query_cb, q);
  g_mutex_lock (&q->mutex);
  while (!q->done)
    g_cond_wait (&q->cond, &q->mutex);
  g_mutex_unlock (&q->mutex);
  g_mutex_clear (&q->mutex);
  g_cond_clear (&q->cond);
}

guint
li_test_server_get_puts (LiTestServer *self)
{
  Query q = { 0 };

  _query (self, &q);
  g_free (q.auth);
  return q.puts;
}

char *
li_test_server_dup_auth_log (LiTestServer *self)
{
  Query q = { 0 };

  _query (self, &q);
  return q.auth;
}
