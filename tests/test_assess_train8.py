"""Short writer judgements, verbs of opinion, the paper's own view and spokespeople's reported demands (invented sentences)."""
from briefings.extract.assessments import judge


def _is(text: str, anchors: int = 0) -> bool:
    """Whether `text` (holding `anchors` facts) reads as an assessment."""
    return judge(text, None, anchors).is_assessment


def test_doubt_about_a_consensus_is_a_judgement():
    assert _is("Not everybody is convinced.")
    assert _is("Few of the island's fishermen share the optimism.", 1)
    assert _is("Not everyone agrees.")
    assert not _is("Not everybody came to the ceremony.")


def test_seeing_a_pattern_or_counting_costs_is_a_judgement():
    assert _is("Moana sees a pattern.", 1)
    assert _is("But speed has its costs.")
    assert not _is("Moana sees a doctor.", 1)


def test_that_would_be_a_mistake_is_a_judgement():
    assert _is("This would be a mistake.")
    assert not _is("This would be a Tuesday.")


def test_weighing_up_on_balance_is_a_judgement():
    assert _is("The new rotation is, on balance, a good thing for the smaller navies and their crews.", 0)
    assert not _is("The new rotation brings four frigates and their crews to the port.", 0)


def test_a_verb_of_opinion_with_a_that_clause_is_a_judgement():
    assert _is("Okafor also considers that the new harbour makes the drills more useful than before.", 3)
    assert _is("Several retired officers believe that the funding will not last.", 0)
    assert not _is("Okafor also considers the new harbour plans in a report due in May.", 3)


def test_the_papers_own_view_is_a_judgement():
    assert _is("It is the opinion of this newspaper that the programme is worth every peso.", 1)
    assert _is("This newspaper believes the fleet is too small for its tasks.", 0)


def test_looked_less_like_is_a_judgement_in_the_past_tense_too():
    assert _is("By the last day the drill looked less like a war game than a village fete.", 1)


def test_a_signal_with_two_adjectives_is_a_judgement():
    assert _is("Our reporter Ana Vidal notes that the cut is a clear political signal to the north.", 3)


def test_a_quoted_verdict_from_someone_at_a_research_body_is_a_judgement():
    t = 'Jon Berg of the Nordic Policy Forum tells us the flights were "almost certainly timed to the vote".'
    assert _is(t, 3)
    # the same quoted words from a ministry stay reported speech
    assert not _is('The ministry said the flights were "almost certainly timed to the vote".', 3)


def test_a_spokespersons_demand_is_reported_speech():
    t = 'The foreign ministry spokeswoman Ana Reyes said outside powers should not "meddle" in the strait.'
    assert not _is(t, 4)
    # the same demand voiced by the writer is a judgement
    assert _is("Outside powers should not meddle in the strait.", 1)


def test_an_estimative_term_ranks_a_judgement_higher():
    likely = judge("The drills are likely to grow next year, whatever the budget says.", None, 0)
    plain = judge("The drills are a symbol of the new partnership, whatever the budget says.", None, 0)
    assert likely.is_assessment and plain.is_assessment
    assert likely.strength > plain.strength


def test_what_an_exercise_has_grown_into_is_a_judgement():
    assert _is("Started in 1998 as a port visit, the drill has since evolved into a pillar of the two navies' ties.", 3)
    assert not _is("Started in 1998 as a port visit, the drill has since moved to the northern coast.", 3)


def _rank(text: str) -> dict:
    """The claim-ranking features of `text` (third paragraph, second sentence, one exercise mention)."""
    from briefings.extract.claims import features
    from briefings.extract.ranking import claim_features
    return claim_features(text, features(text, 2026), 3, 1, 1, 0.0, False)


def test_a_fresh_reaction_to_the_drills_ranks_as_news_but_a_habitual_one_does_not():
    assert _rank("The neighbouring government condemned the drills on Sunday as a provocation.")["reaction"] == 1.0
    assert _rank("The neighbouring government has long condemned the drills as a provocation.")["reaction"] == 0.0
    assert _rank("The landing craft reached the beach on Sunday.")["reaction"] == 0.0


def test_a_scene_setting_lede_ranks_lower():
    assert _rank("On a wet afternoon in June, two patrol boats nosed out of the harbour past the breakwater.")["scene"] == 1.0
    assert _rank("On Monday, two patrol boats left the harbour for the exercise area.")["scene"] == 0.0


def test_a_verdict_of_success_or_display_is_a_judgement():
    assert _is('Admiral Ana Costa said the drill had "successfully demonstrated the fleet\'s reach across two oceans."', 5)
    assert _is('Ambassador Lena Hart said the patrols would be "a demonstration of the strength of the partnership."', 2)
    assert not _is('Admiral Ana Costa said the drill had "ended on schedule with all ships back in port."', 5)


def test_what_a_drill_is_really_about_is_a_judgement_but_about_a_number_is_not():
    assert _is("Five years ago it was mostly about search and rescue; now it is openly about deterrence.", 0)
    assert not _is("The convoy was now about 40 kilometres from the border.", 1)


def test_demonstrating_a_growing_bond_is_a_judgement():
    assert _is("The landing demonstrates the growing trust between the two marine corps.", 0)
    assert not _is("The landing demonstrates a new hovercraft to the visiting officers.", 0)


def test_a_capital_reading_an_event_as_something_is_a_judgement():
    assert _is("Hanoi will read a patrol stretching along three coastlines in a single week as proof of a new alignment.", 2)


def test_a_judgement_with_no_cue_ranks_below_one_with_a_cue():
    bare = judge("The scene was familiar.", None, 0)  # only short, unanchored and evaluative in form
    cued = judge("The plan was a reminder of old habits.", None, 0)
    writer = judge("Troops land, dig in and leave.", "author", 0)  # an opinion writer's line with no cue
    assert bare.is_assessment and cued.is_assessment and writer.is_assessment
    assert bare.strength < cued.strength and writer.strength < cued.strength


def test_an_officials_own_evaluation_ranks_below_the_writers():
    official = judge("Rear Admiral Ines Moro told reporters that the drill was a reminder of old habits.", None, 0)
    writer = judge("The drill was a reminder of old habits.", None, 0)
    assert official.is_assessment and writer.is_assessment
    assert official.strength < writer.strength


def test_proof_that_and_an_end_to_pretending_are_judgements():
    assert _is('Captain Rui Sol said the voyage was "proof that small navies can still reach far."', 3)
    assert _is("The capital can no longer pretend its islands defend themselves.", 1)
    assert not _is("The capital sent its islands two new patrol boats.", 1)


def test_an_officials_quoted_words_at_a_ceremony_rank_lower():
    t = 'General Ana Brito told the opening ceremony that the drill showed "the lasting bond between our peoples".'
    assert _rank(t)["ceremony"] == 1.0
    assert _rank('General Ana Brito told reporters that "four ships and 900 sailors" had joined the drill.')["ceremony"] == 0.0
    assert _rank("The drill began with an opening ceremony at the naval base on Monday.")["ceremony"] == 0.0


def test_a_self_image_or_its_denial_is_a_judgement():
    assert _is("Hosting the fleet lets the island present itself as a hub of the region, not a bystander.", 1)
    assert _is("On paper the drill is routine, but the date makes it anything but.", 0)
    assert not _is("Hosting the fleet lets the island repair its old pier.", 1)


def test_a_question_or_a_reported_source_ranks_below_a_plain_judgement():
    plain = judge("The drill was a reminder of old habits.", None, 0)
    asked = judge("Was the drill a reminder of old habits?", None, 0)
    sourced = judge("The drill was a reminder of old habits, according to the organisers.", None, 0)
    assert plain.is_assessment and asked.is_assessment and sourced.is_assessment
    assert asked.strength < plain.strength and sourced.strength < plain.strength


def test_timing_context_and_signposts_rank_as_context():
    assert _rank("The drill comes weeks after the two capitals settled a fishing dispute.")["context"] == 1.0
    assert _rank("The island had previously sent only two officers as observers.")["context"] == 1.0
    assert _rank("More on the landings from the navy's press office.")["context"] == 1.0
    assert _rank("The drill began on Monday with 1,200 sailors from five navies.")["context"] == 0.0


def test_a_short_report_of_an_event_with_no_cue_stays_a_fact():
    assert not _is("Two coastal states sent observers.")
    assert not judge("Three navies took part this time.", "author", 0).is_assessment  # an opinion writer's factual line
    assert judge("The patrols were impressive.", "author", 0).is_assessment


def test_a_cued_judgement_about_an_event_stays_a_judgement():
    assert _is("The two navies probably sent observers to test the waters.", 0)


def test_an_institutions_view_with_a_that_clause_stays_reported():
    assert not _is("The defence ministry considers that the drills met all their goals.", 1)


def test_a_very_short_line_with_no_cue_ranks_lowest():
    tiny = judge("Crews come and go.", "author", 0)  # a very short line of an opinion writer
    longer = judge("The rules the crews follow at sea have barely changed in years.", "author", 0)
    assert tiny.is_assessment and longer.is_assessment
    assert tiny.strength < longer.strength
