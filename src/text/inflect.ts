/**
 * Regular English inflections of one word, so a lexicon entry "restore ties"
 * also matches "restored ties" and "restoring ties". We inflect instead of
 * stemming because Porter conflates words news keeps apart: "executive" and
 * "executed", "mobile" and "mobilization", "according" and "accord".
 * Irregular forms (withdrew, broke) are listed in the lexicon themselves.
 *
 * @example
 * inflections('ban'); // ['bans', 'banned', 'banning']
 * inflections('expel'); // ['expels', 'expeled', 'expeling', 'expelled', 'expelling']
 */
export function inflections(word: string): string[] {
  if (!/^[a-z]+$/.test(word) || word.length < 3) return [];
  const forms = new Set<string>();
  if (/(s|x|z|ch|sh)$/.test(word)) forms.add(`${word}es`);
  else if (/[^aeiou]y$/.test(word)) forms.add(`${word.slice(0, -1)}ies`);
  else forms.add(`${word}s`);
  if (word.endsWith('e')) {
    forms.add(`${word}d`);
    if (!word.endsWith('ee')) forms.add(`${word.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(word)) {
    forms.add(`${word.slice(0, -1)}ied`);
    forms.add(`${word}ing`);
  } else if (isMonosyllabicCvc(word)) {
    const last = word.slice(-1);
    forms.add(`${word}${last}ed`);
    forms.add(`${word}${last}ing`);
  } else {
    forms.add(`${word}ed`);
    forms.add(`${word}ing`);
    // A stressed last syllable doubles its consonant (expelled, committed, transferred), and British spelling
    // doubles a final l (cancelled); stress cannot be read from spelling, and a form no one writes never matches.
    if (endsCvc(word)) {
      const last = word.slice(-1);
      forms.add(`${word}${last}ed`);
      forms.add(`${word}${last}ing`);
    }
  }
  forms.delete(word);
  return [...forms];
}

/** Ends consonant-vowel-consonant (not w, x or y): "ban", "expel", "commit". */
function endsCvc(word: string): boolean {
  return /[^aeiou][aeiou][^aeiouwxy]$/.test(word);
}

/** One vowel group ending consonant-vowel-consonant: "ban", "stop", "quit" double their consonant. */
function isMonosyllabicCvc(word: string): boolean {
  const vowelGroups = word.replace(/^qu/, 'q').match(/[aeiou]+/g) ?? [];
  return vowelGroups.length === 1 && endsCvc(word);
}
