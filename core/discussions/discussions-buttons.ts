// The discussion button that core puts on its notices and the bot answers (bot/discussions/topics.ts);
// the topic list in the bot offers the same one.
import { defineButton, id } from '../offers/button.ts';

export const openTopic = defineButton('tp:open', { topicId: id });
