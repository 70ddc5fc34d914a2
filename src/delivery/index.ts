export { DELIVERIES, OUTBOX, MongoOutbox, OutboxStore, deliveryCollections, type DeliveryDocument, type OutboxDocument, type OutboxStatus } from './outbox.js';
export { DeliveryWorker, backoffMs, type DeliveryWorkerOptions, type Renderer, type Transport, type TransportResult } from './worker.js';
export type { DeliveredMessage, MessageContent, Outbox, OutgoingMessage, RecordView } from './types.js';
