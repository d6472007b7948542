// The civic-initiatives map on the portal (issue 18; seed 002 L829–852): the three public categories on their own
// pages (/kk|ru/initiatives?stage=proposals|in-progress|implemented), the same lists on a map
// (/kk|ru/initiatives/map, the portal's one script drawing /kk|ru/initiatives/points.json) and one initiative's
// page (/kk|ru/initiatives/:id). What is public is core's (services.initiatives.public); this module turns codes into
// ids, picks names in the page's language and renders. A comment hidden or shown again purges the pages at once.
import { z } from 'zod';
import type { Stage } from '../../core/initiatives/initiative-rules.ts';
import { localName, type ReferenceData } from '../../core/reference/reference-service.ts';
import { filterChoices, placeOf } from './filters.ts';
import { mapAssets, mapPolicy } from './map-routes.tsx';
import { type PortalApp, type PortalKit, recordPage } from './portal-kit.ts';
import type { PortalLang } from './portal-schemas.ts';
import { InitiativeList, STAGE_SLUGS } from './views/initiative-list.tsx';
import { InitiativePage } from './views/initiative-page.tsx';

const LIST_TTL = { maxAge: 60, staleWhileRevalidate: 300 };
const PAGE_TTL = { maxAge: 30, staleWhileRevalidate: 120 };
const POINTS_TTL = { maxAge: 300, staleWhileRevalidate: 600 };
const PER_PAGE = 20;
/** the badges' colours (over 6:1 against white), so a point reads as its word does */
const COLOURS = { published: '#1F5FAD', in_progress: '#8A5A00', implemented: '#1B6E3A' } as Record<string, string>;

const code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/)
  .optional()
  .catch(undefined);
/** As every portal filter: a value that does not parse is dropped, so a stale shared link still opens. */
const initiativeListQuery = z.object({
  stage: z.enum(['proposals', 'in-progress', 'implemented']).optional().catch(undefined),
  region: code,
  district: code,
  area: code,
  page: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
});
type ListQuery = z.infer<typeof initiativeListQuery>;

const stageOf = (slug?: string): Stage => (slug === 'in-progress' ? 'in_progress' : slug === 'implemented' ? 'implemented' : 'proposals');

function resolve(ref: ReferenceData, q: ListQuery) {
  const region = q.region ? ref.regions.find((r) => r.code === q.region) : undefined;
  const district = q.district && region ? region.districts.find((d) => d.code === q.district) : undefined;
  const area = q.area ? ref.areas.find((a) => a.slug === q.area) : undefined;
  const dropped = (q.region !== undefined && !region) || (q.district !== undefined && !district) || (q.area !== undefined && !area);
  const selected: { region?: string; district?: string; area?: string } = {};
  if (region) selected.region = region.code;
  if (district) selected.district = district.code;
  if (area) selected.area = area.slug;
  const stage = stageOf(q.stage);
  return { stage, filter: { regionId: region?.id, districtId: district?.id, areaId: area?.id }, selected, dropped };
}

const areaOf = (ref: ReferenceData, lang: PortalLang, areaId: number) => {
  const a = ref.areas.find((x) => x.id === areaId);
  return a ? localName(a, lang) : '';
};

export function initiativePages(app: PortalApp, kit: PortalKit): void {
  const { services } = kit;
  const assets = mapAssets(services.portal.distDir);
  const policy = mapPolicy(services.portal.map.tileUrl);
  // An initiative's public record changed (a comment hidden or restored, a new one): its page and the lists go.
  const unsubscribe = services.publicChanges.subscribe((s) => {
    if (s.kind !== 'initiative') return;
    kit.purge(`initiative:${s.id}:`);
    kit.purge('initiatives:');
  });
  app.addHook('onClose', async () => unsubscribe());

  kit.eachLang((lang, t) => {
    const tx = (key: string) => t(`initiatives-public:${key}`);

    const listPage = (base: 'initiatives' | 'initiatives/map') =>
      app.get(`/${lang}/${base}`, { schema: { hide: true, querystring: initiativeListQuery } }, async (req, reply) => {
        const ref = await services.reference.get();
        const { stage, filter, selected, dropped } = resolve(ref, req.query);
        const page = req.query.page ?? 1;
        const qs = (l: PortalLang) =>
          `/${l}/${base}?${new URLSearchParams({ stage: STAGE_SLUGS[stage], ...selected, ...(page > 1 ? { page: String(page) } : {}) }).toString()}`;
        const key = `initiatives:${base}:${lang}:${stage}:${selected.region ?? ''}:${selected.district ?? ''}:${selected.area ?? ''}:${page}:${dropped ? 1 : 0}`;
        const onMap = base === 'initiatives/map';
        return kit.send(req, reply, key, async () => {
          const { items, total } = await services.initiatives.public.list(stage, filter, { offset: (page - 1) * PER_PAGE, limit: PER_PAGE });
          const points = `/${lang}/initiatives/points.json?${new URLSearchParams({ stage: STAGE_SLUGS[stage], ...selected }).toString()}`;
          const choices = filterChoices(ref, lang, selected.region);
          const body = (
            <InitiativeList
              lang={lang}
              t={t}
              base={base}
              stage={stage}
              items={items.map((x) => ({ ...x, area: areaOf(ref, lang, x.areaId), place: placeOf(ref, lang, x.regionId, x.districtId) }))}
              selected={selected}
              dropped={dropped}
              regions={choices.regions}
              districts={choices.districts}
              areas={ref.areas.map((a) => ({ code: a.slug, name: localName(a, lang) }))}
              page={page}
              more={page * PER_PAGE < total}
            >
              <div
                id="map"
                class="map"
                role="region"
                aria-label={tx('map_region')}
                data-points={points}
                data-tiles={services.portal.map.tileUrl}
                data-attribution={services.portal.map.attribution}
              />
              <p class="meta">{tx('map_below')}</p>
            </InitiativeList>
          );
          const meta = {
            title: onMap ? tx('map') : t(`initiatives-public:stage.${stage}`),
            description: tx('intro'),
            paths: kit.samePath(qs),
            ...(onMap && assets ? { script: assets.js.href, styles: [assets.css.href] } : {}),
          };
          return { status: 200, html: kit.page(lang, meta, body), ...(onMap ? { headers: { 'content-security-policy': policy } } : {}), ...LIST_TTL };
        });
      });
    listPage('initiatives');
    listPage('initiatives/map');

    app.get(`/${lang}/initiatives/points.json`, { schema: { hide: true, querystring: initiativeListQuery } }, async (req, reply) => {
      const ref = await services.reference.get();
      const { stage, filter, selected } = resolve(ref, req.query);
      return kit.send(
        req,
        reply,
        `initiatives:points:${lang}:${stage}:${selected.region ?? ''}:${selected.district ?? ''}:${selected.area ?? ''}`,
        async () => {
          const points = await services.initiatives.public.points(stage, filter);
          // In the form the portal's map script reads (web/src/portal/map.ts): a label, a colour and the page.
          const geo = {
            type: 'FeatureCollection',
            features: points.features.map((f) => ({
              type: 'Feature',
              geometry: f.geometry,
              properties: {
                number: `№${f.properties.id}`,
                label: f.properties.title,
                colour: COLOURS[f.properties.status] ?? COLOURS.published,
                href: `/${lang}/initiatives/${f.properties.id}`,
              },
            })),
          };
          return { status: 200, html: JSON.stringify(geo), type: 'application/geo+json; charset=utf-8', ...POINTS_TTL };
        },
      );
    });

    recordPage(
      app,
      kit,
      lang,
      { section: 'initiatives', key: 'initiative', ttl: PAGE_TTL, load: (id) => services.initiatives.public.byId(id) },
      async (x, id) => {
        const ref = await services.reference.get();
        // The newest comments, shown oldest first; the rest are in the bot.
        const latest = await services.comments.public.listInitiative(id, { newestFirst: true, limit: 50 });
        const body = (
          <InitiativePage
            lang={lang}
            t={t}
            x={x}
            area={areaOf(ref, lang, x.areaId)}
            place={placeOf(ref, lang, x.regionId, x.districtId)}
            comments={{ items: latest.items.reverse(), total: latest.total }}
            botLink={services.initiatives.public.botLink(id)}
          />
        );
        const meta = {
          title: x.title,
          description: `${t(`initiatives-public:status.${x.status}`)} · ${areaOf(ref, lang, x.areaId)} · ${x.description.replace(/\s+/g, ' ').slice(0, 150)}`,
          paths: kit.samePath((l) => `/${l}/initiatives/${id}`),
          article: true,
        };
        return { meta, body };
      },
    );
  });
}
