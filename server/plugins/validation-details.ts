// What a refused request gets told about each field: its path (body.login, query.period), a code a client
// can map to its own text (field.required, field.too_short …) with the limit it names, and that text in the
// reader's language. zod's own English never reaches the answer: a client such as the console shows these
// next to the field, in Kazakh or Russian.

/** One entry of fastify-type-provider-zod's `error.validation`: a zod issue under fastify's names. */
export interface ZodValidationEntry {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

export interface FieldIssue {
  /** where: the request part and the field, e.g. body.login, body.items.0.label */
  path: string;
  /** what: field.* or a shared input.* code */
  code: string;
  /** the limit or the choices the code names */
  params: Record<string, string | number>;
}

function valueAt(root: unknown, segments: string[]): unknown {
  let node = root;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}

/** The code and the limit for one zod issue; `value` is what the client sent there (undefined when missing). */
function classify(entry: ZodValidationEntry, value: unknown): Pick<FieldIssue, 'code' | 'params'> {
  const p = entry.params ?? {};
  // A code the shared schemas put on their refinements (control characters, a day that does not exist).
  const own = (p.params as { code?: unknown } | undefined)?.code;
  if (typeof own === 'string') return { code: own, params: {} };
  const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  const origin = p.origin;
  const limit = (k: 'minimum' | 'maximum') => Number(p[k] ?? 0);
  switch (entry.keyword) {
    case 'invalid_type':
      if (missing) return { code: 'field.required', params: {} };
      if (p.expected === 'number' || p.expected === 'int' || p.expected === 'bigint')
        return { code: p.expected === 'number' ? 'field.invalid_number' : 'field.invalid_integer', params: {} };
      return { code: 'field.invalid', params: {} };
    case 'too_small':
      if (origin === 'string') return missing ? { code: 'field.required', params: {} } : { code: 'field.too_short', params: { min: limit('minimum') } };
      if (origin === 'array' || origin === 'set') return { code: 'field.too_few', params: { min: limit('minimum') } };
      return { code: 'field.too_small', params: { min: limit('minimum') } };
    case 'too_big':
      if (origin === 'string') return { code: 'field.too_long', params: { max: limit('maximum') } };
      if (origin === 'array' || origin === 'set') return { code: 'field.too_many', params: { max: limit('maximum') } };
      return { code: 'field.too_big', params: { max: limit('maximum') } };
    case 'invalid_format':
      if (missing) return { code: 'field.required', params: {} };
      return { code: p.format === 'email' ? 'field.invalid_email' : 'field.invalid_format', params: {} };
    case 'invalid_value':
      return missing ? { code: 'field.required', params: {} } : { code: 'field.invalid_choice', params: {} };
    case 'unrecognized_keys':
      return { code: 'field.unknown', params: {} };
    default:
      return missing ? { code: 'field.required', params: {} } : { code: 'field.invalid', params: {} };
  }
}

/**
 * The field issues of a refused request, one per field (the first issue of each: «fill this in» before
 * «too short»), in the order the schema lists them.
 */
export function fieldIssues(entries: ZodValidationEntry[], context: string | undefined, request: Record<string, unknown>): FieldIssue[] {
  const part = context ?? 'body';
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const entry of entries) {
    const segments = entry.instancePath.split('/').filter(Boolean);
    const keys = entry.keyword === 'unrecognized_keys' ? ((entry.params?.keys as string[] | undefined) ?? []) : [null];
    for (const key of keys) {
      const at = key === null ? segments : [...segments, key];
      const path = [part, ...at].join('.');
      if (seen.has(path)) continue;
      seen.add(path);
      out.push({ path, ...classify(entry, valueAt(request[part], at)) });
    }
  }
  return out;
}
