import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { explainScore } from '../src/cli/explain.js';
import { boldEvidence, escapeMarkdown } from '../src/render/markdown.js';
import { scoreSentence } from '../src/score/scoreSentence.js';
import { printable } from '../src/util/printable.js';
import { CLI } from './helpers.js';

/** What a terminal acts on: ESC, BEL, other C0 and C1 controls, DEL, bidi overrides and isolates. */
const ACTING = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** A title change, a screen clear, a bell and a right-to-left override, as a hostile input carries them. */
const HOSTILE = 'China\u001b]0;pwned\u0007 and Pakistan\u001b[2J distrust\u202Eeach other\u0000\r';

describe('printable', () => {
  it('shows control and bidi characters as their codes and keeps the rest', () => {
    expect(printable('a\u001bb\u0007c\u202Ed\u2066e\tf')).toBe('a\\u001Bb\\u0007c\\u202Ed\\u2066e\tf');
    expect(printable('Ноябрь 2024 — 中国')).toBe('Ноябрь 2024 — 中国');
    expect(printable(HOSTILE)).not.toMatch(ACTING);
  });
});

describe('report text', () => {
  it('escapeMarkdown and boldEvidence let no control character into report.md', () => {
    expect(escapeMarkdown(HOSTILE)).not.toMatch(ACTING);
    const start = HOSTILE.indexOf('distrust');
    expect(boldEvidence(HOSTILE, [{ start, end: start + 8 }])).not.toMatch(ACTING);
    expect(boldEvidence(HOSTILE, [{ start, end: start + 8 }])).toContain('**distrust**');
  });
});

describe('score --explain', () => {
  it('shows the sentence and the matched words without their control characters', () => {
    const score = scoreSentence(HOSTILE);
    const explained = explainScore(HOSTILE, ['CN', 'PK'], score);
    expect(explained).toContain('\\u001B]0;pwned\\u0007');
    for (const line of explained.split('\n')) expect(line).not.toMatch(ACTING);
  });
});

describe('error messages', () => {
  it('a bad flag value with an escape sequence is quoted with its codes', () => {
    const result = spawnSync('node', [CLI, 'run', 'x.jsonl', '--period', 'week\u001b]0;pwned\u0007\u202E'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('\\u001B]0;pwned\\u0007\\u202E');
    expect(result.stderr.trimEnd()).not.toMatch(ACTING);
  });
});
