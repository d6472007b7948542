// The rules of a story of change (plan §3.4): typed text of 20–3000 characters or a voice message of at most
// 3 minutes and 20 MB; an optional "why is it important"; consent to publish (not, without the name, with a
// name the citizen gives); one submitted story per call and citizen.
import type { ChangeStory } from '../../generated/prisma/client.ts';
import type { StoryConsent } from '../../generated/prisma/enums.ts';
import { periodKeyOf } from '../calendar/periods.ts';
import { invalid } from '../errors.ts';

export const STORY_TEXT_MIN = 20;
export const STORY_TEXT_MAX = 3000;
export const WHY_MAX = 1000;
export const VOICE_MAX_SECONDS = 180;
export const VOICE_MAX_BYTES = 20 * 1024 * 1024;
export const PUBLIC_NAME_MAX = 60;
/** MSC asks the reviewers why they chose a story: a sentence, not a tick. */
export const REASON_MIN = 20;
export const REASON_MAX = 2000;

export function storyText(text: string): string {
  const t = text.trim();
  if (t.length < STORY_TEXT_MIN) throw invalid('impact.story_too_short', { min: STORY_TEXT_MIN });
  if (t.length > STORY_TEXT_MAX) throw invalid('impact.story_too_long', { max: STORY_TEXT_MAX });
  return t;
}

export function checkVoice(v: { seconds: number; size?: number | null }): void {
  if (v.seconds > VOICE_MAX_SECONDS) throw invalid('impact.voice_too_long', { max: VOICE_MAX_SECONDS / 60 });
  if ((v.size ?? 0) > VOICE_MAX_BYTES) throw invalid('impact.voice_too_big', { max: 20 });
}

export function publicName(consent: StoryConsent, name: string | null | undefined): string | null {
  if (consent !== 'named') return null;
  const n = (name ?? '').trim();
  if (!n) throw invalid('impact.name_required_story');
  if (n.length > PUBLIC_NAME_MAX) throw invalid('impact.text_long', { max: PUBLIC_NAME_MAX });
  return n;
}

/** A story has something to tell: text or a voice. */
export const hasContent = (s: Pick<ChangeStory, 'text' | 'voiceFileId'>) => !!s.text || !!s.voiceFileId;

/** The MSC period of a story: the quarter it was submitted in (2026-Q3). */
export const storyPeriod = (at: Date) => periodKeyOf(at, 'quarter');
