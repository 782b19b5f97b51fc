#!/usr/bin/env node
// The precis command line: thin; each command parses its options, calls the library, prints.
import v8 from 'node:v8';
import { Command, CommanderError } from 'commander';
import { InputError } from '../types.js';
import { VERSION } from '../version.js';

/** Exit codes: 0 done, 2 bad usage or bad input, 1 internal failure. */
export const EXIT = { ok: 0, internal: 1, usage: 2 } as const;

/** Each command's module: only the one a command line names is loaded (start-up time). */
const COMMANDS: Record<string, () => Promise<{ register: (program: Command) => void }>> = {
  brief: () => import('./brief.js'),
  extract: () => import('./extract.js'),
  rouge: () => import('./rouge.js'),
  eval: () => import('./eval.js'),
  serve: () => import('./serve.js'),
  'eval-stream': () => import('./eval-stream.js'),
  cluster: () => import('./cluster.js'),
  'eval-update': () => import('./eval-update.js'),
  ingest: () => import('./ingest.js'),
  stories: () => import('./stories.js'),
  timeline: () => import('./timeline.js'),
  'eval-timeline': () => import('./eval-timeline.js'),
  worker: () => import('./worker.js'),
};

/**
 * The command line program. With `command` one of the commands, only that command is registered
 * (what `precis <command> ...` needs); otherwise all of them (help, usage errors).
 */
export async function buildProgram(command?: string): Promise<Command> {
  const program = new Command();
  program
    .name('precis')
    .description('Turn a cluster of news articles about one story into a briefing that cites its sources.')
    .version(VERSION)
    // One line per usage error, like every other error: `precis: <problem>`.
    .configureOutput({ outputError: (str, write) => write(`precis: ${str.replace(/^error: /, '').trim()} (see --help)\n`) })
    .exitOverride();
  const names = command !== undefined && Object.hasOwn(COMMANDS, command) ? [command] : Object.keys(COMMANDS);
  for (const m of await Promise.all(names.map((name) => COMMANDS[name]!()))) m.register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv[2]);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof InputError) {
      process.stderr.write(`precis: ${err.line}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`precis: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.internal;
  }
}

// Cleaning runs a few hundred regular expressions once each per article: compiling them straight
// to native code, rather than interpreting them first, saves about 0.1 s on a 200-article story.
// V8's flags are shared by every thread of the process and are not meant to change while another
// thread runs JavaScript: under a module loader (`node --import ...`, whose hooks run on a thread
// of their own) changing this one crashed the process now and then (SIGSEGV in the regular
// expression interpreter of the loader's thread), so it is only set when no loader is present.
const LOADER = /(^|\s)--(import|loader|experimental-loader)\b/;
if (!process.execArgv.some((arg) => LOADER.test(arg)) && !LOADER.test(process.env.NODE_OPTIONS ?? '')) v8.setFlagsFromString('--no-regexp-tier-up');
const code = await main(process.argv);
process.exitCode = code;
