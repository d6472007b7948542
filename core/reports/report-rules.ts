// Limits of the reports capability, shared by the services and the API schemas (server/reports/*-schemas.ts),
// which the console also reads: constants only, no imports.

/** A status note (public or internal). */
export const NOTE_MAX = 4000;
/** Reports one bulk status change or merge may name. */
export const BULK_MAX = 200;
/** The reason a moderator gives for hiding a report from public view. */
export const HIDE_REASON_MAX = 500;
/** The working days a category may give a report to be resolved. */
export const CATEGORY_DEADLINE_MAX = 60;

/** What a response template may refer to as {{name}}. */
export const PLACEHOLDERS = ['number', 'category', 'department', 'due_date', 'address', 'region', 'district'] as const;
/** Leaves room in a public note (NOTE_MAX) for what the placeholders expand to. */
export const TEMPLATE_TEXT_MAX = 3000;
