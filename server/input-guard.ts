// The input guard every route's validator runs first: control characters are refused in any string of the
// params, query or body. Kept apart from server/schemas.ts, which the console reads types from and which
// must therefore not pull Fastify in.
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INPUT_CODES } from './schemas.ts';

// C0 controls but tab, line feed and carriage return; DEL and the C1 controls; halves of a surrogate pair.
// PostgreSQL cannot store NUL at all, and the rest have no business in what people type.
// eslint-disable-next-line no-control-regex -- control characters are exactly what input validation refuses
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;

/** Where the value holds a string (or an object key) with a control character; iterative, for any depth. */
export function controlCharacterPaths(value: unknown): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [];
  const stack: Array<[unknown, Array<string | number>]> = [[value, []]];
  while (stack.length && found.length < 20) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (CONTROL.test(v)) found.push(path);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, [...path, i]]));
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (CONTROL.test(k)) found.push([...path, k]);
        else stack.push([item, [...path, k]]);
      }
    }
  }
  return found;
}

const noControlCharacters = z.unknown().superRefine((value, ctx) => {
  for (const path of controlCharacterPaths(value)) {
    ctx.addIssue({ code: 'custom', path, message: 'must not contain control characters', params: { code: INPUT_CODES.control } });
  }
});

/**
 * The validator of every route: control characters are refused in any string of the params, query or
 * body before the route's own schema runs, so no route can forget it (the route schemas, and so the
 * OpenAPI document, stay as written).
 */
export const guardedValidatorCompiler: typeof validatorCompiler = (route) =>
  validatorCompiler({ ...route, schema: noControlCharacters.pipe(route.schema as z.ZodType) });
