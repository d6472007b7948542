// The frame of every portal page: skip link, header with the language switch, one <main>, footer. No script and
// no inline style anywhere (the CSP allows neither): the pages work with JavaScript off on a cheap phone.
import type { ComponentChildren } from 'preact';
import type { PageMeta } from '../portal-kit.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';

export interface LayoutProps {
  lang: PortalLang;
  t: PortalText;
  meta: PageMeta;
  cssHref: string;
  /** the share picture's path */
  ogImage: string;
  /** the body whose portal it is, in this language */
  body?: string;
  /** the portal's public address (no trailing slash), for canonical and og:url */
  baseUrl?: string;
  children: ComponentChildren;
}

const LANG_NAMES: Record<PortalLang, string> = { kk: 'Қазақша', ru: 'Русский' };

const SECTIONS = [
  ['reports', 'list.title'],
  ['map', 'map.nav'],
  ['discussions', 'topics.nav'],
  ['projects', 'projects.nav'],
  ['initiatives', 'initiatives-public:nav'],
  ['stats', 'stats.nav'],
] as const;

export function Layout({ lang, t, meta, cssHref, ogImage, body, baseUrl, children }: LayoutProps) {
  const { title, description, paths } = meta;
  const image = `${baseUrl ?? ''}${ogImage}`;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('section')} · ${body ?? t('site')}`}</title>
        <meta name="description" content={description} />
        <meta property="og:title" content={title} />
        <meta property="og:description" content={description} />
        <meta property="og:site_name" content={body ?? t('site')} />
        {baseUrl && <link rel="canonical" href={`${baseUrl}${paths[lang]}`} />}
        {baseUrl && <meta property="og:url" content={`${baseUrl}${paths[lang]}`} />}
        <meta property="og:type" content={meta.article ? 'article' : 'website'} />
        <meta property="og:image" content={image} />
        <meta property="og:image:width" content="1200" />
        <meta property="og:image:height" content="630" />
        <meta property="og:image:alt" content={`${t('site')} · ${t('section')}`} />
        <meta name="twitter:card" content="summary_large_image" />
        <meta property="og:locale" content={lang === 'kk' ? 'kk_KZ' : 'ru_RU'} />
        <meta property="og:locale:alternate" content={lang === 'kk' ? 'ru_RU' : 'kk_KZ'} />
        {(Object.keys(paths) as PortalLang[]).map((l) => (
          <link rel="alternate" hrefLang={l} href={paths[l]} key={l} />
        ))}
        <link rel="stylesheet" href={cssHref} />
        {meta.styles?.map((href) => (
          <link rel="stylesheet" href={href} key={href} />
        ))}
        {meta.script && <script type="module" src={meta.script} />}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('skip')}
        </a>
        <header class="top">
          <a class="brand" href={`/${lang}/reports`}>
            {t('site')} · {t('section')}
          </a>
          {body && <p class="body">{body}</p>}
          <nav aria-label={t('nav')} class="sections">
            <ul>
              {SECTIONS.map(([path, key]) => (
                <li key={path}>
                  <a href={`/${lang}/${path}`}>{t(key)}</a>
                </li>
              ))}
            </ul>
          </nav>
          <nav aria-label={t('language')} class="langs">
            <ul>
              {(Object.keys(paths) as PortalLang[]).map((l) => (
                <li key={l}>
                  <a href={`/lang/${l}?next=${encodeURIComponent(paths[l])}`} lang={l} hrefLang={l} aria-current={l === lang ? 'true' : undefined}>
                    {LANG_NAMES[l]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer class="foot">
          {body && <p>{body}</p>}
          <p>{t('footer')}</p>
        </footer>
      </body>
    </html>
  );
}
