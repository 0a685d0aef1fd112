#!/usr/bin/python3
"""Run trust-index over a large archive on a Dask cluster, one task per partition, then merge.

    /usr/bin/python3 tools/dask/backfill.py INPUT... --shards DIR --out DIR [--scheduler tcp://HOST:8786]

Each partition (a file, or a range of lines of a large JSONL file) is read by one
`trust-index run PART --records FIRST-LAST --shard --out TMP` in a task, and its outputs are
renamed into SHARDS/part-KEY only once complete, with a marker written last: a task that is
retried (its worker died) writes a fresh TMP and renames it whole, so no document is counted twice or
lost. Partitions whose shard is complete are not run again, so a stopped backfill resumes where it
stopped, and a monthly run over a growing archive runs only the new files (and a JSONL range whose
bytes changed). Then `trust-index merge` of every planned shard writes the outputs of one run over
the whole into OUT, byte for byte. See tools/dask/README.md.
"""

import argparse
import ctypes
import gzip
import hashlib
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid

# What trust-index reads (src/ingest/readInputs.ts FORMATS), after any .gz.
FORMATS = {'.jsonl', '.ndjson', '.csv', '.tsv', '.txt', '.md', '.html', '.htm', '.xml', '.rss', '.atom', '.warc'}
# Formats a task can read a range of records from (`run --records`); other files are one partition each.
LINE_FORMATS = {'.jsonl', '.ndjson'}
# Written into a shard last, before it is renamed into place: a shard without it was never finished.
MARKER = 'trust-index-partition.json'
ATTEMPTS = '_attempts'
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def format_of(path):
    name = path[:-3] if path.lower().endswith('.gz') else path
    return os.path.splitext(name)[1].lower()


def input_files(paths):
    """The files trust-index would read, in the order it reads them: a folder's entries sorted, recursively."""
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        for entry in sorted(os.listdir(path)):
            child = os.path.join(path, entry)
            if os.path.isdir(child):
                yield from input_files([child])
            elif format_of(child) in FORMATS:
                yield child


def open_bytes(path):
    return gzip.open(path, 'rb') if path.lower().endswith('.gz') else open(path, 'rb')


def line_ranges(path, lines_per_partition):
    """Ranges of lines (1-based, inclusive) of a JSONL file, each with a digest of its bytes: an edited or
    grown range gets a new key, an unchanged one keeps its shard."""
    ranges = []
    digest, first, number = hashlib.sha256(), 1, 0
    with open_bytes(path) as lines:
        for number, line in enumerate(lines, start=1):
            digest.update(line)
            if number - first + 1 == lines_per_partition:
                ranges.append((first, number, digest.hexdigest()))
                digest, first = hashlib.sha256(), number + 1
    if number >= first:
        ranges.append((first, number, digest.hexdigest()))
    return ranges


def partition(inputs, records, content):
    key = hashlib.sha256(json.dumps([inputs, records, content]).encode()).hexdigest()[:20]
    return {'name': f'part-{key}', 'inputs': inputs, 'records': records, 'content': content}


def plan(paths, lines_per_partition):
    """The partitions of the inputs: a JSONL file by ranges of lines, any other file (a WARC: CC-NEWS's
    are ~1 GB each) whole, keyed by its size and modification time."""
    parts = []
    for path in input_files(paths):
        if format_of(path) in LINE_FORMATS:
            for first, last, digest in line_ranges(path, lines_per_partition):
                parts.append(partition([path], [first, last], digest))
        else:
            info = os.stat(path)
            parts.append(partition([path], None, f'{info.st_size}:{info.st_mtime_ns}'))
    return parts


def finished(shard, part):
    try:
        with open(os.path.join(shard, MARKER)) as marker:
            return json.load(marker)['name'] == part['name']
    except (OSError, ValueError, KeyError):
        return False


def die_with_parent():
    """The run ends with the worker process that started it (Linux): a killed worker leaves no run writing behind it."""
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL('libc.so.6', use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def note_attempt(shards, part, session, attempt, state):
    """One line per attempt at a partition, so the driver can say which tasks were retried and where."""
    from distributed import get_worker
    folder = os.path.join(shards, ATTEMPTS, session)
    os.makedirs(folder, exist_ok=True)
    record = {'partition': part['name'], 'attempt': attempt, 'state': state, 'worker': get_worker().address,
              'host': socket.gethostname(), 'pid': os.getpid(), 'time': time.time()}
    with open(os.path.join(folder, f"{part['name']}.{attempt}.{state}"), 'w') as out:
        json.dump(record, out)


def run_measured(argv, stdout=subprocess.DEVNULL, env=None):
    """Run a command to its end: its exit code, what it printed on stderr, its peak RSS in MB and its CPU
    seconds (from wait4, the process's own): what a task needs of a worker, whatever else the machine runs."""
    child = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE, preexec_fn=die_with_parent, env=env)
    stderr = child.stderr.read().decode('utf-8', 'replace')
    child.stderr.close()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, stderr, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def task_environment(heap_mb):
    """The task's environment with V8's heap capped: uncapped, V8 sizes it to the machine and lets garbage
    grow (a WARC of 2,000 pages peaked at 1.2 GB uncapped, 265 MB capped at 400 MB, as fast)."""
    env = dict(os.environ)
    env['NODE_OPTIONS'] = f"{env.get('NODE_OPTIONS', '')} --max-old-space-size={heap_mb}".strip()
    return env


def run_partition(part, shards, command, run_args, session, cache, heap_mb):
    """A task: run trust-index over one partition into a fresh folder, mark it complete, rename it into place."""
    shard = os.path.join(shards, part['name'])
    if finished(shard, part):
        return {'name': part['name'], 'ran': False}
    attempt = uuid.uuid4().hex[:12]
    note_attempt(shards, part, session, attempt, 'started')
    scratch = os.path.join(shards, f".{part['name']}.{attempt}.tmp")
    records = ['--records', f"{part['records'][0]}-{part['records'][1]}"] if part['records'] else []
    own_cache = ['--cache', os.path.join(cache, f'{socket.gethostname()}-{threading.get_ident()}')] if cache else []
    argv = [*command, 'run', *part['inputs'], *records, '--out', scratch, '--shard', '--allow-empty', '--quiet', '--jobs', '1',
            *own_cache, *run_args]
    started = time.monotonic()
    returncode, stderr, peak_mb, cpu = run_measured(argv, env=task_environment(heap_mb))
    if returncode != 0:
        shutil.rmtree(scratch, ignore_errors=True)
        raise RuntimeError(f"{part['name']} ({' '.join(part['inputs'])}): trust-index exited {returncode}: {stderr.strip()}")
    with open(os.path.join(scratch, MARKER), 'w') as marker:
        json.dump(part, marker)
    # Another attempt (on a worker thought lost) may have finished first: its shard is the same, keep it.
    if finished(shard, part):
        shutil.rmtree(scratch)
    else:
        shutil.rmtree(shard, ignore_errors=True)
        os.rename(scratch, shard)
    note_attempt(shards, part, session, attempt, 'finished')
    return {'name': part['name'], 'ran': True, 'seconds': time.monotonic() - started, 'peak_mb': peak_mb, 'cpu': cpu}


def retried(shards, session):
    """Partitions attempted more than once in this session, with the workers of their attempts."""
    folder = os.path.join(shards, ATTEMPTS, session)
    attempts = {}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        with open(os.path.join(folder, name)) as record:
            entry = json.load(record)
        attempts.setdefault(entry['partition'], {}).setdefault(entry['attempt'], []).append(entry)
    lines = []
    for partition_name, tries in sorted(attempts.items()):
        if len(tries) < 2:
            continue
        told = []
        for attempt_entries in sorted(tries.values(), key=lambda entries: min(e['time'] for e in entries)):
            states = {e['state'] for e in attempt_entries}
            worker = attempt_entries[0]['worker']
            told.append(f"on {worker} (pid {attempt_entries[0]['pid']}): {'finished' if 'finished' in states else 'lost (worker died or task failed)'}")
        lines.append(f'retried {partition_name}: ' + '; '.join(told))
    return lines


def clear_lost_attempts(shards, session):
    """Remove the scratch folders of this session's attempts that never finished (their workers died)."""
    folder = os.path.join(shards, ATTEMPTS, session)
    names = os.listdir(folder) if os.path.isdir(folder) else []
    for name in names:
        partition_name, attempt, state = name.rsplit('.', 2)
        if state == 'started' and f'{partition_name}.{attempt}.finished' not in names:
            shutil.rmtree(os.path.join(shards, f'.{partition_name}.{attempt}.tmp'), ignore_errors=True)


def cluster_client(args):
    from distributed import Client, LocalCluster
    if args.scheduler:
        return Client(args.scheduler), None
    # One thread a worker: each task is one single-threaded trust-index process.
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, memory_limit=args.memory_limit,
                           dashboard_address=None)
    return Client(cluster), cluster


def log(message):
    print(f'backfill: {message}', flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('inputs', nargs='+', help='files and folders, on a path every worker sees')
    parser.add_argument('--shards', required=True, help='folder of the partitions\' outputs, on a path every worker sees')
    parser.add_argument('--out', required=True, help='where the merged outputs go')
    parser.add_argument('--scheduler', help='address of a running Dask scheduler (tcp://HOST:8786); default: a LocalCluster')
    parser.add_argument('--workers', type=int, default=os.cpu_count(), help='LocalCluster workers (default: the cores)')
    parser.add_argument('--memory-limit', default='2GB', help='LocalCluster memory per worker (default 2GB)')
    parser.add_argument('--lines-per-partition', type=int, default=20000, help='JSONL lines per task (default 20000)')
    parser.add_argument('--task-heap-mb', type=int, default=1024, help='V8 heap of each task\'s trust-index, in MB (default 1024, for 2 GB workers)')
    parser.add_argument('--trust-index', default=None, help='command that runs trust-index (default: this checkout\'s dist/cli/main.js)')
    parser.add_argument('--run-args', default='', help='more options for every part\'s run, e.g. "--date 2024-01-01 --no-proxies"')
    parser.add_argument('--merge-args', default='', help='more options for the merge, e.g. "--period week --top 40"')
    parser.add_argument('--cache', help='folder of per-worker analysis caches (optional; on each worker\'s disk)')
    parser.add_argument('--plan-only', action='store_true', help='print the partitions and which are to run, and stop')
    args = parser.parse_args(argv)
    if args.lines_per_partition < 1:
        parser.error('--lines-per-partition must be at least 1')
    missing = [p for p in args.inputs if not os.path.exists(p)]
    if missing:
        parser.error(f'no such file or folder: {missing[0]}')
    command = shlex.split(args.trust_index) if args.trust_index else ['node', os.path.join(REPO, 'dist', 'cli', 'main.js')]
    shards = os.path.abspath(args.shards)
    os.makedirs(shards, exist_ok=True)

    parts = plan(args.inputs, args.lines_per_partition)
    if not parts:
        log('no input files found: nothing to run')
        return 5
    todo = [p for p in parts if not finished(os.path.join(shards, p['name']), p)]
    log(f'{len(parts)} partitions, {len(parts) - len(todo)} already finished, {len(todo)} to run')
    if args.plan_only:
        for p in parts:
            state = 'to run' if p in todo else 'finished'
            log(f"  {p['name']} {' '.join(p['inputs'])} records {p['records'] or 'all'}: {state}")
        return 0

    session = time.strftime('%Y%m%dT%H%M%S') + '-' + uuid.uuid4().hex[:6]
    if todo:
        from distributed import as_completed
        client, cluster = cluster_client(args)
        try:
            log(f"scheduler {client.scheduler.address}, {len(client.scheduler_info()['workers'])} workers")
            # pure=False: each submission is its own task; retries=1 reruns a task that failed by itself
            # (a worker that died is rescheduled by Dask whatever this says).
            futures = [client.submit(run_partition, p, shards, command, shlex.split(args.run_args), session, args.cache, args.task_heap_mb,
                                     key=f"trust-index-{p['name']}", pure=False, retries=1) for p in todo]
            failed = []
            for future in as_completed(futures):
                try:
                    result = future.result()
                    ran = (f" in {result['seconds']:.1f} s, peak RSS {result['peak_mb']:.0f} MB, CPU {result['cpu']:.1f} s"
                           if result['ran'] else ' (already done)')
                    log(f"finished {result['name']}{ran}")
                except Exception as error:  # noqa: BLE001 - every failed partition is reported, the others go on
                    failed.append(str(error))
                    log(f'FAILED {error}')
        finally:
            client.close()
            if cluster:
                cluster.close()
        for line in retried(shards, session):
            log(line)
        clear_lost_attempts(shards, session)
        if failed:
            log(f'{len(failed)} partitions failed; their shards are missing, nothing merged. Rerun to retry them.')
            return 1
    merge = [*command, 'merge', *[os.path.join(shards, p['name']) for p in parts], '--out', args.out, *shlex.split(args.merge_args)]
    log(f'merging {len(parts)} shards into {args.out}')
    started = time.monotonic()
    # The merge's summary goes to the driver's own output.
    returncode, stderr, peak_mb, cpu = run_measured(merge, stdout=None)
    sys.stderr.write(stderr)
    log(f'merge exited {returncode} after {time.monotonic() - started:.1f} s, peak RSS {peak_mb:.0f} MB, CPU {cpu:.1f} s')
    return returncode


if __name__ == '__main__':
    sys.exit(main())
