#!/usr/bin/python3
"""openpyxl 参照：读取基准语料中每个工作簿的全部单元格。
openpyxl reference for the forms import benchmark (scripts/bench-import.sh).

Reads the same cells as 星级考评's reader (importers.OpenBytes, which
importers/forms uses): every worksheet of every workbook in the folder — the
four form sheets and the hidden identity sheet — row by row, touching every
cell value. openpyxl opens each file with load_workbook(read_only=True,
data_only=True), its fastest way to read, and each sheet's recorded
dimension is reset (excelize records "A1", which would hide every other cell).

Two runs, each timed as wall-clock seconds:
  parallel    a multiprocessing Pool of --workers processes (default: the
              number of CPUs), the parallelism the Go import uses — the
              headline figure, compared parallel against parallel;
  sequential  one process, one file after another; also shown divided by
              the number of workers ("per core normalised": what a perfect
              split over the cores would give).

Each run also reports the CPU time it used (user + system, the pool's
workers included), which other programs running at the same time disturb
far less than the wall time. The last line is machine-readable for
bench-import.sh:
  RESULT files=N workers=W parallel_s=X sequential_s=Y parallel_cpu_s=…
         sequential_cpu_s=… cells=C filled=F

Usage: /usr/bin/python3 scripts/openpyxl-read.py [--workers N] [--skip-sequential] FOLDER
"""

import argparse
import multiprocessing
import os
import sys
import time

try:
    import resource
except ImportError:  # Windows: CPU time is not reported
    resource = None

try:
    import openpyxl
except ImportError:
    sys.stderr.write(
        "缺少 openpyxl（python3-openpyxl）。在 Debian/Ubuntu 上安装：sudo apt-get install python3-openpyxl\n"
        "（或运行 . scripts/setup.sh && setup_test）。\n"
        "openpyxl is missing for %s: install python3-openpyxl (sudo apt-get install python3-openpyxl,\n"
        "or '. scripts/setup.sh && setup_test').\n" % sys.executable)
    sys.exit(3)


def read_one(path):
    """Read every cell of every worksheet; return (cells, non-empty cells)."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = filled = 0
    try:
        for ws in wb.worksheets:
            # The workbooks are written by excelize, whose <dimension> says
            # "A1"; read-only openpyxl would believe it and stop at A1.
            # Forget it and read the rows as they are in the file, as our
            # reader does.
            ws.reset_dimensions()
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    cells += 1
                    if v is not None:
                        filled += 1
    finally:
        wb.close()
    return cells, filled


def cpu_seconds():
    """CPU time (user + system) of this process and its reaped children."""
    if resource is None:
        return float("nan")
    t = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        r = resource.getrusage(who)
        t += r.ru_utime + r.ru_stime
    return t


def total(results):
    cells = filled = 0
    for c, f in results:
        cells += c
        filled += f
    return cells, filled


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("folder", help="folder of .xlsx workbooks (the benchmark corpus)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="processes of the parallel run (default: number of CPUs)")
    ap.add_argument("--skip-sequential", action="store_true", help="time only the parallel run")
    args = ap.parse_args()

    files = sorted(os.path.join(args.folder, n) for n in os.listdir(args.folder)
                   if n.lower().endswith(".xlsx") and not n.startswith(("~$", ".")))
    if not files:
        sys.stderr.write("文件夹中没有 .xlsx 文件 / no .xlsx files in %s\n" % args.folder)
        sys.exit(2)
    print("openpyxl %s, Python %s, %d files, %d workers" % (
        openpyxl.__version__, sys.version.split()[0], len(files), args.workers), flush=True)

    # Parallel: the Pool is started inside the timed span, as a program
    # that used it would have to.
    cpu0, start = cpu_seconds(), time.perf_counter()
    pool = multiprocessing.Pool(args.workers)
    par = pool.map(read_one, files, chunksize=max(1, len(files) // (args.workers * 16)))
    pool.close()
    pool.join()  # reaps the workers, so their CPU time is counted
    parallel = time.perf_counter() - start
    parallel_cpu = cpu_seconds() - cpu0
    cells, filled = total(par)
    print("parallel   (%d processes): %8.2f s  (%.2f s per 1000 files; CPU %.2f s)" % (
        args.workers, parallel, parallel * 1000 / len(files), parallel_cpu), flush=True)

    sequential = sequential_cpu = float("nan")
    if not args.skip_sequential:
        cpu0, start = cpu_seconds(), time.perf_counter()
        seq = [read_one(f) for f in files]
        sequential = time.perf_counter() - start
        sequential_cpu = cpu_seconds() - cpu0
        if total(seq) != (cells, filled):
            sys.stderr.write("sequential and parallel runs read different cells: %s vs %s\n"
                             % (total(seq), (cells, filled)))
            sys.exit(1)
        print("sequential (1 process):    %8.2f s  (%.2f s per 1000 files; CPU %.2f s; ÷%d cores = %.2f s)" % (
            sequential, sequential * 1000 / len(files), sequential_cpu, args.workers, sequential / args.workers),
            flush=True)

    print("cells read: %d (%d non-empty), %.0f per file" % (cells, filled, cells / len(files)))
    print("RESULT files=%d workers=%d parallel_s=%.3f sequential_s=%.3f parallel_cpu_s=%.3f "
          "sequential_cpu_s=%.3f cells=%d filled=%d" % (
              len(files), args.workers, parallel, sequential, parallel_cpu, sequential_cpu, cells, filled))


if __name__ == "__main__":
    main()
