"""PhraseMatcher patterns read back from the build cache are the tokenised phrases."""
import pytest
import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.matcher import PhraseMatcher

from pipeline import disk_cache
from pipeline.nlp import phrases
from pipeline.nlp.sites.lexicon import lexicon_phrases

CALLS = [("ORGAN|", ["liver", "para-aortic lymph nodes", "the left ovary"]),
         ("DRUG|", ["cis-platinum", "5-FU", "Mr."]),
         ("ORGAN|", ["T-cell", ""])]


@pytest.fixture
def cache(tmp_path):
    disk_cache.configure(tmp_path)
    yield tmp_path / disk_cache.FOLDER / phrases.KIND
    disk_cache.configure()


def scispacy_nlp():
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    return nlp


def reference(nlp, calls, attr="LOWER") -> PhraseMatcher:
    """The matcher made the plain way: each phrase tokenised into a Doc."""
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for key, texts in calls:
        matcher.add(key, list(nlp.tokenizer.pipe(texts)))
    return matcher


def patterns(matcher: PhraseMatcher) -> dict:
    return matcher.__reduce__()[1][1]  # {key: {hash sequence, ...}}, what pickling keeps


def matches(matcher, nlp, text):
    doc = nlp(text)
    return [(nlp.vocab.strings[key], doc[start:end].text) for key, start, end in matcher(doc)]


TEXT = "Metastases to the LIVER and para-aortic lymph nodes after cis-platinum and 5-FU; T-cell count."


def test_cold_and_warm_matchers_are_the_plain_one(cache):
    nlp = scispacy_nlp()
    expected = reference(nlp, CALLS)
    built = []
    cold = phrases.phrase_matcher(nlp, "LOWER", lambda: built.append(1) or CALLS, "v1")
    assert len(list(cache.glob("*/*.json"))) == 1
    warm = phrases.phrase_matcher(scispacy_nlp(), "LOWER", lambda: built.append(2) or CALLS, "v1")
    assert built == [1]  # the warm one read the entry
    assert patterns(cold) == patterns(warm) == patterns(expected)
    assert matches(warm, nlp, TEXT) == matches(expected, nlp, TEXT)
    assert ("ORGAN|", "LIVER") in matches(warm, nlp, TEXT)


def test_another_tokenizer_or_source_is_another_entry(cache):
    phrases.phrase_matcher(scispacy_nlp(), "LOWER", lambda: CALLS, "v1")
    english = spacy.blank("en")
    matcher = phrases.phrase_matcher(english, "LOWER", lambda: CALLS, "v1")
    assert patterns(matcher) == patterns(reference(english, CALLS))
    phrases.phrase_matcher(scispacy_nlp(), "LOWER", lambda: CALLS, "v2")
    phrases.phrase_matcher(scispacy_nlp(), "ORTH", lambda: CALLS, "v1")
    assert len(list(cache.glob("*/*.json"))) == 4


def test_a_damaged_entry_is_built_again(cache):
    phrases.phrase_matcher(scispacy_nlp(), "LOWER", lambda: CALLS, "v1")
    (path,) = cache.glob("*/*.json")
    header, _, body = path.read_bytes().partition(b"\n")
    import hashlib
    import json
    forged = json.dumps([["ORGAN|", [["not a hash"]]]]).encode()
    fields = json.loads(header)
    fields["sha256"] = hashlib.sha256(forged).hexdigest()
    path.write_bytes(json.dumps(fields).encode() + b"\n" + forged)  # well formed, wrong content
    built = []
    nlp = scispacy_nlp()
    matcher = phrases.phrase_matcher(nlp, "LOWER", lambda: built.append(1) or CALLS, "v1")
    assert built == [1] and patterns(matcher) == patterns(reference(nlp, CALLS))


def test_a_tokenizer_with_an_unknown_callable_is_not_cached(cache):
    nlp = scispacy_nlp()
    nlp.tokenizer.token_match = lambda text: None
    assert phrases.tokenizer_fingerprint(nlp) is None
    matcher = phrases.phrase_matcher(nlp, "LOWER", lambda: CALLS, "v1")
    assert patterns(matcher) == patterns(reference(nlp, CALLS))
    assert not list(cache.glob("*/*.json"))


def test_the_sites_matcher_is_the_lexicon_tokenised(cache):
    from pipeline.nlp.build import blank_nlp
    from pipeline.nlp.sites.sites import SiteMatcher

    nlp = blank_nlp()
    expected = patterns(reference(nlp, lexicon_phrases("sites/sites.tsv")))
    assert patterns(SiteMatcher(nlp).lexicon.matcher) == expected  # a miss
    assert patterns(SiteMatcher(blank_nlp()).lexicon.matcher) == expected  # a hit


def test_the_context_matcher_is_its_cues_tokenised(cache):
    from pipeline.nlp.build import blank_nlp
    from pipeline.nlp.context.context import ContextQualifier
    from pipeline.resources import read_table

    nlp = blank_nlp()
    calls = [(f"{r['category']}|{r['direction']}|{r['cue']}", [r["cue"]]) for r in read_table("context/cues.tsv")]
    expected = patterns(reference(nlp, calls))
    assert patterns(ContextQualifier(nlp).matcher) == expected  # a miss
    assert patterns(ContextQualifier(blank_nlp()).matcher) == expected  # a hit


@pytest.mark.parametrize("anatomy", [False, True])
def test_the_sex_matcher_is_its_words_tokenised(cache, anatomy):
    from pipeline.nlp.build import blank_nlp
    from pipeline.nlp.demographics.demographics import DemographicsMatcher
    from pipeline.resources import read_table

    nlp = blank_nlp()
    rows = [r for r in read_table("demographics/sex.tsv") if anatomy or r["evidence"] != "anatomy"]
    expected = patterns(reference(nlp, [("SEX", [r["term"] for r in rows])]))
    assert patterns(DemographicsMatcher(nlp, anatomy=anatomy).sex_matcher) == expected
    assert patterns(DemographicsMatcher(blank_nlp(), anatomy=anatomy).sex_matcher) == expected
