// The signed-in console: header (who is signed in, their roles and scope, language, sign-out), the
// menu of the screens their roles allow, the current screen, and toasts.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Api } from './api.ts';
import type { PublicConfig } from '../../server/plugins/console-schemas.ts';
import type { Category, Department, Region } from '../../server/reference/reference-schemas.ts';
import { AppContext, roleCheck, type AppContextValue, type Reference, type Toast, type User } from './context.ts';
import { useI18n } from './i18n/i18n.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { BASE, href, matchPath, navigate, useLocation } from './router.ts';
import { screens } from './screens/index.ts';
import { ErrorBox, Loading } from './components/layout.tsx';
import { useFittingMenu } from './components/fitting-menu.ts';

type RefData = Omit<Reference, 'reload'>;

/** Whether the browser has a network: one banner says so, instead of every panel's own error. */
function useOnline() {
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function Shell({ api, user, config, onSignedOut }: { api: Api; user: User; config: PublicConfig; onSignedOut(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const loc = useLocation();
  const [refData, setRefData] = useState<RefData | null>(null);
  const [refError, setRefError] = useState<Error | null>(null);
  const [toasts, setToasts] = useState<(Toast & { id: number })[]>([]);
  const [menuOpen, setMenuOpen] = useState(false);

  const loadRef = async () => {
    try {
      const [regions, departments, categories] = await Promise.all([
        api.get<Region[]>('/api/reference/regions'),
        api.get<Department[]>('/api/reference/departments'),
        api.get<Category[]>('/api/reference/categories'),
      ]);
      setRefData({ regions, departments, categories });
    } catch (e) {
      setRefError(e as Error);
    }
  };
  useEffect(() => {
    void loadRef();
  }, []);

  const hasRole = useMemo(() => roleCheck(user), [user]);
  const allowed = screens.filter((s) => hasRole(...s.roles));
  const menu = allowed.filter((s) => s.nav !== false);
  const fitting = useFittingMenu([i18n.locale, menu.length]);

  const ctx = useMemo<AppContextValue | null>(
    () =>
      refData && {
        api,
        user,
        config,
        ref: { ...refData, reload: loadRef },
        hasRole,
        notify: (toast: Toast) => {
          const id = Date.now() + Math.random();
          // Two at most, so they never stack over a list's row buttons.
          setToasts((ts) => [...ts.slice(-1), { ...toast, id }]);
          setTimeout(() => setToasts((ts) => ts.filter((x) => x.id !== id)), toast.kind === 'error' ? 8000 : 3500);
        },
      },
    [refData, user, api, config],
  );

  let matched: { screen: (typeof screens)[number]; params: Record<string, string> } | null = null;
  for (const s of screens) {
    const params = matchPath(s.path, loc.path);
    if (params) {
      matched = { screen: s, params };
      break;
    }
  }
  const start = menu[0];
  useEffect(() => {
    if (!matched && start) navigate(href(start.path), { replace: true });
  }, [loc.path]);
  useEffect(() => {
    setMenuOpen(false);
    // A message belongs to the screen it came from: an old error does not follow the user to the next one.
    setToasts([]);
  }, [loc.path]);
  const online = useOnline();

  async function signOut() {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // the session may already be gone; signing out locally is what matters
    }
    onSignedOut();
  }

  const region = refData?.regions.find((r) => r.id === user.regionId);
  const district = region?.districts.find((d) => d.id === user.districtId);
  const department = refData?.departments.find((d) => d.id === user.departmentId);
  const scope =
    [region && i18n.name(region), district && i18n.name(district), department && i18n.name(department)].filter(Boolean).join(' · ') || t('scope.all');
  const Screen = matched && hasRole(...matched.screen.roles) ? matched.screen.component : null;

  return (
    <div class="shell">
      <header class={fitting.compact ? 'topbar compact' : 'topbar'}>
        <button type="button" class="icon menu-toggle" aria-label={t('common.menu')} aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
          ☰
        </button>
        <a class="brand" href={BASE}>
          Azamat
        </a>
        <nav ref={fitting.nav} class={menuOpen ? 'mainnav open' : 'mainnav'} aria-label={t('common.menu')}>
          {menu.map((s) => (
            <a key={s.path} href={href(s.path)} class={loc.path === s.path || loc.path.startsWith(`${s.path}/`) ? 'active' : ''}>
              {t(s.titleKey)}
            </a>
          ))}
        </nav>
        <div class="who" data-testid="who">
          <span class="who-name">{user.fullName}</span>
          <span class="who-roles">{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</span>
          <span class="who-scope">{scope}</span>
        </div>
        <LanguageSwitch />
        <button type="button" class="secondary" onClick={signOut}>
          {t('login.logout')}
        </button>
      </header>
      {!online && (
        <div class="offline-banner" role="alert" data-testid="offline">
          {t('common.offline')}
        </div>
      )}
      <main class="content">
        {refError ? (
          <ErrorBox error={refError} />
        ) : !ctx ? (
          <Loading />
        ) : (
          <AppContext.Provider value={ctx}>
            {Screen ? (
              <Screen key={screens.findIndex((x) => x.component === Screen)} params={matched!.params} query={loc.query} />
            ) : matched ? (
              <div class="empty">{t('common.noAccess')}</div>
            ) : menu.length === 0 ? (
              <div class="empty">{t('common.noScreens')}</div>
            ) : (
              <Loading />
            )}
          </AppContext.Provider>
        )}
      </main>
      <div class="toasts" aria-live="polite">
        {toasts.map((x) => (
          <div
            key={x.id}
            class={`toast ${x.kind}`}
            role={x.kind === 'error' ? 'alert' : 'status'}
            onClick={() => setToasts((ts) => ts.filter((y) => y.id !== x.id))}
          >
            {x.text}
          </div>
        ))}
      </div>
    </div>
  );
}
