/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-rules.h"

G_BEGIN_DECLS

/* What the window keeps of a rule file between sessions, in one JSON file
 * per rule file (display-free, tested without a window):
 * DIR/<SHA-256 of the rule file's absolute path>.json, written atomically,
 * with the rule file's path, the event and leads files it was last replayed
 * on, and its named snapshots. */

typedef struct
{
  char      *name;
  GDateTime *created;
  LiRules   *rules;
} LiStoredSnapshot;

typedef struct
{
  char       *rules_path;
  GStrv       event_paths;  /* may be NULL */
  char       *leads_path;   /* may be NULL */
  GPtrArray  *snapshots;    /* LiStoredSnapshot*, newest first */
} LiSnapshotStore;

LiSnapshotStore *li_snapshot_store_new     (const char            *rules_path);
void             li_snapshot_store_free    (LiSnapshotStore       *store);
void             li_snapshot_store_add     (LiSnapshotStore       *store,
                                            const char            *name,
                                            GDateTime             *created,
                                            const LiRules         *rules);
/* The file of @rules_path in @dir. */
char            *li_snapshot_store_file    (const char            *dir,
                                            const char            *rules_path);
/* Writes @store to its file in @dir (made when missing), atomically. */
gboolean         li_snapshot_store_save    (const LiSnapshotStore *store,
                                            const char            *dir,
                                            GError               **error);
/* The store of @rules_path in @dir: an empty one when there is no file
 * (or it belongs to another path); NULL with @error for a file that cannot
 * be read.  Snapshots whose rules do not read back are left out. */
LiSnapshotStore *li_snapshot_store_load    (const char            *dir,
                                            const char            *rules_path,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiSnapshotStore, li_snapshot_store_free)

G_END_DECLS
