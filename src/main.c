/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "bb-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BbApplication) app = NULL;
  const char *localedir;

  /* Before anything prints: messages about the command line are
   * translated and keep their quotation marks. */
  setlocale (LC_ALL, "");
  /* With no locale at all, text would go out as ASCII with every
   * quotation mark a question mark. */
  if (g_strcmp0 (setlocale (LC_CTYPE, NULL), "C") == 0 ||
      g_strcmp0 (setlocale (LC_CTYPE, NULL), "POSIX") == 0)
    setlocale (LC_CTYPE, "C.UTF-8");
  /* gettext ignores LANGUAGE under plain C; under C.UTF-8, whose
   * messages are the same English, it honours it, so LANGUAGE=de alone
   * gives German. */
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0 ||
      g_strcmp0 (setlocale (LC_MESSAGES, NULL), "POSIX") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
  /* The locale is set above; GTK setting it again, when the application
   * initializes it, would undo the two fallbacks. */
  gtk_disable_setlocale ();
  /* Tests and build-aux/run point this at the translations built in
   * the build tree; an installed app leaves it unset. */
  localedir = g_getenv ("BACKBREATH_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bb_application_new (APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS, NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
