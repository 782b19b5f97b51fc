// Worker thread: finds the entities of the docs it is handed and attributes their quotations
// (see concurrent.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { Doc } from '../../types.js';
import { quotesOf } from '../quotes/index.js';
import { findEntities } from './entities.js';
import { unpackEntityInput } from './entity-input.js';

const docs = workerData.packed ? unpackEntityInput(workerData.packed) : (workerData.docs as Doc[]);
const entities = findEntities(docs);
parentPort?.postMessage({ entities, quotes: quotesOf(docs, entities) });
