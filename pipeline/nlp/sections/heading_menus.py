"""The list of section starts as the heading lines make it: a start added (``push``), and the
headings of a table of contents or a menu taken out (``_without_menus``). Used by
``headings.HeadingReader``."""
from __future__ import annotations


def _without_menus(starts: list, bare_headings: list[tuple[int, tuple]], text: str) -> list:
    """``starts`` without the headings of a table of contents or a menu: three or more heading
    lines in a row, with nothing but blank lines between them."""
    menu, run = set(), []
    for index, start in bare_headings:
        if run and index != run[-1][0] + 1:
            if len(run) >= 3:
                menu.update(id(s) for _, s in run)
            run = []
        run.append((index, start))
    if len(run) >= 3:
        menu.update(id(s) for _, s in run)
    if not menu:
        return starts
    # a section resumed after page furniture that stood below the menu resumes what was open
    # before the menu, not the menu's last heading ("... Conclusion\nReferences\nDOI ...\nA 48-year-old")
    kept, before_menu, menu_heads = [], ("front", None), set()
    for start in starts:
        if id(start) in menu:
            menu_heads.add(start[1:])
            if kept and kept[-1][1] == "furniture":
                # the menu's first heading had taken the place of the section resumed after an
                # author block ("Author Affiliation ... names\nIntroduction\nCase presentation ..."):
                # what was open before the furniture resumes
                kept.append((start[0], *before_menu))
            continue
        if start[1:] in menu_heads and not (start[2] and text.startswith(start[2], start[0])):
            start = (start[0], *before_menu)  # a resumed section, not the heading written again
        else:
            before_menu = start[1:] if start[1] != "furniture" else before_menu
        kept.append(start)
    if not kept or kept[0][0] != 0:
        # a menu at the very top took the start of the text with it: what stands before the
        # first heading kept is the front matter, as in a text without a menu
        kept.insert(0, (0, "front", None))
    return kept


def push(starts: list, entry: tuple[int, str, str | None]) -> None:
    """Append a section start; one at the very position of the last one replaces it."""
    if starts and starts[-1][0] == entry[0]:
        starts[-1] = entry
    else:
        starts.append(entry)
