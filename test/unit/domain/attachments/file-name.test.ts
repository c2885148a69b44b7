import { MAX_FILE_NAME_LENGTH, sanitiseFileName } from '../../../../shared/domain/attachments/file-name';

describe('an attachment’s file name', () => {
  it('keeps an ordinary name as it is, with its extension', () => {
    expect(sanitiseFileName('sign-in errors 2026-11-24.log')).toEqual({ name: 'sign-in errors 2026-11-24.log', extension: 'log' });
  });

  it('drops any path the sender’s machine put before it', () => {
    expect(sanitiseFileName('C:\\Users\\ines\\Desktop\\trace.etl').name).toBe('trace.etl');
    expect(sanitiseFileName('../../etc/passwd.txt').name).toBe('passwd.txt');
  });

  it('removes control characters and the direction overrides that disguise an extension', () => {
    expect(sanitiseFileName('report\u0000\u0007.txt').name).toBe('report.txt');
    // "invoice\u202Etxt.exe" displays as "invoiceexe.txt".
    expect(sanitiseFileName('invoice\u202etxt.exe')).toEqual({ name: 'invoicetxt.exe', extension: 'exe' });
  });

  it('replaces characters Windows and shells treat as syntax', () => {
    expect(sanitiseFileName('what<is>this:"|?*.txt').name).toBe('what_is_this_____.txt');
  });

  it('renames the device names Windows reserves', () => {
    expect(sanitiseFileName('CON.txt').name).toBe('_CON.txt');
    expect(sanitiseFileName('lpt1.log').name).toBe('_lpt1.log');
    expect(sanitiseFileName('console.txt').name).toBe('console.txt');
  });

  it('trims dots and spaces Windows would drop or that hide a file, and names a nameless file', () => {
    expect(sanitiseFileName('  notes.txt. . ')).toEqual({ name: 'notes.txt', extension: 'txt' });
    expect(sanitiseFileName('.bashrc')).toEqual({ name: 'bashrc', extension: '' });
    expect(sanitiseFileName('///').name).toBe('attachment');
  });

  it('shortens a long name but keeps its extension', () => {
    const sanitised = sanitiseFileName(`${'é'.repeat(400)}.json`);
    expect(Array.from(sanitised.name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(sanitised.name.endsWith('é.json')).toBe(true);
    expect(sanitised.extension).toBe('json');
  });

  it('reads the extension in lower case for the allow-list, and shows it as sent', () => {
    expect(sanitiseFileName('Screenshot.PNG')).toEqual({ name: 'Screenshot.PNG', extension: 'png' });
  });

  it('removes the C1 controls, direction marks and isolates, and a byte order mark', () => {
    expect(sanitiseFileName('a\u0085b\u200ec\u200fd\u2066e\u2069f\ufeff.txt').name).toBe('abcdef.txt');
  });

  it('writes any run of spacing as one space', () => {
    expect(sanitiseFileName('sign-in \t  errors.log').name).toBe('sign-in errors.log');
  });

  it('renames a reserved device name whatever follows its first dot, and with a superscript digit', () => {
    expect(sanitiseFileName('con.tar.gz').name).toBe('_con.tar.gz');
    expect(sanitiseFileName('NUL').name).toBe('_NUL');
    expect(sanitiseFileName('COM¹.txt').name).toBe('_COM¹.txt');
    expect(sanitiseFileName('com10.txt').name).toBe('com10.txt');
  });

  it('keeps as part of the name an “extension” that is no short word', () => {
    expect(sanitiseFileName('trace.verylongext1')).toEqual({ name: 'trace.verylongext1', extension: '' });
    expect(sanitiseFileName('archive.tar-gz')).toEqual({ name: 'archive.tar-gz', extension: '' });
    expect(sanitiseFileName('archive.tar.gz')).toEqual({ name: 'archive.tar.gz', extension: 'gz' });
  });

  it('drops the dots and spaces left at the end of the name before its extension, and at the start', () => {
    expect(sanitiseFileName('report . .txt').name).toBe('report.txt');
    expect(sanitiseFileName('...hidden.txt').name).toBe('hidden.txt');
    expect(sanitiseFileName(' .txt')).toEqual({ name: 'txt', extension: '' });
  });

  it('shortens a long name without an extension to the limit, never through a character', () => {
    expect(Array.from(sanitiseFileName('😀'.repeat(200)).name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(sanitiseFileName(`${'a'.repeat(MAX_FILE_NAME_LENGTH)}.txt`).name).toBe(`${'a'.repeat(MAX_FILE_NAME_LENGTH - 4)}.txt`);
  });

  it('composes accents, so one name is written one way', () => {
    expect(sanitiseFileName('re\u0301sume\u0301.txt').name).toBe('r\u00e9sum\u00e9.txt');
  });
});

