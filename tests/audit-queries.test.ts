// Reading the audit log through its service (services.audit): admins only, in core as well as on the
// route, newest first, with the filters and pages the console uses, and the names of who acted and on what.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../app/compose.ts';
import { recordAudit } from '../core/audit/audit-log.ts';
import { DomainError } from '../core/errors.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { toPrincipal } from '../core/staff/staff-service.ts';
import { makeCitizen, makeQuestion, makeStaff } from './helpers/consult-fixtures.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';

const NOW = new Date('2026-12-06T09:00:00Z');

describe.each(dbTargets)('the audit log on %s', (target) => {
  const suite = useTestDb(target, { truncate: ['StaffUser', 'AuditLog', 'Question', 'ConsultationTopic', 'Citizen'] });
  let services: ServicesWithDb;

  beforeAll(() => {
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 12, now: () => NOW });
  });

  async function entries() {
    const prisma = suite.db.prisma;
    for (const [action, entityId] of [
      ['staff.create', 1],
      ['question.claim', 2],
      ['staff.update', 1],
    ] as const)
      await recordAudit(prisma, { type: 'staff', id: 5 }, { action, entity: action.split('.')[0]!, entityId });
  }

  it('gives admins the entries newest first, a page at a time, and filters by an action prefix', async () => {
    await entries();
    const admin = toPrincipal(await makeStaff(suite.db.prisma, ['admin']));
    const first = await services.audit.list(admin, {}, { limit: 2 });
    expect(first.items.map((e) => e.action)).toEqual(['staff.update', 'question.claim']);
    expect(first.nextCursor).toBe(first.items[1]!.id);
    const rest = await services.audit.list(admin, {}, { limit: 2, cursor: first.nextCursor! });
    expect(rest.items.map((e) => e.action)).toEqual(['staff.create']);
    expect(rest.nextCursor).toBeNull();
    const staff = await services.audit.list(admin, { action: 'staff.*' }, { limit: 10 });
    expect(staff.items.map((e) => e.action)).toEqual(['staff.update', 'staff.create']);
  });

  it('names who acted and what they acted on, so the console can say it as a sentence', async () => {
    const prisma = suite.db.prisma;
    const admin = await makeStaff(prisma, ['admin'], { fullName: 'Айгерім Сапарова' });
    const newcomer = await makeStaff(prisma, ['operator'], { fullName: 'Бауыржан Омаров' });
    await recordAudit(prisma, { type: 'staff', id: admin.id }, { action: 'staff.create', entity: 'staff_user', entityId: newcomer.id });
    await recordAudit(prisma, { type: 'citizen', id: 77 }, { action: 'report.support', entity: 'report', entityId: 999_999 });
    const page = await services.audit.list(toPrincipal(admin), {}, { limit: 2 });
    expect(page.items.map((e) => [e.actorName, e.subject])).toEqual([
      // a citizen stays unnamed; a thing that is gone keeps only its id
      [null, null],
      ['Айгерім Сапарова', { kk: 'Бауыржан Омаров', ru: 'Бауыржан Омаров' }],
    ]);
  });

  it('finds the entries of a question by the number people quote, and none for a number nothing carries', async () => {
    const prisma = suite.db.prisma;
    const admin = await makeStaff(prisma, ['admin']);
    const topic = await prisma.consultationTopic.create({ data: { code: 'audit-number', nameKk: 'Тіркеу', nameRu: 'Регистрация' } });
    const citizen = await makeCitizen(prisma);
    const [asked, other] = [
      await makeQuestion(prisma, { citizenId: citizen.id, topicId: topic.id }),
      await makeQuestion(prisma, { citizenId: citizen.id, topicId: topic.id }),
    ];
    for (const q of [asked, other])
      await recordAudit(prisma, { type: 'staff', id: admin.id }, { action: 'question.claim', entity: 'question', entityId: q.id });
    // a staff member whose id equals the question's must not match its number
    await recordAudit(prisma, { type: 'staff', id: admin.id }, { action: 'staff.update', entity: 'staff_user', entityId: asked.id });
    const byNumber = await services.audit.list(toPrincipal(admin), { entityId: asked.number }, { limit: 10 });
    expect(byNumber.items.map((e) => [e.action, e.subject?.ru])).toEqual([['question.claim', asked.number]]);
    const unknown = await services.audit.list(toPrincipal(admin), { entityId: 'KZ-2026-999999' }, { limit: 10 });
    expect(unknown.items).toEqual([]);
  });

  it('refuses anyone else, whatever other role they have', async () => {
    await entries();
    for (const roles of [['consultant'], ['operator', 'moderator']] as const) {
      const someone = toPrincipal(await makeStaff(suite.db.prisma, [...roles]));
      const refused = await services.audit.list(someone, {}, { limit: 10 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('auth.role_required');
    }
  });
});
