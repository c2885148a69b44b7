/**
 * What people are told, end to end on the offline stack on a virtual clock: a Severity A ticket
 * brings the TAM's email and a Teams card; a breach and a handoff each bring exactly one card; the
 * requester's emails of the ticket read as one conversation; and a Teams outage during a breach
 * delays the card, which is posted once when Teams is back.
 */
import type { StoredEmail } from '../../../infra/local/services/email-schemas';
import type { TeamsPost } from '../../../infra/local/services/teams-standin';
import { sampleIntakeBody } from '../../integration/ticket-service/support/sample-intake';
import { staffMember, startLifecycleStack, type LifecycleStack } from './support/lifecycle-stack';

jest.setTimeout(300_000);

let lifecycle: LifecycleStack;

beforeAll(async () => {
  lifecycle = await startLifecycleStack({ startAt: '2026-11-23T12:00:00.000Z' });
}, 180_000);

afterAll(async () => {
  await lifecycle?.stop();
});

function sevA(requesterEmail: string, title: string): Record<string, unknown> {
  return sampleIntakeBody({
    severity: 'A',
    title,
    requester: { name: 'Ana Silva', email: requesterEmail, timeZone: 'Europe/Lisbon', available24x7: true },
  });
}

function teams() {
  const standIn = lifecycle.stack.services.teams;
  if (standIn === undefined) throw new Error('the stack runs without its Teams stand-in');
  return standIn;
}

/** The cards about a ticket whose headline starts with `headline`, as posted (repeats included). */
function cardsAbout(ticketNumber: string, headline: string): TeamsPost[] {
  return teams()
    .posts()
    .filter((post) => JSON.stringify(post.payload).includes(`"text":"${headline}: ${ticketNumber}"`));
}

const to = (mail: StoredEmail): string => mail.to.map((recipient) => recipient.address).join(',');
const header = (mail: StoredEmail, name: string): string | undefined => Object.entries(mail.headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

describe('notifications on the offline stack', () => {
  it('alert the TAM by email and the queue’s channel by card for a Sev A, post one card per breach and per handoff, and thread the requester’s emails', async () => {
    await lifecycle.advanceTo('2026-11-23T12:05:00.000Z');
    const title = 'Finance team cannot sign in after MFA change';
    const answer = await lifecycle.openTicket(sevA('threaded@contoso.com', title));
    const number = answer.ticketNumber;
    await lifecycle.advance(60_000);

    expect(lifecycle.mailAbout(number).filter((mail) => mail.subject.startsWith('Severity A for') && to(mail) === 'tom.reyes@css.example')).toHaveLength(1);
    const [sevACard, ...moreSevACards] = cardsAbout(number, 'New Severity A ticket');
    expect(moreSevACards).toEqual([]);
    expect(sevACard?.channel).toBe('queue-identity-and-devices');
    expect(JSON.stringify(sevACard?.payload)).toContain(`/staff/tickets/${number}`);

    // Nobody answers: the first-response breach at 13:05 makes one card; AMER hands over at 14:00.
    await lifecycle.advanceTo('2026-11-23T14:03:00.000Z');
    expect(cardsAbout(number, 'SLA breached')).toHaveLength(1);
    expect(cardsAbout(number, 'SLA warning')).toHaveLength(1);
    const handoffCards = cardsAbout(number, 'Handed over');
    expect(handoffCards).toHaveLength(1);
    expect(JSON.stringify(handoffCards[0]?.payload)).toMatch(/AMER[^→"]*→ [^"]*EMEA/);

    // The engineer who took over writes and asks a question: two more emails to the requester.
    const engineer = staffMember((await lifecycle.ticket(number)).assignee?.engineerId ?? '');
    for (const body of [
      { type: 'acknowledge', message: 'I have taken over and am checking your Conditional Access policies.' },
      { type: 'request-info', message: 'Which policy did your identity team change this morning?' },
    ]) {
      const response = await lifecycle.staff(engineer, number, body);
      expect(response.status).toBeLessThan(300);
    }
    await lifecycle.advance(60_000);

    // Every email the requester got about the ticket is one conversation: same subject root, each
    // answering the one before it.
    const requesterMails = lifecycle.mailAbout(number).filter((mail) => to(mail) === 'threaded@contoso.com');
    expect(requesterMails.length).toBeGreaterThanOrEqual(3);
    for (const mail of requesterMails) expect(mail.subject.endsWith(`[${number}] ${title}`)).toBe(true);
    for (const [index, mail] of requesterMails.entries()) {
      const previous = requesterMails[index - 1];
      expect(header(mail, 'Message-ID')).toMatch(/^<[0-9a-f-]{36}@baton\.local>$/);
      expect(header(mail, 'In-Reply-To')).toBe(previous === undefined ? undefined : header(previous, 'Message-ID'));
      expect(mail.replyTo.map((address) => address.address)).toEqual(['support@css.example']);
    }
  });

  it('hold a breach’s card through a ten-minute Teams outage and post it once when Teams is back', async () => {
    await lifecycle.quietlyTo('2026-11-24T12:00:00.000Z');
    await lifecycle.advanceTo('2026-11-24T12:05:00.000Z');
    const answer = await lifecycle.openTicket(sevA('outage@contoso.com', 'Teams outage during a breach'));
    const number = answer.ticketNumber;

    // The first response falls due at 13:05; Teams is down from 13:00 to 13:10.
    await lifecycle.advanceTo('2026-11-24T13:00:00.000Z');
    teams().setFailing(true);
    await lifecycle.advanceTo('2026-11-24T13:10:00.000Z');
    expect((await lifecycle.ticket(number)).timeline.filter((event) => event.type === 'sla-breached')).toHaveLength(1);
    expect(cardsAbout(number, 'SLA breached')).toEqual([]);

    teams().setFailing(false);
    await lifecycle.advanceTo('2026-11-24T13:40:00.000Z');
    const cards = cardsAbout(number, 'SLA breached');
    expect(cards).toHaveLength(1);
    expect(Date.parse(cards[0]?.receivedAt ?? '')).toBeGreaterThanOrEqual(Date.parse('2026-11-24T13:10:00.000Z'));
  });
});
