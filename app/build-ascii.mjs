// Keeps the bundle ASCII-only, so V8 holds its source at one byte a character instead of two (5 MB less for as
// long as the process runs: the source string of the main chunk stays in memory for lazy compilation). esbuild
// escapes non-ASCII characters in strings, templates and identifiers, and the build drops comments, but it leaves
// regular-expression literals as written (`/ё/g`, `/[«»]/`): one such character anywhere made the whole 5 MB chunk
// a two-byte string. This rewrites them as \uXXXX escapes, which mean the same in every regular expression (with
// or without the u flag: a surrogate pair written as two escapes is one code point under u), and shifts the
// source map's columns on the lines it lengthened, so a stack trace still names the right TypeScript line.
// Plain JavaScript on purpose: app/build.mjs runs from postinstall.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const NON_ASCII = /[\u0080-\uffff]/;
const hex = (unit) => `\\u${unit.toString(16).padStart(4, '0')}`;

/** A regular-expression literal's text with every non-ASCII code unit escaped; `\ё` (an identity escape) as well. */
function escapeRegexLiteral(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (text[i] === '\\' && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // `\ё` is allowed only without the u flag, where it means `ё` itself.
      out += next > 0x7f ? hex(next) : text.slice(i, i + 2);
      i++;
    } else out += unit > 0x7f ? hex(unit) : text[i];
  }
  return out;
}

/**
 * `code` with its regular-expression literals made ASCII, and the edits as [line, column, added characters]
 * (0-based, in the original), for the source map. Null when there is nothing to do or acorn is not installed
 * (an install without devDependencies: the bundle then stays as esbuild wrote it).
 */
export async function asciiRegexes(code) {
  if (!NON_ASCII.test(code)) return null;
  let acorn;
  try {
    acorn = await import('acorn');
  } catch {
    return null;
  }
  const edits = [];
  let out = '';
  let last = 0;
  for (const token of acorn.tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true, allowHashBang: true })) {
    if (token.type !== acorn.tokTypes.regexp) continue;
    const text = code.slice(token.start, token.end);
    if (!NON_ASCII.test(text)) continue;
    const escaped = escapeRegexLiteral(text);
    out += code.slice(last, token.start) + escaped;
    last = token.end;
    // The regular expression starts with `/`, so no mapped column inside it moves but those after it.
    edits.push([token.loc.start.line - 1, token.loc.start.column + 1, escaped.length - text.length]);
  }
  return { code: out + code.slice(last), edits };
}

/** The source map's generated columns moved right by the edits on their lines. */
export async function shiftMappings(mappings, edits) {
  const { decode, encode } = await import('@jridgewell/sourcemap-codec');
  const lines = decode(mappings);
  // Right to left: an edit's column is in the original line, which the edits left of it have not moved yet.
  for (const [line, column, added] of [...edits].reverse()) {
    for (const segment of lines[line] ?? []) if (segment[0] >= column) segment[0] += added;
  }
  return encode(lines);
}

/**
 * Every .js file in `dir` (with its .map beside it) made ASCII where esbuild left regular expressions as written.
 * Returns what is still not ASCII (a tagged template's raw text, which an escape would change), to be reported.
 */
export async function asciiBundle(dir) {
  const left = [];
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.js'))) {
    const file = path.join(dir, name);
    const code = await readFile(file, 'utf8');
    const result = await asciiRegexes(code);
    if (result) {
      await writeFile(file, result.code);
      const mapFile = `${file}.map`;
      const map = JSON.parse(await readFile(mapFile, 'utf8'));
      map.mappings = await shiftMappings(map.mappings, result.edits);
      await writeFile(mapFile, JSON.stringify(map));
    }
    const still = (result?.code ?? code).search(/[\u0080-\uffff]/);
    if (still >= 0) left.push(`${name}: …${(result?.code ?? code).slice(Math.max(0, still - 40), still + 10)}…`);
  }
  return left;
}
