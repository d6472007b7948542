// Small text helpers every message builder uses, in core so services and flows share one copy.

/** Telegram HTML needs these three escaped in any text a citizen or staff member wrote. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** At most `max` characters, ending in "…" when cut (trailing spaces before it dropped). */
export const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
