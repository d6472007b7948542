// The console's root: language, public config, the session (checked with /api/auth/me, so nothing
// is shown before the server says who is signed in), then either the login form or the shell.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from './api.ts';
import type { PublicConfig } from '../../server/plugins/console-schemas.ts';
import type { Me } from '../../server/staff/auth-schemas.ts';
import type { User } from './context.ts';
import { I18nContext, initialLocale, makeI18n, rememberLocale, translate, type Locale } from './i18n/i18n.ts';
import { ChangePassword } from './change-password.tsx';
import { Login } from './login.tsx';
import { interceptLinks } from './router.ts';
import { Shell } from './shell.tsx';

interface Session {
  user: User;
  csrfToken: string;
  /** the server no longer knows this session (expired, signed out elsewhere): sign in again over the screen */
  expired?: boolean;
}

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();

export function Root() {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale(storage, navigator.languages ?? [navigator.language]));
  const [config, setConfig] = useState<PublicConfig | null>(null);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [bootError, setBootError] = useState<string | null>(null);

  const setLocale = (l: Locale) => {
    rememberLocale(storage, l);
    setLocaleState(l);
  };
  const i18n = useMemo(() => makeI18n(locale, setLocale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // Refs read at call time, so one client serves every language and session.
  const live = { locale, csrf: session?.csrfToken ?? null };
  const liveRef = useMemo(() => ({ current: live }), []);
  liveRef.current = live;

  const api = useMemo(
    () =>
      createApi({
        locale: () => liveRef.current.locale,
        csrf: () => liveRef.current.csrf,
        // Keep the screen (and whatever is typed in it) and ask to sign in again on top of it.
        onUnauthorized: () => setSession((s) => (s ? { ...s, expired: true } : s)),
        // The API answers in the reader's language (kk, ru or en); only a failure without an answer
        // (no connection, a proxy's error page) needs the console's own words.
        localise: (code, serverMessage, details) => {
          const l = liveRef.current.locale;
          // Each refused field shows its own message beside it; the form's box says only where to look.
          if (code === 'validation' && details.length > 0) return translate(l, 'form.checkFields');
          if (code === 'network' || code === 'internal') return translate(l, `errors.${code}`);
          if (code === 'http') return translate(l, 'errors.generic', { message: serverMessage });
          return serverMessage;
        },
        saveFile: (blob, name) => {
          const a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = name;
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
        },
      }),
    [],
  );

  useEffect(() => {
    interceptLinks(document.body);
    // Both steps catch their own failures, so nothing is left to handle outside.
    void (async () => {
      try {
        setConfig(await api.get<PublicConfig>('/api/console/config'));
      } catch (e) {
        setBootError((e as Error).message);
        return;
      }
      try {
        const me = await api.get<Me>('/api/auth/me');
        const { csrfToken, ...user } = me;
        setSession({ user, csrfToken: csrfToken ?? '' });
      } catch {
        setSession(null);
      }
    })();
  }, []);

  let body;
  if (bootError)
    body = (
      <div class="boot-error" role="alert">
        {bootError}
      </div>
    );
  else if (!config || session === undefined) body = <div class="loading">{i18n.t('common.loading')}</div>;
  else if (!session) body = <Login api={api} onSignedIn={(s) => setSession(s)} />;
  else if (session.user.mustChangePassword)
    body = (
      <ChangePassword
        api={api}
        user={session.user}
        onChanged={() => setSession({ ...session, user: { ...session.user, mustChangePassword: false } })}
        onSignedOut={() => setSession(null)}
      />
    );
  else
    body = (
      <>
        <Shell key={session.user.id} api={api} user={session.user} config={config} onSignedOut={() => setSession(null)} />
        {session.expired && (
          <div class="modal-backdrop relogin" data-testid="relogin">
            <Login api={api} notice={i18n.t('login.expired')} presetLogin={session.user.login} onSignedIn={(s) => setSession(s)} />
          </div>
        )}
      </>
    );
  return <I18nContext.Provider value={i18n}>{body}</I18nContext.Provider>;
}
