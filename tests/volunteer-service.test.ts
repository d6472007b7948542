// Volunteering rules in the services (DOMAIN.md, seed 002; issue 7): a verified phone only from one's own
// contact, one application per opportunity, the wait-list promoted first come first served, no cancelling
// after the start, minors approved only with a parent's consent, reminders each sent once at their time,
// announcements to the volunteers an opportunity suits, attendance and reviews, and erasure.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Citizen, PrismaClient } from '../generated/prisma/client.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { createAppServices } from '../app/compose.ts';
import { processVolunteerReminders } from '../core/volunteering/volunteer-reminders.ts';
import { createVolunteerRemindersJob } from '../jobs/volunteer-reminders.ts';
import type { Job } from '../jobs/scheduler.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { ADMIN, at, opportunityInput, organiser, outboxTexts, signedUpVolunteer, staffActor } from './volunteer-fixtures.ts';

describe.each(dbTargets)('volunteering services on %s', (target) => {
  const suite = useTestDb(target, {
    truncate: ['VolunteerReview', 'VolunteerApplication', 'VolunteerOpportunity', 'Volunteer', 'OutboxMessage', 'AuditLog', 'BotSession', 'Citizen'],
  });
  let prisma: PrismaClient;
  let services: ServicesWithDb;
  let job: Job;
  let clock = at('2026-06-01T09:00:00');
  let almaty: { id: number; districts: Array<{ id: number }> };
  let astanaId: number;
  const admin = staffActor(ADMIN);

  beforeAll(async () => {
    prisma = suite.db.prisma;
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 12, now: () => clock });
    job = createVolunteerRemindersJob(() => services.volunteering.processReminders());
    almaty = await prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' }, include: { districts: { orderBy: { id: 'asc' } } } });
    astanaId = (await prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id;
  });
  beforeEach(() => {
    clock = at('2026-06-01T09:00:00');
  });

  const v = () => services.volunteering;
  const publish = (extra: Parameters<typeof opportunityInput>[1] = {}) =>
    v().opportunities.create(admin, ADMIN, { ...opportunityInput(almaty.id, extra), publish: true });
  const volunteer = (extra: Partial<Parameters<typeof signedUpVolunteer>[1]> = {}) =>
    signedUpVolunteer(services, { regionId: almaty.id, directions: ['ecology'], ...extra });
  const stateOf = async (opportunityId: number, c: Citizen) =>
    (await prisma.volunteerApplication.findUniqueOrThrow({ where: { opportunityId_citizenId: { opportunityId, citizenId: c.id } } })).state;
  const appOf = (opportunityId: number, c: Citizen) =>
    prisma.volunteerApplication.findUniqueOrThrow({ where: { opportunityId_citizenId: { opportunityId, citizenId: c.id } } });
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => 'no refusal',
      (e: { code?: string }) => e.code,
    );

  describe('sign-up', () => {
    it('takes the phone only from the volunteer’s own contact and completes only when every answer is there', async () => {
      const c = await services.citizens.giveConsent(555_000_001, 'kk', 'Айгүл');
      const { profiles } = v();
      await profiles.save(c.id, { name: '  Айгүл   Серікова ', regionId: almaty.id, districtId: almaty.districts[0]!.id });
      expect(await refusal(profiles.complete(c.id))).toBe('volunteer.profile_incomplete');
      // Someone else's contact (another user_id, or a contact with no Telegram account) is refused.
      expect(await refusal(profiles.verifyContact(c.id, 555_000_001, { phone_number: '+77010000002', user_id: 555_000_002 }))).toBe(
        'volunteer.contact_not_own',
      );
      expect(await refusal(profiles.verifyContact(c.id, 555_000_001, { phone_number: '+77010000002' }))).toBe('volunteer.contact_not_own');
      expect((await profiles.get(c.id))!.phoneVerifiedAt).toBeNull();
      expect(await profiles.verifyContact(c.id, 555_000_001, { phone_number: '77010000001', user_id: 555_000_001 })).toBe('+77010000001');
      await profiles.save(c.id, { directions: ['ecology', 'animals'], skills: '', availability: 'regularly', birthYear: 2001 });
      expect(await refusal(profiles.save(c.id, { birthYear: 2024 }))).toBe('volunteer.bad_birth_year');
      const done = await profiles.complete(c.id);
      expect(done).toMatchObject({
        name: 'Айгүл Серікова',
        phone: '+77010000001',
        directions: ['ecology', 'animals'],
        availability: 'regularly',
        birthYear: 2001,
      });
      expect(done.signedUpAt).toEqual(clock);
      const audit = await prisma.auditLog.findMany({ where: { entity: 'volunteer', entityId: String(c.id) }, orderBy: { id: 'asc' } });
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['volunteer.profile', 'volunteer.phone_verified', 'volunteer.sign_up']));
      // The audit keeps which answers changed, never the phone or the name.
      expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain('77010000001');
    });
  });

  describe('applications and the wait-list', () => {
    it('puts an application to a full opportunity on the wait-list and promotes it, first come first served, when a place frees up', async () => {
      const o = await publish({ needed: 2 });
      const [a, b, c, d] = [
        await volunteer({ locale: 'ru' }),
        await volunteer({ locale: 'ru' }),
        await volunteer({ locale: 'kk' }),
        await volunteer({ locale: 'ru' }),
      ];
      expect(await v().applications.apply(a.id, o.id)).toMatchObject({ state: 'applied', position: null });
      expect(await v().applications.apply(b.id, o.id)).toMatchObject({ state: 'applied', position: null });
      expect(await v().applications.apply(c.id, o.id)).toMatchObject({ state: 'waitlisted', position: 1 });
      expect(await v().applications.apply(d.id, o.id)).toMatchObject({ state: 'waitlisted', position: 2 });
      expect((await v().citizen.detail(d.id, o.id)).placesLeft).toBe(0);

      // Applying twice is refused, whatever the state.
      expect(await refusal(v().applications.apply(a.id, o.id))).toBe('volunteer.already_applied');
      expect(await refusal(v().applications.apply(c.id, o.id))).toBe('volunteer.already_applied');

      await v().applications.cancel(a.id, o.id);
      expect(await stateOf(o.id, a)).toBe('cancelled');
      expect(await stateOf(o.id, c)).toBe('applied');
      expect(await stateOf(o.id, d)).toBe('waitlisted');
      expect((await outboxTexts(prisma, c.id, 'volunteer.promoted'))[0]).toContain('Орын босады!');
      expect(await outboxTexts(prisma, d.id, 'volunteer.promoted')).toEqual([]);

      // A decline frees the place too; the volunteer hears the reason.
      await v().applications.decide(admin, ADMIN, (await appOf(o.id, b)).id, { action: 'decline', reason: 'Нужен опыт работы с детьми' });
      expect(await stateOf(o.id, d)).toBe('applied');
      expect((await outboxTexts(prisma, b.id, 'volunteer.declined'))[0]).toContain('Причина: Нужен опыт работы с детьми');
      expect((await outboxTexts(prisma, d.id, 'volunteer.promoted'))[0]).toContain('Освободилось место!');

      // The cancelled volunteer may apply again, at the end of the queue; the declined one may not.
      expect(await v().applications.apply(a.id, o.id)).toMatchObject({ state: 'waitlisted', position: 1 });
      expect(await refusal(v().applications.apply(b.id, o.id))).toBe('volunteer.declined_before');
    });

    it('refuses to cancel or apply once the event has started', async () => {
      const o = await publish({ startsAt: at('2026-06-01T12:00:00'), endsAt: at('2026-06-01T15:00:00') });
      const a = await volunteer();
      await v().applications.apply(a.id, o.id);
      clock = at('2026-06-01T12:00:00');
      expect(await refusal(v().applications.cancel(a.id, o.id))).toBe('volunteer.cancel_after_start');
      expect(await stateOf(o.id, a)).toBe('applied');
      expect(await refusal(v().applications.apply((await volunteer()).id, o.id))).toBe('volunteer.opportunity_started');
    });

    it('approves a minor only once the organiser has set the parent’s consent', async () => {
      const o = await publish({ needed: 3 });
      const minor = await volunteer({ birthYear: 2010 });
      const adult = await volunteer({ birthYear: 2008 }); // 18 in 2026: the birth year is all we know
      await v().applications.apply(minor.id, o.id);
      await v().applications.apply(adult.id, o.id);
      const minorApp = await appOf(o.id, minor);
      expect(await refusal(v().applications.decide(admin, ADMIN, minorApp.id, { action: 'approve' }))).toBe('volunteer.minor_needs_consent');
      await v().applications.decide(admin, ADMIN, (await appOf(o.id, adult)).id, { action: 'approve' });
      const listed = await v().opportunities.applications(ADMIN, o.id);
      expect(listed.find((x) => x.citizenId === minor.id)!.volunteer).toMatchObject({ minor: true, parentConsent: false });
      expect(listed.find((x) => x.citizenId === adult.id)!.volunteer).toMatchObject({ minor: false });
      await v().profiles.setParentConsent(admin, ADMIN, minor.id, true);
      await v().applications.decide(admin, ADMIN, minorApp.id, { action: 'approve' });
      expect(await stateOf(o.id, minor)).toBe('approved');
      expect(await prisma.auditLog.count({ where: { action: 'volunteer.parent_consent', entityId: String(minor.id) } })).toBe(1);
    });

    it('approves no more volunteers than needed', async () => {
      const o = await publish({ needed: 1 });
      const [a, b] = [await volunteer(), await volunteer()];
      await v().applications.apply(a.id, o.id);
      await v().applications.apply(b.id, o.id);
      await v().applications.decide(admin, ADMIN, (await appOf(o.id, a)).id, { action: 'approve' });
      expect(await refusal(v().applications.decide(admin, ADMIN, (await appOf(o.id, b)).id, { action: 'approve' }))).toBe('volunteer.full');
      // More places: the wait-list moves up at once.
      await v().opportunities.update(admin, ADMIN, o.id, { needed: 2 });
      expect(await stateOf(o.id, b)).toBe('applied');
    });

    it('keeps organisers to their region', async () => {
      const o = await publish();
      const astanaPm = organiser(7, { regionId: astanaId });
      expect(await refusal(v().opportunities.get(astanaPm, o.id))).toBe('auth.out_of_scope');
      expect(await refusal(v().opportunities.create(staffActor(astanaPm), astanaPm, opportunityInput(almaty.id)))).toBe('auth.out_of_scope');
      const a = await volunteer();
      await v().applications.apply(a.id, o.id);
      expect(await refusal(v().applications.decide(staffActor(astanaPm), astanaPm, (await appOf(o.id, a)).id, { action: 'approve' }))).toBe(
        'auth.out_of_scope',
      );
      expect((await v().opportunities.list(astanaPm, {}, { offset: 0, limit: 10 })).total).toBe(0);
      expect((await v().opportunities.list(organiser(8, { regionId: almaty.id }), {}, { offset: 0, limit: 10 })).total).toBe(1);
    });
  });

  describe('reminders', () => {
    async function approvedFor(startsAt: string, endsAt: string, locale: 'kk' | 'ru' = 'ru') {
      const o = await publish({ startsAt: at(startsAt), endsAt: at(endsAt) });
      const c = await volunteer({ locale });
      await v().applications.apply(c.id, o.id);
      await v().applications.decide(admin, ADMIN, (await appOf(o.id, c)).id, { action: 'approve' });
      return { o, c };
    }
    const runAt = async (local: string) => {
      clock = at(local);
      return job.run();
    };

    it('sends the day-before and the two-hour reminders once each at their time, then asks whether the volunteer took part', async () => {
      const { c } = await approvedFor('2026-06-10T10:00:00', '2026-06-10T14:00:00', 'kk');
      expect(await runAt('2026-06-09T09:55:00')).toEqual({ day: 0, soon: 0, ask: 0 });
      expect(await runAt('2026-06-09T10:00:00')).toEqual({ day: 1, soon: 0, ask: 0 });
      expect(await runAt('2026-06-09T10:05:00')).toEqual({ day: 0, soon: 0, ask: 0 });
      expect(await runAt('2026-06-10T07:55:00')).toEqual({ day: 0, soon: 0, ask: 0 });
      expect(await runAt('2026-06-10T08:00:00')).toEqual({ day: 0, soon: 1, ask: 0 });
      expect(await runAt('2026-06-10T08:05:00')).toEqual({ day: 0, soon: 0, ask: 0 });
      expect(await runAt('2026-06-10T13:55:00')).toEqual({ day: 0, soon: 0, ask: 0 });
      expect(await runAt('2026-06-10T14:00:00')).toEqual({ day: 0, soon: 0, ask: 1 });
      expect(await runAt('2026-06-10T14:05:00')).toEqual({ day: 0, soon: 0, ask: 0 });
      const texts = await outboxTexts(prisma, c.id);
      expect(texts.filter((x) => x.includes('Еске салу:'))).toHaveLength(1);
      expect(texts.filter((x) => x.includes('Жақында басталады'))).toHaveLength(1);
      expect(texts.filter((x) => x.includes('Қатысқаныңызды растаңызшы'))).toHaveLength(1);
      expect(texts.find((x) => x.includes('Еске салу:'))).toContain('10.06.2026 10:00–14:00');
      const ask = await prisma.outboxMessage.findFirstOrThrow({ where: { citizenId: c.id, kind: 'volunteer.ask_confirm' } });
      expect(JSON.stringify(ask.payload)).toContain('vo:conf:');
      // Due from the moment it was claimed, on the services' clock.
      expect(ask.nextAttemptAt).toEqual(at('2026-06-10T14:00:00'));
    });

    it('sends a reminder once when two instances run the job at the same moment', async () => {
      const { c } = await approvedFor('2026-06-10T10:00:00', '2026-06-10T14:00:00');
      clock = at('2026-06-09T10:30:00');
      const runs = await Promise.all([
        processVolunteerReminders({ prisma, i18n: createI18n(), now: () => clock }),
        processVolunteerReminders({ prisma, i18n: createI18n(), now: () => clock }),
      ]);
      expect(runs.reduce((n, r) => n + r.day, 0)).toBe(1);
      expect(await outboxTexts(prisma, c.id, 'volunteer.reminder_day')).toHaveLength(1);
    });

    it('sends only the two-hour reminder after a late approval, and nothing to a cancelled volunteer', async () => {
      clock = at('2026-06-10T08:30:00');
      const late = await approvedFor('2026-06-10T10:00:00', '2026-06-10T12:00:00');
      const gone = await volunteer();
      await v().applications.apply(gone.id, late.o.id);
      await v().applications.decide(admin, ADMIN, (await appOf(late.o.id, gone)).id, { action: 'approve' });
      await v().applications.cancel(gone.id, late.o.id);
      expect(await runAt('2026-06-10T08:35:00')).toEqual({ day: 0, soon: 1, ask: 0 });
      expect(await outboxTexts(prisma, late.c.id, 'volunteer.reminder_day')).toEqual([]);
      expect(await outboxTexts(prisma, gone.id, 'volunteer.reminder_soon')).toEqual([]);
    });

    it('reminds again at the new time when the event moves, and tells the volunteer', async () => {
      const { o, c } = await approvedFor('2026-06-10T10:00:00', '2026-06-10T14:00:00');
      expect(await runAt('2026-06-09T11:00:00')).toMatchObject({ day: 1 });
      await v().opportunities.update(admin, ADMIN, o.id, { startsAt: at('2026-06-12T10:00:00'), endsAt: at('2026-06-12T14:00:00') });
      expect((await outboxTexts(prisma, c.id, 'volunteer.changed'))[0]).toContain('12.06.2026 10:00–14:00');
      expect(await runAt('2026-06-11T10:30:00')).toMatchObject({ day: 1 });
      expect(await outboxTexts(prisma, c.id, 'volunteer.reminder_day')).toHaveLength(2);
    });
  });

  describe('attendance and reviews', () => {
    it('records attendance after the start, asks the volunteer to confirm, and takes reviews of attended volunteers only', async () => {
      const o = await publish({ needed: 3 });
      const [a, b] = [await volunteer({ locale: 'ru' }), await volunteer()];
      for (const c of [a, b]) {
        await v().applications.apply(c.id, o.id);
        await v().applications.decide(admin, ADMIN, (await appOf(o.id, c)).id, { action: 'approve' });
      }
      const appA = await appOf(o.id, a);
      expect(await refusal(v().applications.recordAttendance(admin, ADMIN, appA.id, { attended: true, hours: 4, peopleHelped: 12 }))).toBe(
        'volunteer.event_not_started',
      );
      clock = at('2026-06-10T15:00:00');
      expect(await refusal(v().applications.recordAttendance(admin, ADMIN, appA.id, { attended: true, hours: 0, peopleHelped: 12 }))).toBe(
        'volunteer.bad_hours',
      );
      await v().applications.recordAttendance(admin, ADMIN, appA.id, { attended: true, hours: 3.5, peopleHelped: 12 });
      await v().applications.recordAttendance(admin, ADMIN, (await appOf(o.id, b)).id, { attended: false });
      expect(await appOf(o.id, a)).toMatchObject({ state: 'attended', minutes: 210, peopleHelped: 12 });
      expect((await outboxTexts(prisma, a.id, 'volunteer.attended'))[0]).toContain('3.5 ч, вы помогли 12 людям');

      expect(await refusal(v().applications.review(admin, ADMIN, (await appOf(o.id, b)).id, { rating: 5 }))).toBe('volunteer.review_needs_attendance');
      expect(await refusal(v().applications.review(admin, ADMIN, appA.id, { rating: 6 }))).toBe('volunteer.bad_rating');
      await v().applications.review(admin, ADMIN, appA.id, { rating: 5, comment: 'Очень ответственно' });
      await v().applications.review(admin, ADMIN, appA.id, { rating: 4, comment: 'Исправлено' });
      expect(await prisma.volunteerReview.findUniqueOrThrow({ where: { applicationId: appA.id } })).toMatchObject({
        rating: 4,
        comment: 'Исправлено',
        staffUserId: ADMIN.id,
      });

      // The volunteer confirms; the record shows the hours and people helped.
      await v().applications.confirm(a.id, appA.id, true);
      const record = await v().citizen.record(a.id);
      expect(record.totals).toEqual({ events: 1, hours: 3.5, peopleHelped: 12 });
      expect(
        await prisma.auditLog.count({
          where: {
            entity: 'volunteer_application',
            entityId: String(appA.id),
            action: { in: ['volunteer.attendance', 'volunteer.review', 'volunteer.confirm'] },
          },
        }),
      ).toBe(4);
    });
  });

  describe('announcements', () => {
    it('announces a published opportunity once to the volunteers of its region and directions who did not opt out', async () => {
      const district = almaty.districts[0]!.id;
      const otherDistrict = almaty.districts[1]!.id;
      const match = await volunteer({ locale: 'kk', directions: ['ecology', 'children'] });
      const sameDistrict = await volunteer({ districtId: district });
      const byArea = await volunteer({ directions: ['driving'], areaIds: [3] });
      const optedOut = await volunteer({ announcementsOff: true });
      const otherDirection = await volunteer({ directions: ['translation'] });
      const otherDistrictV = await volunteer({ districtId: otherDistrict });
      const otherRegion = await signedUpVolunteer(services, { regionId: astanaId, directions: ['ecology'] });
      const o = await v().opportunities.create(admin, ADMIN, { ...opportunityInput(almaty.id, { districtId: district, areaId: 3 }), publish: false });
      expect(await prisma.outboxMessage.count({ where: { kind: 'volunteer.announce' } })).toBe(0);
      await v().opportunities.publish(admin, ADMIN, o.id);
      const told = (await prisma.outboxMessage.findMany({ where: { kind: 'volunteer.announce' } })).map((m) => m.citizenId).sort();
      expect(told).toEqual([match.id, sameDistrict.id, byArea.id].sort());
      for (const c of [optedOut, otherDirection, otherDistrictV, otherRegion]) expect(told).not.toContain(c.id);
      expect((await outboxTexts(prisma, match.id, 'volunteer.announce'))[0]).toContain('Еріктілерге жаңа іс');
      // The bot lists the same opportunities the announcements go out for.
      expect((await v().citizen.suitable(byArea.id, { offset: 0, limit: 10 })).total).toBe(1);
      expect((await v().citizen.suitable(otherDirection.id, { offset: 0, limit: 10 })).total).toBe(0);
      expect(await refusal(v().opportunities.publish(admin, ADMIN, o.id))).toBe('volunteer.not_draft');
    });
  });

  describe('personal data', () => {
    it('shows the profile in /mydata and, on erasure, removes it, withdraws pending applications and keeps anonymised attendance', async () => {
      const past = await publish({ needed: 1, startsAt: at('2026-06-02T10:00:00'), endsAt: at('2026-06-02T12:00:00') });
      const next = await publish({ needed: 1 });
      const c = await volunteer({ locale: 'ru', name: 'Данияр Омаров' });
      const waiting = await volunteer();
      await v().applications.apply(c.id, past.id);
      await v().applications.decide(admin, ADMIN, (await appOf(past.id, c)).id, { action: 'approve' });
      await v().applications.apply(c.id, next.id);
      await v().applications.apply(waiting.id, next.id);
      clock = at('2026-06-02T13:00:00');
      await v().applications.recordAttendance(admin, ADMIN, (await appOf(past.id, c)).id, { attended: true, hours: 2, peopleHelped: 5 });
      await v().applications.review(admin, ADMIN, (await appOf(past.id, c)).id, { rating: 5, comment: 'Данияр молодец' });

      const shown = await services.citizens.exportData(c.id);
      const section = shown.sections.find((s) => s.key === 'volunteer')!.data;
      expect(section).toMatchObject({ 'Имя волонтёра': 'Данияр Омаров', 'Заявок подано': 2, 'Часов волонтёрства': 2, 'Получили помощь (человек)': 5 });

      await services.citizens.erase(c.id);
      expect(await prisma.volunteer.findUnique({ where: { citizenId: c.id } })).toBeNull();
      expect(await stateOf(next.id, c)).toBe('cancelled');
      expect(await stateOf(next.id, waiting)).toBe('applied');
      expect(await appOf(past.id, c)).toMatchObject({ state: 'attended', minutes: 120, peopleHelped: 5 });
      expect(await prisma.volunteerReview.findUniqueOrThrow({ where: { applicationId: (await appOf(past.id, c)).id } })).toMatchObject({
        rating: 5,
        comment: null,
      });
      expect((await services.citizens.exportData(c.id)).sections.find((s) => s.key === 'volunteer')!.data).toMatchObject({ 'Заявок подано': 2 });
    });
  });
});
