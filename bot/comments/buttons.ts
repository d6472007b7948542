// The buttons of a public report's card in the bot (deep link rp_<number>) and of the comment conversation.
// Reports are named by their public number, as the portal's link does.
import { defineButton, id, oneOf, token } from '../../core/offers/button.ts';
import { defineFlowButton } from '../flow-kit.ts';

const number = token('[A-Z]{2,4}-[0-9-]{1,24}');

export const supportReport = defineButton('rp:sup', { number });
export const followReport = defineButton('rp:fol', { number });
export const writeReportComment = defineButton('rp:com', { number });
/** older comments of a report's card, from `offset` (newest first) */
export const moreComments = defineButton('pc:more', { number, offset: id });
export const flagPublicComment = defineButton('pc:flag', { commentId: id });

// The comment conversation (comment-flow.ts).
export const commentDraftChoice = defineFlowButton('@pcd', { choice: oneOf('go', 'new') });
export const showNameChoice = defineFlowButton('@pcn', { show: oneOf('y', 'n') });
export const commentSummaryChoice = defineFlowButton('@pcs', { choice: oneOf('send', 'text', 'name', 'discard') });
