// Joining a social project from its invitation (t.me/<bot>?start=prj_<code>, often a printed QR code):
// after consent the citizen is registered once, asked the three profile questions if never asked, and
// thanked in their language with the project's name.
import type { BotContext, FlowContext } from '../context.ts';
import type { Feature } from '../features.ts';
import { mainMenu } from '../menu.ts';
import { PROJECT_LINK_PREFIX } from '../../core/projects/project-invite.ts';
import { nameIn } from '../../core/projects/project-rules.ts';
import { attempt, enterFlow, errorText, esc, type Flow } from '../flow-kit.ts';
import { askProfile } from '../citizens/profile.ts';

export const PROJECT_JOIN_FLOW = 'project-join';

async function projectJoinConversation(conversation: Flow, ctx: FlowContext, projectId: number): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const outcome = await conversation.external(() =>
    attempt(async () => {
      const r = await ctx.services.projects.citizen.join(citizenId, projectId);
      return { created: r.created, name: nameIn(r.names, ctx.locale), supplier: r.supplier };
    }),
  );
  if (!outcome.ok) {
    await ctx.reply(errorText(ctx, outcome), { reply_markup: mainMenu(ctx) });
    return;
  }
  const { created, name, supplier } = outcome.value;
  // Asked once per citizen, not per project: a no-op for whoever answered (or skipped) before.
  await askProfile(conversation, ctx);
  const text = created ? ctx.t('projects:join.thanks', { name: esc(name), supplier: esc(supplier) }) : ctx.t('projects:join.already', { name: esc(name) });
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: mainMenu(ctx) });
}

async function openInvitation(ctx: BotContext, code: string): Promise<void> {
  const p = await ctx.services.projects.citizen.byInviteCode(code);
  if (!p) {
    await ctx.reply(ctx.t('projects:join.not_found'), { reply_markup: mainMenu(ctx) });
    return;
  }
  await enterFlow(ctx, PROJECT_JOIN_FLOW, p.id);
}

export function createProjectFeature(): Feature {
  return {
    name: 'project',
    flows: [{ id: PROJECT_JOIN_FLOW, version: 1, builder: projectJoinConversation }],
    deepLinks: { [PROJECT_LINK_PREFIX]: openInvitation },
  };
}
