/**
 * The Entra ID app registration of the staff API (infra/entra), checked against what the app reads
 * from staff tokens: the role values, v2 tokens, the email claim.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StaffRoleSchema } from '../../../shared/auth/staff-token';
import { STAFF_ROUTES } from '../../../shared/web/staff/staff-routes';

const ENTRA = path.join(__dirname, '../../../infra/entra');
const GuidSchema = z.uuid();

const RegistrationSchema = z.object({
  signInAudience: z.string(),
  api: z.object({
    requestedAccessTokenVersion: z.number(),
    oauth2PermissionScopes: z.array(z.object({ id: GuidSchema, value: z.string(), type: z.string(), isEnabled: z.boolean() })),
  }),
  appRoles: z.array(z.object({ id: GuidSchema, value: z.string(), displayName: z.string(), description: z.string(), allowedMemberTypes: z.array(z.string()), isEnabled: z.boolean() })),
  optionalClaims: z.object({ accessToken: z.array(z.object({ name: z.string() })), idToken: z.array(z.object({ name: z.string() })) }),
  publicClient: z.object({ redirectUris: z.array(z.string()) }),
  web: z.object({ implicitGrantSettings: z.object({ enableIdTokenIssuance: z.boolean(), enableAccessTokenIssuance: z.boolean() }) }),
});

const PreauthorizationSchema = z.object({
  api: z.object({ preAuthorizedApplications: z.array(z.object({ appId: GuidSchema, delegatedPermissionIds: z.array(GuidSchema) })) }),
});

const registration = RegistrationSchema.strict().parse(JSON.parse(fs.readFileSync(path.join(ENTRA, 'staff-app-registration.json'), 'utf8')));
const preauthorization = PreauthorizationSchema.parse(JSON.parse(fs.readFileSync(path.join(ENTRA, 'staff-app-cli-preauthorization.json'), 'utf8')));
const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');

describe('the staff API app registration', () => {
  it('defines exactly the staff roles the app knows, for users, each with its own id', () => {
    expect(registration.appRoles.map((role) => role.value).sort()).toEqual([...StaffRoleSchema.options].sort());
    expect(registration.appRoles.every((role) => role.allowedMemberTypes.join() === 'User' && role.isEnabled)).toBe(true);
    expect(new Set(registration.appRoles.map((role) => role.id)).size).toBe(registration.appRoles.length);
  });

  it('issues v2 access tokens carrying the email claim the app reads beside oid', () => {
    expect(registration.api.requestedAccessTokenVersion).toBe(2);
    expect(registration.optionalClaims.accessToken.map((claim) => claim.name)).toContain('email');
    expect(registration.signInAudience).toBe('AzureADMyOrg');
  });

  it('pre-authorizes the Azure CLI for the scope it defines, so staff can fetch a token with az', () => {
    const scopeIds = registration.api.oauth2PermissionScopes.map((scope) => scope.id);
    const [cli] = preauthorization.api.preAuthorizedApplications;
    expect(cli?.appId).toBe('04b07795-8ddb-461a-bbee-02f9e1bf7b46');
    expect(cli?.delegatedPermissionIds.every((id) => scopeIds.includes(id))).toBe(true);
  });

  it('lets the console sign staff in with the code flow only, its ID token carrying the email claim beside oid and roles', () => {
    expect(registration.web.implicitGrantSettings).toEqual({ enableIdTokenIssuance: false, enableAccessTokenIssuance: false });
    expect(registration.optionalClaims.idToken.map((claim) => claim.name)).toContain('email');
  });

  it('has the README register the console’s callback and signed-out pages as web redirect URIs', () => {
    expect(readme).toContain(`--web-redirect-uris "$BATON_APP_URL/${STAFF_ROUTES.signInCallback}" "$BATON_APP_URL/${STAFF_ROUTES.signedOut}"`);
  });

  it('is applied by the README commands', () => {
    expect(readme).toContain('--body @infra/entra/staff-app-registration.json');
    expect(readme).toContain('--body @infra/entra/staff-app-cli-preauthorization.json');
  });
});
