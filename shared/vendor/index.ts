/** The vendor escalation adapter: REST client, wire schemas, retry policy and callback signatures. */
export * from './vendor-schemas';
export * from './vendor-retry';
export * from './vendor-client';
export * from './vendor-callback-signature';
