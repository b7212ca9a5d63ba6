"""Free-text phrases in the rules: words in a row, prefixes, gaps within one sentence, no accents."""

import pytest

from gehecht.guide.rules import Phrase, sentences


@pytest.mark.parametrize(("phrase", "text", "hit"), [
    ("dood willen", "Ze zegt dat ze dood willen ... nee, dood wil.", True),
    ("dood willen", "Ze wil dood.", False),
    ("snijd*", "Hij snijdt zichzelf.", True),
    ("snijd*", "Ze snoept veel.", False),
    ("vader ... slaat", "Zijn vader is vaak boos en slaat hem dan.", True),
    ("vader ... slaat", "Zijn vader is weg. Hij slaat andere kinderen.", False),
    ("slaat ... vader", "Zijn vader slaat hem.", False),
    ("suicid*", "Ze had het over suïcide.", True),
    ("eenkennig*", "EENKENNIG bij oma!", True),
])
def test_phrase_matching(phrase, text, hit):
    assert Phrase.parse(phrase).matches(sentences(text)) is hit
