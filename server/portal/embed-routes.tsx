// A widget an akimat's website frames (issue 17: "embeddable in an akimat's website"): /embed/kk|ru/reports?region=
// shows this year's civic-control figures of the country or a region (received, in work, resolved, on time) and the
// five newest reports, every link opening the portal in the whole window. Framing is allowed only to the origins of
// PORTAL_EMBED_ORIGINS (CSP frame-ancestors; helmet's X-Frame-Options is taken off this reply alone).
import { parsePeriodKey, periodKeyOf } from '../../core/calendar/periods.ts';
import { localName } from '../../core/reference/reference-service.ts';
import { renderDocument } from './render.tsx';
import { type PortalApp, type PortalKit, portalPolicy } from './portal-kit.ts';
import { statsQuery } from './portal-schemas.ts';
import { StatusBadge } from './views/status-badge.tsx';

const TTL = { maxAge: 60, staleWhileRevalidate: 300 };
const SHOWN = 5;

export const embedPolicy = (origins: string[]) => portalPolicy({ 'frame-ancestors': origins.length ? origins.join(' ') : "'none'" });

export function embedPages(app: PortalApp, kit: PortalKit): void {
  const { services } = kit;
  const policy = embedPolicy(services.portal.embedOrigins);
  kit.eachLang((lang, t) => {
    app.get(`/embed/${lang}/reports`, { schema: { hide: true, querystring: statsQuery } }, async (req, reply) => {
      reply.removeHeader('x-frame-options');
      const ref = await services.reference.get();
      const region = req.query.region ? ref.regions.find((r) => r.code === req.query.region) : undefined;
      const year = periodKeyOf(services.now(), 'year');
      return kit.send(req, reply, `embed:${lang}:${region?.code ?? ''}:${year}`, async () => {
        const [s, { items }] = await Promise.all([
          services.portal.stats({ regionId: region?.id }, parsePeriodKey(year)),
          services.portal.reports.list({ regionId: region?.id }),
        ]);
        const where = region ? localName(region, lang) : t('embed.country');
        const n = (v: number) => new Intl.NumberFormat(lang === 'kk' ? 'kk-KZ' : 'ru-RU').format(v);
        const onTime =
          s.resolvedOnTimeShare == null
            ? t('stats.none')
            : `${new Intl.NumberFormat(lang === 'kk' ? 'kk-KZ' : 'ru-RU', { maximumFractionDigits: 1 }).format(s.resolvedOnTimeShare * 100)} %`;
        const list = `/${lang}/reports${region ? `?region=${region.code}` : ''}`;
        const html = renderDocument(
          <html lang={lang}>
            <head>
              <meta charSet="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>{`${t('section')} · ${where}`}</title>
              <link rel="stylesheet" href={kit.cssHref} />
            </head>
            <body class="embed">
              <main>
                <h1>
                  <a href={list} target="_top">
                    {t('section')}
                  </a>
                </h1>
                <p class="meta">{t('embed.scope', { where, year })}</p>
                <ul class="counts">
                  <li>
                    <strong>{n(s.received)}</strong> {t('stats.received')}
                  </li>
                  <li>
                    <strong>{n(s.byStatus.new + s.byStatus.in_work + s.byStatus.reopened)}</strong> {t('stats.in_work')}
                  </li>
                  <li>
                    <strong>{n(s.resolved)}</strong> {t('stats.resolved')}
                  </li>
                  <li>
                    <strong>{onTime}</strong> {t('stats.on_time_share')}
                  </li>
                </ul>
                <ol class="reports" aria-label={t('list.caption')}>
                  {items.slice(0, SHOWN).map((r) => (
                    <li key={r.number}>
                      <a href={`/${lang}/reports/${r.number}`} target="_top">
                        {r.number}
                      </a>{' '}
                      <StatusBadge colour={r.colour} status={r.status} t={t} />
                      <p>{r.summary}</p>
                    </li>
                  ))}
                </ol>
                <p>
                  <a href={list} target="_top">
                    {t('embed.all')}
                  </a>
                </p>
              </main>
            </body>
          </html>,
        );
        return { status: 200, html, headers: { 'content-security-policy': policy }, ...TTL };
      });
    });
  });
}
