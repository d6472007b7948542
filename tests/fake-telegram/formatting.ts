import { Buffer } from 'node:buffer';
import type { MessageEntity } from 'grammy/types';

/**
 * Telegram renders parse_mode server-side and returns plain text + entities.
 * Mirroring that (closely following tdlib's parsers) means assertions on
 * `u.texts()` see what a real user sees, and markup bugs such as an unescaped
 * `<` in a user's name or a bare `.` in MarkdownV2 fail here like in production.
 */

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** Thrown with the part of the description that follows "Bad Request: ". */
export class FormattingError extends Error {}

type EntityType = MessageEntity['type'];

function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), 'utf8');
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

function normalizeUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(candidate);
    if (!['http:', 'https:', 'tg:', 'ton:', 'mailto:', 'ftp:'].includes(url.protocol)) return undefined;
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return undefined;
    return url.protocol === 'tg:' ? trimmed : url.href;
  } catch {
    return undefined;
  }
}

function linkEntity(offset: number, length: number, url: string): MessageEntity | undefined {
  const mention = /^tg:\/\/user\?id=(\d+)$/i.exec(url.trim());
  if (mention) {
    return {
      type: 'text_mention',
      offset,
      length,
      user: { id: Number(mention[1]), is_bot: false, first_name: '' },
    };
  }
  const normalized = normalizeUrl(url);
  return normalized === undefined ? undefined : { type: 'text_link', offset, length, url: normalized };
}

function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

const HTML_TAGS = new Set(['a', 'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'code', 'pre', 'blockquote', 'tg-emoji']);

const HTML_SIMPLE: Record<string, EntityType> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  span: 'spoiler',
  'tg-spoiler': 'spoiler',
  code: 'code',
  pre: 'pre',
};

interface OpenTag {
  name: string;
  argument: string;
  offset: number;
  expandable: boolean;
  language?: string;
}

function decodeHtmlEntity(text: string, i: number): { value: string; end: number } | undefined {
  const semicolon = text.indexOf(';', i);
  if (semicolon === -1 || semicolon - i > 10) return undefined;
  const name = text.slice(i + 1, semicolon);
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
  if (named[name] !== undefined) return { value: named[name], end: semicolon };
  const numeric = /^#(x[0-9a-f]+|\d+)$/i.exec(name);
  if (numeric?.[1]) {
    const raw = numeric[1];
    const code = raw[0] === 'x' || raw[0] === 'X' ? parseInt(raw.slice(1), 16) : parseInt(raw, 10);
    if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) {
      return { value: String.fromCodePoint(code), end: semicolon };
    }
  }
  return undefined;
}

export function parseHtml(source: string): FormattedText {
  let out = '';
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  const fail = (msg: string): never => {
    throw new FormattingError(`can't parse entities: ${msg}`);
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '&') {
      const decoded = decodeHtmlEntity(source, i);
      if (decoded) {
        out += decoded.value;
        i = decoded.end;
      } else {
        out += c;
      }
      continue;
    }
    if (c !== '<') {
      out += c;
      continue;
    }
    const begin = i;
    i++;
    if (source[i] !== '/') {
      while (i < source.length && !isSpace(source[i]) && source[i] !== '>') i++;
      if (i >= source.length) fail(`Unclosed start tag at byte offset ${byteOffset(source, begin)}`);
      const name = source.slice(begin + 1, i).toLowerCase();
      if (!HTML_TAGS.has(name)) fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(source, begin)}`);
      let argument = '';
      let expandable = false;
      while (source[i] !== '>') {
        while (i < source.length && isSpace(source[i])) i++;
        if (source[i] === '>') break;
        const attrBegin = i;
        while (i < source.length && !isSpace(source[i]) && source[i] !== '=' && source[i] !== '>') i++;
        const attr = source.slice(attrBegin, i).toLowerCase();
        if (attr === '') fail(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(source, begin)}`);
        while (i < source.length && isSpace(source[i])) i++;
        if (source[i] !== '=') {
          if (name === 'blockquote' && attr === 'expandable') {
            expandable = true;
            continue;
          }
          fail(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(source, begin)}`);
        }
        i++;
        while (i < source.length && isSpace(source[i])) i++;
        if (i >= source.length) fail(`Unclosed start tag "${name}" at byte offset ${byteOffset(source, begin)}`);
        let value = '';
        const quote = source[i];
        if (quote !== '"' && quote !== "'") {
          const tokenBegin = i;
          while (i < source.length && /[A-Za-z0-9.-]/.test(source[i] ?? '')) i++;
          value = source.slice(tokenBegin, i).toLowerCase();
          if (!isSpace(source[i]) && source[i] !== '>') fail(`Unexpected end of name token at byte offset ${byteOffset(source, tokenBegin)}`);
        } else {
          i++;
          while (i < source.length && source[i] !== quote) {
            if (source[i] === '&') {
              const decoded = decodeHtmlEntity(source, i);
              if (decoded) {
                value += decoded.value;
                i = decoded.end + 1;
                continue;
              }
            }
            value += source[i];
            i++;
          }
          if (source[i] === quote) i++;
          if (i >= source.length) fail(`Unclosed start tag at byte offset ${byteOffset(source, begin)}`);
        }
        if (name === 'a' && attr === 'href') argument = value;
        else if (name === 'code' && attr === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (name === 'span' && attr === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (name === 'tg-emoji' && attr === 'emoji-id') argument = value;
      }
      if (name === 'span' && argument !== 'spoiler') {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(source, begin)}`);
      }
      stack.push({ name, argument, offset: out.length, expandable });
    } else {
      if (stack.length === 0) fail(`Unexpected end tag at byte offset ${byteOffset(source, begin)}`);
      while (i < source.length && !isSpace(source[i]) && source[i] !== '>') i++;
      const endName = source.slice(begin + 2, i).toLowerCase();
      while (i < source.length && isSpace(source[i])) i++;
      if (source[i] !== '>') fail(`Unclosed end tag at byte offset ${byteOffset(source, begin)}`);
      const open = stack.pop() as OpenTag;
      if (endName !== '' && endName !== open.name) {
        fail(`Unmatched end tag at byte offset ${byteOffset(source, begin)}, expected "</${open.name}>", found "</${endName}>"`);
      }
      const length = out.length - open.offset;
      if (length <= 0) continue;
      const parent = stack[stack.length - 1];
      if (open.name === 'code' && open.argument && parent?.name === 'pre' && parent.offset === open.offset) {
        // <pre><code class="language-x"> collapses into one pre entity with a language.
        parent.language = open.argument;
        continue;
      }
      if (open.name === 'a') {
        const entity = linkEntity(open.offset, length, open.argument || out.slice(open.offset));
        if (entity) entities.push(entity);
      } else if (open.name === 'blockquote') {
        entities.push({ type: open.expandable ? 'expandable_blockquote' : 'blockquote', offset: open.offset, length });
      } else if (open.name === 'tg-emoji') {
        entities.push({ type: 'custom_emoji', offset: open.offset, length, custom_emoji_id: open.argument });
      } else if (open.name === 'pre') {
        entities.push(open.language ? { type: 'pre', offset: open.offset, length, language: open.language } : { type: 'pre', offset: open.offset, length });
      } else {
        const type = HTML_SIMPLE[open.name];
        if (type) entities.push({ type, offset: open.offset, length } as MessageEntity);
      }
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  return { text: out, entities: sortEntities(entities) };
}

type MdType = 'Bold' | 'Italic' | 'Underline' | 'Strikethrough' | 'Spoiler' | 'Code' | 'Pre' | 'TextUrl' | 'CustomEmoji';

interface MdOpen {
  type: MdType;
  argument: string;
  offset: number;
  byteOffset: number;
}

const MD_ENTITY: Record<Exclude<MdType, 'Pre' | 'TextUrl' | 'CustomEmoji'>, EntityType> = {
  Bold: 'bold',
  Italic: 'italic',
  Underline: 'underline',
  Strikethrough: 'strikethrough',
  Spoiler: 'spoiler',
  Code: 'code',
};

function escapable(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code > 0 && code <= 126;
}

export function parseMarkdownV2(source: string): FormattedText {
  let out = '';
  const entities: MessageEntity[] = [];
  const stack: MdOpen[] = [];
  let quote: { offset: number; expandable: boolean } | undefined;
  const fail = (msg: string): never => {
    throw new FormattingError(`can't parse entities: ${msg}`);
  };
  const reserved = (c: string): never => fail(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
  const closeQuote = (): void => {
    if (!quote) return;
    // The line break that ended the quote belongs to the surrounding text.
    const end = out.endsWith('\n') ? out.length - 1 : out.length;
    const length = end - quote.offset;
    if (length > 0) {
      entities.push({ type: quote.expandable ? 'expandable_blockquote' : 'blockquote', offset: quote.offset, length });
    }
    quote = undefined;
  };

  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    const top = stack[stack.length - 1];
    const inCode = top?.type === 'Code' || top?.type === 'Pre';
    const lineStart = i === 0 || source[i - 1] === '\n';

    if (!inCode && lineStart) {
      if (c === '>' || source.startsWith('**>', i)) {
        if (!quote) quote = { offset: out.length, expandable: c === '*' };
        if (c === '*') i += 2;
        continue;
      }
      if (quote) closeQuote();
    }
    if (!inCode && quote && c === '|' && source[i + 1] === '|' && (i + 2 === source.length || source[i + 2] === '\n')) {
      // "||" at the end of a quoted block marks it as expandable rather than opening a spoiler.
      quote.expandable = true;
      i++;
      continue;
    }
    if (c === '\\' && escapable(source[i + 1])) {
      out += source[i + 1];
      i++;
      continue;
    }
    const reservedSet = inCode ? '`' : '_*[]()~`>#+-=|{}.!';
    if (!reservedSet.includes(c)) {
      out += c;
      continue;
    }

    let isEnd = false;
    if (top) {
      switch (top.type) {
        case 'Bold':
          isEnd = c === '*';
          break;
        case 'Italic':
          isEnd = c === '_' && source[i + 1] !== '_';
          break;
        case 'Code':
          isEnd = c === '`';
          break;
        case 'Pre':
          isEnd = c === '`' && source[i + 1] === '`' && source[i + 2] === '`';
          break;
        case 'TextUrl':
          isEnd = c === ']';
          break;
        case 'Underline':
          isEnd = c === '_' && source[i + 1] === '_';
          break;
        case 'Strikethrough':
          isEnd = c === '~';
          break;
        case 'Spoiler':
          isEnd = c === '|' && source[i + 1] === '|';
          break;
        case 'CustomEmoji':
          isEnd = c === ']';
          break;
      }
    }

    if (!isEnd) {
      const begin = i;
      let type: MdType;
      let argument = '';
      switch (c) {
        case '_':
          if (source[i + 1] === '_') {
            type = 'Underline';
            i++;
          } else {
            type = 'Italic';
          }
          break;
        case '*':
          type = 'Bold';
          break;
        case '~':
          type = 'Strikethrough';
          break;
        case '|':
          if (source[i + 1] !== '|') return reserved(c);
          type = 'Spoiler';
          i++;
          break;
        case '[':
          type = 'TextUrl';
          break;
        case '`':
          if (source[i + 1] === '`' && source[i + 2] === '`') {
            i += 3;
            type = 'Pre';
            let langEnd = i;
            while (langEnd < source.length && !isSpace(source[langEnd]) && source[langEnd] !== '`') langEnd++;
            if (i !== langEnd && langEnd < source.length && source[langEnd] !== '`') {
              argument = source.slice(i, langEnd);
              i = langEnd;
            }
            if (source[i] === '\n' || source[i] === '\r') {
              if ((source[i + 1] === '\n' || source[i + 1] === '\r') && source[i] !== source[i + 1]) i += 2;
              else i++;
            }
            i--;
          } else {
            type = 'Code';
          }
          break;
        case '!':
          if (source[i + 1] === '[') {
            type = 'CustomEmoji';
            i++;
            break;
          }
          return reserved(c);
        default:
          return reserved(c);
      }
      stack.push({ type, argument, offset: out.length, byteOffset: byteOffset(source, begin) });
      continue;
    }

    const open = stack.pop() as MdOpen;
    const skip = out.length === open.offset;
    let argument = open.argument;
    switch (open.type) {
      case 'Underline':
      case 'Spoiler':
        i++;
        break;
      case 'Pre':
        i += 2;
        break;
      case 'TextUrl':
      case 'CustomEmoji': {
        let url = '';
        if (source[i + 1] !== '(') {
          if (open.type === 'CustomEmoji') fail(`Custom emoji entity must contain a tg://emoji URL`);
          url = out.slice(open.offset);
        } else {
          i += 2;
          const urlBegin = i;
          while (i < source.length && source[i] !== ')') {
            if (source[i] === '\\' && escapable(source[i + 1])) {
              url += source[i + 1];
              i += 2;
              continue;
            }
            url += source[i];
            i++;
          }
          if (source[i] !== ')') fail(`Can't find end of a URL at byte offset ${byteOffset(source, urlBegin)}`);
        }
        argument = url;
        break;
      }
      default:
        break;
    }
    if (skip) continue;
    const length = out.length - open.offset;
    if (open.type === 'TextUrl') {
      const entity = linkEntity(open.offset, length, argument);
      // A link Telegram would not accept leaves its text plain.
      if (entity) entities.push(entity);
    } else if (open.type === 'CustomEmoji') {
      const id = /^tg:\/\/emoji\?id=(\d+)$/.exec(argument)?.[1];
      if (!id) fail(`Custom emoji URL must have an emoji identifier`);
      entities.push({ type: 'custom_emoji', offset: open.offset, length, custom_emoji_id: id as string });
    } else if (open.type === 'Pre') {
      entities.push(argument ? { type: 'pre', offset: open.offset, length, language: argument } : { type: 'pre', offset: open.offset, length });
    } else {
      entities.push({ type: MD_ENTITY[open.type], offset: open.offset, length } as MessageEntity);
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) fail(`Can't find end of ${unclosed.type} entity at byte offset ${unclosed.byteOffset}`);
  closeQuote();
  return { text: out, entities: sortEntities(entities) };
}

/** The deprecated "Markdown" mode: no nesting, no mandatory escaping. */
export function parseMarkdownLegacy(source: string): FormattedText {
  let out = '';
  const entities: MessageEntity[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\' && '_*`['.includes(source[i + 1] ?? '\u0000')) {
      out += source[i + 1];
      i++;
      continue;
    }
    if (!'_*`['.includes(c)) {
      out += c;
      continue;
    }
    const begin = i;
    const endChar = c === '[' ? ']' : c;
    let isPre = false;
    let language = '';
    i++;
    if (c === '`' && source[i] === '`' && source[i + 1] === '`') {
      i += 2;
      isPre = true;
      let langEnd = i;
      while (langEnd < source.length && !isSpace(source[langEnd]) && source[langEnd] !== '`') langEnd++;
      if (i !== langEnd && langEnd < source.length && source[langEnd] !== '`') {
        language = source.slice(i, langEnd);
        i = langEnd;
      }
      if (source[i] === '\n' || source[i] === '\r') {
        if ((source[i + 1] === '\n' || source[i + 1] === '\r') && source[i] !== source[i + 1]) i += 2;
        else i++;
      }
    }
    const offset = out.length;
    while (i < source.length && (source[i] !== endChar || (isPre && !(source[i + 1] === '`' && source[i + 2] === '`')))) {
      out += source[i];
      i++;
    }
    if (i >= source.length) {
      throw new FormattingError(`can't parse entities: Can't find end of the entity starting at byte offset ${byteOffset(source, begin)}`);
    }
    const length = out.length - offset;
    if (c === '[') {
      let url = out.slice(offset);
      if (source[i + 1] === '(') {
        i += 2;
        url = '';
        while (i < source.length && source[i] !== ')') url += source[i++];
      }
      if (length > 0) {
        const entity = linkEntity(offset, length, url);
        if (entity) entities.push(entity);
      }
    } else if (length > 0) {
      if (c === '_') entities.push({ type: 'italic', offset, length });
      else if (c === '*') entities.push({ type: 'bold', offset, length });
      else if (isPre) entities.push(language ? { type: 'pre', offset, length, language } : { type: 'pre', offset, length });
      else entities.push({ type: 'code', offset, length });
    }
    if (isPre) i += 2;
  }
  return { text: out, entities: sortEntities(entities) };
}

/**
 * Renders text the way Telegram stores it: parse_mode applied (explicit
 * entities win), surrounding whitespace stripped with entities shifted.
 */
export function renderText(raw: string, parseMode: unknown, explicitEntities: unknown): FormattedText {
  let formatted: FormattedText;
  if (Array.isArray(explicitEntities)) {
    formatted = { text: raw, entities: explicitEntities as MessageEntity[] };
  } else if (parseMode === undefined || parseMode === null || parseMode === '') {
    formatted = { text: raw, entities: [] };
  } else if (parseMode === 'HTML') {
    formatted = parseHtml(raw);
  } else if (parseMode === 'MarkdownV2') {
    formatted = parseMarkdownV2(raw);
  } else if (parseMode === 'Markdown') {
    formatted = parseMarkdownLegacy(raw);
  } else {
    throw new FormattingError('unsupported parse_mode');
  }
  const lead = formatted.text.length - formatted.text.trimStart().length;
  const text = formatted.text.trim();
  const entities = formatted.entities
    .map((e) => {
      const start = Math.max(0, e.offset - lead);
      const end = Math.min(text.length, e.offset - lead + e.length);
      return { ...e, offset: start, length: end - start };
    })
    .filter((e) => e.length > 0);
  return { text, entities };
}
