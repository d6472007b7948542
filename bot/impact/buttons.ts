// The buttons of the story-of-change conversation (story-flow.ts) and of the citizen's list of their stories
// under /mydata (my-stories.ts). `ms:tell`, under a call's invitation, is core's (core/impact/impact-buttons.ts).
import { defineButton, id, oneOf } from '../../core/offers/button.ts';
import { defineFlowButton } from '../flow-kit.ts';

export const STORY_CONSENTS = ['anonymous', 'named', 'private'] as const;

export const storySkipWhy = defineFlowButton('@ms:skip');
export const storyConsent = defineFlowButton('@ms:c', { consent: oneOf(...STORY_CONSENTS) });
export const storyProfileName = defineFlowButton('@ms:name');
export const storyConfirm = defineFlowButton('@ms:ok', { choice: oneOf('send', 'edit') });

// Outside the conversation: a story's consent changed or the story withdrawn, from /mydata.
export const myStoryConsent = defineButton('ms:my', { storyId: id, consent: oneOf(...STORY_CONSENTS) });
export const myStoryWithdraw = defineButton('ms:wd', { storyId: id, sure: oneOf('ask', 'yes', 'no') });
