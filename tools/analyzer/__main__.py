"""``python -m tools.analyzer [COUNT ...]``: measure start-up and throughput of the policy pack."""

import argparse
import json

from tools.analyzer.bench import benchmark

parser = argparse.ArgumentParser(prog="python -m tools.analyzer", description="Measure the policy pack.")
parser.add_argument("counts", nargs="*", type=int, default=[1000, 10000], help="synthetic resource counts")
for row in benchmark(parser.parse_args().counts):
    print(json.dumps(row))
