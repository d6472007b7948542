// The initiative buttons core puts on its notices and the bot answers (bot/initiatives/); the bot's own cards
// offer the same ones. Wire format `in:<what>:<fields>` (core/offers/button.ts).
import { defineButton, id, int, oneOf } from '../offers/button.ts';
import { SATISFACTION } from '../polls/poll-rules.ts';

/** Opens an initiative's card (also the deep link `in_<id>`). */
export const openInitiative = defineButton('in:open', { initiativeId: id });
/** Supports it (and follows its news). */
export const supportInitiative = defineButton('in:sup', { initiativeId: id });
/** Follows its news without supporting. */
export const followInitiative = defineButton('in:fol', { initiativeId: id });
/** Writes a public comment on it (the comments capability's flow). */
export const commentInitiative = defineButton('in:com', { initiativeId: id });
/** The author edits a returned initiative. */
export const editInitiative = defineButton('in:edit', { initiativeId: id });
/** Rates an implemented initiative 1–5. */
export const rateInitiative = defineButton('in:rate', { initiativeId: id, score: int(1, 5) });
/** Answers the satisfaction question on the national scale, after a rating. */
export const satisfactionInitiative = defineButton('in:sat', { initiativeId: id, answer: oneOf(...SATISFACTION) });
