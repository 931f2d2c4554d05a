"""The actor index: merging actors across articles (hand-built analyses of invented articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.analysis.model import Actor, Analysis, Claim, PipelineInfo, Span
from tui.cli import main
from tui.index import ActorIndex, merge, norm

PIPE = PipelineInfo("test", "0", False)


def actor(aid: str, name: str, kind: str = "person", aliases: tuple[str, ...] = (),
          mentions: int = 1, at: int = 0) -> Actor:
    return Actor(id=aid, name=name, kind=kind, aliases=list(aliases),
                 mentions=[Span(at + 10 * i, at + 10 * i + 3, "x") for i in range(mentions)])


def doc(source: str, actors: list[Actor], claims: list[Claim] | None = None,
        title: str | None = None) -> Analysis:
    return Analysis(text="", source=source, title=title, pipeline=PIPE, actors=actors,
                    claims=claims or [])


def quote(cid: str, text: str, speakers: list[str], kind: str = "quote", at: int = 0) -> Claim:
    return Claim(id=cid, kind=kind, start=at, end=at + len(text), text=text,
                 speakers=speakers)


def index(*analyses: Analysis) -> list[dict[str, object]]:
    built = ActorIndex()
    for a in analyses:
        built.add(a)
    return built.to_dict()["actors"]


def by_name(actors: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(a["name"]): a for a in actors}


# --- one fixture set per class of merge ----------------------------------------------------------

def test_same_name_merges_across_articles_most_widespread_first() -> None:
    got = index(
        doc("a", [actor("a1", "Velin Rail", "organization", mentions=3),
                  actor("a2", "Doran Pike", mentions=5)]),
        doc("b", [actor("a1", "velin  rail", "organization")]),
    )
    assert [a["name"] for a in got] == ["Velin Rail", "Doran Pike"]
    assert got[0]["articles"] == ["a", "b"] and got[0]["mentions"] == 4


def test_surname_only_article_joins_the_full_name() -> None:
    got = by_name(index(
        doc("full", [actor("a1", "Mara Quell", mentions=2)]),
        doc("surname", [actor("a1", "Quell", mentions=3)],
            [quote("c1", "“We start in May.”", ["a1"])]),
    ))
    assert list(got) == ["Mara Quell"]
    quell = got["Mara Quell"]
    assert quell["articles"] == ["full", "surname"]
    assert quell["aliases"] == ["Quell"] and quell["mentions"] == 5
    assert quell["quotes"] == [{"source": "surname", "text": "“We start in May.”"}]


def test_surname_shared_by_two_people_joins_neither() -> None:
    got = by_name(index(
        doc("a", [actor("a1", "Mara Quell")]),
        doc("b", [actor("a1", "Tobin Quell")]),
        doc("c", [actor("a1", "Quell")]),
    ))
    assert set(got) == {"Mara Quell", "Tobin Quell", "Quell"}


def test_surname_alias_does_not_join_two_full_names() -> None:
    got = by_name(index(
        doc("a", [actor("a1", "Mara Quell", aliases=("Quell",))]),
        doc("b", [actor("a1", "Tobin Quell", aliases=("Quell",))]),
    ))
    assert set(got) == {"Mara Quell", "Tobin Quell"}


def test_alias_joins_its_only_owner() -> None:
    got = by_name(index(
        doc("a", [actor("a1", "Northern Ports Authority", "organization", aliases=("NPA",))]),
        doc("b", [actor("a1", "NPA", "organization", mentions=2)]),
    ))
    assert list(got) == ["Northern Ports Authority"]
    assert got["Northern Ports Authority"]["articles"] == ["a", "b"]


def test_kinds_stay_apart() -> None:
    got = index(doc("a", [actor("a1", "Halvard", "place")]),
                doc("b", [actor("a1", "Halvard", "organization")]))
    assert sorted(a["kind"] for a in got) == ["organization", "place"]


def test_quotes_count_for_every_speaker_and_not_assertions() -> None:
    got = by_name(index(doc("a", [actor("a1", "Mara Quell"), actor("a2", "Tobin Vale")], [
        quote("c1", "the talks went well", ["a1", "a2"], kind="reported"),
        quote("c2", "Prices rose by 4%.", [], kind="assertion"),
        quote("c3", "“No deal yet.”", ["a2"], at=50),
    ])))
    assert [q["text"] for q in got["Tobin Vale"]["quotes"]] == [
        "the talks went well", "“No deal yet.”"]
    assert [q["text"] for q in got["Mara Quell"]["quotes"]] == ["the talks went well"]


def test_two_actors_of_one_article_merged_give_one_appearance() -> None:
    merged = merge(ActorIndex().actors())
    assert merged == []
    built = ActorIndex()
    built.add(doc("a", [actor("a1", "Mara Quell", mentions=2, at=40), actor("a2", "Quell", at=5)]))
    (one,) = built.actors()
    assert one.articles == ["a"] and one.mentions == 3 and one.appearances[0].first == 5


def test_readding_a_source_replaces_it() -> None:
    built = ActorIndex()
    built.add(doc("a", [actor("a1", "Mara Quell")]))
    built.add(doc("a", [actor("a1", "Tobin Vale")]))
    assert [a.name for a in built.actors()] == ["Tobin Vale"] and len(built) == 1


def test_norm() -> None:
    assert norm("The  Velin Rail") == "velin rail"
    assert norm("The") == "the"


# --- the command ---------------------------------------------------------------------------------

def test_index_command_over_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(
        "Harbour plan\n\nMara Quell, the harbour chief, met Tobin Vale in Halvard on Monday. "
        "\"We start in May,\" Quell said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Second day\n\nMs Quell told reporters that the work would go on.\n", encoding="utf-8")
    status = main(["index", str(tmp_path), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert status == 0, err
    actors = json.loads(out)["actors"]
    assert set(actors[0]) == {"name", "kind", "aliases", "articles", "mentions", "quotes"}
    quell = by_name(actors)["Mara Quell"]
    assert quell["articles"] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert {q["source"] for q in quell["quotes"]} == {str(tmp_path / "a.txt"), str(tmp_path / "b.txt")}


def test_index_command_reports_a_bad_input_and_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nMara Quell spoke.\n", encoding="utf-8")
    status = main(["index", str(tmp_path / "a.txt"), str(tmp_path / "gone.txt"), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert status == 1
    assert err.count("\n") == 1 and "gone.txt: no such file" in err
    assert "actors" in json.loads(out)


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "x.txt", "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_index_reads_analysis_files_line_by_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shard = tmp_path / "shard.jsonl"
    lines = [json.dumps(doc("one", [actor("a1", "Mara Quell")]).to_dict()),
             "", "{\"not\": \"an analysis\"}",
             json.dumps(doc("two", [actor("a1", "Quell")]).to_dict())]
    shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status = main(["index", str(shard), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert status == 1 and err.count("\n") == 1 and "shard.jsonl:3: not an analysis" in err
    (quell,) = json.loads(out)["actors"]
    assert quell["name"] == "Mara Quell" and quell["articles"] == ["one", "two"]
