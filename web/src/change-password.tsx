// The first sign-in with a generated password: until a new one is chosen the API answers nothing else,
// so the console shows only this form (and a way to sign out). The new password is checked by the
// server, which says in the reader's language why one is refused.
import { useState } from 'preact/hooks';
import type { PasswordInput } from '../../server/staff/auth-schemas.ts';
import type { Api } from './api.ts';
import type { User } from './context.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { useI18n } from './i18n/i18n.ts';
import { CheckedForm, TextInput } from './components/form.tsx';

export function ChangePassword({ api, user, onChanged, onSignedOut }: { api: Api; user: User; onChanged(): void; onSignedOut(): void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    if (next !== repeat) {
      setError(t('password.mismatch'));
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/auth/password', { currentPassword: current, newPassword: next } satisfies PasswordInput);
      onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // the session may already be gone; signing out locally is what matters
    }
    onSignedOut();
  }

  const input = (name: string, value: string, set: (v: string) => void, autocomplete: string) => (
    <TextInput name={name} type="password" autocomplete={autocomplete} required value={value} onInput={set} />
  );
  return (
    <main class="login-page">
      <CheckedForm class="login-card" data-testid="change-password" onSubmit={submit} aria-label={t('password.title')}>
        <div class="login-head">
          <span class="brand">Azamat</span>
          <LanguageSwitch />
        </div>
        <h1>{t('password.title')}</h1>
        <p class="hint">{t('password.why', { login: user.login })}</p>
        <label class="field">
          <span class="field-label">{t('password.current')}</span>
          {input('currentPassword', current, setCurrent, 'current-password')}
        </label>
        <label class="field">
          <span class="field-label">{t('password.new')}</span>
          {input('newPassword', next, setNext, 'new-password')}
          <span class="hint">{t('password.rules')}</span>
        </label>
        <label class="field">
          <span class="field-label">{t('password.repeat')}</span>
          {input('repeatPassword', repeat, setRepeat, 'new-password')}
        </label>
        {error && (
          <div class="error-box" role="alert">
            {error}
          </div>
        )}
        <button class="primary" type="submit" disabled={busy}>
          {t('password.submit')}
        </button>
        <button type="button" class="secondary" onClick={signOut}>
          {t('login.logout')}
        </button>
      </CheckedForm>
    </main>
  );
}
