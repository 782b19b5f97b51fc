import { goldRealDates, goldRealDocs, goldRealFiles, goldRealTexts, loadGoldReal } from './gold-real.js';
const texts = goldRealTexts(); const dates = goldRealDates();
const pat = new RegExp(process.argv[2]!, 'g');
const only = process.argv[3];
for (const file of goldRealFiles()) {
  const g = loadGoldReal(file);
  if (g.half !== 'choose') continue;
  if (only && !file.startsWith(only)) continue;
  const docs = goldRealDocs(file, g, texts.get(`${g.set}/${g.id}`)!, dates.get(`${g.set}/${g.id}`));
  for (const d of docs) for (const s of d.sentences) if (pat.test(s.text)) { pat.lastIndex = 0; console.log(`${file} ${s.id}: ${s.text.replace(/\n/g, ' ')}`); }
}
