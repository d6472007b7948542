// The knowledge-base editor: articles per topic in Kazakh and Russian, drafts and published, with the
// same search the bot uses, so a consultant sees what a citizen's words would find.
import { useState } from 'preact/hooks';
import type { ConsultationTopic } from '../../../../server/consultations/consultation-topics-schemas.ts';
import type { FaqArticle as Article, FaqInput, FaqSearch } from '../../../../server/consultations/faq-schemas.ts';
import { useAction, useLoad, usePaged, type Page } from '../../components/load.ts';
import { DetailHead, ErrorBox } from '../../components/layout.tsx';
import { MasterDetail } from '../../components/master-detail.tsx';
import { CheckedForm, Checkbox, Field, FormActions, Select, TextArea, TextInput } from '../../components/form.tsx';
import { FilterSelect, PagedBody } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import type { ScreenProps } from '../types.ts';

export function FaqEditor({ query }: ScreenProps) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const topicId = query.get('topicId') ?? '';
  const published = query.get('published') ?? '';
  const selected = query.get('id');
  const q = query.get('q') ?? '';
  const topics = useLoad(() => api.get<ConsultationTopic[]>('/api/consultation-topics'), []);
  // A search answers in one go (best first); the plain list comes in pages.
  const list = usePaged<Article>(
    async (cursor) =>
      q
        ? {
            items: (await api.get<FaqSearch>('/api/faq/search', { q, topicId })).items.map((x) => x.article),
            nextCursor: null,
          }
        : api.get<Page<Article>>('/api/faq', { topicId, published, limit: 100, cursor }),
    [topicId, published, q],
  );
  const items = list.items;
  // Opening or closing an article is a step of its own (the phone's back returns to the list); filters are not.
  const go = (patch: Record<string, string | undefined>) =>
    navigate(href('faq', { topicId, published, q, id: selected ?? undefined, ...patch }), { replace: !('id' in patch) });
  const title = (a: Article) => (i18n.locale === 'kk' ? a.titleKk : a.titleRu);
  const article = items.find((a) => String(a.id) === selected);

  return (
    <MasterDetail
      testId="faq-screen"
      detail={
        selected &&
        (selected === 'new' || article) && (
          <ArticleForm
            key={selected}
            article={article}
            topics={topics.data ?? []}
            defaultTopic={topicId}
            onSaved={(a) => {
              list.reload();
              go({ id: a ? String(a.id) : undefined });
            }}
            onClose={() => go({ id: undefined })}
          />
        )
      }
    >
      <div class="screen-head">
        <h1>{t('faq.title')}</h1>
        <button type="button" class="primary" data-action="new-article" onClick={() => go({ id: 'new' })}>
          {t('faq.new')}
        </button>
      </div>
      <div class="filters">
        <input
          type="search"
          aria-label={t('faq.search')}
          placeholder={t('faq.search')}
          value={q}
          onChange={(e) => go({ q: (e.target as HTMLInputElement).value || undefined })}
        />
        <FilterSelect
          label={t('questions.topic')}
          value={topicId}
          anyLabel={t('questions.anyTopic')}
          options={(topics.data ?? []).map((x) => ({ value: x.id, label: i18n.name(x) }))}
          onChange={(v) => go({ topicId: v || undefined })}
        />
        <select aria-label={t('faq.state')} value={published} onChange={(e) => go({ published: (e.target as HTMLSelectElement).value || undefined })}>
          <option value="">{t('faq.any')}</option>
          <option value="true">{t('faq.published')}</option>
          <option value="false">{t('faq.drafts')}</option>
        </select>
      </div>
      <PagedBody list={list} emptyText={t('faq.none')}>
        <ul class="list" data-testid="faq-list">
          {items.map((a) => (
            <li key={a.id} class={String(a.id) === selected ? 'list-item selected' : 'list-item'}>
              <button type="button" class="item" onClick={() => go({ id: String(a.id) })}>
                <div class="row-top">
                  <strong>{title(a)}</strong>
                  <span class={a.published ? 'badge ok' : 'badge muted'}>{a.published ? t('faq.published') : t('faq.draft')}</span>
                </div>
                <div class="row-meta">
                  <span>{i18n.name(topics.data?.find((x) => x.id === a.topicId))}</span>
                  <span>{t('faq.stats', { shown: a.shownCount, helped: a.helpedCount })}</span>
                  <span>{i18n.dateTime(a.updatedAt)}</span>
                </div>
              </button>
            </li>
          ))}
        </ul>
      </PagedBody>
    </MasterDetail>
  );
}

function ArticleForm({
  article,
  topics,
  defaultTopic,
  onSaved,
  onClose,
}: {
  article?: Article;
  topics: ConsultationTopic[];
  defaultTopic: string;
  onSaved(a: Article | null): void;
  onClose(): void;
}) {
  const { api } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [topicId, setTopicId] = useState(String(article?.topicId ?? (defaultTopic || topics[0]?.id || '')));
  const [text, setText] = useState<ArticleText>({
    titleKk: article?.titleKk ?? '',
    titleRu: article?.titleRu ?? '',
    bodyKk: article?.bodyKk ?? '',
    bodyRu: article?.bodyRu ?? '',
  });
  const [published, setPublished] = useState(article?.published ?? false);
  const save = useAction();

  async function submit(e: Event) {
    e.preventDefault();
    const body: FaqInput = { topicId: Number(topicId), ...text, published };
    const a = await save.run(() => (article ? api.patch<Article>(`/api/faq/${article.id}`, body) : api.post<Article>('/api/faq', body)), t('common.saved'));
    if (a) onSaved(a);
  }
  async function remove() {
    if (!article || !confirm(t('faq.confirmDelete'))) return;
    if (await save.run(() => api.del(`/api/faq/${article.id}`), t('common.deleted'))) onSaved(null);
  }

  return (
    <aside class="detail">
      <DetailHead title={article ? t('faq.edit') : t('faq.new')} onClose={onClose} />
      <CheckedForm class="form" onSubmit={submit} data-testid="faq-form">
        <Field label={t('questions.topic')}>
          <Select value={topicId} onChange={setTopicId} options={topics.map((x) => ({ value: String(x.id), label: i18n.name(x) }))} />
        </Field>
        <Checkbox checked={published} onChange={setPublished}>
          {t('faq.publishedHint')}
        </Checkbox>
        <ArticleFields value={text} onChange={setText} />
        <ErrorBox error={save.error} />
        <FormActions busy={save.busy} submitLabel={t('common.save')}>
          {article && (
            <button type="button" class="danger" disabled={save.busy} onClick={remove}>
              {t('common.delete')}
            </button>
          )}
        </FormActions>
      </CheckedForm>
    </aside>
  );
}

/** The four texts of an article, Kazakh and Russian side by side in meaning (used here and when promoting an answer). */
/** An article's title and text in Kazakh and in Russian, as typed. */
export interface ArticleText {
  titleKk: string;
  titleRu: string;
  bodyKk: string;
  bodyRu: string;
}

export function ArticleFields({ value, onChange }: { value: ArticleText; onChange(v: ArticleText): void }) {
  const { t } = useI18n();
  const set = (k: keyof ArticleText) => (v: string) => onChange({ ...value, [k]: v });
  return (
    <>
      <Field label={t('faq.titleKk')} wide>
        <TextInput name="titleKk" lang="kk" value={value.titleKk} onInput={set('titleKk')} />
      </Field>
      <Field label={t('faq.bodyKk')} wide>
        <TextArea name="bodyKk" lang="kk" rows={6} value={value.bodyKk} onInput={set('bodyKk')} />
      </Field>
      <Field label={t('faq.titleRu')} wide>
        <TextInput name="titleRu" lang="ru" value={value.titleRu} onInput={set('titleRu')} />
      </Field>
      <Field label={t('faq.bodyRu')} wide>
        <TextArea name="bodyRu" lang="ru" rows={6} value={value.bodyRu} onInput={set('bodyRu')} />
      </Field>
    </>
  );
}
