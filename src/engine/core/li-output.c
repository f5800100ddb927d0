/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-output.c: all outputs of a command or none. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "li-output.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LI_MAX_LINKS 40  /* as the kernel's limit of symbolic links in a path */

typedef struct
{
  char    *path;    /* as given; NULL: standard output */
  GString *data;
  char    *target;  /* path with symbolic links followed */
  char    *tmp;     /* the temporary file while committing, or NULL */
  gboolean direct;  /* written in place: standard output, a device, a pipe */
} LiOutput;

struct _LiOutputSet
{
  GPtrArray *outputs;
};

static void
_li_output_free (LiOutput *output)
{
  if (output->tmp != NULL)
    g_unlink (output->tmp);
  g_free (output->tmp);
  g_free (output->target);
  g_free (output->path);
  g_string_free (output->data, TRUE);
  g_free (output);
}

LiOutputSet *
li_output_set_new (void)
{
  LiOutputSet *set = g_new0 (LiOutputSet, 1);

  set->outputs = g_ptr_array_new_with_free_func ((GDestroyNotify) _li_output_free);
  return set;
}

void
li_output_set_free (LiOutputSet *set)
{
  if (set == NULL)
    return;
  g_ptr_array_unref (set->outputs);
  g_free (set);
}

GString *
li_output_set_add (LiOutputSet *set,
                   const char  *path)
{
  LiOutput *output = g_new0 (LiOutput, 1);

  g_return_val_if_fail (set != NULL, NULL);

  output->path = path != NULL && strcmp (path, "-") != 0 ? g_strdup (path) : NULL;
  output->data = g_string_new (NULL);
  g_ptr_array_add (set->outputs, output);
  return output->data;
}

static gboolean
_li_output_fail (const LiOutput *output,
                 int             errsv,
                 GError        **error)
{
  g_autofree char *name = output->path != NULL ? g_filename_display_name (output->path)
                                               : g_strdup (_("standard output"));

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv), "%s: %s",
               name, g_strerror (errsv));
  return FALSE;
}

static gboolean
_li_write_all (int         fd,
               const char *data,
               gsize       len,
               int        *errsv)
{
  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *errsv = errno;
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* @path with every symbolic link followed, so that the link stays and its
 * target gets the new contents (as a shell's `>` does). */
static char *
_li_follow_links (const char *path,
                  int        *errsv)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < LI_MAX_LINKS; i++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      if ((link = g_file_read_link (current, NULL)) == NULL)
        break;
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link)
                                          : g_build_filename (dir, link, NULL);
    }
  *errsv = ELOOP;
  return NULL;
}

static int
_li_new_file_mode (void)
{
  mode_t mask = umask (0);

  umask (mask);
  return 0666 & ~mask;
}

/* Writes a regular file's contents to a temporary file beside it, with the
 * permissions of the file it replaces. */
static gboolean
_li_output_prepare (LiOutput  *output,
                    GError   **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  GStatBuf st;
  int errsv = 0, fd, mode;

  if ((output->target = _li_follow_links (output->path, &errsv)) == NULL)
    return _li_output_fail (output, errsv, error);
  if (g_stat (output->target, &st) != 0)
    mode = _li_new_file_mode ();
  else if (S_ISREG (st.st_mode))
    mode = (int) (st.st_mode & 07777);
  else
    {
      output->direct = TRUE;  /* /dev/null, a pipe: nothing to replace */
      return TRUE;
    }

  dir = g_path_get_dirname (output->target);
  base = g_path_get_basename (output->target);
  output->tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  if ((fd = g_mkstemp_full (output->tmp, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    {
      errsv = errno;
      g_clear_pointer (&output->tmp, g_free);
      return _li_output_fail (output, errsv, error);
    }
  if (fchmod (fd, (mode_t) mode) != 0 ||
      !_li_write_all (fd, output->data->str, output->data->len, &errsv) ||
      fsync (fd) != 0)
    {
      errsv = errsv != 0 ? errsv : errno;
      close (fd);
      return _li_output_fail (output, errsv, error);
    }
  if (close (fd) != 0)
    return _li_output_fail (output, errno, error);
  return TRUE;
}

static gboolean
_li_output_write_direct (LiOutput  *output,
                         GError   **error)
{
  int errsv = 0, fd = 1;
  gboolean ok;

  if (output->path != NULL &&
      (fd = g_open (output->target, O_WRONLY | O_CLOEXEC | O_TRUNC, 0)) < 0)
    return _li_output_fail (output, errno, error);
  ok = _li_write_all (fd, output->data->str, output->data->len, &errsv);
  if (output->path != NULL && close (fd) != 0 && ok)
    ok = (errsv = errno, FALSE);
  return ok || _li_output_fail (output, errsv, error);
}

gboolean
li_output_set_commit (LiOutputSet  *set,
                      GError      **error)
{
  GPtrArray *outputs;

  g_return_val_if_fail (set != NULL, FALSE);

  outputs = set->outputs;
  /* Files first, into temporaries: nothing is replaced yet. */
  for (guint i = 0; i < outputs->len; i++)
    {
      LiOutput *output = g_ptr_array_index (outputs, i);

      if (output->path == NULL)
        output->direct = TRUE;
      else if (!_li_output_prepare (output, error))
        return FALSE;  /* the set's free removes the temporaries */
    }
  for (guint i = 0; i < outputs->len; i++)
    {
      LiOutput *output = g_ptr_array_index (outputs, i);

      if (output->direct && !_li_output_write_direct (output, error))
        return FALSE;
    }
  for (guint i = 0; i < outputs->len; i++)
    {
      LiOutput *output = g_ptr_array_index (outputs, i);

      if (output->tmp == NULL)
        continue;
      if (g_rename (output->tmp, output->target) != 0)
        return _li_output_fail (output, errno, error);
      g_clear_pointer (&output->tmp, g_free);
    }
  return TRUE;
}
