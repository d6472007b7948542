// What the route modules share beyond their schemas: instants on the wire, page answers, "ok" answers,
// the POST actions on one record (do it, then answer with the record's view), and the invitation QR codes.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { StaffRole } from '../generated/prisma/enums.ts';
import type { Services } from '../core/services.ts';
import { qrPng, qrSvg } from '../core/projects/project-invite.ts';
import type { Actor } from '../core/audit/audit-log.ts';
import type { StaffPrincipal } from '../core/staff/scope.ts';
import type { StaffService } from '../core/staff/staff-service.ts';
import { actorOf, requireStaff, staffOf } from './plugins/auth.ts';
import { idParam, pngBody, qrSizeQuery, svgBody, withErrors } from './schemas.ts';

export type RouteApp = Parameters<FastifyPluginAsyncZod>[0];
type Req = FastifyRequest;
type Guard = onRequestAsyncHookHandler;

interface Inputs {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  description?: string;
}
/** What a route answers with: `response` for 200, or `created` for 201. */
type Answer = { response: z.ZodType; created?: never } | { created: z.ZodType; response?: never };
type Ok<S> = S extends { created: infer C extends z.ZodType } ? { 201: C } : S extends { response: infer R extends z.ZodType } ? { 200: R } : never;

/**
 * The options of a module's routes: `opts(summary, { params, querystring, body, response })` gives one route its
 * guard (the module's, or another), its OpenAPI tags and summary, its input schemas and its answer with every
 * error status an authenticated route can give (`withErrors`).
 */
export function routeOptions(tags: string[], onRequest: Guard) {
  return <S extends Inputs & Answer>(summary: string, spec: S, guard: Guard = onRequest) => {
    const { response, created, ...inputs } = spec;
    const ok = (created ? { 201: created } : { 200: response }) as Ok<S>;
    return { onRequest: guard, schema: { tags, summary, ...(inputs as Omit<S, keyof Answer>), response: withErrors(ok) } };
  };
}

/** Who acts on a record: the actor the audit names, then the staff member whose scope the service applies. */
export type Caller = readonly [actor: Actor, staff: StaffPrincipal];

/**
 * The handler of a route that acts on one record, named as :id in the path: `byId((who, id, body) => …)` with
 * `who` the caller, for `service.change(...who, id, body)`; the service checks scope and state.
 */
export function byId<R extends Req & { params: { id: number } }, T>(act: (who: Caller, id: number, body: R['body']) => Promise<T>) {
  return async (req: R): Promise<T> => act([actorOf(req), staffOf(req)], req.params.id, req.body);
}

/** `byId` for a route on a part of the record :id, named as :<key> in the path (a member, a file, a period). */
export function byPart<K extends string, R extends Req & { params: { id: number } & Record<K, unknown> }, T>(
  key: K,
  act: (who: Caller, id: number, part: R['params'][K], body: R['body']) => Promise<T>,
) {
  return async (req: R): Promise<T> => act([actorOf(req), staffOf(req)], req.params.id, req.params[key], req.body);
}

/** `byId` for a route that adds a record under the one named as :id: the answer goes out with 201. */
export function createdById<R extends Req & { params: { id: number } }, T>(act: (who: Caller, id: number, body: R['body']) => Promise<T>) {
  const handler = byId<R, T>(act);
  return async (req: R, reply: FastifyReply) => reply.status(201).send(await handler(req));
}

/** The guards route modules share, by the roles they let in (admins always pass; none: any signed-in staff member). */
const GUARDS = {
  anyStaff: [],
  admin: ['admin'],
  operator: ['operator'],
  moderator: ['moderator'],
  consultant: ['consultant'],
  manager: ['project_manager'],
  expert: ['expert'],
  managerOrExpert: ['project_manager', 'expert'],
  operatorOrModerator: ['operator', 'moderator'],
} satisfies Record<string, StaffRole[]>;
type GuardName = keyof typeof GUARDS;

/**
 * What a staff route module starts with: `guard` for its routes (one of the shared guards by name, or a capability's
 * own role list), `tags` (its OpenAPI tag), `opts` with that guard by default, every shared guard by name for the
 * routes that let others in, and `guardFor(roles)` for a capability's own role list.
 */
export function guardedRoutes(staff: StaffService, tag: string, main: GuardName | StaffRole[]) {
  const guardFor = (roles: StaffRole[]): Guard => requireStaff(staff, roles);
  const shared = Object.fromEntries(Object.entries(GUARDS).map(([name, roles]) => [name, guardFor(roles)])) as Record<GuardName, Guard>;
  const guard = typeof main === 'string' ? shared[main] : guardFor(main);
  const tags = [tag];
  return { ...shared, guard, guardFor, tags, opts: routeOptions(tags, guard) };
}

/** What `guardedRoutes` gives a staff route module. */
export type RouteKit = ReturnType<typeof guardedRoutes>;

/**
 * A staff route module: the plugin of `tag` whose routes `main` guards (see `guardedRoutes`), made from the
 * services; `register` adds the routes with the kit of guards and options.
 */
export function routeModule(tag: string, main: GuardName | StaffRole[], register: (app: RouteApp, kit: RouteKit, services: Services) => void) {
  return (services: Services): FastifyPluginAsyncZod =>
    async (app) =>
      register(app, guardedRoutes(services.staff, tag, main), services);
}

/** An instant as the API answers it: ISO 8601 in UTC, or null. */
export const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;

/** A keyset page as the API answers it: the cursor as text (ids may be BigInt). */
export const cursorPage = <T, V>(page: { items: T[]; nextCursor?: number | bigint | null }, view: (item: T) => V) => ({
  items: page.items.map(view),
  nextCursor: page.nextCursor == null ? null : String(page.nextCursor),
});

/** Waits for a change and answers `{ ok: true }`. */
export async function okAfter(change: Promise<unknown>): Promise<{ ok: true }> {
  await change;
  return { ok: true };
}

interface ActionOptions<B extends z.ZodType | undefined, T> {
  onRequest: onRequestAsyncHookHandler;
  tags: string[];
  summary: string;
  body?: B;
  response: z.ZodType;
  /** does it; the service checks scope and state */
  act(req: Req, id: number, body: B extends z.ZodType ? z.output<B> : undefined): Promise<T>;
  /** the answer: by default what `act` returned */
  answer?(req: Req, id: number, result: T): Promise<unknown> | unknown;
}

/** POST `path` (which names the record as :id): does the action, then answers with the record's view. */
export function postAction<B extends z.ZodType | undefined, T>(app: RouteApp, path: string, o: ActionOptions<B, T>): void {
  const { onRequest, tags, summary, body, response } = o;
  app.post(path, { onRequest, schema: { tags, summary, params: idParam, ...(body ? { body } : {}), response: withErrors({ 200: response }) } }, async (req) => {
    const result = await o.act(req, req.params.id, req.body as never);
    return (o.answer ? await o.answer(req, req.params.id, result) : result) as never;
  });
}

interface QrOptions {
  onRequest: onRequestAsyncHookHandler;
  tags: string[];
  summaries: { png: string; svg: string };
  /** the invitation link of the record (:id), in the caller's scope; 409 project.no_bot_username without one */
  link(req: Req, id: number): Promise<string>;
}

/** `path`/qr.png and `path`/qr.svg: an invitation link as a QR code for leaflets and posters. */
export function qrRoutes(app: RouteApp, path: string, o: QrOptions): void {
  const { onRequest, tags } = o;
  app.get(
    `${path}/qr.png`,
    { onRequest, schema: { tags, summary: o.summaries.png, params: idParam, querystring: qrSizeQuery, response: withErrors({ 200: pngBody }) } },
    async (req, reply) => {
      const png = await qrPng(await o.link(req, req.params.id), req.query.size);
      return reply.header('content-type', 'image/png').header('cache-control', 'private, no-store').send(png);
    },
  );
  app.get(
    `${path}/qr.svg`,
    { onRequest, schema: { tags, summary: o.summaries.svg, params: idParam, response: withErrors({ 200: svgBody }) } },
    async (req, reply) => {
      const svg = await qrSvg(await o.link(req, req.params.id));
      return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'private, no-store').send(svg);
    },
  );
}
