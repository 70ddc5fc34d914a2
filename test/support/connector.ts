import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export interface CapturedCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  activityId?: string;
  activity: Partial<Activity>;
  /** When the connector accepted it (ms since the epoch). */
  at: number;
}

/** A createConversation request as the bot sent it. */
export interface CreatedConversation {
  id: string;
  members: { id: string; aadObjectId?: string }[];
  tenantId?: string;
  at: number;
}

/** What a scripted answer replaces: the status, and headers such as Retry-After. */
export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Decides, per request, to answer something else than success (throttling, refusals); undefined = handle normally. */
export type ConnectorScript = (request: { method: string; path: string; conversationId?: string; body: any }) => ScriptedAnswer | undefined;

/**
 * A local HTTP server speaking the Bot Connector v3 routes the bot uses for proactive
 * messages and in-place updates, so tests see exactly what would reach Teams.
 */
export class ConnectorServer {
  readonly calls: CapturedCall[] = [];
  readonly created: CreatedConversation[] = [];
  /** Answers that replace the normal handling; refused requests are not captured as calls. */
  script: ConnectorScript | undefined;
  /** Milliseconds every request takes, to make a burst last (e.g. so a worker can be killed mid-send). */
  delayMs = 0;
  /** Every request that got a scripted answer, with its status. */
  readonly refused: { method: string; path: string; status: number; at: number }[] = [];
  private server?: Server;
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, headers }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Messages sent (not updates) into a conversation, oldest first. */
  sentTo(conversationId: string): Partial<Activity>[] {
    return this.calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId).map((c) => c.activity);
  }

  updatesIn(conversationId: string): CapturedCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && c.conversationId === conversationId);
  }

  /** Waits until `predicate` holds: proactive sends may complete just after a turn returns. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for connector calls');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    const scripted = this.script?.({ method: req.method ?? 'GET', path, ...(match ? { conversationId: match[1] } : {}), body });
    if (scripted) {
      this.refused.push({ method: req.method ?? 'GET', path, status: scripted.status, at: Date.now() });
      return { status: scripted.status, body: scripted.body ?? { error: { code: 'Scripted', message: String(scripted.status) } }, ...(scripted.headers ? { headers: scripted.headers } : {}) };
    }
    if (req.method === 'POST' && path === '/v3/conversations') {
      this.counter += 1;
      const id = `created-${this.counter}`;
      this.created.push({ id, members: body.members ?? [], tenantId: body.tenantId ?? body.channelData?.tenant?.id, at: Date.now() });
      return { status: 200, body: { id } };
    }
    if (!match) return { status: 404, body: { error: { code: 'NotFound', message: path } } };
    const [, conversationId, activityId] = match;
    if (req.method === 'PUT' && activityId) {
      this.calls.push({ method: 'PUT', conversationId: conversationId!, activityId, activity: body, at: Date.now() });
      return { status: 200, body: { id: activityId } };
    }
    if (req.method === 'POST') {
      this.counter += 1;
      const id = `sent-${this.counter}`;
      this.calls.push({ method: 'POST', conversationId: conversationId!, activityId: id, activity: { ...body, id }, at: Date.now() });
      return { status: 200, body: { id } };
    }
    return { status: 405, body: {} };
  }
}
