// Consultation topics: each one's first-response deadline, its consultants' Telegram group, and whether
// citizens may choose it.
import { useState } from 'preact/hooks';
import type { ConsultationTopic, TopicPatch } from '../../../../server/consultations/consultation-topics-schemas.ts';
import { useAction, useEditDialog, useLoad } from '../../components/load.ts';
import { Checkbox, Field, FormDialog, TextInput } from '../../components/form.tsx';
import { LoadedTable } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { EditButton } from './admin-kit.tsx';

export function TopicsTab() {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const list = useLoad(() => api.get<ConsultationTopic[]>('/api/consultation-topics'), []);
  const dialog = useEditDialog<ConsultationTopic>(() => list.reload());
  return (
    <div>
      <p class="hint">{t('admin.topics.hint')}</p>
      <LoadedTable
        loaded={list}
        testId="topics-table"
        rowKey={(x) => x.id}
        rowClass={(x) => (x.active ? '' : 'inactive')}
        columns={[
          { label: t('questions.topic'), cell: (x) => i18n.name(x) },
          { label: t('admin.topics.responseDays'), cell: (x) => t('admin.categories.days', { n: x.responseDays }) },
          { label: t('admin.departments.chat'), cell: (x) => x.telegramChatId ?? '—' },
          { label: t('admin.active'), cell: (x) => (x.active ? '✓' : '—') },
          { label: '', cell: (x) => <EditButton onClick={() => dialog.edit(x)} /> },
        ]}
      />
      {dialog.item && <TopicDialog topic={dialog.item} {...dialog.props} />}
    </div>
  );
}

function TopicDialog({ topic, onClose, onSaved }: { topic: ConsultationTopic; onClose(): void; onSaved(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [days, setDays] = useState(String(topic.responseDays));
  const [chat, setChat] = useState(topic.telegramChatId ?? '');
  const [active, setActive] = useState(topic.active);
  const save = useAction();
  async function submit() {
    if (
      await save.run(
        () =>
          api.patch(`/api/consultation-topics/${topic.id}`, { responseDays: Number(days), telegramChatId: chat.trim() || null, active } satisfies TopicPatch),
        t('common.saved'),
      )
    )
      onSaved();
  }
  return (
    <FormDialog title={i18n.name(topic)} onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error} submitLabel={t('common.save')}>
      <Field label={t('admin.topics.responseDays')} hint={t('admin.topics.responseDaysHint')}>
        <TextInput type="number" min={1} value={days} onInput={setDays} />
      </Field>
      <Field label={t('admin.departments.chat')} hint={t('admin.departments.chatHint')}>
        <TextInput value={chat} onInput={setChat} placeholder="-1001234567890" />
      </Field>
      <Checkbox checked={active} onChange={setActive}>
        {t('admin.categories.offered')}
      </Checkbox>
    </FormDialog>
  );
}
