"""The tools a user would otherwise reach for, measured on factlint's benchmark corpora.

  python3 peers.py pyyaml FILE        PyYAML's CSafeLoader (libyaml under Python)
  python3 peers.py quantulum3 FILE    quantulum3's quantity parser on article text
Prints `name: value` lines.
"""
import sys
import time


def pyyaml(path):
    import yaml
    with open(path, "rb") as handle:
        data = handle.read()
    # PyYAML takes minutes on a large file, where one run is steady enough; small files get
    # the best of three like factlint.
    runs = 1 if len(data) > 10_000_000 else 3
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        yaml.load(data, Loader=yaml.CSafeLoader)
        best = min(best, time.perf_counter() - start)
    print(f"pyyaml_mb_per_s: {len(data) / 1e6 / best:.2f}")


def quantulum(path):
    from quantulum3 import parser
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    parser.parse("warm up 5 million")
    start = time.perf_counter()
    found = 0
    for paragraph in text.split("\n\n"):
        found += len(parser.parse(paragraph))
    seconds = time.perf_counter() - start
    print(f"quantulum3_quantities: {found}")
    print(f"quantulum3_mb_per_s: {len(text.encode()) / 1e6 / seconds:.4f}")


if __name__ == "__main__":
    {"pyyaml": pyyaml, "quantulum3": quantulum}[sys.argv[1]](sys.argv[2])
