// Invented articles for the worker tests: stories written from invented words (each story its
// own words and names, the rest drawn from a shared invented vocabulary), each article a few
// sentences with a unique URL. Seeded, so every run writes the same articles.
export interface TestArticle {
  id: string;
  title: string;
  url: string;
  published: string;
  text: string;
  /** The story the article was written for. */
  story: number;
}

/** mulberry32: a small seeded generator, so invented streams are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SYLLABLES = 'ka lo ven dri mar tes qui bor nal fen sto rup gal mei dor vis tan ple cor jun hal rin sev pom tra bel gon fis lur mek zan'.split(' ');

/** `perStory` articles for each of `stories` invented stories, interleaved (one of each story in turn). */
export function inventedArticles(stories = 6, perStory = 8, seed = 7): TestArticle[] {
  const rand = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join('');
  const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const general = Array.from({ length: 400 }, word);
  const plots = Array.from({ length: stories }, () => ({ words: Array.from({ length: 30 }, word), names: Array.from({ length: 3 }, () => capital(word())) }));
  const out: TestArticle[] = [];
  for (let k = 0; k < perStory; k++) {
    for (let n = 0; n < stories; n++) {
      const plot = plots[n]!;
      const sentences = Array.from({ length: 6 }, () => {
        const words = Array.from({ length: 12 }, () => {
          const r = rand();
          return r < 0.1 ? pick(plot.names) : r < 0.55 ? pick(plot.words) : pick(general);
        });
        words[0] = capital(words[0]!);
        return `${words.join(' ')}.`;
      });
      out.push({
        id: `story${n}-${k}`,
        title: capital([pick(plot.names), pick(plot.words), pick(plot.words)].join(' ')),
        url: `http://news${n}.test/${k}`,
        published: `2026-04-${String(1 + Math.floor(k / 3)).padStart(2, '0')}`,
        text: sentences.join(' '),
        story: n,
      });
    }
  }
  return out;
}
