// The portal's public discussion pages (issue 17; Rules items 7 and 12): /kk|ru/discussions with its three tabs
// and /kk|ru/discussions/:id with the Annex 1 fields, the bot link and the Annex 2 report. What is public is
// core's (services.portal.discussions); this module only renders.
import { inLocale } from '../../core/discussions/topic-text.ts';
import { type PortalApp, type PortalKit, recordPage } from './portal-kit.ts';
import { discussionListQuery } from './public-schemas.ts';
import { DiscussionList } from './views/discussion-list.tsx';
import { DiscussionPage } from './views/discussion-page.tsx';

// A new comment or a decision shows within a minute; the days left change once a day.
const TTL = { maxAge: 60, staleWhileRevalidate: 300 };

export function discussionPages(app: PortalApp, kit: PortalKit): void {
  const { services } = kit;
  kit.eachLang((lang, t) => {
    app.get(`/${lang}/discussions`, { schema: { hide: true, querystring: discussionListQuery } }, async (req, reply) => {
      const tab = req.query.tab ?? 'open';
      const page = req.query.page ?? 1;
      return kit.send(req, reply, `topics:${lang}:${tab}:${page}`, async () => {
        const { items, more } = await services.portal.discussions.list(tab, page);
        const qs = tab === 'open' && page === 1 ? '' : `?tab=${tab}${page > 1 ? `&page=${page}` : ''}`;
        const body = <DiscussionList lang={lang} t={t} tab={tab} items={items} page={page} more={more} now={services.now()} />;
        return {
          status: 200,
          html: kit.page(lang, { title: t('topics.title'), description: t('topics.intro'), paths: kit.samePath((l) => `/${l}/discussions${qs}`) }, body),
          ...TTL,
        };
      });
    });

    recordPage(app, kit, lang, { section: 'discussions', key: 'topic', ttl: TTL, load: (id) => services.portal.discussions.byId(id) }, async (d, id) => {
      const title = inLocale(d.topic, 'title', lang);
      const body = <DiscussionPage lang={lang} t={t} d={d} bot={services.projects.botUsername()} now={services.now()} />;
      const meta = {
        title,
        description: inLocale(d.topic, 'expectedResult', lang).slice(0, 200),
        paths: kit.samePath((l) => `/${l}/discussions/${id}`),
        article: true,
      };
      return { meta, body };
    });
  });
}
