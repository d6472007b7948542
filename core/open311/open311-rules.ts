// Limits of the Open311 API (GeoReport v2), shared by the mapping and the API schemas (server/open311/open311-schemas.ts).

/** GeoReport v2 limits a request's description to 4000 characters. */
export const DESCRIPTION_LIMIT = 4000;
