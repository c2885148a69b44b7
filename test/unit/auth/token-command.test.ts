import { createRemoteJWKSet } from 'jose';
import { systemClock } from '../../../shared/clock';
import { verifyStaffToken } from '../../../shared/auth/staff-token';
import { startDevIssuer, type RunningDevIssuer } from '../../../infra/local/identity/dev-issuer';
import { runTokenCommand } from '../../../scripts/token';

interface Captured {
  out: string;
  err: string;
}

async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Captured & { code: number }> {
  const captured: Captured = { out: '', err: '' };
  const code = await runTokenCommand(argv, { out: (text) => (captured.out += text), err: (text) => (captured.err += text) }, env);
  return { ...captured, code };
}

describe('npm run token', () => {
  let issuer: RunningDevIssuer;

  beforeEach(async () => {
    issuer = await startDevIssuer({ port: 0 });
  });

  afterEach(() => issuer.stop());

  it('prints a token for the role and name asked for', async () => {
    const result = await run(['--role', 'engineer', '--name', 'Ana Silva', '--issuer-url', issuer.baseUrl]);
    expect(result.code).toBe(0);
    const check = await verifyStaffToken(`Bearer ${result.out.trim()}`, {
      issuer: issuer.issuer,
      audience: issuer.audience,
      keys: createRemoteJWKSet(new URL(issuer.jwksUri)),
      clock: systemClock,
    });
    expect(check).toMatchObject({ kind: 'verified', principal: { name: 'Ana Silva', roles: ['engineer'] } });
    expect(result.out.trim().split('\n')).toHaveLength(1);
  });

  it('finds the issuer through BATON_DEV_ISSUER_URL', async () => {
    const result = await run(['--role', 'tam', '--role', 'admin', '--name', 'Bo'], { BATON_DEV_ISSUER_URL: `${issuer.baseUrl}/` });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('explains a missing or unknown role and exits 2', async () => {
    const missing = await run(['--name', 'Ana', '--issuer-url', issuer.baseUrl]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--role');
    const unknown = await run(['--role', 'superuser', '--name', 'Ana', '--issuer-url', issuer.baseUrl]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('usage:');
  });

  it('explains an unknown option and exits 2', async () => {
    const result = await run(['--rol', 'engineer']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('usage:');
  });

  it('says so when no issuer is running', async () => {
    const url = issuer.baseUrl;
    await issuer.stop();
    const result = await run(['--role', 'engineer', '--name', 'Ana', '--issuer-url', url]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('npm start');
    issuer = await startDevIssuer({ port: 0 });
  });
});
