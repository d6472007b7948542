// Limits of staff accounts, shared by the services and the API schemas (server/staff/*-schemas.ts),
// which the console also reads.

/** A password's length in characters; core/staff/password-policy.ts also asks that it be hard to guess. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
