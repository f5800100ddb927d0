/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_VERSION (li_version_get_type ())
G_DECLARE_FINAL_TYPE (LiVersion, li_version, LI, VERSION, GObject)

/* One rule version the draft can be compared with: a snapshot of the rules
 * taken in this window, or a rule file opened for comparison.  It keeps a
 * copy of the rules and the headline numbers of its last replay (not the
 * replay itself).  A GListStore of LiVersion is the window's versions list.
 *
 * Properties (all notify): "name" (string, read-write), "created"
 * (GDateTime, construct-only, local time), "rules" (LI_TYPE_RULES, a copy,
 * construct-only), "auc" (double, NAN = null), "top-precision" (double:
 * precision of the first, hottest stage; NAN = null or not replayed yet),
 * "source-path" (nullable string: the file it was loaded from). */

LiVersion     *li_version_new               (const char           *name,
                                             const LiRules        *rules,
                                             LiReplayResult       *result);
/* Parses and validates @path, then li_version_new_for_file(); the window
 * reads the file in a worker thread instead (li_rules_load_async). */
LiVersion     *li_version_new_from_file     (const char           *path,
                                             GError              **error);
/* A version of @rules, read from @path: its name is the rules' "name", or
 * else the file's base name; "source-path" is @path. */
LiVersion     *li_version_new_for_file      (const char           *path,
                                             const LiRules        *rules);

const char    *li_version_get_name          (LiVersion            *self);
void           li_version_set_name          (LiVersion            *self,
                                             const char           *name);
GDateTime     *li_version_get_created       (LiVersion            *self);
const LiRules *li_version_get_rules         (LiVersion            *self);
double         li_version_get_auc           (LiVersion            *self);
double         li_version_get_top_precision (LiVersion            *self);
const char    *li_version_get_source_path   (LiVersion            *self);
void           li_version_set_source_path   (LiVersion            *self,
                                             const char           *source_path);
/* Takes AUC and the precision of the first stage from @result (NULL clears
 * them to NAN).  The result itself is not kept. */
void           li_version_set_result        (LiVersion            *self,
                                             const LiReplayResult *result);
/* Whether set_result was called with a result. */
gboolean       li_version_has_result        (LiVersion            *self);

/* The name of the first (hottest) stage of its rules, or NULL. */
const char    *li_version_get_top_stage     (LiVersion            *self);

/* "14:05" for a time of @now's day, "Mar 3, 14:05" for an earlier day
 * (plain function, tested without a display). */
char          *li_version_format_time       (GDateTime            *time,
                                             GDateTime            *now);
/* The line under the name in the versions list:
 * "14:05 · AUC 0.734 · hot precision 12.3%", with the file name first for
 * a version loaded from a file, "not replayed yet" without numbers. */
char          *li_version_dup_summary       (LiVersion            *self,
                                             GDateTime            *now);

G_END_DECLS
