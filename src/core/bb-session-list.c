/* bb-session-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-catalog.h"
#include "bb-preset-store.h"
#include "bb-history-report.h"
#include "bb-session-list.h"

/*
 * The ended sessions of a history as a list model, newest first, for a
 * list view that shows a few dozen rows of perhaps a hundred thousand.
 * Rows are read a page at a time when the view asks for them, and only
 * the last few pages read are kept. A page that follows one in memory is
 * found through the index (keyset paging); a jump reads by offset.
 *
 * Each item knows whether it is the first of its day, so the view can
 * head each day's group.
 */

/* Pages kept in memory: a screenful or two either way. */
#define MAX_PAGES 8

struct _BbSessionItem
{
  GObject          parent_instance;

  BbSessionRecord  record;
  char            *title;
  char            *details;
  char            *day_text;
  char            *label;
  gboolean         first_of_day;
};

G_DEFINE_FINAL_TYPE (BbSessionItem, bb_session_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_TITLE,
  ITEM_PROP_DETAILS,
  ITEM_PROP_DAY_TEXT,
  ITEM_PROP_LABEL,
  ITEM_PROP_FIRST_OF_DAY,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static void
bb_session_item_finalize (GObject *object)
{
  BbSessionItem *self = (BbSessionItem *)object;

  bb_session_record_clear (&self->record);
  g_free (self->title);
  g_free (self->details);
  g_free (self->day_text);
  g_free (self->label);

  G_OBJECT_CLASS (bb_session_item_parent_class)->finalize (object);
}

static void
bb_session_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbSessionItem *self = BB_SESSION_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case ITEM_PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;

    case ITEM_PROP_DAY_TEXT:
      g_value_set_string (value, self->day_text);
      break;

    case ITEM_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case ITEM_PROP_FIRST_OF_DAY:
      g_value_set_boolean (value, self->first_of_day);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_session_item_class_init (BbSessionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bb_session_item_finalize;
  object_class->get_property = bb_session_item_get_property;

  item_properties[ITEM_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_DAY_TEXT] =
    g_param_spec_string ("day-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_FIRST_OF_DAY] =
    g_param_spec_boolean ("first-of-day", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
bb_session_item_init (BbSessionItem *self)
{
}

static char *
format_day (guint32 day,
            guint32 today)
{
  GDate date;
  GDate now;
  char buffer[128];
  const char *format;

  if (day == today)
    return g_strdup (_("Today"));
  if (day + 1 == today)
    return g_strdup (_("Yesterday"));

  g_date_set_julian (&date, day);
  g_date_set_julian (&now, today);

  /* Translators: a day in the list of sessions, see strftime(3) */
  format = g_date_get_year (&date) == g_date_get_year (&now) ? _("%A %-d %B") : _("%A %-d %B %Y");
  if (g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return bb_streak_day_to_iso (day);

  return g_strdup (buffer);
}

static const char *
session_title (const BbSessionRecord *record)
{
  BbPresetStore *store = bb_preset_store_get_default ();
  const BbPreset *preset = store != NULL ? bb_preset_store_lookup (store, record->preset_id)
                                         : bb_catalog_lookup_preset (record->preset_id);
  const BbPosition *position = bb_catalog_lookup_position (record->position_id);

  /* An own preset's name is the user's; one deleted since is named by
   * its position. */
  if (preset != NULL)
    return bb_preset_get_display_name (preset);
  if (position != NULL)
    return bb_catalog_gettext (position->name);

  return _("Session");
}

static BbSessionItem *
bb_session_item_new (BbSessionRecord *record,
                     guint32          previous_day,
                     guint32          today)
{
  BbSessionItem *self = g_object_new (BB_TYPE_SESSION_ITEM, NULL);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *breaths = NULL;
  const char *outcome = NULL;

  self->record = *record;
  memset (record, 0, sizeof *record);
  record = &self->record;

  /* The clock time of the place where it was practised, as the day is. */
  utc = g_date_time_new_from_unix_utc (record->start_utc_us / G_USEC_PER_SEC);
  if (utc != NULL)
    local = g_date_time_add_seconds (utc, record->utc_offset_s);
  time = local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("");

  duration = bb_history_report_duration (record->practiced_ms);
  breaths = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u breath", "%u breaths",
                                          record->breaths_done),
                             record->breaths_done);

  if (g_strcmp0 (record->outcome, "stopped") == 0)
    outcome = _("ended early");
  else if (g_strcmp0 (record->outcome, "interrupted") == 0)
    outcome = _("interrupted");

  self->title = g_strdup (session_title (record));
  /* Translators: a session's time of day, length and breaths, as in
   * "14:05 · 2 min · 12 breaths" */
  self->details = g_strdup_printf (_("%s · %s · %s"), time, duration, breaths);
  if (outcome != NULL)
    {
      char *with_outcome = g_strdup_printf (_("%s · %s"), self->details, outcome);

      g_free (self->details);
      self->details = with_outcome;
    }
  self->day_text = format_day (record->day, today);
  self->first_of_day = record->day != previous_day;

  if (outcome != NULL)
    /* Translators: how a screen reader reads a session cut short, as in
     * "Desk break, Today at 14:05: 1 min, 6 breaths, ended early" */
    self->label = g_strdup_printf (_("%s, %s at %s: %s, %s, %s"),
                                   self->title, self->day_text, time, duration, breaths, outcome);
  else
    /* Translators: how a screen reader reads a session, as in
     * "Desk break, Today at 14:05: 2 min, 12 breaths" */
    self->label = g_strdup_printf (_("%s, %s at %s: %s, %s"),
                                   self->title, self->day_text, time, duration, breaths);

  return self;
}

/* Stands for a row that is gone, until the view hears of it. */
static BbSessionItem *
placeholder_new (void)
{
  BbSessionItem *self = g_object_new (BB_TYPE_SESSION_ITEM, NULL);

  self->title = g_strdup ("");
  self->details = g_strdup ("");
  self->day_text = g_strdup ("");
  self->label = g_strdup ("");

  return self;
}

gint64
bb_session_item_get_id (BbSessionItem *self)
{
  g_return_val_if_fail (BB_IS_SESSION_ITEM (self), 0);

  return self->record.id;
}

const char *
bb_session_item_get_uuid (BbSessionItem *self)
{
  g_return_val_if_fail (BB_IS_SESSION_ITEM (self), NULL);

  return self->record.uuid;
}

guint32
bb_session_item_get_day (BbSessionItem *self)
{
  g_return_val_if_fail (BB_IS_SESSION_ITEM (self), 0);

  return self->record.day;
}

const char *
bb_session_item_get_title (BbSessionItem *self)
{
  g_return_val_if_fail (BB_IS_SESSION_ITEM (self), NULL);

  return self->title;
}

const char *
bb_session_item_get_details (BbSessionItem *self)
{
  g_return_val_if_fail (BB_IS_SESSION_ITEM (self), NULL);

  return self->details;
}

const char *
bb_session_item_get_day_text (BbSessionItem *self)
{
  g_return_val_if_fail (BB_IS_SESSION_ITEM (self), NULL);

  return self->day_text;
}

const char *
bb_session_item_get_label (BbSessionItem *self)
{
  g_return_val_if_fail (BB_IS_SESSION_ITEM (self), NULL);

  return self->label;
}

gboolean
bb_session_item_get_first_of_day (BbSessionItem *self)
{
  g_return_val_if_fail (BB_IS_SESSION_ITEM (self), FALSE);

  return self->first_of_day;
}

struct _BbSessionList
{
  GObject     parent_instance;

  /* Owned */
  BbHistory  *history;
  GHashTable *pages;      /* page number -> GPtrArray of BbSessionItem */
  GQueue      page_order; /* page numbers, the most recently read first */

  /* Plain state */
  guint       n_items;
  guint       n_pages_read;
  gulong      changed_id;
  guint       recount_id;
};

static void bb_session_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BbSessionList, bb_session_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bb_session_list_model_init))

static guint
count_items (BbSessionList *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n = bb_history_count_sessions (self->history, &error);

  if (n < 0)
    {
      g_warning ("Could not count sessions: %s", error->message);
      return 0;
    }

  return (guint) MIN (n, G_MAXUINT);
}

static void
forget_pages (BbSessionList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

static GPtrArray *
read_page (BbSessionList *self,
           guint          page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) records = NULL;
  GPtrArray *before = page > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page - 1)) : NULL;
  guint32 today = bb_history_get_today (self->history);
  guint32 previous_day = 0;
  GPtrArray *items;
  guint first = 0;

  if (before != NULL && before->len > 0)
    {
      BbSessionItem *last = g_ptr_array_index (before, before->len - 1);

      records = bb_history_list_sessions (self->history, &last->record,
                                          BB_SESSION_LIST_PAGE_SIZE, &error);
      previous_day = last->record.day;
    }
  else if (page > 0)
    {
      /* One row more, from the page before, for the day heading. */
      records = bb_history_list_sessions_at (self->history, page * BB_SESSION_LIST_PAGE_SIZE - 1,
                                             BB_SESSION_LIST_PAGE_SIZE + 1, &error);
      if (records != NULL && records->len > 0)
        {
          previous_day = g_array_index (records, BbSessionRecord, 0).day;
          first = 1;
        }
    }
  else
    records = bb_history_list_sessions (self->history, NULL, BB_SESSION_LIST_PAGE_SIZE, &error);

  if (records == NULL)
    {
      g_warning ("Could not read sessions: %s", error->message);
      return NULL;
    }

  self->n_pages_read++;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = first; i < records->len; i++)
    {
      BbSessionRecord *record = &g_array_index (records, BbSessionRecord, i);
      guint32 day = record->day;

      g_ptr_array_add (items, bb_session_item_new (record, previous_day, today));
      previous_day = day;
    }

  if (g_queue_get_length (&self->page_order) >= MAX_PAGES)
    {
      gpointer oldest = g_queue_pop_tail (&self->page_order);

      g_hash_table_remove (self->pages, oldest);
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));

  return items;
}

static void history_changed_cb (BbSessionList *self,
                                BbHistory     *history);

static gboolean
recount_cb (gpointer user_data)
{
  BbSessionList *self = user_data;

  self->recount_id = 0;
  history_changed_cb (self, self->history);

  return G_SOURCE_REMOVE;
}

static GType
bb_session_list_get_item_type (GListModel *model)
{
  return BB_TYPE_SESSION_ITEM;
}

static guint
bb_session_list_get_n_items (GListModel *model)
{
  return BB_SESSION_LIST (model)->n_items;
}

static gpointer
bb_session_list_get_item (GListModel *model,
                          guint       position)
{
  BbSessionList *self = BB_SESSION_LIST (model);
  guint page = position / BB_SESSION_LIST_PAGE_SIZE;
  guint index = position % BB_SESSION_LIST_PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    items = read_page (self, page);

  /* Another process removed rows since the count, or the store could
   * not be read: the model still keeps its count until it can tell the
   * view, so it gives a blank item now and reads afresh when idle. */
  if (items == NULL || index >= items->len)
    {
      if (self->recount_id == 0)
        self->recount_id = g_idle_add (recount_cb, self);

      return placeholder_new ();
    }

  return g_object_ref (g_ptr_array_index (items, index));
}

static void
bb_session_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bb_session_list_get_item_type;
  iface->get_n_items = bb_session_list_get_n_items;
  iface->get_item = bb_session_list_get_item;
}

/* Something changed that this list did not do itself: read afresh. */
static void
history_changed_cb (BbSessionList *self,
                    BbHistory     *history)
{
  guint removed = self->n_items;

  forget_pages (self);
  self->n_items = count_items (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

static void
bb_session_list_dispose (GObject *object)
{
  BbSessionList *self = (BbSessionList *)object;

  g_clear_handle_id (&self->recount_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->history);
  g_clear_object (&self->history);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->page_order);

  G_OBJECT_CLASS (bb_session_list_parent_class)->dispose (object);
}

static void
bb_session_list_class_init (BbSessionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_session_list_dispose;
}

static void
bb_session_list_init (BbSessionList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

/**
 * bb_session_list_new:
 *
 * Returns: (transfer full): the ended sessions of @history, newest
 *   first, kept up to date through #BbHistory::changed
 */
BbSessionList *
bb_session_list_new (BbHistory *history)
{
  BbSessionList *self;

  g_return_val_if_fail (BB_IS_HISTORY (history), NULL);

  self = g_object_new (BB_TYPE_SESSION_LIST, NULL);
  self->history = g_object_ref (history);
  self->n_items = count_items (self);
  self->changed_id = g_signal_connect_swapped (history, "changed",
                                               G_CALLBACK (history_changed_cb), self);

  return self;
}

BbHistory *
bb_session_list_get_history (BbSessionList *self)
{
  g_return_val_if_fail (BB_IS_SESSION_LIST (self), NULL);

  return self->history;
}

/* After a change at @position, the rows from there on are read again;
 * the row after it is replaced too, as its day heading may change. */
static void
changed_at (BbSessionList *self,
            guint          position,
            guint          removed,
            guint          added)
{
  guint old_n = self->n_items;
  guint extra;

  forget_pages (self);
  self->n_items = count_items (self);

  extra = position + removed < old_n && position + added < self->n_items ? 1 : 0;
  if (self->n_items + removed != old_n + added)
    {
      /* Another process changed the store meanwhile. */
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
      return;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed + extra, added + extra);
}

/**
 * bb_session_list_delete:
 * @position: the item to delete
 *
 * Deletes the session at @position from the history. It can be put back
 * with bb_session_list_restore() while the app runs.
 *
 * Returns: %TRUE if it was deleted
 */
gboolean
bb_session_list_delete (BbSessionList  *self,
                        guint           position,
                        GError        **error)
{
  g_autoptr(BbSessionItem) item = NULL;
  gboolean ok;

  g_return_val_if_fail (BB_IS_SESSION_LIST (self), FALSE);

  item = g_list_model_get_item (G_LIST_MODEL (self), position);
  if (item == NULL)
    {
      g_set_error (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE,
                   _("This session is no longer in your history."));
      return FALSE;
    }

  g_signal_handler_block (self->history, self->changed_id);
  ok = bb_history_delete_session (self->history, item->record.id, error);
  g_signal_handler_unblock (self->history, self->changed_id);

  if (ok)
    changed_at (self, position, 1, 0);

  return ok;
}

/**
 * bb_session_list_restore:
 * @id: the id of a session deleted through this list
 *
 * Puts a deleted session back, where it belongs in the list now.
 *
 * Returns: %TRUE if it is back
 */
gboolean
bb_session_list_restore (BbSessionList  *self,
                         gint64          id,
                         GError        **error)
{
  gint64 new_id = 0;
  gint64 position;
  gboolean ok;

  g_return_val_if_fail (BB_IS_SESSION_LIST (self), FALSE);

  g_signal_handler_block (self->history, self->changed_id);
  ok = bb_history_restore_session (self->history, id, &new_id, error);
  g_signal_handler_unblock (self->history, self->changed_id);

  if (!ok)
    return FALSE;

  position = bb_history_get_session_position (self->history, new_id);
  if (position < 0 || position > self->n_items)
    history_changed_cb (self, self->history);
  else
    changed_at (self, position, 0, 1);

  return TRUE;
}

/**
 * bb_session_list_get_n_pages_read:
 *
 * Returns: how many pages were read from the store so far, for tests
 */
guint
bb_session_list_get_n_pages_read (BbSessionList *self)
{
  g_return_val_if_fail (BB_IS_SESSION_LIST (self), 0);

  return self->n_pages_read;
}

/**
 * bb_session_list_find:
 * @id: a session's id
 * @position: (out): where it is
 *
 * Looks for a session among the pages read, as a row on show is.
 *
 * Returns: %TRUE if found
 */
gboolean
bb_session_list_find (BbSessionList *self,
                      gint64         id,
                      guint         *position)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_return_val_if_fail (BB_IS_SESSION_LIST (self), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        if (BB_SESSION_ITEM (g_ptr_array_index (items, i))->record.id == id)
          {
            *position = GPOINTER_TO_UINT (key) * BB_SESSION_LIST_PAGE_SIZE + i;
            return TRUE;
          }
    }

  return FALSE;
}
