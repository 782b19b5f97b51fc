import type { Command } from 'commander';
import { openStore } from '../store/index.js';

export function register(program: Command): void {
  program
    .command('stories')
    .description('list the stories in a store: id, articles, briefing version, last update, title')
    .option('--db <file|url>', 'store: a SQLite file, or a postgres:// URL', 'precis.db')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { db: string; json?: boolean }) => {
      const store = await openStore(opts.db);
      try {
        for (const s of await store.listStories({ limit: 10_000 })) {
          process.stdout.write(opts.json ? `${JSON.stringify(s)}\n` : `${s.id}\t${s.articles}\tv${s.version}\t${s.updatedAt}\t${s.title}\n`);
        }
      } finally {
        await store.close();
      }
    });
}
