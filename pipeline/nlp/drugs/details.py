"""Dose, route, schedule, cycles and regimen of drug mentions, read from their sentence.

A detail written next to the name belongs to it ("cisplatin 75 mg/m2 intravenously", "100 mg
docetaxel", "weekly paclitaxel"); one written further on counts within the name's clause, up
to the next drug ("cisplatin was administered at 40 mg/m2 every 3 weeks"). Drugs joined by
"and", "+", "combined with"... form a list: what follows the list's last drug (a schedule, a
route, "for 6 cycles") and what precedes its first ("two courses of") applies to all of them,
and a regimen code in the list ("paclitaxel and carboplatin (TC)") names the regimen of its
drugs. Patterns are in ``models/drugs/patterns.toml``. The doses found are normalised by
``details_doses.py``, the schedules read by ``details_schedules.py``.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from pipeline import regex_cache
from pipeline.nlp.base import fill_template
from pipeline.nlp.drugs.details_doses import FLAGS, normalise_dose
from pipeline.nlp.drugs.details_schedules import ScheduleReading


class Details(NamedTuple):
    dose: str | None = None
    route: str | None = None
    schedule: str | None = None
    cycles: int | None = None
    regimen: str | None = None


class Mention(NamedTuple):
    start: int
    end: int
    generics: tuple[str, ...]
    regimen: str = ""


class DetailReader(ScheduleReading):
    def __init__(self, spec: dict):
        parts = {"quantity": spec["quantity"], "auc": spec["auc"], "number": spec["cycles"]["number"],
                 "modifier": spec["cycles"]["modifier"]}

        def fill(pattern: str) -> str:
            return fill_template(pattern, parts)

        self.dose_after = regex_cache.compile(fill(spec["dose"]), FLAGS)
        self.dose_before = regex_cache.compile(fill(spec["dose_before"]), FLAGS)
        self.dose_cued = regex_cache.compile(fill(spec["dose_cued"]), FLAGS)
        self.any_dose = regex_cache.compile(fill("{quantity}|{auc}"), FLAGS)
        self.route_after = regex_cache.compile(spec["route_after"], FLAGS)
        self.route_before = regex_cache.compile(spec["route_before"], FLAGS)
        self.route_cued = regex_cache.compile(spec["route_cued"], FLAGS)
        self.routes = [(route, regex_cache.compile(pattern, FLAGS)) for route, pattern in spec["routes"].items()]
        self.clause_end = regex_cache.compile(spec["clause_end"], FLAGS)
        # all schedule forms in one alternation (one scan per window); each form's groups are
        # renamed so that their names stay unique: "n" of form 3 is "n_3"
        self.forms = [s["form"] for s in spec["schedule"]]
        self.schedule = regex_cache.compile("|".join(
            f"(?P<s{i}>" + re.sub(r"\(\?P<(\w+)>", rf"(?P<\1_{i}>", s["pattern"]) + ")"
            for i, s in enumerate(spec["schedule"])), FLAGS)
        self.schedule_before_rest = regex_cache.compile(spec["schedule_before_rest"], FLAGS)
        cycles = spec["cycles"]
        self.cycles_forward = regex_cache.compile(fill(cycles["forward"]), FLAGS)
        self.cycles_backward = regex_cache.compile(fill(cycles["backward"]), FLAGS)
        self.forward_gap = regex_cache.compile(fill(cycles["forward_gap"]), FLAGS)
        self.backward_gap = regex_cache.compile(fill(cycles["backward_gap"]), FLAGS)
        self.list_gap = regex_cache.compile(spec["lists"]["gap"], FLAGS)
        self.numbers = {" ".join(k.split()): v for k, v in spec["numbers"].items()}
        # every pattern whose match is a detail, removed from the text between two drugs
        self.detail_patterns = [self.any_dose, self.route_after, self.schedule]

    # -- the public entry point

    def read(self, text: str, mentions: list[Mention], bounds: list[tuple[int, int]]) -> list[Details]:
        """The details of each mention (sorted by start), sentence by sentence."""
        out: list[Details] = [Details()] * len(mentions)
        starts = [b[0] for b in bounds]
        index = 0
        while index < len(mentions):
            sentence = max(0, bisect.bisect_right(starts, mentions[index].start) - 1)
            sentence_start, sentence_end = bounds[sentence] if bounds else (0, len(text))
            last = index
            while last + 1 < len(mentions) and mentions[last + 1].start < sentence_end:
                last += 1
            group = mentions[index : last + 1]
            for offset, details in enumerate(self._sentence(text, group, sentence_start, max(sentence_end, group[-1].end))):
                out[index + offset] = details
            index = last + 1
        return out

    # -- one sentence

    def _sentence(self, text: str, group: list[Mention], sentence_start: int, sentence_end: int) -> list[Details]:
        count = len(group)
        dose: list[str | None] = [None] * count
        route: list[str | None] = [None] * count
        # a schedule is (days, frequency): "days 1 and 8", "every 3 weeks"
        schedule: list[tuple[str | None, str | None]] = [(None, None)] * count
        trailing_route: list[str | None] = [None] * count
        trailing_schedule: list[tuple[str | None, str | None]] = [(None, None)] * count
        cycles: list[int | None] = [None] * count
        regimen = [m.regimen or None for m in group]
        claimed_ends = [m.end for m in group]  # where each name's own details end
        windows = []
        for i, mention in enumerate(group):
            next_start = group[i + 1].start if i + 1 < count else sentence_end
            window_end = min(next_start, sentence_end, mention.end + 150)
            cut = self.clause_end.search(text, mention.end, window_end)
            windows.append(cut.start() if cut else window_end)
        # 1. details right after the name
        for i, mention in enumerate(group):
            limit = min(sentence_end, mention.end + 80)
            position = mention.end
            match = self.dose_after.match(text, position, limit)
            if match:
                dose[i] = normalise_dose(match.group("dose"))
                position = claimed_ends[i] = match.end()
            match = self.route_after.match(text, position, limit)
            if match:
                route[i] = self._route(match.group("route"))
                if not self._in_brackets(text, mention.end, match.start("route")):
                    trailing_route[i] = route[i]
        # 2. a dose or route right before the name ("100 mg docetaxel", "oral etoposide")
        for i, mention in enumerate(group):
            low = max(sentence_start, claimed_ends[i - 1] if i else sentence_start, mention.start - 40)
            before = text[low : mention.start]
            if dose[i] is None:
                match = self.dose_before.search(before)
                if match:
                    dose[i] = normalise_dose(match.group("dose"))
            if route[i] is None:
                match = self.route_before.search(text, max(sentence_start, mention.start - 25), mention.start)
                if match:
                    route[i] = self._route(match.group("route"))
            for found in self.schedule.finditer(before):
                form = self._form(found)
                if self.schedule_before_rest.fullmatch(before, found.end()) and not form[0].startswith("days"):
                    schedule[i] = (None, self._schedule_form(*form, found))
        # 3. details further on in the name's clause
        for i, mention in enumerate(group):
            low, high = claimed_ends[i], windows[i]
            if high <= low:
                continue
            if dose[i] is None:
                match = self.dose_cued.search(text, low, high)
                if match:
                    dose[i] = normalise_dose(match.group("dose"))
            if route[i] is None:
                match = self.route_cued.search(text, low, high)
                if match:
                    route[i] = self._route(match.group("route"))
                    if not self._in_brackets(text, mention.end, match.start()):
                        trailing_route[i] = route[i]
            days, frequency, position = self._schedule(text, low, high)
            if days or frequency:
                schedule[i] = (days, frequency or schedule[i][1])
                if not self._in_brackets(text, mention.end, position):
                    trailing_schedule[i] = schedule[i]
        # 4. lists of drugs share what follows them, their cycles and their regimen
        lists = self._lists(text, group)
        for members in lists:
            last = members[-1]
            for i in members[:-1]:
                route[i] = route[i] or trailing_route[last]
                schedule[i] = (schedule[i][0] or trailing_schedule[last][0], schedule[i][1] or trailing_schedule[last][1])
            codes = [(set(group[i].generics), regimen[i]) for i in members if group[i].regimen]
            for i in members:
                if regimen[i] is None:
                    regimen[i] = next((code for generics, code in codes if set(group[i].generics) <= generics), None)
        for members, number in self._cycles(text, group, lists, sentence_start, sentence_end):
            for i in members:
                if cycles[i] is None:
                    cycles[i] = number
        return [Details(dose[i], route[i], self._schedule_text(*schedule[i]), cycles[i], regimen[i]) for i in range(count)]

    def _lists(self, text: str, group: list[Mention]) -> list[list[int]]:
        lists = [[0]] if group else []
        for i in range(1, len(group)):
            gap = self._strip_details(text[group[i - 1].end : group[i].start])
            if self.list_gap.match(gap):
                lists[-1].append(i)
            else:
                lists.append([i])
        return lists

    def _cycles(self, text, group, lists, sentence_start, sentence_end):
        """(members of a list, number of cycles) for "N cycles of <list>" and "<list> for N cycles"."""
        found = []
        first_starts = [group[members[0]].start for members in lists]
        for match in self.cycles_forward.finditer(text, sentence_start, sentence_end):
            k = bisect.bisect_left(first_starts, match.end())
            if k < len(lists) and self.forward_gap.match(text[match.end() : first_starts[k]]):
                found.append((lists[k], self._number(match.group("n"))))
        last_ends = [group[members[-1]].end for members in lists]
        for match in self.cycles_backward.finditer(text, sentence_start, sentence_end):
            k = bisect.bisect_right(last_ends, match.start()) - 1
            if k >= 0 and self.backward_gap.match(self._strip_details(text[last_ends[k] : match.start()])):
                found.append((lists[k], self._number(match.group("n"))))
        return [(members, number) for members, number in found if number]

    # -- small readers

    def _strip_details(self, gap: str) -> str:
        if not gap.strip():
            return gap
        for pattern in self.detail_patterns:
            gap = pattern.sub(" ", gap)
        return gap

    def _route(self, written: str) -> str | None:
        written = re.sub(r"^(?:by|via|per)\s+(?:the\s+)?", "", written, flags=FLAGS)
        return next((name for name, pattern in self.routes if pattern.match(written)), None)

    def _number(self, written: str) -> int | None:
        written = " ".join(written.lower().split())
        if written.isdigit():
            number = int(written)
            return number if 0 < number <= 60 else None
        return self.numbers.get(written)

    @staticmethod
    def _in_brackets(text: str, start: int, position: int) -> bool:
        """Whether ``position`` is inside brackets opened after ``start``: "pralidoxime (25
        mg/kg every 6 h)" is pralidoxime's own schedule, not its list's."""
        between = text[start:position]
        return between.count("(") + between.count("[") > between.count(")") + between.count("]")
