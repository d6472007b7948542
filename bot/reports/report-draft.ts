// The report conversation's draft as the conversation keeps it (plain data, since `external` results are
// stored), the steps it still lacks, and reading and saving it answer by answer.
import type { FlowContext } from '../context.ts';
import type { DraftFields } from '../../core/reports/report-citizen.ts';
import { EMPTY_FIELDS } from '../../core/reports/report-draft-unit.ts';
import { clip, type DraftModel, type Flow } from '../flow-kit.ts';

/** The characters of the description the summary shows. */
export const SUMMARY_DESCRIPTION = 600;

export const STEPS = ['category', 'place', 'location', 'description', 'evidence', 'anonymous'] as const;
export type Step = (typeof STEPS)[number];

/** The draft as the conversation keeps it: plain data, since `external` results are stored; the description as the summary shows it. */
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

export const EMPTY: DraftView = { ...EMPTY_FIELDS, evidenceCount: 0, updatedAt: '' };

export async function loadDraft(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<DraftView | null> {
  // Only the answers given are recorded (the log is written on every update); the rest are the empty ones.
  const given = await conversation.external(async () => {
    const d = await ctx.services.reportCitizen.getDraft(citizenId);
    if (!d) return null;
    const { evidence, updatedAt, ...fields } = d;
    // As much of the description as the summary shows.
    const description = fields.description == null ? null : clip(fields.description, SUMMARY_DESCRIPTION);
    const view: Partial<DraftView> = { ...fields, description, evidenceCount: evidence.length, updatedAt: updatedAt.toISOString() };
    return Object.fromEntries(Object.entries(view).filter(([, v]) => v != null && v !== 0));
  });
  return given && { ...EMPTY, ...given };
}

export async function save(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView, patch: Partial<DraftFields>): Promise<DraftView> {
  // Only plain data may come out of `external` (it is stored): the saved row stays outside.
  await conversation.external(async () => {
    await ctx.services.reportCitizen.saveDraft(citizenId, patch);
  });
  return { ...draft, ...patch };
}

/** The draft as the flow's steps and summary go through it (draftSteps, bot/flow-kit.ts). */
export const REPORT_DRAFT: DraftModel<DraftView, Step> = { empty: EMPTY, missing, load: loadDraft };
