// The impact API's answers from the services' records: instants as ISO text, dates as YYYY-MM-DD.
import type { ChangeStory, StoryCall, StorySelection } from '../../generated/prisma/client.ts';
import type { IndicatorView } from '../../core/impact/indicator-values.ts';
import { isoDate } from '../../core/projects/project-rules.ts';
import { iso } from '../route-kit.ts';

export const indicatorOut = (v: IndicatorView) => ({
  ...v,
  sourceConfig: (v.sourceConfig ?? {}) as Record<string, unknown>,
  baselineOn: v.baselineOn ? isoDate(v.baselineOn) : null,
  targetOn: v.targetOn ? isoDate(v.targetOn) : null,
  periods: v.periods.map((p) => ({ ...p, manual: p.manual ? { ...p.manual, enteredAt: p.manual.enteredAt.toISOString() } : null })),
});

export const selectionOut = (s: StorySelection) => ({ ...s, selectedAt: s.selectedAt.toISOString() });

export const storyOut = (s: ChangeStory & { selections?: StorySelection[] }) => ({
  id: s.id,
  projectId: s.projectId,
  callId: s.callId,
  locale: s.locale,
  text: s.text,
  whyText: s.whyText,
  hasVoice: s.voiceFileId !== null,
  voiceSeconds: s.voiceSeconds,
  consent: s.consent,
  publicName: s.publicName,
  status: s.status,
  periodKey: s.periodKey,
  submittedAt: iso(s.submittedAt),
  transcript: s.transcript,
  publishedText: s.publishedText,
  publishedAt: iso(s.publishedAt),
  selections: (s.selections ?? []).map(selectionOut),
});

export const callOut = (c: StoryCall & { _count?: { invitations: number; stories: number } }) => ({
  id: c.id,
  projectId: c.projectId,
  promptKk: c.promptKk,
  promptRu: c.promptRu,
  inviteCode: c.inviteCode,
  opensAt: c.opensAt.toISOString(),
  closesAt: c.closesAt.toISOString(),
  sendRequestedAt: iso(c.sendRequestedAt),
  ...(c._count ? { invited: c._count.invitations, stories: c._count.stories } : {}),
});
