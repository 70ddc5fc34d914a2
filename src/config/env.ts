import { z } from 'zod';

/**
 * The whole runtime configuration comes from the environment through this one schema, so
 * the README's configuration table and the code cannot drift apart silently: a test reads
 * `configurationVariables` and checks the table lists each of them.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const port = z.coerce
  .number({ message: 'expected a TCP port number (0-65535)' })
  .int('expected a whole TCP port number (1-65535)')
  .min(0, 'expected a TCP port number (0-65535)')
  .max(65535, 'expected a TCP port number (0-65535)');

const positiveInt = (what: string) =>
  z.coerce.number({ message: `expected ${what}` }).int(`expected ${what}`).positive(`expected ${what}`);
/** A whole number from `min` to `max`; every problem is reported as what was expected. */
const integerFrom = (min: number, max: number, what: string) =>
  z.coerce.number({ message: `expected ${what}` }).int(`expected ${what}`).min(min, `expected ${what}`).max(max, `expected ${what}`);

const httpUrl = z
  .string()
  .trim()
  .url('expected an http(s) URL')
  .refine((value) => /^https?:\/\//.test(value), 'expected an http(s) URL');

/** A 32-byte AES-256 key as base64 (standard or URL-safe), e.g. from `openssl rand -base64 32`. */
const masterKey = optionalString.refine((value) => value === undefined || isBase64Key(value), 'expected 32 random bytes as base64 (generate one with: openssl rand -base64 32)');

export function isBase64Key(value: string): boolean {
  return /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && Buffer.from(value, 'base64').length === 32;
}

/**
 * Where Teams and the Bot Framework send activities from (the activity's serviceUrl, which is
 * also where replies and proactive messages go): the public Teams cloud, the US government
 * clouds and the Bot Framework's own channels (Web Chat in the Azure portal).
 */
export const DEFAULT_ALLOWED_SERVICE_URLS = [
  'https://smba.trafficmanager.net',
  'https://smba.infra.gcc.teams.microsoft.com',
  'https://smba.infra.gov.teams.microsoft.us',
  'https://smba.infra.dod.teams.microsoft.us',
  'https://*.botframework.com',
].join(',');

const SERVICE_URL_ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?\/?$/i;

const serviceUrlOrigins = z
  .string()
  .transform((value) => value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .refine((entries) => entries.length > 0 && entries.every((entry) => SERVICE_URL_ORIGIN.test(entry)), {
    message: 'expected a comma-separated list of origins such as https://smba.trafficmanager.net or https://*.botframework.com (a leading *. matches subdomains; a port only when not the default)',
  });

const baseSchema = z.object({
    NODE_ENV: z.enum(['development', 'test', 'production'], {
      message: 'expected one of development, test, production',
    }).default('development'),
    PORT: port.default(3978),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'expected one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    MONGODB_URI: z
      .string()
      .trim()
      .regex(/^mongodb(\+srv)?:\/\/.+/, 'expected a MongoDB connection string starting with mongodb:// or mongodb+srv://')
      .default('mongodb://127.0.0.1:27017'),
    MONGODB_DB: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,38}$/, 'expected a database name of 1-38 letters, digits, _ or -')
      .default('integriteit'),
    DEFAULT_ORG: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,40}$/, 'expected the id of an organisation folder under src/organisations (lower-case letters, digits, -)')
      .optional(),
    BOT_ID: optionalString,
    BOT_PASSWORD: optionalString,
    BOT_TENANT_ID: optionalString,
    BOT_TYPE: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        message: 'expected one of MultiTenant, SingleTenant, UserAssignedMSI',
      })
      .default('MultiTenant'),
    BOT_CERTIFICATE_THUMBPRINT: optionalString,
    BOT_CERTIFICATE_PRIVATE_KEY_FILE: optionalString,
    /** Where the Bot Framework signing keys are published; overridden only by tests with a local key server. */
    BOT_OPENID_METADATA_URL: httpUrl.optional(),
    /** With BOT_ID set, activities from any other serviceUrl are refused; local mode also accepts loopback. */
    ALLOWED_SERVICE_URLS: serviceUrlOrigins.default(DEFAULT_ALLOWED_SERVICE_URLS),
    SHUTDOWN_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(10000),
    OPENAI_API_KEY: optionalString,
    OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
    OPENAI_BASE_URL: httpUrl.optional(),
    AZURE_OPENAI_API_KEY: optionalString,
    AZURE_OPENAI_ENDPOINT: httpUrl.optional(),
    AZURE_OPENAI_DEPLOYMENT: optionalString,
    REMINDER_CHECK_INTERVAL_MINUTES: positiveInt('a positive number of minutes').default(60),
    /** How often a running bot checks the policyDocuments collection for imported or changed policies. */
    POLICY_REFRESH_SECONDS: positiveInt('a positive number of seconds').max(3600, 'expected at most 3600 seconds').default(30),
    /** How long a step waits for someone the bot could not reach before it escalates past them. */
    UNREACHABLE_ESCALATE_AFTER_MINUTES: z.coerce
      .number({ message: 'expected a number of minutes (0 or more)' })
      .int('expected a whole number of minutes')
      .min(0, 'expected a number of minutes (0 or more)')
      .default(60),
    /** The Bot Connector for tenants no activity was seen from yet (Teams' regional service URL). */
    TEAMS_SERVICE_URL: httpUrl.optional(),
    GRAPH_INSTALL_APP: z
      .enum(['true', 'false'], { message: 'expected true or false' })
      .default('false')
      .transform((value) => value === 'true'),
    TEAMS_APP_CATALOG_ID: optionalString,
    GRAPH_BASE_URL: httpUrl.default('https://graph.microsoft.com/v1.0'),
    ENTRA_AUTHORITY_URL: httpUrl.default('https://login.microsoftonline.com'),
    REPORTS_MASTER_KEY: masterKey,
    REPORTS_PREVIOUS_MASTER_KEY: masterKey,
    /** How far the heap may grow past what is live before V8 collects again (src/config/heap.ts); 0: V8's own heuristic. */
    HEAP_GROWTH_PERCENT: integerFrom(0, 300, 'a percentage from 0 to 300').default(25),
    /** How many messages the delivery worker has on their way at once (src/delivery/worker.ts `lanes`). */
    DELIVERY_LANES: integerFrom(1, 32, 'a whole number from 1 to 32').default(2),
    SEED_DEMO_DATA: z
      .enum(['true', 'false'], { message: 'expected true or false' })
      .default('false')
      .transform((value) => value === 'true'),
});

type RawSettings = Partial<Record<keyof z.infer<typeof baseSchema>, string | undefined>>;

/**
 * Rules between settings. They read the raw strings so they are reported even when another
 * variable is malformed: an operator should see every problem at once, not one per restart.
 */
function crossFieldProblems(raw: RawSettings): { path: string; message: string }[] {
  const set = (value: string | undefined) => value !== undefined && value.trim() !== '';
  const problems: { path: string; message: string }[] = [];
  const botType = raw.BOT_TYPE?.trim() || 'MultiTenant';
  if ((raw.NODE_ENV?.trim() || 'development') === 'production' && !set(raw.BOT_ID)) {
    problems.push({ path: 'BOT_ID', message: 'required when NODE_ENV=production (the bot must not run without Bot Framework authentication)' });
  }
  if (set(raw.BOT_ID) && botType !== 'UserAssignedMSI' && !set(raw.BOT_PASSWORD) && !set(raw.BOT_CERTIFICATE_THUMBPRINT)) {
    problems.push({ path: 'BOT_PASSWORD', message: 'required with BOT_ID unless BOT_CERTIFICATE_THUMBPRINT is set or BOT_TYPE=UserAssignedMSI' });
  }
  if (set(raw.BOT_CERTIFICATE_THUMBPRINT) && !set(raw.BOT_CERTIFICATE_PRIVATE_KEY_FILE)) {
    problems.push({ path: 'BOT_CERTIFICATE_PRIVATE_KEY_FILE', message: 'required with BOT_CERTIFICATE_THUMBPRINT (path to the PEM private key)' });
  }
  if (botType === 'SingleTenant' && set(raw.BOT_ID) && !set(raw.BOT_TENANT_ID)) {
    problems.push({ path: 'BOT_TENANT_ID', message: 'required when BOT_TYPE=SingleTenant' });
  }
  if (raw.GRAPH_INSTALL_APP?.trim() === 'true') {
    if (!set(raw.TEAMS_APP_CATALOG_ID)) problems.push({ path: 'TEAMS_APP_CATALOG_ID', message: 'required when GRAPH_INSTALL_APP=true (the app id in the tenant app catalog)' });
    if (!set(raw.BOT_ID) || !set(raw.BOT_PASSWORD)) problems.push({ path: 'GRAPH_INSTALL_APP', message: 'needs BOT_ID and BOT_PASSWORD (the app registration that holds TeamsAppInstallation.ReadWriteForUser.All)' });
  }
  if ((raw.NODE_ENV?.trim() || 'development') === 'production' && !set(raw.REPORTS_MASTER_KEY)) {
    problems.push({ path: 'REPORTS_MASTER_KEY', message: 'required when NODE_ENV=production (reports are stored encrypted with it)' });
  }
  if (set(raw.REPORTS_PREVIOUS_MASTER_KEY) && !set(raw.REPORTS_MASTER_KEY)) {
    problems.push({ path: 'REPORTS_PREVIOUS_MASTER_KEY', message: 'only meaningful next to REPORTS_MASTER_KEY (the new key) during a key rotation' });
  }
  if (set(raw.REPORTS_PREVIOUS_MASTER_KEY) && raw.REPORTS_PREVIOUS_MASTER_KEY?.trim() === raw.REPORTS_MASTER_KEY?.trim()) {
    problems.push({ path: 'REPORTS_PREVIOUS_MASTER_KEY', message: 'must differ from REPORTS_MASTER_KEY' });
  }
  if (set(raw.AZURE_OPENAI_API_KEY) && (!set(raw.AZURE_OPENAI_ENDPOINT) || !set(raw.AZURE_OPENAI_DEPLOYMENT))) {
    problems.push({ path: 'AZURE_OPENAI_ENDPOINT', message: 'AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT are required with AZURE_OPENAI_API_KEY' });
  }
  return problems;
}

export const configSchema = baseSchema;

export type AppConfig = z.infer<typeof baseSchema>;

/** Every variable the schema reads; the README's configuration table must list each one. */
export const configurationVariables = Object.keys(baseSchema.shape);

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** One line per bad variable: `NAME: what it expects (got "...")`, never echoing secret values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const relevant = Object.fromEntries(configurationVariables.map((name) => [name, env[name]])) as RawSettings;
  const parsed = baseSchema.safeParse(relevant);
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: String(issue.path[0] ?? 'configuration'), message: issue.message }))),
    ...crossFieldProblems(relevant),
  ];
  if (parsed.success && issues.length === 0) return parsed.data;
  const problems = issues.map(({ path, message }) => {
    const raw = env[path];
    const shown = raw === undefined || raw === '' || /PASSWORD|KEY|SECRET|THUMBPRINT/.test(path) ? '' : ` (got "${raw}")`;
    return `${path}: ${message}${shown}`;
  });
  throw new ConfigurationError([...new Set(problems)]);
}

export type ModelSettings =
  | { provider: 'openai'; apiKey: string; model: string; endpoint?: string }
  | { provider: 'azure'; apiKey: string; endpoint: string; deployment: string };

/** The language model is optional: without a key the assistant answers extractively. */
export function modelSettings(config: AppConfig): ModelSettings | undefined {
  if (config.AZURE_OPENAI_API_KEY && config.AZURE_OPENAI_ENDPOINT && config.AZURE_OPENAI_DEPLOYMENT) {
    return {
      provider: 'azure',
      apiKey: config.AZURE_OPENAI_API_KEY,
      endpoint: config.AZURE_OPENAI_ENDPOINT,
      deployment: config.AZURE_OPENAI_DEPLOYMENT,
    };
  }
  if (config.OPENAI_API_KEY) {
    return { provider: 'openai', apiKey: config.OPENAI_API_KEY, model: config.OPENAI_MODEL, endpoint: config.OPENAI_BASE_URL };
  }
  return undefined;
}
