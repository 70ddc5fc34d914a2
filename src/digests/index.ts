export { CARD_BYTE_BUDGET, digestCards, digestSections, digestText, type RegisterLink } from './card.js';
export { DEFAULT_DIGEST, buildDigest, digestReferences, type DeliveryProblem, type DigestData } from './digest.js';
export { RECORD_TYPES, SMALL_NUMBER, countBy, isWithdrawn, labelOf, recordsUntil, requestFigures, shown, shownGroup, shownShare, type Period, type RequestFigures } from './figures.js';
export { DIGEST_RUNS, DIGEST_VIEW, digestCollections, digestFor, nextDigestPeriod, renderDigest, sendDigest, type DigestRun, type DigestServices } from './send.js';
