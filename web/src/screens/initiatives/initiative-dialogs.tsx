// The dialogs of an initiative: return or reject with a reason (the note goes to the author in their language),
// take it on, a partner, a patron and their contribution, a progress update, implemented (result in
// kk and ru, people served), close with a reason. Each keeps what was typed until the API accepts it.
import { useState } from 'preact/hooks';
import { useAction } from '../../components/load.ts';
import { Checkbox, Field, FormDialog, KkRuFields, Select, TextArea, TextInput } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { CLOSE_REASONS, CONTRIBUTIONS, type InitiativeFull, KINDS, REJECT_REASONS, RETURN_REASONS } from './initiative-api.ts';

export type DialogKind = 'return' | 'reject' | 'take' | 'partner' | 'patron' | 'update' | 'implemented' | 'close';

interface Props {
  x: InitiativeFull;
  onClose(): void;
  onDone(): void;
}

/** Posts `body` to /api/initiatives/:id/<path>; closes on success, keeps the fields on a refusal. */
function useSubmit(x: InitiativeFull, onDone: () => void) {
  const { api } = useApp();
  const { t } = useI18n();
  const save = useAction();
  const submit = async (path: string, body: unknown, then?: (answer: unknown) => Promise<unknown>) => {
    const ok = await save.run(async () => {
      const answer = await api.post<unknown>(`/api/initiatives/${x.id}/${path}`, body);
      if (then) await then(answer);
      return true;
    }, t('common.saved'));
    if (ok) onDone();
  };
  return { save, submit };
}

const today = () => new Date().toISOString().slice(0, 10);
const num = (s: string) => (s.trim() === '' ? null : Number(s));

export function DecideDialog({ x, action, onClose, onDone }: Props & { action: 'return' | 'reject' }) {
  const { t } = useI18n();
  const codes = action === 'return' ? RETURN_REASONS : REJECT_REASONS;
  const [reasonCode, setReasonCode] = useState<string>(codes[0]);
  const [note, setNote] = useState('');
  const [duplicateOfId, setDuplicateOfId] = useState('');
  const { save, submit } = useSubmit(x, onDone);
  const body = { reasonCode, note: note.trim(), ...(reasonCode === 'duplicate' && duplicateOfId ? { duplicateOfId: Number(duplicateOfId) } : {}) };
  return (
    <FormDialog
      title={`№${x.id}: ${t(`ini.${action}`)}`}
      onClose={onClose}
      onSubmit={() => submit(action, body)}
      busy={save.busy}
      error={save.error}
      submitLabel={t(`ini.${action}`)}
      testId="decide-dialog"
    >
      <Field label={t('ini.reasonCode')}>
        <Select name="reasonCode" value={reasonCode} onChange={setReasonCode} options={codes.map((c) => ({ value: c, label: t(`ini.reason.${c}`) }))} />
      </Field>
      {reasonCode === 'duplicate' && (
        <Field label={t('ini.duplicateOf')}>
          <TextInput type="number" name="duplicateOfId" min={1} value={duplicateOfId} onInput={setDuplicateOfId} />
        </Field>
      )}
      <Field label={t('ini.note')} hint={t('ini.noteHint', { lang: t(`ini.lang.${x.language === 'kk' ? 'kk' : 'ru'}`) })} wide>
        <TextArea name="note" lang={x.language} rows={4} value={note} onInput={setNote} required />
      </Field>
    </FormDialog>
  );
}

/** Take it on (`take`: the lead implementer) or add a partner. */
export function PartnerDialog({ x, lead, onClose, onDone }: Props & { lead: boolean }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<string>('ngo');
  const [name, setName] = useState('');
  const [bin, setBin] = useState('');
  const [role, setRole] = useState('');
  const { save, submit } = useSubmit(x, onDone);
  const body = { kind, name: name.trim(), ...(bin.trim() ? { bin: bin.trim() } : {}), ...(!lead && role.trim() ? { role: role.trim() } : {}) };
  return (
    <FormDialog
      title={`№${x.id}: ${t(lead ? 'ini.takeTitle' : 'ini.addPartner')}`}
      onClose={onClose}
      onSubmit={() => submit(lead ? 'take' : 'partners', body)}
      busy={save.busy}
      error={save.error}
      submitLabel={t(lead ? 'ini.take' : 'ini.addPartner')}
      testId="partner-dialog"
    >
      <Field label={t('ini.partnerKind')}>
        <Select name="kind" value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: t(`ini.kind.${k}`) }))} />
      </Field>
      <Field label={t('ini.partnerName')}>
        <TextInput name="name" value={name} onInput={setName} required />
      </Field>
      <Field label={t('ini.bin')}>
        <TextInput name="bin" inputMode="numeric" value={bin} onInput={setBin} />
      </Field>
      {!lead && (
        <Field label={t('ini.role')}>
          <TextInput name="role" value={role} onInput={setRole} />
        </Field>
      )}
    </FormDialog>
  );
}

export function PatronDialog({ x, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [isPerson, setIsPerson] = useState(false);
  const [isPublic, setIsPublic] = useState(true);
  const [contribution, setContribution] = useState<string>('money');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const { save, submit } = useSubmit(x, onDone);
  const body = {
    name: name.trim(),
    isPerson,
    public: isPublic,
    contribution,
    ...(num(amount) != null ? { amountTenge: num(amount) } : {}),
    ...(description.trim() ? { description: description.trim() } : {}),
  };
  return (
    <FormDialog
      title={`№${x.id}: ${t('ini.addPatron')}`}
      onClose={onClose}
      onSubmit={() => submit('patrons', body)}
      busy={save.busy}
      error={save.error}
      submitLabel={t('ini.addPatron')}
      testId="patron-dialog"
    >
      <Field label={t('ini.patronName')}>
        <TextInput name="name" value={name} onInput={setName} required />
      </Field>
      <Checkbox checked={isPerson} onChange={setIsPerson}>
        {t('ini.isPerson')}
      </Checkbox>
      <Checkbox checked={isPublic} onChange={setIsPublic}>
        {t('ini.public')}
      </Checkbox>
      <Field label={t('ini.contributionKind')}>
        <Select
          name="contribution"
          value={contribution}
          onChange={setContribution}
          options={CONTRIBUTIONS.map((c) => ({ value: c, label: t(`ini.contribution.${c}`) }))}
        />
      </Field>
      <Field label={t('ini.amount')}>
        <TextInput type="number" name="amountTenge" min={0} value={amount} onInput={setAmount} />
      </Field>
      <Field label={t('ini.description')} wide>
        <TextArea name="description" rows={2} value={description} onInput={setDescription} />
      </Field>
    </FormDialog>
  );
}

/** A dated progress update in kk and ru (followers read it in their language) with a photo; the percent never goes down. */
export function UpdateDialog({ x, onClose, onDone }: Props) {
  const { api } = useApp();
  const { t } = useI18n();
  const [heldOn, setHeldOn] = useState(today());
  const [percent, setPercent] = useState(String(x.progressPercent));
  const [textKk, setTextKk] = useState('');
  const [textRu, setTextRu] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const { save, submit } = useSubmit(x, onDone);
  const body = { heldOn, percent: Number(percent), textKk: textKk.trim(), textRu: textRu.trim() };
  // The photo goes as the raw body once the update exists (PUT …/updates/:id/photos).
  const upload = async (answer: unknown) => {
    const updateId = (answer as { id?: number } | null)?.id;
    if (photo && updateId) await api.send('PUT', `/api/initiatives/${x.id}/updates/${updateId}/photos`, photo, photo.type || 'image/jpeg');
  };
  return (
    <FormDialog
      title={`№${x.id}: ${t('ini.addUpdate')}`}
      onClose={onClose}
      onSubmit={() => submit('updates', body, upload)}
      busy={save.busy}
      error={save.error}
      submitLabel={t('common.save')}
      testId="update-dialog"
      wide
    >
      <Field label={t('ini.heldOn')}>
        <TextInput type="date" name="heldOn" value={heldOn} onInput={setHeldOn} required />
      </Field>
      <Field label={t('ini.percent')}>
        <TextInput type="number" name="percent" min={x.progressPercent} max={100} value={percent} onInput={setPercent} required />
      </Field>
      <KkRuFields name="text" labels={[t('ini.textKk'), t('ini.textRu')]} kk={[textKk, setTextKk]} ru={[textRu, setTextRu]} rows={3} wide />
      <Field label={t('ini.photo')}>
        <input
          type="file"
          name="photo"
          accept="image/jpeg,image/png,image/webp"
          onChange={(e) => setPhoto((e.target as HTMLInputElement).files?.[0] ?? null)}
        />
      </Field>
    </FormDialog>
  );
}

export function ImplementedDialog({ x, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [resultKk, setResultKk] = useState('');
  const [resultRu, setResultRu] = useState('');
  const [served, setServed] = useState('');
  const [implementedOn, setImplementedOn] = useState(today());
  const { save, submit } = useSubmit(x, onDone);
  const body = { resultKk: resultKk.trim(), resultRu: resultRu.trim(), servedCount: Number(served), implementedOn };
  return (
    <FormDialog
      title={`№${x.id}: ${t('ini.implemented')}`}
      onClose={onClose}
      onSubmit={() => submit('implemented', body)}
      busy={save.busy}
      error={save.error}
      submitLabel={t('ini.implemented')}
      testId="implemented-dialog"
      wide
    >
      <KkRuFields name="result" labels={[t('ini.resultKk'), t('ini.resultRu')]} kk={[resultKk, setResultKk]} ru={[resultRu, setResultRu]} rows={3} wide />
      <Field label={t('ini.servedCount')}>
        <TextInput type="number" name="servedCount" min={0} value={served} onInput={setServed} required />
      </Field>
      <Field label={t('ini.implementedOn')}>
        <TextInput type="date" name="implementedOn" value={implementedOn} onInput={setImplementedOn} required />
      </Field>
    </FormDialog>
  );
}

export function CloseDialog({ x, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [reasonCode, setReasonCode] = useState<string>(CLOSE_REASONS[0]);
  const [noteKk, setNoteKk] = useState('');
  const [noteRu, setNoteRu] = useState('');
  const { save, submit } = useSubmit(x, onDone);
  return (
    <FormDialog
      title={`№${x.id}: ${t('ini.close')}`}
      onClose={onClose}
      onSubmit={() => submit('close', { reasonCode, noteKk: noteKk.trim(), noteRu: noteRu.trim() })}
      busy={save.busy}
      error={save.error}
      submitLabel={t('ini.close')}
      testId="close-dialog"
    >
      <Field label={t('ini.reasonCode')}>
        <Select name="reasonCode" value={reasonCode} onChange={setReasonCode} options={CLOSE_REASONS.map((c) => ({ value: c, label: t(`ini.reason.${c}`) }))} />
      </Field>
      <KkRuFields name="note" labels={[t('ini.noteKk'), t('ini.noteRu')]} kk={[noteKk, setNoteKk]} ru={[noteRu, setNoteRu]} rows={2} wide />
    </FormDialog>
  );
}
