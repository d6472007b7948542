// Limits of public comments, shared by the service, the bot and the API schemas: constants only, no imports.

/** An idea or comment on a report: long enough to say something, short enough for a page. */
export const PUBLIC_COMMENT_MIN = 10;
export const PUBLIC_COMMENT_MAX = 1000;
/** Flags from different citizens that hide a comment pending a moderator (config PUBLIC_COMMENT_FLAGS_TO_HIDE). */
export const PUBLIC_COMMENT_FLAGS_TO_HIDE = 3;
/** The moderator's note to the author. */
export const PUBLIC_COMMENT_NOTE_MAX = 500;
/** The author's name as shown, from their profile. */
export const PUBLIC_COMMENT_NAME_MAX = 60;
/** Comments on one page (portal and bot). */
export const PUBLIC_COMMENT_PAGE = 20;
