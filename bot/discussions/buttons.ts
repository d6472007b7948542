// The discussion buttons that only the bot makes and reads: the topic list, comments, flags and
// subscriptions (outside any conversation), and the steps of the comment conversation. `tp:open` is
// core's (core/discussions/discussions-buttons.ts): the announcements carry it too.
import { defineButton, id, oneOf } from '../../core/offers/button.ts';
import { defineFlowButton } from '../flow-kit.ts';

/** A page of open topics: `f` those that suit the citizen, `a` all of them. */
export const topicsPage = defineButton('tp:list', { mode: oneOf('a', 'f'), offset: id });
export const writeComment = defineButton('tp:com', { topicId: id });
export const flagComment = defineButton('tp:flag', { commentId: id });
/** A page of the citizen's own comments. */
export const myCommentsPage = defineButton('tp:my', { offset: id });
export const subscriptions = defineButton('tp:subs');
/** The areas (`a`) or regions (`r`) to subscribe to, and one of them toggled. */
export const subscriptionChoices = defineButton('tp:sub', { kind: oneOf('a', 'r') });
export const toggleSubscription = defineButton('tp:sub', { kind: oneOf('a', 'r'), itemId: id });

// The comment conversation (topic-comment.ts).
export const commentDraftChoice = defineFlowButton('@tc', { choice: oneOf('go', 'new') });
export const nameFromProfile = defineFlowButton('@nm:profile');
export const noOrganisation = defineFlowButton('@org:none');
export const pickStance = defineFlowButton('@st', { stance: oneOf('support', 'object', 'none') });
export const commentSummaryChoice = defineFlowButton('@cs', { choice: oneOf('send', 'text', 'name', 'org', 'stance', 'discard') });
