// Reading the beneficiary list an NGO keeps in Excel: CSV saved as UTF-8 with or without a BOM, with
// commas or semicolons (Excel in a Russian or Kazakh locale writes ';'), headers and values in Kazakh,
// Russian or English. Each value is recognised or refused with a reason tied to its line.
import type { Gender } from '../../generated/prisma/enums.ts';
import { isDateString } from '../calendar/local-time.ts';
import { socialStatuses } from '../../prisma/seed/social-status.ts';

/** RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsv(text: string): { rows: string[][]; lines: number[] } {
  const src = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(src);
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      lines.push(rowLine);
      row = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
    lines.push(rowLine);
  }
  // Blank lines (Excel leaves some at the end) are not rows.
  const kept = rows.map((r, i) => ({ r, l: lines[i]! })).filter(({ r }) => r.some((c) => c.trim() !== ''));
  return { rows: kept.map((k) => k.r), lines: kept.map((k) => k.l) };
}

/** The delimiter of the first line that is outside quotes: ';' when it has more of them than ','. */
function detectDelimiter(src: string): ',' | ';' {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (const ch of src) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
  }
  return semis > commas ? ';' : ',';
}

export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'.]/g, '')
    .replace(/[\s_-]+/g, ' ')
    .trim();

export type Column = 'ref' | 'fullName' | 'phone' | 'gender' | 'birthYear' | 'socialStatus' | 'joinedOn';

const HEADERS: Record<Column, string[]> = {
  ref: ['id', '№', 'no', 'n', 'номер', 'код', 'ref', 'external ref', 'externalref', 'реттік нөмір', 'нөмір'],
  fullName: ['фио', 'фамилия имя отчество', 'имя', 'full name', 'fullname', 'name', 'аты жөні', 'аты-жөні', 'тегі аты әкесінің аты', 'толық аты жөні', 'аты'],
  phone: ['телефон', 'тел', 'phone', 'phone number', 'мобильный телефон', 'телефон нөмірі', 'ұялы телефон'],
  gender: ['пол', 'gender', 'sex', 'жынысы', 'жыныс'],
  birthYear: ['год рождения', 'birth year', 'birthyear', 'year of birth', 'туған жылы', 'туылған жылы', 'дата рождения', 'туған күні'],
  joinedOn: [
    'дата участия',
    'дата регистрации',
    'дата включения',
    'дата',
    'date',
    'joined',
    'date joined',
    'joined on',
    'қатысу күні',
    'тіркелген күні',
    'күні',
  ],
  socialStatus: [
    'социальный статус',
    'статус',
    'social status',
    'status',
    'category',
    'категория',
    'әлеуметтік мәртебесі',
    'әлеуметтік мәртебе',
    'мәртебесі',
    'санаты',
  ],
};

/** Which column holds what; unknown headers are ignored (an NGO's list often has more columns). */
export function mapHeader(header: string[]): { columns: Partial<Record<Column, number>>; missing: Column[] } {
  const columns: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const n = norm(h);
    for (const [col, names] of Object.entries(HEADERS) as Array<[Column, string[]]>) {
      if (columns[col] === undefined && names.some((x) => norm(x) === n)) columns[col] = i;
    }
  });
  // Full name is the one column a list cannot do without; the rest may be absent ("not stated").
  const missing: Column[] = columns.fullName === undefined ? ['fullName'] : [];
  return { columns, missing };
}

const GENDERS: Record<string, Gender> = {};
for (const w of ['м', 'муж', 'мужской', 'мужчина', 'male', 'm', 'man', 'ер', 'еркек', 'ер адам', 'ер жынысты']) GENDERS[norm(w)] = 'male';
for (const w of ['ж', 'жен', 'женский', 'женщина', 'female', 'f', 'w', 'woman', 'ә', 'әйел', 'әйел адам', 'әйел жынысты']) GENDERS[norm(w)] = 'female';
for (const w of [
  'unstated',
  'не указан',
  'не указано',
  'не хочу указывать',
  'prefer not to say',
  'not stated',
  'көрсетілмеген',
  'көрсеткім келмейді',
  '-',
  '—',
])
  GENDERS[norm(w)] = 'unstated';

/** null: empty cell (not stated); undefined: not recognised. */
export function parseGender(value: string): Gender | null | undefined {
  const n = norm(value);
  if (!n) return null;
  return GENDERS[n];
}

const STATUS_ALIASES: Record<string, string> = {};
const alias = (code: string, words: string[]) => words.forEach((w) => (STATUS_ALIASES[norm(w)] = code));
for (const s of socialStatuses) alias(s.code, [s.code, s.nameKk, s.nameRu]);
alias('children', ['children', 'дети', 'ребенок', 'дети-инвалиды', 'балалар', 'бала']);
alias('youth', ['youth', 'молодежь', 'жастар']);
alias('civil-servants', ['civil servants', 'civil servant', 'госслужащие', 'госслужащий', 'государственный служащий', 'мемлекеттік қызметші']);
alias('public-sector-employees', ['public sector employees', 'public sector', 'бюджетники', 'работник бюджетной организации', 'бюджеттік ұйым қызметкері']);
alias('people-with-disabilities', [
  'people with disabilities',
  'disabled',
  'инвалиды',
  'инвалид',
  'лицо с инвалидностью',
  'мүгедектер',
  'мүгедек',
  'мүгедектігі бар адам',
]);
alias('older-people', [
  'older people',
  'elderly',
  'pensioners',
  'pensioner',
  'пенсионеры',
  'пенсионер',
  'люди старшего возраста',
  'зейнеткерлер',
  'зейнеткер',
  'егде жастағы адамдар',
]);
alias('unemployed', ['unemployed', 'безработные', 'безработный', 'жұмыссыз', 'жұмыссыздар']);
alias('ngo-representatives', [
  'ngo representatives',
  'ngo',
  'нпо',
  'представители нпо',
  'представитель общественной организации',
  'үеұ',
  'үеұ өкілі',
  'қоғамдық ұйым өкілі',
]);
alias('business-representatives', [
  'business representatives',
  'business',
  'бизнес',
  'представители бизнеса',
  'предприниматель',
  'кәсіпкер',
  'бизнес өкілі',
  'бизнес өкілдері',
]);
alias('other', ['other', 'другие', 'другое', 'прочие', 'басқа', 'басқалар']);

export function parseSocialStatus(value: string): string | null | undefined {
  const n = norm(value);
  if (!n) return null;
  if (['не указан', 'не указано', 'unstated', 'not stated', 'көрсетілмеген', '-', '—'].map(norm).includes(n)) return null;
  return STATUS_ALIASES[n];
}

/** A year, or a full date (15.03.1985, 1985-03-15) of which only the year is kept. */
export function parseBirthYear(value: string): number | null | undefined {
  const v = value.trim();
  if (!v) return null;
  const m = /^(\d{4})$/.exec(v) ?? /^\d{1,2}[./-]\d{1,2}[./-](\d{4})$/.exec(v) ?? /^(\d{4})-\d{1,2}-\d{1,2}$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

/** A day as 15.03.2026 or 2026-03-15, as 'YYYY-MM-DD'; null for an empty cell, undefined when not a date. */
export function parseDay(value: string): string | null | undefined {
  const v = value.trim();
  if (!v) return null;
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
  return iso && isDateString(iso) ? iso : undefined;
}

/** Kazakhstani mobile and city numbers as +7XXXXXXXXXX; other countries' numbers as typed with '+'. */
export function parsePhone(value: string): string | null | undefined {
  const v = value.trim();
  if (!v) return null;
  const digits = v.replace(/\D/g, '');
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) return `+7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith('7')) return `+7${digits}`;
  if (v.startsWith('+') && digits.length >= 8 && digits.length <= 15) return `+${digits}`;
  return undefined;
}
