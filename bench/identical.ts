// Output identity across a speed change: briefs a fixed set of stories and writes (--save DIR) or
// compares (--check DIR) the JSON and Markdown of each briefing, byte for byte.
//   node --import tsx bench/identical.ts --save /tmp/ref      with the code before the change
//   node --import tsx bench/identical.ts --check /tmp/ref     with the code after it
//   ... --big                                                 also the 1,000- and 1,800-article stories
// Stories: the bundled example; the seeds, the first 12 Multi-News dev clusters, the first 6 DUC
// 2007 main topics, 3 Timeline17 topics and the 100- and 300-article pool stories (bench/stories.ts),
// all read from the evaluation data at run time. Without that data only the example is checked,
// with a one-line notice. Runs the library from the sources (src/), as the CLI does.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brief } from '../src/brief/index.js';
import { render } from '../src/render/index.js';
import { missingPoolData, poolArticles, poolClusters, repoRoot, shared, writeStory } from './stories.js';

const args = process.argv.slice(2);
const mode = args[0];
const dir = args[1];
if ((mode !== '--save' && mode !== '--check') || !dir) {
  console.error('usage: bench/identical.ts --save|--check DIR [--big]');
  process.exit(2);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'precis-identical-'));
const stories: { name: string; inputs: string[] }[] = [{ name: 'example', inputs: [path.join(repoRoot, 'examples/velmar-warehouse-fire')] }];
const missing = missingPoolData();
if (missing.length) {
  console.log(`evaluation data missing (${missing.map((m) => path.relative(repoRoot, m)).join(', ')}): checking the bundled example only`);
} else {
  stories.push({ name: 'seeds', inputs: [path.join(shared, 'seeds')] });
  const clusters = poolClusters();
  const pick = [
    ...clusters.filter((c) => c.file.includes('multinews')).slice(0, 12),
    ...clusters.filter((c) => c.file.includes('duc2007/main')).slice(0, 6),
    ...clusters.filter((c) => c.file.includes('timeline17')).filter((_, i) => i === 2 || i === 3 || i === 5),
  ];
  for (const c of pick) {
    const file = path.join(tmp, `${c.id}.jsonl`);
    writeStory(file, c.articles);
    stories.push({ name: c.id, inputs: [file] });
  }
  for (const n of [100, 300, ...(args.includes('--big') ? [1000, 1800] : [])]) {
    const file = path.join(tmp, `pool-${n}.jsonl`);
    writeStory(file, poolArticles(n));
    stories.push({ name: `pool-${n}`, inputs: [file] });
  }
}

let differ = 0;
let checked = 0;
try {
  if (mode === '--save') mkdirSync(dir, { recursive: true });
  for (const s of stories) {
    const t = performance.now();
    const { briefing } = await brief(s.inputs, { words: 150 });
    // The temporary folder's name changes from run to run, and the checkout's folder between the
    // two checkouts compared: neither is part of the comparison.
    const placeless = (text: string) => text.replaceAll(tmp, 'TMP').replaceAll(repoRoot, 'REPO');
    const outputs = { json: placeless(render(briefing, 'json')), md: placeless(render(briefing, 'md')) };
    for (const [format, text] of Object.entries(outputs)) {
      const file = path.join(dir, `${s.name}.${format}`);
      if (mode === '--save') writeFileSync(file, text);
      else if (!existsSync(file)) console.log(`  ${s.name}.${format}: no reference`);
      else {
        checked++;
        if (readFileSync(file, 'utf8') !== text) {
          differ++;
          writeFileSync(path.join(dir, `${s.name}.now.${format}`), text);
          console.log(`  ${s.name}.${format}: DIFFERS (now in ${s.name}.now.${format})`);
        }
      }
    }
    console.log(`${s.name}: ${((performance.now() - t) / 1000).toFixed(2)} s`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (mode === '--check') {
  console.log(differ ? `${differ} of ${checked} outputs differ` : `all ${checked} outputs identical`);
  process.exit(differ ? 1 : 0);
}
