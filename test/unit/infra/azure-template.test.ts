import fs from 'node:fs';
import path from 'node:path';
import { BATON_CONTAINERS, BATON_DATABASE, TICKETS_CONTAINER, type BatonContainer } from '../../../shared/store/containers';
import { readBicepFiles, resourceDeclarations, stripComments, variableLiteral, type BicepFile } from './bicep-text';
import { KEY_VAULT_SECRETS_USER_ROLE_ID, keyVaultViolations } from './key-vault-checks';
import {
  appSettingViolations,
  asSettings,
  containerViolations,
  declared,
  sharedKeyAndLocalAuthViolations,
  transportViolations,
} from './template-checks';

const REPO = path.join(__dirname, '../../..');
const INFRA = path.join(REPO, 'infra/azure');
const template = readBicepFiles(INFRA);

function bicep(file: string, source: string): BicepFile {
  return { file, code: stripComments(source) };
}

function withFile(file: string, transform: (code: string) => string): BicepFile[] {
  return template.map((f) => (f.file.endsWith(file) ? { ...f, code: transform(f.code) } : f));
}

describe('Azure infrastructure template', () => {
  it('consists of main.bicep and the modules it wires, all present', () => {
    const main = template.find((f) => f.file === path.join(INFRA, 'main.bicep'));
    if (!main) throw new Error('infra/azure/main.bicep is missing');
    const modules = [...main.code.matchAll(/^module\s+\w+\s+'([^']+)'/gm)].map((m) => m[1] ?? '');

    expect(modules.length).toBeGreaterThanOrEqual(6);
    for (const module of modules) expect(fs.existsSync(path.join(INFRA, module))).toBe(true);
  });

  it('enables neither shared keys nor local auth on any resource', () => {
    expect(sharedKeyAndLocalAuthViolations(template)).toEqual([]);
  });

  it('puts no key or connection string into an app setting, and every setting Azure needs', () => {
    expect(appSettingViolations(template)).toEqual([]);
  });

  it('allows neither TLS below 1.2 nor plain HTTP', () => {
    expect(transportViolations(template)).toEqual([]);
  });

  it('declares every container the code uses, with the same partition key and indexing policy', () => {
    expect(containerViolations(template, BATON_CONTAINERS, BATON_DATABASE)).toEqual([]);
  });

  it('grants the app identity a Cosmos data-plane role and the storage data roles Durable needs', () => {
    const resources = resourceDeclarations(template);
    const sqlRoles = resources.filter((r) => r.type === 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    const storage = template.find((f) => f.file.endsWith('storage.bicep'))?.code ?? '';

    expect(sqlRoles.some((r) => r.body.includes('appPrincipalId'))).toBe(true);
    for (const role of ['b7e6dc6d-f1e8-4753-8033-0f276bb0955b', '974c5e8b-45b9-4653-ba55-5f855dd0fb88', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3']) {
      expect(storage).toContain(role);
    }
  });

  it('keeps the vendor callback secret in a Key Vault, referenced from the app settings and read with the user-assigned identity', () => {
    const api = template.find((f) => f.file.endsWith(path.join('app', 'api.bicep')))?.code ?? '';

    expect(keyVaultViolations(template)).toEqual([]);
    expect(api).toMatch(/^\s*BATON_VENDOR_CALLBACK_SECRET:\s*'@Microsoft\.KeyVault\(SecretUri=\$\{\w+\}\)'\s*$/m);
    expect(api).toMatch(/keyVaultReferenceIdentity:\s*identityId/);
  });

  it('grants the app identity Key Vault Secrets User on the vault, and no more', () => {
    const vaultAssignments = resourceDeclarations(template).filter(
      (r) => r.type === 'Microsoft.Authorization/roleAssignments' && r.file.endsWith('key-vault.bicep') && r.body.includes('appPrincipalId'),
    );
    const vault = template.find((f) => f.file.endsWith('key-vault.bicep'))?.code ?? '';

    expect(vaultAssignments).toHaveLength(1);
    expect(vault).toContain(KEY_VAULT_SECRETS_USER_ROLE_ID);
  });

  it('runs the Function App on Flex Consumption with its deployment storage reached by the user-assigned identity', () => {
    const api = template.find((f) => f.file.endsWith(path.join('app', 'api.bicep')))?.code ?? '';

    expect(api).toMatch(/name:\s*'FC1'/);
    expect(api).toMatch(/tier:\s*'FlexConsumption'/);
    expect(api).toMatch(/type:\s*'UserAssignedIdentity'/);
    expect(api).toMatch(/userAssignedIdentityResourceId:\s*identityId/);
    expect(api).toMatch(/name:\s*'node'/);
  });

  it('gives main.parameters.json a value for every required parameter and nothing it does not declare', () => {
    const main = template.find((f) => f.file === path.join(INFRA, 'main.bicep'))?.code ?? '';
    const declared = [...main.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)].map((m) => ({ name: m[1] ?? '', required: !m[2] }));
    const parametersFile: unknown = JSON.parse(fs.readFileSync(path.join(INFRA, 'main.parameters.json'), 'utf8'));
    const provided = Object.keys((parametersFile as { parameters: Record<string, unknown> }).parameters);

    for (const name of provided) expect(declared.map((p) => p.name)).toContain(name);
    for (const parameter of declared.filter((p) => p.required)) expect(provided).toContain(parameter.name);
  });

  it('lets azd provision infra/azure and deploy the project as a function app', () => {
    const azureYaml = fs.readFileSync(path.join(REPO, 'azure.yaml'), 'utf8');

    expect(azureYaml).toMatch(/^\s+path:\s*infra\/azure\s*$/m);
    expect(azureYaml).toMatch(/^\s+host:\s*function\s*$/m);
    expect(template.some((f) => f.code.includes("'azd-service-name': 'api'"))).toBe(true);
  });

  it('leaves no remote build setting behind, the package being deployed as built', () => {
    const siteFile = template.find((f) => declared([f], 'Microsoft.Web/sites').length > 0);
    if (!siteFile) throw new Error('no Microsoft.Web/sites resource is declared');

    expect(Object.keys(asSettings(variableLiteral(siteFile, 'appSettings')))).not.toContain('PRUNE_DEV_DEPENDENCIES');
  });
});

describe('infrastructure checks', () => {
  it('catch a storage account that allows shared keys, or says nothing about them', () => {
    const allows = bicep('x.bicep', "resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  properties: {\n    allowSharedKeyAccess: true\n  }\n}\n");
    const silent = bicep('y.bicep', "resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  properties: {\n    minimumTlsVersion: 'TLS1_2'\n  }\n}\n");

    expect(sharedKeyAndLocalAuthViolations([allows])).toContain('x.bicep: allowSharedKeyAccess is true');
    expect(sharedKeyAndLocalAuthViolations([silent])).toContain('st (Microsoft.Storage/storageAccounts) does not set allowSharedKeyAccess: false');
  });

  it('catch Cosmos, Application Insights or Communication Services keeping local auth', () => {
    const cosmos = withFile('cosmos.bicep', (code) => code.replace('disableLocalAuth: true', 'disableLocalAuth: false'));
    const insights = withFile('monitoring.bicep', (code) => code.replace('DisableLocalAuth: true', ''));
    const email = withFile('email.bicep', (code) => code.replace('disableLocalAuth: true', ''));

    expect(sharedKeyAndLocalAuthViolations(cosmos).join('\n')).toContain('disableLocalAuth is false');
    expect(sharedKeyAndLocalAuthViolations(insights).join('\n')).toContain('(Microsoft.Insights/components) does not set disableLocalAuth: true');
    expect(sharedKeyAndLocalAuthViolations(email).join('\n')).toContain(
      '(Microsoft.Communication/communicationServices) does not set disableLocalAuth: true',
    );
  });

  it('catch a listKeys call and a connection string in the app settings', () => {
    const keyed = withFile('api.bicep', (code) =>
      code.replace(
        'BATON_ENVIRONMENT: \'azure\'',
        "BATON_ENVIRONMENT: 'azure'\n  BATON_COSMOS_KEY: cosmosAccount.listKeys().primaryMasterKey\n  AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=${key}'",
      ),
    );
    const violations = [...appSettingViolations(keyed), ...sharedKeyAndLocalAuthViolations(keyed)].join('\n');

    expect(violations).toContain('app setting BATON_COSMOS_KEY looks like a key or connection string');
    expect(violations).toContain('app setting BATON_COSMOS_KEY is refused in Azure by shared/config');
    expect(violations).toContain('app setting AzureWebJobsStorage carries key material');
    expect(violations).toContain('reads or writes key material');
  });

  it('catch the callback secret as a plain app setting, or resolved with another identity than the app\'s', () => {
    const plain = withFile('api.bicep', (code) =>
      code.replace("'@Microsoft.KeyVault(SecretUri=${vendorCallbackSecretUri})'", 'vendorCallbackSecretUri'),
    );
    const systemAssigned = withFile('api.bicep', (code) => code.replace(/^\s*keyVaultReferenceIdentity:.*$/m, ''));
    const elsewhere = withFile('api.bicep', (code) => code.replace('keyVaultReferenceIdentity: identityId', 'keyVaultReferenceIdentity: planName'));

    expect(appSettingViolations(plain)).toEqual([
      'app setting BATON_VENDOR_CALLBACK_SECRET looks like a key or connection string',
      "app setting BATON_VENDOR_CALLBACK_SECRET is not a Key Vault reference '@Microsoft.KeyVault(SecretUri=${…})'",
    ]);
    expect(keyVaultViolations(systemAssigned).join('\n')).toContain('does not resolve Key Vault references with its user-assigned identity');
    expect(keyVaultViolations(elsewhere).join('\n')).toContain('does not resolve Key Vault references with its user-assigned identity');
  });

  it('catch a vault with access policies, without RBAC, purge protection or soft delete', () => {
    const policies = withFile('key-vault.bicep', (code) =>
      code.replace('accessPolicies: []', "accessPolicies: [\n      {\n        objectId: appPrincipalId\n      }\n    ]"),
    );
    const unprotected = withFile('key-vault.bicep', (code) =>
      code
        .replace('enableRbacAuthorization: true', 'enableRbacAuthorization: false')
        .replace('enablePurgeProtection: true', '')
        .replace('enableSoftDelete: true', 'enableSoftDelete: false'),
    );
    const closed = withFile('key-vault.bicep', (code) => code.replace("publicNetworkAccess: 'Enabled'", "publicNetworkAccess: 'Disabled'"));

    expect(keyVaultViolations(policies).join('\n')).toContain('(Microsoft.KeyVault/vaults) has access policies');
    expect(keyVaultViolations(unprotected)).toEqual([
      'vault (Microsoft.KeyVault/vaults) does not set enableRbacAuthorization: true',
      'vault (Microsoft.KeyVault/vaults) does not set enableSoftDelete: true',
      'vault (Microsoft.KeyVault/vaults) does not set enablePurgeProtection: true',
    ]);
    expect(keyVaultViolations(closed)).toEqual(['vault (Microsoft.KeyVault/vaults) does not set publicNetworkAccess as the storage account does']);
  });

  it('catch the app identity losing Key Vault Secrets User, or the reference pointing outside the vault', () => {
    const officerOnly = withFile('key-vault.bicep', (code) =>
      code.replace("roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)", "roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficerRoleId)"),
    );
    const deployerReads = withFile('key-vault.bicep', (code) => code.replace(/principalId: appPrincipalId/, 'principalId: secretsOfficerPrincipalId'));
    const elsewhere = withFile('main.bicep', (code) => code.replace('vendorCallbackSecretUri: keyVault.outputs.vendorCallbackSecretUri', "vendorCallbackSecretUri: 'https://kv-other.vault.azure.net/secrets/x'"));

    expect(keyVaultViolations(officerOnly)).toEqual(['the app identity is not granted Key Vault Secrets User on vault (Microsoft.KeyVault/vaults)']);
    expect(keyVaultViolations(deployerReads)).toEqual(['the app identity is not granted Key Vault Secrets User on vault (Microsoft.KeyVault/vaults)']);
    expect(keyVaultViolations(elsewhere)).toEqual(['app setting BATON_VENDOR_CALLBACK_SECRET does not reference a secret in a vault the template declares']);
  });

  it('catch an app setting Azure needs going missing', () => {
    const missing = withFile('api.bicep', (code) => code.replace(/^\s*BATON_TASK_HUB:.*$/m, ''));

    expect(appSettingViolations(missing)).toContain('app setting BATON_TASK_HUB is missing (shared/config requires it in Azure)');
  });

  it('catch TLS 1.0, HTTP access and FTP', () => {
    const weak = withFile('storage.bicep', (code) =>
      code.replace("minimumTlsVersion: 'TLS1_2'", "minimumTlsVersion: 'TLS1_0'").replace('supportsHttpsTrafficOnly: true', 'supportsHttpsTrafficOnly: false'),
    );
    const open = withFile('api.bicep', (code) => code.replace('httpsOnly: true', 'httpsOnly: false').replace("ftpsState: 'Disabled'", "ftpsState: 'AllAllowed'"));

    expect(transportViolations(weak).join('\n')).toContain("minimumTlsVersion is 'TLS1_0'");
    expect(transportViolations(weak).join('\n')).toContain('supportsHttpsTrafficOnly is false');
    expect(transportViolations(open).join('\n')).toContain('httpsOnly is false');
    expect(transportViolations(open).join('\n')).toContain("ftpsState is 'AllAllowed'");
  });

  it('catch a container the code uses that the template lacks or partitions differently', () => {
    const audit: BatonContainer = { id: 'audit', partitionKeyPath: '/ticketNumber', indexingPolicy: {} };
    const repartitioned = BATON_CONTAINERS.map((c) => (c.id === TICKETS_CONTAINER ? { ...c, partitionKeyPath: '/id' } : c));
    const reindexed = BATON_CONTAINERS.map((c) =>
      c.id === TICKETS_CONTAINER ? { ...c, indexingPolicy: { ...c.indexingPolicy, compositeIndexes: [] } } : c,
    );

    expect(containerViolations(template, [...BATON_CONTAINERS, audit], BATON_DATABASE)).toContain('container audit is missing from the template');
    expect(containerViolations(template, repartitioned, BATON_DATABASE)).toContain(
      'container tickets is partitioned by /ticketNumber, the code uses /id',
    );
    expect(containerViolations(template, reindexed, BATON_DATABASE).join('\n')).toContain('container tickets has indexing');
    expect(containerViolations(template, BATON_CONTAINERS, 'other')).toContain("the template's database is not other");
    const mortal = BATON_CONTAINERS.map((c) => (c.id === TICKETS_CONTAINER ? { ...c, defaultTtl: -1 } : c));
    expect(containerViolations(template, mortal, BATON_DATABASE)).toContain('container tickets has time to live undefined, the code expects -1');
  });
});
