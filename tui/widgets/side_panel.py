"""The side panel: actors, claims and numbers of the analysis, filterable, linked to the text."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.message import Message
from textual.widgets import Input, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from tui.analysis.model import Analysis, Claim
from tui.linking import ItemKind
from tui.widgets.item_list import ItemList

SECTIONS: dict[ItemKind, str] = {"actor": "Actors", "claim": "Claims", "number": "Numbers"}
UNATTRIBUTED = "(unattributed)"
REPEAT = "#"
"""Separates an item id from the repeat number of a row that lists it again (``c4#2``)."""
SNIPPET = 110
"""Longest claim snippet shown in the list (characters)."""


def snippet(text: str, limit: int = SNIPPET) -> str:
    """One line of at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass(slots=True)
class Entry:
    """One row of a section: its item id, what is drawn, and what the filter searches."""

    id: str
    prompt: Content
    haystack: str


class SidePanel(Vertical):
    """Actors (by salience), claims (or quotes grouped by speaker) and numbers.

    The panel only shows and selects; the reader screen decides what choosing an item does and
    owns the keys that reach the panel (``f`` filter, ``v`` group quotes, ``a``/``c``/``#``).
    Each section keeps its own filter: typing narrows the section on show, and the filter box
    shows that section's text when another section comes up.

    | Key | Action |
    | :- | :- |
    | enter (in the filter) | back to the list |
    | escape (in the filter or a list) | clear the section's filter |
    """

    DEFAULT_CSS = """
    SidePanel {
        width: 1fr;
        min-width: 32;
        max-width: 60;
        border-left: vkey $foreground 20%;
        height: 1fr;
    }
    SidePanel #filter { height: 1; border: none; padding: 0 1; margin: 0; }
    SidePanel #filter:focus { border: none; background: $boost; }
    SidePanel TabbedContent { height: 1fr; }
    SidePanel TabPane { padding: 0; height: 1fr; }
    SidePanel ContentSwitcher { height: 1fr; }
    SidePanel #panel-status { height: 1; padding: 0 1; color: $text-muted; background: $boost; }
    SidePanel #detail { height: auto; max-height: 35%; padding: 0 1; overflow-y: auto;
                        border-top: hkey $foreground 20%; }
    """

    class ItemChosen(Message):
        """An item was chosen (enter or click) in one of the lists."""

        def __init__(self, panel: SidePanel, kind: ItemKind, item_id: str) -> None:
            super().__init__()
            self.panel = panel
            self.kind = kind
            self.item_id = item_id

        @property
        def control(self) -> SidePanel:
            return self.panel

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.analysis: Analysis | None = None
        self.grouped = False
        self._entries: dict[ItemKind, list[Entry]] = {k: [] for k in SECTIONS}
        self._grouped_entries: list[tuple[Entry, bool]] = []
        self._filters: dict[ItemKind, str] = {k: "" for k in SECTIONS}

    def compose(self) -> ComposeResult:
        yield Input(placeholder=_placeholder("actor"), id="filter")
        with TabbedContent(id="sections"):
            for kind, title in SECTIONS.items():
                with TabPane(title, id=f"tab-{kind}"):
                    yield ItemList(id=f"list-{kind}")
        status = Static("", id="panel-status", markup=False)
        status.display = False
        yield status
        with VerticalScroll(id="detail") as detail:
            detail.display = False
            yield Static("", id="detail-text", markup=False)

    # -- queries ---------------------------------------------------------------------------
    def list_for(self, kind: ItemKind) -> OptionList:
        return self.query_one(f"#list-{kind}", OptionList)

    @property
    def section(self) -> ItemKind:
        """The section on show."""
        active = self.query_one(TabbedContent).active or "tab-actor"
        return active.removeprefix("tab-")  # type: ignore[return-value]  # ids are tab-<kind>

    def filter_text(self, kind: ItemKind | None = None) -> str:
        """The filter of ``kind``'s section (default: the section on show)."""
        return self._filters[kind or self.section]

    def highlighted(self, kind: ItemKind | None = None) -> str | None:
        """Id of the highlighted item of ``kind`` (default: the section on show)."""
        option = self.list_for(kind or self.section).highlighted_option
        if option is None or option.disabled or option.id is None:
            return None
        return option.id.split(REPEAT, 1)[0]

    # -- filling ---------------------------------------------------------------------------
    def load(self, analysis: Analysis) -> None:
        """Fill every section from ``analysis``."""
        self.analysis = analysis
        names = {a.id: a.name for a in analysis.actors}
        actors = sorted(analysis.actors, key=lambda a: -a.salience)
        self._entries["actor"] = [
            Entry(a.id, _actor_prompt(a.name, a.kind, len(a.mentions), a.aliases),
                  " ".join([a.name, *a.aliases, a.kind]).casefold())
            for a in actors
        ]
        self._entries["claim"] = [
            Entry(c.id, _claim_prompt(c, _speaker(c, names)),
                  f"{_speaker(c, names)} {c.kind} {c.text}".casefold())
            for c in analysis.claims
        ]
        self._entries["number"] = [
            Entry(n.id, _number_prompt(n.text, n.value, n.unit, n.qualifier, n.kind),
                  " ".join(filter(None, [n.text, n.unit, n.qualifier, n.kind])).casefold())
            for n in analysis.numbers
        ]
        for kind in SECTIONS:  # a malformed document must not crash the list (unique ids)
            self._entries[kind] = _unique(self._entries[kind])
        claims = {c.id: c for c in reversed(analysis.claims)}  # first of each id wins
        self._grouped_entries = _grouped(list(reversed(claims.values())), names)
        self.refill()

    def refill(self, kind: ItemKind | None = None) -> None:
        """Rebuild the lists from the entries and their filters, keeping the highlighted item."""
        self._refill(kind)
        self._show_detail()

    def _refill(self, kind: ItemKind | None = None) -> None:
        for k in [kind] if kind else list(SECTIONS):
            olist = self.list_for(k)
            keep = olist.highlighted_option.id if olist.highlighted_option else None
            needle = self._filters[k].casefold()
            options: list[Option | None] = []
            if k == "claim" and self.grouped:
                sources = sum(1 for e, header in self._grouped_entries
                              if header and e.haystack != UNATTRIBUTED)
                options.append(Option(Content.styled(f"{sources} distinct sources", "dim italic"),
                                      disabled=True))
                for entry, header in self._grouped_entries:
                    if header:
                        options.append(None)  # a rule above each speaker
                    if header or needle in entry.haystack:
                        options.append(Option(entry.prompt, id=entry.id, disabled=header))
            else:
                for e in self._entries[k]:
                    if needle in e.haystack:
                        options.append(Option(e.prompt, id=e.id))
                        if k == "claim":
                            options.append(None)  # a rule between multi-line claims
            with olist.prevent(OptionList.OptionHighlighted):
                olist.set_options(options)
                if keep is None or not self._highlight(olist, keep):
                    olist.highlighted = 0 if olist.option_count else None
                    if olist.option_count and olist.get_option_at_index(0).disabled:
                        olist.action_cursor_down()

    @staticmethod
    def _highlight(olist: OptionList, item_id: str) -> bool:
        try:
            index = olist.get_option_index(item_id)
        except Exception:  # OptionDoesNotExist: filtered out
            return False
        olist.highlighted = index
        return True

    # -- selection -------------------------------------------------------------------------
    def show_section(self, kind: ItemKind) -> None:
        self.query_one(TabbedContent).active = f"tab-{kind}"

    def select(self, kind: ItemKind, item_id: str, *, switch: bool = True) -> bool:
        """Highlight an item without posting anything back (no feedback loop)."""
        if switch and self.section != kind:
            self.show_section(kind)
        olist = self.list_for(kind)
        with olist.prevent(OptionList.OptionHighlighted):
            found = self._highlight(olist, item_id)
            if not found and self._filters[kind]:  # filtered out: that section's filter goes
                self.clear_filter(kind)
                found = self._highlight(olist, item_id)
        if found:
            olist.scroll_to_highlight()
        if kind == "claim":
            self._show_detail()
        return found

    def clear_filter(self, kind: ItemKind | None = None) -> None:
        """Empty the filter of ``kind``'s section (default: the section on show)."""
        kind = kind or self.section
        if not self._filters[kind]:
            return
        self._filters[kind] = ""
        self.refill(kind)
        if kind == self.section:
            self._show_filter()

    def _show_filter(self) -> None:
        """The filter box shows the filter of the section on show."""
        box = self.query_one("#filter", Input)
        section = self.section
        box.placeholder = _placeholder(section)
        if box.value != self._filters[section]:
            with box.prevent(Input.Changed):  # not a new filter: nothing to refill
                box.value = self._filters[section]

    def set_status(self, text: str) -> None:
        """A note about the panel itself (e.g. how claims are grouped); hidden when empty, so
        the lists get the row back."""
        status = self.query_one("#panel-status", Static)
        status.update(Content(text))
        status.display = bool(text)

    def _show_detail(self) -> None:
        """Under the claims: the highlighted claim whole, with who said it and how, so a long
        quote can be read without leaving the list."""
        detail = self.query_one("#detail", VerticalScroll)
        claim_id = self.highlighted("claim") if self.section == "claim" else None
        claim = next((c for c in self.analysis.claims if c.id == claim_id), None) \
            if self.analysis is not None and claim_id else None
        detail.display = claim is not None
        if claim is None:
            return
        names = {a.id: a.name for a in self.analysis.actors} if self.analysis else {}
        head = [(claim.kind, _KIND_STYLE.get(claim.kind, "bold"))]
        who = _speaker(claim, names)
        parts: list[str | tuple[str, str]] = [*head]
        if who:
            parts += [" ", (who, "bold")]
        if claim.cue:
            parts += [(f" ({' '.join(claim.cue.split())})", "dim")]
        parts += ["\n", " ".join(claim.text.split())]
        self.query_one("#detail-text", Static).update(_styled(*parts))
        detail.scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "list-claim":
            self._show_detail()

    def focus_list(self) -> None:
        self.list_for(self.section).focus()

    # -- events ----------------------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        name = (event.option_list.id or "").removeprefix("list-")
        kind = next((k for k in SECTIONS if k == name), None)
        if kind is not None and event.option.id is not None:
            self.post_message(self.ItemChosen(self, kind, event.option.id.split(REPEAT, 1)[0]))

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        self._show_filter()
        self._show_detail()
        self._show_grouping()
        self.screen.refresh_bindings()  # the footer's keys depend on the section on show

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        section = self.section
        if event.value != self._filters[section]:
            self._filters[section] = event.value
            self.refill(section)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_list()

    def on_key(self, event: events.Key) -> None:
        if event.key != "escape":
            return
        if self.query_one("#filter", Input).has_focus:
            event.stop()
            self.clear_filter()
            self.focus_list()
        elif self._filters[self.section]:  # in a list: the filter first, then the screen's escape
            event.stop()
            self.clear_filter()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_toggle_grouping(self) -> None:
        self.grouped = not self.grouped
        self.show_section("claim")
        self.refill("claim")
        self._show_grouping()

    def _show_grouping(self) -> None:
        """The note that claims are grouped by speaker: under the claims only, and only then
        (text order is the default and needs no note)."""
        self.set_status("quotes grouped by speaker" if self.grouped and self.section == "claim"
                        else "")


def _placeholder(kind: ItemKind) -> str:
    return f"filter {SECTIONS[kind].lower()} (f)"


def _unique(entries: list[Entry]) -> list[Entry]:
    """The first entry of each id (OptionList refuses duplicate ids)."""
    seen: set[str] = set()
    out: list[Entry] = []
    for entry in entries:
        if entry.id not in seen:
            seen.add(entry.id)
            out.append(entry)
    return out


def _speakers(claim: Claim, names: dict[str, str]) -> list[str]:
    """The names of every speaker of ``claim`` (the words naming it when none is an actor)."""
    found = [names[s] for s in claim.speakers if s in names]
    return found or ([claim.speaker_text] if claim.speaker_text else [])


def _speaker(claim: Claim, names: dict[str, str]) -> str:
    return " and ".join(_speakers(claim, names))


def _styled(*parts: str | tuple[str, str]) -> Content:
    """Like ``Content.assemble`` for plain strings and (text, style) pairs, a few times cheaper
    (the panel of a long article builds thousands of these)."""
    text: list[str] = []
    spans: list[Span] = []
    pos = 0
    for part in parts:
        if isinstance(part, str):
            text.append(part)
            pos += len(part)
        else:
            chunk, style = part
            text.append(chunk)
            if chunk:
                spans.append(Span(pos, pos + len(chunk), style))
            pos += len(chunk)
    return Content("".join(text), spans)


def _actor_prompt(name: str, kind: str, mentions: int, aliases: list[str]) -> Content:
    """Name and mention count first (they must survive a narrow panel), then kind and aliases."""
    others = [a for a in aliases if a != name]
    detail = kind + (" · aka " + ", ".join(others) if others else "")
    return _styled(
        (name, "bold"), (f"  {mentions}×", "dim"), "\n", (snippet(detail, 120), "dim italic"),
    )


_KIND_STYLE = {"quote": "bold reverse", "reported": "bold underline", "assertion": "bold dim"}


def _claim_prompt(claim: Claim, speaker: str) -> Content:
    # an assertion has no speaker: its kind alone heads it
    who: list[str | tuple[str, str]] = [" ", (speaker, "bold")] if speaker else []
    return _styled(
        (claim.kind, _KIND_STYLE.get(claim.kind, "bold")), *who, "\n", snippet(claim.text),
    )


def _number_prompt(text: str, value: float | None, unit: str | None, qualifier: str | None,
                   kind: str) -> Content:
    detail = [kind]
    if value is not None:
        detail.append(f"= {value:g}" + (f" {_unit(unit, value)}" if unit else ""))
    elif unit:
        detail.append(unit)
    if qualifier:
        detail.append(qualifier)
    return _styled((snippet(text, 60), "bold"), "  ", (" · ".join(detail), "dim"))


def _unit(unit: str, value: float) -> str:
    """``unit`` in the singular for a value of one ("1 month", not "1 months")."""
    if abs(value) != 1 or not unit.replace(" ", "").isalpha():
        return unit
    for plural, single in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if unit.endswith(plural) and not unit.endswith("ss"):
            return unit[: -len(plural)] + single
    return unit


def _grouped(claims: list[Claim], names: dict[str, str]) -> list[tuple[Entry, bool]]:
    """Quotes and reported speech grouped by speaker: (entry, is_header) rows."""
    by_speaker: dict[str, list[Claim]] = {}
    for c in claims:
        if c.kind in ("quote", "reported"):
            for name in dict.fromkeys(_speakers(c, names)) or [UNATTRIBUTED]:
                by_speaker.setdefault(name, []).append(c)  # under each of its speakers
    rows: list[tuple[Entry, bool]] = []
    seen: dict[str, int] = {}
    for speaker, said in sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        count = len(said)
        header = _styled((speaker, "bold"), (f"  {count} statement{'s' * (count != 1)}", "dim"))
        key = UNATTRIBUTED if speaker == UNATTRIBUTED else ""
        rows.append((Entry(f"group:{len(rows)}", header, key), True))
        for c in said:
            prompt = _styled("  ", (c.kind, _KIND_STYLE.get(c.kind, "bold")), " ", snippet(c.text))
            # a claim of two speakers is listed twice: OptionList ids must stay unique
            seen[c.id] = seen.get(c.id, 0) + 1
            row_id = c.id if seen[c.id] == 1 else f"{c.id}{REPEAT}{seen[c.id]}"
            rows.append((Entry(row_id, prompt, f"{speaker} {c.text}".casefold()), False))
    return rows
