// The page of an unknown, malformed or hidden report number: the same for all three, so a guess learns nothing.
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';

export function NotFound({ lang, t }: { lang: PortalLang; t: PortalText }) {
  return (
    <>
      <h1>{t('not_found.title')}</h1>
      <p>{t('not_found.text')}</p>
      <p>
        <a href={`/${lang}/reports`}>{t('report.back')}</a>
      </p>
    </>
  );
}
