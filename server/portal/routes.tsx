// The public portal's pages (issue 17): the list of civic-control reports with its filters and a report's page,
// in kk and ru, rendered on the server and served from the page cache. Thin: the public data and its privacy
// rules are core's (services.portal.reports); this module turns codes into ids, picks names in the page's
// language and renders.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { i18n } from 'i18next';
import type { VNode } from 'preact';
import { parsePeriodKey } from '../../core/calendar/periods.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { Services } from '../../core/services.ts';
import { filterChoices, namedReports, periodOptions, placeOf, resolveFilter } from './filters.ts';
import { createPageCache, PortalBusyError, type RenderedPage } from './page-cache.ts';
import { langSwitchParams, langSwitchQuery, listQuery, PORTAL_LANGS, reportParams, statsQuery, type PortalLang } from './portal-schemas.ts';
import { renderDocument, type PortalText } from './render.tsx';
import { discussionPages } from './discussion-routes.tsx';
import { embedPages } from './embed-routes.tsx';
import { initiativePages } from './initiative-routes.tsx';
import { mapPages } from './map-routes.tsx';
import { type PageMeta, type PortalKit, portalPolicy, type Section } from './portal-kit.ts';
import { projectPages } from './project-routes.tsx';
import { statsGroups } from './stats-groups.ts';
import { statsDownloads } from './stats-routes.ts';
import { Layout } from './views/layout.tsx';
import { NotFound } from './views/not-found.tsx';
import { ReportList } from './views/report-list.tsx';
import { ReportPage } from './views/report-page.tsx';
import { StatsPage } from './views/stats-page.tsx';

/** No script at all, styles from here only, nothing framed or posted elsewhere. */
export const PORTAL_POLICY = portalPolicy();

const LIST_TTL = { maxAge: 60, staleWhileRevalidate: 300 };
const REPORT_TTL = { maxAge: 30, staleWhileRevalidate: 120 };
const NOT_FOUND_TTL = { maxAge: 30, staleWhileRevalidate: 30 };
// Figures of a period move slowly, and a year's cost the most to compute: five minutes, then refreshed behind.
const STATS_TTL = { maxAge: 300, staleWhileRevalidate: 3600 };
// Any number this installation or an older one issued (KZ-2026-000123); the rest is a 404 without a query.
const NUMBER = /^[A-Z]{2,4}-[0-9-]{1,24}$/;
const LANG_COOKIE = 'lang';
// The share picture of every page (1200×630, the portal's name on its colour), made once with Chromium from
// web/src/portal/og-card.html and committed: rendering one per page would need an image library.
const OG_IMAGE = readFileSync(new URL('./og-default.png', import.meta.url));

/** The language of `/`: the visitor's earlier choice, else the first of ours the browser asks for, else Kazakh. */
export function preferredLang(cookie: string | undefined, acceptLanguage: string | undefined): PortalLang {
  if (cookie === 'kk' || cookie === 'ru') return cookie;
  for (const part of (acceptLanguage ?? '').toLowerCase().split(',')) {
    const tag = part.trim().split(';')[0]!.slice(0, 2);
    if (tag === 'kk' || tag === 'ru') return tag;
  }
  return 'kk';
}

export const portalRoutes =
  (services: Services, i18n: i18n): FastifyPluginAsyncZod =>
  async (app) => {
    const css = readFileSync(new URL('./portal.css', import.meta.url));
    const cssHref = `/portal/static/portal.${createHash('sha1').update(css).digest('hex').slice(0, 12)}.css`;
    const cache = createPageCache({ headers: { 'content-security-policy': PORTAL_POLICY } });
    const ogImage = `/portal/static/og-${createHash('sha1').update(OG_IMAGE).digest('hex').slice(0, 12)}.png`;
    // A report hidden or shown again leaves this process's pages at once: its own page and every list.
    const unsubscribe = services.publicChanges.subscribe((s) => {
      if (s.kind !== 'report') return;
      cache.purge(`report:${s.number}:`);
      cache.purge('list:');
    });
    app.addHook('onClose', async () => unsubscribe());
    const text = (lang: PortalLang): PortalText => i18n.getFixedT(lang, 'portal') as unknown as PortalText;
    const document = (lang: PortalLang, meta: PageMeta, body: VNode) =>
      renderDocument(
        <Layout
          lang={lang}
          t={text(lang)}
          meta={meta}
          cssHref={cssHref}
          ogImage={ogImage}
          body={services.portal.branding.body[lang]}
          baseUrl={services.portal.branding.url}
        >
          {body}
        </Layout>,
      );
    const page = (lang: PortalLang, title: string, description: string, paths: Record<PortalLang, string>, body: VNode, article = false) =>
      document(lang, { title, description, paths, article }, body);
    const samePath = (path: (l: PortalLang) => string) => Object.fromEntries(PORTAL_LANGS.map((l) => [l, path(l)])) as Record<PortalLang, string>;

    const notFound = (lang: PortalLang, back: Section = 'reports'): RenderedPage => {
      const t = text(lang);
      return {
        status: 404,
        html: page(
          lang,
          t('not_found.title'),
          t('not_found.text'),
          samePath((l) => `/${l}/${back}`),
          <NotFound lang={lang} t={t} back={back} />,
        ),
        ...NOT_FOUND_TTL,
      };
    };

    // A full miss queue says so in both languages; nothing is cached.
    const send = async (req: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<RenderedPage>): Promise<FastifyReply> => {
      try {
        return await cache.send(req, reply, key, render);
      } catch (err) {
        if (!(err instanceof PortalBusyError)) throw err;
        return reply
          .code(503)
          .headers({ 'retry-after': '5', 'cache-control': 'no-store', 'content-security-policy': PORTAL_POLICY })
          .type('text/plain; charset=utf-8')
          .send(`${text('kk')('busy')}\n${text('ru')('busy')}\n`);
      }
    };

    const eachLang = (add: (lang: PortalLang, t: PortalText) => void) => PORTAL_LANGS.forEach((lang) => add(lang, text(lang)));
    const kit: PortalKit = { services, cssHref, text, page: document, send, notFound, samePath, purge: (prefix) => cache.purge(prefix), eachLang };

    app.get(ogImage, { schema: { hide: true } }, (_req, reply) =>
      reply.headers({ 'cache-control': 'public, max-age=31536000, immutable' }).type('image/png').send(OG_IMAGE),
    );
    app.get(cssHref, { schema: { hide: true } }, (_req, reply) =>
      reply.headers({ 'cache-control': 'public, max-age=31536000, immutable' }).type('text/css; charset=utf-8').send(css),
    );

    if (services.portal.home) {
      app.get('/', { schema: { hide: true } }, (req, reply) => {
        reply.header('vary', 'Cookie, Accept-Language').header('cache-control', 'private, no-cache');
        return reply.redirect(`/${preferredLang(req.cookies?.[LANG_COOKIE], req.headers['accept-language'])}/reports`, 302);
      });
    }

    // The switch remembers the choice for `/` and goes to the same page in the other language.
    app.get('/lang/:lang', { schema: { hide: true, params: langSwitchParams, querystring: langSwitchQuery } }, (req, reply) => {
      const { lang } = req.params;
      const next = req.query.next && new RegExp(`^/${lang}(/[^/\\\\][^\\s]*)?$`).test(req.query.next) ? req.query.next : `/${lang}/reports`;
      reply.setCookie(LANG_COOKIE, lang, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax', httpOnly: true });
      return reply.header('cache-control', 'no-store').redirect(next, 302);
    });

    kit.eachLang((lang, t) => {
      app.get(`/${lang}`, { schema: { hide: true } }, (_req, reply) => reply.redirect(`/${lang}/reports`, 302));
      app.get(`/${lang}/`, { schema: { hide: true } }, (_req, reply) => reply.redirect(`/${lang}/reports`, 302));

      app.get(`/${lang}/reports`, { schema: { hide: true, querystring: listQuery } }, async (req, reply) => {
        const ref = await services.reference.get();
        const { filter, selected, dropped } = resolveFilter(ref, req.query);
        const periods = periodOptions(services.now());
        if (req.query.period && periods.some((p) => p.code === req.query.period)) selected.period = req.query.period;
        const filed = selected.period ? parsePeriodKey(selected.period) : undefined;
        const search = (l: PortalLang, extra?: Record<string, string>) => {
          const qs = new URLSearchParams({ ...selected, ...extra }).toString();
          return `/${l}/reports${qs ? `?${qs}` : ''}`;
        };
        // The key holds only the parsed values, in a fixed order: random parameters cannot bust the cache.
        const before = req.query.before ? `${req.query.before.createdAt.getTime()}-${req.query.before.id}` : '';
        const key = `list:${lang}:${selected.region ?? ''}:${selected.district ?? ''}:${selected.category ?? ''}:${selected.status ?? ''}:${selected.period ?? ''}:${before}:${dropped ? 1 : 0}`;
        return send(req, reply, key, async () => {
          const { items, next } = await services.portal.reports.list({ ...filter, filed, before: req.query.before });
          const body = (
            <ReportList
              lang={lang}
              t={t}
              dropped={dropped}
              selected={selected}
              items={namedReports(ref, lang, items)}
              nextHref={next ? search(lang, { before: `${next.createdAt.getTime()}-${next.id}` }) : null}
              firstHref={before ? search(lang) : null}
              {...filterChoices(ref, lang, selected.region)}
              periods={periods}
            />
          );
          return {
            status: 200,
            html: page(
              lang,
              t('list.title'),
              t('intro'),
              samePath((l) => search(l)),
              body,
            ),
            ...LIST_TTL,
          };
        });
      });

      app.get(`/${lang}/stats`, { schema: { hide: true, querystring: statsQuery } }, async (req, reply) => {
        const ref = await services.reference.get();
        const { filter, selected } = resolveFilter(ref, { ...req.query, status: undefined, period: undefined });
        const periods = periodOptions(services.now());
        const period = periods.some((p) => p.code === req.query.period) ? req.query.period! : periods[0]!.code;
        const key = `stats:${lang}:${period}:${selected.region ?? ''}:${selected.district ?? ''}:${selected.category ?? ''}`;
        return send(req, reply, key, async () => {
          const s = await services.portal.stats(filter, parsePeriodKey(period));
          const groups = await statsGroups(services, ref, lang, selected, filter, parsePeriodKey(period));
          const initiatives = await services.portal.initiativeStats(filter, parsePeriodKey(period));
          const search = (l: PortalLang) => `/${l}/stats?${new URLSearchParams({ period, ...selected }).toString()}`;
          const body = (
            <StatsPage
              lang={lang}
              t={t}
              s={s}
              initiatives={initiatives}
              periods={periods}
              selected={{ ...selected, period }}
              {...filterChoices(ref, lang, selected.region)}
              asOf={services.now()}
              csvHref={`/${lang}/stats.csv?${new URLSearchParams({ period, ...selected }).toString()}`}
              groups={groups}
              groupHref={(code) =>
                groups?.dimension === 'category' ? null : `/${lang}/stats?${new URLSearchParams({ period, ...selected, [groups!.dimension]: code }).toString()}`
              }
            />
          );
          return { status: 200, html: page(lang, t('stats.title'), t('intro'), samePath(search), body), ...STATS_TTL };
        });
      });

      app.get(`/${lang}/reports/:number`, { schema: { hide: true, params: reportParams } }, async (req, reply) => {
        const { number } = req.params;
        if (!NUMBER.test(number)) return send(req, reply, `bad:${lang}`, async () => notFound(lang));
        return send(req, reply, `report:${number}:${lang}`, async () => {
          const r = await services.portal.reports.byNumber(number);
          if (!r) return notFound(lang);
          const ref = await services.reference.get();
          const category = localName(ref.categories.find((c) => c.id === r.categoryId) ?? { nameKk: '', nameRu: '' }, lang);
          const place = placeOf(ref, lang, r.regionId, r.districtId);
          const department = localName(ref.departments.find((d) => d.id === r.departmentId) ?? { nameKk: '', nameRu: '' }, lang);
          const title = t('report.title', { number: r.number });
          const description = `${category} · ${place} · ${r.description.slice(0, 150)}`;
          // The newest comments, shown oldest first; the rest are in the bot.
          const latest = await services.comments.public.list(r.id, { newestFirst: true, limit: 50 });
          const comments = { items: latest.items.reverse(), total: latest.total };
          const botLink = services.comments.public.botLink(r.number);
          const body = (
            <ReportPage
              lang={lang}
              t={t}
              report={r}
              category={category}
              place={place}
              department={department}
              now={services.now()}
              comments={comments}
              botLink={botLink}
            />
          );
          return {
            status: 200,
            html: page(
              lang,
              title,
              description,
              samePath((l) => `/${l}/reports/${r.number}`),
              body,
              true,
            ),
            ...REPORT_TTL,
          };
        });
      });
    });

    discussionPages(app, kit);
    projectPages(app, kit);
    initiativePages(app, kit);
    mapPages(app, kit);
    statsDownloads(app, kit);
    embedPages(app, kit);
  };
