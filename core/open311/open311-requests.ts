// Reading and filing service requests for Open311: public reports only (never hidden ones), and new
// reports filed on behalf of an API client without any personal data of the person behind it.
import type { Prisma, PrismaClient, Report } from '../../generated/prisma/client.ts';
import type { ApiClientView } from './api-client-service.ts';
import type { ReferenceService } from '../reference/reference-service.ts';
import { insideKazakhstan, type ReportService } from '../reports/report-service.ts';
import { OPEN_STATUSES } from '../reports/report-status.ts';
import { Open311Error } from './open311-errors.ts';
import { requestInclude, type RequestRow } from './open311-mapping.ts';

/** GeoReport v2: the default window and the longest range a query may span. */
export const WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;

export interface RequestFilter {
  /** report numbers; when given, every filter but the jurisdiction is ignored (GeoReport v2) */
  numbers?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  statuses?: Array<'open' | 'closed'>;
  regionId?: number;
}

/** The requested period, defaulting to the last 90 days; a longer explicit range is refused. */
function period(f: RequestFilter, now: Date): { gte: Date; lte?: Date } {
  const { start, end } = f;
  if (start && end) {
    if (start > end) throw new Open311Error(400, 'start_date must not be after end_date');
    if (end.getTime() - start.getTime() > WINDOW_DAYS * DAY_MS)
      throw new Open311Error(400, `start_date and end_date may not span more than ${WINDOW_DAYS} days`);
    return { gte: start, lte: end };
  }
  if (start) return { gte: start };
  if (end) return { gte: new Date(end.getTime() - WINDOW_DAYS * DAY_MS), lte: end };
  return { gte: new Date(now.getTime() - WINDOW_DAYS * DAY_MS) };
}

export function requestWhere(f: RequestFilter, now: Date): Prisma.ReportWhereInput {
  const and: Prisma.ReportWhereInput[] = [{ hidden: false }];
  if (f.regionId != null) and.push({ regionId: f.regionId });
  if (f.numbers?.length) return { AND: [...and, { number: { in: f.numbers } }] };
  and.push({ createdAt: period(f, now) });
  if (f.serviceCodes?.length) and.push({ category: { code: { in: f.serviceCodes } } });
  const statuses = new Set(f.statuses ?? []);
  if (statuses.size === 1) and.push(statuses.has('open') ? { status: { in: OPEN_STATUSES } } : { status: { notIn: OPEN_STATUSES } });
  return { AND: and };
}

async function findRequests(prisma: PrismaClient, f: RequestFilter, now: Date): Promise<RequestRow[]> {
  return prisma.report.findMany({ where: requestWhere(f, now), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: MAX_RESULTS, include: requestInclude });
}

/** A public report by its number, or 404 (hidden reports do not exist for Open311). */
async function findRequest(prisma: PrismaClient, number: string, regionId?: number): Promise<RequestRow> {
  const row = await prisma.report.findFirst({ where: { number, hidden: false, ...(regionId != null ? { regionId } : {}) }, include: requestInclude });
  if (!row) throw new Open311Error(404, 'service_request_id not found');
  return row;
}

/** The region of a jurisdiction_id (a region code), or 404. */
export async function jurisdictionRegion(reference: ReferenceService, code: string | undefined): Promise<number | undefined> {
  if (code === undefined) return undefined;
  const region = (await reference.get()).regions.find((r) => r.code === code);
  if (!region) throw new Open311Error(404, 'jurisdiction_id not found');
  return region.id;
}

export interface Open311Submission {
  jurisdictionId?: string;
  serviceCode: string;
  lat?: number;
  long?: number;
  address?: string;
  description: string;
  mediaUrl?: string;
}

/**
 * Files a report for an API client. The region is the jurisdiction_id's, else the client's own.
 * Names, phones, e-mails and device or account ids a client may send are never passed in here.
 */
export async function submitRequest(
  deps: { reference: ReferenceService; reports: ReportService },
  client: ApiClientView,
  s: Open311Submission,
  ip?: string,
): Promise<Report> {
  const regionId = (await jurisdictionRegion(deps.reference, s.jurisdictionId)) ?? client.regionId;
  if (regionId == null) throw new Open311Error(400, 'jurisdiction_id is required: this API key has no default jurisdiction');
  const category = (await deps.reference.get()).categories.find((c) => c.code === s.serviceCode && c.active);
  if (!category) throw new Open311Error(400, 'service_code is not a known service');
  if (s.lat != null && s.long != null && !insideKazakhstan(s.lat, s.long)) throw new Open311Error(400, 'lat/long is outside Kazakhstan');
  return deps.reports.create(
    { type: 'api_client', id: client.id, ip: ip ?? null },
    {
      source: 'open311',
      apiClientId: client.id,
      categoryId: category.id,
      regionId,
      lat: s.lat ?? null,
      lon: s.long ?? null,
      address: s.address ?? null,
      description: s.description,
      evidence: s.mediaUrl ? [{ kind: 'photo', url: s.mediaUrl }] : [],
    },
  );
}

/** The public reads of Open311 as a service: only reports in public view, whatever the caller. */
export function createOpen311Requests({ prisma, now = () => new Date() }: { prisma: PrismaClient; now?: () => Date }) {
  return {
    list: (f: RequestFilter): Promise<RequestRow[]> => findRequests(prisma, f, now()),
    one: (number: string, regionId?: number): Promise<RequestRow> => findRequest(prisma, number, regionId),
  };
}
