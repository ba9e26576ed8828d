/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bb-reminders-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BbRemindersApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* As in the app: the build tree's translations when set. */
  localedir = g_getenv ("BACKBREATH_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bb_reminders_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
