/**
 * Where the offline stack's vendor stand-in sends its change notices, and the secret it signs them
 * with: Baton's own callback route on the local host, and the secret the host's settings verify
 * with, so vendor news reaches a ticket locally the way it does in Azure, without waiting for the
 * follow-up timer.
 */
import { createHash } from 'node:crypto';
import { VENDOR_CALLBACK_OPERATION } from '../../../shared/http-api/vendor-callback-operation';
import { vendorCallbackSecrets } from '../../../shared/config/vendor-callback-secret';
import type { CallbackTarget } from './vendor-callbacks';

/**
 * A fixed development value, like the stand-in's API key, rather than one generated per data
 * folder: the committed local.settings.sample.json must be able to carry it for a host started by
 * hand against `npm start`'s services. It guards nothing (every party listens on loopback only);
 * it makes the local host verify signatures exactly as Azure does. Not a secret.
 */
export const VENDOR_STANDIN_CALLBACK_SECRET = createHash('sha256').update('baton local vendor callbacks').digest('hex');

/**
 * The target for a host at `hostUrl` whose callback secret setting is `secretSetting`, read with
 * the app's own rule. While the setting lists several (a rotation), the vendor signs with the first;
 * without a usable secret there is nothing to sign with, so no notices are sent.
 */
export function callbackTargetFor(hostUrl: string, secretSetting: string | undefined): CallbackTarget | undefined {
  const parsed = vendorCallbackSecrets().safeParse(secretSetting);
  if (!parsed.success || parsed.data.kind !== 'configured') return undefined;
  const [secret] = parsed.data.secrets;
  return secret === undefined ? undefined : { url: `${hostUrl}${VENDOR_CALLBACK_OPERATION.path}`, secret };
}
