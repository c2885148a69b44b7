/**
 * The shared secret(s) vendor callbacks are signed with, from the app setting
 * `BATON_VENDOR_CALLBACK_SECRET` (comma-separated while a secret is being rotated). Read once and
 * validated; without it every callback is refused, so an unsigned request can never change a ticket.
 */
import { z } from 'zod';

export const VENDOR_CALLBACK_SECRET_SETTING = 'BATON_VENDOR_CALLBACK_SECRET';

/** Short secrets can be guessed offline from one captured delivery. */
const SecretsSchema = z
  .string()
  .transform((value) => value.split(',').map((secret) => secret.trim()).filter((secret) => secret !== ''))
  .pipe(z.array(z.string().min(16)).min(1));

let processSecrets: readonly string[] | undefined;

export function vendorCallbackSecrets(settings: Readonly<Record<string, string | undefined>> = process.env): readonly string[] {
  if (processSecrets !== undefined && settings === process.env) return processSecrets;
  const parsed = SecretsSchema.safeParse(settings[VENDOR_CALLBACK_SECRET_SETTING] ?? '');
  const secrets = parsed.success ? parsed.data : [];
  if (settings === process.env) processSecrets = secrets;
  return secrets;
}
