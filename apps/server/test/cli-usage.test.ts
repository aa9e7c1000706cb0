import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from '../src/cli/main.js';

/**
 * Arguments are checked against the command's own definitions before the
 * database is opened: these runs point at a PGlite folder that must never
 * come into being.
 */
const root = mkdtempSync(join(tmpdir(), 'lagesbild-cli-usage-'));
const dataDir = join(root, 'db');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const env: NodeJS.ProcessEnv = { LAGESBILD_DATA_DIR: dataDir, INIT_CWD: root };

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterAll(() => {
  expect(existsSync(dataDir)).toBe(false);
  rmSync(root, { recursive: true, force: true });
});

describe('CLI arguments and usage', () => {
  it('refuses a flag the command does not have (kpis --port 1), naming the flag and showing the usage of kpis', async () => {
    const r = await run('kpis', '--port', '1');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')[0]).toBe('Okänd flagga "--port" för kommandot kpis.');
    expect(r.err).toContain('Användning: pnpm lagesbild kpis [--json]');
    expect(r.err).not.toContain('--org');
  });

  it.each([
    ['migrate', '--demo', []],
    ['seed', '--json', ['--demo']],
    ['serve', '--json', []],
    ['import', '--port', ['fil.csv', '--port', '1']],
    ['rollback', '--dry-run', ['5']],
    ['generate', '--org', ['--org', 'x']],
    ['org', '--org', ['list', '--org', 'x']],
    ['query', '--role', ['--kpi', 'a', '--unit', 'b', '--period', '2022', '--role', 'admin']],
    ['units', '--no-json', []],
    ['units', '--dryRun', []],
    ['user', '-j', ['list']],
  ])('%s refuses %s, a flag that belongs to another command or none', async (name, flag, args) => {
    const r = await run(name, ...(args.includes(flag) ? args : [...args, flag]));
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`Okänd flagga "${flag}" för kommandot ${name}.`);
    expect(r.err).toContain(`Användning: pnpm lagesbild ${name}`);
  });

  it('refuses a flag without its value, a switch with one, an argument too many and a missing required flag', async () => {
    expect(await run('units', '--month')).toMatchObject({ code: 2, err: expect.stringMatching(/^Flaggan --month behöver ett värde: --month ÅÅÅÅ-MM\.\n/) as unknown });
    expect(await run('import', 'f.csv', '--unit', '--yes')).toMatchObject({ code: 2, err: expect.stringMatching(/^Flaggan --unit behöver ett värde: --unit KOD\./) as unknown });
    expect(await run('kpis', '--json=ja')).toMatchObject({ code: 2, err: expect.stringMatching(/^Flaggan --json tar inget värde; skriv bara --json\./) as unknown });
    expect(await run('kpis', 'json')).toMatchObject({ code: 2, err: expect.stringMatching(/^Okänt argument "json" för kommandot kpis\./) as unknown });
    expect(await run('query', '--kpi', 'hushall-utbetalt')).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /^Kommandot query behöver --unit KOD och --period P\.\n\nAnvändning: pnpm lagesbild query --kpi ID --unit KOD --period P \[--gender K\|M\|T\]/,
      ) as unknown,
    });
    expect(await run('seed')).toMatchObject({ code: 2, err: expect.stringMatching(/^Kommandot seed behöver --demo\./) as unknown });
  });

  it.each(COMMANDS.map((c) => [c.meta.name, c] as const))('%s --help prints its usage, generated from its definitions', async (name, cmd) => {
    for (const help of ['--help', '-h']) {
      const r = await run(name, help);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out.split('\n')[0]).toMatch(new RegExp(`^Användning: pnpm lagesbild ${name}\\b`));
      expect(r.out).toContain(cmd.meta.description);
      for (const [flag, def] of Object.entries(cmd.args)) {
        if (def.type === 'positional') expect(r.out).toContain(def.valueHint ?? flag);
        else expect(r.out).toMatch(new RegExp(`^  --${flag}\\b.*  ${escape(def.description ?? '')}$`, 'm'));
      }
    }
    // Help wins over everything else on the line, and "help <kommando>" says the same.
    expect((await run(name, '--bogus', '--help')).out).toBe((await run(name, '--help')).out);
    expect((await run('help', name)).out).toBe((await run(name, '--help')).out);
  });

  it('command-scoped flags: --org only where a command acts on one organisation, --port only on serve', async () => {
    const flagsOf = async (name: string) => [...(await run(name, '--help')).out.matchAll(/^ {2}(--[\w-]+)/gm)].map((m) => m[1]);
    expect(await flagsOf('kpis')).toEqual(['--json']);
    expect(await flagsOf('serve')).toEqual(['--port', '--demo', '--org']);
    expect(await flagsOf('units')).toEqual(['--month', '--json', '--org']);
    expect(await flagsOf('generate')).not.toContain('--org');
  });

  it('without a command: the overview lists every command (exit 2); an unknown command or a flag first is refused with it', async () => {
    const bare = await run();
    expect(bare.code).toBe(2);
    for (const c of COMMANDS) expect(bare.out).toMatch(new RegExp(`^  ${c.meta.name} +${escape(c.meta.description.split('\n')[0] ?? '')}$`, 'm'));
    expect(await run('--help')).toMatchObject({ code: 0, out: bare.out });
    expect(await run('help')).toMatchObject({ code: 0, out: bare.out });
    const unknown = await run('kpi');
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toContain('Okänt kommando "kpi".');
    expect(unknown.err).toContain(bare.out);
    expect((await run('--org', 'flen', 'units')).err).toMatch(/^Ange kommandot först, före flaggan "--org"\./);
  });
});
