<#
  PHI Guard: write the extension's managed policy for Google Chrome and Microsoft Edge.
  Deploy with Intune (Devices > Scripts and remediations > Platform scripts, run as SYSTEM, 64-bit),
  or any tool that runs PowerShell as an administrator. Edit $policy, then run. Safe to run again.
  Lists and objects are stored as JSON text (REG_SZ), numbers and booleans as REG_DWORD.
#>
$ErrorActionPreference = 'Stop'
$extensionId = 'piobpcoajhbolmbgaaooipialpchlhcl'

$policy = [ordered]@{
  schemaVersion        = 1
  mode                 = 'warn'
  sanctionedSites      = @('copilot.microsoft.com', 'm365.cloud.microsoft')
  sanctionedToolUrl    = 'https://m365.cloud.microsoft/chat'
  unsanctionedAction   = 'block'
  coachingMessage      = 'Patient information must not go into AI tools outside Microsoft 365 Copilot.'
  helpLink             = 'https://intranet.example.org/policies/ai-use'
  requireJustification = $true
  failClosed           = $true
  reportingEndpoint    = 'https://phi-guard.example.org'
  enrollmentToken      = 'REPLACE-WITH-YOUR-ENROLLMENT-TOKEN'
  identityMode         = 'pseudonymous'
  customTerms          = @(@{ term = 'EHN'; match = 'prefix'; category = 'MRN' })
}

$browsers = @('SOFTWARE\Policies\Google\Chrome', 'SOFTWARE\Policies\Microsoft\Edge')
foreach ($base in $browsers) {
  $key = "HKLM:\$base\3rdparty\extensions\$extensionId\policy"
  if (Test-Path $key) { Remove-Item -Path $key -Recurse -Force }
  New-Item -Path $key -Force | Out-Null
  foreach ($name in $policy.Keys) {
    $value = $policy[$name]
    if ($value -is [bool]) {
      New-ItemProperty -Path $key -Name $name -PropertyType DWord -Value ([int]$value) -Force | Out-Null
    } elseif ($value -is [int]) {
      New-ItemProperty -Path $key -Name $name -PropertyType DWord -Value $value -Force | Out-Null
    } elseif ($value -is [string]) {
      New-ItemProperty -Path $key -Name $name -PropertyType String -Value $value -Force | Out-Null
    } else {
      $json = ConvertTo-Json -InputObject $value -Depth 8 -Compress
      New-ItemProperty -Path $key -Name $name -PropertyType String -Value $json -Force | Out-Null
    }
  }
}
Write-Output "PHI Guard policy written for Chrome and Edge; check chrome://policy and edge://policy."
