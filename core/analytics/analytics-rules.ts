// Limits of the analytics API, shared by the services and the API schemas (server/analytics/analytics-schemas.ts).

/** Report points one map request may return. */
export const MAX_POINTS = 20_000;
