// Kazakhstan's formats, the same in Kazakh and Russian: dd.mm.yyyy and HH:MM in Almaty time, a space between
// thousands and a comma before decimals, named periods, grouped phone numbers. Intl gives the Almaty clock
// (its time-zone data is right); the layout is our own because Intl's kk-KZ writes dates as 2026-12-06 and
// its number data differs between engines. tests/web-format.test.ts pins every output.

/** U+00A0: a thousands gap and the gap before «%» that never breaks a line. */
const NBSP = '\u00a0';

const almatyParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Almaty',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function almaty(iso: string | Date) {
  const parts = Object.fromEntries(almatyParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { y: parts.year!, m: parts.month!, d: parts.day!, hh: parts.hour!, mm: parts.minute! };
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** dd.mm.yyyy in Almaty time; a plain day («2026-12-06») is taken as written. */
export function formatDate(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  if (typeof iso === 'string' && DAY_ONLY.test(iso)) return iso.split('-').reverse().join('.');
  const a = almaty(iso);
  return `${a.d}.${a.m}.${a.y}`;
}

/** dd.mm.yyyy HH:MM in Almaty time. */
export function formatDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  if (typeof iso === 'string' && DAY_ONLY.test(iso)) return formatDate(iso);
  const a = almaty(iso);
  return `${a.d}.${a.m}.${a.y} ${a.hh}:${a.mm}`;
}

/** HH:MM in Almaty time. */
export function formatTime(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const a = almaty(iso);
  return `${a.hh}:${a.mm}`;
}

/** A deadline: a date when it falls at Almaty midnight (a day-long term has no time to show), else date and time. */
export function formatDeadline(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  if (typeof iso === 'string' && DAY_ONLY.test(iso)) return formatDate(iso);
  const a = almaty(iso);
  return a.hh === '00' && a.mm === '00' ? formatDate(iso) : formatDateTime(iso);
}

/** 12 400,5 — `decimals` fixed digits after the comma (trailing zeros kept), or up to `max` when given. */
export function formatNumber(n: number | null | undefined, decimals = 0, opts: { trim?: boolean } = {}): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  let fixed = Math.abs(n).toFixed(decimals);
  if (opts.trim && fixed.includes('.')) fixed = fixed.replace(/\.?0+$/, '');
  const [whole, frac] = fixed.split('.') as [string, string | undefined];
  // Four-digit numbers stay whole (2026, 1500), as Kazakh and Russian typography does.
  const grouped = whole.length <= 4 ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const sign = n < 0 && Number(fixed) !== 0 ? '−' : '';
  return `${sign}${grouped}${frac ? `,${frac}` : ''}`;
}

/** A share (0..1) as «88,9 %». */
export function formatShare(share: number | null | undefined, decimals = 1): string {
  if (share === null || share === undefined) return '—';
  return `${formatNumber(share * 100, decimals)}${NBSP}%`;
}

/** A value already in percent (88.9) as «88,9 %». */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined) return '—';
  return `${formatNumber(value, decimals)}${NBSP}%`;
}

/** A signed change: «+3», «−1,5». */
export function formatSigned(n: number | null | undefined, decimals = 0): string {
  if (n === null || n === undefined) return '—';
  return `${n > 0 ? '+' : ''}${formatNumber(n, decimals)}`;
}

const MONTHS: Record<'kk' | 'ru', string[]> = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
};
const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A period key (2026, 2026-H1, 2026-Q4, 2026-12) by name: «2026 ж. желтоқсан», «IV тоқсан 2026»,
 * «декабрь 2026», «I полугодие 2026». English readers get the Russian names (the console's en is for staff).
 */
export function formatPeriod(key: string, locale: string): string {
  const lang = locale === 'kk' ? 'kk' : 'ru';
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const name = MONTHS[lang][Number(month[2]) - 1];
    if (!name) return key;
    return lang === 'kk' ? `${month[1]} ж. ${name}` : `${name} ${month[1]}`;
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `${ROMAN[Number(quarter[2]) - 1]} ${lang === 'kk' ? 'тоқсан' : 'квартал'} ${quarter[1]}`;
  const half = /^(\d{4})-H([12])$/.exec(key);
  if (half) return `${ROMAN[Number(half[2]) - 1]} ${lang === 'kk' ? 'жартыжылдық' : 'полугодие'} ${half[1]}`;
  if (/^\d{4}$/.test(key)) return lang === 'kk' ? `${key} жыл` : `${key} год`;
  return key;
}

/** +7 707 000 00 01 for a Kazakhstan number (+7 or 8 and ten digits); anything else as written. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '—';
  const digits = phone.replace(/\D/g, '');
  const ten = digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8')) ? digits.slice(1) : digits.length === 10 ? digits : null;
  if (!ten) return phone;
  return `+7 ${ten.slice(0, 3)} ${ten.slice(3, 6)} ${ten.slice(6, 8)} ${ten.slice(8)}`;
}
