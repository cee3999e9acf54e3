"""``python -m tools.check FILE``: run paved's guardrails and cost model over any stack.

FILE is ``pulumi stack export`` output (deployment version 3) or ``pulumi preview --json`` output
(with ``--show-sames``, so unchanged resources are included). The stack name comes from the URNs
unless ``--stack`` is given; it picks the default policy config ``policies/config/<stack>.json``.

Exit codes: 0 passed, 1 mandatory violations, 2 bad input (one line on stderr).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tools.cli import parser, run, run_process
from tools.pack_session import PackSession
from tools.policy_config import resolve_policy_config
from tools.readers import load_document, preview_config, snapshot_from_document, stack_of_document

if TYPE_CHECKING:
    from tools.evaluation import Evaluation


def main(argv: Sequence[str] | None = None) -> int:
    options = parser("python -m tools.check", __doc__)
    options.add_argument("file", type=Path, help="a `pulumi stack export` or `pulumi preview --json` file")
    options.add_argument("--stack", metavar="NAME", help="the stack's name (default: from the URNs)")
    return run(options.parse_args(argv), check)


def check(args: argparse.Namespace) -> Evaluation:
    return check_file(args.file, stack=args.stack, policy_config=args.policy_config)


def check_file(path: Path, *, stack: str | None = None, policy_config: Path | None = None) -> Evaluation:
    """The file's resources, evaluated: what ``tools.check`` prints. The pack starts, and is configured,
    as soon as the file names its stack."""
    document = load_document(path)
    first = stack_of_document(document)
    if first is None:  # nothing to start the pack for: the full read says what is wrong
        snapshot_from_document(path, document, stack=stack)
        raise AssertionError("a document without resource URNs was read")  # pragma: no cover
    name = stack or first.stack
    config = resolve_policy_config(name, policy_config)
    with PackSession(
        stack=name,
        project=first.project,
        policy_config=config,
        stack_config=preview_config(document),
        dry_run="deployment" not in document,
    ) as session:
        from tools.pipeline import evaluate  # the SDK and the cost model load while the pack starts

        return evaluate(snapshot_from_document(path, document, stack=stack), session)


if __name__ == "__main__":
    run_process(main)
