import { cleanArticle } from '../src/clean/index.js';
import { fromArticleInput } from '../src/ingest/index.js';
import { segment } from '../src/text/index.js';
import { findEntities } from '../src/analyze/entities/index.js';
const texts = process.argv.slice(2);
const docs = texts.map((t, i) => segment(cleanArticle(fromArticleInput({ text: t }, `t${i}`, `a${i}`, null))));
for (const d of docs) console.log(d.article.removed);
for (const e of findEntities(docs)) console.log(e.name, e.type, e.mentions, e.aliases.join('|'));
