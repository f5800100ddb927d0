/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-project.h"

G_BEGIN_DECLS

#define LI_TYPE_PUBLISH_DIALOG (li_publish_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiPublishDialog, li_publish_dialog, LI, PUBLISH_DIALOG, AdwWindow)

/* "Publish…": the rules endpoint of the document (remembered per rule
 * file, li-endpoint-store.h), its token (a password entry; a token typed
 * there goes to the keyring, never to a file), "Fetch Production", which
 * adds production's rules as the version "Production" of the Compare page,
 * and Publish, which validates the draft, then PUTs it with the ETag last
 * seen; when production changed meanwhile (412) it says so and offers to
 * fetch and compare. */
LiPublishDialog *li_publish_dialog_new (GtkWindow *parent,
                                        LiProject *project);

/* For tests: the entries, the buttons, the state. */
void             li_publish_dialog_set_endpoint (LiPublishDialog *self,
                                                 const char      *url);
void             li_publish_dialog_publish      (LiPublishDialog *self);
void             li_publish_dialog_fetch        (LiPublishDialog *self);
gboolean         li_publish_dialog_get_busy     (LiPublishDialog *self);
const char      *li_publish_dialog_get_status   (LiPublishDialog *self);

G_END_DECLS
