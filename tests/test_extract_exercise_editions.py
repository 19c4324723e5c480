"""Exercise rules taught by the sixth training set, each on invented sentences: editions by number, past editions,
names beside a lower-case exercise noun, origin years, time references, standing operations, places and absences."""
from __future__ import annotations

from briefings.extract.document import extract_document
from briefings.extract.exercise_fields import place_spans, roles
from briefings.extract.exercise_names import find_names
from briefings.extract.exercise_record import explicit_year
from briefings.model import SourceDocument


def _exercises(text: str, published: str | None = "2027-05-10"):
    doc = SourceDocument(id="s1", path="s1.txt", text=text, published=published)
    return extract_document(doc).exercises


def _by_name(text: str, published: str | None = "2027-05-10"):
    return {x.name: x for x in _exercises(text, published)}


def test_any_roman_numeral_edition_of_a_known_series() -> None:
    assert [(h.canon, h.year) for h in find_names("UNITAS LXVIII will run until 3 May off Callao.")] == [("UNITAS-LXVIII", None)]
    assert [h.canon for h in find_names("The navy said Cutlass Express XXIV ended on Friday.")] == ["Cutlass Express-XXIV"]
    # a lone "I" is a pronoun, not an edition
    assert [h.canon for h in find_names("After Malabar I flew home.")] != ["Malabar-I"]


def test_a_name_after_a_lower_case_exercise_noun_with_a_modifier() -> None:
    hits = find_names("The two navies will hold their bilateral exercise Coral Lantern XII in June.")
    assert [(h.name, h.canon) for h in hits] == [("Coral Lantern XII", "Coral Lantern-XII")]
    assert [h.name for h in find_names("Its frigate will join the multinational exercise Le Grand Bleu next week.")] == ["Le Grand Bleu"]
    # a ship, a country or a person after the noun names no exercise
    assert find_names("During the exercise HMS Example fired two missiles.") == []
    assert find_names("After the joint exercise Norway and Denmark signed a pact.") == []
    assert find_names("At the naval exercise Defence Minister Ola Berg spoke.") == []


def test_a_name_set_off_after_an_exercise_noun_with_an_edition_number() -> None:
    hits = find_names("The largest drill of its kind, Desert Anvil 4, was held in Oman in 2022.")
    assert [(h.name, h.canon) for h in hits] == [("Desert Anvil 4", "Desert Anvil-4")]
    hits = find_names("That drill, Sea Lotus-11, drew some 900 troops.")
    assert [h.name for h in hits] == ["Sea Lotus-11"]


def test_a_name_followed_by_an_appositive_that_calls_it_an_exercise() -> None:
    hits = find_names("Less noticed was Silver Kestrel, the bilateral exercise between the two air forces.")
    assert [h.name for h in hits] == ["Silver Kestrel"]
    assert find_names("Darwin, the host city of the exercise, was busy.") == []
    assert find_names("According to the Joint Staff, the ships practised communication drills.") == []
    assert find_names("Earlier, the joint drills with Japan ended.") == []
    assert find_names("Nonetheless, the joint exercise, held in June, went ahead.") == []


def test_origin_years_are_not_the_exercise_year() -> None:
    assert explicit_year("Initiated in 1995, the drill between the two navies was named        in 2003 and grew.") is None
    assert explicit_year("The exercise, which began as a small army drill known as             in 2010, has grown.") is None
    assert explicit_year("The allies first held Sea Lotus in 2012.") is None
    assert explicit_year("The exercise was held in 2019 off Crete.") == 2019


def test_an_origin_year_does_not_take_over_the_current_edition() -> None:
    text = ("Island Wire\n\n"
            "Fiji and Tonga on Monday opened Reef Anchor, their annual army exercise, near Suva.\n"
            "The exercise, which began as a small drill known as Reef Anchor in 2011, has grown every year.\n")
    xs = _exercises(text)
    assert [x.year for x in xs if x.name and x.name.startswith("Reef Anchor")] == [2027]


def test_a_two_digit_suffix_is_an_edition_number_when_the_text_counts_editions() -> None:
    text = ("Sea Desk\n\n"
            "Cyprus and Malta began the 12th edition of the joint exercise Sea Lotus on Monday off Limassol.\n"
            "The drill, Sea Lotus-12, runs until Friday.\n"
            "Last year's edition took place around Gozo. That drill, Sea Lotus-11, drew some 900 troops from both countries.\n")
    xs = _by_name(text)
    assert xs["Sea Lotus-12"].year == 2027
    assert xs["Sea Lotus-11"].year == 2026 and "Gozo" in xs["Sea Lotus-11"].locations
    assert "Gozo" not in xs["Sea Lotus-12"].locations


def test_a_past_edition_given_as_last_years_keeps_its_year_and_its_own_mentions() -> None:
    text = ("Atlantic Desk\n\n"
            "UNITAS LXVIII opened on Monday in Callao, hosted by Peru.\n"
            "Last year's edition, UNITAS LXVII, was hosted by Ecuador in Manta.\n"
            "UNITAS is the oldest multinational naval exercise in the hemisphere, and Peru hopes to host it again.\n")
    xs = _by_name(text)
    assert xs["UNITAS LXVII"].year == 2026 and xs["UNITAS LXVIII"].year == 2027
    assert len(xs["UNITAS LXVIII"].mentions) == 2  # the bare mention is this year's edition, not last year's


def test_an_unnamed_edition_of_last_year_with_a_place() -> None:
    text = ("Air Desk\n\n"
            "Kenya and Tanzania began the joint exercise Savanna Hawk-2027 on Monday over Kenya.\n"
            "Last year's edition took place at Arusha in northern Tanzania.\n")
    xs = _exercises(text)
    past = [x for x in xs if x.name is None]
    assert len(past) == 1 and past[0].year == 2026 and "Arusha" in past[0].locations


def test_an_edition_named_by_number_and_by_year_is_one_exercise() -> None:
    text = ("Pacific Desk\n\n"
            "The harbour phase of the multinational exercise UNITAS LXVIII ended on Monday in Callao.\n"
            "UNITAS 2027 gathers 20 ships and 3,000 personnel from 15 nations.\n")
    xs = _exercises(text)
    assert len([x for x in xs if x.name]) == 1


def test_an_exercise_phrase_set_off_before_a_name_is_that_exercise() -> None:
    text = ("Harbour Wire\n\n"
            "In March the navy held its first bilateral exercise with Fiji, Reef Guard-2027, off Suva.\n")
    xs = _exercises(text)
    assert [x.name for x in xs] == ["Reef Guard-2027"]


def test_a_series_renamed_for_one_edition_is_that_edition() -> None:
    text = ("Northern Desk\n\n"
            "Exercise Frost Shield 2027 began on Monday in Lapland with 9,000 troops.\n"
            "Frost Shield, held every two years since 2005, was last staged in 2025, when it was renamed Polar Shield 2025 for that edition.\n")
    names = sorted(x.name for x in _exercises(text) if x.name)
    assert names == ["Exercise Frost Shield 2027", "Polar Shield 2025"]


def test_a_past_umbrella_series_named_as_context_is_no_exercise() -> None:
    text = ("Northern Desk\n\n"
            "Exercise Frost Shield 2027 began on Monday in Lapland with 9,000 troops.\n"
            "In 2025 it was part of NATO's Steadfast Defender 2025 series.\n")
    assert not any(x.name and x.name.startswith("Steadfast") for x in _exercises(text))


def test_a_standing_operation_counts_only_with_patrols_held() -> None:
    held = ("Baltic Desk\n\nNATO's Baltic Sentry mission continues in the Baltic Sea, where frigates have been conducting "
            "joint patrols since January 2026 to protect cables.\n")
    xs = _by_name(held)
    assert xs["Baltic Sentry"].year == 2026 and "Baltic Sea" in xs["Baltic Sentry"].locations
    named = "Baltic Desk\n\nNATO launched its Baltic Sentry mission in January after cables were cut in the Baltic Sea.\n"
    assert "Baltic Sentry" not in _by_name(named)


def test_an_exercise_used_as_a_point_in_time_does_not_own_the_sentence() -> None:
    text = ("South Atlantic Desk\n\n"
            "UNITAS LXVIII opened on Monday in Callao, hosted by Peru.\n"
            "After UNITAS, the Chilean and Peruvian navies will hold their bilateral exercise Pacific Condor III in June off Arica.\n")
    xs = _by_name(text)
    assert set(xs["Pacific Condor III"].participants) == {"Chile", "Peru"}


def test_next_and_last_year_next_to_a_yearless_name() -> None:
    text = ("Defence Desk\n\n"
            "Ministers welcomed Japan's plan to send fighters to Australia for Exercise Pitch Black next year.\n")
    assert _by_name(text)["Exercise Pitch Black"].year == 2028


def test_a_subject_that_stayed_away_in_a_later_clause_is_no_participant() -> None:
    _, neg, _, _ = roles("Norway, which took part in 2019 before being dropped in 2021, was again absent.", explicit=True)
    assert neg == {"Norway"}
    p, neg, _, _ = roles("Russia held drills while its neighbours did not take part.", explicit=True)
    assert p == ["Russia"] and neg == set()


def test_without_before_a_verb_negates_no_country() -> None:
    _, neg, _, _ = roles("It wants to be seen alongside Tehran without being bound to Tehran.", explicit=True)
    assert neg == set()
    _, neg, _, _ = roles("The drills went ahead without the United States.", explicit=True)
    assert neg == {"United States"}


def test_observers_are_the_countries_listed_after_observers_from() -> None:
    _, _, obs, _ = roles("Observers from Oman, Qatar and Iraq were invited to watch from the Iranian frigate Example.", explicit=True)
    assert obs == {"Oman", "Qatar", "Iraq"}


def test_more_facility_and_region_shapes_are_places() -> None:
    names = {n for _, _, n in place_spans("Troops gathered at the Anwar Salem Military Base near the coast.")}
    assert "Anwar Salem Military Base" in names
    names = {n for _, _, n in place_spans("The drill was held in the Ajar Autonomous Republic in June.")}
    assert "Ajar Autonomous Republic" in names
    names = {n for _, _, n in place_spans("Ships patrolled the Campos Basin and the coast.")}
    assert "Campos Basin" in names
    names = {n for _, _, n in place_spans("The ceremony was held at the Porto de Galinhas Naval Base on Monday.")}
    assert "Porto de Galinhas Naval Base" in names


def test_a_past_observer_that_is_not_attending_is_neither_observer_nor_participant() -> None:
    p, neg, obs, _ = roles("Chile, which took part as an observer in 2024, is not attending this year, Peruvian officials said.",
                           explicit=True)
    assert neg == {"Chile"} and obs == set()
    _, neg, _, _ = roles("Canada isn't taking part this year.", explicit=True)
    assert neg == {"Canada"}


def test_a_dated_mention_outweighs_a_last_year_nearby() -> None:
    text = ("Island Wire\n\n"
            "Exercise Reef Anchor began on Monday near Suva with troops from Fiji and Tonga.\n"
            "Last year, Reef Anchor was held near Nadi.\n")
    xs = [x for x in _exercises(text) if x.name and "Reef Anchor" in x.name]
    assert [x.year for x in xs] == [2027]


def test_rather_than_observers_is_no_observer() -> None:
    p, _, obs, _ = roles("Korea's participation marks the first time its marines have taken part as full participants rather than "
                         "observers.", explicit=False)
    assert obs == set() and p == ["South Korea"]
