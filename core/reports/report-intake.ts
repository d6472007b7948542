// Filing civic-control reports (bot, Open311, staff): the daily limit, possible duplicates nearby,
// the report with its first history entry and evidence, and support for an existing report.
import type { Report } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { almatyYear, localDate, localMidnight } from '../calendar/local-time.ts';
import { nextCounter, SERIAL_TX } from '../db/counter.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound, tooMany } from '../errors.ts';
import { CANDIDATES_MAX, scoreDuplicates, type DuplicateCandidate, type DuplicateInput } from './report-duplicates.ts';
import { formatNumber } from './report-geo.ts';
import { isOpen, OPEN_STATUSES } from './report-status.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, EVIDENCE_MAX, type NewReport, type ReportServiceDeps } from './report-types.ts';

export function createReportIntake({ prisma, calendar, now = () => new Date(), duplicateRadiusM = 150, perDay = 5 }: ReportServiceDeps) {
  function validate(input: NewReport) {
    const text = input.description.trim();
    if (text.length < DESCRIPTION_MIN) throw invalid('report.description_short', { min: DESCRIPTION_MIN });
    if (text.length > DESCRIPTION_MAX) throw invalid('report.description_long', { max: DESCRIPTION_MAX });
    if (input.source === 'bot' && input.evidence.length === 0) throw invalid('report.evidence_required');
    if (input.evidence.length > EVIDENCE_MAX) throw invalid('report.evidence_too_many', { max: EVIDENCE_MAX });
    if ((input.lat == null) !== (input.lon == null)) throw invalid('report.bad_location');
    if (input.lat == null && !input.address?.trim() && !input.districtId) throw invalid('report.location_required');
  }

  const service = {
    perDay,

    /** How many more reports the citizen may file today (Almaty day); bot reports only. */
    async remainingToday(citizenId: number): Promise<number> {
      const since = localMidnight(localDate(now()));
      const filed = await prisma.report.count({ where: { citizenId, source: 'bot', createdAt: { gte: since } } });
      return Math.max(0, perDay - filed);
    },

    /** Open reports of the same category nearby (or, without coordinates, in the same district with similar text). */
    async findDuplicates(input: DuplicateInput, limit = 3) {
      const candidates = await prisma.report.findMany({
        where: { categoryId: input.categoryId, regionId: input.regionId, status: { in: OPEN_STATUSES }, hidden: false, duplicateOfId: null },
        // newest first; id breaks a tie, so which 500 are read (and their order among equal scores) is fixed
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: CANDIDATES_MAX,
      });
      return scoreDuplicates(input, candidates, duplicateRadiusM, limit);
    },

    /** the same search's scoring, for candidates read elsewhere (the bot's update: report-duplicates.ts) */
    scoreDuplicates: (input: DuplicateInput, candidates: DuplicateCandidate[], limit = 3) => scoreDuplicates(input, candidates, duplicateRadiusM, limit),
    duplicateRadiusM,

    /** `within` runs first in the report's own transaction: what must happen exactly when the report is filed. */
    async create(actor: Actor, input: NewReport, within?: (tx: Tx) => Promise<void>): Promise<Report> {
      validate(input);
      const at = now();
      // The year of the number is Almaty's: a report filed at 02:00 on 1 January is next year's.
      const year = almatyYear(at);
      const days = await calendar.calendar();
      // The checks read in the filing's own transaction: one transaction per filing (issue 23).
      return prisma.$transaction(async (tx) => {
        if (input.source === 'bot' && input.citizenId != null) {
          const filed = await tx.report.count({ where: { citizenId: input.citizenId, source: 'bot', createdAt: { gte: localMidnight(localDate(at)) } } });
          if (filed >= perDay) throw tooMany('report.daily_limit', { limit: perDay });
        }
        const category = await tx.category.findUnique({ where: { id: input.categoryId } });
        if (!category || !category.active) throw invalid('report.unknown_category');
        if (input.districtId != null) {
          const d = await tx.district.findUnique({ where: { id: input.districtId } });
          if (!d || d.regionId !== input.regionId) throw invalid('report.district_not_in_region');
        }
        // The clock starts at filing (DOMAIN.md: on publication the akimat sees the report at once), so a
        // report nobody accepts still falls due and cannot be "taken off control" by being left as new.
        const dueAt = days.addWorkingDays(at, category.deadlineDays);
        if (within) await within(tx);
        const seq = await nextCounter(tx, `reports:${year}`);
        const report = await tx.report.create({
          data: {
            number: formatNumber(year, seq),
            year,
            seq,
            source: input.source,
            citizenId: input.citizenId ?? null,
            apiClientId: input.apiClientId ?? null,
            categoryId: category.id,
            regionId: input.regionId,
            districtId: input.districtId ?? null,
            departmentId: category.departmentId,
            lat: input.lat ?? null,
            lon: input.lon ?? null,
            address: input.address?.trim() || null,
            description: input.description.trim(),
            anonymous: input.anonymous ?? false,
            showName: input.showName ?? false,
            createdAt: at,
            dueAt,
            evidence: { create: input.evidence.map((e) => ({ ...e, addedByCitizenId: input.citizenId ?? null })) },
          },
        });
        await tx.reportEvent.create({
          data: { reportId: report.id, at, actorType: actor.type, actorId: actor.id == null ? null : String(actor.id), type: 'created', toStatus: 'new' },
        });
        await recordAudit(tx, actor, {
          action: 'report.create',
          entity: 'report',
          entityId: report.id,
          after: { number: report.number, categoryId: report.categoryId, regionId: report.regionId },
        });
        return report;
      }, SERIAL_TX);
    },

    /** The citizen supports an existing report: they follow it and it counts their support. */
    async support(citizenId: number, reportId: number): Promise<{ added: boolean; own?: boolean }> {
      // the service clock, not the database's: support times feed the analytics and the demo's replay
      const at = now();
      return prisma.$transaction(async (tx) => {
        const report = await tx.report.findUnique({ where: { id: reportId } });
        if (!report) throw notFound('report.not_found');
        if (report.citizenId === citizenId) return { added: false, own: true };
        if (!isOpen(report.status) || report.hidden) throw conflict('report.closed');
        const existing = await tx.reportFollower.findUnique({ where: { reportId_citizenId: { reportId, citizenId } } });
        if (existing?.supported) return { added: false };
        // One who only followed for news now supports it too.
        if (existing) await tx.reportFollower.update({ where: { reportId_citizenId: { reportId, citizenId } }, data: { supported: true } });
        else await tx.reportFollower.create({ data: { reportId, citizenId, createdAt: at } });
        await tx.report.update({ where: { id: reportId }, data: { supportCount: { increment: 1 } } });
        await tx.reportEvent.create({ data: { reportId, at, actorType: 'citizen', actorId: String(citizenId), type: 'support' } });
        await recordAudit(tx, { type: 'citizen', id: citizenId }, { action: 'report.support', entity: 'report', entityId: reportId });
        return { added: true };
      });
    },

    /** The citizen follows a report for its news without supporting it (supportCount is unchanged). */
    async follow(citizenId: number, reportId: number): Promise<{ added: boolean }> {
      const at = now();
      return prisma.$transaction(async (tx) => {
        const report = await tx.report.findUnique({ where: { id: reportId } });
        if (!report || report.hidden) throw notFound('report.not_found');
        if (report.citizenId === citizenId) return { added: false };
        if (!isOpen(report.status)) throw conflict('report.closed');
        const { count } = await tx.reportFollower.createMany({ data: [{ reportId, citizenId, createdAt: at, supported: false }], skipDuplicates: true });
        if (count > 0) await recordAudit(tx, { type: 'citizen', id: citizenId }, { action: 'report.follow', entity: 'report', entityId: reportId });
        return { added: count > 0 };
      });
    },
  };
  return service;
}
