// Limits and codes of civic initiatives (issue 18), shared by the service, the bot and the API schemas.
// Constants and pure checks only: the bot re-asks with the same reason codes the service refuses with.
import { invalid } from '../errors.ts';

export const INITIATIVE_TITLE_MIN = 10;
export const INITIATIVE_TITLE_MAX = 120;
export const INITIATIVE_DESCRIPTION_MIN = 30;
export const INITIATIVE_DESCRIPTION_MAX = 3000;
export const INITIATIVE_WHY_MIN = 20;
export const INITIATIVE_WHY_MAX = 2000;
export const INITIATIVE_ORGANISATION_MIN = 2;
export const INITIATIVE_ORGANISATION_MAX = 300;
export const INITIATIVE_ADDRESS_MAX = 300;
export const INITIATIVE_PHOTOS_MAX = 5;
/** A return, reject or close note: enough to say why, short enough for a chat message. */
export const INITIATIVE_NOTE_MIN = 5;
export const INITIATIVE_NOTE_MAX = 1000;
/** Proposals one citizen may send a day (config INITIATIVES_PER_DAY): a crowd of one cannot flood the queue. */
export const INITIATIVES_PER_DAY = 3;
/** Ratings are accepted this long after an initiative is implemented (changeable within the window). */
export const INITIATIVE_RATING_DAYS = 90;
/** An update's or a result's text, in each language. */
export const INITIATIVE_TEXT_MIN = 5;
export const INITIATIVE_TEXT_MAX = 2000;
export const INITIATIVE_NAME_MAX = 300;
export const INITIATIVE_PAGE = 20;

export const HELP_KINDS = ['volunteers', 'ngo_expertise', 'patron_money', 'patron_materials', 'akimat'] as const;
export const ACTOR_KINDS = ['ngo', 'initiative_group', 'akimat', 'social_project', 'business'] as const;
export const CONTRIBUTIONS = ['money', 'materials', 'services'] as const;

/** Why a moderator returns an initiative to its author (the author can fix it). */
export const RETURN_REASONS = ['incomplete', 'out_of_scope', 'other'] as const;
/**
 * Why a moderator rejects one: not_initiative = a problem for civic control (the author is pointed to a report),
 * out_of_scope = not this region's or not a civic matter, duplicate = of another initiative (linked).
 */
export const REJECT_REASONS = ['not_initiative', 'out_of_scope', 'duplicate', 'inappropriate', 'other'] as const;
/** Why a published or running initiative is closed without being implemented. */
export const CLOSE_REASONS = ['no_implementer', 'not_feasible', 'duplicate', 'author_withdrew', 'other'] as const;

export type ReturnReason = (typeof RETURN_REASONS)[number];
export type RejectReason = (typeof REJECT_REASONS)[number];
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** The three public categories of the programme (seed 002 L829–852). */
export const STAGES = ['proposals', 'in_progress', 'implemented'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * A text between min and max characters (trimmed), or the refusal the citizen reads: `initiative.<field>_short`
 * or `…_long` with the length found and the limit.
 */
export function checkedText(field: string, value: string, min: number, max: number): string {
  const t = value.trim();
  if (t.length < min) throw invalid(`initiative.${field}_short`, { min, len: t.length });
  if (t.length > max) throw invalid(`initiative.${field}_long`, { max, len: t.length });
  return t;
}

export const checkTitle = (v: string) => checkedText('title', v, INITIATIVE_TITLE_MIN, INITIATIVE_TITLE_MAX);
export const checkDescription = (v: string) => checkedText('description', v, INITIATIVE_DESCRIPTION_MIN, INITIATIVE_DESCRIPTION_MAX);
export const checkJustification = (v: string) => checkedText('why', v, INITIATIVE_WHY_MIN, INITIATIVE_WHY_MAX);
export const checkOrganisation = (v: string) => checkedText('organisation', v, INITIATIVE_ORGANISATION_MIN, INITIATIVE_ORGANISATION_MAX);
export const checkNote = (v: string | null | undefined) => checkedText('note', v ?? '', INITIATIVE_NOTE_MIN, INITIATIVE_NOTE_MAX);
export const checkPublicText = (field: string, v: string) => checkedText(field, v, INITIATIVE_TEXT_MIN, INITIATIVE_TEXT_MAX);
