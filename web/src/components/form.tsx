// Form fields and forms: labelled inputs bound to state, the same text in Kazakh and Russian, selects, and
// a form (in a dialog or as a screen) whose fields keep what was typed when a save fails.
import { createContext, type ComponentChildren, type JSX } from 'preact';
import { useContext, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { fieldErrors } from './field-errors.ts';
import { BackLink, ErrorBox, Modal } from './layout.tsx';

/** The message for each field of the form that encloses it, by the input's `name`. */
const FieldErrors = createContext<Record<string, string>>({});

/** The message next to an input whose value was refused, and the attributes that tie the two together. */
function useFieldError(name: string | undefined) {
  const all = useContext(FieldErrors);
  const message = name ? all[name] : undefined;
  const id = name ? `err-${name}` : undefined;
  const attrs = message ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
  const note = message ? (
    <span class="field-error" id={id} data-testid={`field-error-${name}`}>
      {message}
    </span>
  ) : null;
  return { attrs, note };
}

export function Field({ label, hint, children, wide }: { label: string; hint?: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <label class={wide ? 'field wide' : 'field'}>
      <span class="field-label">{label}</span>
      {children}
      {hint && <span class="hint">{hint}</span>}
    </label>
  );
}

/** A text input bound to a string state. */
export function TextInput(props: { value: string; onInput(v: string): void } & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput'>) {
  const { value, onInput, ...rest } = props;
  const { attrs, note } = useFieldError(typeof rest.name === 'string' ? rest.name : undefined);
  return (
    <>
      <input {...rest} {...attrs} value={value} onInput={(e) => onInput((e.target as HTMLInputElement).value)} />
      {note}
    </>
  );
}

export function TextArea(props: { value: string; onInput(v: string): void } & Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onInput'>) {
  const { value, onInput, ...rest } = props;
  const { attrs, note } = useFieldError(typeof rest.name === 'string' ? rest.name : undefined);
  return (
    <>
      <textarea {...rest} {...attrs} value={value} onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)} />
      {note}
    </>
  );
}

/** A checkbox with its label after it, on one line. */
export function Checkbox({ checked, onChange, children }: { checked: boolean; onChange(v: boolean): void; children: ComponentChildren }) {
  return (
    <label class="inline">
      <input type="checkbox" checked={checked} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} /> {children}
    </label>
  );
}

/**
 * One text in Kazakh and in Russian: two fields named `name`Kk and `name`Ru, each with its `lang` (so the
 * right keyboard and spell-checker come up); `rows` makes them text areas.
 */
export function KkRuFields({
  name,
  labels,
  kk,
  ru,
  rows,
  wide,
}: {
  name?: string;
  labels: [string, string];
  kk: [string, (v: string) => void];
  ru: [string, (v: string) => void];
  rows?: number;
  wide?: boolean;
}) {
  return (
    <>
      {(['kk', 'ru'] as const).map((lang, i) => {
        const [value, onInput] = lang === 'kk' ? kk : ru;
        const field = name && `${name}${lang === 'kk' ? 'Kk' : 'Ru'}`;
        return (
          <Field key={lang} label={labels[i]!} wide={wide}>
            {rows ? (
              <TextArea name={field} lang={lang} rows={rows} value={value} onInput={onInput} />
            ) : (
              <TextInput name={field} lang={lang} value={value} onInput={onInput} />
            )}
          </Field>
        );
      })}
    </>
  );
}

export function Select<V extends string>(
  props: { value: V; onChange(v: NoInfer<V>): void; options: { value: V; label: string }[] } & Omit<
    JSX.SelectHTMLAttributes<HTMLSelectElement>,
    'value' | 'onChange'
  >,
) {
  const { value, onChange, options, ...rest } = props;
  const { attrs, note } = useFieldError(typeof rest.name === 'string' ? rest.name : undefined);
  return (
    <>
      <select {...rest} {...attrs} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {note}
    </>
  );
}

/** Submit and cancel under a form; `children` adds buttons between them (e.g. delete). */
export function FormActions({
  busy,
  submitLabel,
  onCancel,
  children,
}: {
  busy?: boolean;
  submitLabel: string;
  onCancel?(): void;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <div class="form-actions">
      <button type="submit" class="primary" disabled={busy}>
        {submitLabel}
      </button>
      {children}
      {onCancel && (
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}

interface SubmitFormProps {
  onSubmit(): void;
  busy?: boolean;
  error?: Error;
  submitLabel: string;
  testId?: string;
  onCancel?(): void;
  /** more buttons beside submit */
  actions?: ComponentChildren;
  children: ComponentChildren;
}

/** The message for a group of inputs without one name of their own (role checkboxes): put it under the group. */
export function GroupError({ name }: { name: string }) {
  return useFieldError(name).note;
}

/**
 * A <form> whose checks speak the reader's language. The browser's own checks are off (their text is in
 * the browser's language): an empty `required` field is named beside itself and nothing is sent; every
 * field the API refused (`error`) gets the API's message beside it. `onSubmit` runs only when the
 * required fields are filled; the default submit (a page load) never happens.
 */
export function CheckedForm(
  props: { error?: Error | null; onSubmit(e: Event): void; children: ComponentChildren; onShown?(names: string[]): void } & Omit<
    JSX.HTMLAttributes<HTMLFormElement>,
    'onSubmit' | 'ref'
  >,
) {
  const { error, onSubmit, children, onShown, ...rest } = props;
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const server = fieldErrors(error);
  const errors: Record<string, string> = { ...server.byField };
  for (const n of missing) errors[n] ??= t('form.required');
  // Which refused fields have an input here: the form's box lists only the others.
  const shownKey = useRef('');
  useLayoutEffect(() => {
    const el = form.current;
    if (!el || !onShown) return;
    const present = Object.keys(server.byField).filter((n) => el.querySelector(`[name="${n}"], [data-field="${n}"]`));
    if (present.join() !== shownKey.current) {
      shownKey.current = present.join();
      onShown(present);
    }
  });
  return (
    <form
      {...rest}
      noValidate
      ref={form}
      onSubmit={(e) => {
        e.preventDefault();
        const empty = Array.from(form.current?.querySelectorAll<HTMLInputElement>('[required]') ?? [])
          .filter((i) => !i.disabled && i.value.trim() === '')
          .map((i) => i.name || i.id);
        setMissing(empty);
        if (empty.length) {
          const first = Array.from(form.current?.querySelectorAll<HTMLInputElement>('[required]') ?? []).find((i) => i.value.trim() === '');
          first?.focus();
          return;
        }
        onSubmit(e);
      }}
    >
      <FieldErrors.Provider value={errors}>{children}</FieldErrors.Provider>
    </form>
  );
}

/** A form that submits without reloading the page: the fields, the API's error (if the last save failed), the buttons. */
function SubmitForm(props: SubmitFormProps & { class: string }) {
  const [shown, setShown] = useState<string[]>([]);
  return (
    <CheckedForm class={props.class} data-testid={props.testId} error={props.error} onSubmit={() => props.onSubmit()} onShown={setShown}>
      {props.children}
      <ErrorBox error={props.error} shown={shown} />
      <FormActions busy={props.busy} submitLabel={props.submitLabel} onCancel={props.onCancel}>
        {props.actions}
      </FormActions>
    </CheckedForm>
  );
}

/**
 * A dialog with one form: the fields, the API's error (if the last save failed) and the buttons.
 * The fields' state belongs to the caller, so a refused save leaves them as they were.
 */
export function FormDialog(props: Omit<SubmitFormProps, 'onCancel'> & { title: string; onClose(): void; wide?: boolean }) {
  return (
    <Modal title={props.title} onClose={props.onClose} wide={props.wide}>
      <SubmitForm class="form" {...props} onCancel={props.onClose} />
    </Modal>
  );
}

/**
 * A screen that is one form (a new project, opportunity or topic): the way back, the title, the fields,
 * the API's error and the buttons. As in FormDialog, the fields' state belongs to the caller.
 */
export function FormScreen(props: Omit<SubmitFormProps, 'actions'> & { back: string; backLabel: string; title: string; testId: string }) {
  return (
    <section class="screen">
      <BackLink href={props.back}>{props.backLabel}</BackLink>
      <h1>{props.title}</h1>
      <SubmitForm class="panel form" {...props} />
    </section>
  );
}
