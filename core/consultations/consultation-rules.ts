// Limits of the consultations capability, shared by the services and the API schemas
// (server/consultations/*-schemas.ts), which the console also reads.
import { PERIOD_KINDS } from '../calendar/periods.ts';

/** A consultant's answer to a citizen's question. */
export const ANSWER_MAX = 4000;
/** An internal note, a hand-over note or a closing note. */
export const NOTE_MAX = 2000;
/** The link a consultant sends with an answer, and its title. */
export const LINK_URL_MAX = 1000;
export const LINK_TITLE_MAX = 200;
/** The words a knowledge-base search looks for. */
export const FAQ_QUERY_MAX = 500;
/** A topic's first-response deadline, in working days. */
export const RESPONSE_DAYS_MAX = 30;
/** The response time a log entry may record: a year. */
export const RESPONSE_MINUTES_MAX = 60 * 24 * 365;

/** What the consultation totals are grouped by, and per which period. */
export const GROUP_BY = ['topic', 'askerGroup', 'channel', 'consultant', 'region'] as const;
export const PERIODS = PERIOD_KINDS;
