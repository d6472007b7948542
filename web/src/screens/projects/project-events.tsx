// The events table of the grant report: date, place, form, participants and completeness, added and removed
// while the project runs.
import { useState } from 'preact/hooks';
import type { EventInput, Project, ProjectEvent } from '../../../../server/projects/projects-schemas.ts';
import { useAction, useLoad } from '../../components/load.ts';
import { ErrorBox } from '../../components/layout.tsx';
import { CheckedForm, Field, TextInput } from '../../components/form.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';

export function EventsPanel({ project, onChanged }: { project: Project; onChanged(): void }) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const events = useLoad(() => api.get<{ items: ProjectEvent[] }>(`/api/projects/${project.id}/events`), [project.id]);
  const [f, setF] = useState({ heldOn: '', place: '', form: '', participants: '', completeness: '' });
  const save = useAction();
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  async function add(e: Event) {
    e.preventDefault();
    const ok = await save.run(
      () => api.post(`/api/projects/${project.id}/events`, { ...f, participants: Number(f.participants) } satisfies EventInput),
      t('common.saved'),
    );
    if (ok) {
      setF({ heldOn: '', place: '', form: '', participants: '', completeness: '' });
      events.reload();
      onChanged();
    }
  }
  return (
    <div class="panel" data-testid="project-events">
      <h2>{t('projects.events')}</h2>
      <ErrorBox error={events.error} />
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th>№</th>
              <th>{t('projects.heldOn')}</th>
              <th>{t('projects.place')}</th>
              <th>{t('projects.form')}</th>
              <th>{t('projects.participants')}</th>
              <th>{t('projects.completeness')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {events.data?.items.map((e, i) => (
              <tr key={e.id}>
                <td>{i + 1}</td>
                <td>{i18n.date(e.heldOn)}</td>
                <td>{e.place}</td>
                <td>{e.form}</td>
                <td>{e.participants}</td>
                <td>{e.completeness}</td>
                <td>
                  {project.status !== 'finished' && (
                    <button
                      type="button"
                      class="icon"
                      aria-label={t('common.delete')}
                      onClick={async () =>
                        confirm(t('projects.confirmDeleteEvent')) &&
                        (await save.run(() => api.del(`/api/projects/events/${e.id}`))) &&
                        (events.reload(), onChanged())
                      }
                    >
                      ×
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {project.status !== 'finished' && (
        <CheckedForm class="form" onSubmit={add} style={{ marginTop: '0.75rem' }}>
          <Field label={t('projects.heldOn')}>
            <input
              type="date"
              min={project.startsOn}
              max={project.endsOn}
              value={f.heldOn}
              onInput={(e) => set('heldOn')((e.target as HTMLInputElement).value)}
            />
          </Field>
          <Field label={t('projects.place')}>
            <TextInput value={f.place} onInput={set('place')} />
          </Field>
          <Field label={t('projects.form')}>
            <TextInput value={f.form} onInput={set('form')} />
          </Field>
          <Field label={t('projects.participants')}>
            <TextInput type="number" min={0} value={f.participants} onInput={set('participants')} />
          </Field>
          <Field label={t('projects.completeness')}>
            <TextInput value={f.completeness} onInput={set('completeness')} />
          </Field>
          <ErrorBox error={save.error} />
          <div class="form-actions">
            <button type="submit" class="secondary" disabled={save.busy}>
              {t('projects.addEvent')}
            </button>
          </div>
        </CheckedForm>
      )}
    </div>
  );
}
