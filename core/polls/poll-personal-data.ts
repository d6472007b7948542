// /mydata counts the citizen's poll responses and unfinished ones; /deletedata drops the unfinished
// drafts and unlinks the responses from the citizen, so they count in the results like anonymous ones
// (the invitations keep that someone answered, so the wave's numbers and the one-answer rule stay right).
import type { PersonalDataSection } from '../citizens/citizen-service.ts';

export const pollPersonalData: PersonalDataSection = {
  key: 'polls',
  async describe(tx, citizenId) {
    const count = await tx.pollResponse.count({ where: { citizenId } });
    const draft = await tx.pollResponseDraft.count({ where: { citizenId } });
    return count || draft ? { count, ...(draft ? { draft } : {}) } : null;
  },
  async erase(tx, citizenId) {
    await tx.pollResponseDraft.deleteMany({ where: { citizenId } });
    await tx.pollResponse.updateMany({ where: { citizenId }, data: { citizenId: null } });
  },
};
