// Starting a worker thread from a module next to the caller, compiled or from sources.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The path of module `name` beside the module at `importMetaUrl`, with the caller's extension (.js built, .ts from sources). */
export function siblingModule(importMetaUrl: string, name: string): string {
  const here = fileURLToPath(importMetaUrl);
  return path.join(path.dirname(here), `${name}${path.extname(here)}`);
}

/**
 * Starts a worker on `script`. Compiled (dist/*.js) it is a plain worker file. From TypeScript
 * sources (tests, benchmarks) a worker does not inherit tsx's loader, so a small bootstrap
 * registers tsx inside the worker first and then imports the worker module.
 */
export function startWorker(script: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (!script.endsWith('.ts')) return new Worker(script, options);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(script).href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * The message a worker on `script` posts, or, when the worker cannot start, fails or exits
 * without one, `fallBack()` computed on the calling thread.
 */
export function resultOfWorker<T>(script: string, workerData: unknown, fallBack: () => T): Promise<T> {
  return new Promise((resolve) => {
    let settled = false;
    const here = () => {
      if (settled) return;
      settled = true;
      resolve(fallBack());
    };
    try {
      const worker = startWorker(script, { workerData });
      worker.once('message', (result: T) => {
        settled = true;
        resolve(result);
      });
      worker.once('error', here);
      worker.once('exit', here);
    } catch {
      here();
    }
  });
}
