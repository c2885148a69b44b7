/**
 * How much a ticket may carry: each file, all files together, and how many. The figures are
 * configuration (app settings); the rule is here, so the upload, the domain's decision and the
 * pages agree on it.
 */
import { z } from 'zod';
import type { Attachment } from './attachment';

export const AttachmentLimitsSchema = z.object({
  maxFileBytes: z.number().int().positive(),
  maxTicketBytes: z.number().int().positive(),
  maxFilesPerTicket: z.number().int().positive(),
});
export type AttachmentLimits = z.infer<typeof AttachmentLimitsSchema>;

export type LimitVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** "25 MB", "1.5 MB", "800 KB": sizes as people read them (1 MB = 1,048,576 bytes, as the settings count). */
export function readableSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit: (typeof units)[number] = 'bytes';
  for (const larger of units.slice(1)) {
    if (value < 1024) break;
    value /= 1024;
    unit = larger;
  }
  // One decimal at most, and none when it is 0: Number("25.0") is 25.
  return `${String(Number(value.toFixed(1)))} ${unit}`;
}

/** The bytes one more file may still take on this ticket: the smaller of the two limits. */
export function bytesStillAllowed(existing: readonly Pick<Attachment, 'size'>[], limits: AttachmentLimits): number {
  const used = existing.reduce((total, attachment) => total + attachment.size, 0);
  return Math.max(0, Math.min(limits.maxFileBytes, limits.maxTicketBytes - used));
}

/** Whether a file of `size` bytes may join the ticket's `existing` attachments. */
export function attachmentLimitVerdict(existing: readonly Pick<Attachment, 'size'>[], size: number, limits: AttachmentLimits): LimitVerdict {
  if (existing.length >= limits.maxFilesPerTicket) {
    return { ok: false, reason: `the ticket already has ${String(existing.length)} files, the most it may carry` };
  }
  if (size > limits.maxFileBytes) return { ok: false, reason: `is larger than ${readableSize(limits.maxFileBytes)}, the most one file may be` };
  const used = existing.reduce((total, attachment) => total + attachment.size, 0);
  if (used + size > limits.maxTicketBytes) {
    return { ok: false, reason: `would take the ticket's files past ${readableSize(limits.maxTicketBytes)} in all (${readableSize(limits.maxTicketBytes - Math.min(used, limits.maxTicketBytes))} left)` };
  }
  return { ok: true };
}
