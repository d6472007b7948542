// Response templates: ready public notes per category (or any category) and status, in Kazakh and
// Russian, with {{placeholders}} filled from the report. Applying one turns it into the public note
// before the status change, in the language of the citizen who will read it.
import type { PrismaClient, ResponseTemplate } from '../../generated/prisma/client.ts';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import { formatLocalDate } from '../calendar/local-time.ts';
import { invalid, notFound } from '../errors.ts';
import { type Locale, toLocale } from '../i18n/i18n.ts';
import { localName } from '../reference/reference-service.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { REPORT } from './report-scope.ts';
import { canTransition } from './report-status.ts';
import type { StatusChange } from './report-service.ts';
import { PLACEHOLDERS } from './report-rules.ts';

type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NONE = '—';

/** Names inside {{…}} that are not placeholders, each once, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name)))];
}

export function fillTemplate(text: string, values: Record<Placeholder, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name as Placeholder] : whole));
}

export interface TemplateInput {
  categoryId: number | null;
  status: ReportStatus;
  title: string;
  textKk: string;
  textRu: string;
  active?: boolean;
}

export interface TemplateFilter {
  status?: ReportStatus;
  categoryId?: number;
  active?: boolean;
}

export interface FilledTemplate {
  template: ResponseTemplate;
  locale: Locale;
  text: string;
}

export interface NoteRequest {
  to: ReportStatus;
  publicNote?: string | null;
  templateId?: number | null;
}

export interface TemplateServiceDeps {
  prisma: PrismaClient;
  calendar: CalendarService;
  now?: () => Date;
}

export function createReportTemplateService({ prisma, calendar, now = () => new Date() }: TemplateServiceDeps) {
  async function checkInput(input: Partial<TemplateInput>) {
    const names = [...new Set([...unknownPlaceholders(input.textKk ?? ''), ...unknownPlaceholders(input.textRu ?? '')])];
    if (names.length > 0)
      throw invalid('template.unknown_placeholder', { names: names.map((n) => `{{${n}}}`).join(', '), known: PLACEHOLDERS.map((n) => `{{${n}}}`).join(', ') });
    if (input.categoryId != null && !(await prisma.category.findUnique({ where: { id: input.categoryId } }))) throw invalid('template.unknown_category');
  }

  async function get(id: number): Promise<ResponseTemplate> {
    const template = await prisma.responseTemplate.findUnique({ where: { id } });
    if (!template) throw notFound('template.not_found');
    return template;
  }

  /** The report with what the placeholders need, and the language of the citizen who will read the note. */
  async function reportContext(reportId: number) {
    const report = await prisma.report.findUnique({
      where: { id: reportId },
      include: { category: true, department: true, region: true, district: true, citizen: { select: { locale: true } } },
    });
    if (!report) throw notFound('report.not_found');
    // Reports without a citizen (Open311, staff) are answered in Russian.
    const locale: Locale = toLocale(report.citizen?.locale);
    return { report, locale };
  }

  type Context = Awaited<ReturnType<typeof reportContext>>;

  async function fill(template: ResponseTemplate, { report }: Context, to: ReportStatus, locale: Locale): Promise<string> {
    // Accepting sets a new due time; the note must announce that one, computed as changeStatus does.
    const due = to === 'in_work' ? (await calendar.calendar()).addWorkingDays(now(), report.category.deadlineDays) : report.dueAt;
    const values: Record<Placeholder, string> = {
      number: report.number,
      category: localName(report.category, locale),
      department: localName(report.department, locale),
      due_date: due ? formatLocalDate(due) : NONE,
      address: report.address ?? NONE,
      region: localName(report.region, locale),
      district: report.district ? localName(report.district, locale) : NONE,
    };
    return fillTemplate(locale === 'kk' ? template.textKk : template.textRu, values).trim();
  }

  function checkFits(template: ResponseTemplate, categoryId: number, to: ReportStatus) {
    if (!template.active) throw invalid('template.inactive');
    if (template.status !== to) throw invalid('template.status_mismatch', { template: template.status, to });
    if (template.categoryId != null && template.categoryId !== categoryId) throw invalid('template.wrong_category');
  }

  return {
    get,

    list(filter: TemplateFilter = {}): Promise<ResponseTemplate[]> {
      return prisma.responseTemplate.findMany({
        where: {
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.categoryId != null ? { OR: [{ categoryId: filter.categoryId }, { categoryId: null }] } : {}),
          ...(filter.active !== undefined ? { active: filter.active } : {}),
        },
        orderBy: [{ status: 'asc' }, { categoryId: { sort: 'asc', nulls: 'first' } }, { title: 'asc' }, { id: 'asc' }],
      });
    },

    async create(actor: Actor, input: TemplateInput): Promise<ResponseTemplate> {
      await checkInput(input);
      return prisma.$transaction(async (tx) => {
        const created = await tx.responseTemplate.create({ data: { ...input, active: input.active ?? true } });
        await recordAudit(tx, actor, { action: 'template.create', entity: 'response_template', entityId: created.id, after: created });
        return created;
      });
    },

    async update(actor: Actor, id: number, patch: Partial<TemplateInput>): Promise<ResponseTemplate> {
      await checkInput(patch);
      return prisma.$transaction(async (tx) => {
        const before = await tx.responseTemplate.findUnique({ where: { id } });
        if (!before) throw notFound('template.not_found');
        const after = await tx.responseTemplate.update({ where: { id }, data: patch });
        await recordAudit(tx, actor, { action: 'template.update', entity: 'response_template', entityId: id, before, after });
        return after;
      });
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const before = await tx.responseTemplate.findUnique({ where: { id } });
        if (!before) throw notFound('template.not_found');
        await tx.responseTemplate.delete({ where: { id } });
        await recordAudit(tx, actor, { action: 'template.delete', entity: 'response_template', entityId: id, before });
      });
    },

    /**
     * The public note of a status change: the note written, or else the template's text in the
     * citizen's language with the report's values. A template must fit the target status and the category.
     */
    async noteFor(reportId: number, change: NoteRequest): Promise<Pick<StatusChange, 'publicNote' | 'publicNoteByLocale'>> {
      if (change.templateId == null) return { publicNote: change.publicNote };
      const [template, ctx] = await Promise.all([get(change.templateId), reportContext(reportId)]);
      checkFits(template, ctx.report.categoryId, change.to);
      if (change.publicNote?.trim()) return { publicNote: change.publicNote };
      // Both languages: followers who read the other one get the note in theirs.
      const byLocale = { kk: await fill(template, ctx, change.to, 'kk'), ru: await fill(template, ctx, change.to, 'ru') };
      return { publicNote: byLocale[ctx.locale], publicNoteByLocale: byLocale };
    },

    /**
     * Active templates for the report's category (or any) and a status it can move to (or `to`), filled for
     * its citizen; the report must be in the caller's scope.
     */
    async applicable(staff: StaffPrincipal, reportId: number, to?: ReportStatus): Promise<FilledTemplate[]> {
      await loadInScope(prisma, staff, REPORT, reportId);
      const ctx = await reportContext(reportId);
      const templates = await prisma.responseTemplate.findMany({
        where: { active: true, OR: [{ categoryId: ctx.report.categoryId }, { categoryId: null }], ...(to ? { status: to } : {}) },
        orderBy: [{ status: 'asc' }, { categoryId: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }, { id: 'asc' }],
      });
      const usable = templates.filter((t) => canTransition(ctx.report.status, t.status));
      return Promise.all(usable.map(async (template) => ({ template, locale: ctx.locale, text: await fill(template, ctx, template.status, ctx.locale) })));
    },
  };
}

export type ReportTemplateService = ReturnType<typeof createReportTemplateService>;
