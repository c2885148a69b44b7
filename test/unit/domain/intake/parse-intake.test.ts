import { fieldErrorsOf, parseIntake } from '../../../../shared/domain/intake/parse-intake';
import { WebFormIntakeSchema } from '../../../../shared/domain/intake/intake';
import { FIELD_LIMITS } from '../../../../shared/domain/intake/intake-fields';
import { webFormBody } from '../support/ticket-fixtures';

function fieldsIn(raw: unknown): string[] {
  const result = parseIntake(raw);
  return result.ok ? [] : result.errors.map((error) => error.field).sort();
}

describe('web form intake', () => {
  it('accepts a complete submission and treats a body without channel as the web form', () => {
    const result = parseIntake(webFormBody());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.intake.channel).toBe('web-form');
      expect(result.intake.severity).toBe('A');
    }
  });

  it('trims text and lower-cases the tenant domain', () => {
    const result = parseIntake({ ...webFormBody(), company: '  Contoso Ltd  ', tenantDomain: ' Contoso.OnMicrosoft.com ' });
    expect(result.ok && result.intake.company).toBe('Contoso Ltd');
    expect(result.ok && result.intake.tenantDomain).toBe('contoso.onmicrosoft.com');
  });

  it('treats blank optional fields as not given', () => {
    const result = parseIntake({ ...webFormBody(), whatWasTried: '   ', attachmentsNote: '' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.intake.whatWasTried).toBeUndefined();
      expect(result.intake.attachmentsNote).toBeUndefined();
    }
  });

  it('lists every missing field at once, with dotted paths', () => {
    expect(fieldsIn({ requester: {} })).toEqual(
      [
        'businessImpact',
        'company',
        'description',
        'productArea',
        'requester.available24x7',
        'requester.email',
        'requester.name',
        'requester.timeZone',
        'scope',
        'severity',
        'tenantDomain',
        'title',
      ].sort(),
    );
    const result = parseIntake({ requester: {} });
    expect(result.ok === false && result.errors.every((error) => error.message === 'is required')).toBe(true);
  });

  it('says what is wrong with each malformed field', () => {
    const result = parseIntake({
      ...webFormBody(),
      requester: { name: 'A', email: 'not-an-address', timeZone: 'Mars/Olympus', available24x7: 'yes' },
      tenantDomain: 'contoso.com',
      productArea: 'Exchange Online',
      severity: 'D',
      scope: 'hybrid',
      title: 'Help',
      description: 'It does not work.',
    });
    expect(result.ok).toBe(false);
    const byField = new Map(result.ok ? [] : result.errors.map((error) => [error.field, error.message]));
    expect(byField.get('requester.name')).toBe('must be at least 2 characters');
    expect(byField.get('requester.email')).toBe('must be an email address');
    expect(byField.get('requester.timeZone')).toMatch(/IANA time zone/);
    expect(byField.get('requester.available24x7')).toBe('must be true or false');
    expect(byField.get('tenantDomain')).toMatch(/onmicrosoft\.com/);
    expect(byField.get('productArea')).toMatch(/slug/);
    expect(byField.get('severity')).toBe('must be one of A, B, C');
    expect(byField.get('scope')).toBe('must be one of cloud, on-premises');
    expect(byField.get('title')).toBe('must be at least 8 characters');
    expect(byField.get('description')).toBe('must be at least 40 characters');
    expect(byField.size).toBe(10);
  });

  it('rejects unknown keys, nested ones included, one error per key', () => {
    const result = parseIntake({ ...webFormBody(), priority: 'P1', requester: { ...(webFormBody().requester as object), manager: 'x' } });
    expect(result.ok ? [] : result.errors).toEqual(
      expect.arrayContaining([
        { field: 'priority', message: 'is not a field of this form' },
        { field: 'requester.manager', message: 'is not a field of this form' },
      ]),
    );
    expect(result.ok ? 0 : result.errors.length).toBe(2);
  });

  it('bounds every text field', () => {
    const tooLong = (limit: number) => 'x'.repeat(limit + 1);
    const result = parseIntake({
      ...webFormBody(),
      title: tooLong(FIELD_LIMITS.title),
      description: tooLong(FIELD_LIMITS.description),
      businessImpact: tooLong(FIELD_LIMITS.businessImpact),
      errorText: tooLong(FIELD_LIMITS.errorText),
      reproductionSteps: tooLong(FIELD_LIMITS.reproductionSteps),
    });
    expect(result.ok ? [] : result.errors.map((error) => `${error.field}: ${error.message}`)).toEqual([
      `title: must be at most ${FIELD_LIMITS.title} characters`,
      `description: must be at most ${FIELD_LIMITS.description} characters`,
      `businessImpact: must be at most ${FIELD_LIMITS.businessImpact} characters`,
      `errorText: must be at most ${FIELD_LIMITS.errorText} characters`,
      `reproductionSteps: must be at most ${FIELD_LIMITS.reproductionSteps} characters`,
    ]);
  });

  it('answers a body that is not an object as a whole', () => {
    expect(parseIntake('subject=help')).toEqual({ ok: false, errors: [{ field: '', message: 'must be an object with the fields of the support form' }] });
    expect(parseIntake(undefined)).toEqual({ ok: false, errors: [{ field: '', message: 'must be an object with the fields of the support form' }] });
    expect(parseIntake({ ...webFormBody(), requester: 'Aoife' })).toEqual({
      ok: false,
      errors: [{ field: 'requester', message: 'must be an object with the fields of the support form' }],
    });
  });

  it('rejects a channel it does not know', () => {
    expect(parseIntake({ ...webFormBody(), channel: 'fax' })).toEqual({ ok: false, errors: [{ field: 'channel', message: 'must be web-form or chat' }] });
  });

  it('explains wrongly typed fields', () => {
    const result = parseIntake({ ...webFormBody(), title: 42, severity: 1 });
    expect(result.ok ? [] : result.errors).toEqual(
      expect.arrayContaining([
        { field: 'severity', message: 'must be one of A, B, C' },
        { field: 'title', message: 'must be text' },
      ]),
    );
    expect(result.ok ? 0 : result.errors.length).toBe(2);
  });
});

describe('chat intake', () => {
  const transcript = { channel: 'chat', requester: { name: 'Ken', email: 'ken@fabrikam.com' }, description: 'outlook broken' };

  it('needs only the requester and a description', () => {
    const result = parseIntake(transcript);
    expect(result.ok && result.intake.channel).toBe('chat');
  });

  it('keeps loose free text for validation to judge later', () => {
    const result = parseIntake({ ...transcript, tenantDomain: 'fabrikam.com', productArea: 'Outlook' });
    expect(result.ok && result.intake.tenantDomain).toBe('fabrikam.com');
  });

  it('still insists on a requester who can be answered and a description', () => {
    expect(fieldsIn({ channel: 'chat', requester: { name: 'Ken', email: 'ken' } })).toEqual(['description', 'requester.email']);
  });
});

describe('field errors of any intake-shaped parse', () => {
  it('tell missing from malformed fields by reading the body they came from', () => {
    const body = { ...webFormBody(), title: undefined, severity: 'Z' };
    const parsed = WebFormIntakeSchema.safeParse(body);
    expect(parsed.success ? [] : fieldErrorsOf(parsed.error, body)).toEqual([
      { field: 'severity', message: 'must be one of A, B, C' },
      { field: 'title', message: 'is required' },
    ]);
  });

  it('take a field the body leaves out, or holds under a part that is absent or empty, as missing', () => {
    const withoutTitle: Record<string, unknown> = { ...webFormBody() };
    delete withoutTitle.title;
    const parsed = WebFormIntakeSchema.safeParse({ ...withoutTitle, requester: { name: 'A' } });
    const errorsFor = (body: unknown) => (parsed.success ? [] : fieldErrorsOf(parsed.error, body).filter((error) => error.field === 'title' || error.field === 'requester.email'));
    expect(errorsFor({ ...withoutTitle, requester: undefined })).toEqual([{ field: 'requester.email', message: 'is required' }, { field: 'title', message: 'is required' }]);
    expect(errorsFor({ ...withoutTitle, requester: null })).toEqual([{ field: 'requester.email', message: 'is required' }, { field: 'title', message: 'is required' }]);
  });
});
