import { actorEval } from './actorEval.js';
import { duplicateEval } from './duplicateEval.js';
import { VADER_SETS, evalDir, readRatedSentences, readReuters } from './sharedData.js';
import { TOOL_THRESHOLD, toneEval } from './toneEval.js';

/**
 * `npm run eval`: accuracy on the shared public sets, next to VADER computed
 * in the same run. Prints a report; exits 0 (it measures, it does not judge).
 */
function main(): void {
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
}

main();
