import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/paths.js';
import { actorEval } from './actorEval.js';
import { type EpisodeResult, readEpisodes } from './episodeEval.js';
import { type GoldResult, goldEval, readGold } from './goldEval.js';
import { chineseGold, readBroadcasts, russianGold } from './languageGold.js';
import { historyEval } from './historyEval.js';
import { duplicateEval } from './duplicateEval.js';
import { VADER_SETS, evalDir, readPortal, readRatedSentences, readReuters } from './sharedData.js';
import { TOOL_THRESHOLD, toneEval } from './toneEval.js';

/**
 * `npm run eval`: accuracy on the shared public sets, next to VADER computed
 * in the same run. Prints a report; exits 0 (it measures, it does not judge).
 */
async function main(): Promise<void> {
  const dir = evalDir();
  if (!dir) {
    process.stdout.write('trust-index eval: ../shared/eval not found (set TRUST_INDEX_EVAL_DIR); nothing to evaluate, skipping.\n');
    return;
  }
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out('# Tone against human ratings (VADER sets; human > 0.5 positive, < -0.5 negative;');
  out(`# tools beyond ±${TOOL_THRESHOLD} polar)`);
  out('set                                  scorer              pearson_r  macro_f1');
  for (const file of VADER_SETS) {
    const sentences = readRatedSentences(dir, file);
    for (const result of toneEval(sentences)) {
      out(`${file.padEnd(36)} ${result.scorer.padEnd(19)} ${result.r.toFixed(3).padStart(9)} ${result.macroF1.toFixed(3).padStart(9)}`);
    }
  }
  out();
  out('# Country detection on Reuters-21578 stories with two or more place tags');
  const reuters = readReuters(dir);
  const actors = actorEval(reuters);
  out(`stories: ${actors.stories}; tagged places: ${actors.taggedPlaces}`);
  out(`recall of tagged places found in the story: ${actors.recall.toFixed(3)} (${actors.found}/${actors.taggedPlaces})`);
  const named = actors.taggedPlaces - actors.unnamed;
  out(
    `tagged places that no name, demonym, capital or proxy in our lists names anywhere in the story (any case): ${actors.unnamed}; ` +
      `recall of the ${named} that are named: ${(actors.found / named).toFixed(3)}`,
  );
  out(`stories whose two most-mentioned countries are both tagged: ${actors.topTwoShare.toFixed(3)} (${actors.topTwoStories}/${actors.stories})`);
  const unmapped = [...actors.unmapped.entries()].sort(([, a], [, b]) => b - a).map(([t, n]) => `${t} ${n}`);
  out(`tags that name no country in our list (left out): ${unmapped.join(', ') || 'none'}`);
  out();
  out('# Duplicate folding on Reuters-21578 (stories with body text; the collection has 217 groups of identical title+text)');
  const dups = duplicateEval(reuters);
  out(`stories: ${dups.stories}; folded: ${dups.folded} (exact ${dups.exact}, near ${dups.near}); groups counted once: ${dups.groups}, of which with an exact copy: ${dups.exactGroups}`);
  out();
  const portal = readPortal(dir);
  const episodes = readEpisodes(join(GOLD_DIR, 'episodes.tsv'));
  const events = portal.filter((item) => !item.heading).map((item) => ({ id: item.id, date: item.date, text: item.text }));
  printHistory(out, 'Episodes on the Wikipedia current-events portal (topic headings left out)', await historyEval(events, episodes.filter((e) => e.corpus === 'wikipedia')));
  const stories = reuters.filter((s) => s.text.trim() !== '').map((s) => ({ id: String(s.id), date: s.date, title: s.title, text: s.text }));
  printHistory(out, 'Episodes on Reuters-21578', await historyEval(stories, episodes.filter((e) => e.corpus === 'reuters')));
  const gold = goldEval(readGold(join(GOLD_DIR, 'wikipedia-events.tsv')), new Map(portal.map((item) => [item.id, item])));
  printGold(out, `Hand-labelled real sentences of the portal (${gold.items} items; test/gold/wikipedia-events.tsv)`, gold);
  const broadcasts = readBroadcasts(dir);
  const zhGold = chineseGold(join(GOLD_DIR, 'xinwenlianbo-gold.tsv'), broadcasts);
  printGold(out, `Chinese: hand-labelled sentences of 新闻联播 (test/gold/xinwenlianbo-gold.tsv)`, goldEval(zhGold.gold, zhGold.items));
  if (zhGold.missing.length > 0) out(`labels whose sentence is not in the corpus as numbered: ${zhGold.missing.join(', ')}`);
  const ruGold = russianGold(join(GOLD_DIR, 'ru-sentences.tsv'));
  printGold(out, 'Russian: our own sentences about real events, hand-labelled (test/gold/ru-sentences.tsv)', goldEval(ruGold.gold, ruGold.items));
  const zhEpisodes = readEpisodes(join(GOLD_DIR, 'episodes-zh.tsv'));
  printHistory(out, 'Episodes on 新闻联播, 2012-2015 (VADER reads no Chinese: its column is for scale only)', await historyEval(broadcasts, zhEpisodes));
}

/** A gold set's figures: mentions, signs, leaked pairs, direction, and the first errors to read. */
function printGold(out: (line?: string) => void, title: string, gold: GoldResult): void {
  out(`# ${title}`);
  out(`items: ${gold.items}; country mentions: precision ${gold.mentions.precision.toFixed(3)}, recall ${gold.mentions.recall.toFixed(3)}, F1 ${gold.mentions.f1.toFixed(3)}`);
  out(`labelled pairs read with the right sign (+, −, 0): ${share(gold.rightSign, gold.pairs)}; polar pairs: ${share(gold.rightPolar, gold.polarPairs)}`);
  out(`pairs scored that the labels do not relate (bystanders, venues): ${gold.leaked}; right over labelled and leaked: ${share(gold.rightSign, gold.pairs + gold.leaked)}`);
  out(`direction where labelled and read: ${share(gold.rightDirection, gold.directed)}`);
  if (gold.missingItems.length > 0) out(`ids not in the corpus: ${gold.missingItems.join(', ')}`);
  for (const error of gold.errors.slice(0, 40)) out(`  ${error}`);
  out();
}

const GOLD_DIR = join(PACKAGE_ROOT, 'test', 'gold');

const signed = (x: number | null) => (x === null ? '     n/a' : `${x >= 0 ? '+' : ''}${x.toFixed(1)}`.padStart(8));
const share = (n: number, of: number) => `${n}/${of} (${of === 0 ? 'n/a' : `${((100 * n) / of).toFixed(0)}%`})`;

/** Per episode: the index and VADER read the same way side by side; then every method's hit rate. */
function printHistory(out: (line?: string) => void, title: string, history: Awaited<ReturnType<typeof historyEval>>): void {
  const [ours] = history.methods;
  if (!ours) return;
  out(`# ${title}: ${history.documents} documents, ${history.pairSentences} pair-sentences`);
  out('# index: the month and the six months before pooled, read as the index reads a period (coverage-weighted); articles: month / six before');
  out('pair   month    want  articles  index  6 before  change  rank   ok | vader change ok  record');
  ours.results.forEach((r: EpisodeResult, i) => {
    const v = history.vader[i] as EpisodeResult;
    const e = r.episode;
    out(
      `${e.pair.padEnd(6)} ${e.month}  ${e.direction.padEnd(4)} ${`${r.articles}/${r.articlesBefore}`.padStart(8)} ${signed(r.month)} ${signed(r.before)} ${signed(r.change)}  ` +
        `${r.rank === null ? ' n/a' : r.rank.toFixed(2)} ${r.right ? ' ✓' : ' ✗'} | ${signed(v.change === null ? null : v.change)} ${v.right ? '✓' : '✗'}  ${e.record}`,
    );
  });
  for (const method of history.methods) out(`right direction, ${method.name}: ${share(method.results.filter((r) => r.right).length, method.results.length)}`);
  out(`right direction, VADER compound of documents naming both, coverage-weighted: ${share(history.vader.filter((r) => r.right).length, history.vader.length)}`);
  out(`right direction, VADER compound of documents naming both, mean: ${share(history.vaderMean.filter((r) => r.right).length, history.vaderMean.length)}`);
  out();
}

main().catch((error: unknown) => {
  process.stderr.write(`trust-index eval: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
