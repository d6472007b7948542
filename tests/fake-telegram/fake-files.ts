import { Buffer } from 'node:buffer';

export type FileKind = 'photo' | 'video' | 'voice' | 'audio' | 'document' | 'sticker' | 'animation' | 'video_note';

/** Folder names Telegram uses in `file_path`, so path-based logic in the bot sees familiar values. */
export const FILE_DIRS: Record<FileKind, string> = {
  photo: 'photos',
  video: 'videos',
  voice: 'voice',
  audio: 'music',
  document: 'documents',
  sticker: 'stickers',
  animation: 'animations',
  video_note: 'video_notes',
};

/** Prefixes of real file_ids per kind; some bots sniff them to guess the media type. */
export const FILE_ID_PREFIX: Record<FileKind, string> = {
  photo: 'AgACAgIAAxkBAAI',
  video: 'BAACAgIAAxkBAAI',
  voice: 'AwACAgIAAxkBAAI',
  audio: 'CQACAgIAAxkBAAI',
  document: 'BQACAgIAAxkBAAI',
  sticker: 'CAACAgIAAxkBAAI',
  animation: 'CgACAgIAAxkBAAI',
  video_note: 'DQACAgIAAxkBAAI',
};

const DEFAULT_MIME: Record<FileKind, string> = {
  photo: 'image/jpeg',
  video: 'video/mp4',
  voice: 'audio/ogg',
  audio: 'audio/mpeg',
  document: 'application/octet-stream',
  sticker: 'image/webp',
  animation: 'video/mp4',
  video_note: 'video/mp4',
};

const MIME_BY_EXT: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
};

const EXT_BY_MIME: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/json': 'json',
  'application/zip': 'zip',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
};

export function defaultMime(kind: FileKind): string {
  return DEFAULT_MIME[kind];
}

export function mimeFromName(name: string | undefined): string | undefined {
  const ext = name?.split('.').pop()?.toLowerCase();
  return ext === undefined ? undefined : MIME_BY_EXT[ext];
}

export function extensionFor(kind: FileKind, mimeType?: string, fileName?: string): string {
  if (kind === 'photo') return 'jpg';
  // Telegram stores voice notes as .oga, which differs from the generic audio/ogg guess.
  if (kind === 'voice') return 'oga';
  if (kind === 'sticker') return 'webp';
  if (kind === 'video' || kind === 'animation' || kind === 'video_note') return 'mp4';
  const fromName = fileName?.includes('.') ? fileName.split('.').pop()?.toLowerCase() : undefined;
  if (fromName) return fromName;
  if (mimeType && EXT_BY_MIME[mimeType]) return EXT_BY_MIME[mimeType];
  return kind === 'audio' ? 'mp3' : 'dat';
}

/** Small, fast, seedable PRNG so fake bytes and injected failures are reproducible across runs. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function filler(seed: number, length: number): Buffer {
  const rnd = mulberry32(seed);
  const out = Buffer.alloc(Math.max(0, length));
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(rnd() * 256);
  return out;
}

function segment(marker: number, payload: ArrayLike<number>): Buffer {
  const length = payload.length + 2;
  return Buffer.concat([Buffer.from([0xff, marker, length >> 8, length & 0xff]), Buffer.from(Array.from(payload))]);
}

/**
 * A real, decodable baseline JPEG of the requested size (uniform mid-grey).
 * Hand-rolled because the fake must stay dependency-free, yet bots may pass
 * downloaded photos to image libraries that reject garbage bytes. Every 8x8
 * block encodes as DC-difference 0 followed by end-of-block, i.e. two bits
 * with the single-code Huffman tables below.
 */
export function fakeJpeg(width: number, height: number, seed = 0): Buffer {
  const w = Math.min(65535, Math.max(1, Math.round(width)));
  const h = Math.min(65535, Math.max(1, Math.round(height)));
  const blocks = Math.ceil(w / 8) * Math.ceil(h / 8);
  const bits = blocks * 2;
  const scan = Buffer.alloc(Math.ceil(bits / 8), 0);
  const rest = bits % 8;
  // Entropy-coded data must be padded with 1-bits up to a byte boundary.
  if (rest !== 0) scan[scan.length - 1] = (1 << (8 - rest)) - 1;
  const huffman = [
    0x00,
    1,
    ...new Array<number>(15).fill(0),
    0x00, // DC table 0: one 1-bit code -> category 0
    0x10,
    1,
    ...new Array<number>(15).fill(0),
    0x00, // AC table 0: one 1-bit code -> EOB
  ];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    // The comment makes bytes (and so hashes) differ per file while staying valid.
    segment(0xfe, Buffer.from(`azamat-fake-telegram ${seed}`, 'latin1')),
    segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    segment(0xc0, [8, h >> 8, h & 0xff, w >> 8, w & 0xff, 1, 1, 0x11, 0]),
    segment(0xc4, huffman),
    segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    scan,
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** Reads width/height from JPEG or PNG bytes so PhotoSize of bot uploads matches what was sent. */
export function imageSize(buf: Buffer): { width: number; height: number } | undefined {
  if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47) {
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  }
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < buf.length) {
    if (buf[i] !== 0xff) return undefined;
    const marker = buf[i + 1] ?? 0;
    const length = buf.readUInt16BE(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return undefined;
}

export interface FakeBytesOptions {
  size?: number;
  mimeType?: string;
  width?: number;
  height?: number;
}

/** Deterministic placeholder content with a plausible magic header for the kind of file. */
export function fakeFileBytes(kind: FileKind, seed: number, opts: FakeBytesOptions = {}): Buffer {
  const mime = opts.mimeType ?? DEFAULT_MIME[kind];
  let head: Buffer;
  if (kind === 'photo' || mime === 'image/jpeg') {
    head = fakeJpeg(opts.width ?? 320, opts.height ?? 240, seed);
  } else if (kind === 'video' || kind === 'animation' || kind === 'video_note' || mime === 'video/mp4') {
    head = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.from('00000010667265650000000000000000', 'hex')]);
  } else if (kind === 'voice' || mime === 'audio/ogg') {
    head = Buffer.from('OggS\u0000\u0002', 'latin1');
  } else if (kind === 'audio' || mime === 'audio/mpeg') {
    head = Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1');
  } else if (kind === 'sticker' || mime === 'image/webp') {
    head = Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1');
  } else if (mime === 'application/pdf') {
    head = Buffer.from(`%PDF-1.4\n% azamat fake ${seed}\n`, 'latin1');
  } else if (mime.startsWith('text/') || mime === 'application/json') {
    head = Buffer.from(`fake file ${seed}\n`, 'utf8');
  } else {
    head = Buffer.alloc(0);
  }
  // Images stay exactly as encoded: trailing junk after EOI upsets strict decoders.
  if (opts.size === undefined && (kind === 'photo' || mime === 'image/jpeg')) return head;
  const size = opts.size ?? Math.max(head.length, 256);
  if (head.length >= size) return head.subarray(0, size);
  const pad = mime.startsWith('text/') ? Buffer.from('x'.repeat(size - head.length), 'latin1') : filler(seed, size - head.length);
  return Buffer.concat([head, pad]);
}
