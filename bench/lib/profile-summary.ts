/**
 * Sums up what `sse-fanout.ts --profile DIR` wrote: per CPU profile, self time
 * by function and by where the code lives (tRPC, web streams, node:http, …);
 * per heap snapshot, self size by object kind (constructor or closure name).
 *
 *   npx tsx bench/lib/profile-summary.ts DIR [--top 20] [--per 500]
 *
 * --per: subscribers per server (the heap growth is divided by it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives, coarse enough to say which mechanism costs. */
function area(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)' || fn === '(program)') return fn;
  if (url.includes('@trpc/server')) return 'tRPC';
  if (url.includes('webstreams') || url.includes('encoding')) return 'web streams / TextEncoder';
  if (url.includes('node:_http') || url.includes('node:net') || url.includes('node:stream') || url.includes('node:internal/streams')) return 'node http/net';
  if (url.includes('postgres') || url.includes('drizzle')) return 'database client';
  if (url.includes('/packages/') || url.includes('/apps/')) return 'Lägesbild';
  if (url === '') return '(native)';
  if (url.startsWith('node:')) return 'other node internals';
  return 'other';
}

function cpu(file: string, top: number): void {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)?.callFrame;
    if (!f) continue;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    fns.set(name, (fns.get(name) ?? 0) + us);
    const a = area(f.url, f.functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const busy = total - (areas.get('(idle)') ?? 0);
  console.log(`\n${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(2)} s busy`);
  for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1])) if (a !== '(idle)') console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${a}`);
  console.log('  top functions by self time (% of busy):');
  for (const [f, us] of [...fns]
    .filter(([f]) => !f.startsWith('(idle)'))
    .sort((x, y) => y[1] - x[1])
    .slice(0, top))
    console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${f}`);
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] }; node_count: number };
  nodes: number[];
  strings: string[];
}

type Kinds = Map<string, { count: number; bytes: number }>;

function kindsOf(file: string): Kinds {
  const h = JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshot;
  const f = h.snapshot.meta.node_fields;
  const [typeNames] = h.snapshot.meta.node_types;
  const width = f.length;
  const [ti, ni, si] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size')];
  const kinds = new Map<string, { count: number; bytes: number }>();
  let total = 0;
  for (let i = 0; i < h.nodes.length; i += width) {
    const type = typeNames[h.nodes[i + ti] ?? 0] ?? '?';
    const name = type === 'object' || type === 'closure' || type === 'native' ? (h.strings[h.nodes[i + ni] ?? 0] ?? '?') : `(${type})`;
    const key = type === 'closure' ? `closure ${name}` : name;
    const size = h.nodes[i + si] ?? 0;
    total += size;
    const k = kinds.get(key) ?? { count: 0, bytes: 0 };
    k.count++;
    k.bytes += size;
    kinds.set(key, k);
  }
  kinds.set('(total)', { count: h.nodes.length / width, bytes: total });
  return kinds;
}

/** What the subscribers added: the connected snapshot less the idle one, per subscriber. */
function heapGrowth(idle: string, connected: string, top: number, per: number): void {
  const [a, b] = [kindsOf(idle), kindsOf(connected)];
  const delta = [...b].map(([k, v]) => [k, { count: v.count - (a.get(k)?.count ?? 0), bytes: v.bytes - (a.get(k)?.bytes ?? 0) }] as const);
  console.log(`\n${connected} less ${idle.split('/').pop() ?? ''}, per subscriber (÷${per}):`);
  for (const [k, v] of delta.sort((x, y) => y[1].bytes - x[1].bytes).slice(0, top)) {
    console.log(`  ${(v.bytes / per).toFixed(0).padStart(7)} B ${(v.count / per).toFixed(1).padStart(7)} objects  ${k.slice(0, 70)}`);
  }
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '20' }, per: { type: 'string', default: '500' } } });
const dir = positionals[0] ?? '.';
const top = Number(values.top);
for (const name of readdirSync(dir).sort()) {
  if (name.endsWith('.cpuprofile')) cpu(join(dir, name), top);
  if (name.endsWith('-connected.heapsnapshot')) heapGrowth(join(dir, name.replace('-connected', '-idle')), join(dir, name), top, Number(values.per));
}
