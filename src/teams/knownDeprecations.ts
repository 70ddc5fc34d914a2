/**
 * restify 11 loads spdy (HTTP/2), whose http-deceiver calls `process.binding('http_parser')`
 * at import; Node answers with a DEP0111 deprecation warning on every start. We never use
 * spdy and restify has no release without it, so that one warning, from that one call, is
 * dropped here; every other warning (other codes, or DEP0111 for any other module) still shows.
 * Imported before restify (first line of server.ts) so it is in place when restify loads.
 */
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;

function isHttpParserBindingWarning(warning: unknown, typeOrOptions: unknown, code: unknown): boolean {
  const message = warning instanceof Error ? warning.message : String(warning);
  const warningCode = typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as { code?: unknown }).code : code;
  return warningCode === 'DEP0111' && message.includes("process.binding('http_parser')");
}

process.emitWarning = ((warning: unknown, typeOrOptions?: unknown, code?: unknown, ...rest: unknown[]) => {
  if (isHttpParserBindingWarning(warning, typeOrOptions, code)) return;
  emitWarning(warning, typeOrOptions, code, ...rest);
}) as typeof process.emitWarning;

export {};
