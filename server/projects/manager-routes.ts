// What every route module of projects and polls starts with: project managers (and admins) only, under
// one OpenAPI tag; the project's region scopes each call inside core.
import type { Services } from '../../core/services.ts';
import { requireStaff } from '../plugins/auth.ts';
import { routeOptions } from '../route-kit.ts';

export function managerRoutes(services: Services, tag: string) {
  const manager = requireStaff(services.staff, ['project_manager']);
  const tags = [tag];
  return { manager, tags, opts: routeOptions(tags, manager) };
}
