// The status as a word with its colour and a shape (●, ✓, ×): colour is never the only sign (WCAG 1.4.1).
import type { ReportStatus } from '../../../generated/prisma/enums.ts';
import type { PortalText } from '../render.tsx';

const SHAPE = { red: '●', green: '✓', grey: '×' } as const;

export function StatusBadge({ colour, status, t }: { colour: 'red' | 'green' | 'grey'; status: ReportStatus; t: PortalText }) {
  const word = status === 'new' || status === 'in_work' || status === 'reopened' ? t('group.open') : t(`reports:status.${status}`);
  return (
    <span class={`badge ${colour}`}>
      <span aria-hidden="true">{SHAPE[colour]}</span> {word}
    </span>
  );
}
