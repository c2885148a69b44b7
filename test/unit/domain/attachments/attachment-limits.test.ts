import { attachmentLimitVerdict, bytesStillAllowed, readableSize } from '../../../../shared/domain/attachments/attachment-limits';

const MB = 1024 * 1024;
const limits = { maxFileBytes: 10 * MB, maxTicketBytes: 25 * MB, maxFilesPerTicket: 3 };
const files = (...sizes: number[]) => sizes.map((size) => ({ size }));

describe('what a ticket may carry', () => {
  it('takes a file within every limit', () => {
    expect(attachmentLimitVerdict(files(MB), 10 * MB, limits)).toEqual({ ok: true });
  });

  it('refuses a file larger than one file may be, saying the limit', () => {
    expect(attachmentLimitVerdict([], 10 * MB + 1, limits)).toEqual({ ok: false, reason: 'is larger than 10 MB, the most one file may be' });
  });

  it('refuses a file that would take the ticket past its total, saying what is left', () => {
    expect(attachmentLimitVerdict(files(10 * MB, 10 * MB), 6 * MB, limits)).toEqual({ ok: false, reason: "would take the ticket's files past 25 MB in all (5 MB left)" });
  });

  it('refuses a file beyond the count, whatever its size', () => {
    expect(attachmentLimitVerdict(files(1, 1, 1), 1, limits)).toEqual({ ok: false, reason: 'the ticket already has 3 files, the most it may carry' });
  });

  it('lets one more file take the smaller of what is left and one file’s limit', () => {
    expect(bytesStillAllowed([], limits)).toBe(10 * MB);
    expect(bytesStillAllowed(files(10 * MB, 10 * MB), limits)).toBe(5 * MB);
    expect(bytesStillAllowed(files(20 * MB, 10 * MB), limits)).toBe(0);
  });

  it('writes sizes as people read them', () => {
    expect([readableSize(512), readableSize(1536), readableSize(25 * MB), readableSize(1.5 * MB)]).toEqual(['512 bytes', '1.5 KB', '25 MB', '1.5 MB']);
  });

  it('takes a file at exactly each limit', () => {
    expect(attachmentLimitVerdict(files(1, 1), 10 * MB, limits)).toEqual({ ok: true });
    expect(attachmentLimitVerdict(files(10 * MB, 5 * MB), 10 * MB, limits)).toEqual({ ok: true });
  });

  it('says nothing is left when the ticket already carries more than a lowered total allows', () => {
    expect(attachmentLimitVerdict(files(20 * MB), 1, { ...limits, maxTicketBytes: 10 * MB })).toEqual({
      ok: false,
      reason: "would take the ticket's files past 10 MB in all (0 bytes left)",
    });
  });

  it('moves to the next unit at 1024, rounds to one decimal, and counts terabytes in GB', () => {
    expect([readableSize(0), readableSize(1023), readableSize(1024), readableSize(1024 + 40), readableSize(1024 * 1024 - 1)]).toEqual([
      '0 bytes',
      '1023 bytes',
      '1 KB',
      '1 KB',
      '1024 KB',
    ]);
    expect(readableSize(3 * 1024 * MB)).toBe('3 GB');
    expect(readableSize(5 * 1024 * 1024 * MB)).toBe('5120 GB');
  });
});

