// The button under a story call's invitation: it starts (or resumes) telling a story of change in the bot
// (bot/impact/, impact-ui's conversation `impact-story`).
import { defineButton, id } from '../offers/button.ts';

export const tellStory = defineButton('ms:tell', { callId: id });
