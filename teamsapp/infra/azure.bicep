// Azure resources for the Integriteitsassistent, deployed by `atk provision` (arm/deploy in
// ../m365agents.yml) with the values in azure.parameters.json:
//   - an App Service plan and web app on Linux running Node.js (the bot, POST /api/messages),
//   - an Azure Bot (single-tenant by default) with the Microsoft Teams channel,
//   - optionally an Azure Cosmos DB for MongoDB (vCore) cluster; otherwise MONGODB_URI points at
//     an existing database (MongoDB Atlas, Cosmos DB for MongoDB vCore or RU).
// Kept to syntax that the Bicep CLI version pinned in m365agents.yml understands.

@description('Base of all resource names; the Toolkit appends RESOURCE_SUFFIX in the parameters file.')
@minLength(4)
@maxLength(24)
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU (Linux). B1 or larger: "Always On" is not available on F1.')
param webAppSku string = 'B1'

@description('Node.js runtime of the web app.')
@allowed([
  'NODE|20-lts'
  'NODE|22-lts'
])
param linuxFxVersion string = 'NODE|22-lts'

@description('Start command, run in the deployed repository root (tsc output in dist/).')
param startupCommand string = 'node dist/src/index.js'

@description('Client id of the bot\'s Entra app (aadApp/create writes it to BOT_ID).')
param botAadAppClientId string

@description('Client secret of the bot\'s Entra app (SECRET_BOT_PASSWORD).')
@secure()
param botAadAppClientSecret string

@description('Tenant of the bot\'s Entra app.')
param botTenantId string = subscription().tenantId

@allowed([
  'SingleTenant'
  'MultiTenant'
])
param botType string = 'SingleTenant'

@maxLength(42)
param botDisplayName string = 'Integriteitsassistent'

@description('Bot Connector for tenants the bot has not heard from yet (Teams regional service URL).')
param teamsServiceUrl string = 'https://smba.trafficmanager.net/emea/'

@description('The app id in the tenant app catalog; set it to install the app for people through Microsoft Graph (needs TeamsAppInstallation.ReadWriteForUser.All). Empty: no installation.')
param teamsAppCatalogId string = ''

@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@description('external: use mongodbUri. cosmosVcore: create an Azure Cosmos DB for MongoDB (vCore) cluster and use it.')
@allowed([
  'external'
  'cosmosVcore'
])
param databaseMode string = 'external'

@description('MongoDB connection string (MongoDB Atlas or Azure Cosmos DB for MongoDB); used when databaseMode is external.')
@secure()
param mongodbUri string = ''

@description('Master key of the reports\' encryption (REPORTS_MASTER_KEY): 32 random bytes as base64; keep a backup, a lost key cannot be recovered.')
@secure()
param reportsMasterKey string

@description('Database name (MONGODB_DB).')
param mongodbDb string = 'integriteit'

@description('Organisation for users found neither in the directory nor by tenant (DEFAULT_ORG); empty for none.')
param defaultOrg string = ''

@description('Administrator of the vCore cluster (databaseMode cosmosVcore).')
param cosmosAdminUser string = 'integriteitadmin'

@description('Administrator password of the vCore cluster (databaseMode cosmosVcore): 8-256 characters, three of upper case, lower case, digits and symbols.')
@secure()
param cosmosAdminPassword string = ''

@description('vCore compute tier, e.g. Free, M10, M20, M30.')
param cosmosTier string = 'M10'

param cosmosStorageSizeGb int = 32

param cosmosServerVersion string = '7.0'

var useCosmosVcore = databaseMode == 'cosmosVcore'
var mongoClusterName = toLower('${resourceBaseName}-mongo')
// Connection string of the vCore cluster in the documented form; the password is URL-encoded.
var cosmosVcoreUri = 'mongodb+srv://${cosmosAdminUser}:${uriComponent(cosmosAdminPassword)}@${mongoClusterName}.global.mongocluster.cosmos.azure.com/?tls=true&authMechanism=SCRAM-SHA-256&retrywrites=false&maxIdleTimeMS=120000'

var appSettings = [
  {
    name: 'NODE_ENV'
    value: 'production'
  }
  {
    name: 'BOT_ID'
    value: botAadAppClientId
  }
  {
    name: 'BOT_PASSWORD'
    value: botAadAppClientSecret
  }
  {
    name: 'BOT_TENANT_ID'
    value: botTenantId
  }
  {
    name: 'BOT_TYPE'
    value: botType
  }
  {
    name: 'MONGODB_URI'
    value: useCosmosVcore ? cosmosVcoreUri : mongodbUri
  }
  {
    name: 'MONGODB_DB'
    value: mongodbDb
  }
  {
    name: 'REPORTS_MASTER_KEY'
    value: reportsMasterKey
  }
  {
    // Run the App Service build (Oryx) after zip deploy, but only to install the production
    // dependencies: dist/ is built by `atk deploy` before uploading.
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'true'
  }
  {
    name: 'CUSTOM_BUILD_COMMAND'
    value: 'npm ci --omit=dev'
  }
]
// Reaching people who never opened the bot: Teams' regional service URL for tenants not seen yet,
// and (optional) installing the app for a person through Microsoft Graph. The bot's app
// registration then needs the application permission TeamsAppInstallation.ReadWriteForUser.All
// with admin consent, and teamsAppCatalogId is the app's id in the tenant app catalog.
var reachSettings = concat([
  {
    name: 'TEAMS_SERVICE_URL'
    value: teamsServiceUrl
  }
], empty(teamsAppCatalogId) ? [] : [
  {
    name: 'GRAPH_INSTALL_APP'
    value: 'true'
  }
  {
    name: 'TEAMS_APP_CATALOG_ID'
    value: teamsAppCatalogId
  }
])
var defaultOrgSetting = empty(defaultOrg) ? [] : [
  {
    name: 'DEFAULT_ORG'
    value: defaultOrg
  }
]

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: startupCommand
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: concat(appSettings, reachSettings, defaultOrgSetting)
    }
  }
}

// The bot registration: Bot Framework sends Teams activities to the web app.
resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: botType
    msaAppTenantId: botType == 'SingleTenant' ? botTenantId : null
  }
}

resource botTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Optional database: Azure Cosmos DB for MongoDB (vCore). The app needs no transactions, $lookup,
// TTL or text indexes, so a single-shard cluster without high availability is enough to start.
resource mongoCluster 'Microsoft.DocumentDB/mongoClusters@2025-09-01' = if (useCosmosVcore) {
  name: mongoClusterName
  location: location
  properties: {
    administrator: {
      userName: cosmosAdminUser
      password: cosmosAdminPassword
    }
    serverVersion: cosmosServerVersion
    compute: {
      tier: cosmosTier
    }
    storage: {
      sizeGb: cosmosStorageSizeGb
    }
    sharding: {
      shardCount: 1
    }
    highAvailability: {
      targetMode: 'Disabled'
    }
    publicNetworkAccess: 'Enabled'
  }
}

// 0.0.0.0-0.0.0.0 admits Azure services (the web app) only, not the internet.
resource mongoClusterAzureAccess 'Microsoft.DocumentDB/mongoClusters/firewallRules@2025-09-01' = if (useCosmosVcore) {
  parent: mongoCluster
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// Outputs are written to env/.env.<env> (upper-case names) by the Toolkit.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output MONGODB_CLUSTER_NAME string = useCosmosVcore ? mongoClusterName : ''
