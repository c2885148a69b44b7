import { z } from 'zod';
import { fieldErrorsFromZod, fieldPath } from '../../../shared/http-edge/field-errors';

describe('field errors from a schema', () => {
  const IntakeLike = z.strictObject({
    requester: z.object({ email: z.email(), name: z.string().min(1) }),
    severity: z.enum(['A', 'B', 'C']),
    attachments: z.array(z.object({ name: z.string().min(1) })).optional(),
  });

  it('reports every offending field with its dotted path', () => {
    const result = IntakeLike.safeParse({ requester: { email: 'nope', name: '' }, severity: 'Z', attachments: [{ name: 'a' }, { name: '' }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    const fields = fieldErrorsFromZod(result.error).map((error) => error.field);
    expect(fields.sort()).toEqual(['attachments[1].name', 'requester.email', 'requester.name', 'severity']);
  });

  it('names each unknown key rather than the object that holds it', () => {
    const result = IntakeLike.safeParse({ requester: { email: 'a@b.co', name: 'Ana' }, severity: 'A', isAdmin: true, extra: 1 });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsFromZod(result.error)).toEqual([
      { field: 'isAdmin', message: 'is not an accepted field' },
      { field: 'extra', message: 'is not an accepted field' },
    ]);
  });

  it('uses the empty path for the body as a whole', () => {
    const result = IntakeLike.safeParse('a string');
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsFromZod(result.error)[0]?.field).toBe('');
  });

  it('writes array positions in brackets', () => {
    expect(fieldPath(['contacts', 0, 'email'])).toBe('contacts[0].email');
    expect(fieldPath([0])).toBe('[0]');
  });
});
