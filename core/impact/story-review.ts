// Stories of change, the staff's side: calls to a project's beneficiaries, the review list, the choice of the
// most significant stories per period with a reason (as MSC prescribes), and publication only with the
// teller's consent and a text staff checked (a voice needs its transcript typed; no third party named).
import { randomBytes } from 'node:crypto';
import type { ChangeStory, PrismaClient, StoryCall, StorySelection } from '../../generated/prisma/client.ts';
import type { StoryStatus } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { localDate } from '../calendar/local-time.ts';
import { isPeriodKey } from '../calendar/periods.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { optional, text } from './framework-rules.ts';
import type { ImpactFiles } from './impact-files.ts';
import { impactProject, inProject } from './impact-scope.ts';
import { REASON_MAX, REASON_MIN, STORY_TEXT_MAX } from './story-rules.ts';

export interface CallInput {
  promptKk: string;
  promptRu: string;
  opensAt: Date;
  closesAt: Date;
}

export type StoryForStaff = ChangeStory & { selections: StorySelection[] };

export function createStoryReview({ prisma, now, files }: { prisma: PrismaClient; now: () => Date; files: ImpactFiles }) {
  const storyOf = async (staff: StaffPrincipal, id: number) =>
    inProject(prisma, staff, await prisma.changeStory.findUnique({ where: { id } }), 'impact.story_not_found');

  return {
    async createCall(actor: Actor, staff: StaffPrincipal, projectId: number, input: CallInput): Promise<StoryCall> {
      if (!(input.closesAt > input.opensAt)) throw invalid('impact.bad_call_dates');
      return prisma.$transaction(async (tx) => {
        await impactProject(tx, staff, projectId);
        const call = await tx.storyCall.create({
          data: {
            projectId,
            promptKk: optional(input.promptKk, 1000),
            promptRu: optional(input.promptRu, 1000),
            inviteCode: randomBytes(9).toString('base64url'),
            opensAt: input.opensAt,
            closesAt: input.closesAt,
            createdById: staff.id,
          },
        });
        await recordAudit(tx, actor, { action: 'impact.call_create', entity: 'social_project', entityId: projectId, after: call });
        return call;
      });
    },

    async calls(staff: StaffPrincipal, projectId: number) {
      await impactProject(prisma, staff, projectId);
      return prisma.storyCall.findMany({
        where: { projectId },
        orderBy: { opensAt: 'desc' },
        include: { _count: { select: { invitations: true, stories: { where: { status: 'submitted' } } } } },
      });
    },

    /** "Send to all beneficiaries": the impact-story-calls job then invites each once, in batches. */
    async requestSend(actor: Actor, staff: StaffPrincipal, callId: number): Promise<StoryCall> {
      return prisma.$transaction(async (tx) => {
        const { row } = await inProject(tx, staff, await tx.storyCall.findUnique({ where: { id: callId } }), 'impact.call_not_found');
        if (row.closesAt <= now()) throw conflict('impact.call_closed');
        if (row.sendRequestedAt) return row;
        const after = await tx.storyCall.update({ where: { id: callId }, data: { sendRequestedAt: now() } });
        await recordAudit(tx, actor, { action: 'impact.call_send', entity: 'story_call', entityId: callId });
        return after;
      });
    },

    /** Submitted (and withdrawn, shown as erased) stories of a project, optionally of one quarter. */
    async list(staff: StaffPrincipal, projectId: number, q: { period?: string; status?: StoryStatus } = {}): Promise<StoryForStaff[]> {
      await impactProject(prisma, staff, projectId);
      if (q.period && !isPeriodKey(q.period)) throw invalid('impact.bad_period');
      return prisma.changeStory.findMany({
        where: { projectId, status: q.status ?? { in: ['submitted', 'withdrawn'] }, ...(q.period ? { periodKey: q.period } : {}) },
        include: { selections: { orderBy: { selectedAt: 'asc' } } },
        orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      });
    },

    /** Chooses a story as most significant for a period, with the reason (required, a sentence at least). */
    async select(actor: Actor, staff: StaffPrincipal, storyId: number, input: { periodKey: string; reason: string }): Promise<StorySelection> {
      const { row: story } = await storyOf(staff, storyId);
      if (story.status !== 'submitted') throw conflict('impact.story_not_submitted');
      if (!isPeriodKey(input.periodKey)) throw invalid('impact.bad_period');
      const reason = text(input.reason, 'impact.reason_required', REASON_MAX);
      if (reason.length < REASON_MIN) throw invalid('impact.reason_short', { min: REASON_MIN });
      return prisma.$transaction(async (tx) => {
        const before = await tx.storySelection.findUnique({ where: { storyId_periodKey: { storyId, periodKey: input.periodKey } } });
        const data = { reason, selectedById: staff.id, selectedAt: now() };
        const after = await tx.storySelection.upsert({
          where: { storyId_periodKey: { storyId, periodKey: input.periodKey } },
          create: { storyId, projectId: story.projectId, periodKey: input.periodKey, ...data },
          update: data,
        });
        await recordAudit(tx, actor, { action: 'impact.story_select', entity: 'change_story', entityId: storyId, before: before ?? undefined, after });
        return after;
      });
    },

    async unselect(actor: Actor, staff: StaffPrincipal, storyId: number, periodKey: string): Promise<void> {
      await storyOf(staff, storyId);
      await prisma.$transaction(async (tx) => {
        const before = await tx.storySelection.findUnique({ where: { storyId_periodKey: { storyId, periodKey } } });
        if (!before) throw notFound('impact.selection_not_found');
        await tx.storySelection.delete({ where: { id: before.id } });
        await recordAudit(tx, actor, { action: 'impact.story_unselect', entity: 'change_story', entityId: storyId, before });
      });
    },

    /** Publishes on the portal: only with consent, and with a text staff checked names no third party. */
    async publish(
      actor: Actor,
      staff: StaffPrincipal,
      storyId: number,
      input: { publishedText: string; noThirdParties: boolean; transcript?: string | null },
    ): Promise<ChangeStory> {
      const { row: story } = await storyOf(staff, storyId);
      if (story.status !== 'submitted') throw conflict('impact.story_not_submitted');
      if (story.consent !== 'anonymous' && story.consent !== 'named') throw conflict('impact.no_consent');
      if (!input.noThirdParties) throw invalid('impact.third_parties');
      const transcript = input.transcript?.trim() || story.transcript;
      if (story.voiceFileId && !transcript) throw invalid('impact.transcript_required');
      const publishedText = text(input.publishedText, 'impact.published_text_required', STORY_TEXT_MAX);
      return prisma.$transaction(async (tx) => {
        const after = await tx.changeStory.update({
          where: { id: storyId },
          data: { publishedText, transcript: transcript ?? null, publishedAt: now(), publishedById: staff.id },
        });
        await recordAudit(tx, actor, { action: 'impact.story_publish', entity: 'change_story', entityId: storyId, after: { publishedText } });
        return after;
      });
    },

    async unpublish(actor: Actor, staff: StaffPrincipal, storyId: number): Promise<ChangeStory> {
      await storyOf(staff, storyId);
      return prisma.$transaction(async (tx) => {
        const after = await tx.changeStory.update({ where: { id: storyId }, data: { publishedAt: null, publishedById: null } });
        await recordAudit(tx, actor, { action: 'impact.story_unpublish', entity: 'change_story', entityId: storyId });
        return after;
      });
    },

    /** The voice of a story, fetched from Telegram once and kept under STORAGE_DIR/stories/. */
    async voice(staff: StaffPrincipal, storyId: number): Promise<Buffer> {
      const { row } = await storyOf(staff, storyId);
      if (!row.voiceFileId) throw notFound('impact.no_voice');
      if (row.voicePath) return files.read(row.voicePath);
      const stored = await files.fetchVoice(row.id, row.voiceFileId);
      await prisma.changeStory.update({ where: { id: row.id }, data: { voicePath: stored } });
      return files.read(stored);
    },

    /** The public feed (no sign-in): the published text, the project, the month; the name only when named. */
    async publicFeed(q: { projectId?: number; stateBodyId?: number; limit?: number }) {
      const rows = await prisma.changeStory.findMany({
        where: {
          status: 'submitted',
          publishedAt: { not: null },
          consent: { in: ['anonymous', 'named'] },
          project: { status: { not: 'draft' }, ...(q.projectId ? { id: q.projectId } : {}), ...(q.stateBodyId ? { stateBodyId: q.stateBodyId } : {}) },
        },
        include: { project: { select: { id: true, nameKk: true, nameRu: true } } },
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        take: Math.min(q.limit ?? 50, 100),
      });
      return rows.map((s) => ({
        text: s.publishedText ?? '',
        projectId: s.project.id,
        projectNameKk: s.project.nameKk,
        projectNameRu: s.project.nameRu,
        month: localDate(s.submittedAt ?? s.publishedAt!).slice(0, 7),
        publicName: s.consent === 'named' ? s.publicName : null,
      }));
    },
  };
}
