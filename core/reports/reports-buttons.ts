// The report buttons that core puts on its messages and the bot answers (bot/reports/report.ts,
// bot/reports/staff-chat.ts).
import { defineButton, id, oneOf } from '../offers/button.ts';

/** Under the "resolved" notice to the author: really fixed, or not (which reopens the report). */
export const confirmFix = defineButton('rc', { answer: oneOf('ok', 'no'), reportId: id });

/** Under a report's post in its department's staff group: accept, resolve, reject. */
export const staffAction = defineButton('sg', { action: oneOf('acc', 'res', 'rej'), reportId: id });
