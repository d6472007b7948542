// The Rules' forms as tables for core/export (XLSX or CSV, Kazakh or Russian): Annex 1, the planned topics
// of a year with their fields, and Annex 2, the report on the end of the discussion with its columns
// "№; planned topic; comments and (or) proposals (summary) with the author; the body's conclusion with the
// reasons for not accepting them" (seed 003, Annex 1 and Annex 2).
import type { i18n, TFunction } from 'i18next';
import type { DiscussionComment, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { formatLocalDate } from '../calendar/local-time.ts';
import type { ExportTable } from '../export/table.ts';
import type { Locale } from '../i18n/i18n.ts';
import { conflict, notFound } from '../errors.ts';
import { localName } from '../reference/reference-service.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { topicScopeWhere } from './discussion-access.ts';
import { hasEnded, isRemoved } from './discussion-rules.ts';
import { STATE_BODY } from './state-body-service.ts';
import { authorOf, decisionText, inLocale, TOPIC_NAMES, type NamedTopic } from './topic-text.ts';

export interface AnnexFile {
  fileName: string;
  table: ExportTable;
}

type TopicWithComments = NamedTopic & { comments: DiscussionComment[] };

/** Annex 1: one row a topic, in the form's columns. */
function annex1Table(t: TFunction, locale: Locale, year: number, bodyName: string | null, topics: NamedTopic[], asOf: Date): ExportTable {
  return {
    sheetName: t('discussions:annex1.sheet'),
    title: [t('discussions:annex1.form'), t('discussions:annex1.title', { year }), ...(bodyName ? [bodyName] : [])].join('\n'),
    columns: [
      { header: '№', kind: 'number', width: 5 },
      { header: t('discussions:annex1.topic'), width: 45 },
      { header: t('discussions:annex1.funding'), kind: 'number', width: 18 },
      { header: t('discussions:annex1.justification'), width: 50 },
      { header: t('discussions:annex1.target_group'), width: 30 },
      { header: t('discussions:annex1.expected_result'), width: 40 },
    ],
    rows: topics.map((x, i) => [
      i + 1,
      inLocale(x, 'title', locale),
      Number(x.fundingThousandTenge.toString()),
      `${inLocale(x, 'justification', locale)}\n${t('discussions:annex1.source', { source: x.informationSource })}`,
      inLocale(x, 'targetGroup', locale),
      inLocale(x, 'expectedResult', locale),
    ]),
    footer: [[t('discussions:annex1.as_of', { date: formatLocalDate(asOf) })]],
  };
}

/** Annex 2: one row a comment (moderator-removed ones are no part of the record), or a row saying none came. */
function annex2Table(t: TFunction, locale: Locale, subtitle: string, topics: TopicWithComments[]): ExportTable {
  const rows: ExportTable['rows'] = [];
  for (const topic of topics) {
    const title = inLocale(topic, 'title', locale);
    const considered = topic.comments.filter((c) => !isRemoved(c));
    if (considered.length === 0) rows.push([rows.length + 1, title, t('discussions:annex2.no_comments'), null]);
    for (const c of considered)
      rows.push([
        rows.length + 1,
        title,
        `${c.text}\n${t('discussions:annex2.author', { author: authorOf(t, c) })}`,
        decisionText(t, c.decision, c.decisionReason, 'annex'),
      ]);
  }
  return {
    sheetName: t('discussions:annex2.sheet'),
    title: [t('discussions:annex2.form'), t('discussions:annex2.title'), subtitle].join('\n'),
    columns: [
      { header: '№', kind: 'number', width: 5 },
      { header: t('discussions:annex2.topic'), width: 40 },
      { header: t('discussions:annex2.comment'), width: 60 },
      { header: t('discussions:annex2.conclusion'), width: 50 },
    ],
    rows,
  };
}

const COMMENTS = { comments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } } satisfies Prisma.DiscussionTopicInclude;

export function createAnnexService({ prisma, i18n, now }: { prisma: PrismaClient; i18n: i18n; now: () => Date }) {
  /**
   * The name of the body an Annex is asked for: one the caller may read topics of (a manager tied to a body:
   * only theirs, as if another did not exist) and in their region (403 otherwise).
   */
  async function bodyName(p: StaffPrincipal, scope: { stateBodyId?: number }, stateBodyId: number | undefined, locale: Locale): Promise<string | null> {
    if (stateBodyId === undefined) return null;
    if (scope.stateBodyId !== undefined && scope.stateBodyId !== stateBodyId) throw notFound('discussion.body_not_found');
    return localName(await loadInScope(prisma, p, STATE_BODY, stateBodyId), locale);
  }

  return {
    /** The planned topics of a year (published ones; drafts too when asked), of one body or all in scope. */
    async annex1(p: StaffPrincipal, q: { year: number; stateBodyId?: number; includeDrafts?: boolean }, locale: Locale): Promise<AnnexFile> {
      const t = i18n.getFixedT(locale);
      const scope = await topicScopeWhere(prisma, p);
      const name = await bodyName(p, scope, q.stateBodyId, locale);
      const topics = await prisma.discussionTopic.findMany({
        where: {
          AND: [scope, { year: q.year, stateBodyId: q.stateBodyId, ...(q.includeDrafts ? {} : { status: { not: 'draft' } }) }],
        },
        include: TOPIC_NAMES,
        orderBy: [{ stateBodyId: 'asc' }, { id: 'asc' }],
      });
      return { fileName: t('discussions:annex1.file', { year: q.year }), table: annex1Table(t, locale, q.year, name, topics, now()) };
    },

    /** Annex 2 of one topic whose discussion has ended, or of every ended topic of a body and year. */
    async annex2(p: StaffPrincipal, q: { topicId: number } | { stateBodyId: number; year: number }, locale: Locale): Promise<AnnexFile> {
      const t = i18n.getFixedT(locale);
      const scope = await topicScopeWhere(prisma, p);
      const at = now();
      if ('topicId' in q) {
        const topic = await prisma.discussionTopic.findFirst({ where: { AND: [scope, { id: q.topicId }] }, include: { ...TOPIC_NAMES, ...COMMENTS } });
        if (!topic) throw notFound('discussion.not_found');
        if (!hasEnded(topic, at)) throw conflict('discussion.still_open', { end: topic.endsAt ? formatLocalDate(topic.endsAt) : '—' });
        const subtitle = `${localName(topic.stateBody, locale)}, ${topic.year}`;
        return { fileName: t('discussions:annex2.file_topic', { id: topic.id }), table: annex2Table(t, locale, subtitle, [topic]) };
      }
      const name = await bodyName(p, scope, q.stateBodyId, locale);
      const topics = await prisma.discussionTopic.findMany({
        where: { AND: [scope, { stateBodyId: q.stateBodyId, year: q.year, status: { in: ['open', 'closed', 'reviewed'] } }] },
        include: { ...TOPIC_NAMES, ...COMMENTS },
        orderBy: { id: 'asc' },
      });
      return {
        fileName: t('discussions:annex2.file_year', { year: q.year }),
        table: annex2Table(
          t,
          locale,
          `${name}, ${q.year}`,
          topics.filter((x) => hasEnded(x, at)),
        ),
      };
    },
  };
}
