// The table of the scope test (tests/api-scope-refs.test.ts): for every write route with an id field, the
// requests that name a record outside the caller's scope or in a state that refuses it, with the answer each
// must get; and the id fields that name no record of ours, with the reason.
import { NOW, type Who, type World } from './scope-world.ts';
import { projectInput } from './project-fixtures.ts';

export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Body = Record<string, unknown>;

export interface Case {
  /** `body.x`, `query.x` or `path.x`; `*` for "only admins may use the route at all" */
  field: string;
  what: string;
  as: Who;
  /** merged into the route's body */
  body?: (w: World) => Body;
  /** instead of the route's URL */
  url?: (w: World) => string;
  status: number;
  code: string;
  /** bulk and merge answer 200 with a result per report: the code is the first report's */
  perItem?: boolean;
}

export interface Route {
  url: (w: World) => string;
  body?: (w: World) => Body;
  cases: Case[];
}

const DAY = 86_400_000;
const NONE = 999_999;
const ROLE = { status: 403, code: 'auth.role_required' };
const SCOPE = { status: 403, code: 'auth.out_of_scope' };
const adminOnly = (as: Who, body: (w: World) => Body = () => ({})): Case => ({
  field: '*',
  what: 'only admins may use it (admins have no scope)',
  as,
  body,
  ...ROLE,
});

/** Bulk and merge answer 200 with a result per report: the first report's carries the refusal. */
const perItem = (field: string, what: string, body: (w: World) => Body, code: string): Case => ({
  field,
  what,
  as: 'opA',
  body,
  status: 200,
  code,
  perItem: true,
});
/** A staff member who may not take the work (out of the region, inactive): 400. */
const badStaff = (field: string, what: string, as: Who, body: (w: World) => Body, code: string): Case => ({ field, what, as, body, status: 400, code });

const topicFields = (w: World): Body => ({
  stateBodyId: w.bodies.a,
  areaId: 4,
  year: 2026,
  titleKk: 'Қарттарға әлеуметтік қызмет',
  titleRu: 'Социальные услуги пожилым',
  fundingThousandTenge: '2500',
  justificationKk: 'Қажеттілік бар',
  justificationRu: 'Есть потребность',
  informationSource: 'Оценка потребностей',
  targetGroupKk: 'Қарттар',
  targetGroupRu: 'Пожилые',
  expectedResultKk: 'Қызмет көрсетіледі',
  expectedResultRu: 'Услуги оказаны',
});
const opportunityFields = (w: World): Body => {
  const startsAt = new Date(NOW.getTime() + 7 * DAY);
  return {
    titleKk: 'Ағаш отырғызу',
    titleRu: 'Посадка деревьев',
    organiserName: 'ҚБ «Жасыл ел»',
    regionId: w.regionA.id,
    place: 'Есіл жағалауы',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
    needed: 3,
  };
};
const offline = (w: World): Body => ({
  date: new Date(NOW.getTime() - DAY).toISOString(),
  channel: 'phone',
  topicId: w.consultationTopic,
  askerGroup: 'ngo',
  summary: 'Грант туралы сұрақ',
  result: 'answered',
});
const faqFields = (w: World): Body => ({
  topicId: w.consultationTopic,
  titleKk: 'Грант',
  titleRu: 'Грант',
  bodyKk: 'Байқауға өтінім беріледі.',
  bodyRu: 'Подаётся заявка на конкурс.',
});
const plannedFields = (w: World): Body => ({
  stateBodyId: w.bodies.a,
  planYear: 2027,
  areaId: 4,
  nameKk: 'Қарттарға қызмет',
  nameRu: 'Услуги пожилым',
  plannedSum: 2500,
  summaryKk: 'Қызмет көрсету',
  summaryRu: 'Оказание услуг',
});
const yesNo = { type: 'yes_no', textKk: 'Ұнады ма?', textRu: 'Понравилось?' };

const topicCases = (): Case[] => [
  { field: 'body.stateBodyId', what: "another region's body", as: 'pmA', body: (w) => ({ stateBodyId: w.bodies.b }), ...SCOPE },
  {
    field: 'body.stateBodyId',
    what: 'a switched-off body',
    as: 'pmA',
    body: (w) => ({ stateBodyId: w.bodies.off }),
    status: 400,
    code: 'discussion.body_not_found',
  },
  { field: 'body.regionId', what: 'another region', as: 'pmA', body: (w) => ({ regionId: w.regionB.id }), ...SCOPE },
];
const opportunityCases = (): Case[] => [
  { field: 'body.projectId', what: "another region's project", as: 'pmA', body: (w) => ({ projectId: w.projects.b }), ...SCOPE },
  { field: 'body.projectId', what: 'a finished project', as: 'pmA', body: (w) => ({ projectId: w.projects.finishedA }), status: 409, code: 'project.finished' },
  { field: 'body.regionId', what: 'another region', as: 'pmA', body: (w) => ({ regionId: w.regionB.id }), ...SCOPE },
  {
    field: 'body.districtId',
    what: 'a district of another region',
    as: 'pmA',
    body: (w) => ({ regionId: w.regionA.id, districtId: w.regionB.districtId }),
    status: 400,
    code: 'volunteer.district_not_in_region',
  },
  { field: 'body.areaId', what: 'no such area', as: 'pmA', body: () => ({ areaId: NONE }), status: 400, code: 'volunteer.unknown_area' },
];
const projectCases = (): Case[] => [
  { field: 'body.regionId', what: 'another region', as: 'pmA', body: (w) => ({ regionId: w.regionB.id }), ...SCOPE },
  { field: 'body.stateBodyId', what: "another region's body", as: 'pmA', body: (w) => ({ stateBodyId: w.bodies.b }), ...SCOPE },
  {
    field: 'body.stateBodyId',
    what: 'a switched-off body',
    as: 'pmA',
    body: (w) => ({ stateBodyId: w.bodies.off }),
    status: 400,
    code: 'project.unknown_state_body',
  },
];
const consultationCases = (): Case[] => [
  { field: 'body.regionId', what: 'another region', as: 'consA', body: (w) => ({ regionId: w.regionB.id }), ...SCOPE },
  {
    field: 'body.consultantId',
    what: "a colleague's name on one's own entry",
    as: 'consA',
    body: (w) => ({ consultantId: w.staff.consB }),
    status: 403,
    code: 'consultation.not_own',
  },
  {
    field: 'body.consultantId',
    what: 'an inactive consultant (admin)',
    as: 'admin',
    body: (w) => ({ consultantId: w.staff.consAsleep, regionId: w.regionA.id }),
    status: 400,
    code: 'consultation.bad_consultant',
  },
  { field: 'body.topicId', what: 'no such topic', as: 'consA', body: () => ({ topicId: NONE }), status: 400, code: 'consultation.unknown_topic' },
];

const staffCases = (districtWhat: string): Case[] => [
  { field: 'body.regionId', what: 'no such region', as: 'admin', body: () => ({ regionId: NONE }), status: 400, code: 'staff.unknown_region' },
  {
    field: 'body.districtId',
    what: districtWhat,
    as: 'admin',
    body: (w) => ({ districtId: w.regionB.districtId }),
    status: 400,
    code: 'staff.district_not_in_region',
  },
  { field: 'body.departmentId', what: 'no such department', as: 'admin', body: () => ({ departmentId: NONE }), status: 400, code: 'staff.unknown_department' },
];
const skipRuleCases = (): Case[] => [
  {
    field: 'body.showIfQuestionId',
    what: "a question of another region's poll",
    as: 'pmA',
    body: (w) => ({ showIfQuestionId: w.polls.bQuestion, showIfAnswers: ['yes'] }),
    status: 400,
    code: 'poll.skip_rule_not_earlier',
  },
];

/** Every write route with an id field, by "METHOD /path" as the OpenAPI document names it. */
export const ROUTES: Record<string, Route> = {
  'POST /api/staff': {
    url: () => '/api/staff',
    body: (w) => ({ login: 'scope-new', fullName: 'Жаңа қызметкер', password: 'Scope-new-9vQ!x2Lm', roles: ['operator'], regionId: w.regionA.id }),
    cases: [adminOnly('opA'), ...staffCases('a district of another region')],
  },
  'PATCH /api/staff/{id}': {
    url: (w) => `/api/staff/${w.staff.opA2}`,
    cases: [adminOnly('opA', (w) => ({ regionId: w.regionB.id })), ...staffCases("a district outside the account's region")],
  },
  'PATCH /api/reference/categories/{id}': {
    url: (w) => `/api/reference/categories/${w.category}`,
    cases: [
      adminOnly('opA', () => ({ deadlineDays: 3 })),
      {
        field: 'body.departmentId',
        what: 'a closed department',
        as: 'admin',
        body: (w) => ({ departmentId: w.departmentOff }),
        status: 400,
        code: 'report.unknown_department',
      },
    ],
  },
  'POST /api/reports/{id}/status': {
    url: (w) => `/api/reports/${w.reports.a}/status`,
    cases: [
      {
        field: 'body.duplicateOfId',
        what: "another region's report",
        as: 'opA',
        body: (w) => ({ to: 'duplicate', duplicateOfId: w.reports.b, publicNote: 'dup' }),
        ...SCOPE,
      },
      {
        field: 'body.duplicateOfId',
        what: 'a rejected, hidden report (as /merge)',
        as: 'opA',
        body: (w) => ({ to: 'duplicate', duplicateOfId: w.reports.closedHidden, publicNote: 'dup' }),
        status: 409,
        code: 'report.merge_target_closed',
      },
      {
        field: 'body.templateId',
        what: 'a switched-off template',
        as: 'opA',
        body: (w) => ({ to: 'in_work', templateId: w.templateOff }),
        status: 400,
        code: 'template.inactive',
      },
      {
        field: 'body.templateId',
        what: 'no such template',
        as: 'opA',
        body: () => ({ to: 'in_work', templateId: NONE }),
        status: 404,
        code: 'template.not_found',
      },
    ],
  },
  'POST /api/reports/{id}/assign': {
    url: (w) => `/api/reports/${w.reports.a}/assign`,
    cases: [
      {
        field: 'body.departmentId',
        what: 'a closed department',
        as: 'opA',
        body: (w) => ({ departmentId: w.departmentOff }),
        status: 400,
        code: 'report.unknown_department',
      },
      badStaff('body.assigneeId', "another region's operator", 'opA', (w) => ({ assigneeId: w.staff.opB }), 'report.bad_assignee'),
      badStaff('body.assigneeId', 'an inactive operator', 'opA', (w) => ({ assigneeId: w.staff.opAsleep }), 'report.bad_assignee'),
    ],
  },
  'POST /api/reports/bulk/status': {
    url: () => '/api/reports/bulk/status',
    cases: [
      perItem('body.ids', "another region's report", (w) => ({ to: 'in_work', ids: [w.reports.b] }), 'auth.out_of_scope'),
      perItem('body.ids', 'a rejected report', (w) => ({ to: 'in_work', ids: [w.reports.closedHidden] }), 'report.bad_transition'),
      perItem('body.templateId', 'a switched-off template', (w) => ({ to: 'in_work', templateId: w.templateOff, ids: [w.reports.a] }), 'template.inactive'),
    ],
  },
  // No file of another report is of this one: the same 404 as an id that names nothing (world reports carry no files).
  'POST /api/reports/{id}/evidence/{evidenceId}/withhold': {
    url: (w) => `/api/reports/${w.reports.a}/evidence/2000000000/withhold`,
    body: () => ({ reason: 'лицо прохожего' }),
    cases: [{ field: 'path.evidenceId', what: 'a file that is not this report’s', as: 'opA', status: 404, code: 'evidence.not_found' }],
  },
  'POST /api/reports/{id}/evidence/{evidenceId}/release': {
    url: (w) => `/api/reports/${w.reports.a}/evidence/2000000000/release`,
    cases: [{ field: 'path.evidenceId', what: 'a file that is not this report’s', as: 'modA', status: 404, code: 'evidence.not_found' }],
  },
  'POST /api/reports/{id}/merge': {
    url: (w) => `/api/reports/${w.reports.a}/merge`,
    cases: [
      perItem('body.duplicateIds', "another region's report", (w) => ({ duplicateIds: [w.reports.b] }), 'auth.out_of_scope'),
      perItem('body.duplicateIds', 'a rejected report', (w) => ({ duplicateIds: [w.reports.closedHidden] }), 'report.bad_transition'),
    ],
  },
  'POST /api/report-templates': {
    url: () => '/api/report-templates',
    body: () => ({ status: 'in_work', title: 'Жұмыста', textKk: 'Жұмысқа алынды', textRu: 'Принято в работу' }),
    cases: [
      adminOnly('opA'),
      { field: 'body.categoryId', what: 'no such category', as: 'admin', body: () => ({ categoryId: NONE }), status: 400, code: 'template.unknown_category' },
    ],
  },
  'PATCH /api/report-templates/{id}': {
    url: (w) => `/api/report-templates/${w.templateOff}`,
    cases: [
      adminOnly('opA', () => ({ title: 'Жаңа' })),
      { field: 'body.categoryId', what: 'no such category', as: 'admin', body: () => ({ categoryId: NONE }), status: 400, code: 'template.unknown_category' },
    ],
  },
  'POST /api/api-clients': {
    url: () => '/api/api-clients',
    body: () => ({ name: 'Қала порталы' }),
    cases: [
      adminOnly('opA'),
      { field: 'body.regionId', what: 'no such region', as: 'admin', body: () => ({ regionId: NONE }), status: 400, code: 'api_client.unknown_region' },
    ],
  },
  'PATCH /api/api-clients/{id}': {
    url: (w) => `/api/api-clients/${w.apiClient}`,
    cases: [
      adminOnly('opA', () => ({ name: 'Жаңа' })),
      { field: 'body.regionId', what: 'no such region', as: 'admin', body: () => ({ regionId: NONE }), status: 400, code: 'api_client.unknown_region' },
    ],
  },
  'POST /api/questions/{id}/handover': {
    url: (w) => `/api/questions/${w.question}/handover`,
    cases: [
      badStaff(
        'body.consultantId',
        'a consultant whose region does not cover the question',
        'consA',
        (w) => ({ consultantId: w.staff.consB }),
        'question.bad_consultant',
      ),
      badStaff('body.consultantId', 'an inactive consultant', 'consA', (w) => ({ consultantId: w.staff.consAsleep }), 'question.bad_consultant'),
    ],
  },
  'POST /api/faq': {
    url: () => '/api/faq',
    body: faqFields,
    cases: [{ field: 'body.topicId', what: 'no such topic', as: 'consA', body: () => ({ topicId: NONE }), status: 400, code: 'faq.unknown_topic' }],
  },
  'PATCH /api/faq/{id}': {
    url: (w) => `/api/faq/${w.faq}`,
    cases: [{ field: 'body.topicId', what: 'no such topic', as: 'consA', body: () => ({ topicId: NONE }), status: 400, code: 'faq.unknown_topic' }],
  },
  'POST /api/consultations': { url: () => '/api/consultations', body: offline, cases: consultationCases() },
  'PATCH /api/consultations/{id}': { url: (w) => `/api/consultations/${w.consultation}`, cases: consultationCases() },
  'POST /api/state-bodies': {
    url: () => '/api/state-bodies',
    body: (w) => ({ code: 'scope-new-body', nameKk: 'Жаңа орган', nameRu: 'Новый орган', regionId: w.regionA.id, active: true }),
    cases: [
      adminOnly('pmA'),
      { field: 'body.regionId', what: 'no such region', as: 'admin', body: () => ({ regionId: NONE }), status: 400, code: 'discussion.unknown_region' },
    ],
  },
  'PATCH /api/state-bodies/{id}': {
    url: (w) => `/api/state-bodies/${w.bodies.a}`,
    cases: [
      adminOnly('pmA', () => ({ nameRu: 'Иное' })),
      { field: 'body.regionId', what: 'no such region', as: 'admin', body: () => ({ regionId: NONE }), status: 400, code: 'discussion.unknown_region' },
    ],
  },
  'PUT /api/staff/{id}/state-body': {
    url: (w) => `/api/staff/${w.staff.pmA}/state-body`,
    cases: [
      adminOnly('pmA', (w) => ({ stateBodyId: w.bodies.a })),
      { field: 'body.stateBodyId', what: 'no such body', as: 'admin', body: () => ({ stateBodyId: NONE }), status: 404, code: 'discussion.body_not_found' },
    ],
  },
  'POST /api/discussions': {
    url: () => '/api/discussions',
    body: topicFields,
    cases: [
      ...topicCases(),
      {
        field: 'body.needsAssessment.regionId',
        what: "another region's needs assessment",
        as: 'pmA',
        body: (w) => ({
          ...topicFields(w),
          justificationKk: undefined,
          justificationRu: undefined,
          informationSource: undefined,
          needsAssessment: { regionId: w.regionB.id },
        }),
        ...SCOPE,
      },
    ],
  },
  'PATCH /api/discussions/{id}': { url: (w) => `/api/discussions/${w.topics.draftA}`, cases: topicCases() },
  'PUT /api/discussions/{id}/comments/{commentId}/decision': {
    url: (w) => `/api/discussions/${w.topics.endedA}/comments/${w.comments.b}/decision`,
    body: () => ({ decision: 'accepted' }),
    cases: [{ field: 'path.commentId', what: "a comment of another region's topic", as: 'pmA', status: 404, code: 'discussion.comment_not_found' }],
  },
  'POST /api/volunteering/opportunities': { url: () => '/api/volunteering/opportunities', body: opportunityFields, cases: opportunityCases() },
  'PATCH /api/volunteering/opportunities/{id}': { url: (w) => `/api/volunteering/opportunities/${w.opportunity}`, cases: opportunityCases() },
  'POST /api/projects': { url: () => '/api/projects', body: (w) => ({ ...projectInput(w.regionA.id) }), cases: projectCases() },
  'PATCH /api/projects/{id}': { url: (w) => `/api/projects/${w.projects.a}`, cases: projectCases() },
  'DELETE /api/projects/{id}/beneficiaries/{beneficiaryId}': {
    url: (w) => `/api/projects/${w.projects.a}/beneficiaries/${w.beneficiaryB}`,
    cases: [{ field: 'path.beneficiaryId', what: "a beneficiary of another region's project", as: 'pmA', status: 404, code: 'project.beneficiary_not_found' }],
  },
  'POST /api/expert-councils': {
    url: () => '/api/expert-councils',
    body: () => ({ name: 'Кеңес' }),
    cases: [
      adminOnly('pmA'),
      { field: 'body.regionId', what: 'no such region', as: 'admin', body: () => ({ regionId: NONE }), status: 400, code: 'project.unknown_region' },
      { field: 'body.stateBodyId', what: 'no such body', as: 'admin', body: () => ({ stateBodyId: NONE }), status: 400, code: 'project.unknown_state_body' },
    ],
  },
  'PATCH /api/expert-councils/{id}': {
    url: (w) => `/api/expert-councils/${w.council}`,
    cases: [
      adminOnly('pmA', () => ({ name: 'Жаңа' })),
      { field: 'body.regionId', what: 'no such region', as: 'admin', body: () => ({ regionId: NONE }), status: 400, code: 'project.unknown_region' },
      { field: 'body.stateBodyId', what: 'no such body', as: 'admin', body: () => ({ stateBodyId: NONE }), status: 400, code: 'project.unknown_state_body' },
    ],
  },
  'PUT /api/expert-councils/{id}/members/{staffUserId}': {
    url: (w) => `/api/expert-councils/${w.council}/members/${w.staff.opA2}`,
    body: () => ({ position: 'Сарапшы' }),
    cases: [
      adminOnly('pmA'),
      { field: 'path.staffUserId', what: 'an account without the expert role', as: 'admin', status: 400, code: 'evaluation.not_expert' },
    ],
  },
  'DELETE /api/expert-councils/{id}/members/{staffUserId}': {
    url: (w) => `/api/expert-councils/${w.council}/members/${w.staff.expert}`,
    cases: [adminOnly('pmA'), { field: 'path.staffUserId', what: 'an expert who is no member', as: 'admin', status: 404, code: 'evaluation.member_not_found' }],
  },
  'PUT /api/projects/{id}/council': {
    url: (w) => `/api/projects/${w.projects.finishedA}/council`,
    body: (w) => ({ councilId: w.council }),
    cases: [
      adminOnly('pmA'),
      { field: 'body.councilId', what: 'no such council', as: 'admin', body: () => ({ councilId: NONE }), status: 404, code: 'evaluation.council_not_found' },
      {
        field: 'body.councilId',
        what: 'a project not finished yet',
        as: 'admin',
        url: (w) => `/api/projects/${w.projects.a}/council`,
        status: 409,
        code: 'evaluation.project_not_finished',
      },
    ],
  },
  'POST /api/polls': {
    url: () => '/api/polls',
    body: () => ({ titleKk: 'Сауалнама', titleRu: 'Опрос' }),
    cases: [
      { field: 'body.projectId', what: "another region's project", as: 'pmA', body: (w) => ({ projectId: w.projects.b }), ...SCOPE },
      { field: 'body.projectId', what: 'no such project', as: 'pmA', body: () => ({ projectId: NONE }), status: 404, code: 'project.not_found' },
    ],
  },
  'POST /api/polls/{id}/questions': {
    url: (w) => `/api/polls/${w.polls.a}/questions`,
    body: () => yesNo,
    cases: skipRuleCases(),
  },
  'PATCH /api/polls/questions/{id}': {
    url: (w) => `/api/polls/questions/${w.polls.aQuestion}`,
    cases: skipRuleCases(),
  },
  'POST /api/monitoring/planned-projects': {
    url: () => '/api/monitoring/planned-projects',
    body: plannedFields,
    cases: [
      { field: 'body.stateBodyId', what: "another region's body", as: 'pmA', body: (w) => ({ stateBodyId: w.bodies.b }), ...SCOPE },
      { field: 'body.stateBodyId', what: 'no such body', as: 'pmA', body: () => ({ stateBodyId: NONE }), status: 404, code: 'monitoring_forms.body_not_found' },
    ],
  },
  'POST /api/monitoring/planned-projects/from-topics': {
    url: () => '/api/monitoring/planned-projects/from-topics',
    body: (w) => ({ stateBodyId: w.bodies.a, planYear: 2026, topicIds: [w.topics.endedA] }),
    cases: [
      { field: 'body.stateBodyId', what: "another region's body", as: 'pmA', body: (w) => ({ stateBodyId: w.bodies.b }), ...SCOPE },
      {
        field: 'body.topicIds',
        what: "another region's topic",
        as: 'pmA',
        body: (w) => ({ topicIds: [w.topics.openB] }),
        status: 400,
        code: 'monitoring_forms.topic_not_of_body',
      },
    ],
  },
  'POST /api/monitoring/reports': {
    url: () => '/api/monitoring/reports',
    body: (w) => ({ stateBodyId: w.bodies.a, year: 2026, kind: 'half_year' }),
    cases: [
      { field: 'body.stateBodyId', what: "another region's body", as: 'pmA', body: (w) => ({ stateBodyId: w.bodies.b }), ...SCOPE },
      { field: 'body.stateBodyId', what: 'no such body', as: 'pmA', body: () => ({ stateBodyId: NONE }), status: 404, code: 'monitoring_forms.body_not_found' },
    ],
  },
  'PATCH /api/monitoring/reports/{id}/rows/{projectId}': {
    url: (w) => `/api/monitoring/reports/${w.monitoringReport}/rows/${w.projects.a}`,
    body: () => ({ col7Kk: 'мәтін', col7Ru: 'текст' }),
    cases: [
      {
        field: 'path.projectId',
        what: "another region's project, not in the report",
        as: 'pmA',
        url: (w) => `/api/monitoring/reports/${w.monitoringReport}/rows/${w.projects.b}`,
        status: 404,
        code: 'monitoring_forms.row_not_found',
      },
    ],
  },
  'POST /api/monitoring/activities/{id}/events': {
    url: (w) => `/api/monitoring/activities/${w.monitoring.activityA}/events`,
    cases: [
      {
        field: 'body.eventId',
        what: "another region's project's event",
        as: 'pmA',
        body: (w) => ({ eventId: w.monitoring.eventB, link: true }),
        status: 400,
        code: 'monitoring.event_not_found',
      },
    ],
  },
  'POST /api/monitoring/projects/{id}/monitor': {
    url: (w) => `/api/monitoring/projects/${w.projects.a}/monitor`,
    cases: [
      {
        field: 'body.expertId',
        what: "another region's operator, no expert",
        as: 'pmA',
        body: (w) => ({ expertId: w.staff.opB }),
        status: 400,
        code: 'monitoring.not_expert',
      },
      { field: 'body.expertId', what: 'no such staff member', as: 'pmA', body: () => ({ expertId: NONE }), status: 400, code: 'monitoring.not_expert' },
    ],
  },
  'PUT /api/monitoring/rounds/{id}/activities/{activityId}': {
    url: (w) => `/api/monitoring/rounds/${w.monitoring.round}/activities/${w.monitoring.activityA}`,
    body: () => ({ status: 'not_due' }),
    cases: [
      {
        field: 'path.activityId',
        what: "another region's project's activity",
        as: 'pmA',
        url: (w) => `/api/monitoring/rounds/${w.monitoring.round}/activities/${w.monitoring.activityB}`,
        status: 400,
        code: 'monitoring.activity_not_found',
      },
    ],
  },
  'PUT /api/monitoring/rounds/{id}/standard': {
    url: (w) => `/api/monitoring/rounds/${w.monitoring.round}/standard`,
    // The same refusal for every item that is not one of the project's service kind in force.
    cases: (
      [
        ['an item of a service kind the project does not provide', (w) => w.monitoring.itemOtherKind],
        ["a retired item of the project's service kind", (w) => w.monitoring.itemRetired],
        ['no such item', () => NONE],
      ] as Array<[string, (w: World) => number]>
    ).map(([what, itemId]): Case => ({
      field: 'body.items.itemId',
      what,
      as: 'pmA',
      body: (w) => ({ items: [{ itemId: itemId(w), compliant: true }] }),
      status: 400,
      code: 'monitoring.standard_item_not_found',
    })),
  },
  'PUT /api/monitoring/rounds/{id}/tools/{tool}': {
    url: (w) => `/api/monitoring/rounds/${w.monitoring.round}/tools/survey`,
    cases: [
      {
        field: 'body.details.waveIds',
        what: "a wave of another region's project's poll",
        as: 'pmA',
        body: (w) => ({ tool: 'survey', findings: 'Сауалнама нәтижесі', details: { waveIds: [w.monitoring.waveB], interviews: [] } }),
        status: 400,
        code: 'monitoring.wave_not_of_project',
      },
    ],
  },
};

/** Id fields that name no record of ours, with the reason. */
export const NOT_OURS: Record<string, string> = {
  'POST /api/staff body.telegramId': "the staff member's Telegram account",
  'PATCH /api/staff/{id} body.telegramId': "the staff member's Telegram account",
  'PATCH /api/reference/departments/{id} body.telegramChatId': "the department's Telegram group",
  'PATCH /api/consultation-topics/{id} body.telegramChatId': "the topic's Telegram group",
  'POST /api/discussions body.areaId': 'one of the 19 areas, the same for everyone; the schema admits 1–19 only, and all exist',
  'PATCH /api/discussions/{id} body.areaId': 'one of the 19 areas, as above',
  'POST /api/projects body.areaId': 'one of the 19 areas, as above',
  'PATCH /api/projects/{id} body.areaId': 'one of the 19 areas, as above',
  'POST /api/monitoring/planned-projects body.areaId': 'one of the 19 areas, as above',
  'PATCH /api/monitoring/planned-projects/{id} body.areaId': 'one of the 19 areas, as above',
  'POST /open311/v2/requests.{format} body.jurisdiction_id': 'a public region code; Open311 clients are no staff and may file in any region (unknown: 404)',
  'POST /open311/v2/requests.{format} body.device_id': "the client's own device string (GeoReport v2)",
  'POST /open311/v2/requests.{format} body.account_id': "the client's own account string (GeoReport v2)",
};

/**
 * Id fields of this stop's capabilities (initiatives, impact) that the world above does not hold yet. Their own
 * suites check the caller's scope on each of these routes (403 from another region or project, 404 for an id that
 * is not the project's or initiative's), but not yet as one case per field against this world: moving them into
 * ROUTES is open work. Listed, so a field added after them still fails the coverage test.
 */
export const CHECKED_IN_THEIR_SUITES: Record<string, string> = {
  'DELETE /api/initiatives/{id}/partners/{subId} path.subId': 'tests/initiative-api.test.ts',
  'DELETE /api/initiatives/{id}/patrons/{subId} path.subId': 'tests/initiative-api.test.ts',
  'POST /api/initiatives/{id}/photos/{subId}/release path.subId': 'tests/initiative-api.test.ts',
  'POST /api/initiatives/{id}/photos/{subId}/withhold path.subId': 'tests/initiative-api.test.ts',
  'PUT /api/initiatives/{id}/updates/{subId}/photos path.subId': 'tests/initiative-api.test.ts',
  'POST /api/initiatives/{id}/reject body.duplicateOfId': 'tests/initiative-api.test.ts',
  'POST /api/initiatives/{id}/take body.projectId': 'tests/initiative-api.test.ts',
  'POST /api/volunteering/opportunities body.initiativeId': 'tests/initiative-api.test.ts',
  'PATCH /api/volunteering/opportunities/{id} body.initiativeId': 'tests/initiative-api.test.ts',
  'POST /api/discussions body.sourceInitiativeId': 'tests/initiative-api.test.ts',
  'PATCH /api/consultations/{id} body.projectId': 'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'POST /api/consultations body.projectId': 'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'PATCH /api/impact/nodes/{id} body.activityId': 'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'POST /api/impact/nodes/{id}/indicators body.sourceConfig.activityId':
    'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'POST /api/impact/nodes/{id}/indicators body.sourceConfig.questionId':
    'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'POST /api/impact/projects/{id}/nodes body.activityId': 'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'POST /api/impact/projects/{id}/nodes body.parentId': 'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'POST /api/impact/projects/{id}/outcome-measures body.indicatorId':
    'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'POST /api/impact/projects/{id}/outcome-measures body.questionId':
    'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'POST /api/impact/projects/{id}/sroi/outcomes body.indicatorId': 'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'POST /api/impact/projects/{id}/sroi/outcomes body.proxyId': 'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'PUT /api/impact/indicators/{id} body.sourceConfig.activityId': 'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'PUT /api/impact/indicators/{id} body.sourceConfig.questionId': 'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'PUT /api/impact/sroi/outcomes/{id} body.indicatorId': 'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
  'PUT /api/impact/sroi/outcomes/{id} body.proxyId': 'tests/impact-framework.test.ts, tests/impact-sroi.test.ts, tests/consultation-log.test.ts',
};
