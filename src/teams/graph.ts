import type { Logger } from '../logging/logger.js';

export interface GraphInstallerOptions {
  /** The bot's Entra app: it needs the application permission TeamsAppInstallation.ReadWriteForUser.All (admin consent). */
  clientId: string;
  clientSecret: string;
  /** The app's id in the tenant's app catalog (Graph `teamsApp.id`), not the manifest id. */
  teamsAppId: string;
  /** e.g. https://graph.microsoft.com/v1.0 */
  graphBaseUrl: string;
  /** e.g. https://login.microsoftonline.com */
  authorityUrl: string;
  logger: Logger;
  timeoutMs?: number;
}

export type InstallOutcome = 'installed' | 'already_installed' | 'failed';

/**
 * Installs the Teams app for one person through Microsoft Graph, so the bot can open a personal
 * chat with someone who never opened it (when the tenant's setup policy did not install it).
 * One application token per tenant, reused until shortly before it expires.
 */
export class GraphAppInstaller {
  private readonly tokens = new Map<string, { token: string; until: number }>();

  constructor(private readonly options: GraphInstallerOptions) {}

  async install(aadObjectId: string, tenantId: string): Promise<InstallOutcome> {
    const log = { event: 'graph.install', tenant: tenantId };
    try {
      const token = await this.token(tenantId);
      const base = this.options.graphBaseUrl.replace(/\/$/, '');
      const response = await fetch(`${base}/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ 'teamsApp@odata.bind': `${base}/appCatalogs/teamsApps/${encodeURIComponent(this.options.teamsAppId)}` }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
      if (response.status === 201 || response.status === 200 || response.status === 204) {
        this.options.logger.info({ ...log, outcome: 'installed' }, 'app installed for a person');
        return 'installed';
      }
      // 409: the app is already installed for the person (then the conversation failed for another reason).
      if (response.status === 409) return 'already_installed';
      this.options.logger.warn({ ...log, outcome: 'failed', status: response.status }, 'app installation refused');
      return 'failed';
    } catch (error) {
      this.options.logger.warn({ ...log, outcome: 'failed', err: { name: (error as Error).name } }, 'app installation failed');
      return 'failed';
    }
  }

  private async token(tenantId: string): Promise<string> {
    const cached = this.tokens.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.token;
    const authority = this.options.authorityUrl.replace(/\/$/, '');
    const response = await fetch(`${authority}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
        grant_type: 'client_credentials',
      }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    });
    if (!response.ok) throw Object.assign(new Error('token request refused'), { name: 'GraphTokenError', status: response.status });
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw Object.assign(new Error('no access token'), { name: 'GraphTokenError' });
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    this.tokens.set(tenantId, { token: body.access_token, until: Date.now() + Math.max(0, seconds - 300) * 1000 });
    return body.access_token;
  }
}
