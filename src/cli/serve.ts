import type { Command } from 'commander';
import { DEFAULT_MAX_BODY_BYTES, isLoopbackHost } from '../server/limits.js';
import { storeLabel } from '../store/index.js';
import { InputError } from '../types.js';

interface ServeOptions {
  port: string;
  host: string;
  db: string;
  maxBodyMb: string;
  words?: string;
  workers?: string;
  briefTimeout?: string;
}

function wholeNumber(value: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(option, `expected a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('Run the web app and JSON API over a story store (SQLite file or PostgreSQL database).')
    .option('--port <port>', 'port to listen on (0: any free port)', '8080')
    .option('--host <host>', 'address to listen on; loopback by default, so only this machine can connect', '127.0.0.1')
    .option('--db <file|url>', 'SQLite file holding stories, articles and briefing versions (created when missing), or a postgres:// URL of an existing database', 'precis.db')
    .option('--max-body-mb <mb>', 'largest request body accepted, in MB', String(DEFAULT_MAX_BODY_BYTES / 1048576))
    .option('--words <n>', 'summary word budget of every briefing')
    .option('--workers <n>', 'threads computing briefings, so reads are not held up (default: cores - 1; 0: none)')
    .option('--brief-timeout <s>', 'seconds one briefing may run on a worker before it is stopped and refused (422)', '60')
    .action(async (opts: ServeOptions) => {
      const port = wholeNumber(opts.port, '--port', 0, 65535);
      const maxBodyBytes = wholeNumber(opts.maxBodyMb, '--max-body-mb', 1, 1024) * 1048576;
      const words = opts.words === undefined ? undefined : wholeNumber(opts.words, '--words', 10, 5000);
      const workers = opts.workers === undefined ? undefined : wholeNumber(opts.workers, '--workers', 0, 64);
      const briefingTimeoutMs = wholeNumber(opts.briefTimeout ?? '60', '--brief-timeout', 1, 3600) * 1000;
      if (!opts.db.trim()) throw new InputError('--db', 'expected a file name');
      let running;
      try {
        // Loaded here, not at start-up: other commands never pay for the server and the store.
        const { startServer } = await import('../server/index.js');
        running = await startServer({ port, host: opts.host, db: opts.db, maxBodyBytes, words, workers, briefingTimeoutMs });
      } catch (err) {
        if (err instanceof InputError) throw err;
        const code = (err as NodeJS.ErrnoException)?.code;
        if (code === 'EADDRINUSE') throw new InputError(`${opts.host}:${port}`, 'address already in use');
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new InputError(opts.host, 'not an address of this machine');
        if (code === 'EACCES') throw new InputError(`${opts.host}:${port}`, 'permission denied');
        if (err instanceof Error && /SQLITE|database|store schema/i.test(`${(err as { code?: string }).code ?? ''} ${err.message}`)) {
          throw new InputError(storeLabel(opts.db), err.message);
        }
        throw err;
      }
      if (!isLoopbackHost(opts.host)) {
        process.stderr.write(`precis serve: listening on ${opts.host}: other machines can reach this server, and it has no login\n`);
      }
      process.stdout.write(`precis serve: ${running.url} (store ${storeLabel(opts.db)})\n`);
      // Stop on Ctrl-C or a service manager's TERM: finish requests in flight, then close the store.
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
