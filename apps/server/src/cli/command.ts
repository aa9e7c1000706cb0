import { requireOrganisation } from '@lagesbild/api';
import type { Database } from '@lagesbild/db';
import { defineCommand, type ArgsDef, type CommandContext, type CommandDef, type ParsedArgs } from 'citty';
import type { ServerEnv } from '../env.js';
import type { CliIo } from './io.js';

/** What runCli hands every command through citty's `data`: the open database and where to write. */
export class CliRun {
  constructor(
    readonly database: Database,
    readonly io: CliIo,
    readonly env: NodeJS.ProcessEnv,
    readonly serverEnv: ServerEnv,
  ) {}
}

/** A command's view of the run: CliRun plus the organisation it acts on (--org, else LAGESBILD_ORG). */
interface CliContext {
  database: Database;
  io: CliIo;
  env: NodeJS.ProcessEnv;
  serverEnv: ServerEnv;
  orgId: string;
  /** The arguments as typed, for a flag given more than once (--role). */
  rawArgs: string[];
}

/** A flag with a value, shown as `--name HINT`. */
export const value = (valueHint: string, description: string): { type: 'string'; valueHint: string; description: string } => ({ type: 'string', valueHint, description });
/** A flag with a value that the command cannot do without; runCli refuses a run without it. */
export const needed = (valueHint: string, description: string) => ({ ...value(valueHint, description), required: true as const });
/** A switch: given or not (false when not given). */
export const toggle = (description: string): { type: 'boolean'; description: string; default: false } => ({ type: 'boolean', description, default: false });
/** An argument by position, shown as its hint; the command's own message explains a missing one. */
export const positional = (valueHint: string, description: string): { type: 'positional'; required: false; valueHint: string; description: string } => ({
  type: 'positional',
  required: false,
  valueHint,
  description,
});

/** --org, on every command that reads or writes one organisation. */
export const ORG_ARG = { org: value('ID', 'organisationen (standard LAGESBILD_ORG, annars katrineholm)') };

export interface CliCommandDef<T extends ArgsDef> {
  name: string;
  /** Swedish: the first line is the command's line in the overview; the whole text heads its --help. */
  description: string;
  /** Built with value, needed, toggle and positional. */
  args: T;
  /** 'scoped': the organisation must exist, checked before any work. */
  org?: 'scoped';
  run(args: ParsedArgs<T>, c: CliContext): Promise<void>;
}

export type CliCommand = CommandDef<ArgsDef> & { meta: { name: string; description: string }; args: ArgsDef };

function contextOf<T extends ArgsDef>(ctx: CommandContext<T>): CliContext {
  const data: unknown = ctx.data;
  if (!(data instanceof CliRun)) throw new Error('Kommandot startades utan runCli.');
  const org: unknown = ctx.args['org'];
  const orgId = (typeof org === 'string' ? org : data.serverEnv.orgId).trim().toLowerCase();
  return { database: data.database, io: data.io, env: data.env, serverEnv: data.serverEnv, orgId, rawArgs: ctx.rawArgs };
}

/** One command: its flags typed from `args`, its usage generated from the same definitions (usage.ts). */
export function cliCommand<const T extends ArgsDef>(def: CliCommandDef<T>): CliCommand {
  const cmd = defineCommand<T>({
    meta: { name: def.name, description: def.description },
    args: def.args,
    setup:
      def.org === 'scoped'
        ? async (ctx) => {
            const c = contextOf(ctx);
            // Say so plainly when the organisation does not exist, before any work.
            await requireOrganisation(c.database.db, c.orgId);
          }
        : undefined,
    run: (ctx) => def.run(ctx.args, contextOf(ctx)),
  });
  // Erased to the common type for the list of commands: run only ever gets args parsed from this same `args`.
  return { ...(cmd as CommandDef<ArgsDef>), meta: { name: def.name, description: def.description }, args: def.args };
}

/** Who acts, named in the audit log and an import's batch, e.g. "cli:greta". */
export const cliUser = (env: NodeJS.ProcessEnv): string => `cli:${env.USER ?? 'okänd'}`;
