// GeoReport v2 shapes of our data: categories are services, reports are service requests. Only
// public facts leave: never the author, their contacts or comments, never staff-only files.
import type { Category, Prisma } from '../../generated/prisma/client.ts';
import { toLocalIso } from '../calendar/local-time.ts';
import { localName } from '../reference/reference-service.ts';
import { isOpen } from '../reports/report-status.ts';
import { DESCRIPTION_LIMIT } from './open311-rules.ts';

export type Open311Locale = 'kk' | 'ru';
export type Translate = (key: string) => string;

export const SPECIFICATION_URL = 'http://wiki.open311.org/GeoReport_v2';
/** When the endpoints below last changed (discovery's changeset). */
export const CHANGESET = '2026-11-23T00:00:00+05:00';

/** Kazakh for kk (and kk-KZ, kk_KZ), Russian for everything else, as elsewhere in Azamat. */
export function open311Locale(param: string | undefined): Open311Locale {
  return param?.toLowerCase().startsWith('kk') ? 'kk' : 'ru';
}

export function discovery(baseUrl: string) {
  return {
    changeset: CHANGESET,
    contact: 'The akimat administrators of this Azamat installation.',
    key_service: 'API keys for POST requests are issued by the administrators of this installation on request.',
    endpoints: [
      { specification: SPECIFICATION_URL, url: `${baseUrl}/open311/v2`, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] },
    ],
  };
}

export function serviceOf(c: Category, locale: Open311Locale) {
  return {
    service_code: c.code,
    service_name: localName(c, locale),
    description: locale === 'kk' ? c.hintKk : c.hintRu,
    // No attributes: everything a service needs is in the standard fields.
    metadata: false,
    type: 'realtime' as const,
    keywords: c.code.split('-').join(', '),
    group: locale === 'kk' ? c.groupKk : c.groupRu,
  };
}

export function serviceDefinition(c: Category) {
  return { service_code: c.code, attributes: [] as never[] };
}

/** What a service request is built from: nothing about the author is even loaded. */
export const requestInclude = {
  category: { select: { code: true, nameKk: true, nameRu: true } },
  department: { select: { nameKk: true, nameRu: true } },
  duplicateOf: { select: { number: true } },
  // Telegram files are served to staff only; a URL given by an Open311 client is public by nature.
  evidence: { where: { url: { not: null } }, orderBy: { id: 'asc' }, take: 1, select: { url: true } },
  events: { where: { type: 'status' }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 1, select: { toStatus: true, publicNote: true, actorType: true } },
} satisfies Prisma.ReportInclude;

export type RequestRow = Prisma.ReportGetPayload<{ include: typeof requestInclude }>;

/**
 * The detailed status in words: the public note of the change that set the current status (staff
 * explanations only, never a citizen's words), the original's number for a duplicate, else the status name.
 */
export function statusNotes(r: RequestRow, t: Translate): string {
  const name = t(`reports:status.${r.status}`);
  if (r.status === 'duplicate' && r.duplicateOf) return `${name}: ${r.duplicateOf.number}`;
  const last = r.events[0];
  if (last && last.toStatus === r.status && last.actorType !== 'citizen' && last.publicNote) return last.publicNote;
  return name;
}

export function requestOf(r: RequestRow, t: Translate, locale: Open311Locale) {
  return {
    service_request_id: r.number,
    status: isOpen(r.status) ? ('open' as const) : ('closed' as const),
    status_notes: statusNotes(r, t),
    service_name: localName(r.category, locale),
    service_code: r.category.code,
    description: r.description.slice(0, DESCRIPTION_LIMIT),
    agency_responsible: localName(r.department, locale),
    requested_datetime: toLocalIso(r.createdAt),
    updated_datetime: toLocalIso(r.updatedAt),
    expected_datetime: r.dueAt ? toLocalIso(r.dueAt) : null,
    address: r.address,
    lat: r.lat,
    long: r.lon,
    media_url: r.evidence[0]?.url ?? null,
  };
}
