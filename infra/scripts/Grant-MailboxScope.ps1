<#
.SYNOPSIS
Lets the Function App's managed identity send mail as the unit's mailbox, and only that mailbox.

.DESCRIPTION
Uses Exchange Online RBAC for Applications: a service principal pointer to the managed
identity, a management scope that matches exactly the sender mailbox, and a role assignment
of "Application Mail.Send" restricted to that scope. The identity gets no Entra ID (Graph)
Mail.Send permission at all: such a grant would be tenant-wide and would add to this one
(check-mail-permission.sh verifies there is none).

Idempotent: each object is created only if it does not exist, and the scope's filter is
updated if the sender mailbox changed. Ends with Test-ServicePrincipalAuthorization, which
must show the sender mailbox in scope.

Needs PowerShell 7 with the ExchangeOnlineManagement module (3.x) and an account in the
Exchange "Organization Management" role group (or the Exchange Administrator Entra role).

.EXAMPLE
pwsh infra/scripts/Grant-MailboxScope.ps1 -ManagedIdentityClientId <client id> `
  -ManagedIdentityObjectId <principal id> -SenderMailbox tk-ledelsesinfo@kommune.dk
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # Client (application) id of the managed identity (azd output MANAGED_IDENTITY_CLIENT_ID).
    [Parameter(Mandatory)] [guid] $ManagedIdentityClientId,
    # Object id of the managed identity's service principal (azd output MANAGED_IDENTITY_PRINCIPAL_ID).
    [Parameter(Mandatory)] [guid] $ManagedIdentityObjectId,
    # The mailbox the annual report is sent from (azd env REPORT_SENDER_MAILBOX).
    [Parameter(Mandatory)] [string] $SenderMailbox,
    [string] $Name = 'Radikalisering report sender'
)

$ErrorActionPreference = 'Stop'

if (-not (Get-Command Get-ConnectionInformation -ErrorAction SilentlyContinue)) {
    Import-Module ExchangeOnlineManagement
}
if (-not (Get-ConnectionInformation | Where-Object State -eq 'Connected')) {
    Connect-ExchangeOnline -ShowBanner:$false
}

$mailbox = Get-Mailbox -Identity $SenderMailbox
$scopeName = "$Name scope"
$filter = "PrimarySmtpAddress -eq '$($mailbox.PrimarySmtpAddress)'"

$servicePrincipal = Get-ServicePrincipal -Identity $ManagedIdentityObjectId.ToString() -ErrorAction SilentlyContinue
if (-not $servicePrincipal -and $PSCmdlet.ShouldProcess($ManagedIdentityObjectId, 'New-ServicePrincipal')) {
    $servicePrincipal = New-ServicePrincipal -AppId $ManagedIdentityClientId.ToString() `
        -ObjectId $ManagedIdentityObjectId.ToString() -DisplayName $Name
}

$scope = Get-ManagementScope -Identity $scopeName -ErrorAction SilentlyContinue
if (-not $scope) {
    if ($PSCmdlet.ShouldProcess($scopeName, 'New-ManagementScope')) {
        New-ManagementScope -Name $scopeName -RecipientRestrictionFilter $filter | Out-Null
    }
}
elseif ($scope.RecipientFilter -ne $filter -and $PSCmdlet.ShouldProcess($scopeName, 'Set-ManagementScope')) {
    Set-ManagementScope -Identity $scopeName -RecipientRestrictionFilter $filter
}

$assignment = Get-ManagementRoleAssignment -Role 'Application Mail.Send' -ErrorAction SilentlyContinue |
    Where-Object { $_.Name -eq $Name }
if (-not $assignment -and $PSCmdlet.ShouldProcess($Name, 'New-ManagementRoleAssignment')) {
    New-ManagementRoleAssignment -Name $Name -App $ManagedIdentityObjectId.ToString() `
        -Role 'Application Mail.Send' -CustomResourceScope $scopeName | Out-Null
}

# Role assignments for applications are cached for up to two hours; this shows the effective grant.
Test-ServicePrincipalAuthorization -Identity $ManagedIdentityObjectId.ToString() -Resource $mailbox.PrimarySmtpAddress |
    Format-Table RoleName, GrantedPermissions, AllowedResourceScope, InScope -AutoSize
