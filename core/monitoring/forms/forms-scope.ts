// Who may prepare a state body's forms (Annexes 3, 8 and 9): its project managers and the admins. A manager
// tied to a body (StaffUser.stateBodyId) prepares that body's only, within their region; a national body
// is national staff's. Staff of a supplier NGO never do: the state body monitors (item 8).
import type { PrismaClient, StateBody } from '../../../generated/prisma/client.ts';
import type { StaffRole } from '../../../generated/prisma/enums.ts';
import { forbidden, notFound } from '../../errors.ts';
import { assertCovers, coverWhere, isAdmin, requireRole, SCOPES, type StaffPrincipal } from '../../staff/scope.ts';

export const FORM_STAFF: StaffRole[] = ['project_manager'];

/** The body a manager works for (null: any body in their region), refusing supplier-bound staff. */
export async function ownBodyOf(prisma: PrismaClient, p: StaffPrincipal): Promise<number | null> {
  requireRole(p, FORM_STAFF);
  if (isAdmin(p)) return null;
  const me = await prisma.staffUser.findUnique({ where: { id: p.id }, select: { stateBodyId: true, supplierBin: true } });
  if (me?.supplierBin) throw forbidden('monitoring_forms.supplier_staff');
  return me?.stateBodyId ?? null;
}

/** The body `stateBodyId` if `p` prepares its forms; 404 for none, 403 for another's. */
export async function bodyInScope(prisma: PrismaClient, p: StaffPrincipal, stateBodyId: number): Promise<StateBody> {
  const own = await ownBodyOf(prisma, p);
  const body = await prisma.stateBody.findUnique({ where: { id: stateBodyId } });
  if (!body) throw notFound('monitoring_forms.body_not_found');
  assertCovers(SCOPES.region, p, body);
  if (own !== null && own !== body.id) throw forbidden('auth.out_of_scope');
  return body;
}

/** A `where` on StateBody for the bodies `p` prepares forms for. */
export async function bodiesWhere(prisma: PrismaClient, p: StaffPrincipal): Promise<Record<string, unknown>> {
  const own = await ownBodyOf(prisma, p);
  return { ...coverWhere(SCOPES.region, p), ...(own !== null ? { id: own } : {}) };
}
