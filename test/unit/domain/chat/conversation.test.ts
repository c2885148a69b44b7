import { chatQuestion, CHAT_QUESTIONS, ChatQuestionKeySchema, type ChatQuestionKey } from '../../../../shared/domain/chat/chat-questions';
import { handOver } from '../../../../shared/domain/chat/chat-hand-over';
import { inputFromText } from '../../../../shared/domain/chat/chat-input';
import { currentPrompt } from '../../../../shared/domain/chat/chat-prompt';
import { MAX_CHAT_MESSAGES, receiveMessage, startConversation, summaryLines, ticketOpened, type Conversation } from '../../../../shared/domain/chat/conversation';
import { parseIntake } from '../../../../shared/domain/intake/parse-intake';
import { sampleOrgConfig } from '../../../../shared/domain/org/sample/sample-org';
import { SEV_A_RULE, SEVERITY_GUIDANCE } from '../../../../shared/domain/severity/severity-guidance';
import { ANSWERS_UP_TO_SEVERITY, after, at, context, lastBatonText } from './support/conversation-fixtures';

describe('the guided chat', () => {
  describe('asks what the form asks', () => {
    it('has one question for every key, in the order a person tells it', () => {
      expect(CHAT_QUESTIONS.map((question) => question.key)).toEqual(ChatQuestionKeySchema.options);
    });

    it('has no question for a key outside the list, and says which', () => {
      expect(() => chatQuestion('priority' as ChatQuestionKey)).toThrow('no chat question "priority"');
    });

    it('opens by asking the name, and nothing else', () => {
      const conversation = startConversation(at(0), context);
      expect(conversation.step).toEqual({ kind: 'question', key: 'name', returnToSummary: false });
      expect(conversation.messages).toEqual([{ from: 'baton', text: expect.stringContaining('What is your name?') as string, at: at(0) }]);
    });

    it('offers the catalogue as choices, and the severities in the form\'s own words with the 24x7 rule for A', () => {
      const areas = currentPrompt(after(ANSWERS_UP_TO_SEVERITY.slice(0, 4)), context);
      expect(areas.kind === 'question' && areas.choices?.map((choice) => choice.label)).toEqual(sampleOrgConfig.productCatalogue.map((area) => area.name));
      const severity = currentPrompt(after(ANSWERS_UP_TO_SEVERITY), context);
      expect(severity.kind === 'question' && severity.choices?.map((choice) => choice.hint)).toEqual(Object.values(SEVERITY_GUIDANCE).map((guidance) => guidance.description));
      expect(chatQuestion('available24x7').hint).toBe(SEV_A_RULE);
    });

    it('asks about 24x7 availability only for Severity A', () => {
      expect(after([...ANSWERS_UP_TO_SEVERITY, 'B']).step).toMatchObject({ kind: 'question', key: 'scope' });
      expect(after([...ANSWERS_UP_TO_SEVERITY, 'A']).step).toMatchObject({ kind: 'question', key: 'available24x7' });
    });
  });

  describe('checks each answer with the form\'s rule', () => {
    it('re-asks a tenant that is not an onmicrosoft.com domain, with the reason, and keeps nothing', () => {
      const conversation = after(['Ana Silva', 'ana.silva@contoso.com', 'Contoso Ltd', 'contoso.com']);
      expect(conversation.step).toMatchObject({ kind: 'question', key: 'tenantDomain' });
      expect(conversation.answers.tenantDomain).toBeUndefined();
      expect(lastBatonText(conversation)).toContain('Microsoft 365 tenant domain must be the tenant domain ending in .onmicrosoft.com.');
      expect(lastBatonText(conversation)).toContain("What is your Microsoft 365 tenant's initial domain?");
      const refused = conversation.messages[conversation.messages.length - 2];
      expect(refused).toMatchObject({ from: 'requester', text: 'contoso.com', outcome: { accepted: false } });
    });

    it('keeps an answer as the form would: trimmed and lower-cased', () => {
      const conversation = after(['Ana Silva', 'ana.silva@contoso.com', 'Contoso Ltd', '  Contoso.OnMicrosoft.com ']);
      expect(conversation.answers.tenantDomain).toBe('contoso.onmicrosoft.com');
    });

    it('refuses a description shorter than the form allows, saying the minimum', () => {
      const conversation = after([...ANSWERS_UP_TO_SEVERITY.slice(0, 6), 'It is broken']);
      expect(conversation.step).toMatchObject({ key: 'description' });
      expect(lastBatonText(conversation)).toContain('What is happening must be at least 40 characters.');
    });

    it('takes a choice by its number, its value or its label, and lists the choices when none matches', () => {
      expect(after([...ANSWERS_UP_TO_SEVERITY, '2']).answers.severity).toBe('B');
      expect(after([...ANSWERS_UP_TO_SEVERITY, 'sev c']).answers.severity).toBe('C');
      expect(after([...ANSWERS_UP_TO_SEVERITY.slice(0, 4), 'exchange-online']).answers.productArea).toBe('exchange-online');
      const wrong = after([...ANSWERS_UP_TO_SEVERITY, 'urgent']);
      expect(wrong.answers.severity).toBeUndefined();
      expect(lastBatonText(wrong)).toContain('Please choose one of: 1. A — Critical business impact; 2. B — Significant business impact; 3. C — Minimal business impact.');
    });

    it('wants a yes or a no about availability', () => {
      const unclear = after([...ANSWERS_UP_TO_SEVERITY, 'A', 'maybe']);
      expect(lastBatonText(unclear)).toContain('Please answer yes or no.');
      expect(after([...ANSWERS_UP_TO_SEVERITY, 'A', 'Yes!']).answers.available24x7).toBe(true);
    });
  });

  describe('lets the requester go back and change an answer', () => {
    it('goes back one question, showing the kept answer, and moves on to what is still open after it is answered again', () => {
      const back = after(['Ana Silva', 'ana.silva@contoso.com', 'go back']);
      expect(back.step).toMatchObject({ kind: 'question', key: 'email' });
      const prompt = currentPrompt(back, context);
      expect(prompt.kind === 'question' && prompt.current).toBe('ana.silva@contoso.com');
      expect(after(['ana@contoso.com'], back)).toMatchObject({ step: { key: 'company' }, answers: { email: 'ana@contoso.com' } });
    });

    it('cannot go back before the first question', () => {
      const conversation = after(['back']);
      expect(conversation.step).toMatchObject({ key: 'name' });
      expect(lastBatonText(conversation)).toContain('This is the first question.');
    });

    it('shows a summary of every answer once the last is given', () => {
      const conversation = after([...ANSWERS_UP_TO_SEVERITY, 'B', 'cloud']);
      expect(conversation.step).toEqual({ kind: 'summary' });
      const prompt = currentPrompt(conversation, context);
      expect(prompt.kind === 'summary' && prompt.lines.map((line) => line.key)).toEqual(CHAT_QUESTIONS.map((q) => q.key).filter((key) => key !== 'available24x7'));
      expect(lastBatonText(conversation)).toContain('Severity: B — Significant business impact');
    });

    it('changes the severity from the summary, asks for availability when it became A, then returns to the summary', () => {
      const summary = after([...ANSWERS_UP_TO_SEVERITY, 'B', 'cloud']);
      const changing = after(['change severity'], summary);
      expect(changing.step).toEqual({ kind: 'question', key: 'severity', returnToSummary: true });
      expect(after(['A'], changing).step).toMatchObject({ kind: 'question', key: 'available24x7' });
      expect(after(['A', 'yes'], changing)).toMatchObject({ step: { kind: 'summary' }, answers: { severity: 'A', available24x7: true } });
    });

    it('goes straight back to the summary from a change, by "back" too', () => {
      const summary = after([...ANSWERS_UP_TO_SEVERITY, 'B', 'cloud']);
      expect(after([{ kind: 'change', question: 'company' }, 'back'], summary).step).toEqual({ kind: 'summary' });
      expect(after([{ kind: 'change', question: 'company' }, 'Contoso Limited'], summary)).toMatchObject({ step: { kind: 'summary' }, answers: { company: 'Contoso Limited' } });
    });

    it('refuses to change what has not been answered', () => {
      const conversation = after(['Ana Silva', { kind: 'change', question: 'severity' }]);
      expect(conversation.step).toMatchObject({ key: 'email' });
      expect(lastBatonText(conversation)).toContain('There is no answer to "Severity" to change yet.');
    });

    it('refuses to confirm before every question is answered', () => {
      const conversation = after(['Ana Silva', { kind: 'confirm' }]);
      expect(conversation.step).toMatchObject({ key: 'email' });
    });
  });

  describe('receives each message once', () => {
    it('answers a message received again with what it answered then, and records nothing', () => {
      const first = startConversation(at(0), context);
      const message = { clientMessageId: 'c-1', input: { kind: 'text' as const, text: 'A' } };
      const refused = receiveMessage(first, message, context, at(1));
      if (refused.kind !== 'recorded') throw new Error(refused.kind);
      expect(refused.outcome.accepted).toBe(false);
      expect(receiveMessage(refused.conversation, message, context, at(2))).toEqual({ kind: 'repeated', outcome: refused.outcome });
    });

    it('refuses an id used before for a different message', () => {
      const first = after(['Ana Silva']);
      const used = first.messages.find((message) => message.from === 'requester');
      if (used?.from !== 'requester') throw new Error('no requester message');
      expect(receiveMessage(first, { clientMessageId: used.clientMessageId, input: { kind: 'text', text: 'Bob' } }, context, at(9)).kind).toBe('id-reused');
    });

    it('recognises a typed "yes" that confirmed the summary when it comes again, though "yes" would now be an answer', () => {
      const summary = after([...ANSWERS_UP_TO_SEVERITY, 'B', 'cloud']);
      const message = { clientMessageId: 'yes-1', input: { kind: 'text' as const, text: 'yes' } };
      const confirmed = receiveMessage(summary, message, context, at(20));
      if (confirmed.kind !== 'recorded') throw new Error(confirmed.kind);
      expect(confirmed.conversation.step).toEqual({ kind: 'opening', clientMessageId: 'yes-1' });
      expect(receiveMessage(confirmed.conversation, message, context, at(21))).toEqual({ kind: 'repeated', outcome: { accepted: true } });
    });

    it('takes an answer sent as an answer literally, even one that reads like a command', () => {
      const conversation = after([{ kind: 'answer', text: 'Back' }]);
      expect(conversation.answers.name).toBe('Back');
    });
  });

  describe('hands a confirmed conversation to intake', () => {
    // Built inside each test, so that a test run with a planted fault builds it with the fault.
    const confirmedConversation = () => after([...ANSWERS_UP_TO_SEVERITY, 'A', 'no', 'cloud', 'confirm']);

    it('waits for the ticket, confirmed by that message', () => {
      const confirmed = confirmedConversation();
      expect(confirmed.step).toMatchObject({ kind: 'opening' });
    });

    it('as a chat intake the intake boundary accepts, with "since when" in the description and the conversation as transcript', () => {
      const confirmed = confirmedConversation();
      const handed = handOver(confirmed);
      if (!handed.ok) throw new Error(JSON.stringify(handed.errors));
      expect(handed.intake).toMatchObject({
        channel: 'chat',
        requester: { name: 'Ana Silva', email: 'ana.silva@contoso.com', timeZone: 'Europe/Lisbon', available24x7: false },
        tenantDomain: 'contoso.onmicrosoft.com',
        productArea: 'entra-id',
        severity: 'A',
        scope: 'cloud',
      });
      expect(handed.intake.description).toMatch(/managed laptops\.\n\nSince: Monday 09:00$/);
      expect(handed.intake.transcript).toContain('You: contoso.onmicrosoft.com');
      expect(handed.intake.transcript).toContain('Support: Hello, I will take your support request.');
      expect(parseIntake(handed.intake).ok).toBe(true);
    });

    it('drops the availability answer when the severity it belonged to changed', () => {
      const changed = after([...ANSWERS_UP_TO_SEVERITY, 'A', 'yes', 'cloud', 'change severity', 'B', 'confirm']);
      const handed = handOver(changed);
      expect(handed.ok && handed.intake.requester.available24x7).toBe(false);
      expect(handed.ok && handed.intake.severity).toBe('B');
    });

    it('says the ticket number once, however often the opening is retried', () => {
      const confirmed = confirmedConversation();
      const opened = ticketOpened(confirmed, 'BTN-261207-7K2QD', at(30), context);
      expect(ticketOpened(opened, 'BTN-261207-7K2QD', at(31), context)).toBe(opened);
      expect(currentPrompt(opened, context)).toEqual({ kind: 'opened', ticketNumber: 'BTN-261207-7K2QD' });
      expect(lastBatonText(opened)).toBe('Received: ticket BTN-261207-7K2QD. We have emailed you a link to follow it.');
    });

    it('takes no new message once confirmed, and hands over the same request however often it is asked', () => {
      const confirmed = confirmedConversation();
      expect(receiveMessage(confirmed, { clientMessageId: 'late', input: { kind: 'back' } }, context, at(40))).toEqual({ kind: 'closed' });
      const confirming = confirmed.messages.filter((message) => message.from === 'requester').pop();
      if (confirming?.from !== 'requester') throw new Error('no confirming message');
      expect(receiveMessage(confirmed, { clientMessageId: confirming.clientMessageId, input: confirming.input }, context, at(41))).toEqual({ kind: 'repeated', outcome: { accepted: true } });
      const withLaterWords = { ...confirmed, messages: [...confirmed.messages, { from: 'baton' as const, text: 'Still opening…', at: at(42) }] };
      expect(handOver(withLaterWords)).toEqual(handOver(confirmed));
    });
  });

  describe('reads typed commands', () => {
    it('reads only a whole message as a command', () => {
      expect(inputFromText('Go back', false)).toEqual({ kind: 'back' });
      expect(inputFromText('It went back to normal', false)).toEqual({ kind: 'answer', text: 'It went back to normal' });
      expect(inputFromText('yes', true)).toEqual({ kind: 'confirm' });
      expect(inputFromText('yes', false)).toEqual({ kind: 'answer', text: 'yes' });
      expect(inputFromText('change the tenant domain', true)).toEqual({ kind: 'change', question: 'tenantDomain' });
    });
  });

  describe('says exactly what comes next', () => {
    // Built inside each test, so that a test run with a planted fault builds it with the fault.
    const summary = () => after([...ANSWERS_UP_TO_SEVERITY, 'B', 'cloud']);

    it('keeps the time zone the browser reported, and none when it reported none', () => {
      expect(startConversation(at(0), context, 'Asia/Tokyo').timeZone).toBe('Asia/Tokyo');
      expect(Object.keys(startConversation(at(0), context))).not.toContain('timeZone');
    });

    it('sums the request up in one message, with how to confirm or change it', () => {
      expect(lastBatonText(summary())).toBe(
        [
          'Here is your request. Please check it:',
          'Your name: Ana Silva',
          'Email address: ana.silva@contoso.com',
          'Company: Contoso Ltd',
          'Microsoft 365 tenant domain: contoso.onmicrosoft.com',
          'Product area: Microsoft Entra ID',
          'Summary: Finance cannot sign in to Outlook',
          `What is happening: ${ANSWERS_UP_TO_SEVERITY[6] ?? ''}`,
          'Since when: Monday 09:00',
          `Business impact: ${ANSWERS_UP_TO_SEVERITY[8] ?? ''}`,
          'Severity: B — Significant business impact',
          'Location of the problem: In the cloud',
          'Say "confirm" to send it, or "change" and the item to correct it (for example "change severity").',
        ].join('\n'),
      );
    });

    it('lists only the answers given so far', () => {
      expect(summaryLines({ name: 'Ana Silva', email: 'ana@contoso.com' }, context).map((line) => line.key)).toStrictEqual(['name', 'email']);
    });

    it('says the ticket is being opened once confirmed', () => {
      expect(lastBatonText(after(['confirm'], summary()))).toBe('Thank you. I am opening your ticket now.');
    });

    it('repeats the question after a refusal that the requester can act on', () => {
      const namePrompt = 'Hello, I will take your support request. What is your name?';
      expect(lastBatonText(after(['back']))).toBe(`This is the first question. ${namePrompt}`);
      expect(lastBatonText(after([{ kind: 'change', question: 'email' }]))).toBe(`There is no answer to "Email address" to change yet. ${namePrompt}`);
      expect(lastBatonText(after(['confirm']))).toBe(`There are questions left before your request can be sent. ${namePrompt}`);
    });

    it('takes no answer at the summary, only a confirmation or a change', () => {
      const answered = after([{ kind: 'answer', text: 'B' }], summary());
      expect(answered).toMatchObject({ step: { kind: 'summary' }, answers: { severity: 'B' } });
      expect(lastBatonText(answered)).toBe('Say "confirm" to send your request, or "change" and the item to correct.');
    });
  });

  describe('goes back and changes answers as the requester moves', () => {
    // Built inside each test, so that a test run with a planted fault builds it with the fault.
    const summary = () => after([...ANSWERS_UP_TO_SEVERITY, 'B', 'cloud']);

    it('goes back from the summary to the last question, and on back through the questions before it', () => {
      const back = after(['back'], summary());
      expect(back.step).toEqual({ kind: 'question', key: 'scope', returnToSummary: false });
      expect(after(['back'], back).step).toEqual({ kind: 'question', key: 'severity', returnToSummary: false });
    });

    it('goes back one question at a time', () => {
      expect(after(['Ana Silva', 'ana.silva@contoso.com', 'back', 'back']).step).toEqual({ kind: 'question', key: 'name', returnToSummary: false });
    });

    it('returns to the next open question, not the summary, after a change made before the summary', () => {
      expect(after(['Ana Silva', 'ana.silva@contoso.com', 'change name']).step).toEqual({ kind: 'question', key: 'name', returnToSummary: false });
    });

    it('still returns to the summary after a change made while changing another answer from it', () => {
      const changing = after(['change severity'], summary());
      expect(after(['change company'], changing).step).toEqual({ kind: 'question', key: 'company', returnToSummary: true });
    });
  });

  describe('stays within its bounds', () => {
    const padded = (count: number): Conversation => {
      const start = startConversation(at(0), context);
      return { ...start, messages: Array.from({ length: count }, () => start.messages[0]).filter((message) => message !== undefined) };
    };
    const message = { clientMessageId: 'next', input: { kind: 'text' as const, text: 'Ana Silva' } };

    it('takes a message while its reply still fits, and none after', () => {
      expect(receiveMessage(padded(MAX_CHAT_MESSAGES - 2), message, context, at(1)).kind).toBe('recorded');
      expect(receiveMessage(padded(MAX_CHAT_MESSAGES - 1), message, context, at(1))).toEqual({ kind: 'too-long' });
    });

    it('takes no message once the ticket is opened', () => {
      const opened = ticketOpened(after([...ANSWERS_UP_TO_SEVERITY, 'B', 'cloud', 'confirm']), 'BTN-261207-7K2QD', at(30), context);
      expect(receiveMessage(opened, message, context, at(31))).toEqual({ kind: 'closed' });
    });
  });
});
