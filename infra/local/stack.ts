/**
 * The whole offline stack for `npm start` and for tests: Azurite, the Cosmos DB, email and vendor
 * stand-ins, the development token issuer, and the Functions host as a child process, wired
 * together through app settings exactly as local.settings.json would wire them. Tests use free
 * ports, a throw-away data folder and usually a virtual clock; `npm start` uses fixed ports and
 * `.local/`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SETTING } from '../../shared/config/settings';
import { startAzurite, type RunningAzurite } from './azurite';
import { startCosmosStandIn, DEFAULT_COSMOS_STANDIN_PORT, type CosmosStandIn } from './services/cosmos-standin';
import { startEmailStandIn, DEFAULT_EMAIL_STANDIN_PORT, type EmailStandIn } from './services/email-standin';
import { startVendorStandIn, DEFAULT_VENDOR_STANDIN_PORT, type VendorStandIn } from './services/vendor-standin';
import { startTeamsStandIn, DEFAULT_TEAMS_STANDIN_PORT, type TeamsStandIn } from './services/teams-standin';
import { sampleOrgConfig } from '../../shared/domain/org/sample/sample-org';
import { RegionSchema } from '../../shared/domain/primitives';
import { callbackTargetFor, VENDOR_STANDIN_CALLBACK_SECRET } from './services/vendor-callback-target';
import { startDevIssuer, DEV_ISSUER_PORT, type RunningDevIssuer } from './identity/dev-issuer';
import { DEV_SIGN_IN_CLIENT } from './identity/dev-authorization';
import { readHostJson, routePrefixOf } from './host/app-settings';
import { startHostChild, type HostChild } from './host/child/host-child';
import { assertPortFree, findFreePort } from './host/child/ports';
import { createHostClockClient, StackClock } from './host/child/stack-clock';
import { MASTER_KEY_SETTING } from './host/http/function-keys';
import type { ClockAdvanceReport } from './clock/advance-report';
import { watchWhatFires } from './clock/advance-watch';

export type StackService = 'azurite' | 'cosmos' | 'email' | 'vendor' | 'identity' | 'teams';

export interface LocalStackOptions {
  /** The Functions app to host (default: the repository root, i.e. Baton). */
  readonly appDirectory?: string;
  /** `ephemeral` (default): every port picked free. `fixed`: the well-known ports `npm start` uses. */
  readonly ports?: 'ephemeral' | 'fixed';
  /** Where data lives. Default: `.local/` for fixed ports, else a fresh temp folder removed at stop. */
  readonly dataDirectory?: string;
  /** Real time (default), or a virtual clock from `startAt` (default: now) that only moves when advanced. */
  readonly clock?: { readonly virtual: false } | { readonly virtual: true; readonly startAt?: Date | number | string };
  /** Services to leave out (all start by default). */
  readonly without?: readonly StackService[];
  /** App settings that win over the ones the stack derives. */
  readonly settings?: Readonly<Record<string, string>>;
  /** `collect` (default) keeps the host's output for `hostOutput()`; `inherit` prints it. */
  readonly hostOutput?: 'inherit' | 'collect';
  readonly hostLogLevel?: 'debug' | 'info' | 'warn' | 'error';
}

export interface LocalStackUrls {
  /** The Functions host, e.g. `http://127.0.0.1:7071`. */
  readonly host: string;
  /** Where HTTP functions live (the host plus the route prefix), e.g. `http://127.0.0.1:7071/api`. */
  readonly api: string;
  readonly admin: string;
  readonly blob?: string;
  readonly queue?: string;
  readonly table?: string;
  readonly cosmos?: string;
  readonly email?: string;
  /** The email stand-in's mailbox page. */
  readonly mailbox?: string;
  readonly vendor?: string;
  /** The Teams stand-in: its page shows the cards posted to every channel. */
  readonly teams?: string;
  readonly identity?: string;
}

export interface LocalStackServices {
  readonly azurite?: RunningAzurite;
  readonly cosmos?: CosmosStandIn;
  readonly email?: EmailStandIn;
  readonly vendor?: VendorStandIn;
  readonly teams?: TeamsStandIn;
  readonly identity?: RunningDevIssuer;
}

export interface LocalStack {
  readonly urls: LocalStackUrls;
  /** The app settings the host was given. */
  readonly settings: Readonly<Record<string, string>>;
  readonly services: LocalStackServices;
  readonly dataDirectory: string;
  readonly virtualClock: boolean;
  /** The stack's clock reading (the host's, in virtual mode). */
  now(): Date;
  /** Advances the virtual clock by `ms`, answering once everything it caused has settled. */
  advanceClock(ms: number): Promise<Date>;
  advanceClockTo(instant: Date | number | string): Promise<Date>;
  /** Moves the virtual clock by `ms` or to an instant and, once settled, reports what fired on the way. */
  moveClock(move: ClockMove): Promise<ClockAdvanceReport>;
  /** Kills the host with SIGKILL, as a crash would. */
  killHost(): Promise<void>;
  /** Starts the host again (stopping it first if it runs), at the stack's clock reading. */
  restartHost(): Promise<void>;
  hostPid(): number | undefined;
  /** The host's recent output (with `hostOutput: 'collect'`). */
  hostOutput(): string;
  stop(): Promise<void>;
}

/** How far to move a virtual clock: by a number of milliseconds, or to an instant (never backwards). */
export type ClockMove = { readonly by: number } | { readonly to: Date | number | string };

const FIXED_PORTS = { host: 7071, blob: 10000, queue: 10001, table: 10002 } as const;
const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', ...(__dirname.split(path.sep).includes('dist') ? ['..'] : []));

function instantOf(value: Date | number | string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`"${String(value)}" is not an instant.`);
  return ms;
}

async function checkFixedPorts(wanted: (service: StackService) => boolean): Promise<void> {
  const checks: Array<[number, string]> = [[FIXED_PORTS.host, 'Functions host']];
  if (wanted('azurite')) checks.push([FIXED_PORTS.blob, 'Azurite blob'], [FIXED_PORTS.queue, 'Azurite queue'], [FIXED_PORTS.table, 'Azurite table']);
  if (wanted('cosmos')) checks.push([DEFAULT_COSMOS_STANDIN_PORT, 'Cosmos DB stand-in']);
  if (wanted('email')) checks.push([DEFAULT_EMAIL_STANDIN_PORT, 'email stand-in']);
  if (wanted('vendor')) checks.push([DEFAULT_VENDOR_STANDIN_PORT, 'vendor stand-in']);
  if (wanted('teams')) checks.push([DEFAULT_TEAMS_STANDIN_PORT, 'Teams stand-in']);
  if (wanted('identity')) checks.push([DEV_ISSUER_PORT, 'development token issuer']);
  for (const [port, service] of checks) await assertPortFree(port, service);
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const fixed = options.ports === 'fixed';
  const wanted = (service: StackService): boolean => !(options.without ?? []).includes(service);
  const appDirectory = path.resolve(options.appDirectory ?? REPOSITORY_ROOT);
  const temporaryData = options.dataDirectory === undefined && !fixed;
  const dataDirectory = options.dataDirectory
    ? path.resolve(options.dataDirectory)
    : fixed
      ? path.join(REPOSITORY_ROOT, '.local')
      : fs.mkdtempSync(path.join(os.tmpdir(), 'local-stack-'));
  fs.mkdirSync(dataDirectory, { recursive: true });
  const clockOption = options.clock ?? { virtual: false };
  const clock = new StackClock(clockOption.virtual ? instantOf(clockOption.startAt ?? Date.now()) : undefined);

  const services: { -readonly [K in keyof LocalStackServices]: LocalStackServices[K] } = {};
  let host: HostChild | undefined;
  const stopServices = async (): Promise<void> => {
    await Promise.allSettled([
      services.cosmos?.stop(),
      services.email?.stop(),
      services.vendor?.stop(),
      services.teams?.stop(),
      services.identity?.stop(),
      services.azurite?.stop(),
    ]);
    if (temporaryData) fs.rmSync(dataDirectory, { recursive: true, force: true });
  };

  try {
    if (fixed) await checkFixedPorts(wanted);
    const port = (service: number): number => (fixed ? service : 0);
    const data = (name: string): string => path.join(dataDirectory, name);
    // Azurite runs with its data folder as working folder, so it must exist first.
    if (wanted('azurite')) fs.mkdirSync(data('azurite'), { recursive: true });
    const starts = await Promise.allSettled([
      wanted('azurite') &&
        startAzurite({
          location: data('azurite'),
          blobPort: port(FIXED_PORTS.blob),
          queuePort: port(FIXED_PORTS.queue),
          tablePort: port(FIXED_PORTS.table),
        }).then((started) => (services.azurite = started)),
      wanted('cosmos') &&
        startCosmosStandIn({ port: port(DEFAULT_COSMOS_STANDIN_PORT), dataFile: data('cosmos.json') }).then(
          (started) => (services.cosmos = started),
        ),
      wanted('email') &&
        startEmailStandIn({ port: port(DEFAULT_EMAIL_STANDIN_PORT), dataDir: data('email'), clock: clock.local }).then(
          (started) => (services.email = started),
        ),
      wanted('vendor') &&
        startVendorStandIn({ port: port(DEFAULT_VENDOR_STANDIN_PORT), dataFile: data('vendor.json'), clock: clock.local }).then(
          (started) => (services.vendor = started),
        ),
      wanted('teams') &&
        startTeamsStandIn({ port: port(DEFAULT_TEAMS_STANDIN_PORT), dataDir: data('teams'), clock: clock.local }).then((started) => (services.teams = started)),
      wanted('identity') &&
        startDevIssuer({
          port: port(DEV_ISSUER_PORT),
          dataDir: data('identity'),
          clock: { now: () => new Date(clock.now()) },
        }).then((started) => (services.identity = started)),
    ]);
    // Every start is awaited before giving up, so that none is left running behind a failure.
    const failed = starts.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;

    const hostPort = fixed ? FIXED_PORTS.host : await findFreePort();
    const hostUrl = `http://127.0.0.1:${hostPort}`;
    const settings = stackSettings(hostUrl, services, fixed ? 'as-deployed' : 'room-for-suites', options.settings ?? {});
    // Signed with the secret the host verifies with, overrides included, so the two always agree.
    services.vendor?.configureCallback(callbackTargetFor(hostUrl, settings[SETTING.vendorCallbackSecret]));
    const startHost = async (): Promise<HostChild> =>
      startHostChild({
        appDirectory,
        port: hostPort,
        stateDirectory: data('host'),
        settings,
        ...(clock.virtual ? { virtualClockStart: clock.now() } : {}),
        output: options.hostOutput ?? 'collect',
        ...(options.hostLogLevel ? { logLevel: options.hostLogLevel } : {}),
      });
    host = await startHost();
    const hostClock = createHostClockClient(() => hostUrl, settings[MASTER_KEY_SETTING]);
    const routePrefix = routePrefixOf(readHostJson(appDirectory));
    const moveClock = async (move: ClockMove): Promise<ClockAdvanceReport> => {
      const target = 'by' in move ? (now: number) => now + move.by : instantOf(move.to);
      const report = watchWhatFires(services);
      return report(await clock.advanceTo(target, host ? hostClock : undefined, async () => services.vendor?.settled()));
    };

    let stopped: Promise<void> | undefined;
    return {
      urls: {
        host: hostUrl,
        api: routePrefix ? `${hostUrl}/${routePrefix}` : hostUrl,
        admin: `${hostUrl}/admin`,
        ...(services.azurite
          ? { blob: services.azurite.blobEndpoint, queue: services.azurite.queueEndpoint, table: services.azurite.tableEndpoint }
          : {}),
        ...(services.cosmos ? { cosmos: services.cosmos.endpoint } : {}),
        ...(services.email ? { email: services.email.endpoint, mailbox: services.email.endpoint } : {}),
        ...(services.vendor ? { vendor: services.vendor.baseUrl } : {}),
        ...(services.teams ? { teams: services.teams.endpoint } : {}),
        ...(services.identity ? { identity: services.identity.baseUrl } : {}),
      },
      settings,
      services,
      dataDirectory,
      virtualClock: clock.virtual,
      now: () => new Date(clock.now()),
      advanceClock: async (ms) => new Date((await moveClock({ by: ms })).to),
      advanceClockTo: async (instant) => new Date((await moveClock({ to: instant })).to),
      moveClock,
      killHost: async () => {
        await host?.kill();
        host = undefined;
      },
      restartHost: async () => {
        await host?.stop();
        host = undefined;
        host = await startHost();
      },
      hostPid: () => host?.pid,
      hostOutput: () => host?.output() ?? '',
      stop: () => {
        stopped ??= (async () => {
          await host?.stop();
          host = undefined;
          await stopServices();
        })();
        return stopped;
      },
    };
  } catch (error) {
    await host?.kill();
    await stopServices();
    throw error;
  }
}

/**
 * A Teams channel per queue of the sample organisation and per region, on the stand-in: cards of a
 * routed ticket go to its queue's channel (`queue-<id>`), the rest to its engineer's region's.
 */
function sampleChannels(teams: TeamsStandIn): { queues: Record<string, string>; regions: Record<string, string> } {
  return {
    queues: Object.fromEntries(sampleOrgConfig.queues.map((queue) => [queue.id, teams.webhookUrl(`queue-${queue.id}`)])),
    regions: Object.fromEntries(RegionSchema.options.map((region) => [region, teams.webhookUrl(`region-${region}`)])),
  };
}

/** The app settings the stack hands the host: every service's endpoint and local key or secret. */
function stackSettings(
  hostUrl: string,
  services: LocalStackServices,
  intakeLimits: 'as-deployed' | 'room-for-suites',
  overrides: Readonly<Record<string, string>>,
): Record<string, string> {
  return {
    FUNCTIONS_WORKER_RUNTIME: 'node',
    [SETTING.environment]: 'local',
    [SETTING.taskHub]: 'BatonLocal',
    [SETTING.publicBaseUrl]: hostUrl,
    [SETTING.emailSenderAddress]: 'DoNotReply@baton.local',
    // `npm start` meets the limits a deployment has, so what a person tries locally is what Azure
    // does. Test suites and the bench file hundreds of tickets from 127.0.0.1 through stacks of
    // their own: the limiter stays on for them, with room for that (a test overrides it to try it).
    ...(intakeLimits === 'room-for-suites'
      ? { [SETTING.intakeLimitPerClientAddress]: '100000', [SETTING.intakeLimitPerRequesterEmail]: '100000' }
      : {}),
    ...(services.azurite
      ? { [SETTING.hostStorageConnectionString]: services.azurite.connectionString, [SETTING.attachmentsConnectionString]: services.azurite.connectionString }
      : {}),
    ...(services.cosmos
      ? {
          [SETTING.cosmosEndpoint]: services.cosmos.endpoint,
          [SETTING.cosmosKey]: services.cosmos.key,
          [SETTING.cosmosAllowInsecureTls]: 'true',
        }
      : {}),
    ...(services.email ? { [SETTING.emailConnectionString]: services.email.connectionString } : {}),
    ...(services.vendor
      ? {
          [SETTING.vendorApiBaseUrl]: services.vendor.baseUrl,
          [SETTING.vendorApiKey]: services.vendor.apiKey,
          [SETTING.vendorCallbackSecret]: VENDOR_STANDIN_CALLBACK_SECRET,
        }
      : {}),
    ...(services.teams ? { [SETTING.teamsWebhooks]: JSON.stringify(sampleChannels(services.teams)) } : {}),
    ...(services.identity
      ? {
          [SETTING.staffTokenIssuer]: services.identity.issuer,
          [SETTING.staffTokenAudience]: services.identity.audience,
          [SETTING.staffTokenJwksUri]: services.identity.jwksUri,
          [SETTING.staffSignInClientId]: DEV_SIGN_IN_CLIENT.id,
          [SETTING.staffSignInClientSecret]: DEV_SIGN_IN_CLIENT.secret,
        }
      : {}),
    ...overrides,
  };
}
