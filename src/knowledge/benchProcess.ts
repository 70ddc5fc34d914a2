/**
 * Child process of benchKnowledge(): measures the knowledge base in a process of its own and
 * sends the figures to the parent.
 */
import { measureKnowledge } from './bench.js';

const figures = await measureKnowledge();
await new Promise<void>((resolve, reject) => process.send?.(figures, (error: Error | null) => (error ? reject(error) : resolve())) ?? resolve());
process.disconnect?.();
