// Civic-control reports of the demo: filed in the bot by the demo citizens in five regions, then accepted,
// resolved, rejected, merged or reopened by the regional operators, with followers, comments, ratings and a
// photo each, so every status and both colours of the board appear with a real history.
// The reports themselves are data, in demo-data.ts and demo-data-more.ts.
import type { Report } from '../../generated/prisma/client.ts';
import type { DemoContext } from '../demo/demo-context.ts';
import { inLocale } from '../demo/demo-context.ts';
import { ACCEPTED, FIRST_REPORTS, type DemoReportSpec } from './demo-data.ts';
import { MORE_REPORTS } from './demo-data-more.ts';
import { scheduleTemplates } from './demo-templates.ts';

/** In this order: the reports' numbers follow it. */
const DEMO_REPORTS: DemoReportSpec[] = [...FIRST_REPORTS, ...MORE_REPORTS];

const PHOTO_MIME = 'image/png';

export function scheduleReports(ctx: DemoContext): Map<string, { report?: Report }> {
  const { s, tl } = ctx;
  scheduleTemplates(ctx);
  const refs = new Map<string, { report?: Report }>();
  for (const spec of DEMO_REPORTS) refs.set(spec.key, {});
  const operatorOf: Record<string, string> = {
    astana: 'operator',
    'almaty-city': 'operator.almaty',
    karaganda: 'operator.karaganda',
    shymkent: 'operator.shymkent',
    pavlodar: 'operator.pavlodar',
  };

  for (const spec of DEMO_REPORTS) {
    const ref = refs.get(spec.key)!;
    const author = ctx.citizen(spec.citizen);
    const filed = tl.when(spec.daysAgo, spec.hour, 17);
    const hoursAfter = (h: number) => new Date(filed.getTime() + h * 3_600_000);
    const id = () => ref.report!.id;
    // Pavlodar's operator has one department: reports of others are acted on by the admin there.
    const op = () => {
      const p = ctx.staff(operatorOf[spec.region]!);
      return p.departmentId == null || p.departmentId === ref.report!.departmentId ? p : ctx.staff('admin');
    };
    const note = (l: { kk: string; ru: string }) => inLocale(author.locale, l);

    tl.add(filed, `report ${spec.key}`, async () => {
      const photo = {
        kind: 'photo' as const,
        telegramFileId: `demo:${spec.scene}:${spec.key}`,
        fileUniqueId: `demo-${spec.key}`,
        mimeType: PHOTO_MIME,
        fileName: `${spec.key}.png`,
      };
      await s.reportCitizen.saveDraft(author.citizen.id, {
        categoryId: ctx.category(spec.category),
        regionId: ctx.region(spec.region),
        districtId: ctx.district(spec.district),
        lat: spec.at?.[0] ?? null,
        lon: spec.at?.[1] ?? null,
        address: spec.address,
        description: spec.text,
        anonymous: spec.anonymous ?? false,
      });
      await s.reportCitizen.addDraftEvidence(author.citizen.id, photo);
      ref.report = await s.reportCitizen.submitDraft(author.citizen.id);
      // Staff open the photo once: the evidence store fetches and keeps it, as it does from Telegram.
      const evidence = await s.prisma.reportEvidence.findMany({ where: { reportId: ref.report.id } });
      for (const e of evidence) await s.evidence.open(ref.report.id, e.id, ref.report);
    });

    (spec.supporters ?? []).forEach((key, i) => {
      tl.add(hoursAfter(5 + i * 7), `support ${spec.key}`, () => s.reports.support(ctx.citizen(key).citizen.id, id()));
    });
    if (spec.comment) {
      tl.add(hoursAfter(spec.comment.afterD * 24), `comment ${spec.key}`, () => s.reportCitizen.comment(author.citizen.id, id(), spec.comment!.text));
    }
    if (spec.hide) {
      tl.add(hoursAfter(2), `hide ${spec.key}`, () => s.reportAdmin.hide(ctx.actor(ctx.staff('moderator')), ctx.staff('moderator'), id(), spec.hide!));
    }

    const f = spec.fate;
    const change = (at: Date, label: string, to: Parameters<typeof s.reportAdmin.changeStatus>[3]) =>
      tl.add(at, `${label} ${spec.key}`, () => s.reportAdmin.changeStatus(ctx.actor(op()), op(), id(), to));
    switch (f.kind) {
      case 'new':
        break;
      case 'self_resolved':
        tl.add(hoursAfter(f.afterD * 24), `self-resolve ${spec.key}`, () => s.reports.closeByAuthor(author.citizen.id, id()));
        break;
      case 'in_work':
        change(hoursAfter(f.acceptAfterH), 'accept', {
          to: 'in_work',
          publicNote: f.note ? note(f.note) : null,
          internalNote: 'Проверено по фото, выезд не нужен для приёма.',
        });
        if (f.assign)
          tl.add(hoursAfter(f.acceptAfterH + 0.5), `assign ${spec.key}`, () =>
            s.reportAdmin.assign(ctx.actor(op()), op(), id(), { assigneeId: ctx.staff(operatorOf[spec.region]!).id, internalNote: 'Беру на контроль.' }),
          );
        break;
      case 'resolved':
      case 'reopened':
        change(hoursAfter(f.acceptAfterH), 'accept', { to: 'in_work', publicNote: note(ACCEPTED) });
        change(hoursAfter(f.acceptAfterH + f.resolveAfterD * 24), 'resolve', {
          to: 'resolved',
          publicNote: note(f.note),
          internalNote: 'Акт выполненных работ приложен в СЭД.',
        });
        if (f.kind === 'resolved' && f.rating) {
          tl.add(hoursAfter(f.acceptAfterH + f.resolveAfterD * 24 + 20), `confirm ${spec.key}`, () =>
            s.reports.confirm(author.citizen.id, id(), { fixed: true, rating: f.rating }),
          );
        }
        if (f.kind === 'reopened') {
          tl.add(hoursAfter(f.acceptAfterH + (f.resolveAfterD + f.reopenAfterD) * 24), `reopen ${spec.key}`, () =>
            s.reports.confirm(author.citizen.id, id(), { fixed: false }),
          );
        }
        break;
      case 'rejected':
      case 'not_responsible':
        change(hoursAfter(f.afterH), f.kind, { to: f.kind, publicNote: note(f.note) });
        break;
      case 'duplicate':
        tl.add(hoursAfter(f.afterH), `merge ${spec.key}`, async () => {
          const notice = note({
            kk: 'Бұл мәселе бойынша өтініш бұрын тіркелген, сіз оны бақылайсыз.',
            ru: 'По этой проблеме уже есть обращение, вы будете получать его новости.',
          });
          const [result] = await s.reportAdmin.merge(ctx.actor(op()), op(), refs.get(f.of)!.report!.id, [id()], notice);
          if (!result?.ok) throw new Error(`merge refused: ${result?.error?.code}`);
        });
        break;
    }
  }
  return refs;
}
