// What every consultations route module starts with: consultants (and admins) only, under one OpenAPI tag.
import type { Services } from '../../core/services.ts';
import { requireStaff } from '../plugins/auth.ts';
import { routeOptions } from '../route-kit.ts';

export function consultantRoutes(services: Services, tag: string) {
  const consultant = requireStaff(services.staff, ['consultant']);
  const tags = [tag];
  return { consultant, tags, opts: routeOptions(tags, consultant) };
}
