// Sign-in. The password field is the only thing cleared after a failed attempt; the login stays.
import { useState } from 'preact/hooks';
import type { LoginInput, Session } from '../../server/staff/auth-schemas.ts';
import type { Api } from './api.ts';
import type { User } from './context.ts';
import { CheckedForm, TextInput } from './components/form.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { useI18n } from './i18n/i18n.ts';

/** The sign-in form: a page of its own, or (with `notice`) a dialog over the console when the session ended. */
export function Login({
  api,
  onSignedIn,
  notice,
  presetLogin = '',
}: {
  api: Api;
  onSignedIn(s: { user: User; csrfToken: string }): void;
  notice?: string;
  presetLogin?: string;
}) {
  const { t } = useI18n();
  const [login, setLogin] = useState(presetLogin);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<Session>('/api/auth/login', { login: login.trim(), password } satisfies LoginInput);
      onSignedIn({ user: r.user, csrfToken: r.csrfToken });
    } catch (err) {
      setError((err as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const form = (
    <CheckedForm class="login-card" onSubmit={submit} aria-label={t('login.title')}>
      <div class="login-head">
        <span class="brand">Azamat</span>
        <LanguageSwitch />
      </div>
      <h1>{t('login.title')}</h1>
      {notice && <p class="hint">{notice}</p>}
      <label class="field">
        <span class="field-label">{t('login.login')}</span>
        <TextInput name="login" autocomplete="username" required value={login} onInput={setLogin} />
      </label>
      <label class="field">
        <span class="field-label">{t('login.password')}</span>
        <TextInput name="password" type="password" autocomplete="current-password" required value={password} onInput={setPassword} />
      </label>
      {error && (
        <div class="error-box" role="alert">
          {error}
        </div>
      )}
      <button class="primary" type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
    </CheckedForm>
  );
  return notice ? form : <main class="login-page">{form}</main>;
}
