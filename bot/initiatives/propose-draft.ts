// The propose conversation's draft as the conversation keeps it (plain data, since `external` results are stored:
// ids, flags and the texts clipped to what the summary shows), the step it still lacks, and reading and saving it
// answer by answer through core (services.initiatives.drafts), which checks every answer again.
import type { FlowContext } from '../context.ts';
import { clip, type DraftModel, type Flow } from '../flow-kit.ts';

/** The characters of a long text the summary shows. */
export const SUMMARY_TEXT = 400;

export const STEPS = ['who', 'title', 'description', 'place', 'location', 'area', 'why', 'help', 'name'] as const;
export type Step = (typeof STEPS)[number];

export interface DraftView {
  /** a returned initiative being edited */
  initiativeId: number | null;
  /** '' for myself, null not asked */
  organisation: string | null;
  title: string | null;
  description: string | null;
  regionId: number | null;
  districtId: number | null;
  placeDone: boolean;
  hasPoint: boolean;
  address: string | null;
  areaId: number | null;
  justification: string | null;
  helpNeeded: string[];
  helpDone: boolean;
  showName: boolean | null;
  updatedAt: string;
}

export const EMPTY: DraftView = {
  initiativeId: null,
  organisation: null,
  title: null,
  description: null,
  regionId: null,
  districtId: null,
  placeDone: false,
  hasPoint: false,
  address: null,
  areaId: null,
  justification: null,
  helpNeeded: [],
  helpDone: false,
  showName: null,
  updatedAt: '',
};

export function missing(d: DraftView): Step | null {
  if (d.organisation == null) return 'who';
  if (!d.title) return 'title';
  if (!d.description) return 'description';
  if (d.regionId == null) return 'place';
  if (!d.placeDone) return 'location';
  if (d.areaId == null) return 'area';
  if (!d.justification) return 'why';
  if (!d.helpDone) return 'help';
  if (d.showName == null) return 'name';
  return null;
}

/** Did the citizen answer anything yet (then the next entry offers to go on)? */
export const started = (d: DraftView) => missing(d) !== 'who' || d.initiativeId != null;

export const header = (ctx: FlowContext, step: Step) => `<i>${ctx.t('initiatives-bot:flow.step', { n: STEPS.indexOf(step) + 1, total: STEPS.length })}</i>\n`;

export async function loadDraft(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<DraftView | null> {
  return conversation.external(async () => {
    const d = await ctx.services.initiatives.drafts.getDraft(citizenId);
    if (!d) return null;
    const text = (s: string | null) => (s == null ? null : clip(s, SUMMARY_TEXT));
    return {
      initiativeId: d.initiativeId,
      organisation: d.organisation,
      title: d.title,
      description: text(d.description),
      regionId: d.regionId,
      districtId: d.districtId,
      placeDone: d.placeDone,
      hasPoint: d.lat != null,
      address: d.address,
      areaId: d.areaId,
      justification: text(d.justification),
      helpNeeded: [...d.helpNeeded],
      helpDone: d.helpDone,
      showName: d.showName,
      updatedAt: d.updatedAt.toISOString(),
    } satisfies DraftView;
  });
}

/** The draft as the flow's steps and summary go through it (draftSteps, bot/flow-kit.ts). */
export const PROPOSE_DRAFT: DraftModel<DraftView, Step> = { empty: EMPTY, missing, load: loadDraft };
