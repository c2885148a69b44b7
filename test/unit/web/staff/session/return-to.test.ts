import { safeReturnTo, signInLocation } from '../../../../../shared/web/staff/session/return-to';

describe('where sign-in returns to', () => {
  it.each([
    ['/staff', '/staff'],
    ['/staff/queue?status=open&severity=A', '/staff/queue?status=open&severity=A'],
    ['/staff/tickets/BTN-261207-7K2QD#timeline', '/staff/tickets/BTN-261207-7K2QD#timeline'],
  ])('keeps the console path %s', (candidate, expected) => {
    expect(safeReturnTo(candidate)).toBe(expected);
  });

  it.each([
    ['nothing', undefined],
    ['an absolute URL', 'https://evil.example/staff'],
    ['a scheme-relative URL', '//evil.example/staff'],
    ['a backslash a browser reads as a slash', '/\\evil.example/staff'],
    ['a tab a browser drops', '/\t/evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'staff/queue'],
    ['a path that climbs out of the console', '/staff/../tickets/BTN-261207-7K2QD'],
    ['a requester page', '/tickets/BTN-261207-7K2QD'],
    ['a path that only starts like the console', '/staffing'],
    ['the sign-in route itself', '/staff/sign-in?returnTo=/staff'],
    ['the sign-in callback', '/staff/sign-in/callback?code=x'],
    ['the sign-out route', '/staff/sign-out'],
  ])('goes to the console home instead of %s', (_case, candidate) => {
    expect(safeReturnTo(candidate)).toBe('/staff');
  });

  it('asks the sign-in route to come back with the path encoded as one query value', () => {
    expect(signInLocation('/staff/sign-in', '/staff/queue?status=open&page=2')).toBe('/staff/sign-in?returnTo=%2Fstaff%2Fqueue%3Fstatus%3Dopen%26page%3D2');
  });
});
