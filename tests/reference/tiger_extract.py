"""TIGER-AI-Lab/MMLU-Pro answer extraction, run with the real Python `re` and `random`, over a table of replies.

    python3 tests/reference/tiger_extract.py            # check tiger_extract_cases.json, exit 1 on a mismatch
    python3 tests/reference/tiger_extract.py --write    # (re)write the expected columns from this code

`extract_answer`, `extract_again` and `extract_final` are those of evaluate_from_local.py at commit 7478e26 (minus
the print); `guess` is `save_res`'s scoring of a reply with no answer: random.seed(12345) then
random.randint(0, len(options) - 1). The rule names are mmlusharp's: answer-is, answer-colon, last-letter, guess.
tests/MmluSharp.Tests/Scoring/TigerAnswerExtractorTests.cs asserts the same table against the C# extractor.
"""
import json
import os
import random
import re
import sys

CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tiger_extract_cases.json")


def extract_answer(text):
    pattern = r"answer is \(?([A-J])\)?"
    match = re.search(pattern, text)
    if match:
        return match.group(1)
    else:
        return extract_again(text)


def extract_again(text):
    match = re.search(r'.*[aA]nswer:\s*([A-J])', text)
    if match:
        return match.group(1)
    else:
        return extract_final(text)


def extract_final(text):
    pattern = r"\b[A-J]\b(?!.*\b[A-J]\b)"
    match = re.search(pattern, text, re.DOTALL)
    if match:
        return match.group(0)
    else:
        return None


def guess(option_count):
    random.seed(12345)
    return random.randint(0, option_count - 1)


def rule_of(text):
    if re.search(r"answer is \(?([A-J])\)?", text):
        return "answer-is"
    if re.search(r'.*[aA]nswer:\s*([A-J])', text):
        return "answer-colon"
    if extract_final(text) is not None:
        return "last-letter"
    return "guess"


def expected(case):
    pred = extract_answer(case["reply"])
    letter = pred if pred else "ABCDEFGHIJKLMNOP"[guess(case["options"])]
    return letter, rule_of(case["reply"])


def main():
    with open(CASES, encoding="utf-8") as f:
        cases = json.load(f)
    bad = 0
    for case in cases:
        letter, rule = expected(case)
        if "--write" in sys.argv:
            case["letter"], case["rule"] = letter, rule
        elif (case["letter"], case["rule"]) != (letter, rule):
            bad += 1
            print(f"{case['reply']!r}: table says {case['letter']} ({case['rule']}), Python says {letter} ({rule})")
    if "--write" in sys.argv:
        with open(CASES, "w", encoding="utf-8", newline="\n") as f:
            json.dump(cases, f, ensure_ascii=True, indent=1)
            f.write("\n")
    print(f"{len(cases)} replies, {bad} differ from Python {sys.version.split()[0]} re/random")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
