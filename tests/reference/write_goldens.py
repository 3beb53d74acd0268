"""Writes the MMLU-Pro golden prompts of tests/MmluSharp.Tests/Golden/prompts from the reference re-implementations.

    python3 tests/reference/write_goldens.py

Each golden is one prompt, byte for byte, as tiger_mmlu_pro.py (style cot) or lmeval_mmlu_pro.py (style harness)
renders it: a few questions chosen for what they exercise (the first of a category, zero shots, options with
trailing spaces, validation's N/A padding and a question among its own split's examples).
"""
import os

import lmeval_mmlu_pro
import tiger_mmlu_pro
from mmlu_pro_data import subject_key

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "MmluSharp.Tests", "Golden", "prompts")
WORDS = {0: "zero", 4: "four", 5: "five"}

# (category, split, index within the category, shots)
CASES = [
    ("biology", "test", 0, 5),
    ("computer science", "test", 0, 5),
    ("law", "test", 0, 0),
    ("business", "test", 192, 5),  # options with trailing spaces ('$6,300 ')
    ("math", "validation", 2, 4),  # padded with 'N/A'; asked from the few-shot split itself
]


def prompt_of(reference, category, split, index, shots):
    for cat, i, prompt, _ in reference.prompts(split, shots):
        if cat == category and i == index:
            return prompt
    raise KeyError((category, split, index))


def main():
    for style, reference in (("cot", tiger_mmlu_pro), ("harness", lmeval_mmlu_pro)):
        for category, split, index, shots in CASES:
            name = f"mmlu-pro-{style}-{subject_key(category)}-{split}{index}-{WORDS[shots]}-shot.txt"
            with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
                f.write(prompt_of(reference, category, split, index, shots))
            print(name)


if __name__ == "__main__":
    main()
