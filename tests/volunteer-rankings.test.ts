// «Жомарт жүрек» rankings on a fixture whose winners were worked out by hand (seed 002: most active =
// people helped, favourite = positive reviews; per district / city / oblast and month / quarter / year).
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../app/compose.ts';
import { parsePeriod } from '../core/volunteering/volunteer-rankings.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { ADMIN, at, organiser } from './volunteer-fixtures.ts';
import { useFixture } from './helpers/fixture.ts';

/*
 * Attendance (people helped, hours, review) by event; D1 and D2 are districts of Almaty, e5 is in Astana.
 *   e1 D1 05.03 10:00  A 10p 3h ★5 · B 10p 4h ★4 · C 3p 2h ★5 · X 40p 8h (erased later)
 *   e6 D1 31.03 23:30  C 8p 1h ★3                      (still March in Almaty, 18:30 UTC)
 *   e7 D1 01.04 00:30  D 50p 5h ★5                     (April in Almaty, though 31 March in UTC)
 *   e2 D2 20.03 10:00  D 6p 2h ★5 · A 2p 1h ★3 · F 2p 1h ★3 · E 20p 6h ★2 · B no-show
 *   e3 D1 10.02 10:00  D 30p 2h ★5 · E 1p 1h ★5 · A 10p 1h ★5 denied by A (not counted)
 *   e5 Astana 10.03    B 100p 10h ★5
 *
 * District D1, March 2026 (e1, e6):
 *   most active  C 11p 3h · B 10p 4h · A 10p 3h          → C, then B before A on hours
 *   favourite    A 1 (★5) · C 1 (avg 4, 11p) · B 1 (avg 4, 10p) → A
 *   totals       18 h, 71 people (X counts), 4 volunteers, 2 events
 * District D2, March 2026 (e2): most active E 20p · D 6p · A and F 2p 1h share 3rd; favourite D only.
 * Almaty (region), Q1 2026 (e1, e6, e2, e3):
 *   most active  D 36p · E 21p · A 12p · C 11p · B 10p · F 2p → D
 *   favourite    D 2 · A 1 (avg 4, 12p) · C 1 (avg 4, 11p) · B 1 (avg 4, 10p) · E 1 (avg 3.5) → D
 *   totals       31 h, 132 people, 7 volunteers, 4 events
 * Almaty, 2026 (adds e7): most active D 86p.
 */
describe.each(dbTargets)('volunteer rankings on %s', (target) => {
  const suite = useTestDb(target);
  const people: Record<string, number> = {};

  const given = useFixture(async () => {
    const prisma = suite.db.prisma;
    const services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 12, now: () => at('2026-12-01T10:00:00') });
    const almaty = await prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' }, include: { districts: { orderBy: { id: 'asc' } } } });
    const astana = await prisma.region.findUniqueOrThrow({ where: { code: 'astana' } });
    const [almatyId, d1, d2] = [almaty.id, almaty.districts[0]!.id, almaty.districts[1]!.id];
    let telegramId = 610_000;
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'X']) {
      const c = await prisma.citizen.create({ data: { telegramId: BigInt(telegramId++), consentAt: at('2026-01-01T00:00:00') } });
      people[name] = c.id;
      await prisma.volunteer.create({ data: { citizenId: c.id, name: `Волонтёр ${name}`, regionId: almaty.id, signedUpAt: at('2026-01-01T00:00:00') } });
    }
    const event = (regionId: number, districtId: number | null, local: string) =>
      prisma.volunteerOpportunity.create({
        data: {
          titleKk: 'Іс',
          titleRu: 'Дело',
          organiserName: 'ГРЦ',
          regionId,
          districtId,
          place: 'Парк',
          startsAt: at(local),
          endsAt: new Date(at(local).getTime() + 3_600_000),
          needed: 10,
          status: 'published',
          directions: [],
        },
      });
    const e1 = await event(almaty.id, d1, '2026-03-05T10:00:00');
    const e6 = await event(almaty.id, d1, '2026-03-31T23:30:00');
    const e7 = await event(almaty.id, d1, '2026-04-01T00:30:00');
    const e2 = await event(almaty.id, d2, '2026-03-20T10:00:00');
    const e3 = await event(almaty.id, d1, '2026-02-10T10:00:00');
    const e5 = await event(astana.id, null, '2026-03-10T10:00:00');
    const attended = async (
      o: { id: number },
      who: string,
      p: number,
      hours: number,
      rating: number | null,
      extra: { confirmedByVolunteer?: boolean } = {},
    ) => {
      const a = await prisma.volunteerApplication.create({
        data: { opportunityId: o.id, citizenId: people[who]!, state: 'attended', peopleHelped: p, minutes: hours * 60, ...extra },
      });
      if (rating) await prisma.volunteerReview.create({ data: { applicationId: a.id, rating } });
    };
    await attended(e1, 'A', 10, 3, 5);
    await attended(e1, 'B', 10, 4, 4);
    await attended(e1, 'C', 3, 2, 5);
    await attended(e1, 'X', 40, 8, null);
    await attended(e6, 'C', 8, 1, 3);
    await attended(e7, 'D', 50, 5, 5);
    await attended(e2, 'D', 6, 2, 5);
    await attended(e2, 'A', 2, 1, 3);
    await attended(e2, 'F', 2, 1, 3);
    await attended(e2, 'E', 20, 6, 2);
    await prisma.volunteerApplication.create({ data: { opportunityId: e2.id, citizenId: people.B!, state: 'no_show' } });
    await attended(e3, 'D', 30, 2, 5);
    await attended(e3, 'E', 1, 1, 5);
    await attended(e3, 'A', 10, 1, 5, { confirmedByVolunteer: false });
    await attended(e5, 'B', 100, 10, 5);
    // X erases their data: the profile goes, the attendance stays for the totals.
    await services.citizens.erase(people.X!);
    return { prisma, services, almatyId, d1, d2 };
  });

  const rank = (period: string, level: { regionId: number } | { districtId: number }) =>
    given.services.volunteering.rankings(
      ADMIN,
      'regionId' in level ? { level: 'region', regionId: level.regionId } : { level: 'district', districtId: level.districtId },
      parsePeriod(period),
    );
  const names = (list: Array<{ rank: number; name: string }>) => list.map((v) => `${v.rank}:${v.name.replace('Волонтёр ', '')}`);

  it('ranks a district for a month, in Almaty time: people helped with hours breaking ties; positive reviews with the average, then people', async () => {
    const r = await rank('2026-03', { districtId: given.d1 });
    expect(names(r.mostActive)).toEqual(['1:C', '2:B', '3:A']);
    expect(r.mostActive[0]).toMatchObject({ peopleHelped: 11, hours: 3, events: 2, positiveReviews: 1, reviews: 2, averageRating: 4 });
    expect(names(r.favourite)).toEqual(['1:A', '2:C', '3:B']);
    expect(r.totals).toEqual({ hours: 18, peopleHelped: 71, volunteers: 4, events: 2 });
    expect(r.place).toEqual({ kk: expect.stringContaining('Алматы'), ru: expect.stringContaining('Алматы') });
  });

  it('gives volunteers equal on both keys a shared rank', async () => {
    const r = await rank('2026-03', { districtId: given.d2 });
    expect(names(r.mostActive)).toEqual(['1:E', '2:D', '3:A', '3:F']);
    expect(names(r.favourite)).toEqual(['1:D']);
  });

  it('ranks a region for a quarter, leaving out denied attendance, no-shows and other regions', async () => {
    const r = await rank('2026-Q1', { regionId: given.almatyId });
    expect(names(r.mostActive)).toEqual(['1:D', '2:E', '3:A', '4:C', '5:B', '6:F']);
    expect(names(r.favourite)).toEqual(['1:D', '2:A', '3:C', '4:B', '5:E']);
    expect(r.totals).toEqual({ hours: 31, peopleHelped: 132, volunteers: 7, events: 4 });
    // Nobody erased is ranked.
    expect(r.mostActive.map((v) => v.citizenId)).not.toContain(people.X);
  });

  it('counts the April event in the year and the region elsewhere', async () => {
    expect(names((await rank('2026', { regionId: given.almatyId })).mostActive).slice(0, 1)).toEqual(['1:D']);
    expect((await rank('2026', { regionId: given.almatyId })).mostActive[0]).toMatchObject({ peopleHelped: 86 });
    expect(names((await rank('2026-04', { districtId: given.d1 })).mostActive)).toEqual(['1:D']);
    const astana = await given.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } });
    expect(names((await rank('2026-Q1', { regionId: astana.id })).mostActive)).toEqual(['1:B']);
  });

  it('shows only the organiser’s own region', async () => {
    const astana = await given.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } });
    await expect(
      given.services.volunteering.rankings(organiser(9, { regionId: astana.id }), { level: 'region', regionId: given.almatyId }, parsePeriod('2026')),
    ).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    await expect(
      given.services.volunteering.rankings(
        organiser(9, { regionId: given.almatyId, districtId: given.d2 }),
        { level: 'district', districtId: given.d1 },
        parsePeriod('2026'),
      ),
    ).rejects.toMatchObject({ code: 'auth.out_of_scope' });
  });

  it('reads periods as Almaty months, quarters and years', () => {
    expect(parsePeriod('2026-03')).toMatchObject({ kind: 'month', from: at('2026-03-01T00:00:00'), to: at('2026-04-01T00:00:00') });
    expect(parsePeriod('2026-Q4')).toMatchObject({ kind: 'quarter', from: at('2026-10-01T00:00:00'), to: at('2027-01-01T00:00:00') });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', from: at('2026-01-01T00:00:00'), to: at('2027-01-01T00:00:00') });
    expect(() => parsePeriod('2026-13')).toThrow();
  });
});
