import datetime as dt

import attrs
import pytest
from hypothesis import given

import copsreform as cr
from copsreform import testing
from copsreform.engagement import TRANSITIONS

D = dt.date


def test_the_seed_engagement_builds(boston_review: cr.Engagement) -> None:
    assert boston_review.provider is not None
    assert boston_review.provider.acronym == "NPI"
    assert boston_review.categories == frozenset({cr.TACategory.DATA_ANALYSIS})
    assert boston_review.status is cr.EngagementStatus.REQUESTED
    assert boston_review.history == ()


def test_a_full_lifecycle_keeps_every_dated_change(boston_review: cr.Engagement) -> None:
    done = (
        boston_review.transition(cr.EngagementStatus.ACCEPTED, on=D(2024, 8, 8))
        .transition(cr.EngagementStatus.IN_PROGRESS, on=D(2024, 9, 1))
        .transition(cr.EngagementStatus.COMPLETED, on=D(2025, 6, 30), note="report delivered")
    )
    assert done.status is cr.EngagementStatus.COMPLETED
    assert [(c.status.value, c.on) for c in done.history] == [
        ("accepted", D(2024, 8, 8)),
        ("in_progress", D(2024, 9, 1)),
        ("completed", D(2025, 6, 30)),
    ]
    assert boston_review.history == ()  # the original is unchanged


def test_a_final_status_allows_nothing_more(boston_review: cr.Engagement) -> None:
    declined = boston_review.transition(cr.EngagementStatus.DECLINED, on=D(2024, 8, 9))
    with pytest.raises(cr.IllegalTransitionError) as excinfo:
        declined.transition(cr.EngagementStatus.ACCEPTED, on=D(2024, 8, 10))
    assert str(excinfo.value) == (
        "'Engagement.history[1]' cannot go from 'declined' to 'accepted'; 'declined' is final (got 'accepted')"
    )


def test_skipping_a_stage_is_illegal(boston_review: cr.Engagement) -> None:
    with pytest.raises(
        cr.IllegalTransitionError, match="cannot go from 'requested' to 'in_progress'"
    ):
        boston_review.transition(cr.EngagementStatus.IN_PROGRESS, on=D(2024, 8, 9))


def test_a_change_dated_before_the_previous_one_is_refused(boston_review: cr.Engagement) -> None:
    accepted = boston_review.transition(cr.EngagementStatus.ACCEPTED, on=D(2024, 8, 8))
    with pytest.raises(cr.ValidationError) as excinfo:
        accepted.transition(cr.EngagementStatus.IN_PROGRESS, on=D(2024, 8, 1))
    assert str(excinfo.value) == (
        "'Engagement.history[1].on' must not be before history[0].on (2024-08-08) (got '2024-08-01')"
    )


def test_a_change_dated_before_the_request_is_refused(bpd: cr.Agency) -> None:
    with pytest.raises(cr.ValidationError, match="must not be before requested_on"):
        cr.Engagement(
            agency=bpd,
            program=cr.CRIProgram.CRI_TAC,
            requested_on=D(2024, 5, 1),
            history=(cr.StatusChange(cr.EngagementStatus.ACCEPTED, D(2024, 4, 1)),),
        )


def test_critical_response_without_a_named_category_is_kept(bpd: cr.Agency) -> None:
    # The 2024 Boston release names no TA category: a real record must not be refused.
    review = cr.Engagement(agency=bpd, program=cr.CRIProgram.CRITICAL_RESPONSE)
    assert review.categories == frozenset()


def test_legacy_critical_response_ta_may_name_a_category(bpd: cr.Agency) -> None:
    review = cr.Engagement(
        agency=bpd,
        program=cr.CRIProgram.CRITICAL_RESPONSE_TA,
        categories={cr.TACategory.AFTER_ACTION_REVIEW},
    )
    assert review.categories == {cr.TACategory.AFTER_ACTION_REVIEW}


def test_ta_categories_belong_to_critical_response_only(bpd: cr.Agency) -> None:
    with pytest.raises(cr.ValidationError, match=r"'Engagement\.categories' must be empty"):
        cr.Engagement(
            agency=bpd, program=cr.CRIProgram.CRI_TAC, categories={cr.TACategory.DATA_ANALYSIS}
        )


def test_the_provider_must_deliver_the_program(bpd: cr.Agency) -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.Engagement(
            agency=bpd,
            program=cr.CRIProgram.CRITICAL_RESPONSE,
            provider=cr.find_provider("IACP"),
            categories={cr.TACategory.DATA_ANALYSIS},
        )
    assert str(excinfo.value) == (
        "'Engagement.provider' must deliver 'critical_response' (it delivers 'cri_tac') "
        "(got 'International Association of Chiefs of Police')"
    )


def test_dates_must_be_in_order(bpd: cr.Agency) -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.Engagement(
            agency=bpd,
            program=cr.CRIProgram.CRI_TAC,
            announced_on=D(2024, 8, 8),
            start=D(2024, 8, 1),
        )
    assert str(excinfo.value) == (
        "'Engagement.start' must not be before announced_on (2024-08-08) (got '2024-08-01')"
    )


def test_recommendations_belong_to_organizational_assessments(bpd: cr.Agency) -> None:
    with pytest.raises(cr.ValidationError, match=r"'Engagement\.recommendations' must be empty"):
        cr.Engagement(
            agency=bpd, program=cr.CRIProgram.CRI_TAC, recommendations=(cr.Recommendation("x"),)
        )


def test_recommendation_statuses_update_and_count(bpd: cr.Agency) -> None:
    oa = cr.Engagement(
        agency=bpd,
        program=cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT,
        recommendations=tuple(cr.Recommendation(f"Recommendation {i}") for i in range(3)),
    )
    oa = oa.with_recommendation_status(1, cr.RecommendationStatus.IN_PROGRESS)
    counts = oa.recommendation_counts()
    assert counts[cr.RecommendationStatus.NOT_STARTED] == 2
    assert counts[cr.RecommendationStatus.IN_PROGRESS] == 1
    assert counts[cr.RecommendationStatus.COMPLETE] == 0


def test_updating_a_missing_recommendation_is_a_validation_error(bpd: cr.Agency) -> None:
    oa = cr.Engagement(agency=bpd, program=cr.CRIProgram.ORGANIZATIONAL_ASSESSMENT)
    with pytest.raises(cr.ValidationError, match="has no recommendation at this position"):
        oa.with_recommendation_status(0, cr.RecommendationStatus.COMPLETE)


def test_recommendation_status_titles_match_the_cops_site_pages() -> None:
    assert [s.title for s in cr.RecommendationStatus] == [
        "Complete",
        "Partially Complete",
        "In Progress",
        "Not Started",
    ]


def test_a_list_of_categories_becomes_a_frozenset(bpd: cr.Agency) -> None:
    e = cr.Engagement(
        agency=bpd,
        program=cr.CRIProgram.CRITICAL_RESPONSE,
        categories=[cr.TACategory.DATA_ANALYSIS, cr.TACategory.DATA_ANALYSIS],
    )  # type: ignore[arg-type]
    assert e.categories == frozenset({cr.TACategory.DATA_ANALYSIS})


@given(testing.engagements())
def test_generated_engagements_keep_their_invariants_through_evolve(e: cr.Engagement) -> None:
    again = attrs.evolve(e)
    assert again == e
    assert again.status is (e.history[-1].status if e.history else cr.EngagementStatus.REQUESTED)
    for status in cr.EngagementStatus:
        if status in TRANSITIONS[e.status]:
            assert e.transition(status, on=D(2099, 1, 1)).status is status
        else:
            with pytest.raises(cr.IllegalTransitionError):
                e.transition(status, on=D(2099, 1, 1))


def test_a_2014_collaborative_reform_engagement_takes_its_era_provider() -> None:
    # Fayetteville (NC), announced 2014-10-21 by the U.S. Attorney (EDNC); CNA assessed it.
    fpd = cr.Agency(
        name="Fayetteville Police Department",
        state="NC",
        ori="NC0260100",
        jurisdiction=cr.Jurisdiction.LOCAL,
        agency_type=cr.AgencyType.CITY,
    )
    e = cr.Engagement(
        agency=fpd,
        program=cr.CRIProgram.COLLABORATIVE_REFORM,
        provider=cr.find_provider("CNA"),
        announced_on=D(2014, 10, 21),
        report_released_on=D(2015, 12, 16),
        findings_count=49,
        recommendations_count=76,
    )
    assert (e.year, e.provider is not None and e.provider.active_in(e.year)) == (2014, True)


def test_a_report_released_before_the_announcement_is_refused(bpd: cr.Agency) -> None:
    with pytest.raises(cr.ValidationError) as excinfo:
        cr.Engagement(
            agency=bpd,
            program=cr.CRIProgram.CRITICAL_RESPONSE_TA,
            announced_on=D(2016, 3, 3),
            report_released_on=D(2016, 1, 1),
        )
    assert str(excinfo.value) == (
        "'Engagement.report_released_on' must not be before announced_on (2016-03-03) "
        "(got '2016-01-01')"
    )


def test_a_negative_count_is_refused(bpd: cr.Agency) -> None:
    with pytest.raises(cr.ValidationError, match=r"'Engagement\.findings_count' must not be"):
        cr.Engagement(agency=bpd, program=cr.CRIProgram.CRI_TAC, findings_count=-1)


def test_sources_must_be_source_records(bpd: cr.Agency) -> None:
    with pytest.raises(
        cr.ValidationError, match=r"'Engagement\.sources' must hold only PublicSource"
    ):
        cr.Engagement(
            agency=bpd,
            program=cr.CRIProgram.CRI_TAC,
            sources=("https://cops.usdoj.gov/",),  # type: ignore[arg-type]
        )
