// `precis brief --db FILE|URL --story ID [--since N]`: a stored story's briefing, or what is new in it.
import { existsSync } from 'node:fs';
import { isPostgresUrl, openStore } from '../store/index.js';
import { render, type Format } from '../render/index.js';
import { renderChanges, storyChanges } from '../stream/story-changes.js';
import { InputError } from '../types.js';
import { emit } from './output.js';

export async function briefStored(inputs: string[], opts: { format: Format; words: number; out?: string; db?: string; story?: string; since?: number }): Promise<void> {
  if (inputs.length > 0) throw new InputError('brief', 'give inputs or --db with --story, not both');
  if (!opts.db || !opts.story) throw new InputError('brief', '--db and --story go together');
  if (opts.db !== ':memory:' && !isPostgresUrl(opts.db) && !existsSync(opts.db)) throw new InputError(opts.db, 'no such store');
  const store = await openStore(opts.db);
  try {
    if (opts.since === undefined) {
      const story = await store.getStory(opts.story);
      if (!story) throw new InputError(opts.story, 'no such story');
      await emit(render(story.briefing, opts.format), opts.out);
      return;
    }
    const changes = await storyChanges(store, opts.story, opts.since);
    if (!changes) throw new InputError(opts.story, `no such story or no version ${opts.since}`);
    await emit(renderChanges(changes, opts.format), opts.out);
  } finally {
    await store.close();
  }
}
