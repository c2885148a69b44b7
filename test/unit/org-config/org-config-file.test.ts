/**
 * The organisation as a file: the sample ships as one, and `npm run org -- validate` lists every
 * problem of a broken file by its path and line, without touching any store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { OrgConfigSchema } from '../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import { readOrgConfigText } from '../../../shared/org-config/org-config-file';
import { fixedClock } from '../../../shared/clock';
import { runOrgCommand } from '../../../scripts/org';

const SAMPLE_FILE = path.join(__dirname, '../../../config/sample-org.yaml');
const sampleText = fs.readFileSync(SAMPLE_FILE, 'utf8');

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const unreachable = () => {
    throw new Error('validate must not open a store');
  };
  return runOrgCommand(argv, { out: (text) => out.push(text), err: (text) => err.push(text) }, { env: {}, clock: fixedClock(new Date('2026-11-23T10:00:00.000Z')), configContainer: unreachable }).then(
    (code) => ({ code, out: out.join(''), err: err.join('') }),
  );
}

function writeTemporary(name: string, text: string): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-org-'));
  const file = path.join(directory, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('the organisation configuration file', () => {
  it('ships the sample organisation as config/sample-org.yaml, equal to the one the local stack seeds', () => {
    const read = readOrgConfigText(sampleText);
    expect(read.kind).toBe('valid');
    expect(read.kind === 'valid' && read.config).toEqual(OrgConfigSchema.parse(sampleOrgConfig));
  });

  it('reads the same configuration written as JSON', () => {
    const asJson = JSON.stringify(parseDocument(sampleText).toJS());
    expect(readOrgConfigText(asJson)).toEqual(readOrgConfigText(sampleText));
  });

  it('validates the sample file from the command line', async () => {
    const result = await run(['validate', SAMPLE_FILE]);
    expect(result).toEqual({ code: 0, out: `${SAMPLE_FILE} is valid: 4 contracts, 12 engineers in 3 regions.\n`, err: '' });
  });

  it('rejects a broken roster with every problem by path and line', async () => {
    const document = parseDocument(sampleText);
    document.setIn(['roster', 'regions', 0, 'timeZone'], 'Mars/Olympus_Mons');
    document.setIn(['roster', 'engineers', 1, 'capacity'], -2);
    document.setIn(['roster', 'engineers', 2, 'email'], 'james at css');
    document.deleteIn(['roster', 'engineers', 3, 'name']);
    const file = writeTemporary('broken-roster.yaml', document.toString());

    const result = await run(['validate', file]);

    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain(`${file} is not a valid organisation configuration (4 problems):`);
    const problemPaths = [...result.err.matchAll(/^ {2}(\S+) \(line (\d+)\): /gm)].map((match) => match[1]);
    expect(problemPaths.sort()).toEqual(['roster.engineers[1].capacity', 'roster.engineers[2].email', 'roster.engineers[3].name', 'roster.regions[0].timeZone']);
    const capacityLine = document.toString().split('\n').findIndex((line) => line.includes('capacity: -2')) + 1;
    expect(result.err).toContain(`roster.engineers[1].capacity (line ${capacityLine}): `);
  });

  it('names the line of a YAML syntax error', async () => {
    const file = writeTemporary('unclosed.yaml', 'supportDesk:\n  name: "Desk\ncontracts: []\n');
    const result = await run(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/\(file\) \(line \d+\): /);
  });

  it('says so when the file cannot be read, and answers bad arguments with the usage', async () => {
    expect(await run(['validate', path.join(os.tmpdir(), 'no-such-org-file.yaml')])).toMatchObject({ code: 1, err: expect.stringContaining('(ENOENT)') });
    expect(await run(['validate'])).toMatchObject({ code: 2, err: expect.stringContaining('usage: npm run org') });
    expect(await run(['validate', SAMPLE_FILE, '--apply'])).toMatchObject({ code: 2 });
  });
});
