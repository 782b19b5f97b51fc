// English function words. A concept made only of these says nothing about the story, so the
// summarizer neither rewards covering it nor counts it as shared content between sentences.
// Hand-written list of closed-class words (articles, pronouns, auxiliaries, prepositions,
// conjunctions, common adverbs), in the spirit of the SMART stop list (Salton 1971).
const WORDS = `a about above after again against all almost also although am among an and another any
are around as at be became because been before being below between both but by can cannot could
did do does doing done down during each either else even ever every few for from further get gets
got had has have having he her here hers herself him himself his how however i if in into is it its
itself just least less let like many may me might more most much must my myself neither no nor not
now of off often on once one only or other others otherwise our ours ourselves out over own per
perhaps quite rather same says said say she should since so some such than that the their theirs
them themselves then there these they this those though through thus to too toward towards under
until up upon us very via was we were what whatever when where whether which while who whom whose
why will with within without would yet you your yours yourself yourselves s t don't didn't doesn't
isn't wasn't weren't won't can't couldn't wouldn't shouldn't it's he's she's they're we're i'm
that's there's what's who's let's mr mrs ms also still back well`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}
