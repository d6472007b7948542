// The page of an unknown, malformed or hidden report number (or topic, or project): the same for all, so a guess
// learns nothing.
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';

export function NotFound({ lang, t, back = 'reports' }: { lang: PortalLang; t: PortalText; back?: 'reports' | 'discussions' | 'projects' | 'initiatives' }) {
  return (
    <>
      <h1>{t('not_found.title')}</h1>
      <p>{t(back === 'reports' ? 'not_found.text' : 'not_found.page')}</p>
      <p>
        <a href={`/${lang}/${back}`}>
          {t(
            back === 'reports' ? 'report.back' : back === 'initiatives' ? 'initiatives-public:back' : `${back === 'discussions' ? 'topics' : 'projects'}.back`,
          )}
        </a>
      </p>
    </>
  );
}
