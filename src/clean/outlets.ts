// Words that end the names of news outlets ("Velmar Courier", "Daily Mail", "Sky News"): a
// short capitalised line ending in one of them above the article is a masthead, not a
// caption naming who is pictured.
const OUTLET_WORDS = new Set(
  'news times post herald courier tribune journal gazette wire press daily weekly observer guardian telegraph chronicle standard independent mirror monitor express mail star sun today review record register examiner inquirer dispatch bulletin sentinel globe voice agency network media tv radio online magazine insider digest reporter leader enquirer ledger statesman telegram courant beacon argus advertiser citizen pioneer newswire wires newsroom'.split(
    ' ',
  ),
);

/** "Velmar Courier", "Coastline Post", "APD NEWS", "KXYZ.com": looks like the name of an outlet. */
export function looksLikeOutlet(text: string): boolean {
  const t = text.trim();
  const ws = t.split(/\s+/);
  if (ws.length === 0 || ws.length > 5) return false;
  if (!ws.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || /^(?:of|the|and|de|la|el)$/i.test(w))) return false;
  const last = ws[ws.length - 1].toLowerCase().replace(/[^\p{L}.]/gu, '');
  return OUTLET_WORDS.has(last) || /\.(?:com|net|org|co\.uk|news|tv)$/.test(last);
}
