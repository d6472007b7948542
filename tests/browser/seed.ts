// A small, realistic triage board for the browser suites: an operator and a consultant in one region,
// reports in every state (one with a photo and a place on the map, one overdue), response templates.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Actor } from '../../core/audit/audit-log.ts';
import type { ServicesWithDb } from '../../core/services.ts';

export const ADMIN = { login: 'admin', password: 'admin-password-1' };
export const OPERATOR = { login: 'operator', password: 'operator-password-1', fullName: 'Айгүл Сапарова' };
export const CONSULTANT = { login: 'consultant', password: 'consultant-password-1', fullName: 'Ерлан Жақсыбеков' };

const system: Actor = { type: 'system' };

/** A real PNG (a small two-colour picture), so the browser has something to decode. */
export function samplePng(width = 64, height = 48): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(y < height / 2 ? [0, 125, 146] : [254, 197, 12], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface ConsoleSeed {
  regionId: number;
  operatorId: number;
  categoryId: number;
  /** new, with a photo and a point on the map */
  photoReportId: number;
  /** new, plain */
  plainReportId: number;
  acceptTemplateId: number;
  resolveTemplateId: number;
}

export async function seedConsole(services: ServicesWithDb, storageDir: string): Promise<ConsoleSeed> {
  const { prisma } = services;
  await services.staff.ensureFirstAdmin(ADMIN.login, ADMIN.password);
  const region = (await prisma.region.findMany({ orderBy: { id: 'asc' }, include: { districts: { orderBy: { id: 'asc' } } } })).find(
    (r) => r.districts.length > 1,
  )!;
  const categories = await prisma.category.findMany({ where: { active: true }, orderBy: { id: 'asc' } });
  const category = categories[0]!;
  const operator = await services.staff.create(system, {
    login: OPERATOR.login,
    fullName: OPERATOR.fullName,
    password: OPERATOR.password,
    roles: ['operator'],
    regionId: region.id,
    locale: 'ru',
  });
  await services.staff.create(system, {
    login: CONSULTANT.login,
    fullName: CONSULTANT.fullName,
    password: CONSULTANT.password,
    roles: ['consultant'],
    regionId: region.id,
    locale: 'kk',
  });

  const citizen = await prisma.citizen.create({ data: { telegramId: 770_001n, locale: 'ru', name: 'Сергей', consentAt: new Date('2026-01-01T00:00:00Z') } });
  const base = { source: 'bot' as const, citizenId: citizen.id, regionId: region.id, districtId: region.districts[0]!.id };
  const photo = await services.reports.create(system, {
    ...base,
    categoryId: category.id,
    lat: 43.2383,
    lon: 76.9453,
    address: 'ул. Абая, 52',
    description: 'Во дворе дома по улице Абая, 52 третью неделю не горит фонарь: вечером детям страшно идти из школы.',
    evidence: [
      { kind: 'photo', mimeType: 'image/png', fileName: 'fonar.png', telegramFileId: 'file-photo-1' },
      { kind: 'voice', mimeType: 'audio/ogg', fileName: 'voice.ogg', telegramFileId: 'file-voice-1' },
    ],
  });
  // As if the bot had fetched them from Telegram already: the files are in storage.
  for (const e of await prisma.reportEvidence.findMany({ where: { reportId: photo.id }, orderBy: { id: 'asc' } })) {
    const relative = `evidence/${photo.id}/${e.id}${e.kind === 'photo' ? '.png' : '.ogg'}`;
    await mkdir(path.join(storageDir, path.dirname(relative)), { recursive: true });
    await writeFile(path.join(storageDir, relative), e.kind === 'photo' ? samplePng() : Buffer.from('OggS-not-really-audio'));
    await prisma.reportEvidence.update({ where: { id: e.id }, data: { storedPath: relative, storedAt: new Date() } });
  }

  const plain = await services.reports.create(system, {
    ...base,
    source: 'staff',
    citizenId: null,
    categoryId: categories[1]!.id,
    districtId: region.districts[1]!.id,
    description: 'Яма на дороге у остановки «Орталық базар», машины объезжают по встречной полосе.',
    evidence: [],
  });
  for (const [i, text] of ['Переполнены мусорные баки у дома 14', 'Сломана скамейка в сквере', 'Не работает светофор на перекрёстке'].entries()) {
    const r = await services.reports.create(system, {
      ...base,
      source: 'staff',
      citizenId: null,
      categoryId: categories[i % categories.length]!.id,
      description: `${text}: жители просят помочь.`,
      evidence: [],
    });
    if (i === 0) await services.reports.changeStatus(system, r.id, { to: 'in_work' });
    if (i === 1) {
      await services.reports.changeStatus(system, r.id, { to: 'in_work' });
      await services.reports.changeStatus(system, r.id, { to: 'resolved', publicNote: 'Скамейку заменили.' });
    }
  }
  const accept = await services.reportTemplates.create(system, {
    categoryId: null,
    status: 'in_work',
    title: 'Принято в работу',
    textKk: '{{number}} өтінішіңіз жұмысқа алынды. Орындау мерзімі: {{due_date}}.',
    textRu: 'Ваше обращение {{number}} принято в работу. Срок исполнения: {{due_date}}.',
  });
  const resolve = await services.reportTemplates.create(system, {
    categoryId: null,
    status: 'resolved',
    title: 'Выполнено',
    textKk: '{{number}} өтініші бойынша жұмыс аяқталды. Рақмет!',
    textRu: 'Работы по обращению {{number}} выполнены. Спасибо, что сообщили!',
  });
  return {
    regionId: region.id,
    operatorId: operator.id,
    categoryId: category.id,
    photoReportId: photo.id,
    plainReportId: plain.id,
    acceptTemplateId: accept.id,
    resolveTemplateId: resolve.id,
  };
}

/** A project manager of Almaty city and an active project in that region, running from `startsOn` to `endsOn` (dates). */
export async function managedProject(
  services: ServicesWithDb,
  pm: { login: string; password: string },
  startsOn: string,
  endsOn: string,
): Promise<{ pmId: number; regionId: number; projectId: number }> {
  const { prisma } = services;
  const region = await prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } });
  const manager = await services.staff.create(system, {
    login: pm.login,
    fullName: 'Жоба менеджері',
    password: pm.password,
    roles: ['project_manager'],
    regionId: region.id,
  });
  const project = await prisma.socialProject.create({
    data: {
      nameKk: 'Жастар орталығы',
      nameRu: 'Молодёжный центр',
      supplierName: 'ОФ «Болашақ»',
      contractSum: 1500,
      startsOn: new Date(startsOn),
      endsOn: new Date(endsOn),
      areaId: 9,
      regionId: region.id,
      status: 'active',
      inviteCode: randomBytes(6).toString('hex'),
    },
  });
  return { pmId: manager.id, regionId: region.id, projectId: project.id };
}
