/* bb-done-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-a11y.h"
#include "bb-catalog.h"
#include "bb-checkin-view.h"
#include "bb-done-page.h"
#include "bb-format.h"

/*
 * The end of a session: how it ended and how far it got, the preset's
 * closing step, the check-in, and Done. The window builds it the first
 * time a session ends: the first frame does not need it.
 */

struct _BbDonePage
{
  AdwBin         parent_instance;

  /* Template children */
  AdwStatusPage *status_page;
  GtkLabel      *closing_label;
  BbCheckinView *checkin_view;
  GtkButton     *done_button;
};

G_DEFINE_FINAL_TYPE (BbDonePage, bb_done_page, ADW_TYPE_BIN)

/* Icons: a finished session shows a tick, a stopped one a leaf, for a
 * rest without a verdict, so the two ends look as different as they
 * are. */
#define FINISHED_ICON "emblem-ok-symbolic"
#define STOPPED_ICON  "emoji-nature-symbolic"

/* The end page says which session ended, and how far it got, in words
 * that read well from none to many breaths: markup for the status
 * page, with the user's own name escaped. */
static char *
describe_end (BbSession  *session,
              const char *name)
{
  g_autofree char *time = bb_format_clock (bb_session_get_elapsed (session));
  guint n_breaths = bb_session_get_n_breaths (session);
  guint breath, done;

  if (bb_session_get_state (session) == BB_SESSION_STATE_FINISHED)
    /* Translators: the first %s is the session's name, as “Desk break”
     * with its quotes; %u is the number of breaths, the second %s the
     * time, as “2:00” */
    return g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                 "You completed %s: %u breath in %s. Notice how your back feels now.",
                                                 "You completed %s: %u breaths in %s. Notice how your back feels now.",
                                                 n_breaths),
                                    name, n_breaths, time);

  /* The breath under way when stopping counts only once it is whole. */
  breath = bb_session_get_breath (session);
  done = breath > 0 ? breath - 1 : 0;
  if (done == 0)
    /* Translators: %s is the session's name, as “Desk break” with its
     * quotes */
    return g_markup_printf_escaped (_("You stopped %s before the first full breath. Come back whenever it suits you."),
                                    name);

  /* Translators: the first %s is the session's name; then the breaths
   * done, the breaths planned, and the time, as “2 of 12 breaths in 0:20” */
  return g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                               "You stopped %s after %u of %u breath in %s. Every calm breath counts.",
                                               "You stopped %s after %u of %u breaths in %s. Every calm breath counts.",
                                               n_breaths),
                                  name, done, n_breaths, time);
}

static void
checkin_closed_cb (BbDonePage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

/* The focus goes to Done, the one thing to do next. */
static gboolean
bb_done_page_grab_focus (GtkWidget *widget)
{
  BbDonePage *self = BB_DONE_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

static void
bb_done_page_dispose (GObject *object)
{
  /* The status page is both the bin's child and a template child: the
   * bin lets it go first, so it is unparented once. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), BB_TYPE_DONE_PAGE);

  G_OBJECT_CLASS (bb_done_page_parent_class)->dispose (object);
}

static void
bb_done_page_class_init (BbDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_done_page_dispose;

  widget_class->grab_focus = bb_done_page_grab_focus;

  g_type_ensure (BB_TYPE_CHECKIN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbDonePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, BbDonePage, closing_label);
  gtk_widget_class_bind_template_child (widget_class, BbDonePage, checkin_view);
  gtk_widget_class_bind_template_child (widget_class, BbDonePage, done_button);
  gtk_widget_class_bind_template_callback (widget_class, checkin_closed_cb);
}

static void
bb_done_page_init (BbDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

GtkWidget *
bb_done_page_new (void)
{
  return g_object_new (BB_TYPE_DONE_PAGE, NULL);
}

/**
 * bb_done_page_show_end:
 * @session: the session that ended, or was stopped
 * @own_name: (nullable): the name of the user's own session, if it is one
 * @checkin: (nullable): where the check-in's answers go, or %NULL to ask
 *   nothing
 *
 * Says how @session ended.
 */
void
bb_done_page_show_end (BbDonePage    *self,
                       BbSession     *session,
                       const char    *own_name,
                       BbApplication *checkin)
{
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  gboolean finished;
  const char *closing;

  g_return_if_fail (BB_IS_DONE_PAGE (self));
  g_return_if_fail (BB_IS_SESSION (session));
  g_return_if_fail (checkin == NULL || BB_IS_APPLICATION (checkin));

  finished = bb_session_get_state (session) == BB_SESSION_STATE_FINISHED;
  if (own_name != NULL)
    /* Translators: a session's name in quotes, in a sentence */
    name = g_strdup_printf (_("“%s”"), own_name);
  else
    /* Translators: in a sentence, for a session without a name */
    name = g_strdup (_("the session"));

  adw_status_page_set_icon_name (self->status_page, finished ? FINISHED_ICON : STOPPED_ICON);
  adw_status_page_set_title (self->status_page, finished ? _("Well Done") : _("Session Ended"));
  description = describe_end (session, name);
  adw_status_page_set_description (self->status_page, description);

  /* What the session leads to, once it is done. */
  closing = bb_session_get_closing (session);
  gtk_label_set_label (self->closing_label, closing != NULL ? bb_catalog_gettext (closing) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->closing_label), closing != NULL && finished);

  if (checkin != NULL)
    bb_checkin_view_begin (self->checkin_view, checkin, session);
  else
    bb_done_page_hide_checkin (self);
}

void
bb_done_page_hide_checkin (BbDonePage *self)
{
  g_return_if_fail (BB_IS_DONE_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->checkin_view), FALSE);
}
