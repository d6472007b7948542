// «Жомарт жүрек» in the demo: volunteers signed up in the bot (verified phones), past events with attendance,
// hours, people helped and the organiser's reviews (so the rankings have winners), an upcoming event with
// approved, pending and wait-listed applications and a minor waiting for a parent's consent, a draft and a
// cancelled event.
import type { DemoContext } from '../demo/demo-context.ts';
import { OPPORTUNITIES, VOLUNTEERS } from './demo-data.ts';

export function scheduleVolunteering(ctx: DemoContext): void {
  const { s, tl } = ctx;
  const manager = () => ctx.staff('manager');
  const act = () => ctx.actor(manager());

  VOLUNTEERS.forEach((v, i) => {
    const c = ctx.citizen(v.citizen);
    tl.add(tl.when(58 - Math.floor(i / 2), 19), `volunteer ${v.citizen}`, async () => {
      const { profiles } = s.volunteering;
      await profiles.save(c.citizen.id, {
        name: c.name,
        regionId: ctx.region(c.regionCode),
        districtId: ctx.district(c.districtCode),
        directions: v.directions,
        areaIds: v.areaIds,
        skills: v.skills || null,
        availability: v.availability,
        birthYear: (await s.prisma.citizen.findUniqueOrThrow({ where: { id: c.citizen.id } })).birthYear ?? 1990,
      });
      const telegramId = Number(c.citizen.telegramId);
      await profiles.verifyContact(c.citizen.id, telegramId, { phone_number: `+7707${String(telegramId).slice(-7)}`, user_id: telegramId });
      await profiles.complete(c.citizen.id);
    });
  });

  for (const o of OPPORTUNITIES) {
    // Planned on a calendar day relative to today, at a local hour: past events have happened, others are ahead.
    const startReal = tl.day(o.startsInDays, o.hour);
    const endsAt = new Date(startReal.getTime() + o.hours * 3_600_000);
    const createdAt = o.startsInDays > 0 ? tl.when(3 + Math.floor(o.participants.length / 2), 10) : tl.when(-o.startsInDays + 7, 10);
    const ref: { id?: number; apps: Map<string, number> } = { apps: new Map() };
    tl.add(createdAt, `opportunity ${o.key}`, async () => {
      const created = await s.volunteering.opportunities.create(act(), manager(), {
        titleKk: o.titleKk,
        titleRu: o.titleRu,
        descriptionKk: o.descriptionKk,
        descriptionRu: o.descriptionRu,
        organiserName: o.organiser,
        directions: o.directions,
        areaId: o.areaId,
        regionId: ctx.region(o.region),
        districtId: o.district ? ctx.district(o.district) : null,
        place: o.place,
        startsAt: startReal,
        endsAt,
        needed: o.needed,
        publish: o.state !== 'draft',
      });
      ref.id = created.id;
    });
    const step = (h: number) => new Date(createdAt.getTime() + h * 3_600_000);
    o.participants.forEach((p, i) => {
      const who = ctx.citizen(p.citizen);
      tl.add(step(2 + i * 3), `apply ${p.citizen} ${o.key}`, async () => {
        const r = await s.volunteering.applications.apply(who.citizen.id, ref.id!);
        ref.apps.set(p.citizen, r.applicationId);
      });
    });
    // Decisions the next day; the wait-listed ones got there by the queue itself (no places were left).
    o.participants.forEach((p, i) => {
      const app = () => ref.apps.get(p.citizen)!;
      const who = ctx.citizen(p.citizen);
      const decideAt = step(24 + i);
      if (p.outcome === 'declined')
        tl.add(decideAt, `decline ${p.citizen}`, () =>
          s.volunteering.applications.decide(act(), manager(), app(), { action: 'decline', reason: p.declineReason! }),
        );
      if (['approved', 'attended', 'no_show'].includes(p.outcome))
        tl.add(decideAt, `approve ${p.citizen}`, () => s.volunteering.applications.decide(act(), manager(), app(), { action: 'approve' }));
      const after = new Date(endsAt.getTime() + 2 * 3_600_000);
      if (p.outcome === 'attended') {
        tl.add(after, `attendance ${p.citizen}`, () =>
          s.volunteering.applications.recordAttendance(act(), manager(), app(), { attended: true, hours: p.hours!, peopleHelped: p.people ?? 0 }),
        );
        if (p.rating)
          tl.add(new Date(after.getTime() + 3_600_000), `review ${p.citizen}`, () =>
            s.volunteering.applications.review(act(), manager(), app(), { rating: p.rating!, comment: p.review ?? null }),
          );
        tl.add(new Date(after.getTime() + 20 * 3_600_000), `confirm ${p.citizen}`, () => s.volunteering.applications.confirm(who.citizen.id, app(), true));
      }
      if (p.outcome === 'no_show')
        tl.add(after, `no-show ${p.citizen}`, () => s.volunteering.applications.recordAttendance(act(), manager(), app(), { attended: false }));
    });
    if (o.state === 'cancelled') tl.add(step(30), `cancel ${o.key}`, () => s.volunteering.opportunities.cancel(act(), manager(), ref.id!));
  }
}
