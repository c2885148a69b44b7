import { INTAKE_CHECKBOX_FIELDS, separateFormKey } from '../../../shared/intake/intake-form-post';

describe('an intake form post', () => {
  it("reads the form's boolean fields as checkboxes: the 24×7 availability", () => {
    expect(INTAKE_CHECKBOX_FIELDS).toEqual(['requester.available24x7']);
  });

  it('takes the hidden idempotency key out of the ticket fields', () => {
    expect(separateFormKey({ title: 'Outlook fails', idempotencyKey: 'key-1' })).toEqual({ fields: { title: 'Outlook fails' }, formKey: 'key-1' });
  });

  it('leaves a body without the hidden key as it is', () => {
    const body = { title: 'Outlook fails' };
    expect(separateFormKey(body)).toEqual({ fields: body, formKey: undefined });
    expect(separateFormKey(['not', 'a', 'form'])).toEqual({ fields: ['not', 'a', 'form'], formKey: undefined });
  });
});
