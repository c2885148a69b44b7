/**
 * The README's virtual-clock example shows the emails a jump sent, as `npm run clock` prints them:
 * their subjects must be the ones the templates write today, or the example teaches readers to look
 * for mail that never comes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderNotification } from '../../../../shared/email/render-notification';
import type { TemplateName } from '../../../../shared/email/templates/template-names';
import { sampleModel } from './sample-emails';

const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
const example = /```text\n\$ npm run -s clock -- advance 3h\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const emailLines = [...example.matchAll(/^ {2}\d{2}:\d{2}:\d{2} {2}to (\S+): (.+)$/gm)].map((line) => ({ to: line[1] ?? '', subject: line[2] ?? '' }));

/** The template an SLA alert subject comes from, by its opening words. */
function templateOf(subject: string): TemplateName | undefined {
  if (subject.startsWith('SLA warning')) return 'sla-warning';
  if (subject.startsWith('SLA BREACHED')) return 'sla-breach';
  return undefined;
}

describe('the README’s virtual-clock example', () => {
  it('lists the SLA emails of the Sev A ticket it tells of', () => {
    expect(emailLines.map((line) => templateOf(line.subject))).toEqual(expect.arrayContaining(['sla-warning', 'sla-breach']));
  });

  it.each(emailLines.map((line) => [line.to, line.subject]))('shows the subject of the email to %s as the template writes it: %s', async (_to, subject) => {
    const template = templateOf(subject);
    if (template === undefined) throw new Error(`the example shows an email no SLA template writes: ${subject}`);
    const ticketNumber = /\[(BTN-[0-9A-Z-]+)\]/.exec(subject)?.[1] ?? '';
    const title = subject.slice(subject.indexOf(']') + 2);
    const model = sampleModel(template);
    const { event } = model;
    // The example's alerts are on the first response, the samples' on resolution.
    const onFirstResponse = event.type === 'sla-warning-raised' || event.type === 'sla-breached' ? { ...event, metric: 'first-response' as const } : event;
    const email = await renderNotification({ ...model, event: onFirstResponse, ticket: { ...model.ticket, ticketNumber, title } });
    expect(email.subject).toBe(subject);
  });
});
