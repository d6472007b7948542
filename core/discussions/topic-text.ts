// How a topic and its comments read in either official language: the bot, the notices and the Annex
// forms all name things the same way.
import type { TFunction } from 'i18next';
import type { Area, DiscussionTopic, Region, StateBody } from '../../generated/prisma/client.ts';
import type { CommentDecision } from '../../generated/prisma/enums.ts';
import { localName } from '../reference/reference-service.ts';

export type NamedTopic = DiscussionTopic & { stateBody: StateBody; area: Area; region: Region | null };
export const TOPIC_NAMES = { stateBody: true, area: true, region: true } as const;

type Bilingual<F extends string> = Record<`${F}Kk` | `${F}Ru`, string>;

/** A field written in both languages (titleKk / titleRu …) in the reader's; Russian for anything but kk. */
export function inLocale<F extends string>(x: Bilingual<F>, field: F, locale: string): string {
  return locale === 'kk' ? x[`${field}Kk`] : x[`${field}Ru`];
}

/** The region of a topic, or "national" for a topic of the whole country. */
export function placeOf(t: TFunction, topic: { region: Region | null }, locale: string): string {
  return topic.region ? localName(topic.region, locale) : t('discussions:national');
}

/**
 * The author as Annex 2 records them: the name, and the organisation when they wrote for one. A citizen
 * who erased their data left an empty name: they are shown as an anonymised participant.
 */
export function authorOf(t: TFunction, c: { authorName: string; organisation: string | null }): string {
  const name = c.authorName || t('discussions:anonymised_author');
  return c.organisation ? `${name} (${c.organisation})` : name;
}

export function decisionText(t: TFunction, decision: CommentDecision | null, reason: string | null, style: 'notice' | 'annex'): string {
  const label = t(`discussions:${style === 'notice' ? 'decision' : 'annex2.decision'}.${decision ?? 'none'}`);
  return reason ? `${label}. ${t('discussions:reason', { reason })}` : label;
}

/** 1234.5 → "1 234,5" and 1500 → "1 500", as amounts are written in Kazakhstan (both languages). */
export function formatThousands(value: { toFixed(digits: number): string }): string {
  // Decimal's own toFixed: no float on the way, exact for the 16 digits the column holds.
  const [int, frac] = value.toFixed(1).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return frac === '0' ? grouped : `${grouped},${frac}`;
}
