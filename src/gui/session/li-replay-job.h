/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-replay.h"

G_BEGIN_DECLS

/* Compiles a plan for a copy of @rules and replays @store in a worker
 * thread (SPEC 5).  @leads may be NULL. */
void            li_replay_job_run_async (GObject               *source_object,
                                         const LiRules         *rules,
                                         LiEventStore          *store,
                                         LiLeadTable           *leads,
                                         const LiReplayOptions *options,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
LiReplayResult *li_replay_job_finish    (GAsyncResult          *result,
                                         GError               **error);

G_END_DECLS
