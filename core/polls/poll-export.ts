// The results as tables for CSV and XLSX (core/export), headers and labels in Kazakh or Russian:
// counts and shares with their base, the index and mean against the national baseline, the dynamics
// between waves, the breakdowns and the free-text answers (no names in an anonymous poll).
import type { i18n } from 'i18next';
import type { Locale } from '../i18n/i18n.ts';
import type { ExportTable } from '../export/table.ts';
import { ALL_AGE_BRACKETS } from '../projects/age-brackets.ts';
import { socialStatuses } from '../../prisma/seed/social-status.ts';
import { NOT_STATED, type Dimension, type PollResults, type QuestionResult } from './poll-results.ts';

export function resultTables(i18n: i18n, lang: Locale, r: PollResults): ExportTable[] {
  const t = i18n.getFixedT(lang);
  const kk = lang === 'kk';
  const h = (key: string) => t(`polls:export.${key}`);
  const waveLabel = new Map(r.waves.map((w) => [w.id, kk ? w.labelKk : w.labelRu]));
  const qText = (q: QuestionResult) => (kk ? q.textKk : q.textRu);
  const optionLabel = (q: QuestionResult, code: string): string => {
    if (q.type === 'satisfaction' || q.type === 'yes_no') return t(`polls:answer.${code}`);
    if (q.type === 'rating') return code;
    const o = q.options.find((x) => x.code === code);
    return o ? (kk ? o.kk : o.ru) : code;
  };
  const groupLabel = (d: Dimension, v: string): string => {
    if (v === NOT_STATED) return h('not_stated');
    if (d === 'gender') return t(`polls:export.gender_${v}`);
    if (d === 'age') {
      const b = ALL_AGE_BRACKETS.find((x) => x.code === v);
      return b ? (kk ? b.labelKk : b.labelRu) : v;
    }
    const s = socialStatuses.find((x) => x.code === v);
    return s ? (kk ? s.nameKk : s.nameRu) : v;
  };
  const title = kk ? r.poll.titleKk : r.poll.titleRu;

  const counts: ExportTable = {
    sheetName: h('sheet_counts'),
    title,
    columns: [
      { header: h('wave') },
      { header: '№', kind: 'number', width: 5 },
      { header: h('question'), width: 50 },
      { header: h('answer'), width: 30 },
      { header: h('count'), kind: 'number' },
      { header: h('share'), kind: 'number' },
      { header: h('base'), kind: 'number' },
    ],
    rows: r.questions.flatMap((q) =>
      q.waves.flatMap((w) => w.options.map((o) => [waveLabel.get(w.waveId) ?? '', q.position, qText(q), optionLabel(q, o.code), o.count, o.share, w.base])),
    ),
  };
  const indices: ExportTable = {
    sheetName: h('sheet_index'),
    title: t('polls:export.baseline_note', { baseline: r.baseline }),
    columns: [
      { header: h('wave') },
      { header: '№', kind: 'number', width: 5 },
      { header: h('question'), width: 50 },
      { header: h('base'), kind: 'number' },
      { header: h('skipped'), kind: 'number' },
      { header: h('index'), kind: 'number' },
      { header: h('baseline'), kind: 'number' },
      { header: h('vs_baseline'), kind: 'number' },
      { header: h('mean'), kind: 'number' },
      { header: h('mean_base'), kind: 'number' },
    ],
    rows: r.questions
      .filter((q) => q.type !== 'text')
      .flatMap((q) =>
        q.waves.map((w) => [
          waveLabel.get(w.waveId) ?? '',
          q.position,
          qText(q),
          w.base,
          w.skipped,
          w.index,
          q.type === 'satisfaction' ? r.baseline : null,
          w.vsBaseline,
          w.mean,
          w.mean == null ? null : w.meanBase,
        ]),
      ),
  };
  const dynamics: ExportTable = {
    sheetName: h('sheet_dynamics'),
    columns: [
      { header: '№', kind: 'number', width: 5 },
      { header: h('question'), width: 50 },
      { header: h('from_wave') },
      { header: h('to_wave') },
      { header: h('answer'), width: 30 },
      { header: h('change_pp'), kind: 'number' },
      { header: h('index_change'), kind: 'number' },
      { header: h('mean_change'), kind: 'number' },
    ],
    rows: r.questions.flatMap((q) =>
      q.dynamics.flatMap((d) => [
        ...(q.type === 'text' ? [] : [[q.position, qText(q), waveLabel.get(d.fromWaveId) ?? '', waveLabel.get(d.toWaveId) ?? '', '', null, d.index, d.mean]]),
        ...d.shares.map((s) => [
          q.position,
          qText(q),
          waveLabel.get(d.fromWaveId) ?? '',
          waveLabel.get(d.toWaveId) ?? '',
          optionLabel(q, s.code),
          s.change,
          null,
          null,
        ]),
      ]),
    ),
  };
  const breakdown: ExportTable = {
    sheetName: h('sheet_breakdown'),
    columns: [
      { header: h('wave') },
      { header: '№', kind: 'number', width: 5 },
      { header: h('question'), width: 40 },
      { header: h('dimension') },
      { header: h('group'), width: 30 },
      { header: h('base'), kind: 'number' },
      { header: h('index'), kind: 'number' },
      { header: h('mean'), kind: 'number' },
    ],
    rows: r.questions.flatMap((q) =>
      q.waves.flatMap((w) =>
        w.breakdown.map((c) => [
          waveLabel.get(w.waveId) ?? '',
          q.position,
          qText(q),
          h(`dimension_${c.dimension}`),
          groupLabel(c.dimension, c.value),
          c.base,
          c.index,
          c.mean,
        ]),
      ),
    ),
  };
  const byId = new Map(r.questions.map((q) => [q.id, q]));
  const texts: ExportTable = {
    sheetName: h('sheet_texts'),
    columns: [
      { header: h('wave') },
      { header: '№', kind: 'number', width: 5 },
      { header: h('question'), width: 40 },
      { header: h('text_answer'), width: 60 },
      ...(r.poll.anonymous
        ? []
        : [
            { header: h('submitted'), kind: 'datetime' as const },
            { header: h('respondent'), width: 25 },
          ]),
    ],
    rows: r.texts.map((x) => {
      const q = byId.get(x.questionId)!;
      return [waveLabel.get(x.waveId) ?? '', q.position, qText(q), x.text, ...(r.poll.anonymous ? [] : [x.submittedAt, x.respondent?.name ?? ''])];
    }),
  };
  return [counts, indices, dynamics, breakdown, texts];
}
