// The pieces every dashboard block is made of: a titled panel with its export, figures, and the block's
// body once its indicator has loaded (or its error in the reader's language).
import { Fragment, type ComponentChildren } from 'preact';
import { type Loaded } from '../../components/load.ts';
import { ErrorBox, Loading } from '../../components/layout.tsx';
import { DownloadButton } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.ts';
import { formatNumber, formatShare } from '../../i18n/format.ts';

type Share = number | null;

export const pct = (s: Share) => formatShare(s);

export function Card({
  title,
  testid,
  children,
  exportUrl,
  query,
}: {
  title: string;
  testid: string;
  children: ComponentChildren;
  exportUrl?: string;
  query?: Record<string, string | number | undefined>;
}) {
  const { t } = useI18n();
  return (
    <div class="panel" data-testid={testid}>
      <div class="screen-head">
        <h2>{title}</h2>
        {exportUrl && <DownloadButton url={exportUrl} query={query} label={t('dashboard.export')} />}
      </div>
      {children}
    </div>
  );
}

export function Figures({ items }: { items: [string, string | number][] }) {
  return (
    <dl class="facts">
      {items.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>
            <strong>{typeof v === 'number' ? formatNumber(v) : v}</strong>
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** A block's body once its indicator has loaded (or its error in the reader's language). */
export function Block<T>({ load, children }: { load: Loaded<T>; children(d: T): ComponentChildren }) {
  if (load.error) return <ErrorBox error={load.error} />;
  if (!load.data) return <Loading />;
  return <>{children(load.data)}</>;
}
