// Worker thread: finds the entities of the docs it is handed (see concurrent.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { Doc } from '../../types.js';
import { findEntities } from './entities.js';

parentPort?.postMessage(findEntities(workerData.docs as Doc[]));
