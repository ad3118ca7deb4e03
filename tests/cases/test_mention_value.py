"""The case layer takes a finding's value from its dataclass's norm(), whatever the family."""
from pipeline.cases.cells_evidence import mention_value
from pipeline.cases.mentions import Mention
from pipeline.nlp.drugs.model import Drug
from pipeline.nlp.sites.model import Site
from pipeline.nlp.stage.model import TNM


def mention(group: str, value, text: str = "written") -> Mention:
    return Mention(group=group, label="X", value=value, text=text, start=0, end=len(text), sentence=text,
                   sentence_start=0, section="case", section_start=0, subject="patient")


def test_mention_value_is_the_value_norm():
    assert mention_value(mention("drugs", Drug(("piperacillin", "tazobactam"), "Tazocin"))) == "piperacillin, tazobactam"
    assert mention_value(mention("sites", Site("liver", "metastasis", "hepatic"))) == "liver"
    assert mention_value(mention("stage", TNM("T2", "N1", "M0", "p", "pT2 N1 M0"))) == "pT2N1M0"


def test_a_finding_without_a_value_gives_its_text():
    assert mention_value(mention("drugs", None, "Tazocin")) == "Tazocin"


def test_any_value_with_a_norm_is_read_the_same_way():
    class Custom:  # a new family's value: no attribute name to guess from
        def norm(self):
            return "normalised"

    assert mention_value(mention("custom", Custom())) == "normalised"
