"""Independent re-implementation of lm-evaluation-harness `mmlu_pro` (task version 3.1) prompts (the `harness` style).

Mirrors lm_eval/tasks/mmlu_pro: `_default_template_yaml` (dataset TIGER-Lab/MMLU-Pro, test_split test,
fewshot_split validation, fewshot_config sampler first_n with doc_to_text utils.fewshot_to_text and doc_to_target
"", doc_to_text utils.doc_to_text, doc_to_target answer, generate_until until ["Question:"], num_fewshot 5), the
per-category yamls (description "The following are ... about {category}. Think step by step and then finish your
answer with \"the answer is (X)\" where X is the correct letter choice.\n", process_docs filtering on category and
nothing else, so validation's "N/A" options stay), utils.format_cot_example with every option stripped (PR #3500),
and lm_eval.api.samplers.ContextSampler.get_context / FirstNSampler.sample plus Task.fewshot_context for plain-text
prompts (no chat template, no system instruction).
"""
from functools import partial

from mmlu_pro_data import load_split

choices = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]

DESCRIPTION = ("The following are multiple choice questions (with answers) about {subject}. Think step by step and "
               "then finish your answer with \"the answer is (X)\" where X is the correct letter choice.\n")


def format_cot_example(example, including_answer=True):
    prompt = "Question:\n"
    question = example["question"]
    options = example["options"]
    prompt += question + "\n"
    prompt += "Options:\n"

    for i, opt in enumerate(options):
        if i >= len(choices):
            break
        prompt += "{}. {}\n".format(choices[i], opt.strip())

    if including_answer:
        cot_content = example["cot_content"].replace(
            "A: Let's think step by step.", "Answer: Let's think step by step."
        )
        prompt += cot_content + "\n\n"
    else:
        prompt += "Answer: Let's think step by step."

    return prompt


doc_to_text = partial(format_cot_example, including_answer=False)
fewshot_to_text = partial(format_cot_example, including_answer=True)


def process_docs(dataset, subject):
    return [x for x in dataset if x["category"] == subject]


class FirstNSampler:
    """ContextSampler.get_context with FirstNSampler.sample; target_delimiter " ", fewshot_delimiter "\n\n"."""

    def __init__(self, docs, fewshot_split, test_split):
        self.docs = docs
        self.fewshot_split, self.test_split = fewshot_split, test_split
        self.target_delimiter, self.fewshot_delimiter = " ", "\n\n"

    def sample(self, n):
        assert n <= len(self.docs), (
            f"Error: number of fewshot samples requested exceeds the {len(self.docs)} that are available."
        )
        return self.docs[:n]

    def get_context(self, doc, num_fewshot):
        n_samples = num_fewshot + 1 if self.fewshot_split == self.test_split else num_fewshot
        fewshotex = self.sample(n_samples)
        selected_docs = [x for x in fewshotex if x != doc][:num_fewshot]
        labeled_examples = ""
        for doc in selected_docs:
            labeled_examples += fewshot_to_text(doc)
            doc_target = ""  # fewshot_config.doc_to_target: ""
            if doc_target != "":
                labeled_examples += self.target_delimiter + doc_target + self.fewshot_delimiter
        return labeled_examples


def fewshot_context(doc, num_fewshot, sampler, subject):
    labeled_examples = ""
    description = DESCRIPTION.format(subject=subject)
    if description:
        labeled_examples = description
    if num_fewshot > 0:
        labeled_examples += sampler.get_context(doc, num_fewshot)
    return labeled_examples + doc_to_text(doc)


def prompts(split="test", k=5):
    """Yields (category, index within the category, prompt, answer) for every row of `split`, tasks alphabetical."""
    test = load_split(split)
    validation = test if split == "validation" else load_split("validation")
    for subject in sorted({row["category"] for row in test}):
        docs = process_docs(test, subject)
        sampler = FirstNSampler(process_docs(validation, subject), "validation", split)
        for i, doc in enumerate(docs):
            yield subject, i, fewshot_context(doc, k, sampler, subject), doc["answer"]
