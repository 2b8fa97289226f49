"""Random input never crashes the data loader or the proofreader: a result, or a UserError
(the one error a writer sees, with a Chinese message), and nothing else."""
from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechdraft.check import check_file, check_paragraphs
from speechdraft.datafile import FIELD_NAMES, load_data
from speechdraft.domains import DOMAINS
from speechdraft.errors import UserError
from speechdraft.levels import LEVELS
from speechdraft.model import GENRES, SpeechData
from speechdraft.pipeline import make_draft
from speechdraft.writers.docx import write_docx
from speechdraft.writers.markdown import to_markdown
from speechdraft.writers.text import to_text

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Keys a data file really has, so that random documents reach validation, not only parsing.
KEYS = st.sampled_from(sorted(FIELD_NAMES)) | st.text(max_size=8)
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
           | st.dates() | st.sampled_from(["conference", "县", "93.5%", "2024年3月15日", "2024-02-30", "air", ""]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
                      max_leaves=20)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=8) | VALUES


def through_file(content: bytes, name: str, read):
    """`read` on a file holding `content`: its result, or the clean UserError it raised."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            return read(path)
        except UserError as e:
            assert e.render() and "Traceback" not in e.render()
            return e


def loads(content: bytes, suffix: str = ".yaml"):
    """load_data on a file holding `content`: the model, or the UserError it raised."""
    return through_file(content, f"数据{suffix}", load_data)


@FUZZ
@given(DOCUMENTS)
def test_random_yaml_documents_load_or_fail_cleanly(document):
    text = yaml.safe_dump(document, allow_unicode=True)
    assert isinstance(loads(text.encode("utf-8")), (SpeechData, UserError))


@FUZZ
@given(st.text(max_size=300))
def test_random_text_loads_or_fails_cleanly(text):
    assert isinstance(loads(text.encode("utf-8", "surrogatepass")), (SpeechData, UserError))


YAMLISH = st.text(alphabet=st.sampled_from(list("genrmtigo:-[]{},'\"&*!|>?#% \n\t\\年月日县1234567890.")), max_size=200)


@FUZZ
@given(YAMLISH)
def test_yaml_like_punctuation_loads_or_fails_cleanly(text):
    assert isinstance(loads(text.encode("utf-8")), (SpeechData, UserError))


# Unquoted values a writer might type, each of which PyYAML reads as something other than text.
SLIPS = st.sampled_from(["2024-02-30", "2024-13-01", "!!float 九十", "!!int x", "!!bool maybe", "!!timestamp x",
                         "!!binary 汉", "!!python/name:os.system", "*nowhere", "&a [1, *a]", "[a", "{a: 1", "? [a]",
                         "2024年2月30日", "1e400", "~", "yes", "0x1F", "-.inf", ".nan", "'", "|", ">", "%", "@x",
                         "93.5%", "{[a]: 1}", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]"])
LINES = st.lists(st.tuples(KEYS, SLIPS | st.text(max_size=12), st.sampled_from(["", "  ", "- "])), max_size=8)


@FUZZ
@given(LINES)
def test_unquoted_slips_load_or_fail_cleanly(lines):
    text = "".join(f"{indent}{key}: {value}\n" for key, value, indent in lines)
    assert isinstance(loads(text.encode("utf-8")), (SpeechData, UserError))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_load_or_fail_cleanly(raw):
    assert isinstance(loads(raw), (SpeechData, UserError))


@FUZZ
@given(st.lists(st.text(max_size=200), max_size=8), st.sampled_from([None, "省", "市", "县", "镇"]))
def test_checker_on_random_paragraphs(paragraphs, level):
    for f in check_paragraphs(paragraphs, level=level):
        assert 1 <= f.paragraph <= len(paragraphs) and f.message


def checks(content: bytes, suffix: str) -> list:
    """check_file's findings, or none when it cleanly refused the file."""
    found = through_file(content, f"稿{suffix}", check_file)
    return [] if isinstance(found, UserError) else found


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".docx"]))
def test_checker_on_random_bytes(raw, suffix):
    assert isinstance(checks(raw, suffix), list)


@FUZZ
@given(st.text(max_size=300), st.sampled_from([".txt", ".md"]), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_checker_on_random_text_files(text, suffix, encoding):
    assert isinstance(checks(text.encode(encoding, "replace"), suffix), list)


def zipped(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


WORD_XML = st.builds(
    lambda texts: ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                   + "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
                   + "</w:body></w:document>").encode("utf-8"),
    st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40), max_size=5))


@FUZZ
@given(WORD_XML | st.binary(max_size=300))
def test_checker_on_damaged_word_files(document_xml):
    """A zip that looks like a Word file, with a body that may be XML, bad XML or noise."""
    assert isinstance(checks(zipped(document_xml), ".docx"), list)


# Text a writer's data may hold: Chinese, the marks Markdown, Jinja and slots give meaning to,
# gaps, line breaks, and anything else.
WRITER_TEXT = st.text(alphabet=st.sampled_from(list("青山县全市我要抓好污水处理厂。，；：、“”（）×*_#`[]<>\\{}%| \n"))
                      | st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=24)
NUMBERS = st.integers(-10**12, 10**12) | st.floats(-1e12, 1e12, allow_nan=False) | st.sampled_from([0, 0.0, 1e-9, 1e300])
METRIC = st.fixed_dictionaries(
    {"name": WRITER_TEXT, "value": NUMBERS},
    optional={"unit": st.sampled_from(["%", "微克/立方米", "亩", "个", "‰", ""]) | WRITER_TEXT,
              "previous": NUMBERS | st.none(), "target": NUMBERS | st.none(),
              "better": st.sampled_from(["higher", "lower"]), "domain": st.sampled_from(sorted(DOMAINS))})
ITEMS = st.lists(WRITER_TEXT | st.fixed_dictionaries({"text": WRITER_TEXT, "domain": st.sampled_from(sorted(DOMAINS))}),
                 max_size=4)
SPEECHES = st.fixed_dictionaries(
    {"genre": st.sampled_from(GENRES), "meeting": WRITER_TEXT,
     "region": st.fixed_dictionaries({"name": WRITER_TEXT, "level": st.sampled_from(LEVELS)})},
    optional={"title": WRITER_TEXT, "speaker": st.fixed_dictionaries({}, optional={"name": WRITER_TEXT, "role": WRITER_TEXT}),
              "date": st.dates(), "year": st.integers(1949, 2100), "focus": st.lists(st.sampled_from(sorted(DOMAINS))),
              "metrics": st.lists(METRIC, max_size=5), "achievements": ITEMS, "problems": ITEMS, "priorities": ITEMS,
              "length": st.integers(1500, 8000), "seed": st.integers()})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SPEECHES)
def test_any_valid_data_drafts_in_every_format(speech):
    """Data the loader accepts always drafts: the data's text never breaks the template, the
    Markdown or the Word file."""
    loaded = loads(yaml.safe_dump(speech, allow_unicode=True).encode("utf-8"))
    if isinstance(loaded, UserError):
        return
    draft = make_draft(loaded)
    assert to_markdown(draft.document) and to_text(draft.document)
    write_docx(draft.document, io.BytesIO(), notes=draft.notes)
    assert isinstance(draft.findings(), list) and isinstance(draft.gaps(), list)
