/**
 * POST /api/vendor/callback: the vendor's signed notice that one of our cases changed. The vendor
 * holds no function key; the HMAC signature is the authentication (see
 * shared/http-api/vendor-callback-handler), checked with the secrets the app's configuration holds.
 */
import { registerApiFunction } from '../shared/http-api/api-function';
import { appVendorCallback } from '../shared/http-api/app-vendor-callback';

registerApiFunction('vendorCallback', appVendorCallback, { durableClient: true });
