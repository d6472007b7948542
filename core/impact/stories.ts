// Stories of change, the citizen's side (Most Significant Change, seed 000 3.1): the bot's conversation saves
// each answer to the draft at once, so /cancel keeps it and the next entry resumes. One submitted story per
// call and citizen; /mydata changes consent or withdraws; /deletedata erases (storyPersonalData).
import type { ChangeStory, PrismaClient, StoryCall } from '../../generated/prisma/client.ts';
import type { StoryConsent } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import type { ImpactFiles } from './impact-files.ts';
import { checkVoice, hasContent, publicName, storyPeriod, storyText, WHY_MAX } from './story-rules.ts';

export interface CallForCitizen {
  call: StoryCall;
  project: { id: number; nameKk: string; nameRu: string };
}

const citizenActor = (citizenId: number) => ({ type: 'citizen' as const, id: citizenId });

export function createStories({ prisma, now, files }: { prisma: PrismaClient; now: () => Date; files: ImpactFiles }) {
  async function openCall(tx: Tx, callId: number): Promise<CallForCitizen> {
    const call = await tx.storyCall.findUnique({ where: { id: callId }, include: { project: { select: { id: true, nameKk: true, nameRu: true } } } });
    if (!call) throw notFound('impact.call_not_found');
    const at = now();
    if (call.opensAt > at || call.closesAt <= at) throw conflict('impact.call_closed');
    const { project, ...rest } = call;
    return { call: rest, project };
  }

  async function own(tx: Tx, citizenId: number, storyId: number): Promise<ChangeStory> {
    const s = await tx.changeStory.findUnique({ where: { id: storyId } });
    if (!s || s.citizenId !== citizenId) throw notFound('impact.story_not_found');
    return s;
  }

  async function draftOf(tx: Tx, citizenId: number, storyId: number): Promise<ChangeStory> {
    const s = await own(tx, citizenId, storyId);
    if (s.status !== 'draft') throw conflict('impact.story_submitted');
    return s;
  }

  return {
    /** The call behind t.me/<bot>?start=story_<code>, if open. */
    async callByCode(code: string): Promise<CallForCitizen> {
      const call = await prisma.storyCall.findUnique({ where: { inviteCode: code } });
      if (!call) throw notFound('impact.call_not_found');
      return openCall(prisma, call.id);
    },

    call: (callId: number) => openCall(prisma, callId),

    /**
     * Starts or resumes the citizen's story for a call: the existing draft, or a new one. A citizen who came by
     * the link and is not yet a beneficiary becomes one (source invitation), as a poll link does. Refused once
     * their story for the call is submitted.
     */
    async start(citizenId: number, callId: number, locale: string): Promise<{ story: ChangeStory; resumed: boolean } & CallForCitizen> {
      return prisma.$transaction(async (tx) => {
        const c = await openCall(tx, callId);
        const existing = await tx.changeStory.findUnique({ where: { callId_citizenId: { callId, citizenId } } });
        if (existing && existing.status !== 'draft') throw conflict('impact.story_already');
        if (existing) return { ...c, story: existing, resumed: hasContent(existing) };
        await tx.projectBeneficiary.upsert({
          where: { projectId_citizenId: { projectId: c.project.id, citizenId } },
          create: { projectId: c.project.id, citizenId, source: 'invitation', joinedAt: now() },
          update: {},
        });
        const story = await tx.changeStory.create({ data: { projectId: c.project.id, callId, citizenId, locale: locale === 'kk' ? 'kk' : 'ru' } });
        return { ...c, story, resumed: false };
      });
    },

    /** The citizen's draft for a call, if any (the bot's "continue?" offer). */
    draft: (citizenId: number, callId: number) => prisma.changeStory.findFirst({ where: { callId, citizenId, status: 'draft' } }),

    async saveText(citizenId: number, storyId: number, text: string): Promise<ChangeStory> {
      const t = storyText(text);
      await draftOf(prisma, citizenId, storyId);
      return prisma.changeStory.update({ where: { id: storyId }, data: { text: t, voiceFileId: null, voiceUniqueId: null, voiceSeconds: null } });
    },

    async saveVoice(
      citizenId: number,
      storyId: number,
      voice: { fileId: string; uniqueId: string; seconds: number; size?: number | null },
    ): Promise<ChangeStory> {
      checkVoice(voice);
      await draftOf(prisma, citizenId, storyId);
      return prisma.changeStory.update({
        where: { id: storyId },
        data: { text: null, voiceFileId: voice.fileId, voiceUniqueId: voice.uniqueId, voiceSeconds: voice.seconds },
      });
    },

    /** MSC's second question, optional: null when skipped. */
    async saveWhy(citizenId: number, storyId: number, why: string | null): Promise<ChangeStory> {
      const w = why?.trim() || null;
      if (w && w.length > WHY_MAX) throw invalid('impact.text_long', { max: WHY_MAX });
      await draftOf(prisma, citizenId, storyId);
      return prisma.changeStory.update({ where: { id: storyId }, data: { whyText: w } });
    },

    async saveConsent(citizenId: number, storyId: number, consent: StoryConsent, name?: string | null): Promise<ChangeStory> {
      const shown = publicName(consent, name);
      await draftOf(prisma, citizenId, storyId);
      return prisma.changeStory.update({ where: { id: storyId }, data: { consent, publicName: shown } });
    },

    async submit(citizenId: number, storyId: number): Promise<ChangeStory> {
      return prisma.$transaction(async (tx) => {
        const s = await draftOf(tx, citizenId, storyId);
        if (!hasContent(s)) throw invalid('impact.story_empty');
        if (!s.consent) throw invalid('impact.consent_required');
        if (s.callId) await openCall(tx, s.callId);
        const at = now();
        const after = await tx.changeStory.update({ where: { id: storyId }, data: { status: 'submitted', submittedAt: at, periodKey: storyPeriod(at) } });
        await recordAudit(tx, citizenActor(citizenId), {
          action: 'impact.story_submit',
          entity: 'change_story',
          entityId: storyId,
          after: { consent: s.consent },
        });
        return after;
      });
    },

    /** The citizen's submitted stories, for /mydata. */
    mine: (citizenId: number) =>
      prisma.changeStory.findMany({
        where: { citizenId, status: 'submitted' },
        include: { project: { select: { nameKk: true, nameRu: true } } },
        orderBy: { submittedAt: 'desc' },
      }),

    /** Consent changed later (/mydata): a story no longer to be published leaves the portal at once. */
    async changeConsent(citizenId: number, storyId: number, consent: StoryConsent, name?: string | null): Promise<ChangeStory> {
      const shown = publicName(consent, name);
      return prisma.$transaction(async (tx) => {
        const s = await own(tx, citizenId, storyId);
        if (s.status !== 'submitted') throw forbidden('impact.story_not_submitted');
        const unpublish = consent === 'private' ? { publishedAt: null, publishedText: null, publishedById: null } : {};
        const after = await tx.changeStory.update({ where: { id: storyId }, data: { consent, publicName: shown, ...unpublish } });
        await recordAudit(tx, citizenActor(citizenId), {
          action: 'impact.story_consent',
          entity: 'change_story',
          entityId: storyId,
          before: { consent: s.consent },
          after: { consent },
        });
        return after;
      });
    },

    /** Withdraws a story: staff no longer see its words and the portal drops it. */
    async withdraw(citizenId: number, storyId: number): Promise<void> {
      const path = await prisma.$transaction(async (tx) => {
        const s = await own(tx, citizenId, storyId);
        await tx.changeStory.update({ where: { id: storyId }, data: erased(now()) });
        await recordAudit(tx, citizenActor(citizenId), { action: 'impact.story_withdraw', entity: 'change_story', entityId: storyId });
        return s.voicePath;
      });
      await files.remove(path);
    },
  };
}

export const erased = (at: Date) => ({
  status: 'withdrawn' as const,
  withdrawnAt: at,
  text: null,
  whyText: null,
  voiceFileId: null,
  voiceUniqueId: null,
  voicePath: null,
  publicName: null,
  transcript: null,
  publishedText: null,
  publishedAt: null,
  publishedById: null,
});
