/**
 * What every secret app setting shares: it may be absent (the part that needs it then says it is
 * not configured), or an unresolved Key Vault reference, which must never become a secret; and a
 * setting that lists secrets separates them with commas while one is rotated out. Failure messages
 * never repeat a value: they end up in logs.
 */
import { z } from 'zod';

/**
 * App Service leaves a Key Vault reference it cannot resolve (no secret yet, no access) as the
 * setting's value. That text names a vault anyone may know, so it must never become a secret.
 */
export const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(/i;

/** A secret setting, read by `configured` once it is known to be neither absent nor an unresolved reference. */
export function secretSetting<Configured>(configured: (value: string, context: z.RefinementCtx) => Configured) {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return { kind: 'not-configured' as const };
      if (KEY_VAULT_REFERENCE.test(value.trim())) return { kind: 'unresolved-key-vault-reference' as const };
      return configured(value, context);
    });
}

/** Why the listed secret at `position` (from 1) of `count` was refused, `item` being its trimmed text. */
export type ListedSecretProblem = (position: number, count: number, item: string) => string;

/**
 * Each comma-separated secret of `value`, trimmed and read by `read`; the first one `read` refuses
 * (answers undefined) is reported on `context` and the list answered as undefined.
 */
export function readSecretList<Secret>(value: string, context: z.RefinementCtx, read: (item: string) => Secret | undefined, problem: ListedSecretProblem): Secret[] | undefined {
  const items = value.split(',').map((item) => item.trim());
  const secrets: Secret[] = [];
  for (const [index, item] of items.entries()) {
    const secret = read(item);
    if (secret === undefined) {
      context.addIssue({ code: 'custom', message: problem(index + 1, items.length, item) });
      return undefined;
    }
    secrets.push(secret);
  }
  return secrets;
}
