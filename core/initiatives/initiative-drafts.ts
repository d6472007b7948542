// Proposing an initiative in the bot: the draft saved answer by answer (each field checked as it is given, so the
// bot re-asks with the service's own reason), and sending it: a new proposal, or a returned one sent again.
// The checks are the refusals a citizen may meet: a text too short or too long, a district of another region,
// a point outside Kazakhstan, no help chosen, more than the daily number of proposals.
import type { i18n } from 'i18next';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { InitiativeHelp } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { localDate, localMidnight, addDays } from '../calendar/local-time.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound, tooMany } from '../errors.ts';
import { insideKazakhstan } from '../reports/kazakhstan-border.ts';
import {
  checkDescription,
  checkJustification,
  checkOrganisation,
  checkTitle,
  HELP_KINDS,
  INITIATIVE_ADDRESS_MAX,
  INITIATIVE_PHOTOS_MAX,
  INITIATIVES_PER_DAY,
} from './initiative-rules.ts';
import { nextStatus } from './initiative-status.ts';

export interface DraftPhoto {
  fileId: string;
  width?: number | null;
  height?: number | null;
  fileSize?: number | null;
}

export interface InitiativeDraftView {
  initiativeId: number | null;
  /** '' = for myself, null = not asked yet */
  organisation: string | null;
  areaId: number | null;
  regionId: number | null;
  districtId: number | null;
  lat: number | null;
  lon: number | null;
  address: string | null;
  placeDone: boolean;
  title: string | null;
  description: string | null;
  justification: string | null;
  helpNeeded: InitiativeHelp[];
  helpDone: boolean;
  photos: DraftPhoto[];
  photosDone: boolean;
  showName: boolean | null;
  updatedAt: Date;
}

/** One or more answers; each given field is checked and saved at once. */
export interface DraftPatch {
  organisation?: string | null;
  areaId?: number;
  regionId?: number;
  districtId?: number | null;
  /** a point, or null to clear it */
  point?: { lat: number; lon: number } | null;
  address?: string | null;
  placeDone?: boolean;
  title?: string;
  description?: string;
  justification?: string;
  helpNeeded?: InitiativeHelp[];
  helpDone?: boolean;
  photos?: DraftPhoto[];
  photosDone?: boolean;
  showName?: boolean;
}

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

/** The checked columns of a patch; refuses the first bad field with its reason. */
export async function checkedPatch(
  db: Tx,
  patch: DraftPatch,
  current: { regionId: number | null; helpNeeded: InitiativeHelp[] },
): Promise<Prisma.InitiativeDraftUncheckedUpdateInput> {
  const data: Prisma.InitiativeDraftUncheckedUpdateInput = {};
  if (patch.organisation !== undefined)
    data.organisation = patch.organisation === null || patch.organisation.trim() === '' ? '' : checkOrganisation(patch.organisation);
  if (patch.areaId !== undefined) {
    if (!(await db.area.findUnique({ where: { id: patch.areaId }, select: { id: true } }))) throw invalid('initiative.bad_area');
    data.areaId = patch.areaId;
  }
  const regionId = patch.regionId ?? current.regionId;
  if (patch.regionId !== undefined) {
    if (!(await db.region.findUnique({ where: { id: patch.regionId }, select: { id: true } }))) throw invalid('initiative.bad_region');
    data.regionId = patch.regionId;
    if (patch.districtId === undefined) data.districtId = null;
  }
  if (patch.districtId !== undefined) {
    if (patch.districtId !== null) {
      const d = await db.district.findUnique({ where: { id: patch.districtId }, select: { regionId: true } });
      // "Out of scope" for a place: a district of another region than the one chosen.
      if (!d || d.regionId !== regionId) throw invalid('initiative.district_out_of_region');
    }
    data.districtId = patch.districtId;
  }
  if (patch.point !== undefined) {
    if (patch.point && !insideKazakhstan(patch.point.lat, patch.point.lon)) throw invalid('initiative.point_outside');
    data.lat = patch.point?.lat ?? null;
    data.lon = patch.point?.lon ?? null;
  }
  if (patch.address !== undefined) {
    const a = patch.address?.trim() || null;
    if (a && a.length > INITIATIVE_ADDRESS_MAX) throw invalid('initiative.address_long', { max: INITIATIVE_ADDRESS_MAX, len: a.length });
    data.address = a;
  }
  if (patch.placeDone !== undefined) data.placeDone = patch.placeDone;
  if (patch.title !== undefined) data.title = checkTitle(patch.title);
  if (patch.description !== undefined) data.description = checkDescription(patch.description);
  if (patch.justification !== undefined) data.justification = checkJustification(patch.justification);
  if (patch.helpNeeded !== undefined) {
    if (patch.helpNeeded.some((h) => !(HELP_KINDS as readonly string[]).includes(h))) throw invalid('initiative.bad_help');
    data.helpNeeded = [...new Set(patch.helpNeeded)];
  }
  if (patch.helpDone !== undefined) {
    // "What help does it need?" is answered with at least one kind (seed 002 L837).
    if (patch.helpDone && (patch.helpNeeded ?? current.helpNeeded).length === 0) throw invalid('initiative.help_required');
    data.helpDone = patch.helpDone;
  }
  if (patch.photos !== undefined) {
    if (patch.photos.length > INITIATIVE_PHOTOS_MAX) throw invalid('initiative.photos_many', { max: INITIATIVE_PHOTOS_MAX });
    data.photos = patch.photos as unknown as Prisma.InputJsonValue;
  }
  if (patch.photosDone !== undefined) data.photosDone = patch.photosDone;
  if (patch.showName !== undefined) data.showName = patch.showName;
  return data;
}

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

/** The first answer a draft still lacks (the bot's step order), or null when it can be sent. */
export function missingField(d: {
  organisation: string | null;
  areaId: number | null;
  regionId: number | null;
  placeDone: boolean;
  title: string | null;
  description: string | null;
  justification: string | null;
  helpNeeded: InitiativeHelp[];
  helpDone: boolean;
  showName: boolean | null;
}): string | null {
  if (d.organisation === null) return 'organisation';
  if (d.areaId === null) return 'area';
  if (d.regionId === null) return 'region';
  if (!d.placeDone) return 'place';
  if (!d.title) return 'title';
  if (!d.description) return 'description';
  if (!d.justification) return 'justification';
  if (!d.helpDone || d.helpNeeded.length === 0) return 'help';
  if (d.showName === null) return 'name';
  return null;
}
