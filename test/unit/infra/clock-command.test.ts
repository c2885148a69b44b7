import { formatAdvanceReport, formatDuration, parseDuration, parseInstant } from '../../../infra/local/clock/clock-text';
import { startClockControl } from '../../../infra/local/clock/clock-control';
import { parseStartOptions } from '../../../infra/local/start-options';
import { parseClockAction, runClockCommand } from '../../../scripts/clock';

const HOUR = 3_600_000;

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runClockCommand(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('npm run clock words', () => {
  it('reads durations as a person types them', () => {
    expect(parseDuration('3h')).toEqual({ ok: true, value: 3 * HOUR });
    expect(parseDuration('90m')).toEqual({ ok: true, value: 1.5 * HOUR });
    expect(parseDuration('1d')).toEqual({ ok: true, value: 24 * HOUR });
    expect(parseDuration('1h30m')).toEqual({ ok: true, value: 1.5 * HOUR });
    expect(parseDuration('45s')).toEqual({ ok: true, value: 45_000 });
    expect(parseDuration('PT2H15M')).toEqual({ ok: true, value: 2.25 * HOUR });
  });

  it('explains a duration it cannot read', () => {
    for (const text of ['', '3', '3x', 'h', '-1h', '30m1h', 'PTbanana']) {
      expect(parseDuration(text)).toEqual({ ok: false, error: expect.stringContaining('e.g. 3h') });
    }
  });

  it('reads an instant without an offset as UTC, and one with an offset as that offset', () => {
    expect(parseInstant('2026-12-24T09:00')).toEqual({ ok: true, value: new Date('2026-12-24T09:00:00Z') });
    expect(parseInstant('2026-12-24T09:00+01:00')).toEqual({ ok: true, value: new Date('2026-12-24T08:00:00Z') });
    expect(parseInstant('2026-12-24')).toEqual({ ok: true, value: new Date('2026-12-24T00:00:00Z') });
    expect(parseInstant('Christmas morning')).toEqual({ ok: false, error: expect.stringContaining('ISO 8601') });
    expect(parseInstant('2026-13-40T09:00')).toMatchObject({ ok: false });
  });

  it('turns the command line into a move by a duration or to an instant', () => {
    expect(parseClockAction([])).toEqual({ ok: true, action: { kind: 'now' } });
    expect(parseClockAction(['advance', '3h'])).toEqual({ ok: true, action: { kind: 'move', move: { by: 3 * HOUR } } });
    expect(parseClockAction(['to', '2026-12-24T09:00'])).toMatchObject({
      ok: true,
      action: { kind: 'move', move: { to: '2026-12-24T09:00:00.000Z' } },
    });
    expect(parseClockAction(['advance'])).toEqual({ ok: false, error: expect.stringContaining('needs a duration') });
    expect(parseClockAction(['back', '3h'])).toEqual({ ok: false, error: expect.stringContaining('Unknown command "back"') });
    expect(parseClockAction(['advance', '3h', '4h'])).toEqual({ ok: false, error: expect.stringContaining('Unexpected "4h"') });
  });

  it('refuses bad input with the usage and exit code 2, before reaching any stack', async () => {
    for (const argv of [['advance', 'soon'], ['to', 'tomorrow'], ['advance', '3h', '--stak-url', 'x'], ['rewind']]) {
      const result = await run(argv);
      expect(result).toMatchObject({ code: 2, out: '' });
      expect(result.err).toContain('usage: npm run clock');
      expect(result.err).not.toMatch(/\n\s+at /);
    }
  });

  it('says so when no stack answers, with exit code 1', async () => {
    const result = await run(['advance', '3h', '--stack-url', 'http://127.0.0.1:1']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('No local stack answers at http://127.0.0.1:1');
  });

  it('says clearly that a stack on the real clock cannot be moved, with exit code 1', async () => {
    let moved = false;
    const control = await startClockControl(
      {
        virtualClock: false,
        now: () => new Date('2026-12-07T05:00:00Z'),
        moveClock: async () => {
          moved = true;
          throw new Error('a real clock does not move');
        },
      },
      { port: 0 },
    );
    try {
      const advance = await run(['advance', '3h', '--stack-url', control.url]);
      expect(advance).toMatchObject({ code: 1, out: '' });
      expect(advance.err).toContain('The stack runs on the real clock');
      expect(advance.err).toContain('npm start -- --virtual-clock');
      await expect(run(['now', '--stack-url', control.url])).resolves.toEqual({
        code: 0,
        out: 'Real clock: 2026-12-07 05:00:00 UTC (Monday)\n',
        err: '',
      });
      const direct = await fetch(`${control.url}/clock/advance`, { method: 'POST', body: JSON.stringify({ by: 1000 }) });
      expect(direct.status).toBe(409);
      expect(moved).toBe(false);
    } finally {
      await control.stop();
    }
  });

  it('writes durations back compactly', () => {
    expect(formatDuration(3 * HOUR)).toBe('3h');
    expect(formatDuration(26 * HOUR + 90_000)).toBe('1d2h1m30s');
  });

  it('prints an advance report with one line per function, and each email and vendor callback in time order', () => {
    const text = formatAdvanceReport({
      from: '2026-12-24T09:00:00.000Z',
      to: '2026-12-24T12:00:00.000Z',
      timersFired: 3,
      invocations: [
        { at: '2026-12-24T09:15:00.000Z', function: 'lifecycleWatchdog', trigger: 'timerTrigger' },
        { at: '2026-12-24T09:15:00.000Z', function: 'ticketLifecycle', trigger: 'orchestrationTrigger' },
        { at: '2026-12-24T09:16:00.000Z', function: 'lifecycleWatchdog', trigger: 'timerTrigger' },
        { at: '2026-12-24T09:45:00.000Z', function: 'ticketLifecycle', trigger: 'orchestrationTrigger' },
      ],
      emails: [{ at: '2026-12-24T09:45:00.000Z', to: ['maria.garcia@css.example'], subject: 'SLA warning: BTN-1' }],
      vendorCallbacks: [{ at: '2026-12-24T10:00:00.000Z', caseId: '2699', change: 'note-added', status: 200 }],
    });
    expect(text.split('\n')).toEqual([
      'Clock moved 3h: 2026-12-24 09:00:00 UTC (Thursday) → 2026-12-24 12:00:00 UTC (Thursday).',
      'Scheduled calls that came due (durable timers, timer triggers, retries, vendor script): 3.',
      'Functions invoked (4):',
      '  lifecycleWatchdog  timer          ×2  09:15:00 … 09:16:00',
      '  ticketLifecycle    orchestration  ×2  09:15:00 … 09:45:00',
      'Emails stored by the email stand-in (1):',
      '  09:45:00  to maria.garcia@css.example: SLA warning: BTN-1',
      'Vendor callbacks sent (1):',
      '  10:00:00  case 2699 note-added → HTTP 200',
      '',
    ]);
  });
});

describe('npm start options', () => {
  const now = Date.parse('2026-12-07T05:00:00Z');

  it('runs on the real clock unless asked for the virtual one', () => {
    expect(parseStartOptions([], now)).toEqual({ kind: 'start', clock: { virtual: false } });
    expect(parseStartOptions(['--virtual-clock'], now)).toEqual({ kind: 'start', clock: { virtual: true, startAt: new Date(now) } });
    expect(parseStartOptions(['--virtual-clock', '--start', '2026-12-24T09:00Z'], now)).toEqual({
      kind: 'start',
      clock: { virtual: true, startAt: new Date('2026-12-24T09:00:00Z') },
    });
  });

  it('explains options it cannot use', () => {
    expect(parseStartOptions(['--start', '2026-12-24T09:00'], now)).toEqual({ kind: 'invalid', error: expect.stringContaining('add --virtual-clock') });
    expect(parseStartOptions(['--virtual-clock', '--start', 'noon'], now)).toEqual({ kind: 'invalid', error: expect.stringContaining('--start') });
    expect(parseStartOptions(['--virtual-clok'], now)).toMatchObject({ kind: 'invalid' });
  });
});
