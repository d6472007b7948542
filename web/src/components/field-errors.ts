// The API's refusal of a form, by field: a detail's path (body.login, body.items.0.label) names the input
// (login, items.0.label) and its message is already in the reader's language.
import { ApiError } from '../api.ts';

/** The input name a detail's path points at: the request part (body, query, params) dropped. */
export const fieldOf = (path: string) => path.replace(/^(body|query|params|querystring)\.?/, '');

export function fieldErrors(error: Error | undefined | null): { byField: Record<string, string> } {
  const byField: Record<string, string> = {};
  if (!(error instanceof ApiError)) return { byField };
  for (const d of error.details) {
    const field = fieldOf(d.path);
    if (field && !(field in byField)) byField[field] = d.message;
    // body.roles.0 or body.items.2.label: also under the list's own name, for a group of inputs.
    const group = field.split('.')[0]!;
    if (group !== field && !(group in byField)) byField[group] = d.message;
  }
  return { byField };
}
