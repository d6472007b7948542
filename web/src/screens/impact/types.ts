// The impact API's answers as the console reads them (the route schemas are the contract).
import type { z } from 'zod';
import type {
  beforeAfterBody,
  frameworkBody,
  indicatorBody,
  measureListBody,
  proxyBody,
  scorecardBody,
  sroiBody,
} from '../../../../server/impact/impact-schemas.ts';
import type { callBody, storyBody } from '../../../../server/impact/story-schemas.ts';

export type Framework = z.output<typeof frameworkBody>;
export type FrameworkNode = Framework['nodes'][number];
export type Indicator = z.output<typeof indicatorBody>;
export type Measures = z.output<typeof measureListBody>;
export type BeforeAfter = z.output<typeof beforeAfterBody>;
export type Story = z.output<typeof storyBody>;
export type StoryCall = z.output<typeof callBody>;
export type Sroi = z.output<typeof sroiBody>;
export type Proxy = z.output<typeof proxyBody>;
export type Scorecard = z.output<typeof scorecardBody>;

export const LEVELS = ['goal', 'outcome', 'output', 'activity'] as const;
export const SCHEDULES = ['month', 'quarter', 'half', 'year', 'end'] as const;
export const SOURCES = [
  'manual',
  'beneficiaries',
  'beneficiaries_group',
  'event_attendance',
  'events_held',
  'poll_question',
  'consultations',
  'volunteer_hours',
  'people_helped',
] as const;
/** the level a node of each level hangs under */
export const PARENT: Record<(typeof LEVELS)[number], (typeof LEVELS)[number] | null> = { goal: null, outcome: 'goal', output: 'outcome', activity: 'output' };
