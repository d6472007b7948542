// Small text helpers every message builder uses, in core so services and flows share one copy.

/** Telegram HTML needs these three escaped in any text a citizen or staff member wrote. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** At most `max` characters, ending in "…" when cut (trailing spaces before it dropped). */
export const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/**
 * How long a label looks on a phone (docs/glossary.md § Buttons): one per character a reader sees
 * (a grapheme: «ә», «⚙️» = U+2699 U+FE0F, «🇰🇿» are one each), and two for an emoji, which Telegram
 * draws about two letters wide. JavaScript's `length` counts UTF-16 units and gets all three wrong.
 */
export function shownLength(s: string): number {
  const known = lengths.get(s);
  if (known !== undefined) return known;
  let n = 0;
  for (const { segment } of graphemes.segment(s)) n += EMOJI.test(segment) ? 2 : 1;
  return remembered(lengths, s, n);
}

// Segmenting costs microseconds a label, and the bot measures the same names (categories, regions, districts)
// on every update that shows them (issue 23): the answers for short texts are kept, a bounded number of them.
const lengths = new Map<string, number>();
const shortened = new Map<string, string>();
function remembered<V>(map: Map<string, V>, key: string, value: V): V {
  if (key.length > 300) return value;
  if (map.size >= 5000) map.clear();
  map.set(key, value);
  return value;
}

/** A main-menu button (two per row of the reply keyboard) shows this much on a small phone. */
export const MENU_LABEL_MAX = 20;
/** An inline button on its own row shows this much before Telegram cuts it. */
export const BUTTON_MAX = 30;

/**
 * At most `max` shown characters (see shownLength), cut at a word boundary and ending in "…", so a
 * title on a button stays readable; a first word longer than the room is cut inside it.
 */
export function shorten(s: string, max: number): string {
  const key = `${max}:${s}`;
  return shortened.get(key) ?? remembered(shortened, key, shortenOnce(s, max));
}

function shortenOnce(s: string, max: number): string {
  const text = s.replace(/\s+/g, ' ').trim();
  if (shownLength(text) <= max) return text;
  const parts = [...graphemes.segment(text)].map((g) => g.segment);
  let kept = '';
  let used = 0;
  for (const g of parts) {
    const w = EMOJI.test(g) ? 2 : 1;
    if (used + w > max - 1) break;
    kept += g;
    used += w;
  }
  // Back to the last word boundary, unless that would leave (almost) nothing.
  const boundary = kept.search(/[\s,;:—–-]+[^\s,;:—–-]*$/u);
  const cut = boundary >= Math.min(8, kept.length / 2) && !/\s/.test(text[kept.length] ?? ' ') ? kept.slice(0, boundary) : kept;
  return `${cut.replace(/[\s,;:.—–(-]+$/u, '')}…`;
}

/**
 * A button that shows `render(title)`: the title is shortened (see shorten) so the whole label fits
 * `max`. The caller puts the full title in the message text, where nothing cuts it.
 */
export function fitTitle(render: (title: string) => string, title: string, max = BUTTON_MAX): string {
  const room = max - shownLength(render(''));
  return render(shorten(title, Math.max(room, 1)));
}

const graphemes = new Intl.Segmenter('kk', { granularity: 'grapheme' });
/** Telegram draws these as pictures (with or without VS16): pictographs, flags, keycaps. */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/**
 * Text searched for as it is typed: LIKE/ILIKE (and so Prisma's contains and startsWith) read `%` and `_`
 * as wildcards and `\` as their escape, so a search for "50%" would match everything after "50".
 */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
