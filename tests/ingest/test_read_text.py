"""Reading plain-text reports: encodings, normalisation, and the files that must fail."""
import doctest
import os

import pytest

from pipeline.ingest import IngestError, read_report
from pipeline.ingest import errors as errors_module
from pipeline.ingest import normalize as normalize_module
from pipeline.ingest import superscripts as superscripts_module

REPORT = (
    "Leukaemoid reaction in a woman with cervical carcinoma: a case report\n"
    "\n"
    "Abstract\n"
    "A 52-year-old woman had a white cell count of 61.4×10⁹/L and 30,000/µL on day 3.\n"
)
CHINESE = (
    "宫颈癌伴类白血病反应一例报告\n\n"
    "患者女性，五十二岁，因阴道不规则出血两个月入院。入院时白细胞计数为61.4×10⁹/L，"
    "中性粒细胞比例明显升高。经顺铂及紫杉醇化疗后，白细胞逐渐下降至正常范围，"
    "患者一般情况良好，随访六个月无复发。"
)


@pytest.mark.parametrize(
    "encoding, prefix",
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),  # UTF-8 with a byte-order mark
        ("utf-16", b""),  # Python writes the BOM itself
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),  # no BOM: recognised by the NUL in every other byte
        ("utf-32", b""),
    ],
)
def test_unicode_encodings(tmp_path, encoding, prefix):
    path = tmp_path / "case.txt"
    path.write_bytes(prefix + REPORT.encode(encoding))
    [report] = read_report(path)
    assert report.text == REPORT.strip()
    assert "61.4×10⁹/L" in report.text and "µL" in report.text


def test_gb18030(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_bytes(CHINESE.encode("gb18030"))
    [report] = read_report(path)
    assert report.text == CHINESE.replace("，", ",")  # fullwidth punctuation folded (NFKC)
    assert report.title == "宫颈癌伴类白血病反应一例报告"


def test_cp1252(tmp_path):
    text = (
        "Une femme de 52 ans présentait une leucocytose à 61 400/µL. "
        "Le traitement associait cisplatine et paclitaxel ; l’évolution fut favorable. "
        "Après six mois, aucune récidive n’était observée à l’examen clinique."
    )
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("cp1252"))
    [report] = read_report(path)
    assert report.text == text


def test_report_fields(tmp_path):
    path = tmp_path / "case.md"
    path.write_text("Skip to main content\n\n" + REPORT + "doi: 10.1000/xyz.123.\nPMID: 31234567\n")
    [report] = read_report(path)
    assert report.name == "case.md"
    assert report.source == str(path)
    assert report.title.startswith("Leukaemoid reaction in a woman")
    assert (report.doi, report.pmid, report.pmcid) == ("10.1000/xyz.123", "31234567", None)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("line one\r\nline two\rline three", "line one\nline two\nline three"),
        ("61.4\u00a0×\u00a010⁹/L", "61.4 × 10⁹/L"),  # NBSP -> space, superscripts kept
        ("leuko\u00adcytosis\u200b", "leukocytosis"),  # soft hyphen, zero-width space
        ("page one\x0cpage two", "page one\npage two"),
        ("bell\x07 here   \n", "bell  here"),
        ("\ufeffBOM inside", "BOM inside"),
        # NFKC where it keeps values: Roman-numeral and fullwidth characters, ligatures, ㎎...
        ("ⅢC1 stage, ≥50 × 10³/µL", "IIIC1 stage, ≥50 × 10³/µL"),
        ("白细胞计数：６１．４×10⁹／L（升高）", "白细胞计数:61.4×10⁹/L(升高)"),
        ("ﬁbrosis, 5 ㎎/㎏, 38.5℃", "fibrosis, 5 mg/kg, 38.5°C"),
        # ...but not where folding changes the value or the word
        ("10⁹/L, mm³, CO₂, 1½ years, Taxol™, 38.5ºC, 4 µL", "10⁹/L, mm³, CO₂, 1½ years, Taxol™, 38.5ºC, 4 µL"),
        # a middle dot between digits is a decimal point (Lancet style), not before a power of ten
        ("aged 2·5 years, leucocytes 11·5 × 10⁹/L", "aged 2.5 years, leucocytes 11.5 × 10⁹/L"),
        ("3·10⁹/L, 2·10^9/L, Vol 12 · 2019", "3·10⁹/L, 2·10^9/L, Vol 12 · 2019"),
        # UTF-8 read as Mac Roman or Windows-1252 upstream, on its own line among correct ones
        ("WBC 364.6 x10^3/ŒºL\nplatelets 98 x10^3/μL", "WBC 364.6 x10^3/μL\nplatelets 98 x10^3/μL"),
        ("leukocytes 12,400 Âµl, 15 Ã— 10^9/L", "leukocytes 12,400 µl, 15 × 10^9/L"),
        ("Presentación del caso: varón de 45 años, café", "Presentación del caso: varón de 45 años, café"),
    ],
)
def test_normalize_text(raw, expected):
    assert normalize_module.normalize_text(raw) == expected


def test_html_saved_as_txt_is_read_as_html(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(
        "<!DOCTYPE html><html><head><title>T</title><script>var x = 1;</script></head>"
        "<body><h1>Pleural metastasis of cervical cancer</h1><p>A 47-year-old woman.</p></body></html>"
    )
    [report] = read_report(path)
    assert report.text == "Pleural metastasis of cervical cancer\n\nA 47-year-old woman."
    assert "var x" not in report.text


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("bom-only.txt", b"\xef\xbb\xbf\n", "empty file"),
        ("nul.txt", b"A 52-year-old woman\x00\x01\x02\x03 with \x00\x00\xff\xfe\x00", "binary"),
        # a PDF saved as .txt is read as a PDF (by its content): this one is cut short
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "damaged or unreadable PDF"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("noise.txt", bytes(range(1, 32)) * 40, "binary"),
        ("bad16.txt", b"\xff\xfe\x00\xd8", "undecodable"),  # UTF-16 BOM, then a lone surrogate
        ("word.docx", b"PK\x03\x04\x14\x00\x06\x00", "unsupported file type '.docx'"),
        ("notes.csv", b"age,sex\n40,female\n", "unsupported file type '.csv'"),
    ],
)
def test_unreadable_files_raise_ingest_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as raised:
        read_report(path)
    message = str(raised.value)
    assert name in message and reason in message
    assert "\n" not in message
    assert raised.value.path == str(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(IngestError, match=r"nowhere\.txt: file not found"):
        read_report(tmp_path / "nowhere.txt")
    with pytest.raises(IngestError, match="is a folder"):
        read_report(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("A report.")

    real_open = os.open

    def refuse(name, *args, **kwargs):  # root may read anything: the refusal is simulated
        if os.fspath(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(IngestError, match=r"locked\.txt: cannot read file \(permission denied\)"):
        read_report(path)


def test_extensionless_file_is_text(tmp_path):
    path = tmp_path / "REPORT"
    path.write_text("A 40-year-old woman with cervical cancer.")
    assert read_report(path)[0].text == "A 40-year-old woman with cervical cancer."


def test_ingest_error_pickles():
    import pickle

    error = pickle.loads(pickle.dumps(IngestError("a/b.txt", "empty file")))
    assert (error.path, error.reason, str(error)) == ("a/b.txt", "empty file", "a/b.txt: empty file")


@pytest.mark.parametrize("module", [normalize_module, superscripts_module, errors_module])
def test_docstring_examples(module):
    assert doctest.testmod(module).failed == 0


def test_long_runs_of_one_mark_are_shortened(tmp_path):
    # spaCy's tokenizer is quadratic on such runs; a separator line of 5,000 "=" must not stall a batch
    path = tmp_path / "report.txt"
    path.write_text("A 40-year-old woman.\n" + "=" * 5000 + "\nShe received (((cisplatin))).\n", encoding="utf-8")
    text = read_report(path)[0].text
    assert "=" * 20 in text and "=" * 21 not in text
    assert "(((cisplatin)))" in text


def test_a_word_broken_at_a_flattened_line_end_is_whole_again():
    from pipeline.ingest.text import read_text
    text = ("Three half-sib- lings had soft tissue nodules at birth. The siblings were followed. "
            "Multiple le- sions regressed; the lesions of the pre- and postnatal period were not biopsied.")
    from pathlib import Path
    report = read_text(text.encode(), Path("x.txt"))[0]
    assert "half-siblings" in report.text and "Multiple lesions" in report.text
    assert "pre- and postnatal" in report.text
