/**
 * Where the session key comes from: the setting (a Key Vault secret in Azure), or on the offline
 * stack, where nobody sets one, a key generated once and kept in the `config` container, so every
 * instance seals and opens with the same key and sessions survive a restart.
 */
import { randomBytes } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { fixedClock } from '../../../../../shared/clock';
import { sessionKeySource, storedSessionKeys, STORED_SESSION_KEY_DOCUMENT_ID, type SessionKeysRead } from '../../../../../shared/web/staff/session/session-keys';
import { startCosmosFixture, type CosmosFixture } from '../../../store/support/cosmos-fixture';

const CLOCK = fixedClock(new Date('2026-12-07T09:00:00.000Z'));

function keysOf(read: SessionKeysRead): readonly Uint8Array[] {
  if (read.kind !== 'ready') throw new Error(`expected keys, got: ${read.reason}`);
  return read.keys;
}

describe('the staff session key', () => {
  let cosmos: CosmosFixture;
  let container: Container;

  beforeAll(async () => {
    cosmos = await startCosmosFixture();
  });

  afterAll(() => cosmos.stop());

  beforeEach(async () => {
    container = await cosmos.container('/id');
  });

  it('is generated once on the offline stack and shared by every instance, however many ask at once', async () => {
    const instances = Array.from({ length: 8 }, () => storedSessionKeys(async () => container, CLOCK));
    const reads = await Promise.all(instances.map((keys) => keys()));
    const [first] = keysOf(reads[0] ?? { kind: 'unavailable', reason: 'no read' });
    expect(first).toHaveLength(32);
    for (const read of reads) expect(keysOf(read)).toEqual([first]);
    const { resource } = await container.item(STORED_SESSION_KEY_DOCUMENT_ID, STORED_SESSION_KEY_DOCUMENT_ID).read<{ key: string }>();
    expect(Buffer.from(resource?.key ?? '', 'base64url')).toEqual(Buffer.from(first ?? []));
  });

  it('is read again after a restart, so sessions handed out before still open', async () => {
    const before = keysOf(await storedSessionKeys(async () => container, CLOCK)());
    const after = keysOf(await storedSessionKeys(async () => container, CLOCK)());
    expect(after).toEqual(before);
  });

  it('is unavailable while the store is down, and read once it is back', async () => {
    cosmos.standIn.setUnavailable(true);
    const keys = storedSessionKeys(async () => container, CLOCK);
    try {
      expect((await keys()).kind).toBe('unavailable');
    } finally {
      cosmos.standIn.setUnavailable(false);
    }
    expect(keysOf(await keys())).toHaveLength(1);
  });

  it('comes from the setting when one is set, on the offline stack too, without touching the store', async () => {
    const key = new Uint8Array(randomBytes(32));
    const stored = jest.fn(() => storedSessionKeys(async () => container, CLOCK));
    expect(keysOf(await sessionKeySource({ kind: 'configured', keys: [key] }, 'local', stored)())).toEqual([key]);
    expect(stored).not.toHaveBeenCalled();
  });

  it('is never generated in Azure: without the Key Vault secret, sign-in is unavailable', async () => {
    const stored = jest.fn(() => storedSessionKeys(async () => container, CLOCK));
    expect(await sessionKeySource({ kind: 'not-configured' }, 'azure', stored)()).toMatchObject({ kind: 'unavailable' });
    expect(await sessionKeySource({ kind: 'unresolved-key-vault-reference' }, 'azure', stored)()).toMatchObject({ kind: 'unavailable' });
    expect(stored).not.toHaveBeenCalled();
  });
});
