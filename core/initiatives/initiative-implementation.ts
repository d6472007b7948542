// Carrying an initiative out (project managers in their region and district): taking it on (the lead implementer:
// an NGO, an initiative group, the akimat, an Azamat social project or a business), partners, patrons and their
// contributions, dated progress updates with a percentage (followers hear each), photos (staff may withhold one),
// marking it implemented (the result in kk and ru, people served; followers and volunteers are asked to rate it)
// and closing it with a reason. Every change is an event and an audit entry.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { InitiativeActorKind, PatronContribution } from '../../generated/prisma/enums.ts';
import type { Actor } from '../audit/audit-log.ts';
import { formatLocalDate, isDateString, localMidnight } from '../calendar/local-time.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { INITIATIVE, INITIATIVE_IMPLEMENTERS } from './initiative-access.ts';
import { recordChange } from './initiative-events.ts';
import { reasonText, tellNews } from './initiative-notify.ts';
import { ACTOR_KINDS, checkedText, checkPublicText, CLOSE_REASONS, CONTRIBUTIONS, INITIATIVE_NAME_MAX, type CloseReason } from './initiative-rules.ts';
import { nextStatus, WORKING_STATUSES } from './initiative-status.ts';

interface Deps {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
  changed?: (initiativeId: number) => void;
}

export interface PartnerInput {
  kind: InitiativeActorKind;
  name: string;
  bin?: string | null;
  role?: string | null;
}

export interface TakeInput extends PartnerInput {
  /** an Azamat social project that took it on (kind social_project), in the caller's scope */
  projectId?: number | null;
}

export interface PatronInput {
  name: string;
  isPerson: boolean;
  /** named publicly only with their consent */
  public: boolean;
  contribution: PatronContribution;
  amountTenge?: number | null;
  description?: string | null;
}

export interface UpdateInput {
  /** yyyy-mm-dd, Almaty */
  heldOn: string;
  percent: number;
  textKk: string;
  textRu: string;
}

export interface PhotoInput {
  storedPath?: string | null;
  telegramFileId?: string | null;
  mimeType: string;
  width?: number | null;
  height?: number | null;
  fileSize?: number | null;
}

export interface ImplementedInput {
  resultKk: string;
  resultRu: string;
  servedCount: number;
  /** yyyy-mm-dd, Almaty; not in the future */
  implementedOn: string;
}

export interface CloseInput {
  reasonCode: CloseReason;
  noteKk: string;
  noteRu: string;
}

const BIN = /^\d{12}$/;

function checkedPartner(x: PartnerInput) {
  if (!(ACTOR_KINDS as readonly string[]).includes(x.kind)) throw invalid('initiative.bad_actor_kind');
  const bin = x.bin?.trim() || null;
  if (bin && !BIN.test(bin)) throw invalid('initiative.bad_bin');
  return { kind: x.kind, name: checkedText('partner_name', x.name, 2, INITIATIVE_NAME_MAX), bin, role: x.role?.trim() || null };
}

function checkedDay(day: string, now: Date): Date {
  if (!isDateString(day)) throw invalid('initiative.bad_date');
  const d = localMidnight(day);
  if (d.getTime() > now.getTime()) throw invalid('initiative.date_future');
  return new Date(`${day}T00:00:00.000Z`);
}

export function createInitiativeImplementation({ prisma, i18n, now, changed }: Deps) {
  /** Loads the initiative in the caller's scope as an implementer, inside `fn`'s transaction. */
  async function work<T>(
    p: StaffPrincipal,
    id: number,
    fn: (tx: Tx, ini: Awaited<ReturnType<typeof INITIATIVE.load>> & object, at: Date) => Promise<T>,
  ): Promise<T> {
    requireRole(p, INITIATIVE_IMPLEMENTERS);
    const at = now();
    const out = await prisma.$transaction(async (tx) => fn(tx, await loadInScope(tx, p, INITIATIVE, id), at));
    changed?.(id);
    return out;
  }

  const working = (status: string) => {
    if (!(WORKING_STATUSES as readonly string[]).includes(status)) throw conflict('initiative.not_working', { status });
  };

  return {
    /** published → in progress: the lead implementer; followers and the author hear who took it on. */
    take: (actor: Actor, p: StaffPrincipal, id: number, x: TakeInput) =>
      work(p, id, async (tx, ini, at) => {
        const to = nextStatus(ini.status, 'take');
        const lead = checkedPartner(x);
        let projectId: number | null = null;
        if (x.projectId != null) {
          const project = await tx.socialProject.findUnique({ where: { id: x.projectId }, select: { id: true, regionId: true } });
          if (!project) throw invalid('initiative.bad_project');
          if (p.regionId != null && project.regionId !== p.regionId && !p.roles.includes('admin')) throw invalid('initiative.bad_project');
          projectId = project.id;
        }
        const partner = await tx.initiativePartner.create({ data: { initiativeId: id, ...lead, lead: true, createdById: p.id, createdAt: at } });
        await tx.initiative.update({ where: { id }, data: { status: to, startedAt: at, projectId } });
        const eventId = await recordChange(tx, actor, {
          initiativeId: id,
          at,
          type: 'taken',
          action: 'initiative.take',
          from: ini.status,
          to,
          data: { partnerId: partner.id, kind: lead.kind, name: lead.name, projectId },
        });
        await tellNews(tx, i18n, ini, 'taken', eventId, at, (_l, t) => ({ implementer: `${lead.name} (${t(`initiatives:actor.${lead.kind}`)})` }));
        return partner.id;
      }),

    addPartner: (actor: Actor, p: StaffPrincipal, id: number, x: PartnerInput) =>
      work(p, id, async (tx, ini, at) => {
        working(ini.status);
        const partner = await tx.initiativePartner.create({ data: { initiativeId: id, ...checkedPartner(x), createdById: p.id, createdAt: at } });
        await recordChange(tx, actor, {
          initiativeId: id,
          at,
          type: 'partner',
          action: 'initiative.partner',
          data: { partnerId: partner.id, kind: partner.kind, name: partner.name },
        });
        return partner.id;
      }),

    removePartner: (actor: Actor, p: StaffPrincipal, id: number, partnerId: number) =>
      work(p, id, async (tx, ini, at) => {
        working(ini.status);
        const partner = await tx.initiativePartner.findFirst({ where: { id: partnerId, initiativeId: id } });
        if (!partner) throw notFound('initiative.partner_not_found');
        if (partner.lead) throw conflict('initiative.lead_kept');
        await tx.initiativePartner.delete({ where: { id: partnerId } });
        await recordChange(tx, actor, { initiativeId: id, at, type: 'partner_removed', action: 'initiative.partner_remove', before: partner });
      }),

    addPatron: (actor: Actor, p: StaffPrincipal, id: number, x: PatronInput) =>
      work(p, id, async (tx, ini, at) => {
        working(ini.status);
        if (!(CONTRIBUTIONS as readonly string[]).includes(x.contribution)) throw invalid('initiative.bad_contribution');
        if (x.amountTenge != null && (!Number.isInteger(x.amountTenge) || x.amountTenge < 0)) throw invalid('initiative.bad_amount');
        if (x.contribution === 'money' && x.amountTenge == null) throw invalid('initiative.amount_required');
        const patron = await tx.initiativePatron.create({
          data: {
            initiativeId: id,
            name: checkedText('patron_name', x.name, 2, INITIATIVE_NAME_MAX),
            isPerson: x.isPerson,
            public: x.public,
            contribution: x.contribution,
            amountTenge: x.amountTenge ?? null,
            description: x.description?.trim() || null,
            recordedById: p.id,
            createdAt: at,
          },
        });
        await recordChange(tx, actor, {
          initiativeId: id,
          at,
          type: 'patron',
          action: 'initiative.patron',
          data: { patronId: patron.id, contribution: patron.contribution, amountTenge: x.amountTenge ?? null, public: patron.public },
        });
        return patron.id;
      }),

    removePatron: (actor: Actor, p: StaffPrincipal, id: number, patronId: number) =>
      work(p, id, async (tx, ini, at) => {
        working(ini.status);
        const patron = await tx.initiativePatron.findFirst({ where: { id: patronId, initiativeId: id } });
        if (!patron) throw notFound('initiative.patron_not_found');
        await tx.initiativePatron.delete({ where: { id: patronId } });
        await recordChange(tx, actor, {
          initiativeId: id,
          at,
          type: 'patron_removed',
          action: 'initiative.patron_remove',
          before: { ...patron, amountTenge: patron.amountTenge?.toString() ?? null },
        });
      }),

    /** A dated progress update in kk and ru; the percentage never goes down; followers hear it in their language. */
    addUpdate: (actor: Actor, p: StaffPrincipal, id: number, x: UpdateInput) =>
      work(p, id, async (tx, ini, at) => {
        if (ini.status !== 'in_progress') throw conflict('initiative.not_in_progress', { status: ini.status });
        if (!Number.isInteger(x.percent) || x.percent < 0 || x.percent > 100) throw invalid('initiative.bad_percent');
        if (x.percent < ini.progressPercent) throw invalid('initiative.percent_down', { last: ini.progressPercent });
        const heldOn = checkedDay(x.heldOn, at);
        const texts = { textKk: checkPublicText('update_kk', x.textKk), textRu: checkPublicText('update_ru', x.textRu) };
        const u = await tx.initiativeUpdate.create({ data: { initiativeId: id, heldOn, percent: x.percent, ...texts, createdById: p.id, createdAt: at } });
        await tx.initiative.update({ where: { id }, data: { progressPercent: x.percent } });
        const eventId = await recordChange(tx, actor, {
          initiativeId: id,
          at,
          type: 'update',
          action: 'initiative.update',
          data: { updateId: u.id, percent: x.percent, heldOn: x.heldOn },
        });
        await tellNews(tx, i18n, ini, 'update', eventId, at, (locale) => ({
          percent: x.percent,
          date: formatLocalDate(localMidnight(x.heldOn)),
          text: locale === 'kk' ? texts.textKk : texts.textRu,
        }));
        return u.id;
      }),

    /** A photo of an update (stored by the caller: a Telegram file id or a path under STORAGE_DIR). */
    addPhoto: (actor: Actor, p: StaffPrincipal, id: number, updateId: number | null, x: PhotoInput) =>
      work(p, id, async (tx, ini, at) => {
        working(ini.status);
        if (updateId != null && !(await tx.initiativeUpdate.findFirst({ where: { id: updateId, initiativeId: id }, select: { id: true } }))) {
          throw notFound('initiative.update_not_found');
        }
        const photo = await tx.initiativePhoto.create({ data: { initiativeId: id, updateId, ...x, createdAt: at } });
        await recordChange(tx, actor, { initiativeId: id, at, type: 'photo', action: 'initiative.photo', data: { photoId: photo.id, updateId } });
        return photo.id;
      }),

    /** Withholds one photo from public view (a face, a document), or releases it; the file stays for staff. */
    withholdPhoto: (actor: Actor, p: StaffPrincipal, id: number, photoId: number, withhold: boolean) =>
      work(p, id, async (tx, _ini, at) => {
        const photo = await tx.initiativePhoto.findFirst({ where: { id: photoId, initiativeId: id } });
        if (!photo) throw notFound('initiative.photo_not_found');
        await tx.initiativePhoto.update({
          where: { id: photoId },
          data: withhold ? { withheldAt: at, withheldById: p.id } : { withheldAt: null, withheldById: null },
        });
        await recordChange(tx, actor, {
          initiativeId: id,
          at,
          type: withhold ? 'photo_withheld' : 'photo_released',
          action: withhold ? 'initiative.photo_withhold' : 'initiative.photo_release',
          data: { photoId },
        });
      }),

    /** in progress → implemented: the result in kk and ru and people served; all who follow it are asked to rate. */
    implemented: (actor: Actor, p: StaffPrincipal, id: number, x: ImplementedInput) =>
      work(p, id, async (tx, ini, at) => {
        const to = nextStatus(ini.status, 'implemented');
        if (!Number.isInteger(x.servedCount) || x.servedCount < 0) throw invalid('initiative.bad_served');
        checkedDay(x.implementedOn, at);
        const result = { resultKk: checkPublicText('result_kk', x.resultKk), resultRu: checkPublicText('result_ru', x.resultRu) };
        // The implementation date is the day given (Almaty midnight), so a period counts it where it happened.
        const implementedAt = localMidnight(x.implementedOn);
        await tx.initiative.update({ where: { id }, data: { status: to, ...result, servedCount: x.servedCount, implementedAt, progressPercent: 100 } });
        const eventId = await recordChange(tx, actor, {
          initiativeId: id,
          at,
          type: 'implemented',
          action: 'initiative.implemented',
          from: ini.status,
          to,
          data: { servedCount: x.servedCount, implementedOn: x.implementedOn },
        });
        const volunteers = await tx.volunteerApplication.findMany({
          where: { opportunity: { initiativeId: id }, state: 'attended', OR: [{ confirmedByVolunteer: null }, { confirmedByVolunteer: true }] },
          select: { citizenId: true },
        });
        await tellNews(
          tx,
          i18n,
          ini,
          'implemented',
          eventId,
          at,
          () => ({}),
          volunteers.map((v) => v.citizenId),
        );
      }),

    /** published or in progress → closed, with a reason in kk and ru (the public and followers read it). */
    close: (actor: Actor, p: StaffPrincipal, id: number, x: CloseInput) =>
      work(p, id, async (tx, ini, at) => {
        if (!(CLOSE_REASONS as readonly string[]).includes(x.reasonCode)) throw invalid('initiative.reason_required');
        const notes = { kk: checkPublicText('note_kk', x.noteKk), ru: checkPublicText('note_ru', x.noteRu) };
        const to = nextStatus(ini.status, 'close');
        await tx.initiative.update({ where: { id }, data: { status: to, closedAt: at, reasonCode: x.reasonCode, reasonNote: null } });
        const eventId = await recordChange(tx, actor, {
          initiativeId: id,
          at,
          type: 'closed',
          action: 'initiative.close',
          from: ini.status,
          to,
          data: { reasonCode: x.reasonCode, notes },
        });
        await tellNews(tx, i18n, ini, 'closed', eventId, at, (locale, t) => ({ reason: reasonText(t, x.reasonCode, notes[locale]) }));
      }),
  };
}
