// What a suite's tests share, made once before them: `const given = useFixture(async () => ({ … }))` at
// describe time, then `given.operator`, `given.regionId` … in the tests. One object instead of a `let` per
// value and an assignment for each in beforeAll.
import { beforeAll } from 'vitest';
import { lateBound } from './late-bound.ts';

export function useFixture<T extends object>(make: () => Promise<T>, timeout?: number): T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await make();
  }, timeout);
  return lateBound('the suite’s fixture', () => value);
}
