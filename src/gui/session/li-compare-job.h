/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-compare.h"

G_BEGIN_DECLS

/* Compares the draft's replay with a baseline version in a worker thread
 * (SPEC 6).  The draft was replayed already (@draft_result); the baseline is
 * replayed only when @baseline_result is NULL, so a baseline costs one
 * replay however many edits follow. */
void          li_compare_job_run_async (GObject               *source_object,
                                        const LiRules         *baseline,
                                        LiReplayResult        *baseline_result,
                                        const LiRules         *draft,
                                        LiReplayResult        *draft_result,
                                        LiEventStore          *store,
                                        LiLeadTable           *leads,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data);
/* Returns the comparison; @baseline_result gets the baseline's replay (to
 * keep for the next edits). */
LiComparison *li_compare_job_finish    (GAsyncResult          *result,
                                        LiReplayResult       **baseline_result,
                                        GError               **error);

G_END_DECLS
