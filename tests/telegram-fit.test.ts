// Buttons that fit a phone (issue 21). The rule (docs/glossary.md § Buttons): a label is measured as
// Telegram shows it — one per character a reader sees (a grapheme), two for an emoji, which is drawn
// about two letters wide. A main-menu label is at most 20 of these (two buttons share a row of the
// reply keyboard); an inline button at most 30. Titles and names from data (topics, opportunities,
// polls, areas, people) go through one helper that shortens them at a word boundary with "…", and
// the message above the buttons gives them in full.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, LOCALES } from '../core/i18n/i18n.ts';
import { BUTTON_MAX, fitTitle, MENU_LABEL_MAX, shorten, shownLength } from '../core/text.ts';
import { capabilityFeatures } from '../app/compose.ts';
import { choiceLabels, numberedLabels } from '../bot/flow-kit.ts';
import { regions } from '../prisma/seed/regions.ts';

const i18n = createI18n();
const source = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? source(p) : f.endsWith('.ts') ? [p] : [];
  });

/** From `from` (an opening parenthesis or brace) to its partner: the whole argument list of a call. */
function balanced(text: string, from: number): string {
  const open = text[from]!;
  const close = open === '(' ? ')' : open === '{' ? '}' : ']';
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return text.slice(from, i + 1);
  }
  return text.slice(from);
}

/**
 * Every i18n key that becomes a button label, found where the code builds buttons: grammY's
 * `.text(…)`, a button family's `.offer(…)`, `requestContact/requestLocation(…)`, `inline_keyboard: [...]` of raw keyboards, local `button(…)` helpers,
 * `label:` of button grids, `labelKey:` of main-menu entries, and the label helpers. A key written with `${…}` stands for every key
 * under its prefix. `titled` marks keys whose {{title}}/{{name}} is filled through a shortening helper.
 */
function buttonKeys(): Map<string, { titled: boolean; where: string }> {
  const found = new Map<string, { titled: boolean; where: string }>();
  const contexts =
    /(?:\.text|\.offer|requestContact|requestLocation|fitTitle|numberedLabels|choiceLabels|\bbutton)\(|\binline_keyboard:\s*\[|\blabel(?:Key)?:\s*/g;
  for (const file of ['bot', 'core'].flatMap((d) => source(path.resolve(d)))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(contexts)) {
      const start = m.index + m[0].length - (m[0].endsWith('(') || m[0].endsWith('[') ? 1 : 0);
      const arg = text[start] === '(' || text[start] === '[' ? balanced(text, start) : text.slice(start, text.indexOf('\n', start));
      const titled = /^(fitTitle|numberedLabels|choiceLabels)/.test(m[0]);
      for (const k of arg.matchAll(/['`]([a-z]+:[\w.]+(?:\$\{[^}]+\})?)['`]/g)) {
        const key = k[1]!;
        const keys = key.includes('${') ? allKeys().filter((x) => x.startsWith(key.slice(0, key.indexOf('${')))) : [key];
        for (const x of keys) found.set(x, { titled: titled || found.get(x)?.titled === true, where: path.relative('.', file) });
      }
    }
  }
  return found;
}
let keyCache: string[] | null = null;
function allKeys(): string[] {
  if (keyCache) return keyCache;
  const res = (i18n.store.data.ru ?? {}) as Record<string, Record<string, unknown>>;
  const walk = (o: Record<string, unknown>, prefix: string): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : walk(v as Record<string, unknown>, `${prefix}${k}.`)));
  keyCache = Object.entries(res).flatMap(([ns, tree]) => walk(tree, `${ns}:`));
  return keyCache;
}

/** The longest a value of each placeholder gets on a button; {{title}} and {{name}} are shortened to fit by the helper. */
const LONGEST: Record<string, string> = { number: 'KZ-2026-000123', n: '10', count: '20', days: '10', position: '99', rating: '5' };

describe('buttons fit a phone', () => {
  it('measures what Telegram shows: graphemes, an emoji as two', () => {
    expect(shownLength('Қазақша')).toBe(7);
    expect(shownLength('⚙️ Баптаулар')).toBe(12); // U+2699 U+FE0F is one emoji
    expect(shownLength('🇰🇿 Қазақша')).toBe(10); // a flag is two code points, one emoji
    expect('🇰🇿'.length).toBe(4);
  });

  it('shortens a title at a word boundary with "…", to the room it is given', () => {
    const title = 'Білім беру, ғылым, ақпарат, дене шынықтыру және спорт саласындағы мақсаттарға қол жеткізу';
    const short = shorten(title, 25);
    expect(short).toBe('Білім беру, ғылым…');
    expect(shownLength(short)).toBeLessThanOrEqual(25);
    expect(shorten('Қоршаған ортаны қорғау', 22)).toBe('Қоршаған ортаны қорғау');
    expect(shorten('Қоршаған ортаны қорғау', 21)).toBe('Қоршаған ортаны…');
    expect(shorten('Жомартжүрекеріктілерініңүлкеншарасы', 12)).toBe('Жомартжүрек…'); // one long word: cut inside it
    const label = fitTitle((t) => `⏳ 10 күн · ${t}`, 'Жастар саясаты мен балалар бастамаларын қолдау');
    expect(label).toBe('⏳ 10 күн · Жастар саясаты…');
    expect(shownLength(label)).toBeLessThanOrEqual(BUTTON_MAX);
  });

  it('numbers titled buttons and lists the full names of shortened choices', () => {
    expect(numberedLabels(['Қысқа', 'Өте ұзын атауы бар әлеуметтік жобаның тақырыбы осындай'], undefined, 7)).toEqual(['7. Қысқа', '8. Өте ұзын атауы бар…']);
    const { labels, legend } = choiceLabels(['Жол', 'Абаттандыру, аулалар және балалар алаңдары'], (_, s) => `▫️ ${s}`);
    expect(labels).toEqual(['▫️ Жол', '▫️ Абаттандыру, аулалар және…']);
    expect(legend).toEqual(['• Абаттандыру, аулалар және балалар алаңдары']);
  });

  it.each(LOCALES)('keeps every main-menu label within %s 20', async (lng) => {
    const t = i18n.getFixedT(lng);
    const long = (await capabilityFeatures({ i18n }))
      .flatMap((f) => f.menu ?? [])
      .map((e) => t(e.labelKey))
      .filter((label) => shownLength(label) > MENU_LABEL_MAX);
    expect(long).toEqual([]);
  });

  it('finds the button labels in the code', () => {
    const keys = buttonKeys();
    // A few of each kind of place, so the search cannot silently find nothing.
    for (const k of [
      'common:menu.report',
      'reports:flow.send',
      'reports:flow.edit.category',
      'volunteering:home.sign_up',
      'volunteering:signup.phone_button',
      'reports:flow.send_location',
      'discussions:notice.open',
      'polls:invite.button',
      'staff:chat.accept',
      'consultations:chat.take',
      'discussions:comment.name_profile',
      'consultations:flow.groups.ngo',
    ]) {
      expect(keys.has(k), k).toBe(true);
    }
    expect(keys.size).toBeGreaterThan(90);
    // A name from data reaches its button through the shortening helper.
    expect(keys.get('discussions:comment.name_profile')?.titled).toBe(true);
    expect(keys.get('volunteering:signup.name_use')?.titled).toBe(true);
  });

  it.each(LOCALES)('keeps every inline and reply button within 30 in %s', (lng) => {
    const t = i18n.getFixedT(lng);
    const long: string[] = [];
    for (const [key, { titled, where }] of buttonKeys()) {
      const raw = t(key);
      const names = [...raw.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
      const unknown = names.filter((n) => !(n in LONGEST) && !(titled && (n === 'title' || n === 'name')));
      expect(unknown, `${key} (${where}): a placeholder with no known longest value`).toEqual([]);
      const label = t(key, { ...LONGEST, title: '', name: '' });
      // A shortened title needs room for at least a word and "…".
      const max = names.includes('title') || names.includes('name') ? BUTTON_MAX - 8 : key.startsWith('common:menu.') ? MENU_LABEL_MAX : BUTTON_MAX;
      if (shownLength(label) > max) long.push(`${key}: ${label} (${shownLength(label)})`);
    }
    expect(long).toEqual([]);
  });

  it('fits the region and district names the report and sign-up show as they are', () => {
    const names = regions.flatMap((r) => [r.nameKk, r.nameRu, ...r.districts.flatMap((d) => [d.nameKk, d.nameRu])]);
    expect(names.filter((n) => shownLength(n) > BUTTON_MAX)).toEqual([]);
  });
});
