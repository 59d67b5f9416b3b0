// What tells IT operations that something went wrong (docs/operations.md says what each alert
// means and what to do): one action group that mails OPS_ALERT_EMAILS, log alerts on the app's
// own telemetry (failed runs, the signals the app emits by stable name), metric alerts on storage
// and Key Vault access failures, and a standard availability test of the anonymous health route.

@description('Azure region of the availability test (alerts and the action group are global).')
param location string

@description('Tags for every resource.')
param tags object

@description('Name of the Application Insights component that holds the app\'s telemetry.')
param applicationInsightsName string

@description('Name of the storage account (tables, queues, audit trail, backups).')
param storageAccountName string

@description('Name of the Key Vault that holds the data key.')
param keyVaultName string

@description('Host name of the Function App, for the availability test.')
param functionAppHostName string

@minLength(1)
@description('Addresses that receive the alerts (IT operations).')
param alertEmails string[]

@description('Prefix of the alert rule names.')
param namePrefix string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource keyVault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

// The signals the app logs (Core/Operations/OperationsSignals.cs), found by their stable name in
// the structured log property "Signal". The worker's OpenTelemetry log exporter sends structured
// properties as custom dimensions of traces; the host reports each function run as a request.
var signalRules = [
  {
    name: 'annual-report-overdue'
    signal: 'AnnualReportOverdue'
    severity: 1
    description: 'Last year\'s annual report had not been sent on or after 15 January (CheckOperations, daily).'
  }
  {
    name: 'poison-messages'
    signal: 'PoisonMessagesWaiting'
    severity: 2
    description: 'Messages wait in a poison queue: the Functions host gave up on them after five attempts.'
  }
  {
    name: 'audit-trail-append-failed'
    signal: 'AuditTrailAppendFailed'
    severity: 2
    description: 'An audit entry could not be appended to the tamper-evident audit trail: a read or refusal failed with it; a committed change stays answered and its intent is completed by the CompleteAuditIntents sweep.'
  }
  {
    name: 'audit-intents-stale'
    signal: 'AuditIntentsStale'
    severity: 2
    description: 'Audit intents older than 15 minutes: committed changes whose audit row or trail record the CompleteAuditIntents sweep (every 5 minutes) has not completed.'
  }
]

var evaluation = {
  evaluationFrequency: 'PT15M'
  windowSize: 'PT15M'
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'radik-ops'
    enabled: true
    emailReceivers: [
      for (email, index) in alertEmails: {
        name: 'ops-${index}'
        emailAddress: email
        useCommonAlertSchema: true
      }
    ]
  }
}

resource failedRuns 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-failed-runs'
  location: location
  tags: tags
  properties: {
    displayName: 'Kørsel fejlede (failed background run)'
    description: 'A run of one of the background functions failed. The dimension names the function.'
    severity: 1
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: evaluation.evaluationFrequency
    windowSize: evaluation.windowSize
    criteria: {
      allOf: [
        {
          // Each of these runs rarely, so one failure is already news.
          query: 'requests | where success == false and operation_Name in ("CompileAnnualReport", "SendAnnualReport", "ReencryptConcerns", "DeleteExpiredConcerns", "ExportBackup", "CheckOperations", "CompleteAuditIntents")'
          timeAggregation: 'Count'
          dimensions: [
            {
              name: 'operation_Name'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

resource signalAlerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in signalRules: {
    name: '${namePrefix}-${rule.name}'
    location: location
    tags: tags
    properties: {
      displayName: rule.signal
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        applicationInsights.id
      ]
      evaluationFrequency: evaluation.evaluationFrequency
      windowSize: evaluation.windowSize
      criteria: {
        allOf: [
          {
            query: 'traces | where tostring(customDimensions.Signal) == "${rule.signal}"'
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

// At least five 5xx answers and at least 5 % of the HTTP requests in 15 minutes.
resource serverErrors 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-api-5xx'
  location: location
  tags: tags
  properties: {
    displayName: 'API svarer med serverfejl (5xx rate)'
    description: 'At least 5 HTTP requests and 5 % of all HTTP requests in 15 minutes ended with a 5xx status.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: evaluation.windowSize
    criteria: {
      allOf: [
        {
          query: 'requests | where isnotempty(url) | summarize total = count(), failed = countif(toint(resultCode) >= 500) | where failed >= 5 and failed * 20 >= total'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Refused or failed storage requests (not 404/409, which CreateIfNotExists and lookups cause).
resource storageAccessFailures 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-storage-access-failures'
  location: 'global'
  tags: tags
  properties: {
    description: 'More than 5 storage requests in 15 minutes were refused (authorization) or failed on the server side.'
    severity: 2
    enabled: true
    scopes: [
      storageAccount.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: evaluation.windowSize
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'failed-transactions'
          metricNamespace: 'Microsoft.Storage/storageAccounts'
          metricName: 'Transactions'
          dimensions: [
            {
              name: 'ResponseType'
              operator: 'Include'
              values: [
                'AuthorizationError'
                'AuthenticationError'
                'ServerOtherError'
                'ServerTimeoutError'
                'ServerBusyError'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 5
          timeAggregation: 'Total'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// Refused, throttled or failed Key Vault calls. 401 is left out: every client's first call is an
// unauthenticated challenge that Key Vault answers with 401.
resource keyVaultAccessFailures 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-key-vault-access-failures'
  location: 'global'
  tags: tags
  properties: {
    description: 'More than 2 Key Vault requests in 15 minutes were refused (403), throttled (429) or failed (5xx): the data key may be unreachable.'
    severity: 2
    enabled: true
    scopes: [
      keyVault.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: evaluation.windowSize
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'failed-requests'
          metricNamespace: 'Microsoft.KeyVault/vaults'
          metricName: 'ServiceApiResult'
          dimensions: [
            {
              name: 'StatusCode'
              operator: 'Include'
              values: [
                '403'
                '429'
                '500'
                '502'
                '503'
                '504'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 2
          timeAggregation: 'Count'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// GET /api/health from five regions every five minutes; it is anonymous (excluded from Easy Auth)
// and says only whether storage and the data key are reachable.
resource healthTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${namePrefix}-health'
  location: location
  // Application Insights shows a test only when it is tagged with the component it reports to.
  tags: union(tags, {
    'hidden-link:${applicationInsights.id}': 'Resource'
  })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${namePrefix}-health'
    Name: 'GET /api/health'
    Description: 'Storage and the data key are reachable from the Function App.'
    Enabled: true
    Frequency: 300
    Timeout: 30
    Kind: 'standard'
    RetryEnabled: true
    Locations: [
      { Id: 'emea-nl-ams-azr' }
      { Id: 'emea-se-sto-edge' }
      { Id: 'emea-gb-db3-azr' }
      { Id: 'emea-fr-pra-edge' }
      { Id: 'emea-ch-zrh-edge' }
    ]
    Request: {
      RequestUrl: 'https://${functionAppHostName}/api/health'
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource healthAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-health-unavailable'
  location: 'global'
  tags: tags
  properties: {
    description: 'GET /api/health failed from at least two of five locations: the app is down or cannot reach storage or the data key.'
    severity: 1
    enabled: true
    scopes: [
      healthTest.id
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: evaluation.windowSize
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: healthTest.id
      componentId: applicationInsights.id
      failedLocationCount: 2
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}
