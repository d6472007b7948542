// The five tools of item 9, each with its own record in a round: indicators vs expected results; the
// "mystery shopper" visit with a checklist; a survey or interview linking the project's poll waves; document
// review (the round's document requests, findings); social-media monitoring (mentions with links).
import type { Prisma, PrismaClient, RoundTool } from '../../generated/prisma/client.ts';
import type { MonitoringTool } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { isDateString } from '../calendar/local-time.ts';
import { conflict, invalid } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { TEXT_MAX, TITLE_MAX } from './monitoring-rules.ts';
import { conductedRound } from './monitoring-scope.ts';

export interface IndicatorRow {
  name: string;
  unit: string;
  expected: string;
  actual: string;
  comment: string;
}

const ROWS_MAX = 100;
const short = (s: string, code = 'monitoring.text_long') => {
  if (s.length > TITLE_MAX) throw invalid(code, { max: TITLE_MAX });
  return s.trim();
};

function httpUrl(value: string): string {
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    throw invalid('monitoring.bad_url');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw invalid('monitoring.bad_url');
  return u.toString();
}

/** Checks a tool's details against the project; returns them cleaned. The API's zod schema fixes the shape. */
async function checkDetails(tx: Tx, projectId: number, tool: MonitoringTool, raw: unknown): Promise<object> {
  const d = (raw ?? {}) as Record<string, unknown>;
  const many = <T>(xs: unknown): T[] => {
    const list = Array.isArray(xs) ? (xs as T[]) : [];
    if (list.length > ROWS_MAX) throw invalid('monitoring.too_many_rows', { max: ROWS_MAX });
    return list;
  };
  switch (tool) {
    case 'indicators':
      return {
        rows: many<IndicatorRow>(d.rows).map((r) => {
          if (!r.name?.trim()) throw invalid('monitoring.indicator_name_required');
          return {
            name: short(r.name),
            unit: short(r.unit ?? ''),
            expected: short(r.expected ?? ''),
            actual: short(r.actual ?? ''),
            comment: short(r.comment ?? ''),
          };
        }),
      };
    case 'mystery_shopper': {
      const visitedOn = String(d.visitedOn ?? '');
      if (!isDateString(visitedOn)) throw invalid('monitoring.bad_date');
      const place = short(String(d.place ?? ''));
      if (!place) throw invalid('monitoring.place_required');
      const checklist = many<{ text: string; ok: boolean; note?: string }>(d.checklist).map((c) => {
        if (!c.text?.trim()) throw invalid('monitoring.checklist_text_required');
        return { text: short(c.text), ok: !!c.ok, note: short(c.note ?? '') };
      });
      if (checklist.length === 0) throw invalid('monitoring.checklist_required');
      return { visitedOn, place, checklist };
    }
    case 'survey': {
      const waveIds = [...new Set(many<number>(d.waveIds))];
      if (waveIds.length) {
        const own = await tx.pollWave.count({ where: { id: { in: waveIds }, poll: { projectId } } });
        if (own !== waveIds.length) throw invalid('monitoring.wave_not_of_project');
      }
      const interviews = many<{ with: string; summary: string }>(d.interviews).map((i) => {
        if (!i.with?.trim() || !i.summary?.trim()) throw invalid('monitoring.interview_incomplete');
        if (i.summary.length > TEXT_MAX) throw invalid('monitoring.text_long', { max: TEXT_MAX });
        return { with: short(i.with), summary: i.summary.trim() };
      });
      if (waveIds.length === 0 && interviews.length === 0) throw invalid('monitoring.survey_empty');
      return { waveIds, interviews };
    }
    case 'document_review':
      // the round's document requests are the record; they are listed with it, not copied
      return {};
    case 'social_media': {
      const mentions = many<{ url: string; network: string; date: string; tone: string; note?: string }>(d.mentions).map((m) => {
        if (!isDateString(String(m.date ?? ''))) throw invalid('monitoring.bad_date');
        if (!['positive', 'neutral', 'negative'].includes(m.tone)) throw invalid('monitoring.bad_tone');
        return { url: httpUrl(String(m.url ?? '')), network: short(String(m.network ?? '')), date: m.date, tone: m.tone, note: short(m.note ?? '') };
      });
      if (mentions.length === 0) throw invalid('monitoring.mentions_required');
      return { mentions };
    }
  }
}

export function createToolService({ prisma }: { prisma: PrismaClient }) {
  return {
    async set(actor: Actor, staff: StaffPrincipal, roundId: number, tool: MonitoringTool, input: { findings: string; details?: unknown }): Promise<RoundTool> {
      const findings = input.findings.trim();
      if (!findings) throw invalid('monitoring.findings_required');
      if (findings.length > TEXT_MAX) throw invalid('monitoring.text_long', { max: TEXT_MAX });
      return prisma.$transaction(async (tx) => {
        const { round, project } = await conductedRound(tx, staff, roundId);
        if (round.status !== 'in_progress') throw conflict('monitoring.round_not_started');
        const details = (await checkDetails(tx, project.id, tool, input.details)) as Prisma.InputJsonValue;
        const before = await tx.roundTool.findUnique({ where: { roundId_tool: { roundId, tool } } });
        const row = await tx.roundTool.upsert({
          where: { roundId_tool: { roundId, tool } },
          create: { roundId, tool, findings, details, updatedById: staff.id },
          update: { findings, details, updatedById: staff.id },
        });
        await recordAudit(tx, actor, {
          action: 'monitoring.tool_set',
          entity: 'monitoring_round',
          entityId: roundId,
          before: before ? { tool, findings: before.findings, details: before.details } : undefined,
          after: { tool, findings, details },
        });
        return row;
      });
    },

    async remove(actor: Actor, staff: StaffPrincipal, roundId: number, tool: MonitoringTool): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const { round } = await conductedRound(tx, staff, roundId);
        if (round.status !== 'in_progress') throw conflict('monitoring.round_not_started');
        const before = await tx.roundTool.findUnique({ where: { roundId_tool: { roundId, tool } } });
        if (!before) return;
        await tx.roundTool.delete({ where: { id: before.id } });
        await recordAudit(tx, actor, {
          action: 'monitoring.tool_remove',
          entity: 'monitoring_round',
          entityId: roundId,
          before: { tool, findings: before.findings },
        });
      });
    },
  };
}
