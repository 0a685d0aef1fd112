import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyedLineStore } from '../src/output/keyedLineStore.js';
import { tempDir } from './helpers.js';

describe('KeyedLineStore', () => {
  it('writes every key’s lines in the order asked, for more keys than its first block table holds', async () => {
    const dir = tempDir('keyed');
    const target = join(dir, 'lines.jsonl');
    const store = await KeyedLineStore.open(target);
    const keys = Array.from({ length: 3000 }, (_, i) => `doc-${String(i).padStart(4, '0')}`);
    // Written in a scrambled order, some keys with two lines, some (multi-byte) with non-ASCII text.
    const scrambled = keys.map((_, i) => keys[(i * 7919) % keys.length] as string);
    for (const key of scrambled) {
      const n = Number(key.slice(4));
      await store.write(key, n % 3 === 0 ? [`${key} first`, `${key} second — ü`] : [`${key} only`]);
    }
    await store.write('empty', []);
    await store.commit([...keys].reverse().concat(['empty', 'never-written']));
    const lines = readFileSync(target, 'utf8').trimEnd().split('\n');
    const expected = [...keys].reverse().flatMap((key) =>
      Number(key.slice(4)) % 3 === 0 ? [`${key} first`, `${key} second — ü`] : [`${key} only`]);
    expect(lines).toEqual(expected);
    expect(existsSync(`${target}.unsorted-${process.pid}`)).toBe(false);
  });

  it('gives a key’s lines back once closed, and still commits after', async () => {
    const target = join(tempDir('keyed-lines'), 'lines.jsonl');
    const store = await KeyedLineStore.open(target);
    await store.write('b', ['{"n":1}', '{"n":2,"text":"Islamabad–Beijing"}']);
    await store.write('a', ['{"n":3}']);
    await store.close();
    expect(store.lines('b')).toEqual(['{"n":1}', '{"n":2,"text":"Islamabad–Beijing"}']);
    expect(store.lines('a')).toEqual(['{"n":3}']);
    expect(store.lines('never-written')).toEqual([]);
    await store.commit(['a', 'b']);
    expect(readFileSync(target, 'utf8')).toBe('{"n":3}\n{"n":1}\n{"n":2,"text":"Islamabad–Beijing"}\n');
  });

  it('feeds several files from one set of keys, each committed with its own keys', async () => {
    const dir = tempDir('keyed-files');
    const [sentences, state] = [join(dir, 'sentences.jsonl'), join(dir, 'state.jsonl')];
    const store = await KeyedLineStore.open(sentences, state);
    await store.write('b', ['b1', 'b2'], ['b-state']);
    await store.write('a', [], ['a-state']);
    await store.write('c', ['c1']);
    await store.close();
    expect([store.lines('b', 1), store.lines('a', 0), store.lines('c', 1)]).toEqual([['b-state'], [], []]);
    // The sentences of 'b' are left out (a folded copy); every key keeps its state line.
    await store.commit(['a', 'c'], ['a', 'b', 'c']);
    expect(readFileSync(sentences, 'utf8')).toBe('c1\n');
    expect(readFileSync(state, 'utf8')).toBe('a-state\nb-state\n');
    expect(existsSync(`${sentences}.unsorted-${process.pid}`) || existsSync(`${state}.unsorted-${process.pid}`)).toBe(false);
  });
});
