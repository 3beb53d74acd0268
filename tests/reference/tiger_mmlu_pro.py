"""Independent re-implementation of TIGER-AI-Lab/MMLU-Pro `evaluate_from_local.py` prompts (the `cot` style).

Mirrors, as literally as the file allows, commit 7478e2681849424bff7c2787bda5f3c9abf98a62 of
evaluate_from_local.py: `preprocess`, `select_by_category`, `format_cot_example`, `generate_cot_prompt`, with the
subject order of `main` (categories sorted) and rows in file order. The only changes: rows come from the staged
JSON lines instead of `load_dataset`, the prompt file is the string below instead of
`cot_prompt_lib/initial_prompt.txt`, and no tokenizer shortens prompts (k stays --ntrain).

INITIAL_PROMPT_TXT is the current `cot_prompt_lib/initial_prompt.txt`: the instruction line followed by two empty
lines (the file replaced the "You are an expert in {$}..." text in 2024). `generate_cot_prompt` reads it with
readlines() and adds "\n", so four newlines come before the first "Question:".
"""
from mmlu_pro_data import load_split

choices = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P"]

INITIAL_PROMPT_TXT = (
    'The following are multiple choice questions (with answers) about {$}. Think step by step and then finish '
    'your answer with "the answer is (X)" where X is the correct letter choice.\n'
    "\n"
    "\n"
)


def preprocess(test_df):
    res_df = []
    for each in test_df:
        options = []
        for opt in each["options"]:
            if opt == "N/A":
                continue
            options.append(opt)
        each["options"] = options
        res_df.append(each)
    return res_df


def select_by_category(df, subject):
    res = []
    for each in df:
        if each["category"] == subject:
            res.append(each)
    return res


def format_cot_example(example, including_answer=True):
    prompt = "Question:\n"
    question = example["question"]
    options = example["options"]
    prompt += question + "\n"
    prompt += "Options:\n"
    for i, opt in enumerate(options):
        prompt += "{}. {}\n".format(choices[i], opt)
    if including_answer:
        cot_content = example["cot_content"].replace("A: Let's think step by step.",
                                                     "Answer: Let's think step by step.")
        prompt += cot_content + "\n\n"
    else:
        prompt += "Answer: Let's think step by step."
    return prompt


def generate_cot_prompt(val_df, curr, k):
    prompt = ""
    for line in INITIAL_PROMPT_TXT.splitlines(keepends=True):  # fi.readlines()
        prompt += line
    subject = curr["category"]
    val_df = select_by_category(val_df, subject)
    val_df = val_df[: k]
    prompt = prompt.replace("{$}", subject) + "\n"
    for example in val_df:
        prompt += format_cot_example(example, including_answer=True)
    prompt += format_cot_example(curr, including_answer=False)
    return prompt


def prompts(split="test", k=5):
    """Yields (category, index within the category, prompt, answer) for every row of `split`."""
    full_test_df = preprocess(load_split(split))
    full_val_df = preprocess(load_split("validation"))
    all_subjects = []
    for each in full_test_df:
        if each["category"] not in all_subjects:
            all_subjects.append(each["category"])
    for subject in sorted(all_subjects):
        test_df = select_by_category(full_test_df, subject)
        val_df = select_by_category(full_val_df, subject)
        for i, curr in enumerate(test_df):
            yield subject, i, generate_cot_prompt(val_df, curr, k), curr["answer"]
