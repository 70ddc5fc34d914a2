import type { Activity } from 'botbuilder';
import {
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { TeamsAdapter } from '@microsoft/teams-ai';

const UNAUTHORIZED = 401;

/**
 * botbuilder reports a token signed with an unknown key as a plain JsonWebTokenError, which
 * CloudAdapter turns into a 500. Every failure to authenticate a caller is a 401 to us: the
 * request is refused, not our fault, and must not look like an outage in monitoring.
 */
class RefusingAuthentication extends BotFrameworkAuthentication {
  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateRequest(activity, authHeader).catch(refuse);
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader).catch(refuse);
  }

  override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader).catch(refuse);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
}

function refuse(error: unknown): never {
  if (error instanceof AuthenticationError) throw error;
  throw new AuthenticationError('Unauthorized: the request token could not be validated.', UNAUTHORIZED);
}

/** TeamsAdapter builds its authentication internally, so the refusal policy is put around it afterwards. */
export function refuseUnauthenticatedRequests(adapter: TeamsAdapter): TeamsAdapter {
  const holder = adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication };
  holder.botFrameworkAuthentication = new RefusingAuthentication(holder.botFrameworkAuthentication);
  return adapter;
}

/**
 * With BOT_ID set, whether the request's token is valid, checked before the activity is parsed:
 * an unauthenticated caller gets a 401 whatever its body, and learns nothing about what a valid
 * activity looks like. Only channelId and serviceUrl are read from the body (as strings), because
 * the token's claims are checked against them; the adapter checks the token again when it runs.
 */
export async function isAuthenticated(adapter: TeamsAdapter, body: unknown, authHeader: string): Promise<boolean> {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as { channelId?: unknown; serviceUrl?: unknown };
  const claimsSubject = {
    channelId: typeof fields.channelId === 'string' ? fields.channelId : '',
    serviceUrl: typeof fields.serviceUrl === 'string' ? fields.serviceUrl : '',
  } as Activity;
  const holder = adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication };
  try {
    await holder.botFrameworkAuthentication.authenticateRequest(claimsSubject, authHeader);
    return true;
  } catch {
    return false;
  }
}
