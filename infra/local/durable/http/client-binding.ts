/**
 * The `durableClient` input binding value the extension gives a function (task hub, webhook
 * templates, and the local `rpcBaseUrl` durable-functions v3 sends every client call to), and the
 * management links `createCheckStatusResponse` returns for one instance.
 */

export interface ClientEndpoints {
  /** Public webhook base, e.g. http://127.0.0.1:7071/runtime/webhooks/durabletask */
  readonly webhookBaseUrl: string;
  /** Local RPC base the client library calls, ending in a slash. */
  readonly rpcBaseUrl: string;
  readonly hubName: string;
  readonly connectionName: string;
  readonly systemKey: string;
}

export const INSTANCE_ID_PLACEHOLDER = 'INSTANCEID';

function query(endpoints: ClientEndpoints): string {
  return `taskHub=${encodeURIComponent(endpoints.hubName)}&connection=${encodeURIComponent(endpoints.connectionName)}&code=${encodeURIComponent(endpoints.systemKey)}`;
}

export interface ManagementLinks {
  readonly id: string;
  readonly statusQueryGetUri: string;
  readonly sendEventPostUri: string;
  readonly terminatePostUri: string;
  readonly rewindPostUri: string;
  readonly purgeHistoryDeleteUri: string;
  readonly restartPostUri: string;
  readonly suspendPostUri: string;
  readonly resumePostUri: string;
}

export function managementLinks(endpoints: ClientEndpoints, instanceId: string, origin?: string): ManagementLinks {
  const base = origin ? endpoints.webhookBaseUrl.replace(new URL(endpoints.webhookBaseUrl).origin, origin) : endpoints.webhookBaseUrl;
  const instance = `${base}/instances/${instanceId === INSTANCE_ID_PLACEHOLDER ? instanceId : encodeURIComponent(instanceId)}`;
  const suffix = query(endpoints);
  return {
    id: instanceId,
    statusQueryGetUri: `${instance}?${suffix}`,
    sendEventPostUri: `${instance}/raiseEvent/{eventName}?${suffix}`,
    terminatePostUri: `${instance}/terminate?reason={text}&${suffix}`,
    rewindPostUri: `${instance}/rewind?reason={text}&${suffix}`,
    purgeHistoryDeleteUri: `${instance}?${suffix}`,
    restartPostUri: `${instance}/restart?${suffix}`,
    suspendPostUri: `${instance}/suspend?reason={text}&${suffix}`,
    resumePostUri: `${instance}/resume?reason={text}&${suffix}`,
  };
}

export function clientBindingData(endpoints: ClientEndpoints): Record<string, unknown> {
  const code = `code=${encodeURIComponent(endpoints.systemKey)}`;
  const creation = `${endpoints.webhookBaseUrl}/orchestrators/{functionName}[/{instanceId}]`;
  return {
    taskHubName: endpoints.hubName,
    creationUrls: {
      createNewInstancePostUri: `${creation}?${code}`,
      createAndWaitOnNewInstancePostUri: `${creation}?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&${code}`,
    },
    managementUrls: managementLinks(endpoints, INSTANCE_ID_PLACEHOLDER),
    baseUrl: endpoints.webhookBaseUrl,
    requiredQueryStringParameters: code,
    rpcBaseUrl: endpoints.rpcBaseUrl,
  };
}
