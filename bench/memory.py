"""Memory as the corpus grows: peak resident memory of `newsledger run` at 1k and 10k articles.

    python -m bench.memory --sizes 1000 10000 --words 200

Shorter articles keep the 10k run short; memory depends on the batch, not the corpus.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.generate_corpus import generate
from bench.measure import run_cli


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--words", type=int, default=200)
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            generate(root / "corpus", size, args.words)
            measured = run_cli(["run", "--warehouse", root / "wh", root / "corpus"])
            results.append((size, measured))
            print(f"{size:6d} articles: {measured.seconds:7.1f} s, peak {measured.peak_tree_mib:6.0f} MiB (tree), {measured.peak_process_mib:6.0f} MiB (largest process)", flush=True)
    if len(results) > 1:
        first, last = results[0][1], results[-1][1]
        print(f"growth of peak tree memory from {results[0][0]} to {results[-1][0]} articles: {last.peak_tree_mib / first.peak_tree_mib:.2f}x")


if __name__ == "__main__":
    main()
