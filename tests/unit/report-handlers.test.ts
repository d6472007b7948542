// The reports' bot handlers with the services stubbed (no database): the staff group's buttons and
// /chatid, and adding to a report from "My reports". Who may act, what the service is asked to do, and
// what the person reads.
import type { Update } from 'grammy/types';
import { describe, expect, it, vi } from 'vitest';
import { createReportFeature } from '../../bot/reports/report.ts';
import { createStaffChat } from '../../bot/reports/staff-chat.ts';
import { formatDue } from '../../core/reports/staff-notify.ts';
import { recordingBot, type Recorder, type ServiceStubs } from '../helpers/bot-recorder.ts';

const GROUP = -1_001_234_567;
const OPERATOR = { id: 3, roles: ['operator'], regionId: 1, districtId: null, departmentId: null };
const REPORT = { id: 5, number: 'KZ-2026-000005', status: 'new', regionId: 1, districtId: 2, departmentId: 4 };
const NOW = new Date('2026-05-04T04:00:00Z');

/** A press of a staff button under the report's post in the department's group. */
function pressInGroup(bot: Recorder, data: string) {
  const post = {
    message_id: 77,
    date: 0,
    chat: { id: GROUP, type: 'supergroup', title: 'Staff' },
    from: { id: 42, is_bot: true, first_name: 'Azamat' },
    text: '…',
  };
  const from = { id: 1001, is_bot: false, first_name: 'Айгерим', last_name: 'Сапарова' };
  return bot.bot.handleUpdate({ update_id: 900, callback_query: { id: '900', from, chat_instance: 'g', data, message: post } } as unknown as Update);
}

/** The staff-group feature with the services it reaches; `notes` stands for the sg: store of pending notes. */
function staffBot(stubs: ServiceStubs) {
  const notes = new Map<string, unknown>();
  const store = {
    read: (k: string) => Promise.resolve(notes.get(k)),
    write: (k: string, v: unknown) => Promise.resolve(void notes.set(k, v)),
    delete: vi.fn(),
  };
  const bot = recordingBot([createStaffChat()], {
    services: { chatState: { store: () => store }, now: () => NOW, logger: { warn: vi.fn() }, ...stubs } as ServiceStubs,
  });
  return { bot, notes };
}

describe('staff group buttons', () => {
  it('an operator in scope accepts: the status changes as theirs, they read the due time, and the post is refreshed', async () => {
    const due = new Date('2026-05-08T13:00:00Z');
    const changeStatus = vi.fn(() => Promise.resolve({ ...REPORT, status: 'in_work', dueAt: due }));
    const refresh = vi.fn(() => Promise.resolve());
    const actorOn = vi.fn(() => Promise.resolve({ refused: null, staff: OPERATOR, report: REPORT }));
    const { bot } = staffBot({ reports: { changeStatus }, reportStaffChat: { actorOn, refresh } });
    await pressInGroup(bot, 'sg:acc:5');
    expect(actorOn.mock.calls).toEqual([[1001, 5]]);
    expect(changeStatus.mock.calls).toEqual([[{ type: 'staff', id: 3 }, 5, { to: 'in_work' }]]);
    expect(bot.alerts()).toEqual([{ text: `Принято в работу. Срок: ${formatDue(due)}.`, show_alert: undefined }]);
    expect(refresh.mock.calls.map((c: unknown[]) => c[0])).toEqual([5]);
  });

  it.each([
    ['out_of_scope', 'Это обращение вне вашей зоны ответственности (регион, район или отдел).'],
    ['not_linked', 'Кнопки доступны только сотрудникам, чей Telegram привязан к учётной записи в «Азамате». Попросите администратора указать ваш Telegram ID.'],
    ['no_role', 'Менять статус обращений могут только операторы.'],
    ['not_found', 'Обращение не найдено.'],
  ])('refused (%s): an alert says why, and nothing changes', async (refused, text) => {
    const changeStatus = vi.fn();
    const { bot } = staffBot({ reports: { changeStatus }, reportStaffChat: { actorOn: () => Promise.resolve({ refused }) } });
    await pressInGroup(bot, 'sg:acc:5');
    expect(bot.alerts()).toEqual([{ text, show_alert: true }]);
    expect(changeStatus).not.toHaveBeenCalled();
    expect(bot.replies()).toEqual([]);
  });

  it('resolving asks the presser, by name, for the public note, and keeps the question for their reply', async () => {
    const changeStatus = vi.fn();
    const actorOn = () => Promise.resolve({ refused: null, staff: OPERATOR, report: REPORT });
    const { bot, notes } = staffBot({ reports: { changeStatus }, reportStaffChat: { actorOn } });
    await pressInGroup(bot, 'sg:res:5');
    expect(changeStatus).not.toHaveBeenCalled();
    const prompt = bot.calls.find((c) => c.method === 'sendMessage')!;
    expect(prompt.payload.text).toBe(
      '<a href="tg://user?id=1001">Айгерим Сапарова</a>, ответьте на это сообщение: что сделано по обращению KZ-2026-000005? Этот текст получит автор.',
    );
    expect(prompt.payload.reply_markup).toEqual({ force_reply: true, selective: true });
    expect([...notes.values()]).toEqual([{ action: 'res', reportId: 5, staffId: 3, at: NOW.toISOString() }]);
  });

  it('/chatid answers a linked admin with the group id, and nobody else', async () => {
    for (const [member, answered] of [
      [{ ...OPERATOR, roles: ['admin'] }, true],
      [OPERATOR, false],
      [null, false],
    ] as const) {
      const { bot } = staffBot({ reportStaffChat: { member: () => Promise.resolve(member) } });
      await bot.send('/chatid', { chat: 'group' });
      expect(bot.replies().map((t) => t.split('\n')[0])).toEqual(answered ? [`ID этой группы: ${GROUP}`] : []);
    }
  });
});

describe('adding to a report from "My reports"', () => {
  it('a report closed since the button was sent: the citizen is told so before uploading anything', async () => {
    const evidenceRoom = vi.fn(() => Promise.resolve({ number: 'KZ-2026-000005', room: -1 }));
    const bot = recordingBot([createReportFeature()], { citizen: { id: 7 }, services: { reportCitizen: { evidenceRoom }, now: () => NOW } });
    await bot.press('mr:files:5');
    expect(evidenceRoom.mock.calls).toEqual([[7, 5]]);
    expect(bot.replies()).toEqual(['Обращение закрыто: дополнять его уже нельзя. Если проблема осталась, подайте новое.']);
  });

  it('an open report: the citizen is asked for the comment, with the report number', async () => {
    const evidenceRoom = () => Promise.resolve({ number: 'KZ-2026-000005', room: 20 });
    const bot = recordingBot([createReportFeature()], { citizen: { id: 7 }, locale: 'kk', services: { reportCitizen: { evidenceRoom }, now: () => NOW } });
    await bot.press('mr:com:5');
    expect(bot.replies()).toEqual(['KZ-2026-000005 өтінішіне пікір жазыңыз (2000 таңбаға дейін). Оператор оны тарихтан көреді.']);
  });
});
