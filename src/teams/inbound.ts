import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AppConfig } from '../config/env.js';
import { stripControls } from '../text/controls.js';

/**
 * The edge: every activity that reaches `POST /api/messages` is parsed here, once, before the
 * adapter, a handler or a query sees any of it. What comes out is a plain typed value whose ids
 * are bounded strings of a known shape (aadObjectId a GUID), whose free text has no control
 * characters, and whose nested data (card data, channelData, entities) is plain bounded JSON.
 * Fields we do not use are dropped. Anything else is refused with a 400 and a fixed text.
 *
 * Everything downstream reads identity, locale, tenant and serviceUrl from the parsed value
 * (`inboundOf`, `identityOf`), never from raw request fields.
 */

/** Beyond this no message is routed: nothing we handle is longer, and every pattern then sees bounded text. */
export const MAX_MESSAGE_TEXT_LENGTH = 4000;

/**
 * Null is how several channels write "absent"; it means the same as a missing field here. A
 * schema type of its own rather than `z.preprocess`: every activity passes some thirty optional
 * fields, and a preprocess step on each cost twice the rest of the parse together.
 */
class NullAsAbsent<T extends z.ZodTypeAny> extends z.ZodType<z.output<T> | undefined, z.ZodTypeDef & { inner: T }, z.input<T> | null | undefined> {
  _parse(input: z.ParseInput): z.ParseReturnType<z.output<T> | undefined> {
    if (input.data === null || input.data === undefined) return z.OK(undefined);
    return this._def.inner._parse(input);
  }
}
const optional = <T extends z.ZodTypeAny>(schema: T) => new NullAsAbsent<T>({ inner: schema });

/** Entra object ids are GUIDs; the Agents Playground's mock users have 13 digits in the last group and its bot 14. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,14}$/i;
export const aadObjectIdSchema = z.string().max(40).regex(GUID).transform((id) => id.toLowerCase());
export type AadObjectId = z.infer<typeof aadObjectIdSchema>;

/** Channel ids ("29:1a…", "a:1x…", "19:…@thread.tacv2;messageid=…"): printable ASCII, no spaces. */
const identifier = (max: number) => z.string().min(1).max(max).regex(/^[\x21-\x7e]+$/);
const token = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/);
const displayName = z.string().max(256).transform((name) => stripControls(name, { multiline: false }));
const locale = z.string().max(35).regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,4}$/);
const timestamp = z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}T[0-9:.]{5,20}(?:Z|[+-]\d{2}:?\d{2})?$/);
const serviceUrl = z
  .string()
  .max(512)
  .refine((value) => {
    const url = parseUrl(value);
    return url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  });

const channelAccount = z.object({
  id: identifier(256),
  name: optional(displayName),
  aadObjectId: optional(aadObjectIdSchema),
  role: optional(token(20)),
});

/** Bounds for nested JSON (card data, channelData, entities, attachments). */
const JSON_LIMITS = { depth: 12, nodes: 20_000, keysPerObject: 200, keyLength: 200, arrayLength: 1000 } as const;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const KEY = /^[^\u0000-\u001f\u007f-\u009f]+$/;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A deep copy of plain JSON with every string cleaned of control characters; refuses deep,
 * huge or prototype-touching structures. `$`-keys pass: card data is a user's form, and the
 * handler's own schema refuses such a form with a message the user understands.
 */
function sanitizeJson(value: unknown): { ok: true; value: Json } | { ok: false } {
  let nodes = 0;
  const copy = (node: unknown, depth: number): Json | typeof INVALID => {
    nodes += 1;
    if (nodes > JSON_LIMITS.nodes || depth > JSON_LIMITS.depth) return INVALID;
    if (node === null || typeof node === 'boolean') return node;
    if (typeof node === 'number') return Number.isFinite(node) ? node : INVALID;
    if (typeof node === 'string') return stripControls(node, { multiline: true });
    if (Array.isArray(node)) {
      if (node.length > JSON_LIMITS.arrayLength) return INVALID;
      const out: Json[] = [];
      for (const item of node) {
        const copied = copy(item, depth + 1);
        if (copied === INVALID) return INVALID;
        out.push(copied);
      }
      return out;
    }
    if (typeof node === 'object') {
      const entries = Object.entries(node as Record<string, unknown>);
      if (entries.length > JSON_LIMITS.keysPerObject) return INVALID;
      const out: { [key: string]: Json } = {};
      for (const [key, item] of entries) {
        if (key.length > JSON_LIMITS.keyLength || FORBIDDEN_KEYS.has(key) || !KEY.test(key)) return INVALID;
        if (item === undefined) continue;
        const copied = copy(item, depth + 1);
        if (copied === INVALID) return INVALID;
        out[key] = copied;
      }
      return out;
    }
    return INVALID;
  };
  const result = copy(value, 0);
  return result === INVALID ? { ok: false } : { ok: true, value: result };
}
const INVALID = Symbol('invalid');

const plainJson = z.unknown().transform((value, ctx) => {
  const result = sanitizeJson(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: 'not plain bounded JSON' });
    return z.NEVER;
  }
  return result.value;
});

/** Teams puts the user's tenant in channelData; the rest of channelData is kept as plain JSON. */
const channelData = plainJson.pipe(
  z
    .object({
      tenant: optional(z.object({ id: optional(aadObjectIdSchema) }).passthrough()),
    })
    .passthrough(),
);

/** botbuilder reads `mentioned.id` and `text` of every mention entity (to strip the bot's own @-mention). */
const entity = plainJson.pipe(
  z.union([
    z.object({ type: z.literal('mention'), mentioned: channelAccount.passthrough(), text: z.string().max(1000) }).passthrough(),
    z.object({ type: z.string().max(200).refine((type) => type !== 'mention') }).passthrough(),
  ]),
);

const activityFields = z.object({
  type: z.string().min(1).max(40).regex(/^[A-Za-z]+$/),
  id: optional(identifier(256)),
  name: optional(token(128)),
  channelId: z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/),
  serviceUrl,
  timestamp: optional(timestamp),
  localTimestamp: optional(timestamp),
  localTimezone: optional(z.string().max(64).regex(/^[A-Za-z0-9_+/-]+$/)),
  locale: optional(locale),
  from: channelAccount,
  recipient: channelAccount,
  conversation: z.object({
    id: identifier(512),
    conversationType: optional(token(40)),
    tenantId: optional(aadObjectIdSchema),
    isGroup: optional(z.boolean()),
    name: optional(displayName),
  }),
  text: optional(z.string().transform((text) => stripControls(text, { multiline: true }))),
  textFormat: optional(token(20)),
  value: optional(plainJson),
  valueType: optional(z.string().max(200).regex(/^[\x21-\x7e]+$/)),
  channelData: optional(channelData),
  entities: optional(z.array(entity).max(64)),
  attachments: optional(z.array(plainJson).max(32)),
  membersAdded: optional(z.array(channelAccount).max(256)),
  membersRemoved: optional(z.array(channelAccount).max(256)),
  action: optional(token(40)),
  replyToId: optional(identifier(256)),
  deliveryMode: optional(z.enum(['normal', 'notification', 'expectReplies', 'ephemeral'])),
});

export const inboundActivitySchema = activityFields.refine(
  // The @-mention is cut out of the text: a mention without text to cut it from is not an activity Teams sends.
  (activity) => !activity.entities?.some((candidate) => candidate.type === 'mention') || typeof activity.text === 'string',
  { path: ['text'], message: 'a mention needs text' },
);

/** An activity as it came in, after the edge: the only shape handlers see. */
export type InboundActivity = z.infer<typeof inboundActivitySchema>;

/** Where the activity came from and where answers go: the sender's Teams identity in one value. */
export interface SenderIdentity {
  aadObjectId?: AadObjectId;
  tenantId?: string;
  locale?: string;
}

export type InboundParse =
  | { ok: true; activity: InboundActivity }
  /** The names of the top-level fields that were wrong (from this schema, never from the input). */
  | { ok: false; reason: 'malformed' | 'service_url_not_allowed'; fields: string[] };

const TOP_LEVEL_FIELDS = new Set(Object.keys(activityFields.shape));

export function parseInboundActivity(body: unknown, allowServiceUrl: (url: string) => boolean): InboundParse {
  const parsed = inboundActivitySchema.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')).filter((field) => TOP_LEVEL_FIELDS.has(field)))].sort();
    return { ok: false, reason: 'malformed', fields };
  }
  if (!allowServiceUrl(parsed.data.serviceUrl)) return { ok: false, reason: 'service_url_not_allowed', fields: ['serviceUrl'] };
  return { ok: true, activity: parsed.data };
}

// ---------------------------------------------------------------------------------------------
// Service URLs

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

interface AllowedOrigin {
  protocol: string;
  host: string;
  /** `*.example.com`: any subdomain of example.com. */
  subdomains: boolean;
  port: string;
}

function parseOrigin(entry: string): AllowedOrigin | undefined {
  const match = /^(https?):\/\/(\*\.)?([^:/]+)(?::(\d{1,5}))?\/?$/i.exec(entry.trim());
  if (!match) return undefined;
  const [, protocol, wildcard, host, port] = match;
  const defaultPort = protocol!.toLowerCase() === 'https' ? '443' : '80';
  return { protocol: `${protocol!.toLowerCase()}:`, host: host!.toLowerCase(), subdomains: Boolean(wildcard), port: port && port !== defaultPort ? port : '' };
}

/**
 * Which serviceUrls the bot accepts activities from (and so will send replies and proactive
 * messages to). With BOT_ID set only the configured origins (ALLOWED_SERVICE_URLS, by default
 * Teams' and the Bot Framework's); in local mode also loopback, where the Playground and the
 * tests run their connector.
 */
export function serviceUrlPolicy(config: Pick<AppConfig, 'BOT_ID' | 'ALLOWED_SERVICE_URLS'>): (url: string) => boolean {
  const origins = config.ALLOWED_SERVICE_URLS.map(parseOrigin).filter((origin): origin is AllowedOrigin => origin !== undefined);
  const localMode = !config.BOT_ID;
  return (value) => {
    const url = parseUrl(value);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return false;
    const host = url.hostname.toLowerCase();
    if (localMode && LOOPBACK_HOSTS.test(host)) return true;
    return origins.some(
      (origin) => origin.protocol === url.protocol && origin.port === url.port && (origin.subdomains ? host.endsWith(`.${origin.host}`) : host === origin.host),
    );
  };
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the parsed activity in handlers

const INBOUND_KEY = Symbol('inboundActivity');

export function rememberInbound(context: TurnContext, activity: InboundActivity): void {
  context.turnState.set(INBOUND_KEY, activity);
}

/** The activity as parsed at the edge; undefined outside an inbound turn (e.g. a proactive send). */
export function inboundOf(context: TurnContext): InboundActivity | undefined {
  return context.turnState.get(INBOUND_KEY) as InboundActivity | undefined;
}

const identityFields = {
  aadObjectId: aadObjectIdSchema,
  tenantId: aadObjectIdSchema,
  locale,
};

/**
 * The sender's identity for authorisation and language. From the edge's parse in an inbound
 * turn; otherwise each field is parsed on its own, and anything malformed counts as absent.
 */
export function identityOf(context: TurnContext): SenderIdentity {
  const inbound = inboundOf(context);
  if (inbound) {
    const tenantId = inbound.channelData?.tenant?.id ?? inbound.conversation.tenantId;
    return { aadObjectId: inbound.from.aadObjectId, tenantId, locale: inbound.locale };
  }
  const activity = context.activity as unknown as { from?: { aadObjectId?: unknown }; conversation?: { tenantId?: unknown }; channelData?: { tenant?: { id?: unknown } }; locale?: unknown };
  const field = <K extends keyof typeof identityFields>(name: K, raw: unknown) => {
    const parsed = identityFields[name].safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    aadObjectId: field('aadObjectId', activity?.from?.aadObjectId),
    tenantId: field('tenantId', activity?.channelData?.tenant?.id) ?? field('tenantId', activity?.conversation?.tenantId),
    locale: field('locale', activity?.locale),
  };
}
