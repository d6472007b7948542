// The report buttons that only the bot makes and reads: "my reports", the author's rating after a fix
// (outside any conversation), and the steps of the report conversations. Their data is stored in
// citizens' chats, so each family keeps its wire format.
import { defineButton, id, idOr, int, oneOf, token } from '../../core/offers/button.ts';
import { defineFlowButton } from '../flow-kit.ts';

/** A page of "my reports", from `offset`. */
export const myReportsPage = defineButton('mr:list', { offset: id });
export const openMyReport = defineButton('mr:open', { reportId: id });
/** A comment or more files for an open report of one's own. */
export const addToReport = defineButton('mr', { what: oneOf('com', 'files'), reportId: id });
/** "Solved it myself", and its confirmation. */
export const closeMyReport = defineButton('mr:self', { reportId: id });
export const closeMyReportSure = defineButton('mr:selfok', { reportId: id });
/** The author shows (1) or hides (0) their name on the report's public page. */
export const showMyName = defineButton('mr:name', { reportId: id, show: int(0, 1) });
/** The author's score after confirming the fix. */
export const rateFix = defineButton('rr', { reportId: id, score: int(1, 5) });

// The report conversation (report-flow.ts) and adding to a report (my-reports.ts).
export const pickCategory = defineFlowButton('@cat', { categoryId: id });
export const pickRegion = defineFlowButton('@reg', { regionId: id });
/** The saved region, or "another one". */
export const savedRegionOrOther = defineFlowButton('@reg', { regionId: idOr('other') });
export const pickDistrict = defineFlowButton('@dis', { districtId: idOr('none') });
/** Keep a point outside Kazakhstan anyway. */
export const keepLocation = defineFlowButton('@loc:keep');
export const evidenceStep = defineFlowButton('@ev', { action: oneOf('done', 'clear') });
/** 1: the name is hidden from the public. */
export const anonymity = defineFlowButton('@anon', { hidden: int(0, 1) });
/** Send, discard, or a step to change. */
export const summaryChoice = defineFlowButton('@sum', { choice: token('\\w+') });
/** Whether a button's data is the summary's «send» (its update reads the candidates for the duplicates offer with the draft). */
export const isSummarySend = (data: string | undefined) => data !== undefined && summaryChoice.decode(data)?.choice === 'send';
/** Support an open report that looks the same, or file a new one. */
export const duplicateChoice = defineFlowButton('@dup', { reportId: idOr('new') });
/** Go on with the saved draft, or start again. */
export const draftChoice = defineFlowButton('@draft', { choice: oneOf('go', 'new') });
