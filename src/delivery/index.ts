export { DELIVERIES, OUTBOX, OUTBOX_CLAIMS, UNDELIVERED, MongoOutbox, OutboxStore, deliveryCollections, type DeliveryDocument, type OutboxDocument, type OutboxStatus } from './outbox.js';
export { DeliveryWorker, backoffMs, type DeliveryWorkerOptions, type RecipientResolver, type Renderer, type Transport, type TransportResult, type UndeliverableOutcome } from './worker.js';
export { CONVERSATION_LIMITS, Pacer, SEND_SLOT_HEADS, SEND_SLOTS, SEND_WITHIN_MS, TENANT_LIMITS, type RateLimit } from './pacing.js';
export type { DeliveredMessage, MessageContent, Outbox, OutgoingMessage, RecordView } from './types.js';
export { enqueueOnce, MESSAGES_ONCE } from './once.js';
