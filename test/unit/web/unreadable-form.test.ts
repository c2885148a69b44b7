/**
 * A form post the server cannot read is answered with the form again and a reason that tells the
 * requester whether sending it again can help: too large, not a form at all, or malformed.
 */
import { HttpRequest } from '@azure/functions';
import { OrgConfigSchema } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import { intakeFormPost, type IntakeWebPorts } from '../../../shared/web/intake/intake-form-handlers';

const ports: IntakeWebPorts = {
  orgConfig: async () => ({ kind: 'loaded', config: OrgConfigSchema.parse(sampleOrgConfig) }),
  openTicket: async () => {
    throw new Error('an unreadable form must never open a ticket');
  },
  reportFailure: () => 'correlation-id',
};

function post(contentType: string, body: string): HttpRequest {
  return new HttpRequest({ method: 'POST', url: 'http://127.0.0.1:7071/', headers: { 'content-type': contentType }, body: { string: body } });
}

async function answer(request: HttpRequest): Promise<{ status: number | undefined; page: string }> {
  const response = await intakeFormPost(request, ports);
  return { status: response.status, page: String(response.body) };
}

describe('a form post that cannot be read', () => {
  it('says the request was not a form when its media type is not one a form uses', async () => {
    const { status, page } = await answer(post('foo/bar;;;', 'title=x'));
    expect(status).toBe(415);
    expect(page).toContain('The request was not sent as a form');
    expect(page).not.toContain('too large');
  });

  it('says the form is too large only when it is', async () => {
    const { status, page } = await answer(post('application/x-www-form-urlencoded', `description=${'x'.repeat(2_000_000)}`));
    expect(status).toBe(413);
    expect(page).toContain('too large');
  });
});
