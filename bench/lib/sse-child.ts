/** The entry of a benchmark's server process (see spawnChild in sse-harness.ts). */
import { child } from './sse-harness.js';

void child(process.argv[2] ?? 'server', process.argv[3] ?? '');
