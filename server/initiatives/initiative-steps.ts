// The steps in an initiative's life that staff take through POST /api/initiatives/:id/<step>: the decisions on a
// proposal (initiatives.ts) and carrying it out (initiatives-implementation.ts). All answer alike.
import type { onRequestAsyncHookHandler } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../core/audit/audit-log.ts';
import type { StaffPrincipal } from '../../core/staff/scope.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { postAction, type RouteApp } from '../route-kit.ts';
import { detailBody } from './initiatives-schemas.ts';

/** The initiative's detail as the caller sees it. */
export type DetailOf = (req: Parameters<typeof staffOf>[0], id: number) => Promise<unknown>;

/**
 * `step(name, summary, body, act)`: POST /api/initiatives/:id/<name>, which `onRequest` lets in; the service's
 * `act` takes the step as the caller (it checks scope and state, and audits it), and the answer is the initiative's
 * detail after it.
 */
export const initiativeSteps =
  (app: RouteApp, onRequest: onRequestAsyncHookHandler, detailOf: DetailOf) =>
  <B extends z.ZodType | undefined>(
    name: string,
    summary: string,
    body: B,
    act: (actor: Actor, staff: StaffPrincipal, id: number, body: B extends z.ZodType ? z.output<B> : undefined) => Promise<unknown>,
  ) =>
    postAction(app, `/api/initiatives/:id/${name}`, {
      onRequest,
      tags: ['initiatives'],
      summary,
      body,
      response: detailBody,
      act: (req, id, b) => act(actorOf(req), staffOf(req), id, b),
      answer: (req, id) => detailOf(req, id),
    });
