// Log alerts on Application Insights and the action group they notify (email, and optionally a
// Teams or other incoming webhook): SLA breaches piling up, the email outbox stuck, lifecycles
// failing, the API answering 5xx, intake refusing tickets, a Key Vault reference left unresolved. The queries read the app's own event
// lines (shared/logging/structured-log.ts: one JSON object per line, `event` first) and the
// Functions host's request telemetry; test/unit/infra checks they name only what the code emits.

param location string
param tags object = {}

@description('Resource id of the Application Insights component the app reports to.')
param applicationInsightsId string

@description('Short name of the action group (at most 12 characters, shown in SMS and email subjects).')
@maxLength(12)
param actionGroupShortName string = 'baton'

param actionGroupName string

@description('Email address alerts go to. Empty: none.')
param alertEmail string = ''

@description('Incoming webhook (e.g. a Teams workflow URL) alerts are posted to in the common alert schema. Empty: none.')
@secure()
param alertWebhookUrl string = ''

@minValue(1)
@description('SLA breaches within an hour above which the desk is alerted.')
param slaBreachesPerHourThreshold int = 5

@minValue(1)
@description('Minutes the oldest unsent email may wait before the outbox counts as stuck.')
param outboxOldestPendingMinutesThreshold int = 15

@minValue(1)
@maxValue(100)
@description('Percentage of HTTP requests answered 5xx within 15 minutes above which the API counts as failing.')
param http5xxPercentThreshold int = 5

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: actionGroupShortName
    enabled: true
    emailReceivers: empty(alertEmail)
      ? []
      : [
          {
            name: 'operator-email'
            emailAddress: alertEmail
            useCommonAlertSchema: true
          }
        ]
    webhookReceivers: empty(alertWebhookUrl)
      ? []
      : [
          {
            name: 'operator-webhook'
            serviceUri: alertWebhookUrl
            useCommonAlertSchema: true
          }
        ]
  }
}

var slaBreachesQuery = '''
traces
| where message has 'ticket.event-appended'
| extend e = parse_json(message)
| where tostring(e.event) == 'ticket.event-appended' and tostring(e.type) == 'sla-breached'
| project timestamp, ticketNumber = tostring(e.ticketNumber)
'''

var outboxBacklogQuery = '''
traces
| where message has 'operations.snapshot'
| extend e = parse_json(message)
| where tostring(e.event) == 'operations.snapshot'
| project timestamp, oldestPendingMinutes = todouble(e.outboxOldestPendingMinutes), pending = toint(e.outboxPending)
'''

var failedLifecyclesQuery = '''
requests
| where name == 'ticketLifecycle' and success == false
| project timestamp, operation_Id, resultCode
'''

var http5xxQuery = '''
requests
| where isnotempty(url)
| summarize total = count(), failed = countif(toint(resultCode) >= 500) by bin(timestamp, 5m)
| extend failedPercent = iff(total == 0, 0.0, 100.0 * failed / total)
'''

var intakeRefusalsQuery = '''
traces
| where message has 'intake.store-unavailable'
| extend e = parse_json(message)
| where tostring(e.event) == 'intake.store-unavailable'
| project timestamp, reason = tostring(e.reason)
'''

var unresolvedSettingsQuery = '''
traces
| where message has 'config.key-vault-reference-unresolved'
| extend e = parse_json(message)
| where tostring(e.event) == 'config.key-vault-reference-unresolved'
| project timestamp, setting = tostring(e.setting)
'''

var rules = [
  {
    name: 'sla-breaches'
    displayName: 'Baton: SLA breaches piling up'
    description: 'More SLA breaches within an hour than the desk can absorb: look at staffing and the queues.'
    severity: 1
    windowSize: 'PT1H'
    frequency: 'PT15M'
    query: slaBreachesQuery
    timeAggregation: 'Count'
    metricMeasureColumn: ''
    threshold: slaBreachesPerHourThreshold
  }
  {
    name: 'outbox-stuck'
    displayName: 'Baton: email outbox stuck'
    description: 'The oldest unsent email has waited too long: customers and engineers are not being told.'
    severity: 1
    windowSize: 'PT15M'
    frequency: 'PT5M'
    query: outboxBacklogQuery
    timeAggregation: 'Maximum'
    metricMeasureColumn: 'oldestPendingMinutes'
    threshold: outboxOldestPendingMinutesThreshold
  }
  {
    name: 'lifecycles-failing'
    displayName: 'Baton: ticket lifecycles failing'
    description: 'Ticket lifecycle orchestrations ended in failure; the watchdog restarts them, but something keeps breaking them.'
    severity: 2
    windowSize: 'PT15M'
    frequency: 'PT5M'
    query: failedLifecyclesQuery
    timeAggregation: 'Count'
    metricMeasureColumn: ''
    threshold: 0
  }
  {
    name: 'api-5xx'
    displayName: 'Baton: API answering 5xx'
    description: 'A share of HTTP requests answered with a server error.'
    severity: 2
    windowSize: 'PT15M'
    frequency: 'PT5M'
    query: http5xxQuery
    timeAggregation: 'Maximum'
    metricMeasureColumn: 'failedPercent'
    threshold: http5xxPercentThreshold
  }
  {
    name: 'settings-unresolved'
    displayName: 'Baton: a Key Vault reference is unresolved'
    description: 'An app setting is still the text of its Key Vault reference (the app identity cannot read the secret): the app runs without it, so no Teams cards, console sign-in or vendor callbacks, whichever it is.'
    severity: 2
    windowSize: 'PT15M'
    frequency: 'PT5M'
    query: unresolvedSettingsQuery
    timeAggregation: 'Count'
    metricMeasureColumn: ''
    threshold: 0
  }
  {
    name: 'intake-refusing'
    displayName: 'Baton: intake answering 503'
    description: 'Intake could not record tickets (the store is unavailable) and asked requesters to send again.'
    severity: 1
    windowSize: 'PT15M'
    frequency: 'PT5M'
    query: intakeRefusalsQuery
    timeAggregation: 'Count'
    metricMeasureColumn: ''
    threshold: 0
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: 'baton-${rule.name}-${uniqueString(applicationInsightsId)}'
    location: location
    tags: tags
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        applicationInsightsId
      ]
      evaluationFrequency: rule.frequency
      windowSize: rule.windowSize
      criteria: {
        allOf: [
          union(
            {
              query: rule.query
              timeAggregation: rule.timeAggregation
              operator: 'GreaterThan'
              threshold: rule.threshold
              failingPeriods: {
                numberOfEvaluationPeriods: 1
                minFailingPeriodsToAlert: 1
              }
            },
            empty(rule.metricMeasureColumn) ? {} : { metricMeasureColumn: rule.metricMeasureColumn }
          )
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

output actionGroupId string = actionGroup.id
