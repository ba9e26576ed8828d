/* bb-history-private.h: for the store's own import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "bb-history.h"

G_BEGIN_DECLS

sqlite3 *bb_history_get_db       (BbHistory *self);
void     bb_history_emit_changed (BbHistory *self);

G_END_DECLS
