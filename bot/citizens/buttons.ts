// The citizen's own buttons: language, consent, settings, their data and its erasure (outside any
// conversation), and the profile questions' conversation.
import { defineButton, oneOf, token } from '../../core/offers/button.ts';
import { defineFlowButton } from '../flow-kit.ts';

export const chooseLanguage = defineButton('lang', { locale: oneOf('kk', 'ru') });
export const consentYes = defineButton('consent:yes');
export const consentNo = defineButton('consent:no');
export const settingsLanguage = defineButton('settings:language');
export const settingsMyData = defineButton('settings:mydata');
export const editProfile = defineButton('profile:edit');
export const eraseAsk = defineButton('erase:ask');
export const eraseYes = defineButton('erase:yes');
export const eraseNo = defineButton('erase:no');

// The profile questions (profile.ts).
export const pickGender = defineFlowButton('@pf:g', { gender: oneOf('male', 'female', 'unstated') });
export const pickSocialStatus = defineFlowButton('@pf:s', { code: token('[a-z-]+') });
export const skipProfileQuestion = defineFlowButton('@pf:skip');
