"""Render the chat-template fixtures with Jinja2 itself, set up as Hugging Face transformers renders chat templates
(ImmutableSandboxedEnvironment with trim_blocks, lstrip_blocks and loop controls; its tojson and raise_exception), and
write what each case renders, or the template's error, as the golden files JinjaTemplateTests compares with.

Run from the repository root: python3 tests/reference/render_chat_templates.py   (needs the jinja2 package)
"""
import json
import pathlib

import jinja2
import jinja2.ext
from jinja2.sandbox import ImmutableSandboxedEnvironment

FOLDER = pathlib.Path(__file__).resolve().parents[1] / "MmluSharp.Tests" / "Golden" / "chat-templates"


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    # transformers.utils.chat_template_utils: json.dumps without HTML escaping
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def environment():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[jinja2.ext.loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    return env


def main():
    cases = json.loads((FOLDER / "cases.json").read_text(encoding="utf-8"))
    env = environment()
    for case in cases:
        source = (FOLDER / case["template"]).read_text(encoding="utf-8")
        variables = {"tools": None, "documents": None, "bos_token": "<s>", "eos_token": "</s>", **case.get("variables", {})}
        try:
            text = env.from_string(source).render(messages=case["messages"], add_generation_prompt=case["add_generation_prompt"], **variables)
            (FOLDER / (case["name"] + ".txt")).write_text(text, encoding="utf-8", newline="")
        except jinja2.exceptions.TemplateError as e:
            (FOLDER / (case["name"] + ".txt")).write_text("TemplateError: " + str(e), encoding="utf-8", newline="")
        print(case["name"])


if __name__ == "__main__":
    main()
