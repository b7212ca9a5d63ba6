"""Readability measures of parent parts (sentence length, Flesch-Douma)."""

from gehecht.content.readability import count_syllables, measure_text


def test_short_sentences_score_easier_than_long_ones():
    easy = measure_text("Het kind huilt. De moeder troost. Het wordt weer rustig.")
    hard = measure_text("Wanneer een kind met een onveilige gehechtheidsrepresentatie geconfronteerd wordt met "
                        "onvoorspelbare interactiepatronen, ontstaan regulatieproblemen die langdurig aanhouden.")
    assert easy.avg_sentence_length < hard.avg_sentence_length
    assert easy.flesch_douma > hard.flesch_douma


def test_dutch_syllables_count_vowel_groups():
    assert count_syllables("kind") == 1
    assert count_syllables("moeder") == 2
    assert count_syllables("gehechtheid") == 3
    assert count_syllables("blijven") == 2
