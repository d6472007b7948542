// The buttons of civic initiatives that only the bot makes and reads: the section's screens, the card's paging,
// flags and rating question, and the steps of the propose conversation (open, support, follow, comment, edit,
// rate and the satisfaction answer are core's, core/initiatives/initiative-buttons.ts, since notices carry them).
// Their data stays in citizens' chats, so each family keeps its wire format.
import { defineButton, id, idOr, oneOf } from '../../core/offers/button.ts';
import { defineFlowButton } from '../flow-kit.ts';

const stage = oneOf('p', 'w', 'd');

/** The section's home screen. */
export const initiativesHome = defineButton('in:home');
/** A page of a public category (p proposals, w in progress, d implemented), from `offset`. */
export const initiativesPage = defineButton('in:list', { stage, offset: id });
export const myInitiativesPage = defineButton('in:mine', { offset: id });
export const proposeInitiative = defineButton('in:new');
/** Older comments of an initiative's card, from `offset` (newest first). */
export const moreInitiativeComments = defineButton('in:more', { initiativeId: id, offset: id });
export const flagInitiativeComment = defineButton('in:flag', { commentId: id });
/** Asks for the rating of an implemented initiative. */
export const askRating = defineButton('in:rq', { initiativeId: id });

export const STAGE_CODES = { p: 'proposals', w: 'in_progress', d: 'implemented' } as const;

// The propose conversation (propose-flow.ts).
export const initiativeDraftChoice = defineFlowButton('@ind', { choice: oneOf('go', 'new') });
export const proposer = defineFlowButton('@inw', { who: oneOf('me', 'ngo') });
export const initiativeRegion = defineFlowButton('@inr', { regionId: id });
export const initiativeDistrict = defineFlowButton('@inds', { districtId: idOr('none') });
export const initiativeArea = defineFlowButton('@ina', { areaId: id });
/** A kind of help toggled (its place in HELP_KINDS), or done. */
export const helpToggle = defineFlowButton('@inh', { choice: idOr('done') });
export const initiativeShowName = defineFlowButton('@inn', { show: oneOf('y', 'n') });
export const initiativeSummary = defineFlowButton('@ins', {
  choice: oneOf('send', 'discard', 'who', 'title', 'description', 'place', 'area', 'why', 'help', 'name'),
});
