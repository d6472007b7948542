// Button families: each writes exactly the callback data the bot wrote before it had them (buttons already
// in citizens' chats must keep working), reads it back to the same values, and accepts exactly what the
// old hand-written pattern accepted. The codec itself: typed fields, a 64-byte limit, foreign data refused.
import { describe, expect, it } from 'vitest';
import { anyButton, DATA_MAX_BYTES, defineButton, id, idOr, int, oneOf, scoreOffers, token } from '../../core/offers/button.ts';
import { answerAction, rateAnswer, ratingOffers, takeQuestion } from '../../core/consultations/consultations-buttons.ts';
import { openTopic } from '../../core/discussions/discussions-buttons.ts';
import { startPoll } from '../../core/polls/polls-buttons.ts';
import { confirmFix, staffAction } from '../../core/reports/reports-buttons.ts';
import { confirmAttendance, openOpportunity } from '../../core/volunteering/volunteering-buttons.ts';
import * as citizens from '../../bot/citizens/buttons.ts';
import * as consultations from '../../bot/consultations/buttons.ts';
import * as discussions from '../../bot/discussions/buttons.ts';
import * as polls from '../../bot/polls/buttons.ts';
import * as reports from '../../bot/reports/buttons.ts';
import * as volunteering from '../../bot/volunteering/buttons.ts';
import { defineFlowButton } from '../../bot/flow-kit.ts';

type Family = { encode(v?: any): string; decode(data: string): unknown; pattern: RegExp };

/** family, its values, the data the old code wrote for them, and the pattern the old handler matched with */
const CASES: Array<[string, Family, Record<string, unknown> | undefined, string, RegExp]> = [
  // Built in core, answered in the bot.
  ['rc', confirmFix, { answer: 'ok', reportId: 41 }, 'rc:ok:41', /^rc:(ok|no):(\d+)$/],
  ['rc', confirmFix, { answer: 'no', reportId: 41 }, 'rc:no:41', /^rc:(ok|no):(\d+)$/],
  ['sg', staffAction, { action: 'acc', reportId: 7 }, 'sg:acc:7', /^sg:(acc|res|rej):(\d+)$/],
  ['sg', staffAction, { action: 'rej', reportId: 7 }, 'sg:rej:7', /^sg:(acc|res|rej):(\d+)$/],
  ['qa', answerAction, { action: 'more', questionId: 12 }, 'qa:more:12', /^qa:(more|close):(\d+)$/],
  ['qa', answerAction, { action: 'close', questionId: 12 }, 'qa:close:12', /^qa:(more|close):(\d+)$/],
  ['qr', rateAnswer, { questionId: 12, score: 5 }, 'qr:12:5', /^qr:(\d+):([1-5])$/],
  ['cq:take', takeQuestion, { questionId: 3 }, 'cq:take:3', /^cq:take:(\d+)$/],
  ['tp:open', openTopic, { topicId: 88 }, 'tp:open:88', /^tp:open:(\d+)$/],
  ['vo:o', openOpportunity, { opportunityId: 5 }, 'vo:o:5', /^vo:o:(\d+)$/],
  ['vo:conf', confirmAttendance, { applicationId: 9, answer: 'y' }, 'vo:conf:9:y', /^vo:conf:(\d+):([yn])$/],
  ['vo:conf', confirmAttendance, { applicationId: 9, answer: 'n' }, 'vo:conf:9:n', /^vo:conf:(\d+):([yn])$/],
  ['pl:go', startPoll, { waveId: 31 }, 'pl:go:31', /^pl:go:(\d+)$/],
  // Bot only, outside conversations.
  ['mr:list', reports.myReportsPage, { offset: 8 }, 'mr:list:8', /^mr:list:(\d+)$/],
  ['mr:open', reports.openMyReport, { reportId: 4 }, 'mr:open:4', /^mr:open:(\d+)$/],
  ['mr', reports.addToReport, { what: 'com', reportId: 4 }, 'mr:com:4', /^mr:(com|files):(\d+)$/],
  ['mr', reports.addToReport, { what: 'files', reportId: 4 }, 'mr:files:4', /^mr:(com|files):(\d+)$/],
  ['mr:self', reports.closeMyReport, { reportId: 4 }, 'mr:self:4', /^mr:self:(\d+)$/],
  ['mr:selfok', reports.closeMyReportSure, { reportId: 4 }, 'mr:selfok:4', /^mr:selfok:(\d+)$/],
  ['rr', reports.rateFix, { reportId: 4, score: 3 }, 'rr:4:3', /^rr:(\d+):([1-5])$/],
  ['aq:new', consultations.newQuestion, undefined, 'aq:new', /^aq:new$/],
  ['aq:list', consultations.myQuestionsPage, { offset: 0 }, 'aq:list:0', /^aq:list:(\d+)$/],
  ['aq:open', consultations.openMyQuestion, { questionId: 2 }, 'aq:open:2', /^aq:open:(\d+)$/],
  ['qc', consultations.rateComment, { questionId: 2, score: 4 }, 'qc:2:4', /^qc:(\d+):([1-5])$/],
  ['faq:topics', consultations.faqTopics, undefined, 'faq:topics', /^faq:topics$/],
  ['faq:t', consultations.faqTopic, { topicId: 6 }, 'faq:t:6', /^faq:t:(\d+)$/],
  ['faq:a', consultations.faqArticle, { articleId: 60 }, 'faq:a:60', /^faq:a:(\d+)$/],
  ['tp:list', discussions.topicsPage, { mode: 'f', offset: 0 }, 'tp:list:f:0', /^tp:list:([af]):(\d+)$/],
  ['tp:list', discussions.topicsPage, { mode: 'a', offset: 16 }, 'tp:list:a:16', /^tp:list:([af]):(\d+)$/],
  ['tp:com', discussions.writeComment, { topicId: 88 }, 'tp:com:88', /^tp:com:(\d+)$/],
  ['tp:flag', discussions.flagComment, { commentId: 900 }, 'tp:flag:900', /^tp:flag:(\d+)$/],
  ['tp:my', discussions.myCommentsPage, { offset: 5 }, 'tp:my:5', /^tp:my:(\d+)$/],
  ['tp:subs', discussions.subscriptions, undefined, 'tp:subs', /^tp:subs$/],
  ['tp:sub', discussions.subscriptionChoices, { kind: 'a' }, 'tp:sub:a', /^tp:sub:([ar])$/],
  ['tp:sub', discussions.toggleSubscription, { kind: 'r', itemId: 17 }, 'tp:sub:r:17', /^tp:sub:([ar]):(\d+)$/],
  ['vo:home', volunteering.volunteerHome, undefined, 'vo:home', /^vo:home$/],
  ['vo:signup', volunteering.signUp, undefined, 'vo:signup', /^vo:signup$/],
  ['vo:list', volunteering.opportunitiesPage, { offset: 8 }, 'vo:list:8', /^vo:list:(\d+)$/],
  ['vo:my', volunteering.myApplicationsPage, { offset: 0 }, 'vo:my:0', /^vo:my:(\d+)$/],
  ['vo:rec', volunteering.volunteerRecord, undefined, 'vo:rec', /^vo:rec$/],
  ['vo:apply', volunteering.applyTo, { opportunityId: 5 }, 'vo:apply:5', /^vo:apply:(\d+)$/],
  ['vo:cancel', volunteering.withdrawFrom, { opportunityId: 5 }, 'vo:cancel:5', /^vo:cancel:(\d+)$/],
  ['vo:cancelok', volunteering.withdrawSure, { opportunityId: 5 }, 'vo:cancelok:5', /^vo:cancelok:(\d+)$/],
  ['vo:ann', volunteering.announcements, { to: 'off' }, 'vo:ann:off', /^vo:ann:(on|off)$/],
  ['lang', citizens.chooseLanguage, { locale: 'kk' }, 'lang:kk', /^lang:(kk|ru)$/],
  ['consent:yes', citizens.consentYes, undefined, 'consent:yes', /^consent:yes$/],
  ['consent:no', citizens.consentNo, undefined, 'consent:no', /^consent:no$/],
  ['settings:language', citizens.settingsLanguage, undefined, 'settings:language', /^settings:language$/],
  ['settings:mydata', citizens.settingsMyData, undefined, 'settings:mydata', /^settings:mydata$/],
  ['profile:edit', citizens.editProfile, undefined, 'profile:edit', /^profile:edit$/],
  ['erase:ask', citizens.eraseAsk, undefined, 'erase:ask', /^erase:ask$/],
  ['erase:yes', citizens.eraseYes, undefined, 'erase:yes', /^erase:yes$/],
  ['erase:no', citizens.eraseNo, undefined, 'erase:no', /^erase:no$/],
  // Conversations ('@').
  ['@cat', reports.pickCategory, { categoryId: 3 }, '@cat:3', /^@cat:(\d+)$/],
  ['@reg', reports.pickRegion, { regionId: 2 }, '@reg:2', /^@reg:(\d+)$/],
  ['@reg', reports.savedRegionOrOther, { regionId: 'other' }, '@reg:other', /^@reg:(\d+|other)$/],
  ['@reg', reports.savedRegionOrOther, { regionId: 2 }, '@reg:2', /^@reg:(\d+|other)$/],
  ['@dis', reports.pickDistrict, { districtId: 'none' }, '@dis:none', /^@dis:(\d+|none)$/],
  ['@dis', reports.pickDistrict, { districtId: 14 }, '@dis:14', /^@dis:(\d+|none)$/],
  ['@loc:keep', reports.keepLocation, undefined, '@loc:keep', /^@loc:keep$/],
  ['@ev', reports.evidenceStep, { action: 'done' }, '@ev:done', /^@ev:(done|clear)$/],
  ['@ev', reports.evidenceStep, { action: 'clear' }, '@ev:clear', /^@ev:(done|clear)$/],
  ['@anon', reports.anonymity, { hidden: 1 }, '@anon:1', /^@anon:([01])$/],
  ['@anon', reports.anonymity, { hidden: 0 }, '@anon:0', /^@anon:([01])$/],
  ['@sum', reports.summaryChoice, { choice: 'description' }, '@sum:description', /^@sum:(\w+)$/],
  ['@dup', reports.duplicateChoice, { reportId: 'new' }, '@dup:new', /^@dup:(\d+|new)$/],
  ['@dup', reports.duplicateChoice, { reportId: 12 }, '@dup:12', /^@dup:(\d+|new)$/],
  ['@draft', reports.draftChoice, { choice: 'go' }, '@draft:go', /^@draft:(go|new)$/],
  ['@faq', consultations.articleHelped, { articleId: 'no' }, '@faq:no', /^@faq:(\d+|no)$/],
  ['@faq', consultations.articleHelped, { articleId: 70 }, '@faq:70', /^@faq:(\d+|no)$/],
  ['@tp', consultations.pickTopic, { topicId: 1 }, '@tp:1', /^@tp:(\d+)$/],
  ['@ag', consultations.pickAskerGroup, { group: 'ngo' }, '@ag:ngo', /^@ag:(\w+)$/],
  ['@pf:g', citizens.pickGender, { gender: 'unstated' }, '@pf:g:unstated', /^@pf:g:(male|female|unstated)$/],
  ['@pf:s', citizens.pickSocialStatus, { code: 'large-family' }, '@pf:s:large-family', /^@pf:(?:s:([a-z-]+)|skip)$/],
  ['@pf:skip', citizens.skipProfileQuestion, undefined, '@pf:skip', /^@pf:(?:s:([a-z-]+)|skip)$/],
  ['@pa', polls.pollAnswer, { questionId: 8, code: 'very_satisfied' }, '@pa:8:very_satisfied', /^@p([astdb]):8(?::([a-z0-9_]+))?$/],
  ['@pa', polls.pollAnswer, { questionId: 8, code: '4' }, '@pa:8:4', /^@p([astdb]):8(?::([a-z0-9_]+))?$/],
  ['@pt', polls.pollToggle, { questionId: 8, code: 'opt_2' }, '@pt:8:opt_2', /^@p([astdb]):8(?::([a-z0-9_]+))?$/],
  ['@pd', polls.pollDone, { questionId: 8 }, '@pd:8', /^@p([astdb]):8(?::([a-z0-9_]+))?$/],
  ['@ps', polls.pollSkip, { questionId: 8 }, '@ps:8', /^@p([astdb]):8(?::([a-z0-9_]+))?$/],
  ['@pb', polls.pollBack, { questionId: 8 }, '@pb:8', /^@p([astdb]):8(?::([a-z0-9_]+))?$/],
  ['@pc', polls.pollConfirm, { choice: 'send' }, '@pc:send', /^@pc:(send|back)$/],
  ['@st', discussions.pickStance, { stance: 'object' }, '@st:object', /^@st:(support|object|none)$/],
  ['@cs', discussions.commentSummaryChoice, { choice: 'stance' }, '@cs:stance', /^@cs:(send|text|name|org|stance|discard)$/],
  ['@tc', discussions.commentDraftChoice, { choice: 'new' }, '@tc:new', /^@tc:(go|new)$/],
  ['@nm:profile', discussions.nameFromProfile, undefined, '@nm:profile', /^@nm:(profile)$/],
  ['@org:none', discussions.noOrganisation, undefined, '@org:none', /^@org:(none)$/],
  ['@nm:use', volunteering.useOfferedName, undefined, '@nm:use', /^@nm:use$/],
  ['@reg', volunteering.signupRegion, { regionId: 20 }, '@reg:20', /^@reg:(\d+)$/],
  ['@dis', volunteering.signupDistrict, { districtId: 'any' }, '@dis:any', /^@dis:(\d+|any)$/],
  ['@dir', volunteering.toggleDirection, { choice: 3 }, '@dir:3', /^@dir:(\d+|done)$/],
  ['@area', volunteering.toggleArea, { choice: 'done' }, '@area:done', /^@area:(\d+|done)$/],
  ['@sk:skip', volunteering.skipSkills, undefined, '@sk:skip', /^@sk:skip$/],
  ['@av', volunteering.pickAvailability, { availability: 'weekends' }, '@av:weekends', /^@av:(\w+)$/],
  ['@su', volunteering.signupSummaryChoice, { choice: 'save' }, '@su:save', /^@su:(\w+)$/],
];

/** Data a family must refuse (or accept) exactly as the old pattern did. */
const PROBES = [
  '',
  'x',
  'rc:ok:',
  'rc:maybe:1',
  'rc:ok:1:2',
  'qr:1:0',
  'qr:1:6',
  'qr:1:55',
  'sg:acc:-1',
  'vo:conf:3:yes',
  'tp:sub:b',
  'tp:sub:a:x',
  'lang:en',
  '@reg:other:1',
  '@dis:any',
  '@dis:none',
  '@pf:s:UPPER',
  '@pf:skip:1',
  '@pa:9:yes',
  '@sum:',
  '@sum:a b',
  'aq:new:1',
  'mr:com:',
  '@anon:2',
];

describe('button families keep the wire format', () => {
  it.each(CASES)('%s writes and reads "%s"', (_, family, values, old) => {
    expect(family.encode(values)).toBe(old);
    expect(family.decode(old)).toEqual(values ?? {});
  });

  // An old pattern may have covered several shapes (`@pf:s:…` and `@pf:skip`; `@pa`, `@pd` …): its families together.
  const byOldPattern = new Map<string, Set<Family>>();
  for (const [, family, , , legacy] of CASES) byOldPattern.set(legacy.source, (byOldPattern.get(legacy.source) ?? new Set()).add(family));
  const probes = [...PROBES, ...CASES.map((c) => c[3])];

  it.each([...byOldPattern].map(([source, families]) => [source, [...families]] as const))('accept exactly what /%s/ accepted', (source, families) => {
    const legacy = new RegExp(source);
    // The old poll pattern also took shapes the bot never wrote (`@ps:8:x`, `@pa:8`): only the written ones are kept.
    const written = source.startsWith('^@p(') ? (p: string) => /^@p[at]:8:[a-z0-9_]+$|^@p[dsb]:8$/.test(p) : () => true;
    for (const p of probes.filter(written))
      expect(
        families.some((f) => f.decode(p) !== null),
        p,
      ).toBe(legacy.test(p));
  });

  // Outside conversations every handler is registered at once, so one press must reach one handler. Flow
  // buttons (`@reg`, `@dis`, `@nm` …) belong to conversations, which never wait at the same time.
  it('leaves no two families outside conversations able to read the same data', () => {
    const families = [...new Set(CASES.map((c) => c[1]))];
    for (const [, , , data] of CASES.filter((c) => !c[3].startsWith('@'))) expect(families.filter((f) => f.decode(data) !== null).length, data).toBe(1);
  });

  it('offers the five scores in one row, as the rating reminder and the bot show them', () => {
    expect(ratingOffers(12)).toEqual([[1, 2, 3, 4, 5].map((n) => ({ label: `${n} ⭐`, data: `qr:12:${n}` }))]);
  });
});

describe('defineButton', () => {
  const demo = defineButton('dm', { kind: oneOf('a', 'b'), n: id, score: int(1, 5) });

  it('builds an anchored pattern in field order and an offer with its label', () => {
    expect(demo.pattern.test('dm:a:10:3')).toBe(true);
    expect(demo.pattern.test('xdm:a:10:3')).toBe(false);
    expect(demo.offer('Иә', { kind: 'b', n: 1, score: 2 })).toEqual({ label: 'Иә', data: 'dm:b:1:2' });
  });

  it('refuses foreign data and values out of range', () => {
    expect(demo.decode('dm:c:1:1')).toBeNull();
    expect(demo.decode('dm:a:1:6')).toBeNull();
    expect(demo.decode('sg:acc:1')).toBeNull();
    const wide = defineButton('w', { n: int(10, 20) });
    expect(wide.decode('w:15')).toEqual({ n: 15 });
    expect(wide.decode('w:21')).toBeNull();
  });

  it('refuses to write what it could not read back', () => {
    expect(() => demo.encode({ kind: 'a', n: -1, score: 1 })).toThrow(/does not fit/);
    expect(() => demo.encode({ kind: 'a', n: 1, score: 9 })).toThrow(/does not fit/);
  });

  it('refuses data over 64 bytes, counted in UTF-8', () => {
    const long = defineButton('long', { text: token('.+') });
    expect(long.encode({ text: 'я'.repeat(29) })).toHaveLength(34);
    expect(() => long.encode({ text: 'я'.repeat(30) })).toThrow(new RegExp(`over ${DATA_MAX_BYTES} bytes`));
  });

  it('reads an id or one of its words', () => {
    const f = defineButton('f', { v: idOr('none', 'all') });
    expect(f.decode('f:none')).toEqual({ v: 'none' });
    expect(f.decode('f:12')).toEqual({ v: 12 });
    expect(f.decode('f:some')).toBeNull();
  });

  it('reads several families as one, first match first', () => {
    const either = anyButton(citizens.pickSocialStatus, citizens.skipProfileQuestion);
    expect(either.decode('@pf:s:student')).toEqual({ code: 'student' });
    expect(either.decode('@pf:skip')).toEqual({});
    expect(either.decode('@pf:g:male')).toBeNull();
  });

  it('makes score rows from any family', () => {
    expect(scoreOffers((n) => `x:${n}`)[0]!.map((o) => o.data)).toEqual(['x:1', 'x:2', 'x:3', 'x:4', 'x:5']);
  });
});

describe('defineFlowButton', () => {
  it("asserts the '@' that lets a press reach its waiting conversation", () => {
    expect(defineFlowButton('@x', { n: id }).encode({ n: 1 })).toBe('@x:1');
    expect(() => defineFlowButton('x', { n: id })).toThrow(/starts with @/);
  });
});
