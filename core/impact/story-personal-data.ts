// /mydata counts the citizen's stories of change; /deletedata erases their words, voice and name (the rows
// stay as "erased", so a selection keeps its reason and the period's count stays right).
import type { PersonalDataSection } from '../citizens/citizen-service.ts';
import type { ImpactFiles } from './impact-files.ts';
import { erased } from './stories.ts';

export function storyPersonalData(files: ImpactFiles): PersonalDataSection {
  return {
    key: 'impact',
    async describe(tx, citizenId) {
      const stories = await tx.changeStory.count({ where: { citizenId, status: 'submitted' } });
      const drafts = await tx.changeStory.count({ where: { citizenId, status: 'draft' } });
      return stories || drafts ? { stories, ...(drafts ? { drafts } : {}) } : null;
    },
    async erase(tx, citizenId, at) {
      const voices = await tx.changeStory.findMany({ where: { citizenId, voicePath: { not: null } }, select: { voicePath: true } });
      await tx.changeStory.updateMany({ where: { citizenId }, data: { ...erased(at), citizenId: null } });
      // the files go too; a failed removal leaves an unreferenced file, never a readable story
      for (const v of voices) await files.remove(v.voicePath).catch(() => undefined);
    },
  };
}
