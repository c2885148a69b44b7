/**
 * What the status page says when a requester's form comes back refused: the field at fault in the
 * form's own words, or, for a field the form does not have, that field's name as it was sent.
 */
import { WEB_ACTIONS, type WebAction } from '../../../../shared/web/status/requester-web-actions';
import { invalidFieldMessage } from '../../../../shared/web/status/ticket-page-handlers';

function webAction(name: string): WebAction {
  const found = WEB_ACTIONS.find((candidate) => candidate.action.name === name);
  if (found === undefined) throw new Error(`no web action ${name}`);
  return found;
}

function refusal(name: string, body: Record<string, unknown>): string {
  const parsed = webAction(name).action.parseBody(body);
  if (parsed.ok) throw new Error('expected the body to be refused');
  return invalidFieldMessage(webAction(name), body, parsed.error);
}

describe('the message of a refused status-page form', () => {
  it('names a field the form does not have, instead of calling the form a field', () => {
    const message = refusal('requesterConfirmResolution', { colour: 'red' });
    expect(message).toBe('An unexpected field was sent: “colour”. Nothing was recorded; please use the form on this page.');
    expect(message).not.toContain('is not a field of this form');
  });

  it('names every unexpected field of a form that has a field of its own', () => {
    const message = refusal('requesterReply', { message: 'It still fails', colour: 'red', size: 'large' });
    expect(message).toBe('Unexpected fields were sent: “colour”, “size”. Nothing was recorded; please use the form on this page.');
  });

  it('still puts a message about the form’s own field after its label', () => {
    expect(refusal('requesterReply', {})).toBe('Your reply is required.');
  });
});
