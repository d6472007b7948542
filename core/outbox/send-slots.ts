// When a message may go to Telegram, which counts about 30 messages a second overall and one a second
// per chat: each message gets the earliest time at least `intervalMs` from every other message and
// `perChatMs` after its chat's previous one. Slots are a sorted list rather than one "next free"
// moment, so a message waiting for its chat leaves the earlier slots to other chats (with a single
// moment, a citizen's second message held everyone else's back by a second).

/** Telegram's counters and ours drift apart by a few percent on a busy machine: stay that much under. */
export const JITTER_MARGIN = 1.03;

export class SendSlots {
  /** reserved send times, ascending */
  private slots: number[] = [];
  private readonly nextChat = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly perChatMs: number,
  ) {}

  /** Reserves the earliest time (epoch ms, `now` or later) a message to this chat may be sent. */
  take(chat: string, now = Date.now()): number {
    const interval = this.intervalMs;
    while (this.slots.length > 0 && this.slots[0]! < now - interval) this.slots.shift();
    let slot = Math.max(now, this.nextChat.get(chat) ?? 0);
    let at = 0;
    for (; at < this.slots.length; at++) {
      const taken = this.slots[at]!;
      if (taken + interval <= slot) continue;
      if (taken - interval >= slot) break;
      slot = taken + interval;
    }
    this.slots.splice(at, 0, slot);
    this.nextChat.set(chat, slot + this.perChatMs);
    if (this.nextChat.size > 10_000) for (const [k, next] of this.nextChat) if (next < now) this.nextChat.delete(k);
    return slot;
  }

  /** Nothing more to this chat before `at` (Telegram asked to wait). */
  holdChat(chat: string, at: number): void {
    this.nextChat.set(chat, Math.max(at, this.nextChat.get(chat) ?? 0));
  }
}
