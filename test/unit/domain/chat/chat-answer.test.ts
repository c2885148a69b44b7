import { questionText, readAnswer, shownAnswer } from '../../../../shared/domain/chat/chat-answer';
import { chatQuestion, type ChatContext } from '../../../../shared/domain/chat/chat-questions';
import { sampleOrgConfig } from '../../../../shared/domain/org/sample/sample-org';
import { SEV_A_RULE } from '../../../../shared/domain/severity/severity-guidance';

const context: ChatContext = { productAreas: sampleOrgConfig.productCatalogue };
const read = (key: Parameters<typeof chatQuestion>[0], text: string, within: ChatContext = context) => readAnswer(chatQuestion(key), text, within);

describe('reading a chat answer', () => {
  describe('yes or no', () => {
    it.each(['yes', '  Yes  ', 'YES!', 'Sure?!', 'yes  we   can', 'ok.'])('reads "%s" as yes', (text) => {
      expect(read('available24x7', text)).toEqual({ ok: true, value: true });
    });

    it.each(['no', 'No!', ' we cannot. '])('reads "%s" as no', (text) => {
      expect(read('available24x7', text)).toEqual({ ok: true, value: false });
    });

    it('asks again for anything else', () => {
      expect(read('available24x7', 'yes, mostly')).toEqual({ ok: false, reason: 'Please answer yes or no.' });
    });
  });

  describe('a choice', () => {
    it('is taken by its number, its value, its label or the first three letters of its label and more', () => {
      expect(read('productArea', '2')).toEqual({ ok: true, value: 'exchange-online' });
      expect(read('productArea', 'intune')).toEqual({ ok: true, value: 'intune' });
      expect(read('productArea', 'sharepoint online')).toEqual({ ok: true, value: 'sharepoint-online' });
      expect(read('productArea', 'Exc')).toEqual({ ok: true, value: 'exchange-online' });
      expect(read('productArea', 'Microsoft I')).toEqual({ ok: true, value: 'intune' });
    });

    it('is not taken by two letters, nor by the end of a label', () => {
      expect(read('productArea', 'Ex')).toMatchObject({ ok: false });
      expect(read('productArea', 'Online')).toMatchObject({ ok: false });
    });

    it('prefers a label typed whole over a longer label that begins with it', () => {
      const hybrid: ChatContext = {
        productAreas: [
          { id: 'exchange-hybrid', name: 'Exchange Online hybrid' },
          { id: 'exchange-online', name: 'Exchange Online' },
        ],
      };
      expect(read('productArea', 'Exchange Online', hybrid)).toEqual({ ok: true, value: 'exchange-online' });
    });

    it('reads a number as digits only, up to the last choice of a long list', () => {
      const many: ChatContext = { productAreas: Array.from({ length: 12 }, (_, index) => ({ id: `area-${String(index + 1)}`, name: `Area ${String(index + 1)}` })) };
      expect(read('productArea', '10', many)).toEqual({ ok: true, value: 'area-10' });
      expect(read('productArea', '0x2', many)).toMatchObject({ ok: false });
    });

    it('reads "severity" or "sev" before the letter only when the question is the severity', () => {
      expect(read('severity', 'Severity B')).toEqual({ ok: true, value: 'B' });
      expect(read('severity', 'sevC')).toEqual({ ok: true, value: 'C' });
      const severn: ChatContext = { productAreas: [{ id: 'severn-portal', name: 'Severn portal' }] };
      expect(read('productArea', 'Severn', severn)).toEqual({ ok: true, value: 'severn-portal' });
    });

    it('lists the choices, numbered, when none matches', () => {
      expect(read('scope', 'hybrid')).toEqual({ ok: false, reason: 'Please choose one of: 1. In the cloud; 2. On premises.' });
    });
  });

  describe('a text answer', () => {
    it('is kept as the form keeps it', () => {
      expect(read('tenantDomain', ' Contoso.OnMicrosoft.com ')).toEqual({ ok: true, value: 'contoso.onmicrosoft.com' });
    });

    it('is refused with every rule it breaks, in the form’s words', () => {
      expect(read('tenantDomain', 'x'.repeat(300))).toEqual({
        ok: false,
        reason: 'Microsoft 365 tenant domain must be at most 253 characters and must be the tenant domain ending in .onmicrosoft.com.',
      });
    });
  });
});

describe('showing a kept answer', () => {
  it('says yes and no in words, a choice by its label and text as it is', () => {
    expect(shownAnswer(chatQuestion('available24x7'), true, context)).toBe('Yes');
    expect(shownAnswer(chatQuestion('available24x7'), false, context)).toBe('No');
    expect(shownAnswer(chatQuestion('productArea'), 'exchange-online', context)).toBe('Exchange Online');
    expect(shownAnswer(chatQuestion('title'), 'Finance cannot sign in', context)).toBe('Finance cannot sign in');
  });
});

describe('a question as one message', () => {
  it('is the prompt alone for a text question without a hint', () => {
    expect(questionText(chatQuestion('name'), context)).toBe('Hello, I will take your support request. What is your name?');
  });

  it('adds the hint', () => {
    expect(questionText(chatQuestion('tenantDomain'), context)).toBe(
      "What is your Microsoft 365 tenant's initial domain? It ends in .onmicrosoft.com, for example contoso.onmicrosoft.com.",
    );
  });

  it('numbers the choices, and offers none when the catalogue is empty', () => {
    expect(questionText(chatQuestion('scope'), context)).toBe('Last question: is the problem in the cloud or on your own servers? Choose one: 1. In the cloud; 2. On premises.');
    expect(questionText(chatQuestion('productArea'), { productAreas: [] })).toBe('Which product is the problem with?');
  });

  it('asks for a yes or a no', () => {
    expect(questionText(chatQuestion('available24x7'), context)).toBe(`Can you, or a colleague, answer our engineers 24×7 until this is resolved? ${SEV_A_RULE} Answer yes or no.`);
  });
});
