/**
 * The layering the README's layout section describes, enforced: dependency-cruiser runs with the
 * repository's own rules (.dependency-cruiser.cjs) over the product code, which must have no
 * violation, and over a small fixture that breaks every rule once, which must be refused for each.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';

const ROOT = join(__dirname, '..', '..', '..');
const RULES = join(ROOT, '.dependency-cruiser.cjs');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'dependency-rules');

const CruiseSchema = z.object({
  modules: z.number(),
  violations: z.array(z.object({ rule: z.string(), from: z.string(), to: z.string(), cycle: z.array(z.string()).optional() })),
});
type Cruise = z.infer<typeof CruiseSchema>;

function cruise(baseDir: string, paths: readonly string[]): Cruise {
  const output = execFileSync(process.execPath, [join(__dirname, 'support', 'cruise.mjs'), RULES, baseDir, ...paths], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return CruiseSchema.parse(JSON.parse(output));
}

function brokenBy(result: Cruise, rule: string): Array<{ from: string; to: string }> {
  return result.violations.filter((violation) => violation.rule === rule).map(({ from, to }) => ({ from, to }));
}

describe('dependency rules', () => {
  it('hold for the product code: functions, shared, the offline stack and the scripts', () => {
    const result = cruise(ROOT, ['functions', 'shared', 'infra/local', 'scripts']);
    expect(result.modules).toBeGreaterThan(300);
    expect(result.violations).toEqual([]);
  }, 120_000);

  describe('refuse a fixture that breaks each rule once', () => {
    let fixture: Cruise;
    beforeAll(() => {
      fixture = cruise(FIXTURE, ['functions', 'shared', 'infra']);
    }, 120_000);

    it('keeps the domain pure: a domain file importing @azure/cosmos or a Node module is refused, zod and luxon are not', () => {
      const broken = brokenBy(fixture, 'domain-is-pure');
      expect(broken.map((violation) => violation.from)).toEqual(['shared/domain/impure-rule.ts', 'shared/domain/impure-rule.ts']);
      expect(broken.map((violation) => violation.to).sort()).toEqual([expect.stringContaining('node_modules/@azure/cosmos/'), 'crypto']);
      expect(fixture.violations.filter((violation) => violation.from === 'shared/domain/pure-rule.ts')).toEqual([]);
    });

    it('keeps functions and shared code out of the offline stack', () => {
      expect(brokenBy(fixture, 'app-ignores-offline-stack')).toEqual([{ from: 'functions/uses-local-host.ts', to: 'infra/local/host/host-only.ts' }]);
    });

    it('keeps the local host and Durable emulator free of the app', () => {
      expect(brokenBy(fixture, 'local-runtime-ignores-app')).toEqual([{ from: 'infra/local/host/host-only.ts', to: 'shared/domain/pure-rule.ts' }]);
      expect(fixture.violations.filter((violation) => violation.from.startsWith('infra/local/durable/'))).toEqual([]);
    });

    it('refuses a cycle, naming the modules on it', () => {
      const cycles = fixture.violations.filter((violation) => violation.rule === 'no-cycles');
      expect(cycles).toHaveLength(1);
      expect(cycles[0]?.cycle?.slice().sort()).toEqual(['shared/store/first-half.ts', 'shared/store/second-half.ts']);
    });
  });
});
