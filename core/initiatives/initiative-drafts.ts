// Proposing an initiative in the bot: the draft saved answer by answer (each field checked as it is given, so the
// bot re-asks with the service's own reason), and sending it: a new proposal, or a returned one sent again.
// Each answer's checks are in initiative-draft-checks.ts; the daily number of proposals is checked here, at sending.
import type { i18n } from 'i18next';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { localDate, localMidnight, addDays } from '../calendar/local-time.ts';
import { conflict, invalid, notFound, tooMany } from '../errors.ts';
import { checkedPatch, missingField, type DraftPatch, type DraftPhoto, type InitiativeDraftView } from './initiative-draft-checks.ts';
import { INITIATIVES_PER_DAY } from './initiative-rules.ts';
import { nextStatus } from './initiative-status.ts';

interface Deps {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
  perDay?: number;
}

const view = (d: Prisma.InitiativeDraftGetPayload<object>): InitiativeDraftView => ({
  initiativeId: d.initiativeId,
  organisation: d.organisation,
  areaId: d.areaId,
  regionId: d.regionId,
  districtId: d.districtId,
  lat: d.lat,
  lon: d.lon,
  address: d.address,
  placeDone: d.placeDone,
  title: d.title,
  description: d.description,
  justification: d.justification,
  helpNeeded: d.helpNeeded,
  helpDone: d.helpDone,
  photos: (Array.isArray(d.photos) ? d.photos : []) as unknown as DraftPhoto[],
  photosDone: d.photosDone,
  showName: d.showName,
  updatedAt: d.updatedAt,
});

export function createInitiativeDrafts({ prisma, now, perDay = INITIATIVES_PER_DAY }: Deps) {
  return {
    async getDraft(citizenId: number): Promise<InitiativeDraftView | null> {
      const d = await prisma.initiativeDraft.findUnique({ where: { citizenId } });
      return d ? view(d) : null;
    },

    /**
     * Starts a draft: an empty one, or (editing) one filled from the citizen's own returned initiative. An existing
     * draft for the same purpose is kept (the bot offers to continue it).
     */
    async startDraft(citizenId: number, initiativeId: number | null = null): Promise<InitiativeDraftView> {
      const existing = await prisma.initiativeDraft.findUnique({ where: { citizenId } });
      if (existing && existing.initiativeId === initiativeId) return view(existing);
      if (initiativeId == null) {
        const d = await prisma.initiativeDraft.upsert({ where: { citizenId }, create: { citizenId }, update: EMPTY });
        return view(d);
      }
      const ini = await prisma.initiative.findUnique({ where: { id: initiativeId }, include: { photos: { where: { updateId: null } } } });
      if (!ini || ini.citizenId !== citizenId) throw notFound('initiative.not_found');
      if (ini.status !== 'returned') throw conflict('initiative.not_returned');
      const filled = {
        initiativeId,
        organisation: ini.organisation ?? '',
        areaId: ini.areaId,
        regionId: ini.regionId,
        districtId: ini.districtId,
        lat: ini.lat,
        lon: ini.lon,
        address: ini.address,
        placeDone: true,
        title: ini.title,
        description: ini.description,
        justification: ini.justification,
        helpNeeded: ini.helpNeeded,
        helpDone: true,
        photos: ini.photos
          .filter((p) => p.telegramFileId)
          .map((p) => ({ fileId: p.telegramFileId, width: p.width, height: p.height })) as Prisma.InputJsonValue,
        photosDone: true,
        showName: ini.showName,
      };
      const d = await prisma.initiativeDraft.upsert({ where: { citizenId }, create: { citizenId, ...filled }, update: filled });
      return view(d);
    },

    /** Saves one or more answers (checked); answers "no draft" when there is none. */
    async saveDraft(citizenId: number, patch: DraftPatch): Promise<InitiativeDraftView> {
      const d = await prisma.initiativeDraft.findUnique({ where: { citizenId } });
      if (!d) throw notFound('initiative.no_draft');
      const data = await checkedPatch(prisma, patch, d);
      return view(await prisma.initiativeDraft.update({ where: { citizenId }, data }));
    },

    async discardDraft(citizenId: number): Promise<void> {
      await prisma.initiativeDraft.deleteMany({ where: { citizenId } });
    },

    /**
     * Sends the draft to the moderators: a new proposal (at most `perDay` a local day per citizen), or the
     * author's returned initiative again (resubmitted). The draft goes; the citizen's language is recorded.
     */
    async submit(citizenId: number, language: string): Promise<{ id: number; resubmitted: boolean }> {
      const at = now();
      return prisma.$transaction(async (tx) => {
        const d = await tx.initiativeDraft.findUnique({ where: { citizenId } });
        if (!d) throw notFound('initiative.no_draft');
        const missing = missingField(d);
        if (missing) throw invalid('initiative.draft_incomplete', { field: missing });
        const content = {
          organisation: d.organisation || null,
          showName: d.showName ?? false,
          language: language === 'kk' ? 'kk' : 'ru',
          title: d.title!,
          description: d.description!,
          justification: d.justification!,
          areaId: d.areaId!,
          regionId: d.regionId!,
          districtId: d.districtId,
          lat: d.lat,
          lon: d.lon,
          address: d.address,
          helpNeeded: d.helpNeeded,
        };
        const photos = (Array.isArray(d.photos) ? d.photos : []) as unknown as DraftPhoto[];
        let id: number;
        let resubmitted = false;
        if (d.initiativeId != null) {
          const ini = await tx.initiative.findUnique({ where: { id: d.initiativeId } });
          if (!ini || ini.citizenId !== citizenId) throw notFound('initiative.not_found');
          const to = nextStatus(ini.status, 'resubmit');
          await tx.initiative.update({ where: { id: ini.id }, data: { ...content, status: to, submittedAt: at, reasonCode: null, reasonNote: null } });
          await tx.initiativePhoto.deleteMany({ where: { initiativeId: ini.id, updateId: null } });
          await tx.initiativeEvent.create({
            data: { initiativeId: ini.id, at, actorType: 'citizen', actorId: String(citizenId), type: 'resubmitted', fromStatus: ini.status, toStatus: to },
          });
          id = ini.id;
          resubmitted = true;
        } else {
          const today = localDate(at);
          const sent = await tx.initiative.count({
            where: { citizenId, submittedAt: { gte: localMidnight(today), lt: localMidnight(addDays(today, 1)) } },
          });
          if (sent >= perDay) throw tooMany('initiative.daily_limit', { limit: perDay });
          const ini = await tx.initiative.create({ data: { ...content, citizenId, submittedAt: at } });
          await tx.initiativeEvent.create({
            data: { initiativeId: ini.id, at, actorType: 'citizen', actorId: String(citizenId), type: 'submitted', toStatus: 'proposed' },
          });
          id = ini.id;
        }
        if (photos.length > 0) {
          await tx.initiativePhoto.createMany({
            data: photos.map((p) => ({
              initiativeId: id,
              telegramFileId: p.fileId,
              mimeType: 'image/jpeg',
              width: p.width ?? null,
              height: p.height ?? null,
              fileSize: p.fileSize ?? null,
              createdAt: at,
            })),
          });
        }
        await tx.initiativeDraft.delete({ where: { citizenId } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          {
            action: resubmitted ? 'initiative.resubmit' : 'initiative.submit',
            entity: 'initiative',
            entityId: id,
            after: { ...content, photos: photos.length },
          },
        );
        return { id, resubmitted };
      });
    },
  };
}

const EMPTY = {
  initiativeId: null,
  organisation: null,
  areaId: null,
  regionId: null,
  districtId: null,
  lat: null,
  lon: null,
  address: null,
  placeDone: false,
  title: null,
  description: null,
  justification: null,
  helpNeeded: [],
  helpDone: false,
  photos: [],
  photosDone: false,
  showName: null,
} satisfies Prisma.InitiativeDraftUpdateInput;
