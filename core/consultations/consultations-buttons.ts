// The consultation buttons that core puts on its messages and the bot answers (bot/consultations/).
import { defineButton, id, int, oneOf, scoreOffers, type Offers } from '../offers/button.ts';

/** Under an answer, and on the citizen's own question: a follow-up, or "resolved". */
export const answerAction = defineButton('qa', { action: oneOf('more', 'close'), questionId: id });

/** A score of 1–5 for the consultation. */
export const rateAnswer = defineButton('qr', { questionId: id, score: int(1, 5) });

/** The five scores, under the rating reminder and after "resolved" in the bot. */
export const ratingOffers = (questionId: number): Offers => scoreOffers((score) => rateAnswer.encode({ questionId, score }));

/** Under a question's post in its topic's staff group: a consultant takes it. */
export const takeQuestion = defineButton('cq:take', { questionId: id });
