// A project's beneficiaries for its manager: the list (paged, filtered), removal, and the CSV import of the
// NGO's own list. Bot-registered beneficiaries take gender, birth year and social status from the
// citizen's profile; imported ones carry their own. Re-importing the same file changes nothing: each
// row's key (its id column, else its phone, else name and birth year) is unique within the project.
import type { Prisma, PrismaClient, ProjectBeneficiary } from '../../generated/prisma/client.ts';
import type { BeneficiarySource, Gender } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { localMidnight } from '../calendar/local-time.ts';
import type { Tx } from '../db/tx.ts';
import { notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { norm } from './beneficiary-csv.ts';
import type { ProjectAdminService } from './project-admin.ts';
import { isoDate } from './project-rules.ts';
import { escapeLike } from '../text.ts';
import { readBeneficiaryCsv, type ImportLineError, type ParsedLine } from './beneficiary-lines.ts';

export type { ImportLineError } from './beneficiary-lines.ts';

/** What statistics and the list use: the citizen's profile for bot-registered people, else the row's own values. */
export interface BeneficiaryView {
  id: number;
  projectId: number;
  source: BeneficiarySource;
  citizenId: number | null;
  fullName: string | null;
  phone: string | null;
  gender: Gender | null;
  birthYear: number | null;
  socialStatus: string | null;
  externalRef: string | null;
  joinedAt: Date;
}

const WITH_CITIZEN = { citizen: { select: { name: true, phone: true, gender: true, birthYear: true, socialStatus: true } } } as const;
type Row = Prisma.ProjectBeneficiaryGetPayload<{ include: typeof WITH_CITIZEN }>;

export function viewOf(b: Row): BeneficiaryView {
  const c = b.citizen;
  return {
    id: b.id,
    projectId: b.projectId,
    source: b.source,
    citizenId: b.citizenId,
    fullName: c?.name ?? b.fullName,
    phone: c?.phone ?? b.phone,
    gender: c?.gender ?? b.gender,
    birthYear: c?.birthYear ?? b.birthYear,
    socialStatus: c?.socialStatus ?? b.socialStatus,
    externalRef: b.externalRef,
    joinedAt: b.joinedAt,
  };
}

/** Every beneficiary who joined by `until` (inclusive), as statistics see them. */
export async function beneficiariesUntil(tx: Tx, projectId: number, until: Date): Promise<BeneficiaryView[]> {
  const rows = await tx.projectBeneficiary.findMany({ where: { projectId, joinedAt: { lte: until } }, include: WITH_CITIZEN, orderBy: { id: 'asc' } });
  return rows.map(viewOf);
}

export interface BeneficiaryFilter {
  source?: BeneficiarySource;
  /** 'unstated' also finds people who never answered */
  gender?: Gender;
  socialStatus?: string;
  /** part of the name or phone */
  q?: string;
}

export interface ImportResult {
  rows: number;
  created: number;
  /** rows matched to someone already in the list (by id, else phone, else name) whose data changed */
  updated: number;
  unchanged: number;
  /**
   * New people whose line had no date: they count from the project's start (so they are in the
   * statistics of every period of the project), not from the day of the import.
   */
  joinedAtProjectStart: { count: number; date: string };
  errors: ImportLineError[];
}

const same = (b: ProjectBeneficiary, l: ParsedLine) =>
  b.fullName === l.fullName &&
  b.phone === l.phone &&
  b.gender === l.gender &&
  b.birthYear === l.birthYear &&
  b.socialStatus === l.socialStatus &&
  (l.joinedAt === null || b.joinedAt.getTime() === l.joinedAt.getTime());

export function createBeneficiaryService({ prisma, projects, now }: { prisma: PrismaClient; projects: ProjectAdminService; now: () => Date }) {
  return {
    async list(
      staff: StaffPrincipal,
      projectId: number,
      f: BeneficiaryFilter,
      page: { offset: number; limit: number },
    ): Promise<{ items: BeneficiaryView[]; total: number }> {
      await projects.scoped(staff, projectId);
      const and: Prisma.ProjectBeneficiaryWhereInput[] = [{ projectId }];
      if (f.source) and.push({ source: f.source });
      // Effective values: the citizen's profile when linked, the row's own otherwise.
      // (as viewOf: a linked citizen who never answered falls back to the imported row's value)
      const effective = <K extends 'gender' | 'socialStatus'>(k: K, v: Prisma.ProjectBeneficiaryWhereInput[K] & Prisma.CitizenWhereInput[K]) => ({
        OR: [
          { citizenId: { not: null }, citizen: { [k]: v } },
          { citizenId: null, [k]: v },
          { citizenId: { not: null }, citizen: { [k]: null }, [k]: v },
        ],
      });
      if (f.gender === 'unstated') and.push({ OR: [effective('gender', 'unstated'), effective('gender', null)] });
      else if (f.gender) and.push(effective('gender', f.gender));
      if (f.socialStatus) and.push(effective('socialStatus', f.socialStatus));
      const q = f.q?.trim() ? escapeLike(f.q.trim()) : undefined;
      if (q)
        and.push({
          OR: [
            { fullName: { contains: q, mode: 'insensitive' } },
            { phone: { contains: q } },
            { citizen: { name: { contains: q, mode: 'insensitive' } } },
            { citizen: { phone: { contains: q } } },
          ],
        });
      const where = { AND: and };
      const total = await prisma.projectBeneficiary.count({ where });
      const rows = await prisma.projectBeneficiary.findMany({
        where,
        include: WITH_CITIZEN,
        orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
        skip: page.offset,
        take: page.limit,
      });
      return { items: rows.map(viewOf), total };
    },

    async remove(actor: Actor, staff: StaffPrincipal, projectId: number, beneficiaryId: number): Promise<void> {
      await projects.scoped(staff, projectId);
      const b = await prisma.projectBeneficiary.findUnique({ where: { id: beneficiaryId } });
      if (!b || b.projectId !== projectId) throw notFound('project.beneficiary_not_found');
      await prisma.$transaction(async (tx) => {
        await tx.projectBeneficiary.delete({ where: { id: beneficiaryId } });
        await recordAudit(tx, actor, {
          action: 'project.beneficiary_remove',
          entity: 'project_beneficiary',
          entityId: beneficiaryId,
          before: { projectId, source: b.source, citizenId: b.citizenId, externalRef: b.externalRef },
        });
      });
    },

    /** Good lines are saved even when others are refused; each refusal names its line and reason. */
    async importCsv(actor: Actor, staff: StaffPrincipal, projectId: number, text: string): Promise<ImportResult> {
      const project = await projects.scoped(staff, projectId);
      const at = now();
      const { lines, errors } = readBeneficiaryCsv(text, at);
      // a line without a date: the person is counted from the project's first day (Almaty midnight)
      const startDay = isoDate(project.startsOn);
      const projectStart = localMidnight(startDay);
      const result: ImportResult = {
        rows: lines.length + errors.length,
        created: 0,
        updated: 0,
        unchanged: 0,
        joinedAtProjectStart: { count: 0, date: startDay },
        errors,
      };
      await prisma.$transaction(
        async (tx) => {
          const existing = await tx.projectBeneficiary.findMany({ where: { projectId, source: 'import' } });
          const byRef = new Map(existing.map((b) => [b.externalRef ?? '', b]));
          // Imported rows not keyed by an id, by normalised name: a line whose phone was corrected (or
          // added) finds its person here when the name is unique in the list.
          const byName = new Map<string, ProjectBeneficiary[]>();
          for (const b of existing) {
            if (!b.fullName || b.externalRef?.startsWith('id:')) continue;
            const k = norm(b.fullName);
            byName.set(k, [...(byName.get(k) ?? []), b]);
          }
          const matched = new Set<number>();
          const refsInFile = new Set(lines.map((l) => l.externalRef));
          const fresh: Prisma.ProjectBeneficiaryCreateManyInput[] = [];
          for (const l of lines) {
            const data = {
              fullName: l.fullName,
              phone: l.phone,
              gender: l.gender,
              birthYear: l.birthYear,
              socialStatus: l.socialStatus,
              ...(l.joinedAt ? { joinedAt: l.joinedAt } : {}),
            };
            let old = byRef.get(l.externalRef);
            if (!old && !l.byId) {
              const sameName = (byName.get(l.nameKey) ?? []).filter((b) => !matched.has(b.id) && !refsInFile.has(b.externalRef ?? ''));
              if (sameName.length === 1) old = sameName[0];
            }
            if (old && matched.has(old.id)) old = undefined;
            if (!old) {
              fresh.push({ projectId, source: 'import', externalRef: l.externalRef, createdById: staff.id, ...data, joinedAt: l.joinedAt ?? projectStart });
              if (!l.joinedAt) result.joinedAtProjectStart.count++;
              continue;
            }
            matched.add(old.id);
            if (same(old, l) && old.externalRef === l.externalRef) result.unchanged++;
            else {
              await tx.projectBeneficiary.update({ where: { id: old.id }, data: { ...data, externalRef: l.externalRef } });
              result.updated++;
            }
          }
          // New people in batches: a list of thousands is one statement per batch, not per person.
          for (let i = 0; i < fresh.length; i += 1000) await tx.projectBeneficiary.createMany({ data: fresh.slice(i, i + 1000) });
          result.created = fresh.length;
          // One entry for the file: who imported what into which project, without the people's data.
          await recordAudit(tx, actor, {
            action: 'project.beneficiary_import',
            entity: 'social_project',
            entityId: projectId,
            after: {
              rows: result.rows,
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
              joinedAtProjectStart: result.joinedAtProjectStart.count,
              refused: errors.length,
            },
          });
        },
        { timeout: 120_000 },
      );
      return result;
    },
  };
}
