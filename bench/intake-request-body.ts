/**
 * The intake request the benches send: one Severity B web-form ticket, numbered so each is its own.
 * `mailbox` keeps one bench's requesters apart from another's in the mailbox stand-in.
 */
export function benchIntakeBody(index: number, mailbox = 'bench'): string {
  return JSON.stringify({
    requester: { name: 'Bench Requester', email: `${mailbox}.${index}@contoso.com`, timeZone: 'Europe/London', available24x7: false },
    company: 'Contoso Ltd',
    tenantDomain: 'contoso.onmicrosoft.com',
    productArea: 'entra-id',
    severity: 'B',
    scope: 'cloud',
    title: `Sign-in failures for the finance group (${index})`,
    description: 'Since Monday every member of the finance group gets AADSTS53003 when signing in to Outlook on the web from managed laptops.',
    businessImpact: 'Thirty people cannot read or send email during the month-end close.',
  });
}
