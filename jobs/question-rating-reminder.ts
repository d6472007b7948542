// Hourly in the daytime: citizens answered three days ago who have not rated the consultation are asked
// once (core/consultations/rating-reminder.ts). Only 09:00–20:59 Almaty time, so nobody is woken by a
// reminder; at minute 7, so it does not start together with the quarter-hour jobs.
import type { Job } from './scheduler.ts';

/** `run`: one pass (services.consultations.remindRatings). */
export function createQuestionRatingReminderJob(run: () => Promise<unknown>): Job {
  return { name: 'question-rating-reminder', schedule: '7 9-20 * * *', run };
}
