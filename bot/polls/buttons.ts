// The buttons of the poll conversation (poll-answer.ts), one family per kind of press on a question:
// an answer, a toggle of a multiple choice and "done", skip and back; and the final "send?". `pl:go`,
// which starts it, is core's (core/polls/polls-buttons.ts).
import { id, oneOf, token } from '../../core/offers/button.ts';
import { defineFlowButton } from '../flow-kit.ts';

/** An option's code, a satisfaction or yes/no value, or a score (poll-rules.ts). */
const answerCode = token('[a-z0-9_]+');

export const pollAnswer = defineFlowButton('@pa', { questionId: id, code: answerCode });
export const pollToggle = defineFlowButton('@pt', { questionId: id, code: answerCode });
export const pollDone = defineFlowButton('@pd', { questionId: id });
export const pollSkip = defineFlowButton('@ps', { questionId: id });
export const pollBack = defineFlowButton('@pb', { questionId: id });
export const pollConfirm = defineFlowButton('@pc', { choice: oneOf('send', 'back') });
