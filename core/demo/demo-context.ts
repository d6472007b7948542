// What the demo's parts share: a timeline that replays weeks of activity in time order through services whose
// clock it moves (so history, deadlines from the calendar and report numbers come out as in real use), the
// reference data looked up by code, and the demo's people.
import type { Citizen } from '../../generated/prisma/client.ts';
import type { Actor } from '../audit/audit-log.ts';
import { addDays, localDate, localMidnight } from '../calendar/local-time.ts';
import type { ServicesWithDb } from '../services.ts';
import type { StaffPrincipal } from '../staff/scope.ts';

type Step = { at: Date; seq: number; label: string; run: () => Promise<unknown> };

export class Timeline {
  private steps: Step[] = [];
  private seq = 0;

  constructor(
    readonly anchor: Date,
    private readonly clock: { t: Date },
  ) {}

  /**
   * An instant `days` before the anchor at an Almaty wall-clock time; never later than the anchor, so
   * nothing in the demo happens in the future (steps of "today" still keep their order).
   */
  when(days: number, hour = 10, minute = 0): Date {
    const t = this.day(-days, hour, minute);
    const latest = this.anchor.getTime() - 60_000;
    return t.getTime() > latest ? new Date(latest) : t;
  }

  /** An Almaty wall-clock time `offsetDays` calendar days from the anchor's day (negative: the past), for plans ahead. */
  day(offsetDays: number, hour = 10, minute = 0): Date {
    return new Date(localMidnight(addDays(localDate(this.anchor), Math.floor(offsetDays))).getTime() + (hour * 60 + minute) * 60_000);
  }

  add(at: Date, label: string, run: () => Promise<unknown>): void {
    this.steps.push({ at, seq: this.seq++, label, run });
  }

  /** Runs every step in time order with the services' clock set to its instant. */
  async play(): Promise<number> {
    const ordered = [...this.steps].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
    this.steps = [];
    for (const step of ordered) {
      this.clock.t = step.at;
      try {
        await step.run();
      } catch (e) {
        throw new Error(`demo step "${step.label}" at ${step.at.toISOString()} failed: ${(e as Error).message}`, { cause: e });
      }
    }
    this.clock.t = this.anchor;
    return ordered.length;
  }
}

export interface DemoCitizen {
  key: string;
  citizen: Citizen;
  locale: 'kk' | 'ru';
  name: string;
  regionCode: string;
  districtCode: string;
}

export interface DemoContext {
  /** services whose clock is the timeline's */
  s: ServicesWithDb;
  tl: Timeline;
  region(code: string): number;
  district(code: string): number;
  category(code: string): number;
  consultationTopic(code: string): number;
  staff(login: string): StaffPrincipal;
  citizen(key: string): DemoCitizen;
  citizens: DemoCitizen[];
  /** the audit actor of a staff member */
  actor(p: StaffPrincipal): Actor;
}

/** The text in the citizen's language. */
export const inLocale = (locale: 'kk' | 'ru', text: { kk: string; ru: string }) => text[locale];

/** A capability's part of the demo (DomainModule.demo); fillDemo runs them in list order. */
export interface DemoModule {
  /** adds the capability's weeks of activity to the timeline (run later, in time order, by fillDemo) */
  schedule(ctx: DemoContext): unknown;
  /** what the demo made, counted for its summary */
  count(s: ServicesWithDb): Promise<Record<string, number>>;
}
