// The invitation to a project: t.me/<bot>?start=prj_<inviteCode>, and the same link as a QR code to print
// on leaflets and posters (PNG for office printers and messengers, SVG for designers: it scales cleanly).
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { conflict } from '../errors.ts';

export const PROJECT_LINK_PREFIX = 'prj';

/** 12 characters of [A-Za-z0-9_-]: fits Telegram's start payload and cannot be guessed from a project id. */
export const newInviteCode = () => randomBytes(9).toString('base64url');

/** A deep link t.me/<bot>?start=<payload>; @param username the bot's username, with or without '@' */
export const startLink = (username: string, payload: string): string => `https://t.me/${username.replace(/^@/, '')}?start=${payload}`;

export function inviteLink(username: string, inviteCode: string): string {
  return startLink(username, `${PROJECT_LINK_PREFIX}_${inviteCode}`);
}

/** The link, or a clear refusal when no bot username is known (BOT_USERNAME unset and the bot not running here). */
export function requireInviteLink(username: string | null | undefined, inviteCode: string): string {
  if (!username) throw conflict('project.no_bot_username');
  return inviteLink(username, inviteCode);
}

// 'M' survives a crease or a smudge on a printed leaflet; a 4-module quiet zone is what scanners expect.
const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 4 };

export function qrPng(link: string, size = 600): Promise<Buffer> {
  return QRCode.toBuffer(link, { ...QR_OPTIONS, type: 'png', width: size });
}

export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { ...QR_OPTIONS, type: 'svg' });
}
