// The map of reports (issue 17; plan §3.6): progressive enhancement over the list. /kk|ru/map is the list's page
// with the same filter form and the same newest reports, plus a map container; the one script the portal has
// (web/src/portal/map.ts with Leaflet, built into web/dist/portal/) draws the points of
// /kk|ru/map/points.json, red in work and green done, as the programme says. Without JavaScript, without the
// build, with the tile server blocked or on a keyboard the list is the way in.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePeriodKey } from '../../core/calendar/periods.ts';
import type { ReferenceData } from '../../core/reference/reference-service.ts';
import { DEFAULT_OUT_DIR } from '../../web/build.mjs';
import { tileOrigin } from '../plugins/console.ts';
import { filterChoices, namedReports, periodOptions, resolveFilter } from './filters.ts';
import { type PortalApp, type PortalKit, portalPolicy } from './portal-kit.ts';
import { listQuery, type ListQuery, type PortalLang } from './portal-schemas.ts';
import { ReportList } from './views/report-list.tsx';

const TTL = { maxAge: 60, staleWhileRevalidate: 300 };
const POINTS_TTL = { maxAge: 300, staleWhileRevalidate: 600 };
/** the map's colours: the badges' (contrast over 6:1 against white), so a point reads as its word does */
const COLOURS = { red: '#B3261E', green: '#1B6E3A', grey: '#5F6368' } as const;

/** The map page may run our own script, style Leaflet's inline positions and load the tiles; nothing else. */
export const mapPolicy = (tileUrl: string) =>
  portalPolicy({
    'script-src': "'self'",
    'style-src': "'self' 'unsafe-inline'",
    'img-src': `'self' data: ${tileOrigin(tileUrl)}`,
    'connect-src': "'self'",
  });

interface Asset {
  href: string;
  body: Buffer;
  type: string;
}

/** The built map script and its stylesheet under content-hashed names; none when the web build is missing. */
export function mapAssets(distDir = DEFAULT_OUT_DIR): { js: Asset; css: Asset } | null {
  const dir = path.join(distDir, 'portal');
  const js = path.join(dir, 'map.js');
  const css = path.join(dir, 'map.css');
  if (!existsSync(js) || !existsSync(css)) return null;
  const asset = (file: string, ext: string, type: string): Asset => {
    const body = readFileSync(file);
    return { href: `/portal/static/map.${createHash('sha1').update(body).digest('hex').slice(0, 12)}.${ext}`, body, type };
  };
  return { js: asset(js, 'js', 'text/javascript; charset=utf-8'), css: asset(css, 'css', 'text/css; charset=utf-8') };
}

const filterKey = (s: Record<string, string | undefined>) => `${s.region ?? ''}:${s.district ?? ''}:${s.category ?? ''}:${s.status ?? ''}:${s.period ?? ''}`;

function filterOf(ref: ReferenceData, q: ListQuery, now: Date) {
  const { filter, selected, dropped } = resolveFilter(ref, q);
  const periods = periodOptions(now);
  if (q.period && periods.some((p) => p.code === q.period)) selected.period = q.period;
  return { filter: { ...filter, filed: selected.period ? parsePeriodKey(selected.period) : undefined }, selected, dropped, periods };
}

export function mapPages(app: PortalApp, kit: PortalKit): void {
  const { services } = kit;
  const assets = mapAssets(services.portal.distDir);
  if (!assets) app.log.warn('the portal map script is not built (npm run build:web): /kk/map shows the list only');
  for (const a of assets ? [assets.js, assets.css] : [])
    app.get(a.href, { schema: { hide: true } }, (_req, reply) =>
      reply.headers({ 'cache-control': 'public, max-age=31536000, immutable' }).type(a.type).send(a.body),
    );
  const { tileUrl, attribution } = services.portal.map;
  const policy = mapPolicy(tileUrl);

  kit.eachLang((lang, t) => {
    app.get(`/${lang}/map`, { schema: { hide: true, querystring: listQuery } }, async (req, reply) => {
      const ref = await services.reference.get();
      const { filter, selected, dropped, periods } = filterOf(ref, { ...req.query, before: undefined }, services.now());
      const qs = (l: PortalLang, base: string) => {
        const q = new URLSearchParams(selected).toString();
        return `/${l}/${base}${q ? `?${q}` : ''}`;
      };
      return kit.send(req, reply, `map:${lang}:${filterKey(selected)}:${dropped ? 1 : 0}`, async () => {
        const { items, next } = await services.portal.reports.list(filter);
        const body = (
          <ReportList
            base="map"
            lang={lang}
            t={t}
            dropped={dropped}
            selected={selected}
            items={namedReports(ref, lang, items)}
            nextHref={next ? `/${lang}/reports?${new URLSearchParams({ ...selected, before: `${next.createdAt.getTime()}-${next.id}` }).toString()}` : null}
            firstHref={null}
            {...filterChoices(ref, lang, selected.region)}
            periods={periods}
          >
            <div
              id="map"
              class="map"
              role="region"
              aria-label={t('map.region')}
              data-points={qs(lang, 'map/points.json')}
              data-tiles={tileUrl}
              data-attribution={attribution}
            />
            <p class="meta">{t('map.list_below')}</p>
            <p class="legend">
              <span class="badge red">● {t('group.open')}</span> <span class="badge green">✓ {t('group.resolved')}</span>{' '}
              <span class="badge grey">× {t('group.closed')}</span>
            </p>
          </ReportList>
        );
        const meta = {
          title: t('map.title'),
          description: t('intro'),
          paths: kit.samePath((l) => qs(l, 'map')),
          script: assets?.js.href,
          styles: assets ? [assets.css.href] : undefined,
        };
        return { status: 200, html: kit.page(lang, meta, body), headers: { 'content-security-policy': policy }, ...TTL };
      });
    });

    app.get(`/${lang}/map/points.json`, { schema: { hide: true, querystring: listQuery } }, async (req, reply) => {
      const ref = await services.reference.get();
      const { filter, selected } = filterOf(ref, { ...req.query, before: undefined }, services.now());
      return kit.send(req, reply, `points:${lang}:${filterKey(selected)}`, async () => {
        const points = await services.portal.reports.points(filter);
        const label = (p: (typeof points)[number]) =>
          p.colour === 'red' ? t('group.open') : p.colour === 'green' ? t('group.resolved') : t(`reports:status.${p.status}`);
        const geo = {
          type: 'FeatureCollection',
          features: points.map((p) => ({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
            properties: { number: p.number, label: label(p), colour: COLOURS[p.colour], href: `/${lang}/reports/${p.number}` },
          })),
        };
        return { status: 200, html: JSON.stringify(geo), type: 'application/geo+json; charset=utf-8', ...POINTS_TTL };
      });
    });
  });
}
