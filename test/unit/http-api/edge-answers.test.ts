import { HttpRequest } from '@azure/functions';
import { presentedRequesterToken } from '../../../shared/http-api/requester-credential';
import { rejectionProblem } from '../../../shared/http-api/rejection-problem';
import { RejectionCodeSchema } from '../../../shared/domain/commands/decision';
import { ProblemSchema } from '../../../shared/http-edge/problem';

function request(url: string, headers: Record<string, string> = {}): HttpRequest {
  return new HttpRequest({ url, method: 'GET', headers });
}

describe('a domain rejection at the edge', () => {
  it.each([
    ['forbidden', 403],
    ['invalid-state', 409],
    ['too-early', 409],
    ['invalid-command', 422],
    ['window-closed', 422],
  ] as const)('answers %s with %i and the domain reason', (code, status) => {
    const response = rejectionProblem({ code, message: 'because of the rule' }, '/api/tickets/BTN-1');
    expect(response.status).toBe(status);
    expect(response.headers).toMatchObject({ 'Content-Type': 'application/problem+json' });
    expect(ProblemSchema.parse(response.jsonBody)).toMatchObject({ status, detail: 'because of the rule', type: `https://baton.dev/problems/ticket/${code}` });
  });

  it('knows an answer for every rejection code the domain has', () => {
    for (const code of RejectionCodeSchema.options) expect([403, 409, 422]).toContain(rejectionProblem({ code, message: 'x' }).status);
  });
});

describe("the requester's access token on a request", () => {
  it('is read from a Bearer header', () => {
    expect(presentedRequesterToken(request('http://h/api/tickets/X', { authorization: 'Bearer abc_DEF-1' }))).toEqual({ kind: 'presented', token: 'abc_DEF-1' });
  });

  it('is read from the access query parameter of an email link', () => {
    expect(presentedRequesterToken(request('http://h/api/tickets/X?access=abc'))).toEqual({ kind: 'presented', token: 'abc' });
  });

  it('prefers the header over a link parameter', () => {
    expect(presentedRequesterToken(request('http://h/api/tickets/X?access=link', { authorization: 'Bearer header' }))).toEqual({ kind: 'presented', token: 'header' });
  });

  it('counts any other credential as presented (it then opens nothing) and blanks as absent', () => {
    expect(presentedRequesterToken(request('http://h/x', { authorization: 'Basic dXNlcjpwYXNz' }))).toEqual({ kind: 'presented', token: 'Basic dXNlcjpwYXNz' });
    expect(presentedRequesterToken(request('http://h/x?access=%20', { authorization: '  ' }))).toEqual({ kind: 'absent' });
    expect(presentedRequesterToken(request('http://h/x'))).toEqual({ kind: 'absent' });
  });
});
