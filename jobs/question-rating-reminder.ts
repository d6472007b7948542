// Hourly in the daytime: citizens answered three days ago who have not rated the consultation are asked
// once (core/consultations/rating-reminder.ts). Only 09:00–20:59 Almaty time, so nobody is woken by a
// reminder; at minute 7, so it does not start together with the quarter-hour jobs.
import { sendRatingReminders, type RatingReminderDeps } from '../core/consultations/rating-reminder.ts';
import type { Job } from './scheduler.ts';

export function createQuestionRatingReminderJob(deps: RatingReminderDeps): Job {
  return {
    name: 'question-rating-reminder',
    schedule: '7 9-20 * * *',
    run: () => sendRatingReminders(deps),
  };
}
