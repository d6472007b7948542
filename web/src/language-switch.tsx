import { LOCALES, useI18n } from './i18n/i18n.ts';

const LABEL = { kk: 'Қаз', ru: 'Рус', en: 'Eng' } as const;

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div class="lang-switch" role="group" aria-label={t('common.language')}>
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === locale} class={l === locale ? 'active' : ''} onClick={() => setLocale(l)} data-lang={l}>
          {LABEL[l]}
        </button>
      ))}
    </div>
  );
}
