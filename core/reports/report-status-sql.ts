// The statements of a status change (core/reports/report-lifecycle.ts), folded so the admin API's most
// frequent write stays short: one statement locks and reads the report with its category's deadline and
// everyone who hears of it, and one writes the history event, the audit entry and the notices together
// (data-modifying CTEs, in the caller's transaction, so the outbox still commits with its cause).
import { Prisma, type Report } from '../../generated/prisma/client.ts';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import { auditJson, type Actor, type AuditEntry } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { storedPayload, type OutgoingMessage } from '../outbox/outbox-repository.ts';
import { EVENT_NOTICE_PREFIX, listeners, type Listener } from './report-notify.ts';

interface AudienceRow {
  id: number;
  telegramId: string;
  locale: string;
  consentAt: number | null;
}

type LockedRow = Report & { deadlineDays: number; author: AudienceRow | null; followers: AudienceRow[] };

const citizenOf = (c: AudienceRow) => ({
  id: c.id,
  telegramId: BigInt(c.telegramId),
  locale: c.locale,
  consentAt: c.consentAt == null ? null : new Date(c.consentAt),
});

type LockedReport = Report & { category: { deadlineDays: number } };

/**
 * Holds the report's row until the transaction ends: two status changes at once (two operators, or two
 * instances) then run one after the other, and the second sees the first's status instead of both passing
 * the same check and writing two histories and two notifications. Null when there is no such report.
 */
export async function lockForChange(tx: Tx, reportId: number): Promise<{ report: LockedReport; audience: Listener[] } | null> {
  const person = (alias: string) =>
    Prisma.raw(
      `json_build_object('id', ${alias}.id, 'telegramId', ${alias}."telegramId"::text, 'locale', ${alias}.locale, 'consentAt', floor(extract(epoch FROM ${alias}."consentAt") * 1000)::float8)`,
    );
  const [row] = await tx.$queryRaw<LockedRow[]>`
    SELECT r.*, c."deadlineDays",
      (SELECT ${person('a')} FROM "Citizen" a WHERE a.id = r."citizenId") AS author,
      (SELECT coalesce(json_agg(${person('z')} ORDER BY f."createdAt", f."citizenId"), '[]'::json)
        FROM "ReportFollower" f JOIN "Citizen" z ON z.id = f."citizenId" WHERE f."reportId" = r.id) AS followers
    FROM "Report" r JOIN "Category" c ON c.id = r."categoryId"
    WHERE r.id = ${reportId}
    FOR UPDATE OF r`;
  if (!row) return null;
  const { deadlineDays, author, followers, ...report } = row;
  return { report: { ...report, category: { deadlineDays } }, audience: listeners(author && citizenOf(author), followers.map(citizenOf)) };
}

interface StatusEvent {
  reportId: number;
  at: Date;
  actor: Actor;
  fromStatus: ReportStatus;
  toStatus: ReportStatus;
  publicNote: string | null;
  internalNote: string | null;
  data?: unknown;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/**
 * Writes the status event, its audit entry and the notices of everyone who hears of it, in one statement;
 * a notice whose dedupe key is taken is not enqueued again (as enqueueMessage). Returns the event's id.
 */
export async function writeStatusChange(
  tx: Tx,
  e: StatusEvent,
  audit: AuditEntry,
  notices: Array<Omit<OutgoingMessage, 'dedupeKey'> & { citizenId: number }>,
): Promise<number> {
  const actorId = e.actor.id == null ? null : String(e.actor.id);
  // What Prisma's `@default(now())` gave these rows: the process's clock at the write.
  const written = new Date();
  const outbox = notices.length
    ? Prisma.sql`, notices AS (
        INSERT INTO "OutboxMessage" ("chatId", "citizenId", kind, payload, "dedupeKey", "nextAttemptAt", "createdAt")
        SELECT m.chat, m.citizen, m.kind, m.payload::jsonb, ${EVENT_NOTICE_PREFIX}::text || event.id || ':' || m.citizen, m.due, ${written}::timestamp
        FROM event, (VALUES ${Prisma.join(
          notices.map(
            (n) =>
              Prisma.sql`(${BigInt(n.chatId)}::bigint, ${n.citizenId}::int, ${n.kind}::text, ${JSON.stringify(storedPayload(n))}::text, ${n.notBefore ?? written}::timestamp)`,
          ),
        )}) AS m(chat, citizen, kind, payload, due)
        ON CONFLICT DO NOTHING)`
    : Prisma.empty;
  const [row] = await tx.$queryRaw<Array<{ id: number }>>`
    WITH event AS (
      INSERT INTO "ReportEvent" ("reportId", at, "actorType", "actorId", type, "fromStatus", "toStatus", "publicNote", "internalNote", data)
      VALUES (${e.reportId}, ${e.at}, ${e.actor.type}, ${actorId}, 'status', ${e.fromStatus}::"ReportStatus", ${e.toStatus}::"ReportStatus",
              ${e.publicNote}, ${e.internalNote}, ${json(e.data)}::jsonb)
      RETURNING id
    ), audit AS (
      INSERT INTO "AuditLog" (at, "actorType", "actorId", ip, action, entity, "entityId", before, after)
      VALUES (${written}::timestamp, ${e.actor.type}, ${actorId}, ${e.actor.ip ?? null}, ${audit.action}, ${audit.entity},
              ${audit.entityId == null ? null : String(audit.entityId)}, ${json(auditJson(audit.before))}::jsonb, ${json(auditJson(audit.after))}::jsonb)
    )${outbox}
    SELECT id FROM event`;
  return row!.id;
}
