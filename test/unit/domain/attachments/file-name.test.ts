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
    expect(sanitiseFileName('  notes.txt. . ').name).toBe('notes.txt');
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
});
