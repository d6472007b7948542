// The civil resource centre of the demo: a knowledge base in both languages, questions from the bot in every
// state of the queue (waiting, overdue, held, answered, followed up, closed, rated, self-served from the
// knowledge base) and consultations given by phone, in person and online, for the log and its totals.
// The data is in demo-data.ts and demo-questions.ts; this schedules it.
import type { Question } from '../../generated/prisma/client.ts';
import type { DemoContext } from '../demo/demo-context.ts';
import { FAQ, OFFLINE } from './demo-data.ts';
import { QUESTIONS } from './demo-questions.ts';

export function scheduleConsultations(ctx: DemoContext): void {
  const { s, tl } = ctx;
  const admin = () => ctx.staff('admin');
  const consultant = () => ctx.staff('consultant');

  FAQ.forEach((a, i) => {
    tl.add(tl.when(58 - i * 3, 11), `faq ${a.key}`, () =>
      s.consultations.faq.create(ctx.actor(consultant()), consultant(), {
        topicId: ctx.consultationTopic(a.topic),
        titleKk: a.titleKk,
        titleRu: a.titleRu,
        bodyKk: a.bodyKk,
        bodyRu: a.bodyRu,
        published: true,
      }),
    );
  });
  tl.add(tl.when(2, 16), 'faq draft', () =>
    s.consultations.faq.create(ctx.actor(consultant()), consultant(), {
      topicId: ctx.consultationTopic('fundraising-sponsorship'),
      titleKk: 'Демеушілік көмекті қалай рәсімдеу керек?',
      titleRu: 'Как оформить спонсорскую помощь?',
      bodyKk: 'Демеушілік көмек шарты жасалады; ҮЕҰ-ға берілген көмек салық салынатын табыстың 3%-ы шегінде шегеріледі.',
      bodyRu: 'Заключается договор спонсорской помощи; помощь НПО относится на вычеты в пределах 3% налогооблагаемого дохода.',
      published: false,
    }),
  );

  for (const [i, q] of QUESTIONS.entries()) {
    const author = ctx.citizen(q.citizen);
    const asked = tl.when(q.daysAgo, q.hour, 5 + i);
    const after = (h: number) => new Date(asked.getTime() + h * 3_600_000);
    const staff = () => ctx.staff(q.consultant ?? 'consultant');
    let question: Question | undefined;
    tl.add(asked, `question ${i}`, async () => {
      question = await s.consultations.citizen.ask(author.citizen.id, {
        topicId: ctx.consultationTopic(q.topic),
        askerGroup: q.group,
        regionId: q.region ? ctx.region(q.region) : null,
        text: q.text,
      });
    });
    const f = q.fate;
    if (f.kind === 'waiting') continue;
    tl.add(after(f.afterH), `claim ${i}`, () => s.consultations.staff.claim(ctx.actor(staff()), staff(), question!.id));
    if (f.kind === 'claimed') continue;
    if ('note' in f) {
      tl.add(after(f.afterH + 0.3), `close ${i}`, () =>
        s.consultations.staff.close(ctx.actor(staff()), staff(), question!.id, { result: f.kind, note: f.note }),
      );
      continue;
    }
    const answer = f.answer;
    tl.add(after(f.afterH + 0.5), `answer ${i}`, () =>
      s.consultations.staff.answer(ctx.actor(staff()), staff(), question!.id, {
        text: answer,
        ...(q.topic === 'state-social-order-grants'
          ? { attachment: { url: 'https://adilet.zan.kz/kaz/docs/V2000020934', title: 'Мемлекеттік әлеуметтік тапсырысты қалыптастыру қағидалары' } }
          : {}),
      }),
    );
    if (f.kind === 'rated') tl.add(after(f.afterH + 20), `rate ${i}`, () => s.consultations.citizen.rate(author.citizen.id, question!.id, f.rating, f.comment));
    if (f.kind === 'followup')
      tl.add(after(f.afterH + 6), `follow-up ${i}`, () => s.consultations.citizen.followUp(author.citizen.id, question!.id, f.followUp));
  }

  // A citizen whose question the knowledge base answered before it reached the queue.
  tl.add(tl.when(5, 12), 'self-served', async () => {
    const article = await s.prisma.faqArticle.findFirstOrThrow({ where: { titleRu: 'Как зарегистрировать общественное объединение?' } });
    await s.consultations.citizen.selfServed(
      ctx.citizen('daniyar').citizen.id,
      { topicId: article.topicId, askerGroup: 'initiative_group', regionId: ctx.region('astana'), text: 'Қоғамдық бірлестікті тіркеу үшін не керек?' },
      article.id,
    );
  });

  for (const [i, o] of OFFLINE.entries()) {
    tl.add(tl.when(o.daysAgo, 15), `offline ${i}`, () =>
      s.consultations.log.create(ctx.actor(admin()), admin(), {
        date: tl.when(o.daysAgo, 11),
        channel: o.channel,
        topicId: ctx.consultationTopic(o.topic),
        askerGroup: o.group,
        regionId: o.region ? ctx.region(o.region) : null,
        consultantId: ctx.staff(o.region === 'astana' ? 'consultant.astana' : 'consultant').id,
        summary: o.summary,
        result: o.result,
        responseMinutes: o.minutes,
        satisfaction: o.satisfaction,
      }),
    );
  }
}
