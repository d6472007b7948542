// /mydata shows the projects a citizen joined; /deletedata keeps the beneficiary rows (the project's
// counts stay right) but nothing personal remains on them: the gender, birth year and social status they
// showed came from the citizen's profile, which the erasure clears.
import type { PersonalDataSection } from '../citizens/citizen-service.ts';

export const projectPersonalData: PersonalDataSection = {
  key: 'projects',
  async describe(tx, citizenId) {
    const count = await tx.projectBeneficiary.count({ where: { citizenId } });
    return count ? { count } : null;
  },
  async erase(tx, citizenId) {
    await tx.projectBeneficiary.updateMany({ where: { citizenId }, data: { fullName: null, phone: null, gender: null, birthYear: null, socialStatus: null } });
  },
};
