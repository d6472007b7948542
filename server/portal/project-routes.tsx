// The portal's finished projects (issue 17; Rules item 12, Annex 5): /kk|ru/projects by the year they ended and
// /kk|ru/projects/:id. What is public is core's (services.portal.projects); this module only renders.
import { periodKeyOf } from '../../core/calendar/periods.ts';
import { type PortalApp, type PortalKit, recordPage } from './portal-kit.ts';
import { projectListQuery } from './public-schemas.ts';
import { pickLang, ProjectList } from './views/project-list.tsx';
import { ProjectPage } from './views/project-page.tsx';
import { ProjectStories } from './views/project-stories.tsx';

// Finished projects change rarely (a closed evaluation, a corrected result).
const TTL = { maxAge: 300, staleWhileRevalidate: 3600 };

export function projectPages(app: PortalApp, kit: PortalKit): void {
  const { services } = kit;
  kit.eachLang((lang, t) => {
    app.get(`/${lang}/projects`, { schema: { hide: true, querystring: projectListQuery } }, async (req, reply) => {
      const thisYear = Number(periodKeyOf(services.now(), 'year'));
      const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
      const year = req.query.year && years.includes(req.query.year) ? req.query.year : undefined;
      const page = req.query.page ?? 1;
      return kit.send(req, reply, `projects:${lang}:${year ?? ''}:${page}`, async () => {
        const { items, more } = await services.portal.projects.finished({ year, page });
        const qs = new URLSearchParams({ ...(year ? { year: String(year) } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString();
        const body = <ProjectList lang={lang} t={t} items={items} years={years} year={year} page={page} more={more} />;
        const meta = { title: t('projects.title'), description: t('projects.intro'), paths: kit.samePath((l) => `/${l}/projects${qs ? `?${qs}` : ''}`) };
        return { status: 200, html: kit.page(lang, meta, body), ...TTL };
      });
    });

    recordPage(app, kit, lang, { section: 'projects', key: 'project', ttl: TTL, load: (id) => services.portal.projects.byId(id) }, async (p, id) => {
      const stories = await services.impact.storyReview.publicFeed({ projectId: id, limit: 20 });
      const meta = {
        title: pickLang(lang, p.nameKk, p.nameRu),
        description: pickLang(lang, p.resultsKk, p.resultsRu).slice(0, 200) || t('projects.intro'),
        paths: kit.samePath((l) => `/${l}/projects/${id}`),
        article: true,
      };
      const body = (
        <>
          <ProjectPage lang={lang} t={t} p={p} />
          <ProjectStories lang={lang} t={t} stories={stories} />
        </>
      );
      return { meta, body };
    });
  });
}
