// Worker thread: cleans the articles it is handed (see concurrent.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { RawArticle } from '../types.js';
import { cleanArticle } from './index.js';

parentPort?.postMessage((workerData.raws as RawArticle[]).map((raw) => cleanArticle(raw)));
