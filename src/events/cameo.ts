import { join } from 'node:path';
import { LEXICON_DIR } from '../util/paths.js';
import { field, readTsv } from '../util/tsv.js';

/** One CAMEO event code with its Goldstein weight and the trust dimension its events count in. */
export interface CameoCode {
  code: string;
  /** Two-digit root category (`19`) and the root's name (`fight`). */
  root: string;
  rootName: string;
  name: string;
  goldstein: number;
  dimension: string;
}

/**
 * Read `cameo.tsv`: every code of the CAMEO ontology with its Goldstein
 * (1992) weight. A root's name is the name of its two-digit line.
 *
 * @example
 * loadCameo().get('195'); // { code: '195', root: '19', rootName: 'fight', goldstein: -10, … }
 */
export function loadCameo(dir: string = LEXICON_DIR): Map<string, CameoCode> {
  const path = join(dir, 'cameo.tsv');
  const rows = readTsv(path).rows.map((row) => ({
    code: field(path, row, 'code'),
    root: field(path, row, 'root'),
    name: field(path, row, 'name'),
    goldstein: Number(field(path, row, 'goldstein')),
    dimension: field(path, row, 'dimension'),
  }));
  const rootNames = new Map(rows.filter((r) => r.code === r.root).map((r) => [r.root, r.name]));
  const codes = new Map<string, CameoCode>();
  for (const row of rows) {
    const rootName = rootNames.get(row.root);
    if (rootName === undefined) throw new Error(`${path}: code ${row.code} has no root line ${row.root}`);
    codes.set(row.code, { ...row, rootName });
  }
  return codes;
}
