export const MAIN_USAGE = `trust-index — how the news reports the relationship between two countries

Usage:
  trust-index run [inputs…] [--out DIR] [--date YYYY-MM-DD] [--period P] [--min-articles N] [--top N]
                  [--pairs CN-PK,…] [--from YYYY-MM] [--to YYYY-MM] [--seed N] [--cache DIR] [--quiet]
  trust-index merge RUN_DIR… --out DIR [--period P] [--min-articles N] [--top N] [--seed N] [--quiet]
  trust-index score [--explain] [--date YYYY-MM-DD]
  trust-index actors inputs… [--top N] [--date YYYY-MM-DD]
  trust-index --help | --version

Commands:
  run     Read news files, score the sentences about country pairs, and write the
          monthly trust index, charts and a report. With no inputs, runs on the
          embedded demo corpus and writes reports/demo/.
  merge   Combine the output folders of runs over parts of a corpus into the
          outputs of one run over the whole (byte for byte).
  score   Read one text per line on stdin; write one JSON object per line.
  actors  List the capitalised names used beside countries that matched nothing
          in the gazetteer, by the number of documents: what to add to it.

Run 'trust-index COMMAND --help' for a command's options.
Exit codes: 0 success, 1 the run failed, 2 bad usage or a missing input, 3 inputs skipped
under --strict, 4 an alert threshold was crossed, 5 no usable document was read (nothing
written; --allow-empty writes empty outputs).`;

export const RUN_USAGE = `Usage: trust-index run [inputs…] [options]

Inputs are JSONL/NDJSON (one document a line: id, date, title, text, url,
source), CSV/TSV with a header row (same columns), RSS or Atom feeds (.xml,
.rss, .atom), HTML pages (.html: the article is extracted), WARC archives
(.warc, .warc.gz: each HTML page fetched with status 200), plain .txt/.md
files, any of them gzipped (.gz), directories of them, or - for JSONL on
standard input. With no inputs, the embedded demo corpus is used.

Options:
  --out DIR          output folder (default: reports/demo for the demo, reports/run otherwise)
  --date YYYY-MM-DD  date for documents whose date cannot be found in their
                     metadata, URL, page header or text; without it they are
                     counted as undated and skipped
  --id-field, --date-field, --title-field, --text-field, --url-field,
  --source-field NAME  field names of JSONL and CSV records
  --cache DIR        keep each document's analysis in DIR; a rerun analyses only
                     documents that are new or changed, with the same outputs as a
                     full run (a lexicon or --no-proxies change starts it afresh)
  --config FILE      read these options from a JSON file (trust-index.config.json);
                     flags on the command line win over it
  --strict           exit with code 3 when any input was skipped
  --allow-empty      write (empty) outputs when no usable document was read; without
                     it such a run exits with code 5 and keeps the previous outputs
  --alert-drop N, --alert-rise N
                     write alerts.json and alerts.md, print them and exit with code 4
                     when a pair's index moved by at least N points in the latest
                     period, with a significant change; the report opens with them
  --complete-periods only periods that have ended count as latest, for alerts and
                     the report's findings (a monthly job on the 2nd reports the
                     month before, not the day-old one)
  --today YYYY-MM-DD the day --complete-periods counts from (default: today, UTC)
  --no-proxies       do not count proxies (state bodies, armed forces, flagship
                     firms, places inside a country) as their country
  --languages L,...  read only sentences in these languages (en, zh, ru; default:
                     all three): "--languages zh" is the index as reported in Chinese
  --jobs N           threads that analyse documents: this one and N - 1 workers
                     (default: the number of cores); the outputs are the same for any N
  --records FIRST-LAST
                     read only these lines of one JSONL file, or records of one WARC
                     file (from 1, both included), each with its place in the whole
                     file: runs over the parts merge into the run over the whole
  --shard            a part to be merged: write only what merge reads (documents,
                     sentences, index.json), no index tables, charts or report: the
                     merge computes the index over all parts (tools/dask runs parts so)
  --period P         week, month (default) or quarter
  --min-articles N   periods with fewer articles are low-coverage: flagged, shrunk,
                     never "significant" (default 5)
  --top N            pairs given a section and a chart in the report, most covered
                     first (default 20); every pair is in index.csv
  --pairs CN-PK,…    only these pairs in the index, charts and report
  --from YYYY-MM, --to YYYY-MM
                     only periods starting in these months (statistics are still
                     computed on everything, so the first change is still tested)
  --seed N           seed of the permutation tests (default 20241128)
  --format parquet   also write the tables as Parquet: index, index-directed,
                     contributions, documents, mentions, sentences and evidence
  --quiet            print nothing but errors (no progress on stderr)
  -h, --help         this help

Writes: index.csv, index-directed.csv, index.json, contributions.csv, sentences.jsonl, documents.jsonl,
skipped.jsonl, state.jsonl and origins.jsonl (for merge), report.md, charts/*.png, alerts.* when asked,
and trust-index-files.json, the list of them: a later run removes the files of that list
it does not write again (no other file in the folder is touched).
A missing input exits with code 2 before anything is written.`;

export const MERGE_USAGE = `Usage: trust-index merge RUN_DIR… --out DIR [options]

Merges the output folders of runs over parts of one corpus (split across jobs or
machines) into the outputs one run over the whole would write: duplicates are
folded across the parts and every statistic is recomputed. The parts must have
been made with the same lexicons; --period, --min-articles, --top and --seed
apply to the merged result as they do to run.

Options:
  --out DIR          output folder (required)
  --jobs N           threads for the index's tests (default: the cores available)
  --period, --min-articles, --top, --pairs, --from, --to, --seed, --format,
  --allow-empty, --quiet
                     as for run
  -h, --help         this help`;

export const SCORE_USAGE = `Usage: trust-index score [--explain] [--date YYYY-MM-DD]

Reads one text per line on stdin and writes one JSON object per line:
{"countries": [...], "pairs": [...], "trust": n, "tone": n, "evidence": {...}}.

Options:
  --explain    print a readable derivation of each score instead of JSON
  --date D     the day the texts were written (YYYY-MM-DD), so that leaders
               count for their country; without it, people are not matched
  -h, --help   this help`;

export const ACTORS_USAGE = `Usage: trust-index actors inputs… [options]

Reads the inputs as run does and lists, most frequent first, the capitalised
names (people, parties, bodies, places) that stand in sentences naming a
country but matched nothing in the gazetteer, by the number of documents
using them (syndicated copies count once). Output: tab-separated
documents and name, with a header. The same list is written by run as
unknown-actors.csv.

Options:
  --top N            names listed (default 50)
  --date YYYY-MM-DD  date for documents whose date cannot be found
  --jobs N           threads that analyse documents (default: the number of cores)
  -h, --help         this help`;
