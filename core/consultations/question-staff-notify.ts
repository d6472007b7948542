// Notices for consultants and admins about questions (overdue, escalated, handed over, released), through
// the shared staff notices (console + Telegram for linked accounts). Questions carry no personal data
// of the asker in these texts: the number, the topic and the start of the question.
import type { i18n, TFunction } from 'i18next';
import type { ConsultationTopic, Question, StaffUser } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';
import type { Locale } from '../i18n/i18n.ts';
import { localName } from '../reference/reference-service.ts';
import { activeWithRole, sendStaffMessage } from '../staff/staff-messages.ts';
import { toPrincipal } from '../staff/staff-service.ts';
import { inQuestionScope } from './question-scope.ts';
import { clip } from '../text.ts';

export type NamedQuestion = Question & { topic: ConsultationTopic };

const PREVIEW = 300;

export function questionLines(locale: Locale, q: NamedQuestion): string[] {
  return [`📂 ${localName(q.topic, locale)}`, '', clip(q.text, PREVIEW)];
}

/** Who answers for the question: its holder while active, otherwise every active consultant whose scope covers it. */
export async function consultantsFor(tx: Tx, q: Question): Promise<StaffUser[]> {
  if (q.consultantId != null) {
    const holder = await tx.staffUser.findFirst({ where: { id: q.consultantId, active: true } });
    if (holder) return [holder];
  }
  return (await activeWithRole(tx, 'consultant')).filter((s) => inQuestionScope(toPrincipal(s), q.regionId));
}

export interface QuestionNotice {
  kind: 'question.overdue' | 'question.escalated' | 'question.handover' | 'question.released';
  question: NamedQuestion;
  occurrence: string | number;
  headline: (t: TFunction) => string;
  /** a last line, e.g. the hand-over note */
  footer?: string | null;
}

export function notifyAboutQuestion(tx: Tx, i18n: i18n, recipients: StaffUser[], n: QuestionNotice): Promise<number> {
  const text = (t: TFunction, locale: Locale) => [n.headline(t), ...questionLines(locale, n.question), ...(n.footer ? ['', n.footer] : [])].join('\n');
  return sendStaffMessage(tx, i18n, recipients, { kind: n.kind, subjectId: n.question.id, occurrence: n.occurrence, text });
}
