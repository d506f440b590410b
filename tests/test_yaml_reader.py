"""scripts/yaml_reader.py: the C parser's results are PyYAML's, and invalid YAML gets PyYAML's
own message, line and snippet, as editors saw it before."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT

from scripts import yaml_reader

DATA_FILES = sorted((ROOT / "data").rglob("*.yml"))


def test_the_fast_loader_is_libyamls():
    assert yaml_reader.FAST_LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_data_file_reads_as_pyyaml_reads_it(path):
    text = path.read_text(encoding="utf-8")
    assert yaml_reader.safe_load(text) == yaml.safe_load(text)
    fast, own = yaml_reader.compose(text), yaml.compose(text, Loader=yaml.SafeLoader)
    # The same tree, with each node on the same line and column (the checks report them).
    fast_marks = [(node.tag, node.start_mark.line, node.start_mark.column) for node in walk(fast)]
    own_marks = [(node.tag, node.start_mark.line, node.start_mark.column) for node in walk(own)]
    assert fast_marks == own_marks


def walk(node):
    yield node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from walk(key)
            yield from walk(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from walk(item)


@pytest.mark.parametrize("read", [yaml_reader.safe_load, yaml_reader.compose])
def test_invalid_yaml_gets_pyyamls_own_message_with_line_and_snippet(read):
    with pytest.raises(yaml.YAMLError) as raised:
        read("title: Rights\ndescription: a: b\n")
    message = str(raised.value)
    assert "mapping values are not allowed here" in message  # libyaml says "in this context"
    assert "line 2, column 15" in message
    assert "description: a: b" in message
