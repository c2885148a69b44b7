/**
 * The secrets vendor callbacks are verified with, as the loaded configuration holds them (the setting
 * is read and validated once, with every other one, by shared/config). No secrets: every callback
 * is refused, so an unsigned request can never change a ticket.
 */
import { SETTING } from '../config/settings';
import type { VendorCallbackSecrets } from '../config/vendor-callback-secret';

/** The setting's name, for the offline stack and tests that hand the host a secret of their own. */
export const VENDOR_CALLBACK_SECRET_SETTING = SETTING.vendorCallbackSecret;

export function callbackSecretsOf(setting: VendorCallbackSecrets): readonly string[] {
  return setting.kind === 'configured' ? setting.secrets : [];
}
