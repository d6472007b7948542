// Hostile requests for every operation of the OpenAPI document, as fast-check arbitraries: path
// parameters, query strings and JSON bodies drawn from the documented schema, with values meant to
// break what lies behind validation (NUL and other control characters, ids past the INT4 range,
// impossible dates, LIKE wildcards, very long text) mixed with valid ones so requests get that far.
import fc from 'fast-check';

/** The subset of OpenAPI 3.0 / JSON Schema the document uses. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** no security (the public Open311 reads) */
  isPublic: boolean;
  params: Parameter[];
  body?: JsonSchema;
}

export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  payload?: unknown;
  locale: 'kk' | 'ru' | 'en';
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { security?: unknown[]; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>>;
}

/** Every operation of the document, in its order. */
export function operationsOf(doc: unknown): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries((doc as OpenApiDoc).paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

const INT4 = 2 ** 31;
/** Strings that have broken, or could break, something behind validation. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  'Алматы\u0000',
  '\u0001\u0002\u0003',
  '\u001b[31mred',
  '\u0007',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  '%',
  '_',
  '%_%',
  'a%',
  '\\',
  '\\%',
  '%\\_',
  "' OR '1'='1",
  '\'; DROP TABLE "Report"; --',
  '$1',
  '${x}',
  '{{x}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'Қазақстан 🇰🇿 әғқңөұүһі',
  'ё'.repeat(300),
  'x'.repeat(5000),
  'я'.repeat(40_000),
  '',
  ' ',
  '\t\n',
  '2026-02-30',
  '2026-02-29',
  '2025-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '275760-09-13',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-01-01T25:61:00Z',
  '2026-03-01T10:00:00+05:00',
  '2026-03-01',
  '0',
  '-1',
  '1',
  '1.5',
  '1e3',
  '0x10',
  '2147483647',
  '2147483648',
  '4294967296',
  '9007199254740993',
  '9223372036854775807',
  '9223372036854775808',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '-0',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  'mine',
  'none',
  'https://evil.example/x.png',
  'javascript:alert(1)',
  'KZ-2026-000001',
  'ast',
  '*',
  'report.*',
  'admin',
];
export const HOSTILE_NUMBERS = [
  0,
  -1,
  1,
  2,
  3,
  7,
  1.5,
  -0.5,
  1e-9,
  19,
  20,
  2025,
  2026,
  2100,
  INT4 - 1,
  INT4,
  -INT4 - 1,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 63,
  2 ** 64,
  1e308,
  -1e308,
];
const wrongType = fc.constantFrom<unknown>(null, true, false, [], {}, [1, 2], { a: '\u0000' }, '', 'x', 0, -1, INT4);

/** Text long enough for the minimum lengths routes ask for, in both languages. */
const VALID_TEXT = ['Во дворе дома третью неделю не горит фонарь, детям страшно', 'Аулада үш апта бойы шам жанбайды, балаларға қорқынышты', 'Тест'];
/** Candidates for a string with a pattern: those that match are used. */
const PATTERN_SAMPLES = [
  '2026-03-01',
  '2026',
  '2026-Q1',
  '2026-03',
  '1',
  '12',
  'mine',
  'none',
  'astana',
  'fuzz.user',
  '-1001234567890',
  '123456789012',
  '770001',
];
const DATE_TIMES = ['2026-03-01T10:00:00+05:00', '2026-12-01', '2027-01-15T09:00:00Z'];

/** A value the schema accepts, or near enough, so that the hostile field beside it is what gets tested. */
export function validArb(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return fc.constant('x');
  const alts = [s.anyOf, s.oneOf].find((a) => a?.length);
  if (alts) return fc.oneof(...alts.map((a) => validArb(a, depth + 1)));
  if (s.allOf?.length) return validArb(Object.assign({}, ...s.allOf) as JsonSchema, depth);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  switch (s.type) {
    case 'string': {
      if (s.format === 'uri') return fc.constant('https://example.kz/photo.jpg');
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const fits = PATTERN_SAMPLES.filter((v) => re.test(v));
        return fc.constantFrom(...(fits.length ? fits : ['x']));
      }
      const texts = VALID_TEXT.map((t) => t.slice(0, s.maxLength ?? 1000)).filter((t) => t.length >= (s.minLength ?? 0));
      return fc.constantFrom(...(texts.length ? texts : ['x']));
    }
    case 'integer':
    case 'number': {
      const min = Math.ceil(Math.max(s.minimum ?? 1, -1e6));
      return fc.integer({ min, max: Math.max(min, Math.floor(Math.min(s.maximum ?? 5, min + 5))) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validArb(s.items, depth + 1), { minLength: 1, maxLength: 2 });
    case 'object':
      return objectArb(s, depth + 1);
    default:
      // z.coerce.date() and z.unknown() document no type.
      return fc.constantFrom(...DATE_TIMES);
  }
}

/** A value meant to break what lies behind validation, mostly of the documented type. */
export function hostileArb(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return wrongType;
  const alts = [s.anyOf, s.oneOf].find((a) => a?.length);
  if (alts) return fc.oneof(...alts.map((a) => hostileArb(a, depth + 1)));
  if (s.allOf?.length) return hostileArb(Object.assign({}, ...s.allOf) as JsonSchema, depth);
  const strings = fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
    // A hostile character inside text that otherwise passes the length checks.
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...VALID_TEXT), fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '%', '_', '\\'))
        .map(([t, c]) => `${t.slice(0, 20)}${c}${t.slice(20, 40)}`),
      weight: 2,
    },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  );
  const numbers = fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE_NUMBERS), weight: 4 }, { arbitrary: fc.double({ noNaN: true }), weight: 1 });
  let typed: fc.Arbitrary<unknown>;
  switch (s.type) {
    case 'string':
      typed =
        s.format === 'uri'
          ? fc.oneof(strings, fc.constantFrom('https://evil.example/%00.png', 'http://127.0.0.1/\u0000', `https://x.kz/${'a'.repeat(3000)}`))
          : strings;
      break;
    case 'integer':
    case 'number':
      typed = numbers;
      break;
    case 'boolean':
      typed = fc.constantFrom('true', 1, 0);
      break;
    case 'array':
      typed = fc.array(fc.oneof(hostileArb(s.items, depth + 1), validArb(s.items, depth + 1)), { minLength: 1, maxLength: 4 });
      break;
    case 'object':
      typed = objectArb(s, depth + 1, {}, 0.5);
      break;
    default:
      typed = fc.oneof(strings, numbers);
  }
  return fc.oneof({ arbitrary: typed, weight: 5 }, { arbitrary: wrongType, weight: 1 });
}

/**
 * An object of the schema's properties (the required ones always there), each valid or, with
 * probability `hostility`, hostile; `known` adds values worth sending by name (existing ids, a valid key).
 */
export function objectArb(s: JsonSchema, depth = 0, known: Record<string, unknown[]> = {}, hostility = 0): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const field = (k: string, v: JsonSchema) => {
    const valid = known[k]?.length ? fc.oneof(validArb(v, depth), fc.constantFrom(...known[k]!)) : validArb(v, depth);
    if (hostility === 0) return valid;
    return fc.oneof({ arbitrary: valid, weight: Math.round((1 - hostility) * 10) }, { arbitrary: hostileArb(v, depth), weight: Math.round(hostility * 10) });
  };
  const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, field(k, v)]));
  return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) }) as fc.Arbitrary<Record<string, unknown>>;
}

export interface FuzzContext {
  /** values worth sending for a named field: an existing id, a valid API key … */
  known?: Record<string, unknown[]>;
}

/** Percent-encoded; a lone surrogate becomes the bytes of its invalid UTF-8 (CESU-8) form, which is hostile too. */
function encodePathValue(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return [...v].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

/** Path and query values travel as text. */
const asText = (v: unknown) => (v === null || typeof v === 'object' ? JSON.stringify(v) : String(v));

interface Field {
  where: 'path' | 'query' | 'body';
  name: string;
  schema: JsonSchema;
  required: boolean;
}

/** The fields of an operation, their valid values, and how a request is made from one value per field. */
function shape(op: Operation, ctx: FuzzContext) {
  const known = ctx.known ?? {};
  const bodyProps = op.body?.type === 'object' ? Object.entries(op.body.properties ?? {}) : [];
  const fields: Field[] = [
    ...op.params
      .filter((p) => p.in === 'path' || p.in === 'query')
      .map((p) => ({ where: p.in as 'path' | 'query', name: p.name, schema: p.schema, required: p.in === 'path' || !!p.required })),
    ...bodyProps.map(([name, schema]) => ({ where: 'body' as const, name, schema, required: (op.body!.required ?? []).includes(name) })),
  ];
  const validOf = (f: Field) => (known[f.name]?.length ? fc.oneof(validArb(f.schema), fc.constantFrom(...known[f.name]!)) : validArb(f.schema));
  /** `undefined` leaves a field out; `wholeBody` replaces the body (one of the wrong type). */
  const build = (values: unknown[], wholeBody: unknown, locale: FuzzRequest['locale']): FuzzRequest => {
    const path: Record<string, string> = {};
    const query: Array<[string, string]> = [];
    const body: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      const v = values[i];
      if (v === undefined) return;
      if (f.where === 'path') path[f.name] = asText(v);
      else if (f.where === 'query') query.push([f.name, asText(v)]);
      else body[f.name] = v;
    });
    const url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodePathValue(path[name] ?? ''));
    const qs = new URLSearchParams(query).toString();
    const payload = !op.body ? undefined : wholeBody !== undefined ? wholeBody : body;
    return { method: op.method, url: qs ? `${url}?${qs}` : url, payload, locale };
  };
  return { fields, validOf, build };
}

/**
 * One random hostile request for an operation: every field valid but one (now and then several, or a
 * body of the wrong type), so each hostile value is tested on its own rather than hidden behind another's 400.
 */
export function requestArb(op: Operation, ctx: FuzzContext = {}): fc.Arbitrary<FuzzRequest> {
  const { fields, validOf, build } = shape(op, ctx);
  // Optional fields are left out now and then (undefined).
  const base = fc.tuple(...fields.map((f) => (f.required ? validOf(f) : fc.option(validOf(f), { nil: undefined, freq: 2 }))));
  const hostile = fc.tuple(...fields.map((f) => hostileArb(f.schema)));
  const indices = fields.map((_, i) => i);
  const targets = indices.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...indices).map((i) => [i]), weight: 6 }, { arbitrary: fc.subarray(indices, { minLength: 1 }), weight: 1 })
    : fc.constant<number[]>([]);
  const wholeBody = op.body ? fc.option(wrongType, { nil: undefined, freq: 12 }) : fc.constant(undefined);
  const locale = fc.constantFrom('kk' as const, 'ru' as const, 'en' as const);
  return fc.record({ base, hostile, targets, wholeBody, locale }).map((r) =>
    build(
      r.base.map((v, i) => (r.targets.includes(i) ? r.hostile[i] : v)),
      r.wholeBody,
      r.locale,
    ),
  );
}

/** The hostile values tried on every field, by the field's type. */
// (The random runs add the rest of HOSTILE_STRINGS and HOSTILE_NUMBERS.)
const STRING_ATTACKS = ['a\u0000b', 'x\u0001\u001b[2Jy', 'x'.repeat(5000)];
const NUMBER_ATTACKS = [INT4, 2 ** 63, -1.5];
const DATE_ATTACKS = ['2026-02-30', '+275760-09-13T00:00:00Z', 8.64e15, 'a\u0000b'];

const first = <T>(arb: fc.Arbitrary<T>, seed: number): T => fc.sample(arb, { seed, numRuns: 1 })[0]!;

function attacksFor(s: JsonSchema, seed: number, depth = 0): unknown[] {
  const alts = [s.anyOf, s.oneOf].find((a) => a?.length);
  if (alts) return [...new Map(alts.flatMap((a) => attacksFor(a, seed, depth + 1)).map((v) => [JSON.stringify(v), v])).values()];
  if (s.enum?.length || s.const !== undefined) return ['a\u0000b'];
  switch (s.type) {
    case 'string':
      if (s.format === 'uri') return [...STRING_ATTACKS, 'https://evil.example/\u0000', `https://x.kz/${'a'.repeat(3000)}`];
      // A documented date (calendarDate, dateTime): days that do not exist, or that the database cannot hold.
      return s.pattern?.includes('\\d{4}-')
        ? [...STRING_ATTACKS, '2026-02-30', '0000-01-01', '2026-02-30T10:00:00+05:00', '9999-12-31T23:59:59Z']
        : STRING_ATTACKS;
    case 'integer':
    case 'number':
      return NUMBER_ATTACKS;
    case 'boolean':
      return ['a\u0000b'];
    case 'array':
      return s.items && depth < 3
        ? attacksFor(s.items, seed, depth + 1)
            .slice(0, 3)
            .map((a) => [a])
        : [];
    case 'object': {
      if (depth >= 3) return [];
      const valid = first(objectArb(s, depth + 1), seed);
      return Object.entries(s.properties ?? {}).map(([k, v]) => ({ ...valid, [k]: attacksFor(v, seed, depth + 1)[0] }));
    }
    default:
      return DATE_ATTACKS;
  }
}

/**
 * The systematic part: each field of the operation gets each hostile value of its type once, the required
 * fields holding valid values, so no field is left untried whatever the random runs draw.
 */
export function attackExamples(op: Operation, ctx: FuzzContext, seed: number): FuzzRequest[] {
  const { fields, validOf, build } = shape(op, ctx);
  // Only the required fields beside the attacked one: an optional field's stand-in value could be refused
  // first (an unknown jurisdiction, say) and hide what the attack would have reached.
  const base = fields.map((f, i) => (f.required ? first(validOf(f), seed + i) : undefined));
  const out: FuzzRequest[] = [];
  fields.forEach((f, i) => {
    for (const attack of attacksFor(f.schema, seed))
      out.push(
        build(
          base.map((v, j) => (j === i ? attack : v)),
          undefined,
          'ru',
        ),
      );
  });
  return out;
}
