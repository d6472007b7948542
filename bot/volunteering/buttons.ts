// The volunteering buttons that only the bot makes and reads: the home screen, lists, applying and
// withdrawing, announcements (outside any conversation), and the steps of the sign-up conversation.
// `vo:o` and `vo:conf` are core's (core/volunteering/volunteering-buttons.ts): notices carry them too.
import { defineButton, id, idOr, oneOf, token } from '../../core/offers/button.ts';
import { defineFlowButton } from '../flow-kit.ts';

export const volunteerHome = defineButton('vo:home');
export const signUp = defineButton('vo:signup');
/** A page of suitable opportunities, and of the volunteer's own applications. */
export const opportunitiesPage = defineButton('vo:list', { offset: id });
export const myApplicationsPage = defineButton('vo:my', { offset: id });
export const volunteerRecord = defineButton('vo:rec');
export const applyTo = defineButton('vo:apply', { opportunityId: id });
/** Withdraw, and its confirmation. */
export const withdrawFrom = defineButton('vo:cancel', { opportunityId: id });
export const withdrawSure = defineButton('vo:cancelok', { opportunityId: id });
export const announcements = defineButton('vo:ann', { to: oneOf('on', 'off') });

// The sign-up conversation (volunteer-signup.ts).
export const useOfferedName = defineFlowButton('@nm:use');
export const signupRegion = defineFlowButton('@reg', { regionId: id });
export const signupDistrict = defineFlowButton('@dis', { districtId: idOr('any') });
/** A toggle of the n-th direction or area, or "done". */
export const toggleDirection = defineFlowButton('@dir', { choice: idOr('done') });
export const toggleArea = defineFlowButton('@area', { choice: idOr('done') });
export const skipSkills = defineFlowButton('@sk:skip');
export const pickAvailability = defineFlowButton('@av', { availability: token('\\w+') });
/** Save, or a step to change. */
export const signupSummaryChoice = defineFlowButton('@su', { choice: token('\\w+') });
