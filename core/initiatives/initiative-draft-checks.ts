// The checks a draft initiative's answers pass (the refusals a citizen may meet: a text too short or too long, a
// district of another region, a point outside Kazakhstan, no help chosen) and the first answer a draft still lacks;
// separate from the draft store (initiative-drafts.ts) so each stays small.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { InitiativeHelp } from '../../generated/prisma/enums.ts';
import type { Tx } from '../db/tx.ts';
import { invalid } from '../errors.ts';
import { insideKazakhstan } from '../reports/kazakhstan-border.ts';
import {
  checkDescription,
  checkJustification,
  checkOrganisation,
  checkTitle,
  HELP_KINDS,
  INITIATIVE_ADDRESS_MAX,
  INITIATIVE_PHOTOS_MAX,
} from './initiative-rules.ts';

export interface DraftPhoto {
  fileId: string;
  width?: number | null;
  height?: number | null;
  fileSize?: number | null;
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

/** A draft as the bot and the service see it (the answers so far). */
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

/** The first answer a draft still lacks (the bot's step order), or null when it can be sent. */
export function missingField(
  d: Pick<
    InitiativeDraftView,
    'organisation' | 'areaId' | 'regionId' | 'placeDone' | 'title' | 'description' | 'justification' | 'helpNeeded' | 'helpDone' | 'showName'
  >,
): string | null {
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
