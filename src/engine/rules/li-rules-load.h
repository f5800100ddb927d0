/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-rules.h"
#include "li-rules-parse.h"
#include "li-problem.h"

G_BEGIN_DECLS

/* li_rules_from_file (li_rules_draft_from_file with @draft) in a worker
 * thread, so that a window never parses on its UI thread. */
void     li_rules_load_async  (const char           *path,
                               gboolean              draft,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
/* The rules, or NULL with @error.  @problems (may be NULL) gets every
 * problem found, errors and warnings (LiProblem*), on failure as well. */
LiRules *li_rules_load_finish (GAsyncResult         *result,
                               GPtrArray           **problems,
                               GError              **error);

G_END_DECLS
