// A worker thread that briefs stories, so the server's event loop keeps answering reads while a
// briefing is computed (tens of milliseconds of CPU per story).
import { parentPort } from 'node:worker_threads';
import { InputError } from '../types.js';
import { briefStory } from './articles.js';
import type { BriefJob, BriefReply } from './pool.js';

if (!parentPort) throw new Error('brief-worker.ts runs only as a worker thread');
const port = parentPort;

port.on('message', (job: BriefJob) => {
  let reply: BriefReply;
  try {
    reply = { id: job.id, ok: true, ...briefStory(job.articles, job.title, { words: job.words }) };
  } catch (err) {
    reply =
      err instanceof InputError
        ? { id: job.id, ok: false, input: err.input, message: err.message }
        : { id: job.id, ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});

port.postMessage('ready');
