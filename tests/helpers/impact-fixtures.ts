// Shared pieces of the impact tests: a project of a body in Almaty city with beneficiaries, and a manager.
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { ProjectApi } from './project-fixtures.ts';

export async function almaty(prisma: PrismaClient) {
  return prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } });
}

export async function impactProject(
  prisma: PrismaClient,
  extra: { name?: string; contractSum?: number; startsOn?: string; endsOn?: string; stateBodyId?: number | null; regionId?: number } = {},
) {
  const region = await almaty(prisma);
  const name = extra.name ?? `Жоба ${randomBytes(3).toString('hex')}`;
  return prisma.socialProject.create({
    data: {
      nameKk: `${name} kk`,
      nameRu: `${name} ru`,
      supplierName: 'ОФ «Болашақ»',
      supplierBin: '123456789012',
      contractSum: extra.contractSum ?? 10_000,
      startsOn: new Date(extra.startsOn ?? '2026-01-01'),
      endsOn: new Date(extra.endsOn ?? '2026-12-31'),
      areaId: 9,
      regionId: extra.regionId ?? region.id,
      stateBodyId: extra.stateBodyId ?? null,
      status: 'active',
      inviteCode: randomBytes(6).toString('hex'),
    },
  });
}

export async function impactManager(api: ProjectApi, prisma: PrismaClient, regionId?: number) {
  return api.account(`pm${randomBytes(3).toString('hex')}`, ['project_manager'], regionId ?? (await almaty(prisma)).id);
}

/** `count` beneficiaries joined on `joinedAt`, each a citizen with Telegram and consent. */
export async function beneficiaries(prisma: PrismaClient, projectId: number, count: number, joinedAt: string) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const c = await prisma.citizen.create({
      data: { telegramId: BigInt(Math.floor(Math.random() * 1e12) + 1000), consentAt: new Date('2026-01-01'), locale: i % 2 ? 'kk' : 'ru' },
    });
    await prisma.projectBeneficiary.create({ data: { projectId, citizenId: c.id, source: 'invitation', joinedAt: new Date(joinedAt) } });
    ids.push(c.id);
  }
  return ids;
}
