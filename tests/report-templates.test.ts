// Response templates: admins write them (operators read), unknown placeholders are refused on save,
// and applying one to a status change writes the note in the citizen's language with the report's values.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../generated/prisma/client.ts';
import type { Actor } from '../core/audit/audit-log.ts';
import { formatLocalDate } from '../core/calendar/local-time.ts';
import { fillTemplate, unknownPlaceholders } from '../core/reports/report-templates.ts';
import type { NewReport } from '../core/reports/report-service.ts';
import { bearer as as, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';
import { sentParams } from './helpers/outbox.ts';
import { useFixture } from './helpers/fixture.ts';

const system: Actor = { type: 'system' };

describe('template placeholders', () => {
  it('finds unknown names, each once, and tolerates spaces inside the braces', () => {
    expect(unknownPlaceholders('{{number}} {{ category }} {{name}} {{date}} {{name}}')).toEqual(['name', 'date']);
    expect(unknownPlaceholders('{{number}}, {{due_date}}, {{address}}, {{region}}, {{district}}, {{department}}')).toEqual([]);
  });

  it('fills every occurrence and leaves anything else as written', () => {
    const values = {
      number: 'KZ-2026-000001',
      category: 'Дороги',
      department: 'ЖКХ',
      due_date: '05.03.2026',
      address: '—',
      region: 'Алматы',
      district: 'Алмалинский',
    };
    expect(fillTemplate('{{number}} / {{ number }}: {{category}} до {{due_date}} {x}', values)).toBe(
      'KZ-2026-000001 / KZ-2026-000001: Дороги до 05.03.2026 {x}',
    );
  });
});

describe.each(dbTargets)('report templates API (%s)', (target) => {
  const api = useApiApp(target);
  const { services, app } = api;
  const given = useFixture(async () => {
    const region = await services.prisma.region.findFirstOrThrow({ where: { code: 'almaty-city' }, include: { districts: { orderBy: { id: 'asc' } } } });
    const [category, otherCategory] = await services.prisma.category.findMany({ where: { active: true }, orderBy: { id: 'asc' }, take: 2 });
    const { token: operator } = await api.staff({ login: 'operator', fullName: 'Operator', password: 'operator-password-1', roles: ['operator'] });
    return { admin: api.adminToken, region, category: category!, otherCategory: otherCategory!, operator };
  });
  let nextTelegramId = 990_000;

  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, token = given.admin, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...as(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  async function report(locale: 'kk' | 'ru' | null, extra: Partial<NewReport> = {}): Promise<Report> {
    const citizen = locale
      ? await services.prisma.citizen.create({ data: { telegramId: BigInt(nextTelegramId++), locale, consentAt: new Date('2026-01-01T00:00:00Z') } })
      : null;
    return services.reports.create(system, {
      source: citizen ? 'bot' : 'staff',
      citizenId: citizen?.id ?? null,
      categoryId: given.category.id,
      regionId: given.region.id,
      districtId: given.region.districts[0]!.id,
      address: 'ул. Абая, 10',
      description: 'Яма на проезжей части у остановки',
      evidence: citizen ? [{ kind: 'photo', telegramFileId: 'AgAC-x', fileUniqueId: `u-${nextTelegramId}` }] : [],
      ...extra,
    });
  }

  const create = async (body: Record<string, unknown>) => {
    const res = await send('POST', '/api/report-templates', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number };
  };
  const lastNote = async (reportId: number) =>
    (await services.prisma.reportEvent.findFirstOrThrow({ where: { reportId, type: 'status' }, orderBy: { id: 'desc' } })).publicNote;

  describe('CRUD', () => {
    it('an admin creates, changes and deletes a template; an operator reads but cannot write', async () => {
      const created = await send('POST', '/api/report-templates', {
        categoryId: null,
        status: 'rejected',
        title: 'Не подтвердилось',
        textKk: '{{number}} өтініші расталмады.',
        textRu: 'Обращение {{number}} не подтвердилось.',
      });
      expect(created.statusCode, created.body).toBe(201);
      const t = created.json();
      expect(t).toMatchObject({ categoryId: null, status: 'rejected', active: true, textRu: 'Обращение {{number}} не подтвердилось.' });

      expect((await send('POST', '/api/report-templates', { status: 'rejected', title: 'x', textKk: 'x', textRu: 'x' }, given.operator)).statusCode).toBe(403);
      expect((await send('PATCH', `/api/report-templates/${t.id}`, { title: 'x' }, given.operator)).statusCode).toBe(403);
      expect((await send('DELETE', `/api/report-templates/${t.id}`, undefined, given.operator)).statusCode).toBe(403);
      const listed = await send('GET', '/api/report-templates?status=rejected', undefined, given.operator);
      expect(listed.statusCode).toBe(200);
      expect(listed.json().map((x: { id: number }) => x.id)).toContain(t.id);

      const patched = await send('PATCH', `/api/report-templates/${t.id}`, { title: 'Нарушение не подтвердилось', active: false });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ title: 'Нарушение не подтвердилось', active: false, textKk: '{{number}} өтініші расталмады.' });
      expect((await send('GET', '/api/report-templates?active=true')).json().map((x: { id: number }) => x.id)).not.toContain(t.id);

      expect((await send('DELETE', `/api/report-templates/${t.id}`)).json()).toEqual({ ok: true });
      const gone = await send('GET', `/api/report-templates/${t.id}`);
      expect(gone.statusCode).toBe(404);
      expect(gone.json().error.code).toBe('template.not_found');
      expect(
        (await services.prisma.auditLog.findMany({ where: { entity: 'response_template', entityId: String(t.id) }, orderBy: { id: 'asc' } })).map(
          (a) => a.action,
        ),
      ).toEqual(['template.create', 'template.update', 'template.delete']);
    });

    it('refuses unknown placeholders on save, naming them, in either language text and on change', async () => {
      const res = await send(
        'POST',
        '/api/report-templates',
        { status: 'resolved', title: 'Ошибка', textKk: 'Өтініш {{nomer}} орындалды.', textRu: 'Обращение {{number}} выполнено {{date}}.' },
        given.admin,
        { 'accept-language': 'kk' },
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('template.unknown_placeholder');
      expect(res.json().error.message).toContain('{{nomer}}');
      expect(res.json().error.message).toContain('{{date}}');
      expect(res.json().error.message).toContain('белгісіз');
      const ok = await create({ status: 'resolved', title: 'Верно', textKk: '{{number}} орындалды.', textRu: '{{number}} выполнено.' });
      const patch = await send('PATCH', `/api/report-templates/${ok.id}`, { textRu: 'Готово {{when}}' });
      expect(patch.json().error.code).toBe('template.unknown_placeholder');
      expect((await send('GET', `/api/report-templates/${ok.id}`)).json().textRu).toBe('{{number}} выполнено.');
      expect(
        (await send('POST', '/api/report-templates', { categoryId: 999_999, status: 'resolved', title: 'x', textKk: 'x', textRu: 'x' })).json().error.code,
      ).toBe('template.unknown_category');
      await send('DELETE', `/api/report-templates/${ok.id}`);
    });
  });

  describe('applying', () => {
    let resolved: { id: number };
    let accepted: { id: number };

    beforeAll(async () => {
      resolved = await create({
        categoryId: given.category.id,
        status: 'resolved',
        title: 'Выполнено',
        textKk: '{{number}} өтініші бойынша ({{category}}, {{district}}, {{address}}) жұмыс аяқталды.',
        textRu: 'По обращению {{number}} ({{category}}, {{district}}, {{address}}) работы выполнены.',
      });
      accepted = await create({
        categoryId: null,
        status: 'in_work',
        title: 'Принято',
        textKk: '{{due_date}} дейін қаралады ({{region}}).',
        textRu: 'Будет рассмотрено до {{due_date}} ({{region}}).',
      });
    });

    it('a Kazakh-speaking citizen gets the Kazakh text, a Russian-speaking one the Russian, with the report’s values', async () => {
      const kk = await report('kk');
      const ru = await report('ru');
      for (const r of [kk, ru]) {
        const res = await send('POST', `/api/reports/${r.id}/status`, { to: 'resolved', templateId: resolved.id }, given.operator);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().status).toBe('resolved');
      }
      const district = given.region.districts[0]!;
      expect(await lastNote(kk.id)).toBe(`${kk.number} өтініші бойынша (${given.category.nameKk}, ${district.nameKk}, ул. Абая, 10) жұмыс аяқталды.`);
      expect(await lastNote(ru.id)).toBe(`По обращению ${ru.number} (${given.category.nameRu}, ${district.nameRu}, ул. Абая, 10) работы выполнены.`);
      // The citizen receives it in the status notice.
      const citizen = await services.prisma.citizen.findUniqueOrThrow({ where: { id: kk.citizenId! } });
      const sent = await services.prisma.outboxMessage.findFirstOrThrow({ where: { chatId: citizen.telegramId } });
      expect(sentParams(sent).text).toContain('жұмыс аяқталды');
    });

    it('a report without a citizen is answered in Russian; the due date is the one accepting sets (Almaty dd.mm.yyyy)', async () => {
      const r = await report(null);
      const res = await send('POST', `/api/reports/${r.id}/status`, { to: 'in_work', templateId: accepted.id }, given.operator);
      expect(res.statusCode, res.body).toBe(200);
      const after = await services.prisma.report.findUniqueOrThrow({ where: { id: r.id } });
      expect(await lastNote(r.id)).toBe(`Будет рассмотрено до ${formatLocalDate(after.dueAt!)} (${given.region.nameRu}).`);
    });

    it('a written public note wins over the template', async () => {
      const r = await report('kk');
      await send('POST', `/api/reports/${r.id}/status`, { to: 'resolved', templateId: resolved.id, publicNote: 'Свой текст' }, given.operator);
      expect(await lastNote(r.id)).toBe('Свой текст');
    });

    it('a template for another status or category is refused with 400 and the report stays as it was', async () => {
      const r = await report('ru');
      const mismatch = await send('POST', `/api/reports/${r.id}/status`, { to: 'rejected', templateId: resolved.id }, given.operator);
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.json().error.code).toBe('template.status_mismatch');
      const other = await report('ru', { categoryId: given.otherCategory.id });
      const wrong = await send('POST', `/api/reports/${other.id}/status`, { to: 'resolved', templateId: resolved.id }, given.operator);
      expect(wrong.json().error.code).toBe('template.wrong_category');
      const unknown = await send('POST', `/api/reports/${r.id}/status`, { to: 'resolved', templateId: 999_999 }, given.operator);
      expect(unknown.statusCode).toBe(404);
      for (const id of [r.id, other.id]) expect((await services.prisma.report.findUniqueOrThrow({ where: { id } })).status).toBe('new');
    });

    it('lists the templates that fit a report, with a preview in its citizen’s language', async () => {
      const inactive = await create({ categoryId: given.category.id, status: 'resolved', title: 'Старый', textKk: 'ескі', textRu: 'старый', active: false });
      const foreign = await create({ categoryId: given.otherCategory.id, status: 'resolved', title: 'Чужой', textKk: 'бөтен', textRu: 'чужой' });
      const r = await report('kk');
      const res = await send('GET', `/api/reports/${r.id}/templates`, undefined, given.operator);
      expect(res.statusCode, res.body).toBe(200);
      const items: Array<{ id: number; locale: string; preview: string }> = res.json();
      expect(items.map((i) => i.id).sort()).toEqual([resolved.id, accepted.id].sort());
      expect(items.map((i) => i.id)).not.toContain(inactive.id);
      expect(items.map((i) => i.id)).not.toContain(foreign.id);
      const preview = items.find((i) => i.id === resolved.id)!;
      expect(preview.locale).toBe('kk');
      expect(preview.preview).toContain(`${r.number} өтініші бойынша`);
      const onlyResolved = (await send('GET', `/api/reports/${r.id}/templates?to=resolved`, undefined, given.operator)).json();
      expect(onlyResolved.map((i: { id: number }) => i.id)).toEqual([resolved.id]);
    });
  });
});
