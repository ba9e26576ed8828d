/* bb-session-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-history.h"

G_BEGIN_DECLS

#define BB_TYPE_SESSION_ITEM (bb_session_item_get_type ())

G_DECLARE_FINAL_TYPE (BbSessionItem, bb_session_item, BB, SESSION_ITEM, GObject)

gint64      bb_session_item_get_id          (BbSessionItem *self);
const char *bb_session_item_get_uuid        (BbSessionItem *self);
guint32     bb_session_item_get_day         (BbSessionItem *self);
const char *bb_session_item_get_title       (BbSessionItem *self);
const char *bb_session_item_get_details     (BbSessionItem *self);
const char *bb_session_item_get_day_text    (BbSessionItem *self);
const char *bb_session_item_get_label       (BbSessionItem *self);
gboolean    bb_session_item_get_first_of_day (BbSessionItem *self);

#define BB_TYPE_SESSION_LIST (bb_session_list_get_type ())

G_DECLARE_FINAL_TYPE (BbSessionList, bb_session_list, BB, SESSION_LIST, GObject)

/* Items are read from the store this many at a time. */
#define BB_SESSION_LIST_PAGE_SIZE 50

BbSessionList *bb_session_list_new          (BbHistory     *history);
BbHistory     *bb_session_list_get_history  (BbSessionList *self);
gboolean       bb_session_list_delete       (BbSessionList *self,
                                             guint          position,
                                             GError       **error);
gboolean       bb_session_list_restore      (BbSessionList *self,
                                             gint64         id,
                                             GError       **error);
gboolean       bb_session_list_find         (BbSessionList *self,
                                             gint64         id,
                                             guint         *position);
guint          bb_session_list_get_n_pages_read (BbSessionList *self);

G_END_DECLS
