import { z } from 'zod';
import { messageIdFor } from '../../../shared/email/message-id';

describe('outbox message ids', () => {
  it('are the same for the same notification', () => {
    expect(messageIdFor('BTN-20261123-0042', 'received', 'ana@contoso.com')).toBe(messageIdFor('BTN-20261123-0042', 'received', 'ana@contoso.com'));
  });

  it('differ by ticket, occasion and recipient', () => {
    const ids = new Set([
      messageIdFor('BTN-1', 'received', 'ana@contoso.com'),
      messageIdFor('BTN-2', 'received', 'ana@contoso.com'),
      messageIdFor('BTN-1', 'assigned', 'ana@contoso.com'),
      messageIdFor('BTN-1', 'received', 'bo@contoso.com'),
    ]);
    expect(ids.size).toBe(4);
  });

  it('do not confuse where one part ends and the next begins', () => {
    expect(messageIdFor('ab', 'c')).not.toBe(messageIdFor('a', 'bc'));
  });

  it('are version-5 UUIDs, as ACS requires of an operation id', () => {
    const id = messageIdFor('BTN-1', 'received');
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('need at least one part', () => {
    expect(() => messageIdFor()).toThrow();
  });
});
