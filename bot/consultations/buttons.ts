// The consultation buttons that only the bot makes and reads: the resource centre's menu, "my questions",
// the comment after a rating and the FAQ (outside any conversation), and the steps of the ask conversation.
import { defineButton, id, idOr, int, token } from '../../core/offers/button.ts';
import { defineFlowButton } from '../flow-kit.ts';

export const newQuestion = defineButton('aq:new');
/** A page of "my questions", from `offset`. */
export const myQuestionsPage = defineButton('aq:list', { offset: id });
export const openMyQuestion = defineButton('aq:open', { questionId: id });
/** A comment on the score just given. */
export const rateComment = defineButton('qc', { questionId: id, score: int(1, 5) });
export const faqTopics = defineButton('faq:topics');
export const faqTopic = defineButton('faq:t', { topicId: id });
export const faqArticle = defineButton('faq:a', { articleId: id });

// The ask conversation (ask-flow.ts).
/** The suggested article that answered the question, or none did. */
export const articleHelped = defineFlowButton('@faq', { articleId: idOr('no') });
export const pickTopic = defineFlowButton('@tp', { topicId: id });
export const pickAskerGroup = defineFlowButton('@ag', { group: token('\\w+') });
