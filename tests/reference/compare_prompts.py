"""Compares `mmlu prompts --benchmark mmlu-pro` output with a reference re-implementation, question by question.

    mmlu prompts --benchmark mmlu-pro --style cot --shots 5 --out cot5.jsonl
    python3 tests/reference/compare_prompts.py tiger cot5.jsonl --shots 5
    python3 tests/reference/compare_prompts.py lmeval harness5.jsonl --shots 5 [--split validation]

Prints the number of prompts compared and every difference (first differing character); exits 1 on any.
"""
import argparse
import json
import sys

import lmeval_mmlu_pro
import tiger_mmlu_pro
from mmlu_pro_data import subject_key

REFERENCES = {"tiger": tiger_mmlu_pro, "lmeval": lmeval_mmlu_pro}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("reference", choices=sorted(REFERENCES))
    parser.add_argument("jsonl")
    parser.add_argument("--shots", type=int, default=5)
    parser.add_argument("--split", default="test")
    args = parser.parse_args()

    ours = {}
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            ours[(row["subject"], row["index"])] = row
    compared, differences = 0, 0
    for category, index, prompt, answer in REFERENCES[args.reference].prompts(args.split, args.shots):
        key = (subject_key(category), index)
        row = ours.pop(key, None)
        compared += 1
        if row is None:
            differences += 1
            print(f"missing from {args.jsonl}: {key}")
            continue
        if row["prompt"] != prompt or row["answer"] != answer or row["shots"] > args.shots:
            differences += 1
            at = next((i for i, (a, b) in enumerate(zip(row["prompt"], prompt)) if a != b), min(len(row["prompt"]), len(prompt)))
            print(f"{key}: differs at char {at}: ours {row['prompt'][at - 20:at + 20]!r} reference {prompt[at - 20:at + 20]!r} (answers {row['answer']} / {answer})")
    for key in ours:
        differences += 1
        print(f"only in {args.jsonl}: {key}")
    print(f"{args.reference} {args.split} {args.shots}-shot: {compared} prompts compared, {differences} differ")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
