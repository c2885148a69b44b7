/**
 * What a first `azd up` needs from the template beyond valid properties: operations that lock the
 * Cosmos DB account run one after another, the data role reaches the account metadata the SDK
 * reads, a role definition is never assigned in the deployment that creates it, a custom email
 * domain is linked only once verified, the sender address is the one recipients see, and the
 * choices Azure fixes at creation are refused when changed. Pure functions from Bicep source (and
 * main.parameters.json) to a list of violations, like template-checks.ts.
 */
import { moduleDeclarations, propertyLines, resourceDeclarations, type BicepFile, type ResourceDeclaration } from './bicep-text';
import { declared, where } from './template-checks';

const CONTAINERS = 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers';
const SQL_ROLE_ASSIGNMENTS = 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments';
const EMAIL_DOMAINS = 'Microsoft.Communication/emailServices/domains';

/** The value of `name: …` in a resource or module body, multi-line brackets included. */
function propertyBlock(body: string, name: string): string | undefined {
  const start = new RegExp(`^\\s*${name}\\s*:\\s*`, 'm').exec(body);
  if (!start) return undefined;
  let depth = 0;
  let i = start.index + start[0].length;
  for (; i < body.length; i += 1) {
    const c = body[i];
    if (c === '[' || c === '{' || c === '(') depth += 1;
    else if (c === ']' || c === '}' || c === ')') depth -= 1;
    else if (c === '\n' && depth === 0 && !/^\s*[?:]/.test(body.slice(i + 1))) break;
  }
  return body.slice(start.index + start[0].length, i).trim();
}

function referencedSymbols(text: string, symbols: readonly string[]): string[] {
  return symbols.filter((symbol) => new RegExp(`\\b${symbol}\\b`).test(text));
}

function fileOf(files: readonly BicepFile[], resource: ResourceDeclaration): BicepFile | undefined {
  return files.find((f) => f.file === resource.file);
}

/** `@batchSize(1)` among the decorators right above `resource <symbol>`. */
function runsOneAtATime(file: BicepFile, symbol: string): boolean {
  return new RegExp(`@batchSize\\(\\s*1\\s*\\)\\s*\\n(?:\\s*@.*\\n)*\\s*resource\\s+${symbol}\\b`).test(file.code);
}

/**
 * Cosmos DB answers 412 to a container write or SQL role assignment made while another holds the
 * account lock, so every two of them must be ordered (one depends, directly or not, on the other)
 * and a container loop must run one item at a time.
 */
export function cosmosAccountLockViolations(files: readonly BicepFile[]): string[] {
  const locking = [...declared(files, CONTAINERS), ...declared(files, SQL_ROLE_ASSIGNMENTS)];
  const cosmosFiles = new Set(locking.map((r) => r.file));
  const neighbours = resourceDeclarations(files).filter((r) => cosmosFiles.has(r.file));
  const symbols = neighbours.map((r) => r.symbol);
  const dependencies = new Map(neighbours.map((r) => [r.symbol, referencedSymbols(r.body, symbols).filter((s) => s !== r.symbol)]));
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const pending = [from];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      for (const dependency of dependencies.get(next) ?? []) {
        if (dependency === to) return true;
        if (!seen.has(dependency)) {
          seen.add(dependency);
          pending.push(dependency);
        }
      }
    }
    return false;
  };
  const violations: string[] = [];
  for (const [i, a] of locking.entries()) {
    for (const b of locking.slice(i + 1)) {
      if (!reaches(a.symbol, b.symbol) && !reaches(b.symbol, a.symbol)) violations.push(`${where(a)} and ${where(b)} may run at the same time`);
    }
  }
  for (const loop of declared(files, CONTAINERS).filter((r) => r.body.trimStart().startsWith('['))) {
    const file = fileOf(files, loop);
    if (file && !runsOneAtATime(file, loop.symbol)) violations.push(`${where(loop)} creates its containers in parallel (no @batchSize(1))`);
  }
  return violations;
}

/** Each data role is scoped to the account it belongs to, where the SDK reads the account metadata. */
export function cosmosRoleScopeViolations(files: readonly BicepFile[]): string[] {
  return declared(files, SQL_ROLE_ASSIGNMENTS).flatMap((assignment) => {
    const [parent = ''] = propertyLines(assignment.body, 'parent');
    const [scope = ''] = propertyLines(assignment.body, 'scope');
    return scope === `${parent}.id` ? [] : [`${where(assignment)} is scoped to ${scope}, not the account (${parent}.id)`];
  });
}

/** The text of `var <name> = …`, brackets and ternaries spanning lines included. */
export function variableText(file: BicepFile, name: string): string | undefined {
  return propertyBlock(file.code.replace(new RegExp(`^var\\s+${name}\\s*=`, 'm'), `${name}:`), name);
}

/**
 * The email module may link a customer-managed domain only behind a condition that reads a bool
 * parameter (the operator's word that the DNS records are verified), never unconditionally.
 */
export function customDomainLinkViolations(files: readonly BicepFile[]): string[] {
  const violations: string[] = [];
  const customerManaged = declared(files, EMAIL_DOMAINS).filter((d) => propertyLines(d.body, 'domainManagement').some((v) => v.includes("'CustomerManaged'")));
  for (const service of declared(files, 'Microsoft.Communication/communicationServices')) {
    const file = fileOf(files, service);
    const linked = propertyBlock(service.body, 'linkedDomains') ?? '';
    for (const domain of customerManaged.filter((d) => new RegExp(`\\b${d.symbol}\\b`).test(linked))) {
      const ternary = /^(\w+)\s*\?([\s\S]*?)\n\s*:([\s\S]*)$/.exec(linked);
      const condition = ternary?.[1] ?? '';
      const conditionText = file ? (variableText(file, condition) ?? condition) : condition;
      const readsBoolParameter = [...(file?.code.matchAll(/^param\s+(\w+)\s+bool\b/gm) ?? [])].some(([, name]) => name !== undefined && new RegExp(`\\b${name}\\b`).test(conditionText));
      if (!ternary || new RegExp(`\\b${domain.symbol}\\b`).test(ternary[3] ?? '') || !readsBoolParameter) {
        violations.push(`${where(service)} links ${where(domain)} before anyone could verify it`);
      }
    }
  }
  return violations;
}

/** A sender's resource name and username are one string; the From address uses fromSenderDomain. */
export function senderAddressViolations(files: readonly BicepFile[]): string[] {
  const violations: string[] = [];
  for (const sender of declared(files, 'Microsoft.Communication/emailServices/domains/senderUsernames')) {
    const [name] = propertyLines(sender.body, 'name');
    const [username] = propertyLines(sender.body, 'username');
    if (name !== username) violations.push(`${where(sender)} is named ${name ?? '(nothing)'} but its username is ${username ?? '(nothing)'}`);
  }
  for (const file of files.filter((f) => /^output\s+senderAddress\b/m.test(f.code))) {
    const output = propertyBlock(file.code.replace(/^output\s+senderAddress\s+string\s*=/m, 'senderAddress:'), 'senderAddress') ?? '';
    if (/mailFromSenderDomain/.test(output)) violations.push(`${file.file}: the From address is built from mailFromSenderDomain, the envelope domain`);
    if (!/fromSenderDomain/.test(output.replace(/mailFromSenderDomain/g, ''))) violations.push(`${file.file}: the From address is not built from fromSenderDomain`);
  }
  return violations;
}

/** Parameters of main.bicep whose value azd takes from an output of an earlier provision. */
export function fedBackParameters(main: BicepFile, parameters: Record<string, { value?: unknown }>): string[] {
  const outputs = [...main.code.matchAll(/^output\s+(\w+)\s/gm)].map(([, name]) => name ?? '');
  return Object.entries(parameters)
    .filter(([, entry]) => typeof entry.value === 'string' && outputs.some((output) => entry.value === `\${${output}}` || String(entry.value).startsWith(`\${${output}=`)))
    .map(([name]) => name);
}

/**
 * A role definition created in this deployment takes a while to replicate, so an assignment of it
 * in the same deployment can fail with RoleDefinitionDoesNotExist. Every use of a defined role's
 * name must sit behind a parameter azd feeds back from an earlier provision.
 */
export function roleReplicationViolations(files: readonly BicepFile[], main: BicepFile, parameters: Record<string, { value?: unknown }>): string[] {
  const definers = new Set(declared(files, 'Microsoft.Authorization/roleDefinitions').map((r) => r.file));
  const fedBack = fedBackParameters(main, parameters);
  const violations: string[] = [];
  for (const module of moduleDeclarations([main]).filter((m) => definers.has(m.target))) {
    const [nameVariable = ''] = propertyLines(module.body, 'roleDefinitionName');
    const elsewhere = main.code.replace(module.body, '').replace(new RegExp(`^var\\s+${nameVariable}\\s*=.*$`, 'm'), '');
    const uses = [...elsewhere.matchAll(new RegExp(`\\b${nameVariable}\\b`, 'g'))].length;
    const guarded = [...elsewhere.matchAll(new RegExp(`\\b(\\w+)\\s*\\?\\s*subscriptionResourceId\\(\\s*'Microsoft\\.Authorization/roleDefinitions'\\s*,\\s*${nameVariable}\\s*\\)`, 'g'))].filter(
      ([, condition]) => condition !== undefined && fedBack.includes(condition),
    ).length;
    if (uses !== guarded) violations.push(`the role ${module.symbol} defines is assigned in the deployment that defines it`);
  }
  return violations;
}

/**
 * Cosmos DB fixes serverless or provisioned throughput when the account is created: the mode the
 * Cosmos module gets must be checked, with fail(), against the one an earlier provision reported.
 */
export function throughputModeViolations(main: BicepFile, parameters: Record<string, { value?: unknown }>): string[] {
  const cosmos = moduleDeclarations([main]).find((m) => m.target.endsWith('cosmos.bicep'));
  const [argument = ''] = cosmos ? propertyLines(cosmos.body, 'throughputMode') : [];
  const checked = variableText(main, argument) ?? '';
  const fedBack = fedBackParameters(main, parameters);
  if (!/\bfail\(/.test(checked) || !fedBack.some((name) => new RegExp(`\\b${name}\\b`).test(checked))) {
    return [`the Cosmos throughput mode (${argument}) is not checked against the mode the account was created with`];
  }
  return [];
}

/** The smallest value `@minValue` allows for `param <name>` in a file, if it says. */
export function minimumOf(file: BicepFile, name: string): number | undefined {
  const declaration = new RegExp(`^param\\s+${name}\\s`, 'm').exec(file.code);
  if (!declaration) return undefined;
  const decorators = file.code.slice(0, declaration.index).split(/\n\s*\n/).pop() ?? '';
  const minimum = /@minValue\((\d+)\)/.exec(decorators)?.[1];
  return minimum === undefined ? undefined : Number(minimum);
}

/** Bicep gives parameters, variables, resources and modules one namespace per file: a name twice does not compile. */
export function duplicateIdentifierViolations(files: readonly BicepFile[]): string[] {
  return files.flatMap(({ file, code }) => {
    const names = [...code.matchAll(/^(?:param|var|resource|module)\s+(\w+)\b/gm)].map(([, name]) => name ?? '');
    return [...new Set(names.filter((name, i) => names.indexOf(name) !== i))].map((name) => `${file}: ${name} is declared more than once`);
  });
}
