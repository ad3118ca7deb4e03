"""scripts/overlap_check.py finds a development document printed again on another page (other
name, other furniture), and marks a held-out one. Texts written for these tests."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import overlap_check  # noqa: E402

ARTICLE = ("A 47-year-old woman presented with postcoital bleeding. Biopsy of the cervix showed squamous "
           "cell carcinoma, FIGO stage IIB. She was treated with cisplatin and pelvic radiotherapy. Nine "
           "months later she developed fever and her white blood cell count was 38.4 x 10^9/L. Computed "
           "tomography revealed a splenic metastasis and she died two months later despite chemotherapy.")
OTHER = ("A 60-year-old man was admitted with chest pain and dyspnoea after a long flight. Computed "
         "tomography showed bilateral pulmonary emboli. He was treated with enoxaparin and then "
         "apixaban, and he was discharged in good condition on the fifth day of his stay.")

EARLIER = ("A 12-year-old boy was brought with a limp and a painful swollen knee for three days. Aspiration "
           "of the joint grew Staphylococcus aureus and he was treated with cefazolin and then oral "
           "cefalexin for four weeks, after which he walked without pain.")


def shared_sets(root: Path) -> Path:
    for name, files in {"dev": {"a.txt": OTHER}, "onc2": {"x1.txt": OTHER, "x2.txt": OTHER, "x3.txt": ARTICLE},
                        "fulltext": {}}.items():
        folder = root / "eval" / name
        folder.mkdir(parents=True)
        for file, text in files.items():
            (folder / file).write_text(text, encoding="utf-8")
    return root


def test_an_article_printed_again_is_found_and_its_held_out_original_named(tmp_path, capsys):
    shared = shared_sets(tmp_path / "shared")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "page-repository.txt").write_text("Home | Journals | Login\nCase report\n" + ARTICLE
                                               + "\nReferences\n1. Smith J. Cancer. 2010;1:1.", encoding="utf-8")
    (batch / "fresh.txt").write_text("A 33-year-old woman had a headache for two weeks and a fever; "
                                     "lumbar puncture showed cryptococcal meningitis and she recovered on "
                                     "amphotericin B and flucytosine.", encoding="utf-8")
    assert overlap_check.main([str(batch), "--shared", str(shared)]) == 1
    out = capsys.readouterr().out
    assert "page-repository.txt" in out and "onc2/x3.txt HELD-OUT" in out
    assert "fresh.txt" not in out


def test_a_report_of_an_earlier_batch_is_found_under_another_name(tmp_path, capsys):
    shared = shared_sets(tmp_path / "shared")
    earlier = tmp_path / "earlier" / "texts"
    earlier.mkdir(parents=True)
    (earlier / "r1.txt").write_text(EARLIER, encoding="utf-8")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "portal-copy.txt").write_text("Download PDF\n" + EARLIER + "\nCite this article",
                                           encoding="utf-8")
    assert overlap_check.main([str(batch), "--shared", str(shared), "--against", str(earlier.parent)]) == 0
    out = capsys.readouterr().out
    assert "portal-copy.txt" in out and "earlier" in out and "r1.txt" in out
