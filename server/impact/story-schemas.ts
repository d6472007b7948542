// The stories-of-change API: calls, the review list, selection with a reason, publication, and the public feed.
import { z } from 'zod';
import { answerWindow, dayOrInstant, kkRu, periodKey, positiveId } from '../schemas.ts';

const storyStatus = z.enum(['draft', 'submitted', 'withdrawn']);

export const callInput = z.object({
  ...kkRu('prompt', z.string().max(1000).default('')),
  opensAt: dayOrInstant,
  closesAt: dayOrInstant,
});
export const callBody = z.object({
  id: z.number(),
  projectId: z.number(),
  ...kkRu('prompt'),
  inviteCode: z.string(),
  ...answerWindow,
  sendRequestedAt: z.string().nullable(),
  invited: z.number().optional(),
  stories: z.number().optional(),
});
export const storiesQuery = z.object({ period: periodKey.optional(), status: storyStatus.optional() });
export const selectionBody = z.object({
  id: z.number(),
  storyId: z.number(),
  periodKey: z.string(),
  reason: z.string(),
  selectedById: z.number(),
  selectedAt: z.string(),
});
export const storyBody = z.object({
  id: z.number(),
  projectId: z.number(),
  callId: z.number().nullable(),
  locale: z.string(),
  text: z.string().nullable(),
  whyText: z.string().nullable(),
  hasVoice: z.boolean(),
  voiceSeconds: z.number().nullable(),
  consent: z.enum(['private', 'anonymous', 'named']).nullable(),
  publicName: z.string().nullable(),
  status: storyStatus,
  periodKey: z.string().nullable(),
  submittedAt: z.string().nullable(),
  transcript: z.string().nullable(),
  publishedText: z.string().nullable(),
  publishedAt: z.string().nullable(),
  selections: z.array(selectionBody),
});
export const selectInput = z.object({ periodKey, reason: z.string().max(2000) });
export const selectParams = z.object({ id: positiveId, periodKey: z.string().max(20) });
export const publishInput = z.object({
  publishedText: z.string().max(3000),
  noThirdParties: z.literal(true).describe('staff confirm the text names no third party'),
  transcript: z.string().max(6000).nullish(),
});
export const publicStoriesQuery = z.object({ projectId: positiveId.optional(), stateBodyId: positiveId.optional() });
export const publicStoriesBody = z.array(
  z.object({
    text: z.string(),
    projectId: z.number(),
    ...kkRu('projectName'),
    month: z.string().describe('YYYY-MM of the story'),
    publicName: z.string().nullable().describe('only when the teller agreed to be named'),
  }),
);
