// Form fields and forms: labelled inputs bound to state, the same text in Kazakh and Russian, selects, and
// a form (in a dialog or as a screen) whose fields keep what was typed when a save fails.
import type { ComponentChildren, JSX } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import { BackLink, ErrorBox, Modal } from './layout.tsx';

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
  return <input {...rest} value={value} onInput={(e) => onInput((e.target as HTMLInputElement).value)} />;
}

export function TextArea(props: { value: string; onInput(v: string): void } & Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onInput'>) {
  const { value, onInput, ...rest } = props;
  return <textarea {...rest} value={value} onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)} />;
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
  return (
    <select {...rest} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value as V)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
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

/** A form that submits without reloading the page: the fields, the API's error (if the last save failed), the buttons. */
function SubmitForm(props: SubmitFormProps & { class: string }) {
  return (
    <form
      class={props.class}
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
      <ErrorBox error={props.error} />
      <FormActions busy={props.busy} submitLabel={props.submitLabel} onCancel={props.onCancel}>
        {props.actions}
      </FormActions>
    </form>
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
