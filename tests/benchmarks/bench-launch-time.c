/* bench-launch-time.c
 *
 * Runs a program and measures, from outside and from the moment before
 * exec, when its first top-level window is mapped and when anything is
 * first drawn into it, as the X server sees them. Prints both in
 * milliseconds on one line, then terminates the program.
 *
 * usage: bench-launch-time PROGRAM [ARGUMENT...]   (DISPLAY must be set)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

#define TIMEOUT_US (20 * G_USEC_PER_SEC)

int
main (int   argc,
      char *argv[])
{
  Display *display;
  Window root, mapped = None;
  int damage_event, damage_error;
  gint64 start, map_time = -1, frame_time = -1;
  pid_t pid;
  int status;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s PROGRAM [ARGUMENT...]\n", argv[0]);
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "cannot open display\n");
      return 1;
    }
  if (!XDamageQueryExtension (display, &damage_event, &damage_error))
    {
      fprintf (stderr, "no DAMAGE extension\n");
      return 1;
    }

  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      execvp (argv[1], argv + 1);
      _exit (127);
    }

  while (frame_time < 0 && g_get_monotonic_time () - start < TIMEOUT_US)
    {
      XEvent event;

      if (XPending (display) == 0)
        {
          fd_set fds;
          struct timeval tv = { 0, 10000 };

          FD_ZERO (&fds);
          FD_SET (ConnectionNumber (display), &fds);
          select (ConnectionNumber (display) + 1, &fds, NULL, NULL, &tv);
          if (waitpid (pid, &status, WNOHANG) == pid)
            {
              fprintf (stderr, "%s exited before showing a window\n", argv[1]);
              return 1;
            }
          continue;
        }

      XNextEvent (display, &event);

      /* Watch every new top-level window for drawing from the start, so
       * that no drawing can slip past between map and watch. */
      if (event.type == CreateNotify && !event.xcreatewindow.override_redirect)
        XDamageCreate (display, event.xcreatewindow.window, XDamageReportNonEmpty);
      else if (event.type == MapNotify && mapped == None && !event.xmap.override_redirect)
        {
          map_time = g_get_monotonic_time ();
          mapped = event.xmap.window;
        }
      else if (event.type == damage_event + XDamageNotify && mapped != None &&
               ((XDamageNotifyEvent *) &event)->drawable == mapped)
        frame_time = g_get_monotonic_time ();
    }

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  XCloseDisplay (display);

  if (frame_time < 0)
    {
      fprintf (stderr, "%s showed no window in time\n", argv[1]);
      return 1;
    }

  printf ("%.1f %.1f\n", (map_time - start) / 1000.0, (frame_time - start) / 1000.0);

  return 0;
}
