/**
 * Every Teams alert as the card a channel shows: read back by the Adaptive Cards reference library
 * (`adaptivecards`, the renderer Microsoft publishes with the schema), which reports any element,
 * property or value the schema does not know; and saying what the issue asks of each card.
 */
import type * as AdaptiveCardsModule from 'adaptivecards';
import { TeamsAlertKindSchema, type TeamsAlert, type TeamsAlertKind } from '../../../shared/domain/notifications/teams-alerts';
import { ADAPTIVE_CARD_CONTENT_TYPE, ADAPTIVE_CARD_VERSION, adaptiveCardFor, workflowMessageFor } from '../../../shared/teams/adaptive-card';
import { attack } from '../email/templates/hostile-ticket';

// The package's ES module build imports without file extensions, which Node cannot load; its UMD
// bundle is the same library in one file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AdaptiveCards: typeof AdaptiveCardsModule = require('adaptivecards/dist/adaptivecards.js');

const STAFF_URL = 'https://baton.example/staff/tickets/BTN-261123-7K2QX';

function alertOf(kind: TeamsAlertKind, write: (field: string) => string = (field) => `Sample ${field}`): TeamsAlert {
  return {
    kind,
    alertId: `teams/BTN-261123-7K2QX/7/${kind}`,
    ticketNumber: 'BTN-261123-7K2QX',
    at: '2026-11-23T14:00:00.000Z',
    title: write('title'),
    severity: 'A',
    customer: write('company'),
    queueId: 'identity-and-devices',
    region: 'EMEA',
    assignee: 'Lukas Weber',
    clock: { metric: 'first-response', dueAt: '2026-11-23T14:45:00.000Z', minutesLeft: kind === 'sla-breach' ? -5 : 45 },
    ...(kind === 'handoff'
      ? {
          handoff: {
            from: 'María García',
            to: 'Lukas Weber',
            fromRegion: 'AMER',
            toRegion: 'EMEA',
            brief: {
              ticketNumber: 'BTN-261123-7K2QX',
              status: 'investigating',
              severity: 'A',
              problemStatement: write('brief.problemStatement'),
              whatWasTried: [write('brief.whatWasTried')],
              evidence: {},
              nextStep: write('brief.nextStep'),
              answeredQuestions: [],
              openQuestions: [{ question: write('brief.open.question'), askedAt: '2026-11-23T13:00:00.000Z' }],
              engineerNotes: [],
              sla: [],
              handoffsWithoutCustomerUpdate: 1,
              stalled: false,
            },
          },
        }
      : {}),
    ...(kind === 'escalation' ? { reason: write('escalation.reason') } : {}),
    ...(kind === 'vendor-answer' ? { note: write('vendor.note') } : {}),
  };
}

/** What the reference library says is wrong with the card: nothing, for a card that keeps to the schema. */
function schemaProblems(card: object): string[] {
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_4);
  parsed.parse(card, context);
  const problems = Array.from({ length: context.eventCount }, (_, index) => context.getEventAt(index).message);
  const validation = parsed.validateProperties();
  return [...problems, ...validation.validationEvents.map((event) => event.message)];
}

/** Text as a reader sees it: Markdown's escapes undone. */
const shown = (text: string): string => text.replace(/\\(.)/g, '$1');

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function factsOf(card: Record<string, unknown>): Record<string, string> {
  const body = Array.isArray(card.body) ? card.body.map(record) : [];
  const facts = body.find((element) => element.type === 'FactSet')?.facts;
  return Object.fromEntries((Array.isArray(facts) ? facts.map(record) : []).map((fact) => [String(fact.title), shown(String(fact.value))]));
}

/** Every text the card shows, as written into it (TextBlocks and fact values), however deep. */
function textsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  const element = record(value);
  return [
    ...(element.type === 'TextBlock' && typeof element.text === 'string' ? [element.text] : []),
    ...(Array.isArray(element.facts) ? element.facts.map((fact) => String(record(fact).value)) : []),
    ...textsOf(element.items ?? []),
  ];
}

describe.each(TeamsAlertKindSchema.options.map((kind) => [kind]))('the %s card', (kind) => {
  it('keeps to the Adaptive Card schema, version 1.4, as the reference library reads it', () => {
    const card = adaptiveCardFor(alertOf(kind), STAFF_URL);
    expect(card.version).toBe(ADAPTIVE_CARD_VERSION);
    expect(schemaProblems(card)).toEqual([]);
  });

  it('names the ticket, severity, customer, clock and time left, and opens the staff page', () => {
    const card = adaptiveCardFor(alertOf(kind), STAFF_URL);
    expect(factsOf(card)).toMatchObject({
      Ticket: 'BTN-261123-7K2QX',
      Severity: 'A',
      Customer: 'Sample company',
      Clock: 'First response, due 2026-11-23 14:45 UTC',
      'Time left': kind === 'sla-breach' ? 'overdue by 5 min' : '45 min left',
    });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the ticket', url: STAFF_URL }]);
  });

  it('travels as the workflow webhook’s message: one Adaptive Card attachment', () => {
    const message = workflowMessageFor(alertOf(kind), STAFF_URL);
    expect(message).toMatchObject({ type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: { type: 'AdaptiveCard' } }] });
  });

  it('shows what people typed as text: no Markdown link or emphasis survives', () => {
    const card = adaptiveCardFor(alertOf(kind, (field) => `[click](https://evil.example) **${attack(field)}**`), STAFF_URL);
    const texts = textsOf(card.body);
    // Every Markdown character a person typed is escaped, so none opens a link or emphasis.
    for (const text of texts.filter((candidate) => candidate.includes('click'))) expect(text).not.toMatch(/(^|[^\\])[[*(]/);
    expect(texts.map(shown)).toContain(`[click](https://evil.example) **${attack('title')}**`);
    expect(schemaProblems(card)).toEqual([]);
  });
});

describe('the handoff card', () => {
  it('carries the brief: who hands to whom, the problem, the next step, what was tried and what is still asked', () => {
    const texts = textsOf(adaptiveCardFor(alertOf('handoff'), STAFF_URL).body).map(shown);
    expect(texts).toEqual(
      expect.arrayContaining([
        'María García (AMER) → Lukas Weber (EMEA)',
        'Sample brief.problemStatement',
        'Next step',
        'Sample brief.nextStep',
        'Already tried',
        '• Sample brief.whatWasTried',
        'Open questions to the customer',
        '• Sample brief.open.question',
      ]),
    );
  });
});
