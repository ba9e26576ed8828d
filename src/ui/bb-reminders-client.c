/* bb-reminders-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-autostart.h"
#include "bb-reminders-client.h"

/*
 * The window app's view of the reminders service (backbreath-reminders):
 * when the next reminder is due, as the service says on the bus, and a
 * request to start the service whenever reminders are turned on.
 *
 * The proxy never starts the service itself: only turning reminders on
 * does, so opening the window does not bring up a service the user has
 * not asked for.
 */

struct _BbRemindersClient
{
  GObject          parent_instance;

  /* Owned */
  GDBusConnection *connection;
  GSettings       *settings;
  GDBusProxy      *proxy;
  GCancellable    *cancellable;
  char            *bus_name;
  char            *name_owner;

  gint64           next_due;
};

G_DEFINE_FINAL_TYPE (BbRemindersClient, bb_reminders_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NEXT_DUE,
  PROP_NAME_OWNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_next_due (BbRemindersClient *self,
              gint64             next_due)
{
  if (self->next_due == next_due)
    return;

  self->next_due = next_due;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
}

static void
set_name_owner (BbRemindersClient *self,
                const char        *name_owner)
{
  if (g_strcmp0 (self->name_owner, name_owner) == 0)
    return;

  g_free (self->name_owner);
  self->name_owner = g_strdup (name_owner);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_OWNER]);
}

/* The proxy drops its cached properties when the service goes away and
 * fetches them again when it comes back, so both changes end here. */
static void
update (BbRemindersClient *self)
{
  g_autofree char *owner = g_dbus_proxy_get_name_owner (self->proxy);
  g_autoptr(GVariant) next_due = NULL;

  if (owner != NULL)
    next_due = g_dbus_proxy_get_cached_property (self->proxy, "NextDue");

  set_name_owner (self, owner);
  if (next_due != NULL && g_variant_is_of_type (next_due, G_VARIANT_TYPE_INT64))
    set_next_due (self, MAX (g_variant_get_int64 (next_due), 0));
  else
    set_next_due (self, 0);
}

static void
proxy_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GDBusProxy *proxy = g_dbus_proxy_new_finish (result, &error);
  BbRemindersClient *self;

  if (proxy == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No proxy for the reminders service: %s", error->message);
      return;
    }

  self = BB_REMINDERS_CLIENT (user_data);
  self->proxy = proxy;
  g_signal_connect_object (proxy, "g-properties-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (proxy, "notify::g-name-owner", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
start_service_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    g_debug ("Could not start the reminders service: %s", error->message);
}

static void
start_service (BbRemindersClient *self)
{
  g_dbus_connection_call (self->connection,
                          "org.freedesktop.DBus",
                          "/org/freedesktop/DBus",
                          "org.freedesktop.DBus",
                          "StartServiceByName",
                          g_variant_new ("(su)", self->bus_name, 0),
                          G_VARIANT_TYPE ("(u)"),
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          self->cancellable,
                          start_service_cb,
                          NULL);
}

static void
enabled_changed_cb (BbRemindersClient *self)
{
  if (self->connection != NULL && g_settings_get_boolean (self->settings, "reminders-enabled"))
    start_service (self);
}

static void
sync_autostart (BbRemindersClient *self)
{
  bb_autostart_sync (self->settings, self->bus_name, "backbreath-reminders");
}

static void
bb_reminders_client_dispose (GObject *object)
{
  BbRemindersClient *self = (BbRemindersClient *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->proxy);
  g_clear_object (&self->settings);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (bb_reminders_client_parent_class)->dispose (object);
}

static void
bb_reminders_client_finalize (GObject *object)
{
  BbRemindersClient *self = (BbRemindersClient *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->bus_name, g_free);
  g_clear_pointer (&self->name_owner, g_free);

  G_OBJECT_CLASS (bb_reminders_client_parent_class)->finalize (object);
}

static void
bb_reminders_client_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BbRemindersClient *self = BB_REMINDERS_CLIENT (object);

  switch (prop_id)
    {
    case PROP_NEXT_DUE:
      g_value_set_int64 (value, self->next_due);
      break;

    case PROP_NAME_OWNER:
      g_value_set_string (value, self->name_owner);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_reminders_client_class_init (BbRemindersClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_reminders_client_dispose;
  object_class->finalize = bb_reminders_client_finalize;
  object_class->get_property = bb_reminders_client_get_property;

  /**
   * BbRemindersClient:next-due:
   *
   * When the next reminder is due, in µs since the epoch (UTC), as the
   * service's NextDue property says; 0 when reminders are off or no
   * service runs.
   */
  properties[PROP_NEXT_DUE] =
    g_param_spec_int64 ("next-due", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbRemindersClient:name-owner:
   *
   * The unique bus name of the running service, or %NULL when none runs.
   */
  properties[PROP_NAME_OWNER] =
    g_param_spec_string ("name-owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_reminders_client_init (BbRemindersClient *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * bb_reminders_client_new:
 * @connection: (nullable): the session bus, or %NULL for a client that
 *   never sees a service
 * @bus_name: the service's well-known name, `APPLICATION_ID ".Reminders"`
 * @settings: the application's settings
 *
 * Watches the service at @bus_name without starting it, and asks the bus
 * to start it whenever `reminders-enabled` is (or becomes) true.
 */
BbRemindersClient *
bb_reminders_client_new (GDBusConnection *connection,
                         const char      *bus_name,
                         GSettings       *settings)
{
  BbRemindersClient *self;

  g_return_val_if_fail (connection == NULL || G_IS_DBUS_CONNECTION (connection), NULL);
  g_return_val_if_fail (g_dbus_is_name (bus_name) && !g_dbus_is_unique_name (bus_name), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BB_TYPE_REMINDERS_CLIENT, NULL);
  self->bus_name = g_strdup (bus_name);
  self->settings = g_object_ref (settings);

  /* The entry follows changes made here or anywhere else, and is put
   * right once at start should it have been removed by hand. */
  g_signal_connect_swapped (settings, "changed::start-at-login",
                            G_CALLBACK (sync_autostart), self);
  g_signal_connect_swapped (settings, "changed::reminders-enabled",
                            G_CALLBACK (sync_autostart), self);
  sync_autostart (self);

  if (connection == NULL)
    return self;

  self->connection = g_object_ref (connection);
  g_dbus_proxy_new (connection,
                    G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                    NULL,
                    bus_name,
                    BB_REMINDERS_OBJECT_PATH,
                    BB_REMINDERS_INTERFACE,
                    self->cancellable,
                    proxy_ready_cb,
                    self);

  /* Reading the key subscribes to its changes. */
  g_signal_connect_swapped (settings, "changed::reminders-enabled",
                            G_CALLBACK (enabled_changed_cb), self);
  enabled_changed_cb (self);

  return self;
}

/**
 * bb_reminders_client_get_next_due:
 *
 * Returns: the time the next reminder is due, µs since the epoch (UTC),
 *   or 0 for none
 */
gint64
bb_reminders_client_get_next_due (BbRemindersClient *self)
{
  g_return_val_if_fail (BB_IS_REMINDERS_CLIENT (self), 0);

  return self->next_due;
}

/**
 * bb_reminders_client_get_name_owner:
 *
 * Returns: (nullable): the unique name of the running service
 */
const char *
bb_reminders_client_get_name_owner (BbRemindersClient *self)
{
  g_return_val_if_fail (BB_IS_REMINDERS_CLIENT (self), NULL);

  return self->name_owner;
}

const char *
bb_reminders_client_get_bus_name (BbRemindersClient *self)
{
  g_return_val_if_fail (BB_IS_REMINDERS_CLIENT (self), NULL);

  return self->bus_name;
}
