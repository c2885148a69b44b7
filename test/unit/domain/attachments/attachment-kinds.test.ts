import { judgeContent, looksLikeText, type ContentEvidence } from '../../../../shared/domain/attachments/attachment-kinds';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);
const PNG_HEAD = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const EVTX_HEAD = Uint8Array.from([...text('ElfFile'), 0, 0, 0, 0, 0]);

function evidence(extension: string, head: Uint8Array, sniffed?: string): ContentEvidence {
  return { extension, head, sniffed, complete: true };
}

describe('the attachment allow-list, judged by content', () => {
  it('takes a log whose content is text', () => {
    expect(judgeContent(evidence('log', text('2026-11-24T09:00Z sign-in failed\r\n')))).toEqual({ ok: true, kind: 'text' });
  });

  it('refuses a “log” that is a Windows program', () => {
    const verdict = judgeContent(evidence('log', bytes(0x4d, 0x5a, 0x90, 0x00), 'application/x-msdownload'));
    expect(verdict).toEqual({ ok: false, reason: 'is a program, not a text or log' });
  });

  it('takes a PNG only when the signature sniffer says PNG', () => {
    expect(judgeContent(evidence('png', PNG_HEAD, 'image/png'))).toEqual({ ok: true, kind: 'png' });
    expect(judgeContent(evidence('png', text('<html><script>alert(1)</script>')))).toMatchObject({ ok: false, reason: expect.stringContaining('not a PNG image') });
    expect(judgeContent(evidence('png', PNG_HEAD, 'image/gif'))).toMatchObject({ ok: false, reason: expect.stringContaining('its content is image/gif') });
  });

  it('refuses text whose name claims a binary type that the content contradicts', () => {
    expect(judgeContent(evidence('txt', PNG_HEAD, 'image/png'))).toMatchObject({ ok: false });
  });

  it('takes JSON and HAR only when the text opens an object or an array', () => {
    expect(judgeContent(evidence('har', text('\uFEFF  {"log": {"entries": []}}')))).toEqual({ ok: true, kind: 'har' });
    expect(judgeContent(evidence('json', text('[1, 2]')))).toEqual({ ok: true, kind: 'json' });
    expect(judgeContent(evidence('json', text('hello')))).toMatchObject({ ok: false });
  });

  it('recognises an event log by its “ElfFile” header', () => {
    expect(judgeContent(evidence('evtx', EVTX_HEAD))).toEqual({ ok: true, kind: 'evtx' });
    expect(judgeContent(evidence('evtx', text('ElfFileX but text')))).toMatchObject({ ok: false });
  });

  it('takes a trace log that is binary and nothing the sniffer knows', () => {
    expect(judgeContent(evidence('etl', bytes(0x00, 0x01, 0x02, 0xff)))).toEqual({ ok: true, kind: 'etl' });
    expect(judgeContent(evidence('etl', text('plain text')))).toMatchObject({ ok: false });
    expect(judgeContent(evidence('etl', bytes(0x50, 0x4b, 0x03, 0x04), 'application/zip'))).toMatchObject({ ok: false });
  });

  it('refuses an extension outside the list, and a file without one', () => {
    expect(judgeContent(evidence('exe', bytes(0x4d, 0x5a)))).toEqual({ ok: false, reason: '.exe files are not accepted' });
    expect(judgeContent(evidence('html', text('<p>hi</p>')))).toEqual({ ok: false, reason: '.html files are not accepted' });
    expect(judgeContent(evidence('', text('hi')))).toEqual({ ok: false, reason: 'has no file extension, so its type cannot be told' });
  });

  it('tells text from binary even when the head cuts a character in two', () => {
    const euro = text('price: 5 €');
    expect(looksLikeText(euro.subarray(0, euro.length - 1), false)).toBe(true);
    expect(looksLikeText(euro.subarray(0, euro.length - 1), true)).toBe(false);
    expect(looksLikeText(bytes(0x61, 0x00, 0x62), true)).toBe(false);
  });

  it('reads the extension in any case', () => {
    expect(judgeContent(evidence('LOG', text('line one\n')))).toEqual({ ok: true, kind: 'text' });
    expect(judgeContent(evidence('JPG', bytes(0xff, 0xd8, 0xff), 'image/jpeg'))).toEqual({ ok: true, kind: 'jpeg' });
  });

  it('refuses a program by its first bytes alone, a Linux one too', () => {
    expect(judgeContent(evidence('log', bytes(0x4d, 0x5a)))).toEqual({ ok: false, reason: 'is a program, not a text or log' });
    expect(judgeContent(evidence('etl', bytes(0x7f, 0x45, 0x4c, 0x46, 0x02)))).toEqual({ ok: false, reason: 'is a program, not a Windows trace log (.etl)' });
    expect(judgeContent(evidence('log', text('M')))).toEqual({ ok: true, kind: 'text' });
  });

  it('refuses a file whose content the sniffer recognises as something its name does not say', () => {
    expect(judgeContent(evidence('json', text('{}'), 'application/zip'))).toEqual({ ok: false, reason: 'does not contain what its name says: not a JSON (its content is application/zip)' });
    expect(judgeContent(evidence('evtx', EVTX_HEAD, 'application/pdf'))).toMatchObject({ ok: false });
  });

  it('refuses an empty trace log, and an event log too short for its header', () => {
    expect(judgeContent(evidence('etl', bytes()))).toEqual({ ok: false, reason: 'does not contain what its name says: not a Windows trace log (.etl)' });
    expect(judgeContent(evidence('evtx', text('ElfFil')))).toMatchObject({ ok: false });
  });

  it('takes JSON whose opening bracket comes after blank lines, and not JSON that opens with anything else', () => {
    expect(judgeContent(evidence('json', text('\n\n  \t[1]')))).toEqual({ ok: true, kind: 'json' });
    expect(judgeContent(evidence('json', text('"just a string"')))).toMatchObject({ ok: false });
    expect(judgeContent(evidence('har', bytes(0x7b, 0x00)))).toMatchObject({ ok: false });
  });

  it('takes text with tabs, line breaks and form feeds, and refuses other control characters', () => {
    expect(looksLikeText(text('a\tb\r\nc\fd'), true)).toBe(true);
    expect(looksLikeText(bytes(0x61, 0x1b, 0x62), true)).toBe(false);
    expect(looksLikeText(bytes(0x61, 0x7f), true)).toBe(false);
    expect(looksLikeText(bytes(0x61, 0x0b), true)).toBe(false);
  });

  it('drops at most three bytes of a character cut at the end of the head', () => {
    const invalid = bytes(0x61, 0xff, 0xff, 0xff, 0xff);
    expect(looksLikeText(invalid, false)).toBe(false);
    expect(looksLikeText(bytes(0x61, 0xf0, 0x9f, 0x98), false)).toBe(true);
  });

  it('refuses an event log without its header even when it is binary, a HAR that is not JSON, and a log that is not text', () => {
    expect(judgeContent(evidence('evtx', bytes(0x00, 0x01, 0x02, 0xff)))).toEqual({ ok: false, reason: 'does not contain what its name says: not a Windows event log (.evtx)' });
    expect(judgeContent(evidence('har', text('GET /api HTTP/1.1')))).toEqual({ ok: false, reason: 'does not contain what its name says: not a HAR (browser network log)' });
    expect(judgeContent(evidence('log', bytes(0x00, 0x01, 0x02)))).toEqual({ ok: false, reason: 'does not contain what its name says: not a text or log' });
  });
});

