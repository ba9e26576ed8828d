/* bb-reminder.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bb-clock.h"

G_BEGIN_DECLS

/**
 * BB_REMINDER_WEEKDAY:
 * @iso_day: an ISO weekday, Monday being 1 and Sunday 7 (#GDateWeekday)
 *
 * The bit of @iso_day in #BbReminder:active-weekdays.
 */
#define BB_REMINDER_WEEKDAY(iso_day) (1u << ((iso_day) - 1))
#define BB_REMINDER_WEEKDAYS_ALL     0x7fu
#define BB_REMINDER_WEEKDAYS_WORK    0x1fu  /* Monday to Friday */

/* A session with less practice than this is not a break. */
#define BB_REMINDER_MIN_BREAK_MS (60 * 1000)

#define BB_TYPE_REMINDER (bb_reminder_get_type ())

G_DECLARE_FINAL_TYPE (BbReminder, bb_reminder, BB, REMINDER, GObject)

BbReminder *bb_reminder_new                 (BbClock       *clock);

BbClock    *bb_reminder_get_clock           (BbReminder    *self);
gboolean    bb_reminder_get_enabled         (BbReminder    *self);
void        bb_reminder_set_enabled         (BbReminder    *self,
                                             gboolean       enabled);
guint       bb_reminder_get_interval        (BbReminder    *self);
void        bb_reminder_set_interval        (BbReminder    *self,
                                             guint          minutes);
guint       bb_reminder_get_active_start    (BbReminder    *self);
void        bb_reminder_set_active_start    (BbReminder    *self,
                                             guint          minutes);
guint       bb_reminder_get_active_end      (BbReminder    *self);
void        bb_reminder_set_active_end      (BbReminder    *self,
                                             guint          minutes);
guint       bb_reminder_get_active_weekdays (BbReminder    *self);
void        bb_reminder_set_active_weekdays (BbReminder    *self,
                                             guint          weekdays);
guint       bb_reminder_get_snooze_minutes  (BbReminder    *self);
void        bb_reminder_set_snooze_minutes  (BbReminder    *self,
                                             guint          minutes);
guint       bb_reminder_get_away_minutes    (BbReminder    *self);
void        bb_reminder_set_away_minutes    (BbReminder    *self,
                                             guint          minutes);
gint64      bb_reminder_get_last_break      (BbReminder    *self);
void        bb_reminder_set_last_break      (BbReminder    *self,
                                             gint64         real_us);
GTimeZone  *bb_reminder_get_time_zone       (BbReminder    *self);
void        bb_reminder_set_time_zone       (BbReminder    *self,
                                             GTimeZone     *time_zone);
gboolean    bb_reminder_get_locked          (BbReminder    *self);
void        bb_reminder_set_locked          (BbReminder    *self,
                                             gboolean       locked);
gint64      bb_reminder_get_next_due        (BbReminder    *self);

void        bb_reminder_snooze              (BbReminder    *self);
void        bb_reminder_note_break          (BbReminder    *self,
                                             gint64         end_real_us);
void        bb_reminder_note_away           (BbReminder    *self,
                                             gint64         from_real_us,
                                             gint64         to_real_us);

guint       bb_reminder_weekdays_from_days  (const guint32 *iso_days,
                                             gsize          n_days);

void        bb_reminder_set_seconds_per_minute (guint       seconds);

G_END_DECLS
