// The volunteering buttons that core puts on its notices and the bot answers (bot/volunteering/volunteer.ts);
// the bot's own screens offer the same ones.
import { defineButton, id, oneOf } from '../offers/button.ts';

/** Opens an opportunity. */
export const openOpportunity = defineButton('vo:o', { opportunityId: id });

/** "Did you take part?": yes or no, for one application. */
export const confirmAttendance = defineButton('vo:conf', { applicationId: id, answer: oneOf('y', 'n') });
