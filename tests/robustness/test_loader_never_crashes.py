"""The Markdown/front-matter loader on arbitrary files: it accepts the file or names the problem,
and never raises anything else (a broken file must not stop `gehecht check` or the app)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gehecht.content.loader import load_entry, split_front_matter
from gehecht.content.models import ENTRY_MODELS, Entry

ENTRY_TYPES = sorted(ENTRY_MODELS)

# YAML-ish text: the characters that make YAML interesting, so the parser sees more than noise.
yaml_chars = st.sampled_from(list("-:[]{}!&*#|>'\",.?%@` \n\t") + ["---", "\n---\n", "id", "type", "ages", "0", "é"])
yaml_like = st.lists(st.one_of(yaml_chars, st.text(max_size=5)), max_size=60).map("".join)
front_matter_files = st.builds(lambda head, body: f"---\n{head}\n---\n{body}", yaml_like, st.text(max_size=80))
any_text = st.one_of(st.text(max_size=300), yaml_like, front_matter_files)

# Values YAML can hold, for front matter that parses but may not fit the model.
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=10)
FIELDS = ["id", "type", "title", "summary", "concepts", "audiences", "ages", "regions", "sources", "keywords",
          "body", "path", "questions"]
front_matter = st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8), st.integers()), values,
                               max_size=10)

PATHOLOGICAL = [
    "",
    "---",
    "---\n---",
    "---\n---\n",
    "--- \n: \n---\n",
    "---\n" + "[" * 5000 + "\n---\n",  # deep nesting: the YAML parser recurses
    "---\n" + "- " * 3000 + "x\n---\n",
    "---\n&a [*a]\n---\n",
    "---\n!!python/object:os.system {}\n---\n",
    "---\nid: a\nid: b\n---\n",
    "---\n? [a, b]\n: c\n---\n",
    "---\n1: 2\n---\n",
    "\ufeff---\nid: x\n---\n",
    "---\r\nid: x\r\n---\r\nbody",
    "---\nid: \x00\n---\n",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_split_front_matter_returns_a_mapping_or_a_value_error(text):
    for case in [text]:
        try:
            data, body = split_front_matter(case)
        except ValueError as exc:
            assert str(exc)  # a readable reason
        else:
            assert isinstance(data, dict) and isinstance(body, str)


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_split_front_matter_survives_pathological_files(text):
    test_split_front_matter_returns_a_mapping_or_a_value_error.hypothesis.inner_test(text)


def check_load(folder: Path, raw: bytes, entry_type: str, stem: str = "een-artikel") -> None:
    path = folder / f"{stem}.md"
    path.write_bytes(raw)
    entry, problems = load_entry(path, entry_type)
    if entry is None:
        assert problems, "a rejected file must come with at least one problem"
    else:
        assert isinstance(entry, Entry) and entry.type == entry_type
    for problem in problems:
        assert problem.path == path and problem.field and problem.message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(any_text.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=200)),
       entry_type=st.sampled_from(ENTRY_TYPES))
@example(raw=b"\xff\xfe---\n", entry_type="artikel")
def test_load_entry_gives_an_entry_or_problems_for_any_bytes(tmp_path, raw, entry_type):
    check_load(tmp_path, raw, entry_type)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=front_matter, body=st.text(max_size=100), entry_type=st.sampled_from(ENTRY_TYPES))
def test_load_entry_names_the_problem_for_any_front_matter(tmp_path, data, body, entry_type):
    import yaml

    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body
    check_load(tmp_path, text.encode("utf-8", "surrogatepass"), entry_type)


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_load_entry_survives_pathological_files(text):
    with tempfile.TemporaryDirectory() as folder:
        check_load(Path(folder), text.encode("utf-8"), "artikel")


def test_a_byte_order_mark_from_a_windows_editor_is_accepted(tmp_path):
    path = tmp_path / "een-artikel.md"
    text = ("---\nid: een-artikel\ntype: artikel\ntitle: Een artikel\nsummary: Een korte samenvatting.\n"
            "concepts: [gehechtheid]\naudiences: [ouder]\nages: [0, 18]\nregions: [nl]\nsources: [x]\n---\nTekst.\n")
    path.write_text("\ufeff" + text, encoding="utf-8")
    entry, problems = load_entry(path, "artikel")
    assert entry is not None and entry.id == "een-artikel", problems
