// Rows as the monitoring API answers them (dates as YYYY-MM-DD, instants as ISO 8601).
import type { z } from 'zod';
import type { DocumentRequest, MciRate, MonitorAssignment, MonitoringRound, ProjectActivity, RoundTool } from '../../generated/prisma/client.ts';
import type { MeasureView } from '../../core/monitoring/measures.ts';
import type { RoundDetail } from '../../core/monitoring/rounds.ts';
import { isoDate } from '../../core/projects/project-rules.ts';
import { iso } from '../route-kit.ts';
import type { activityBody, assignmentBody, measureBody, mciBody, requestBody, roundBody, roundDetailBody } from './monitoring-schemas.ts';

export const roundView = (r: MonitoringRound & { tools?: RoundTool[] }): z.output<typeof roundBody> => ({
  id: r.id,
  projectId: r.projectId,
  year: r.year,
  plannedOn: isoDate(r.plannedOn),
  status: r.status,
  conductedBy: r.conductedBy,
  conductorId: r.conductorId,
  startedAt: iso(r.startedAt),
  completedAt: iso(r.completedAt),
  summary: r.summary,
  cancelReason: r.cancelReason,
  tools: (r.tools ?? []).map((t) => t.tool),
});

export const measureView = (m: MeasureView): z.output<typeof measureBody> => ({
  id: m.id,
  roundId: m.roundId,
  projectId: m.projectId,
  text: m.text,
  dueOn: isoDate(m.dueOn),
  status: m.status,
  state: m.state,
  delivered: m.delivered,
  reportedAt: iso(m.reportedAt),
  reportNote: m.reportNote,
  closedAt: iso(m.closedAt),
  closeNote: m.closeNote,
  overdueAt: iso(m.overdueAt),
});

export const requestView = (r: DocumentRequest & { files?: number }): z.output<typeof requestBody> => ({
  id: r.id,
  title: r.title,
  dueOn: r.dueOn ? isoDate(r.dueOn) : null,
  requestedAt: r.requestedAt.toISOString(),
  sentAt: iso(r.sentAt),
  receivedAt: iso(r.receivedAt),
  receivedNote: r.receivedNote,
  files: r.files ?? 0,
});

export const detailView = (d: RoundDetail, measure: (m: RoundDetail['measures'][number]) => MeasureView): z.output<typeof roundDetailBody> => ({
  round: roundView({ ...d.round, tools: d.tools }),
  indicators: d.indicators,
  frozen: d.frozen,
  toolRecords: d.tools.map((t) => ({ tool: t.tool, findings: t.findings, details: t.details, updatedAt: t.updatedAt.toISOString() })),
  measures: d.measures.map((m) => measureView(measure(m))),
  requests: d.requests.map(requestView),
});

export const activityView = (a: ProjectActivity): z.output<typeof activityBody> => ({
  id: a.id,
  position: a.position,
  titleKk: a.titleKk,
  titleRu: a.titleRu,
  unitKk: a.unitKk,
  unitRu: a.unitRu,
  plannedQuantity: a.plannedQuantity == null ? null : Number(a.plannedQuantity),
  dueOn: a.dueOn ? isoDate(a.dueOn) : null,
});

export const assignmentView = (a: MonitorAssignment): z.output<typeof assignmentBody> => ({
  id: a.id,
  projectId: a.projectId,
  expertId: a.expertId,
  status: a.status,
  invitedAt: a.invitedAt.toISOString(),
  decidedAt: iso(a.decidedAt),
  withdrawReason: a.withdrawReason,
});

export const mciView = (m: MciRate): z.output<typeof mciBody> => ({
  year: m.year,
  tenge: m.tenge,
  source: m.source,
  origin: m.origin,
  updatedAt: m.updatedAt.toISOString(),
});
