import { WebFormIntakeSchema, WebFormRequesterSchema } from '../../../shared/domain/intake/intake';
import { INTAKE_FIELD_GROUPS, INTAKE_FIELDS, isRequiredField, maxLengthOf } from '../../../shared/web/intake/intake-form-fields';

function schemaPaths(): string[] {
  const ticketFields = Object.keys(WebFormIntakeSchema.shape).filter((key) => key !== 'channel' && key !== 'requester');
  const requesterFields = Object.keys(WebFormRequesterSchema.shape).map((key) => `requester.${key}`);
  return [...ticketFields, ...requesterFields].sort();
}

describe('the intake form fields', () => {
  it('offer every field of the domain web-form schema, each exactly once', () => {
    const paths = INTAKE_FIELDS.map((field) => field.path);
    expect([...paths].sort()).toEqual(schemaPaths());
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('are grouped the way a person fills them in', () => {
    expect(INTAKE_FIELD_GROUPS.map((group) => group.legend)).toEqual([
      'Who you are',
      'What is affected',
      'How bad it is',
      'What you have tried',
      'How to reach you',
    ]);
  });

  it('take whether a field is required from the schema', () => {
    const required = INTAKE_FIELDS.filter(isRequiredField).map((field) => field.path);
    expect(required).toEqual(expect.arrayContaining(['requester.name', 'requester.email', 'requester.timeZone', 'title', 'severity', 'scope']));
    expect(required).not.toContain('requester.phone');
    expect(required).not.toContain('whatWasTried');
    // A checkbox always carries a value, so it is never marked as required.
    expect(required).not.toContain('requester.available24x7');
  });

  it('take their length limits from the domain', () => {
    expect(maxLengthOf('description')).toBe(8000);
    expect(maxLengthOf('requester.email')).toBe(254);
  });
});
