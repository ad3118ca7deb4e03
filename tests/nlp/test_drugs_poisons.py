"""Poisons the drug lexicon lists as products (a pesticide, a preservative, a household chemical, a
plant toxin) are what a poisoning's patients took, not a treatment, unless a word of giving says so
(models/drugs/substances.tsv); antidotes under their INN (models/drugs/curated.tsv). Sentences
written for the tests."""
import pytest

from drug_helpers import generics, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "We present a case of poisoning with sodium nitrite in three family members after eating homemade sausages "
    "given to them by their neighbour.",
    "The lethal dose of sodium nitrite to the youngest patient was 460 mg.",
    "Malathion-contaminated flour was the source of the outbreak.",
    "Sodium nitrite, used as a preservative in cured meats, causes methaemoglobinaemia.",
    "A foodborne outbreak of malathion poisoning followed a wedding meal.",
    "The farmer had sprayed dichlorvos in a closed shed without a mask.",
    "He drank a glass of 35% hydrogen peroxide by mistake.",
    "The insecticide powder contained paraformaldehyde, benzoic acid and kaolin.",
    # the toxidrome of an anticholinergic plant, and the plant's family
    "Datura stramonium is a toxic plant member of the belladonna family containing tropane alkaloids.",
    # the alcohol drunk or measured
    "He drank ethanol daily and had a blood ethanol level of 230 mg/dL.",
    "Ethanol intoxication was suspected on arrival.",
])
def test_a_poison_taken_or_named_is_no_drug(nlp, text):
    assert generics(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Atropine 2 mg was given intravenously every 10 minutes.", ["atropine"]),
    ("Physostigmine was given to reverse the severe symptoms of belladonna type toxicity.", ["physostigmine"]),
    ("Cyanide poisoning was treated with sodium nitrite and sodium thiosulfate.", ["sodium nitrite", "sodium thiosulfate"]),
    # the antidote of methanol poisoning
    ("He was treated with intravenous ethanol and haemodialysis for methanol poisoning.", ["ethanol"]),
    ("Intravenous silibinin and acetylcysteine were started for amatoxin poisoning.", ["acetylcysteine", "silibinin"]),
    ("He received silybin 20 mg/kg per day.", ["silibinin"]),
    ("Treatment with NTBC 1 mg/kg/day was started at 3 months.", ["nitisinone"]),
])
def test_a_poison_given_as_a_treatment_and_the_antidotes_are_drugs(nlp, text, expected):
    assert generics(nlp, text) == expected
