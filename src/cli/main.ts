// `npm run sim -- FILE... [--until DURATION] [--trace]`: runs each scenario file in a fresh
// cluster, headless, and prints JSON Lines on stdout (the public contract described in README).
import { readFileSync } from 'node:fs';
import { parseDurationMs } from '../engine/sim/duration';
import { loadScenario } from '../engine/scenario/load';
import { runScenario } from '../engine/scenario/runScenario';
import { DEFAULT_COMPONENTS } from '../engine/components';

const USAGE = 'usage: npm run -s sim -- FILE... [--until DURATION] [--trace]\n';

function main(argv: string[]): number {
  const files: string[] = [];
  let untilMs: number | undefined;
  let trace = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--trace') trace = true;
    else if (arg === '--until' || arg.startsWith('--until=')) {
      const text = arg.includes('=') ? arg.slice('--until='.length) : argv[++i];
      untilMs = text === undefined ? undefined : parseDurationMs(text);
      if (untilMs === undefined) {
        process.stderr.write(`sim: --until: invalid duration ${JSON.stringify(text ?? '')} (write it with a unit: 500ms, 30s, 2m, 1h)\n`);
        return 2;
      }
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write(USAGE);
      return 0;
    } else if (arg.startsWith('-')) {
      process.stderr.write(`sim: unknown flag ${arg}\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      status = 1;
      continue;
    }
    const loaded = loadScenario(text, file);
    if (!loaded.ok) {
      process.stderr.write(`${loaded.error}\n`);
      status = 1;
      continue;
    }
    runScenario(loaded.scenario, {
      untilMs,
      trace,
      components: DEFAULT_COMPONENTS,
      onRecord: (record) => process.stdout.write(`${JSON.stringify(record)}\n`),
    });
  }
  return status;
}

// A closed pipe (`npm run sim -- f.yaml | head`) ends the run quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = main(process.argv.slice(2));
