"""The reading of each procedure name's details, written around it in its sentence: approach,
setting and longer-name words before it, procedures coordinated with it ("pelvic and
para-aortic lymphadenectomy"), the approach and setting after it, the cycles of a systemic
therapy and the dose of a radiotherapy ("45 Gy in 25 fractions"). :class:`ProcedureDetails` is
a mixin of :class:`~pipeline.nlp.procedures.procedures.ProcedureMatcher`, whose ``__init__``
compiles the patterns it reads with.
"""
from __future__ import annotations

import bisect
import dataclasses

from pipeline import regex_cache
from pipeline.nlp.procedures.lexicon import WORD, Entry, Found
from pipeline.nlp.procedures.model import Procedure

# How a word joined to the name before it ends ("pelvic and para-aortic lymphadenectomy").
COORDINATORS = (",", "and", "or", "&", "/", "+", "as well as")
# What follows a dose of one fraction ("2 Gy per fraction", "200 cGy fractions", "1.8 Gy daily").
PER_FRACTION = regex_cache.compile(r"fraction|fx|fr\b|/\s*f\b|daily|each|per|session|day")


def chunks_back(text: str, low: int, position: int, count: int) -> int:
    """Where the ``count`` space-separated chunks before ``position`` start (not before
    ``low``): patterns anchored at ``position`` are searched from there, not from ``low``."""
    i = position
    for _ in range(count):
        while i > low and text[i - 1].isspace():
            i -= 1
        while i > low and not text[i - 1].isspace():
            i -= 1
    return i


class ProcedureDetails:
    """Each name found with its details: :meth:`_values` gives (start, end, :class:`Procedure`)
    for the names :meth:`ProcedureMatcher._scan` found."""

    # -- reading each name's details

    def _values(self, text: str, found: list[Found], bounds):
        starts = [b[0] for b in bounds]
        out: list[list] = []  # [start, end, Procedure]
        sentence_of = [max(0, bisect.bisect_right(starts, f.start) - 1) for f in found]
        for index, match in enumerate(found):
            sentence = sentence_of[index]
            sentence_start, sentence_end = bounds[sentence]
            previous_end = max(sentence_start, found[index - 1].end if index else 0)
            entry = match.entry
            # "hysterectomy via laparotomy": the approach of the procedure before
            if "via" in entry.flags and out and index and sentence_of[index - 1] == sentence \
                    and self.via_before.search(text, max(previous_end, match.start - 40), match.start):
                if out[-1][2].kind in ("surgery", "other") and not out[-1][2].approach:
                    out[-1][2] = dataclasses.replace(out[-1][2], approach=entry.approach or None)
                continue
            start, key, entry, approach, setting = self._prefix(text, match, previous_end)
            for extra in self._coordinated(text, start, key, entry, previous_end):
                out.append([extra[0], extra[1], Procedure(extra[2].name, extra[2].kind, text[extra[0] : match.end],
                                                          approach=approach, setting=setting)])
            after = self.approach_after.match(text, match.end, min(sentence_end, match.end + 80))
            if after and entry.kind in ("surgery", "other") and not approach:
                approach = self._approach_of(after.group("approach"))
            next_start = found[index + 1].start if index + 1 < len(found) else len(text)
            after = self.setting_after.search(text, match.end, min(sentence_end, next_start, match.end + 100))
            if after and not setting:
                setting = self.setting_words.get(after.group("setting").lower(), after.group("setting").lower())
            dose = cycles = None
            if entry.kind == "radiotherapy":
                next_is_radiotherapy = index + 1 < len(found) and found[index + 1].entry.kind == "radiotherapy"
                dose = self._rt_dose(text, start, match.end, previous_end, next_start, sentence_end, next_is_radiotherapy)
            elif entry.kind == "systemic":
                cycles = self._cycles(text, start, match.end, max(sentence_start, start - 80), sentence_end)
            value = Procedure(entry.name, entry.kind, text[start : match.end], dose, approach or entry.approach or None,
                              setting or entry.setting or None, cycles)
            out.append([start, match.end, value])
        return [tuple(item) for item in out]

    def _prefix(self, text: str, match: Found, low: int):
        """Approach, setting and name words written before the name: the span start, the
        (possibly longer) key and entry, the approach and the setting."""
        key, entry, start = match.key, match.entry, match.start
        approaches, setting = [], None
        position = match.start
        for _ in range(6):
            word = self.prefix_word.search(text, chunks_back(text, max(low, position - 40), position, 2), position)
            if not word:
                break
            written = word.group("word")
            lower = " ".join(written.lower().split())
            longer = tuple(WORD.findall(lower)) + key
            longer_entry = self.lexicon.get(longer)
            if longer_entry is not None:
                key, entry, start = longer, longer_entry, word.start()
            elif lower in self.approach_words and entry.kind in ("surgery", "other"):
                if self.approach_words[lower]:
                    approaches.append(self.approach_words[lower])
                start = word.start()
            elif lower in self.setting_words and setting is None:
                setting = self.setting_words[lower]
                start = word.start()
            elif lower in self.fillers and lower not in self.setting_words:
                pass  # "bilateral", "total" that makes no longer name: skipped, not in the span
            else:
                break
            position = word.start()
        approach = min(approaches, key=lambda a: self.approach_rank.get(a, 99)) if approaches else None
        return start, key, entry, approach, setting

    def _coordinated(self, text: str, start: int, key, entry: Entry, low: int):
        """Procedures sharing this name's last words: "pelvic and para-aortic
        lymphadenectomy" also names a pelvic lymphadenectomy."""
        position = start
        for _ in range(4):
            if not text[max(low, position - 12) : position].rstrip().lower().endswith(COORDINATORS):
                return
            match = self.coordinated_before.search(text, chunks_back(text, max(low, position - 40), position, 4), position)
            if not match:
                return
            words = tuple(WORD.findall(match.group("word").lower()))
            other = next(filter(None, (self.lexicon.get(words + key[j:]) for j in range(1, len(key)))), None)
            if other is None or other.name == entry.name or other.kind != entry.kind:
                return
            yield match.start("word"), match.end("word"), other
            position = match.start("word")

    def _approach_of(self, written: str) -> str | None:
        lower = " ".join(written.lower().split())
        return next((approach for pattern, approach in self.approach_forms if pattern.match(lower)), None)

    def _number(self, written: str) -> int | None:
        written = " ".join(written.lower().split())
        if written.isdigit():
            return int(written) if 0 < int(written) <= 60 else None
        return self.numbers.get(written)

    def _cycles(self, text: str, start: int, end: int, low: int, high: int) -> int | None:
        match = self.cycles_before.search(text, low, start)
        if not match:
            match = self.cycles_after.match(text, end, min(high, end + 60))
        return self._number(match.group("n")) if match else None

    # -- radiotherapy doses

    def _rt_dose(self, text: str, start: int, end: int, low: int, next_start: int, sentence_end: int,
                 next_is_radiotherapy: bool) -> str | None:
        """ "45 Gy in 25 fractions": the total, the number of fractions or the dose of each,
        written after the name (up to the next procedure) or just before it."""
        high = min(next_start, sentence_end, end + self.dose_reach)
        if next_is_radiotherapy and next_start <= high:
            # "... and 3 fractions of 8 Gy HDR brachytherapy": a dose right before the next name is its own
            before_next = self.rt_dose_before.search(text, end, next_start)
            if before_next:
                high = before_next.start()
        matches = []
        before = self.rt_dose_before.search(text, max(low, start - 60), start)
        if before:
            matches.append((before, max(low, start - 60)))
        matches += [(m, end) for m in self.rt_dose.finditer(text, end, high)]
        total = per = count = None
        for match, window_start in matches:
            amount = self._gray(match.group("amount"), match.group("unit"))
            if amount is None:
                continue
            rest = (match.group("rest") or "").lower()
            fractions = match.group("fractions") or match.group("times")
            written_count = self.fractions_before.search(text, max(window_start, match.start() - 25), match.start())
            per_fraction = bool(match.group("times")) or bool(written_count) or bool(
                rest and not match.group("fractions") and PER_FRACTION.search(rest))
            if per_fraction and not self.total_cue.search(text, max(window_start, match.start() - 40), match.start()):
                if per is None:
                    per = amount
                    count = count or (int(fractions) if fractions else int(written_count.group("fractions")) if written_count else None)
            elif total is None:
                total = amount
                count = int(fractions) if fractions else count
            if total is not None and (per is not None or count):
                break
        if total is None and per is None:
            fractions = self.fractions_of_procedure.search(text, max(low, start - 60), start)
            return f"{int(fractions.group('fractions'))} fractions" if fractions else None
        if total is None and count:
            total = per * count
        if total is None:
            return f"{self._format(per)} Gy per fraction"
        if count:
            return f"{self._format(total)} Gy in {count} fractions"
        if per is not None:
            return f"{self._format(total)} Gy in {self._format(per)} Gy fractions"
        return f"{self._format(total)} Gy"

    @staticmethod
    def _gray(amount: str, unit: str) -> float | None:
        if "," in amount:
            whole, _, part = amount.partition(",")
            amount = whole + part if len(part) == 3 else whole + "." + part
        try:
            value = float(amount)
        except ValueError:
            return None
        if unit.lower() == "cgy":
            value /= 100
        return value if 0 < value <= 200 else None

    @staticmethod
    def _format(value: float) -> str:
        return f"{round(value, 2):g}"
