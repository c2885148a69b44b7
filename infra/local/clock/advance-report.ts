/**
 * What a clock advance set off, as the host and the stack report it: the host lists the function
 * invocations it started (timer triggers, orchestrator replays, activities, HTTP calls) with the
 * virtual instant each began; the stack adds the emails its stand-in stored and the callbacks its
 * vendor stand-in sent. One schema serves the host's admin answer, the stack's clock control and
 * the `npm run clock` command that prints it.
 */
import { z } from 'zod';

export const InvocationRecordSchema = z.object({
  at: z.iso.datetime(),
  function: z.string(),
  trigger: z.string(),
});
export type InvocationRecord = z.infer<typeof InvocationRecordSchema>;

export const EmailRecordSchema = z.object({
  at: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
});
export type EmailRecord = z.infer<typeof EmailRecordSchema>;

export const VendorCallbackRecordSchema = z.object({
  at: z.string(),
  caseId: z.string(),
  change: z.string(),
  status: z.number().int().optional(),
  error: z.string().optional(),
});
export type VendorCallbackRecord = z.infer<typeof VendorCallbackRecordSchema>;

export const ClockAdvanceReportSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** Scheduled calls (durable timers, timer triggers, retries, scripted vendor answers) that came due. */
  timersFired: z.number().int().nonnegative(),
  invocations: z.array(InvocationRecordSchema),
  emails: z.array(EmailRecordSchema),
  vendorCallbacks: z.array(VendorCallbackRecordSchema),
});
export type ClockAdvanceReport = z.infer<typeof ClockAdvanceReportSchema>;
