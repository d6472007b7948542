// Limits of the expert evaluation (seed 003, Rules p. 16–19), shared by the services and the API schemas
// (server/evaluation/*-schemas.ts), which the console also reads.
import type { ConflictKind } from '../../generated/prisma/enums.ts';

/** Each criterion is scored 1–5. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** An expert's comment on one criterion. */
export const COMMENT_MAX = 4000;
/** The ties to the NGO an Annex 4/6 declaration may name, and what it may say about them. */
export const CONFLICT_KINDS: readonly ConflictKind[] = ['membership', 'governance', 'payments', 'family', 'other'];
export const DETAILS_MAX = 4000;
/** A council member's organisation and position, as printed in Annex 7. */
export const POSITION_MAX = 300;
