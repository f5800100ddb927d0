/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rule-editor.h"

G_BEGIN_DECLS

/* The plain logic behind LiRuleEditor and its rows.  Nothing here needs a
 * display, so tests/gui/test-rule-editor-logic.c checks it directly. */

/* Spin buttons of the editor: numeric style, value shown in its shortest
 * form (at least @digits decimals when exact), so that focusing out never
 * rounds a value read from a file; without the focus, the scroll wheel
 * scrolls the page instead of changing the value. */
void       _li_spin_button_setup     (GtkSpinButton *spin);

/* Row updates.  @full (a new rule set from outside) sets the control to the
 * model value; otherwise (after the user's own edit) only the remembered
 * model value changes, so a half-typed entry ("US, ") is left alone.  An
 * entry is only reset when its model value really changed. */
void       _li_editable_sync         (GtkEditable   *editable,
                                      const char    *model_text,
                                      gboolean       full);
void       _li_spin_sync             (GtkSpinButton *spin,
                                      double         value,
                                      gboolean       full);
/* The decay override controls of intent and pattern rows: a combo (global,
 * none, exponential, window, linear) and a days row with a spin button. */
void       _li_decay_controls_sync   (AdwComboRow   *combo,
                                      AdwActionRow  *days_row,
                                      GtkSpinButton *days_spin,
                                      gboolean       has_decay,
                                      const LiDecay *decay,
                                      gboolean       full);
gboolean   _li_decay_controls_read   (AdwComboRow   *combo,
                                      GtkSpinButton *days_spin,
                                      LiDecay       *decay);
/* "Half-life (days)" … */
const char *_li_decay_days_title     (LiDecayModel   model);

/* A GMenu of @items (may be NULL) whose entries activate @action with the
 * item as string target. */
GMenuModel *_li_string_menu_new      (const char * const *items,
                                      const char         *action);

/* The parts of a rule set the rows edit. */
typedef enum
{
  LI_FIELD_POINTS,
  LI_FIELD_CAP,
  LI_FIELD_DECAY,
  LI_FIELD_WHERE,
  LI_FIELD_NAME,
  LI_FIELD_KIND,
  LI_FIELD_ENABLED,
  LI_FIELD_COUNT,     /* min_count / min_distinct / min_days */
  LI_FIELD_WITHIN,    /* within_hours / within_days */
  LI_FIELD_EVENTS,
  LI_FIELD_ATTRIBUTE,
  LI_FIELD_OP,
  LI_FIELD_VALUE,
  LI_FIELD_MIN_SCORE,
  LI_FIELD_MIN_INTENT,
  LI_FIELD_MIN_FIT,
  LI_FIELD_CHANNEL,
  LI_FIELD_FOLLOW_UP,
} LiField;

G_END_DECLS
