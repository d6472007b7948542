// A citizen's way through the bot written as data, shared by the bot suites (in process) and the end-to-end
// suites (the whole app): each step says a text, presses a button or sends something else, and may name what
// the bot answers. A suite that hands updates to the bot in process takes say/press/walk from `walker`; the
// end-to-end suites wait for each answer instead (e2e.ts).
import type { Update } from 'grammy/types';
import { expect } from 'vitest';
import type { ScriptedUser } from '../fake-telegram/types.ts';

/** What the citizen does in one step. */
export type Action =
  | { say: string }
  | { press: string | RegExp }
  | { location: { lat: number; lon: number } }
  /** anything else a user sends (a photo, a contact, a voice…) */
  | { send: (u: ScriptedUser) => Promise<Update> };

/**
 * One step: the action, and what the bot's answer must hold (`expect`: contains the text or matches the
 * pattern; `is`: is exactly the text).
 */
export type Step = Action & { expect?: string | RegExp; is?: string };

/** A step of a suite that waits for the bot's answer (the whole app): the answer it waits for is named. */
export type AwaitedStep = Action & { expect: string | RegExp };

/** The update the step sends as `u`. */
export function stepUpdate(u: ScriptedUser, step: Step): Promise<Update> {
  if ('say' in step) return u.send(step.say);
  if ('press' in step) return u.pressButton(step.press);
  if ('location' in step) return u.sendLocation(step.location.lat, step.location.lon);
  return step.send(u);
}

export interface Walker {
  say(u: ScriptedUser, text: string): Promise<void>;
  press(u: ScriptedUser, label: string | RegExp): Promise<void>;
  /** does the steps in order as `u`; a step that names an answer is checked against the bot's last message then */
  walk(u: ScriptedUser, steps: Step[]): Promise<void>;
}

/** The citizen's actions for a bot that `deliver` hands each update to, fully handled before it returns. */
export function walker(deliver: (update: Promise<Update>) => Promise<unknown>): Walker {
  return {
    say: async (u, text) => {
      await deliver(u.send(text));
    },
    press: async (u, label) => {
      await deliver(u.pressButton(label));
    },
    async walk(u, steps) {
      for (const [i, step] of steps.entries()) {
        await deliver(stepUpdate(u, step));
        const answer = u.texts().at(-1) ?? '';
        if (step.is !== undefined) expect(answer, `step ${i + 1}`).toBe(step.is);
        if (typeof step.expect === 'string') expect(answer, `step ${i + 1}`).toContain(step.expect);
        else if (step.expect) expect(answer, `step ${i + 1}`).toMatch(step.expect);
      }
    },
  };
}
