"""Reads the staged MMLU-Pro JSON lines the way `datasets.load_dataset("TIGER-Lab/MMLU-Pro")` yields rows.

The JSON lines beside the parquet files are a lossless conversion of them (see shared/datasets/SOURCES.md), so
each dict here has the keys and values a row of the Hugging Face dataset has, in file order.
Shared by the reference re-implementations in this folder; none of them imports mmlusharp code.
"""
import json
import os


def shared_root():
    env = os.environ.get("MMLU_SHARED")
    if env and os.path.isdir(env):
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "..", "shared"))


def load_split(split):
    path = os.path.join(shared_root(), "datasets", "mmlu-pro", split + ".jsonl")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def subject_key(category):
    """mmlusharp names a category's subject with '_' for spaces (computer science -> computer_science)."""
    return category.replace(" ", "_")
