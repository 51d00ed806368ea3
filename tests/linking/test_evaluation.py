"""The linker measured on the hand-labelled bundled awards: the issue's targets."""

from collections import Counter
from pathlib import Path

import pytest

import copsreform as cr

LABELS = Path(__file__).with_name("labels.csv")


@pytest.fixture(scope="module")
def labels() -> list[cr.LinkLabel]:
    return cr.read_link_labels(LABELS)


def test_every_bundled_award_is_labelled_once(
    labels: list[cr.LinkLabel], wa_grants: list[cr.Grant]
) -> None:
    assert sorted(label.award_number for label in labels) == sorted(
        g.award_number for g in wa_grants
    )


def test_every_labelled_ori_is_a_washington_agency_of_the_fbi_list(
    labels: list[cr.LinkLabel], agencies: list[cr.Agency]
) -> None:
    washington = {a.ori for a in agencies if a.state == "WA"}
    labelled = {ori for label in labels for ori in label.oris}
    assert labelled <= washington
    assert all(label.rationale for label in labels)


def test_label_counts_match_the_readme(labels: list[cr.LinkLabel]) -> None:
    assert sum(len(label.oris) for label in labels) == 102
    assert sum(not label.oris for label in labels) == 3
    text = (LABELS.parent / "README.md").read_text(encoding="utf-8")
    assert "97 fund an agency (102 labelled award-ORI links" in text


def test_targets_high_precision_and_recall(
    wa_results: list[cr.LinkResult], labels: list[cr.LinkLabel]
) -> None:
    report = cr.evaluate_links(wa_results, labels)
    assert report.awards == 100
    assert report.labelled_links == 102
    high = report.precision(cr.Confidence.HIGH)
    assert high is not None
    assert high >= 0.98
    recall = report.recall()
    assert recall is not None
    assert recall >= 0.90
    # Nothing proposed is wrong at any level, and every miss is explained.
    assert not [
        m for m in report.misses if m.kind == "wrong" and m.confidence is cr.Confidence.HIGH
    ]
    assert all(m.explanation for m in report.misses)


def test_school_districts_stay_unlinked_with_a_reason(wa_results: list[cr.LinkResult]) -> None:
    schools = [r for r in wa_results if "SCHOOL DISTRICT" in r.grant.recipient.name]
    assert len(schools) == 3
    for result in schools:
        assert result.status is cr.LinkStatus.UNLINKED
        assert result.reason is not None
        assert "school or district" in result.reason


def test_agencies_listed_twice_get_both_oris_at_medium(wa_results: list[cr.LinkResult]) -> None:
    lummi = [r for r in wa_results if r.grant.recipient.name == "LUMMI INDIAN BUSINESS COUNCIL"]
    assert len(lummi) == 3
    for result in lummi:
        assert result.oris == ("WA037100X", "WADI05900")
        assert {link.confidence for link in result.links} == {cr.Confidence.MEDIUM}
        assert "2 tribal agencies" in (result.links[0].evidence.note or "")


def test_a_city_and_a_tribe_of_one_name_are_told_apart(wa_results: list[cr.LinkResult]) -> None:
    by_award = {r.award_number: r for r in wa_results}
    # Confederated Tribes of the Chehalis Reservation, not the City of Chehalis.
    assert by_award["2016HEWX0048"].oris == ("WADI06700",)
    # Puyallup Tribe of Indians, not the City of Puyallup.
    assert by_award["2019HEWX0062"].oris == ("WADI06200",)
    # City of Spokane, not Spokane Valley nor Spokane County.
    assert by_award["2013ULWX0053"].oris == ("WA0320400",)


def test_statuses_add_up(wa_results: list[cr.LinkResult]) -> None:
    counts = Counter(r.status for r in wa_results)
    assert sum(counts.values()) == 100
    assert all(r.reason is None for r in wa_results if r.status is cr.LinkStatus.LINKED)
    assert all(r.reason for r in wa_results if r.status is not cr.LinkStatus.LINKED)


def test_labels_file_errors_name_the_row(tmp_path: Path) -> None:
    bad = tmp_path / "labels.csv"
    bad.write_text("award_number,oris\n2020UMWX0499,WA0173600\n2020-UMWX-0499,none\n")
    with pytest.raises(cr.SourceFormatError, match="row 2 labels 2020UMWX0499 a second time"):
        cr.read_link_labels(bad)
    bad.write_text("award_number,ori\n")
    with pytest.raises(cr.SourceFormatError, match="labels need the columns oris"):
        cr.read_link_labels(bad)
    bad.write_text("award_number,oris\n2020UMWX0499,\n")
    with pytest.raises(cr.SourceFormatError, match="row 1 needs an award_number and oris"):
        cr.read_link_labels(bad)


def test_evaluation_refuses_an_unlabelled_award(wa_results: list[cr.LinkResult]) -> None:
    with pytest.raises(ValueError, match="award 2020UMWX0499 has no label"):
        cr.evaluate_links(wa_results[:1], [])


def test_a_wrong_link_is_reported_with_its_evidence(wa_results: list[cr.LinkResult]) -> None:
    first = wa_results[0]
    report = cr.evaluate_links(
        [first], [cr.LinkLabel(first.award_number, frozenset({"WA0170100"}))]
    )
    kinds = sorted((m.kind, m.ori) for m in report.misses)
    assert kinds == [("missed", "WA0170100"), ("wrong", "WA0173600")]
    assert report.precision(cr.Confidence.HIGH) == 0.0
    assert report.level(cr.Confidence.MEDIUM).precision is None
    wrong = next(m for m in report.misses if m.kind == "wrong")
    assert "Federal Way Police Department" in wrong.explanation
