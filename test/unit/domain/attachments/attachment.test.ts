import { attachmentBlobName, attachmentPrefix } from '../../../../shared/domain/attachments/attachment';

describe('where an attachment’s bytes are kept', () => {
  it('is under one prefix per ticket, so a ticket’s files go together', () => {
    expect(attachmentPrefix('BTN-261207-7K2QD')).toBe('tickets/BTN-261207-7K2QD/');
    expect(attachmentBlobName('BTN-261207-7K2QD', 'a1b2c3d4e5f6g7h8i9j0')).toBe('tickets/BTN-261207-7K2QD/a1b2c3d4e5f6g7h8i9j0');
  });
});
