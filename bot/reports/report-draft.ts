// The report conversation's draft as the conversation keeps it (plain data, since `external` results are
// stored), the steps it still lacks, and reading and saving it answer by answer.
import type { FlowContext } from '../context.ts';
import type { DraftFields } from '../../core/reports/report-citizen.ts';
import { type Flow } from '../flow-kit.ts';

export const STEPS = ['category', 'place', 'location', 'description', 'evidence', 'anonymous'] as const;
export type Step = (typeof STEPS)[number];

/** The draft as the conversation keeps it: plain data, since `external` results are stored. */
export type DraftView = DraftFields & { evidenceCount: number; updatedAt: string };

export function missing(d: DraftView): Step | null {
  if (d.categoryId == null) return 'category';
  if (d.regionId == null) return 'place';
  if (d.lat == null && !d.address) return 'location';
  if (!d.description) return 'description';
  if (d.evidenceCount === 0) return 'evidence';
  if (d.anonymous == null) return 'anonymous';
  return null;
}

export const header = (ctx: FlowContext, step: Step) => `<i>${ctx.t('reports:flow.step', { n: STEPS.indexOf(step) + 1, total: STEPS.length })}</i>\n`;

export const EMPTY: DraftView = {
  categoryId: null,
  regionId: null,
  districtId: null,
  lat: null,
  lon: null,
  address: null,
  description: null,
  anonymous: null,
  evidenceCount: 0,
  updatedAt: '',
};

export function loadDraft(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<DraftView | null> {
  return conversation.external(async () => {
    const d = await ctx.services.reportCitizen.getDraft(citizenId);
    if (!d) return null;
    const { evidence, updatedAt, ...fields } = d;
    return { ...fields, evidenceCount: evidence.length, updatedAt: updatedAt.toISOString() };
  });
}

export async function save(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView, patch: Partial<DraftFields>): Promise<DraftView> {
  // Only plain data may come out of `external` (it is stored): the saved row stays outside.
  await conversation.external(async () => {
    await ctx.services.reportCitizen.saveDraft(citizenId, patch);
  });
  return { ...draft, ...patch };
}
