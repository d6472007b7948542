// The button under a wave's invitation and reminder, also on the bot's list of open polls: it starts or
// resumes answering (bot/polls/poll.ts).
import { defineButton, id } from '../offers/button.ts';

export const startPoll = defineButton('pl:go', { waveId: id });
