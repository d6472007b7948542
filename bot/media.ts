// What a citizen may attach as evidence, read from a Telegram message: photo, video, voice, audio,
// or a document that is an image, video or audio file. Anything else is refused with a reason.
import type { Message } from 'grammy/types';
import type { EvidenceInput } from '../core/reports/report-service.ts';

/** The Bot API lets a bot download files up to 20 MB (getFile); larger evidence could never be opened by staff. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILE_MB = MAX_FILE_BYTES / 1024 / 1024;

export type MediaResult =
  | { ok: true; item: EvidenceInput }
  | { ok: false; reason: 'unsupported' | 'too_big'; sizeMb?: number }
  /** the message carries no file at all (text, location, …) */
  | { ok: false; reason: 'none' };

/** A document's name is kept to this many characters. */
const DOCUMENT_NAME_MAX = 200;

const DOCUMENT_KINDS: Array<[RegExp, EvidenceInput['kind']]> = [
  [/^image\//, 'document'],
  [/^video\//, 'video'],
  [/^audio\//, 'audio'],
];

function sized(item: EvidenceInput): MediaResult {
  if (item.fileSize != null && item.fileSize > MAX_FILE_BYTES)
    return { ok: false, reason: 'too_big', sizeMb: Math.round((item.fileSize / 1024 / 1024) * 10) / 10 };
  return { ok: true, item };
}

const base = (f: { file_id: string; file_unique_id: string; file_size?: number }) => ({
  telegramFileId: f.file_id,
  fileUniqueId: f.file_unique_id,
  ...(f.file_size != null ? { fileSize: f.file_size } : {}),
});

type TelegramFile = { file_id: string; file_unique_id: string; file_size?: number; file_name?: string };

/** A file that may carry its own name (a video, an audio file, a document); a document's name is cut to `nameMax`. */
const named = (kind: EvidenceInput['kind'], f: TelegramFile, mimeType: string, nameMax?: number) =>
  sized({ kind, mimeType, ...base(f), ...(f.file_name ? { fileName: f.file_name.slice(0, nameMax) } : {}) });

export function mediaFromMessage(msg: Message | undefined): MediaResult {
  if (!msg) return { ok: false, reason: 'none' };
  if (msg.photo?.length) {
    // Telegram sends several sizes; the last is the largest.
    const p = msg.photo[msg.photo.length - 1]!;
    return sized({ kind: 'photo', mimeType: 'image/jpeg', ...base(p) });
  }
  // A GIF-like animation also carries `document`; it shows nothing a photo or video would not.
  if (msg.animation || msg.sticker) return { ok: false, reason: 'unsupported' };
  if (msg.video) return named('video', msg.video, msg.video.mime_type ?? 'video/mp4');
  if (msg.video_note) return sized({ kind: 'video', mimeType: 'video/mp4', ...base(msg.video_note) });
  if (msg.voice) return sized({ kind: 'voice', mimeType: msg.voice.mime_type ?? 'audio/ogg', ...base(msg.voice) });
  if (msg.audio) return named('audio', msg.audio, msg.audio.mime_type ?? 'audio/mpeg');
  if (msg.document) {
    const mime = msg.document.mime_type ?? '';
    const kind = DOCUMENT_KINDS.find(([re]) => re.test(mime))?.[1];
    if (!kind) return { ok: false, reason: 'unsupported' };
    return named(kind, msg.document, mime, DOCUMENT_NAME_MAX);
  }
  return { ok: false, reason: 'none' };
}

/** An attachment to a question: evidence kinds, plus any document (an NGO's charter, a contract, a letter). */
export function attachmentFromMessage(msg: Message | undefined): MediaResult {
  if (msg?.document && !msg.animation) return named('document', msg.document, msg.document.mime_type ?? 'application/octet-stream', DOCUMENT_NAME_MAX);
  return mediaFromMessage(msg);
}
