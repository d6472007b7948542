// A flow whose code changed must say whether its conversations still replay: either its version is raised
// (citizens in the middle of it start again from their draft, bot/flow-resume.ts) or the change is
// re-stamped as harmless (npm run flows:stamp). This test notices when neither was done.
import { describe, expect, it } from 'vitest';
import { currentStamps, recordedStamps, stampProblems, type FlowStamp } from '../app/flow-stamp.ts';

const stamp = (version: number, sha: string): FlowStamp => ({ version, sha, files: ['bot/reports/report-flow.ts'] });

describe('flow versions', () => {
  it('match the stamps in bot/flow-versions.json', async () => {
    expect(stampProblems(recordedStamps(), await currentStamps())).toEqual([]);
  });

  it('ask for a version or a re-stamp when a flow changed, and for a stamp when one is new, bumped or gone', () => {
    const problems = stampProblems(
      { report: stamp(1, 'aaa'), ask: stamp(1, 'bbb'), old: stamp(3, 'ccc') },
      { report: stamp(1, 'ddd'), ask: stamp(2, 'eee'), poll: stamp(1, 'fff') },
    );
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^flow "report" changed since version 1 was stamped .*raise its version.*re-stamp/);
    expect(problems[1]).toMatch(/^flow "ask" is at version 2, stamped at 1/);
    expect(problems[2]).toMatch(/^flow "poll" is new/);
    expect(problems[3]).toMatch(/^flow "old" is gone/);
    expect(stampProblems({ report: stamp(2, 'aaa') }, { report: stamp(2, 'aaa') })).toEqual([]);
  });
});
