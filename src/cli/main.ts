/** Command-line entry: runs the sub-command and sets the exit code (see run.ts). */
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), {
  out: (s: string) => void process.stdout.write(s),
  err: (s: string) => void process.stderr.write(s),
});
