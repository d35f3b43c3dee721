/**
 * The command line: `corridor-route-planner <route|compare|matrix|places> …`.
 * Plans in this process on the data set (no server), through the same
 * schemas, domain core and mappers as the API. Exit codes: 0 answered,
 * 2 bad input (usage, an invalid option, an unknown place or scenario: with
 * suggestions), 3 no route for a valid question (with what would let one
 * through), 1 anything else (e.g. a broken data set).
 */
import { DomainError, InvalidDataError } from '../domain/errors.js';
import { nearestOption, UsageError } from './args.js';
import { COMPARE_USAGE, compareCommand } from './compare.js';
import { loadContext, type CliContext } from './context.js';
import { MATRIX_USAGE, matrixCommand } from './matrix.js';
import { PLACES_USAGE, placesCommand } from './places.js';
import { ROUTE_USAGE, routeCommand } from './route.js';

export const EXIT = { ok: 0, failure: 1, badInput: 2, noRoute: 3 } as const;

const COMMANDS: Record<string, { usage: string; run: (ctx: CliContext, argv: readonly string[]) => string }> = {
  route: { usage: ROUTE_USAGE, run: routeCommand },
  compare: { usage: COMPARE_USAGE, run: compareCommand },
  matrix: { usage: MATRIX_USAGE, run: matrixCommand },
  places: { usage: PLACES_USAGE, run: placesCommand },
};

const NAME = 'corridor-route-planner';

export function usage(): string {
  return (
    `usage: ${NAME} <command> [options] [--data DIR]\n\n` +
    Object.values(COMMANDS)
      .map((c) => `  ${NAME} ${c.usage.replace(/\n/g, `\n  ${' '.repeat(NAME.length)}`)}`)
      .join('\n') +
    '\n\nPlaces are ids, names, aliases, UN/LOCODEs or coordinates "lat,lon". Lists are comma-separated or the option repeated.\n' +
    'Exit codes: 0 answered, 2 bad input, 3 no route, 1 other failure. The data set is --data, else DATA_DIR, else the project\'s data/.\n'
  );
}

/** --data DIR / --data=DIR, taken out before the sub-command parses its own options. */
function takeDataDir(argv: readonly string[]): { dataDir: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data') {
      dataDir = argv[++i];
      if (dataDir === undefined) throw new UsageError('option --data needs a folder');
    } else if (a.startsWith('--data=')) dataDir = a.slice('--data='.length);
    else rest.push(a);
  }
  return { dataDir, rest };
}

function describeDomainError(err: DomainError): string {
  const lines = [`${err.code === 'NO_ROUTE' ? 'no route' : err.code === 'UNKNOWN_PLACE' ? 'unknown place' : 'error'}: ${err.message}`];
  const errors = Array.isArray(err.details.errors) ? (err.details.errors as { parameter: string; message: string }[]) : [];
  if (errors.length > 1) for (const e of errors) lines.push(`  ${e.parameter}: ${e.message}`);
  const known = err.details.known;
  if (Array.isArray(known)) lines.push(`  known: ${known.join(', ')}`);
  return lines.join('\n') + '\n';
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.err : io.out)(usage());
    return command === undefined ? EXIT.badInput : EXIT.ok;
  }
  const cmd = COMMANDS[command];
  if (cmd === undefined) {
    const near = nearestOption(command, Object.keys(COMMANDS));
    io.err(`unknown command "${command}"${near ? `; did you mean "${near}"?` : ''}\n\n${usage()}`);
    return EXIT.badInput;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`usage: ${NAME} ${cmd.usage}\n`);
    return EXIT.ok;
  }
  try {
    const { dataDir, rest } = takeDataDir(args);
    const ctx = await loadContext(dataDir);
    io.out(cmd.run(ctx, rest));
    return EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\nusage: ${NAME} ${cmd.usage}\n`);
      return EXIT.badInput;
    }
    if (err instanceof InvalidDataError) {
      io.err(`${err.message}\n`);
      return EXIT.failure;
    }
    if (err instanceof DomainError) {
      io.err(describeDomainError(err));
      return err.code === 'NO_ROUTE' ? EXIT.noRoute : err.code === 'INVALID_DATA' ? EXIT.failure : EXIT.badInput;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      io.err(`cannot read the data set: ${e.message}\n`);
      return EXIT.failure;
    }
    throw err;
  }
}
