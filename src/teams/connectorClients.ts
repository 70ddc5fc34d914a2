import type { Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { ExpiringCache } from '../storage/expiringCache.js';

/** Service URLs per app and cloud are few (Teams' regional endpoints); the bound is generous. */
const MAX_CLIENTS = 64;
/** Credentials refresh their own tokens; an hour bounds how long a client of a changed setting lives on. */
const CLIENT_TTL_MS = 60 * 60 * 1000;

/**
 * botbuilder's CloudAdapter builds a new ConnectorClient and UserTokenClient (each an Azure HTTP
 * pipeline of a dozen policies, with its credentials) for every activity, even one answered in
 * the HTTP response (`expectReplies`) that never calls out: a fifth of a short turn's CPU and much
 * of its garbage. The clients hold no per-turn state (their credentials fetch and renew tokens
 * themselves), so one per app id, service URL and audience serves every turn, as botbuilder's
 * older BotFrameworkAdapter kept them.
 */
class ReusedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectorClients = new ExpiringCache<string, Promise<ConnectorClient>>({ maxEntries: MAX_CLIENTS, ttlMs: CLIENT_TTL_MS });
  private readonly userTokenClients = new ExpiringCache<string, Promise<UserTokenClient>>({ maxEntries: MAX_CLIENTS, ttlMs: CLIENT_TTL_MS });

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    return this.withReuse(result);
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withReuse(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.shared(this.userTokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  private withReuse(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) } : result;
  }

  /** The factory's clients, one per service URL and audience for the app the claims name. */
  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    const shared = (serviceUrl: string, audience?: string) => this.shared(this.connectorClients, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience));
    return new (class extends ConnectorFactory {
      override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return shared(serviceUrl, audience);
      }
    })();
  }

  private shared<T>(cache: ExpiringCache<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
    const known = cache.get(key);
    if (known) return known;
    const created = create();
    cache.set(key, created);
    // A client that could not be made (credentials unavailable) is made again next time.
    created.catch(() => cache.delete(key));
    return created;
  }
}

/** The app id botbuilder builds clients for: the token's audience, else its appid claim (anonymous in local mode). */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** TeamsAdapter builds its authentication internally, so client reuse is put around it afterwards. */
export function reuseConnectorClients(adapter: TeamsAdapter): TeamsAdapter {
  const holder = adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication };
  holder.botFrameworkAuthentication = new ReusedClientsAuthentication(holder.botFrameworkAuthentication);
  return adapter;
}
