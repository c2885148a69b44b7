import fs from 'node:fs';
import path from 'node:path';
import { readBicepFiles, type BicepFile } from './bicep-text';
import {
  cosmosAccountLockViolations,
  cosmosRoleScopeViolations,
  customDomainLinkViolations,
  duplicateIdentifierViolations,
  minimumOf,
  roleReplicationViolations,
  senderAddressViolations,
  throughputModeViolations,
} from './first-deploy-checks';

const INFRA = path.join(__dirname, '../../../infra/azure');
const template = readBicepFiles(INFRA);
const parametersFile = JSON.parse(fs.readFileSync(path.join(INFRA, 'main.parameters.json'), 'utf8')) as {
  parameters: Record<string, { value?: unknown }>;
};
const parameters = parametersFile.parameters;

function file(name: string, files: readonly BicepFile[] = template): BicepFile {
  const found = files.find((f) => f.file === path.join(INFRA, name));
  if (!found) throw new Error(`infra/azure/${name} is missing`);
  return found;
}

function withFile(name: string, transform: (code: string) => string): BicepFile[] {
  return template.map((f) => (f.file === path.join(INFRA, name) ? { ...f, code: transform(f.code) } : f));
}

describe('the Azure template on a first azd up', () => {
  it('declares each parameter, variable, resource and module name once per file, as Bicep requires', () => {
    expect(duplicateIdentifierViolations(template)).toEqual([]);
  });

  it('runs the Cosmos operations that lock the account one after another: containers, the app identity, the deployer', () => {
    expect(cosmosAccountLockViolations(template)).toEqual([]);
  });

  it('scopes the Cosmos data role to the account, where the SDK reads the account metadata', () => {
    expect(cosmosRoleScopeViolations(template)).toEqual([]);
  });

  it('never assigns a role definition in the deployment that creates it', () => {
    expect(roleReplicationViolations(template, file('main.bicep'), parameters)).toEqual([]);
    expect(file('main.bicep').code).toMatch(/^param emailSenderRole string = 'builtIn'$/m);
  });

  it('links a custom email domain only when told it is verified, sending from the Azure-managed one until then', () => {
    expect(customDomainLinkViolations(template)).toEqual([]);
    expect(file('main.bicep').code).toMatch(/^param linkCustomEmailDomain bool = false$/m);
    expect(parameters.linkCustomEmailDomain?.value).toBe('${BATON_LINK_CUSTOM_EMAIL_DOMAIN=false}');
    expect(file('main.bicep').code).toMatch(/^output BATON_EMAIL_DOMAIN_DNS_RECORDS object = email\.outputs\.customDomainVerificationRecords$/m);
  });

  it('names each sender by its username and sends from the domain recipients see', () => {
    expect(senderAddressViolations(template)).toEqual([]);
  });

  it('refuses to change the Cosmos throughput mode of an existing account, with a message', () => {
    expect(throughputModeViolations(file('main.bicep'), parameters)).toEqual([]);
  });

  it("lets the Function App's scale-out ceiling go as low as Flex Consumption allows today", () => {
    expect(minimumOf(file('main.bicep'), 'maximumInstanceCount')).toBe(1);
    expect(minimumOf(file('app/api.bicep'), 'maximumInstanceCount')).toBe(1);
  });
});

describe('first-deploy checks', () => {
  it('catch a module named like a parameter', () => {
    const clash = withFile('main.bicep', (code) => code.replace('module emailSenderRoleDefinition ', 'module emailSenderRole '));

    expect(duplicateIdentifierViolations(clash)).toEqual([`${path.join(INFRA, 'main.bicep')}: emailSenderRole is declared more than once`]);
  });

  it('catch role assignments that depend on the database only, and containers created in parallel', () => {
    const parallel = withFile('app/cosmos.bicep', (code) =>
      code.replace(/dependsOn: \[\s*databaseContainers\s*\]/, 'dependsOn: [\n    database\n  ]').replace(/dependsOn: \[\s*appDataAccess\s*\]/, 'dependsOn: [\n    database\n  ]').replace('@batchSize(1)', ''),
    );

    expect(cosmosAccountLockViolations(parallel)).toEqual([
      'databaseContainers (Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers) and appDataAccess (Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments) may run at the same time',
      'databaseContainers (Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers) and deployerDataAccess (Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments) may run at the same time',
      'appDataAccess (Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments) and deployerDataAccess (Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments) may run at the same time',
      'databaseContainers (Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers) creates its containers in parallel (no @batchSize(1))',
    ]);
  });

  it('catch a data role scoped to one database', () => {
    const databaseScope = withFile('app/cosmos.bicep', (code) => code.replace('scope: account.id', "scope: '${account.id}/dbs/${databaseName}'"));

    expect(cosmosRoleScopeViolations(databaseScope)).toEqual([
      "appDataAccess (Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments) is scoped to '${account.id}/dbs/${databaseName}', not the account (account.id)",
    ]);
  });

  it('catch the custom sender role assigned as soon as it is defined', () => {
    const sameDeployment = withFile('main.bicep', (code) =>
      code.replace(/\(emailSenderRoleDefined \? (subscriptionResourceId\([^)]*\)) : ''\)/, '$1'),
    );

    expect(roleReplicationViolations(sameDeployment, file('main.bicep', sameDeployment), parameters)).toEqual([
      'the role emailSenderRoleDefinition defines is assigned in the deployment that defines it',
    ]);
    expect(roleReplicationViolations(template, file('main.bicep'), { ...parameters, emailSenderRoleDefined: { value: 'true' } })).toEqual([
      'the role emailSenderRoleDefinition defines is assigned in the deployment that defines it',
    ]);
  });

  it('catch a custom domain linked in the deployment that creates it', () => {
    const sameDeployment = withFile('app/email.bicep', (code) => code.replace(/linkedDomains: sendsFromCustomDomain[\s\S]*?\n\s*: \[\s*managedDomain\.id\s*\]/, 'linkedDomains: [\n      customEmailDomain.id\n    ]'));
    const onItsName = withFile('app/email.bicep', (code) => code.replace('linkedDomains: sendsFromCustomDomain', 'linkedDomains: hasCustomDomain'));

    expect(customDomainLinkViolations(sameDeployment)).toEqual([
      'communicationService (Microsoft.Communication/communicationServices) links customEmailDomain (Microsoft.Communication/emailServices/domains) before anyone could verify it',
    ]);
    expect(customDomainLinkViolations(onItsName)).toHaveLength(1);
  });

  it('catch a lower-cased sender name and a From address on the envelope domain', () => {
    const mismatched = withFile('app/email.bicep', (code) =>
      code.replace(/name: senderUsername$/m, 'name: toLower(senderUsername)').replace('managedDomain.properties.fromSenderDomain', 'managedDomain.properties.mailFromSenderDomain'),
    );

    expect(senderAddressViolations(mismatched)).toEqual([
      'customSender (Microsoft.Communication/emailServices/domains/senderUsernames) is named toLower(senderUsername) but its username is senderUsername',
      `${path.join(INFRA, 'app/email.bicep')}: the From address is built from mailFromSenderDomain, the envelope domain`,
    ]);
  });

  it('catch a throughput mode passed straight to Cosmos', () => {
    const unchecked = withFile('main.bicep', (code) => code.replace('throughputMode: checkedCosmosThroughputMode', 'throughputMode: cosmosThroughputMode'));

    expect(throughputModeViolations(file('main.bicep', unchecked), parameters)).toEqual([
      'the Cosmos throughput mode (cosmosThroughputMode) is not checked against the mode the account was created with',
    ]);
  });
});
