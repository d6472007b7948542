// The knowledge base for consultants: articles in Kazakh and Russian (both required) per topic, drafts
// and published ones, edits and removal (audited), and the search that finds an article by the words of
// a question in either language, drafts included for staff.
import { beforeEach, describe, expect, it } from 'vitest';
import { bearer as as, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';
import { useFixture } from './helpers/fixture.ts';

const taxes = {
  titleKk: 'ҮЕҰ салық есептілігін қашан тапсырады',
  titleRu: 'Когда НПО сдаёт налоговую отчётность',
  bodyKk: 'Коммерциялық емес ұйымдар корпоративтік табыс салығы бойынша декларацияны жыл сайын 31 наурызға дейін тапсырады.',
  bodyRu: 'Некоммерческие организации сдают декларацию по корпоративному подоходному налогу ежегодно до 31 марта.',
};
const registration = {
  titleKk: 'Қоғамдық бірлестікті тіркеу',
  titleRu: 'Регистрация общественного объединения',
  bodyKk: 'Құрылтай жиналысынан кейін екі ай ішінде әділет органына өтініш беріледі.',
  bodyRu: 'Заявление подаётся в органы юстиции в течение двух месяцев после учредительного собрания.',
};

describe.each(dbTargets)('knowledge base API (%s)', (target) => {
  const api = useApiApp(target);
  const { app, prisma } = api;
  const given = useFixture(async () => ({
    accounting: await prisma.consultationTopic.findUniqueOrThrow({ where: { code: 'ngo-accounting-taxes-reporting' } }),
    legal: await prisma.consultationTopic.findUniqueOrThrow({ where: { code: 'ngo-registration-governance' } }),
    consultant: (await api.staff({ login: 'kb-consultant', fullName: 'Консультант', password: 'kb-consultant-password-1', roles: ['consultant'] })).token,
    operator: (await api.staff({ login: 'kb-operator', fullName: 'Оператор', password: 'kb-operator-password-1', roles: ['operator'] })).token,
  }));

  const send = (method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: unknown, token = given.consultant) =>
    app.inject({ method, url, headers: as(token), ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
  const create = async (body: object, topicId = given.accounting.id) => {
    const res = await send('POST', '/api/faq', { topicId, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; published: boolean };
  };
  const search = async (q: string, extra = '') => {
    const res = await send('GET', `/api/faq/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Array<{ score: number; article: { id: number } }>).map((m) => m.article.id);
  };

  beforeEach(async () => {
    await prisma.faqArticle.deleteMany();
  });

  it('creates a draft in both languages by default, with who wrote it, audited', async () => {
    const a = await create(taxes);
    expect(a).toMatchObject({ ...taxes, topicId: given.accounting.id, published: false, sourceQuestionId: null, shownCount: 0 });
    const row = await prisma.faqArticle.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.createdById).toBe((await prisma.staffUser.findUniqueOrThrow({ where: { login: 'kb-consultant' } })).id);
    expect(await prisma.auditLog.count({ where: { action: 'faq.create', entityId: String(a.id) } })).toBe(1);
  });

  it('refuses empty and oversized titles and texts, a missing language and an unknown topic, with clear errors', async () => {
    const cases: Array<[object, number, string]> = [
      [{ ...taxes, titleKk: '' }, 400, 'faq.title_empty'],
      [{ ...taxes, titleRu: '   ' }, 400, 'faq.title_empty'],
      [{ ...taxes, titleRu: 'т'.repeat(201) }, 400, 'faq.title_long'],
      [{ ...taxes, bodyKk: '' }, 400, 'faq.body_empty'],
      [{ ...taxes, bodyRu: 'т'.repeat(3501) }, 400, 'faq.body_long'],
      [{ titleKk: taxes.titleKk, titleRu: taxes.titleRu, bodyRu: taxes.bodyRu }, 400, 'validation'],
      [{ ...taxes, topicId: 999_999 }, 400, 'faq.unknown_topic'],
    ];
    for (const [body, status, code] of cases) {
      const res = await send('POST', '/api/faq', { topicId: given.accounting.id, ...body });
      expect(res.statusCode, code).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const kkMessage = await app.inject({
      method: 'POST',
      url: '/api/faq',
      headers: { ...as(given.consultant), 'accept-language': 'kk' },
      payload: { topicId: given.accounting.id, ...taxes, bodyRu: 'т'.repeat(3501) },
    });
    expect(kkMessage.json().error.message).toBe('Мақаланың мәтіні тым ұзын: 3500 таңбадан аспауы керек.');
    expect(await prisma.faqArticle.count()).toBe(0);
    // Exactly at the limits is fine.
    await create({ ...taxes, titleKk: 'т'.repeat(200), bodyKk: 'т'.repeat(3500) });
  });

  it('publishes, edits and deletes; the list filters by topic and published; every change is audited', async () => {
    const a = await create(taxes);
    const b = await create(registration, given.legal.id);
    const published = await send('PATCH', `/api/faq/${a.id}`, { published: true });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().published).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: 'faq.publish', entityId: String(a.id) } })).toBe(1);

    const list = async (query: string) => (await send('GET', `/api/faq${query}`)).json().items.map((x: { id: number }) => x.id);
    expect(await list('')).toEqual([a.id, b.id]);
    expect(await list('?published=true')).toEqual([a.id]);
    expect(await list('?published=false')).toEqual([b.id]);
    expect(await list(`?topicId=${given.legal.id}`)).toEqual([b.id]);
    const page = await send('GET', '/api/faq?limit=1');
    expect(page.json().nextCursor).toBe(String(a.id));
    expect((await send('GET', `/api/faq?limit=1&cursor=${a.id}`)).json().items.map((x: { id: number }) => x.id)).toEqual([b.id]);

    const edited = await send('PATCH', `/api/faq/${b.id}`, { titleRu: 'Как зарегистрировать общественное объединение' });
    expect(edited.json()).toMatchObject({ titleRu: 'Как зарегистрировать общественное объединение', titleKk: registration.titleKk });
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: 'faq.update', entityId: String(b.id) } })).toMatchObject({
      before: { titleRu: registration.titleRu },
    });
    expect((await send('PATCH', `/api/faq/${b.id}`, { bodyKk: '' })).json().error.code).toBe('faq.body_empty');
    expect((await send('PATCH', `/api/faq/${b.id}`, {})).statusCode).toBe(400);

    expect((await send('DELETE', `/api/faq/${b.id}`)).statusCode).toBe(200);
    expect(await prisma.faqArticle.findUnique({ where: { id: b.id } })).toBeNull();
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: 'faq.delete', entityId: String(b.id) } })).toMatchObject({
      before: { titleKk: registration.titleKk },
    });
    expect((await send('DELETE', `/api/faq/${b.id}`)).json().error.code).toBe('faq.not_found');
    expect((await send('GET', `/api/faq/${b.id}`)).statusCode).toBe(404);
  });

  it('finds an article by the words of a question in Kazakh or in Russian, drafts included for staff', async () => {
    const a = await create(taxes);
    const b = await create(registration, given.legal.id);
    // Kazakh words with other endings than the article's; Russian likewise.
    expect((await search('Салық есептілігін қашан тапсыру керек?'))[0]).toBe(a.id);
    expect((await search('Когда сдавать налоговую отчетность НПО?'))[0]).toBe(a.id);
    expect((await search('Қоғамдық бірлестіктерді тіркеу'))[0]).toBe(b.id);
    expect((await search('регистрации общественных объединений'))[0]).toBe(b.id);
    expect(await search('регистрации общественных объединений', `&topicId=${given.accounting.id}`)).toEqual([]);
    expect(await search('футбол мяч стадион')).toEqual([]);
    // Both are drafts: the bot would find neither.
    expect(await prisma.faqArticle.count({ where: { published: true } })).toBe(0);
  });

  it('refuses an empty or oversized search, and everything to staff without the consultant role', async () => {
    expect((await send('GET', '/api/faq/search?q=%20')).json().error.code).toBe('faq.query_empty');
    expect((await send('GET', `/api/faq/search?q=${'а'.repeat(501)}`)).json().error.code).toBe('faq.query_long');
    for (const [method, url] of [
      ['GET', '/api/faq'],
      ['POST', '/api/faq'],
      ['GET', '/api/faq/search?q=налог'],
    ] as const) {
      const res = await send(method, url, method === 'POST' ? { topicId: given.accounting.id, ...taxes } : undefined, given.operator);
      expect(res.statusCode, url).toBe(403);
    }
  });
});
