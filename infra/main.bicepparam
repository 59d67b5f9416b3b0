// Parameters for `azd provision`/`azd up`: azd exports the environment's values
// (.azure/<env>/.env, set with `azd env set`) so that they can be read here.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME')
param location = readEnvironmentVariable('AZURE_LOCATION')

// Set by scripts/preprovision.sh (the Entra ID app registration and whether the data key exists).
param authClientId = readEnvironmentVariable('AUTH_CLIENT_ID')
param dataKeySecretExists = bool(readEnvironmentVariable('DATA_KEY_SECRET_EXISTS', 'false'))

// Set by the operator before `azd up` (README.md "Deploy").
param senderMailbox = readEnvironmentVariable('REPORT_SENDER_MAILBOX')
param reportRecipients = map(split(readEnvironmentVariable('REPORT_RECIPIENTS'), ','), recipient => trim(recipient))
param opsAlertEmails = map(split(readEnvironmentVariable('OPS_ALERT_EMAILS'), ','), email => trim(email))
param disclosureThreshold = int(readEnvironmentVariable('DISCLOSURE_THRESHOLD', '5'))
param retentionYearsAfterReport = int(readEnvironmentVariable('RETENTION_YEARS_AFTER_REPORT', '5'))
