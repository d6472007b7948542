// A topic's status as a badge: open green (comments accepted), ended and awaiting the review amber,
// reviewed blue, draft grey.
import type { DiscussionStatus } from '../../../../generated/prisma/enums.ts';
import { useI18n } from '../../i18n/i18n.ts';

export function StatusBadge({ status }: { status: DiscussionStatus }) {
  const { t } = useI18n();
  // Open: green (comments accepted); ended and awaiting the review: amber; reviewed: blue; draft: grey.
  const style =
    status === 'closed' ? { background: '#fff4d6', color: '#8a5a00' } : status === 'reviewed' ? { background: '#e3eefc', color: '#1d4f91' } : undefined;
  return (
    <span class={status === 'open' ? 'badge ok' : status === 'draft' ? 'badge muted' : 'badge'} style={style} data-status={status}>
      {t(`topics.status.${status}`)}
    </span>
  );
}
