/* bench-bare-gapplication.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yardstick of idle-cost: the least a GIO service can be, a
 * GApplication on the session bus that holds itself and does nothing.
 */

#include <gio/gio.h>

static void
startup_cb (GApplication *app)
{
  g_application_hold (app);
}

static void
activate_cb (GApplication *app)
{
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = g_application_new ("io.github.backbreath.BenchBare",
                                                   G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (app, argc, argv);
}
