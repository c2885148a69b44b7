// The operations workbook (Azure Monitor, shared in the resource group): intake rate, open tickets
// by status and severity, SLA clocks at warning and in breach, handoffs and escalations to a lead,
// and the email outbox's backlog. It reads the same event lines the alerts do.

param location string
param tags object = {}

@description('Resource id of the Application Insights component the app reports to.')
param applicationInsightsId string

param displayName string = 'Baton operations'

var intakeRateQuery = '''
traces
| where message has 'intake.accepted'
| extend e = parse_json(message)
| where tostring(e.event) == 'intake.accepted'
| summarize tickets = count() by bin(timestamp, 1h)
| render timechart
'''

var openTicketsQuery = '''
traces
| where message has 'operations.open-tickets'
| extend e = parse_json(message)
| where tostring(e.event) == 'operations.open-tickets'
| summarize arg_max(timestamp, *) by status = tostring(e.status), severity = tostring(e.severity)
| where timestamp > ago(10m)
| project status, severity, tickets = toint(e['count'])
| order by status asc, severity asc
'''

var slaClocksQuery = '''
traces
| where message has 'operations.snapshot'
| extend e = parse_json(message)
| where tostring(e.event) == 'operations.snapshot'
| project timestamp, atWarning = toint(e.openTicketsAtSlaWarning), inBreach = toint(e.openTicketsInSlaBreach)
| render timechart
'''

var handoffsQuery = '''
traces
| where message has 'ticket.event-appended'
| extend e = parse_json(message)
| where tostring(e.event) == 'ticket.event-appended' and tostring(e.type) in ('handed-off', 'escalated-internally', 'sla-breached')
| summarize events = count() by bin(timestamp, 1h), type = tostring(e.type)
| render columnchart
'''

var outboxQuery = '''
traces
| where message has 'operations.snapshot'
| extend e = parse_json(message)
| where tostring(e.event) == 'operations.snapshot'
| project timestamp, pending = toint(e.outboxPending), oldestPendingMinutes = todouble(e.outboxOldestPendingMinutes), failed = toint(e.outboxFailed)
| render timechart
'''

var panels = [
  {
    title: 'Intake: tickets received per hour'
    query: intakeRateQuery
  }
  {
    title: 'Open tickets by status and severity (latest snapshot)'
    query: openTicketsQuery
  }
  {
    title: 'SLA clocks at warning and in breach (open tickets)'
    query: slaClocksQuery
  }
  {
    title: 'Handoffs, escalations to a lead and SLA breaches per hour'
    query: handoffsQuery
  }
  {
    title: 'Email outbox backlog'
    query: outboxQuery
  }
]

var content = {
  version: 'Notebook/1.0'
  items: [
    for (panel, index) in panels: {
      type: 3
      name: 'panel-${index}'
      content: {
        version: 'KqlItem/1.0'
        title: panel.title
        query: panel.query
        size: 0
        timeContext: {
          durationMs: 86400000
        }
        queryType: 0
        resourceType: 'microsoft.insights/components'
      }
    }
  ]
  fallbackResourceIds: [
    applicationInsightsId
  ]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // A workbook's name must be a GUID; this one is stable per resource group.
  name: guid(resourceGroup().id, 'baton-operations-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: applicationInsightsId
    serializedData: string(content)
  }
}

output workbookId string = workbook.id
