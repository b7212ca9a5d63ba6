"""Hypothesis strategies for intakes (contract §3)."""

from __future__ import annotations

from hypothesis import strategies as st

from gehecht.content.vocabulary import CONTEXTS, FAMILY, HISTORY, REGIONS, ROLES, SIGNALS

TEXTS = ("", "Ze wil de hele dag aandacht maar blijft nooit op schoot.", "Hij slaat andere kinderen.",
         "Zijn vader slaat hem nog steeds.", "Ze zegt dat ze dood wil.", "Hij is erg eenkennig.",
         "Ze snijdt in haar armen.", "Hij heeft een verstandelijke beperking.", "Wil niet meer naar school.")


def subsets(values: tuple[str, ...], max_size: int = 6) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), max_size=max_size, unique=True)


intakes = st.fixed_dictionaries({
    "rol": st.sampled_from(ROLES),
    "regio": st.sampled_from(REGIONS),
    "leeftijd_maanden": st.integers(min_value=0, max_value=216),
    "gezin": subsets(FAMILY, 3),
    "geschiedenis": subsets(HISTORY, 4),
    "signalen": subsets(SIGNALS, 7),
    "contexten": subsets(CONTEXTS, 4),
    "toelichting": st.sampled_from(TEXTS),
})
