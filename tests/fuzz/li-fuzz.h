/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every libFuzzer target shares: the environment it runs in, oracle
 * failures, inputs made of several parts, and files for the importers.
 *
 * Each target is one `fuzz-<thing>.c` that includes this header once.  The
 * targets use the engine's public headers only, free everything they
 * allocate (LeakSanitizer stays on), and abort through li_fuzz_fail () when
 * an engine result breaks an invariant or the SPEC (an "oracle"), so that
 * libFuzzer saves the input like any crash.
 *
 * An oracle that is known to fail can be skipped while it is being fixed:
 * LI_FUZZ_IGNORE=name,name (names in docs/fuzzing.md).  CI never sets it. */
#pragma once

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gio/gio.h>
#include <sanitizer/lsan_interface.h>

#include "li-rules.h"
#include "li-rules-parse.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Sanitizer defaults, so that a target run by hand behaves as in fuzz.sh:
 * UBSan findings are fatal, and the leak reports name their allocation. */
const char *__ubsan_default_options (void);
const char *__asan_default_options  (void);

const char *
__ubsan_default_options (void)
{
  return "halt_on_error=1:abort_on_error=1:print_stacktrace=1";
}

const char *
__asan_default_options (void)
{
  return "abort_on_error=1:detect_leaks=1";
}

/* Oracles --------------------------------------------------------------- */

static inline gboolean
li_fuzz_ignored (const char *oracle)
{
  static char **ignored = NULL;
  static gboolean loaded = FALSE;

  if (!loaded)
    {
      const char *env = getenv ("LI_FUZZ_IGNORE");

      if (env != NULL && *env != '\0')
        ignored = g_strsplit (env, ",", -1);
      loaded = TRUE;
    }
  return ignored != NULL && g_strv_contains ((const char * const *) ignored, oracle);
}

/* An engine result that breaks oracle @oracle: print it and abort. */
G_GNUC_PRINTF (2, 3) G_GNUC_NORETURN
static void
li_fuzz_fail (const char *oracle,
              const char *format,
              ...)
{
  va_list args;

  fprintf (stderr, "==li-fuzz== oracle %s failed: ", oracle);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

/* Checks @cond unless @oracle is ignored; the message says what broke. */
#define LI_FUZZ_CHECK(oracle, cond, ...)                                      \
  G_STMT_START {                                                              \
    if (G_UNLIKELY (!(cond)) && !li_fuzz_ignored (oracle))                    \
      li_fuzz_fail (oracle, __VA_ARGS__);                                     \
  } G_STMT_END

/* Every string the engine shows a user must be valid UTF-8.  The targets
 * that read rule files call the oracle "rules-utf8" (the strings of a rule
 * file flow into every text they check); the others "utf8". */
#ifndef LI_FUZZ_UTF8_ORACLE
#define LI_FUZZ_UTF8_ORACLE "utf8"
#endif
#define LI_FUZZ_CHECK_UTF8(str)                                               \
  LI_FUZZ_CHECK (LI_FUZZ_UTF8_ORACLE,                                         \
                 (str) == NULL || g_utf8_validate ((str), -1, NULL),          \
                 "invalid UTF-8 in %s: %.200s", #str, (str))

/* Environment ----------------------------------------------------------- */

/* GLib reads G_SLICE and G_DEBUG in its constructor, before any target code
 * runs: when they are not what the targets need, run again with them set.
 * always-malloc lets LeakSanitizer see every block; gc-friendly clears
 * freed pointers.  GIO loads no modules (no gvfs, no proxies): the targets
 * only read local files. */
static inline void
li_fuzz_init (int    *argc,
              char ***argv)
{
  const char *slice = getenv ("G_SLICE");
  const char *debug = getenv ("G_DEBUG");

  if (slice == NULL || strcmp (slice, "always-malloc") != 0 ||
      debug == NULL || strstr (debug, "gc-friendly") == NULL)
    {
      setenv ("G_SLICE", "always-malloc", 1);
      setenv ("G_DEBUG", "gc-friendly", 1);
      execv ("/proc/self/exe", *argv);
      /* When /proc is missing, carry on: only leak reports get coarser. */
    }
  setenv ("GIO_USE_VFS", "local", 1);
  setenv ("GIO_MODULE_DIR", "/nonexistent-li-fuzz", 1);
  setenv ("GSETTINGS_BACKEND", "memory", 1);

  /* An engine that hits a g_return_if_fail () or warns is a finding. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* Inputs in parts ------------------------------------------------------- */

/* Inputs that feed several files (rules, events, leads) hold them one after
 * the other, separated by a line "%%": "RULES\n%%\nEVENTS\n%%\nLEADS".  Sets
 * @parts[i] and @lens[i] for up to @max parts and returns how many there
 * are; the last part runs to the end of the data. */
#define LI_FUZZ_SEPARATOR "\n%%\n"

static inline guint
li_fuzz_split (const uint8_t  *data,
               size_t          size,
               const char    **parts,
               gsize          *lens,
               guint           max)
{
  const char *p = (const char *) data;
  const char *end = p + size;
  const gsize sep_len = strlen (LI_FUZZ_SEPARATOR);
  guint n = 0;

  while (n + 1 < max)
    {
      const char *s = memmem (p, (gsize) (end - p), LI_FUZZ_SEPARATOR, sep_len);

      if (s == NULL)
        break;
      parts[n] = p;
      lens[n] = (gsize) (s - p);
      n++;
      p = s + sep_len;
    }
  parts[n] = p;
  lens[n] = (gsize) (end - p);
  return n + 1;
}

/* A cheap hash of the input, to vary options (chunk sizes, bins). */
static inline guint32
li_fuzz_hash (const uint8_t *data,
              size_t         size)
{
  guint32 h = 2166136261u;

  for (size_t i = 0; i < size; i++)
    h = (h ^ data[i]) * 16777619u;
  return h;
}

/* Files ----------------------------------------------------------------- */

/* The importers take GFiles.  Each slot is one memfd, created once per run
 * and rewritten for every input; its GFile is /proc/self/fd/N (opening it
 * gives a fresh offset), so nothing touches the disk.  The GFile belongs to
 * the slot: do not unref it. */
#define LI_FUZZ_FILE_SLOTS 4

static inline GFile *
li_fuzz_file (guint       slot,
              const void *data,
              gsize       size)
{
  static int fds[LI_FUZZ_FILE_SLOTS] = { -1, -1, -1, -1 };
  static GFile *files[LI_FUZZ_FILE_SLOTS];
  const char *p = data;

  g_assert (slot < LI_FUZZ_FILE_SLOTS);
  if (fds[slot] < 0)
    {
      g_autofree char *path = NULL;

      fds[slot] = memfd_create ("li-fuzz", MFD_CLOEXEC);
      if (fds[slot] < 0)
        {
          perror ("memfd_create");
          abort ();
        }
      path = g_strdup_printf ("/proc/self/fd/%d", fds[slot]);
      files[slot] = g_file_new_for_path (path);
    }

  if (ftruncate (fds[slot], 0) != 0)
    {
      perror ("ftruncate");
      abort ();
    }
  for (gsize done = 0; done < size;)
    {
      ssize_t n = pwrite (fds[slot], p + done, size - done, (off_t) done);

      if (n <= 0)
        {
          perror ("pwrite");
          abort ();
        }
      done += (gsize) n;
    }
  return files[slot];
}

/* Rule files ------------------------------------------------------------ */

static inline gsize
_li_fuzz_json_skip_blank (const char *d,
                          gsize       n,
                          gsize       i)
{
  for (;;)
    {
      while (i < n && g_ascii_isspace (d[i]))
        i++;
      /* json-glib 1.6 ends a C comment at the first slash after the one
       * that opens it: a slash inside a comment ends it early. */
      if (i + 1 < n && d[i] == '/' && d[i + 1] == '*')
        {
          const char *end = memchr (d + i + 2, '/', n - i - 2);

          i = end != NULL ? (gsize) (end - d) + 1 : n;
          continue;
        }
      return i;
    }
}

static inline gsize
_li_fuzz_json_skip_string (const char *d,
                           gsize       n,
                           gsize       i)
{
  char quote = d[i++];

  while (i < n && d[i] != quote)
    i += d[i] == '\\' ? 2 : 1;
  return MIN (i + 1, n);
}

/* Whether json-glib sees more than one top-level value in @d: json-glib
 * 1.6 takes the first as the document and leaks the others.  It reads what
 * json-glib's scanner reads: strings in double or single quotes, C
 * comments (as json-glib ends them). */
static inline gboolean
li_fuzz_json_has_trailing_values (const char *d,
                                  gsize       n)
{
  gsize i = _li_fuzz_json_skip_blank (d, n, 0);
  guint depth = 0;

  if (i == n)
    return FALSE;
  if (d[i] == '"' || d[i] == '\'')
    i = _li_fuzz_json_skip_string (d, n, i);
  else if (d[i] != '{' && d[i] != '[')
    while (i < n && !g_ascii_isspace (d[i]) && strchr ("{[\"'/", d[i]) == NULL)
      i++;
  else
    while (i < n)
      {
        if (d[i] == '"' || d[i] == '\'')
          {
            i = _li_fuzz_json_skip_string (d, n, i);
            continue;
          }
        if (d[i] == '/' && i + 1 < n && d[i + 1] == '*')
          {
            i = _li_fuzz_json_skip_blank (d, n, i);
            continue;
          }
        if (d[i] == '{' || d[i] == '[')
          depth++;
        else if ((d[i] == '}' || d[i] == ']') && --depth == 0)
          {
            i++;
            break;
          }
        i++;
      }
  return _li_fuzz_json_skip_blank (d, n, i) < n;
}

/* Whether @d holds a \u escape of a UTF-16 surrogate (\uD800 to
 * \uDFFF): json-glib 1.6 leaks a string on a malformed pair. */
static inline gboolean
li_fuzz_json_has_surrogate_escape (const char *d,
                                   gsize       n)
{
  for (gsize i = 0; i + 3 < n; i++)
    if (d[i] == '\\' && d[i + 1] == 'u' && (d[i + 2] == 'd' || d[i + 2] == 'D') &&
        strchr ("89abcdefABCDEF", d[i + 3]) != NULL && d[i + 3] != '\0')
      return TRUE;
  return FALSE;
}

/* li_rules_from_data, with two oracles on what json-glib does below it:
 * - "json-trailing": a file with more than one top-level JSON value is not
 *   a rule file (json-glib 1.6 reads the first and leaks the others, inside
 *   json_parser_load_from_data);
 * - "json-surrogate": no leak on \u escapes of surrogates (json-glib 1.6
 *   leaks its string buffer on a malformed pair).
 * With the oracle ignored, LeakSanitizer does not see the allocations of
 * such inputs, so that fuzzing goes on. */
static inline LiRules *
li_fuzz_rules_from_data (const char  *data,
                         gsize        len,
                         GPtrArray   *problems,
                         GError     **error)
{
  gboolean trailing = li_fuzz_json_has_trailing_values (data, len);
  gboolean hide = (trailing && li_fuzz_ignored ("json-trailing")) ||
                  (li_fuzz_ignored ("json-surrogate") &&
                   li_fuzz_json_has_surrogate_escape (data, len));
  LiRules *rules;

  if (hide)
    __lsan_disable ();
  rules = li_rules_from_data (data, (gssize) len, problems, error);
  if (hide)
    __lsan_enable ();
  LI_FUZZ_CHECK ("json-trailing", !trailing || rules == NULL,
                 "rules accepted from a file with more than one top-level JSON value");
  return rules;
}
