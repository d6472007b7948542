// What a message offers to press, said without any chat protocol: core returns offers, and the bot's
// Telegram layer (bot/telegram/) turns them into inline keyboards. Each button family is defined once,
// by the code that builds it and the code that reads it alike. Buttons already sitting in citizens'
// chats must keep working after a deploy, so a family spells its wire format exactly as it was:
// `<prefix>:<field>:<field>…`, fields in the order they are declared.

/** One button: what it says, and the data it sends back when pressed. */
export interface Offer {
  label: string;
  data: string;
}

/** Buttons in rows. */
export type Offers = Offer[][];

/** One part of a button's data: the pattern it is sent as, how it is read back and written. */
export interface Field<T> {
  /** a regular expression without capturing groups */
  readonly re: string;
  /** the value, or undefined when the text matched `re` but is still not a value (an int out of range) */
  read(s: string): T | undefined;
  write(v: T): string;
}

/** Telegram refuses callback data over 64 bytes (UTF-8). */
export const DATA_MAX_BYTES = 64;

/** A whole number of 0 or more: an id, or a list's offset. */
export const id: Field<number> = { re: '\\d+', read: Number, write: String };

/** A whole number from min to max. A range within 0–9 is a character class, so the pattern itself is exact. */
export function int(min: number, max: number): Field<number> {
  const re = min >= 0 && max <= 9 ? `[${min}-${max}]` : min >= 0 ? '\\d+' : '-?\\d+';
  return {
    re,
    read: (s) => {
      const n = Number(s);
      return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
    },
    write: String,
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One of a few fixed words. */
export function oneOf<const V extends string>(...values: V[]): Field<V> {
  return {
    re: `(?:${values.map(escape).join('|')})`,
    read: (s) => ((values as string[]).includes(s) ? (s as V) : undefined),
    write: (v) => v,
  };
}

/** An id, or one of a few words standing for "none of these" (`@dis:none`, `@faq:no`, `@dir:done`). */
export function idOr<const W extends string>(...words: W[]): Field<number | W> {
  return {
    re: `(?:\\d+|${words.map(escape).join('|')})`,
    read: (s) => ((words as string[]).includes(s) ? (s as W) : Number(s)),
    write: String,
  };
}

/** Any text matching `re` (for families whose data was always read by such a pattern, e.g. `\w+`). */
export function token(re: string): Field<string> {
  return { re: `(?:${re})`, read: (s) => s, write: (v) => v };
}

export type ButtonFields = Record<string, Field<any>>;
export type ValuesOf<F extends ButtonFields> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };
/** A family without fields is encoded with no argument. */
type Args<F extends ButtonFields> = [keyof F] extends [never] ? [values?: ValuesOf<F>] : [values: ValuesOf<F>];

/** Reads a button's data: a family, or several read as one (anyButton). */
export interface ButtonReader<V> {
  decode(data: string): V | null;
}

export interface ButtonFamily<F extends ButtonFields> extends ButtonReader<ValuesOf<F>> {
  readonly prefix: string;
  /** `^prefix:f1:f2$`: exactly the data this family writes, for a handler's trigger */
  readonly pattern: RegExp;
  /** the data; throws when it would not read back or is over 64 bytes */
  encode(...values: Args<F>): string;
  offer(label: string, ...values: Args<F>): Offer;
}

export function defineButton<const F extends ButtonFields = Record<never, never>>(prefix: string, fields: F = {} as F): ButtonFamily<F> {
  const keys = Object.keys(fields) as Array<keyof F & string>;
  const pattern = new RegExp(`^${escape(prefix)}${keys.map((k) => `:(${fields[k]!.re})`).join('')}$`);
  const encode = (...[values]: Args<F>): string => {
    const data = [prefix, ...keys.map((k) => fields[k]!.write((values as ValuesOf<F>)[k]))].join(':');
    if (!pattern.test(data)) throw new Error(`button ${prefix}: ${JSON.stringify(values)} does not fit its pattern`);
    if (Buffer.byteLength(data, 'utf8') > DATA_MAX_BYTES) throw new Error(`button ${prefix}: "${data}" is over ${DATA_MAX_BYTES} bytes`);
    return data;
  };
  return {
    prefix,
    pattern,
    encode,
    decode(data) {
      const m = pattern.exec(data);
      if (!m) return null;
      const values: Record<string, unknown> = {};
      for (const [i, k] of keys.entries()) {
        const v = fields[k]!.read(m[i + 1]!);
        if (v === undefined) return null;
        values[k] = v;
      }
      return values as ValuesOf<F>;
    },
    offer: (label, ...values) => ({ label, data: encode(...values) }),
  };
}

/** Several families read as one, first match wins: for a step that offers buttons of different shapes. */
export function anyButton<A, B>(a: ButtonReader<A>, b: ButtonReader<B>): ButtonReader<A | B> {
  return { decode: (data) => a.decode(data) ?? b.decode(data) };
}

/** "1 ⭐ … 5 ⭐" in one row, each button's data made by `data(score)`. */
export function scoreOffers(data: (score: number) => string): Offers {
  return [[1, 2, 3, 4, 5].map((n) => ({ label: `${n} ⭐`, data: data(n) }))];
}
