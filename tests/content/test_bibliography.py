"""APA 7 rendering of references."""

from gehecht.content.bibliography import format_apa
from gehecht.content.models import Reference


def test_journal_article_in_apa_style():
    ref = Reference(key="x", kind="artikel", authors=["van IJzendoorn, M. H.", "Kroonenberg, P. M."], year="1988",
                    title="Cross-cultural patterns of attachment", journal="Child Development", volume="59",
                    issue="1", pages="147-156", doi="10.2307/1130396")
    assert format_apa(ref) == ("van IJzendoorn, M. H., & Kroonenberg, P. M. (1988). Cross-cultural patterns of "
                               "attachment. Child Development, 59(1), 147-156. https://doi.org/10.2307/1130396")


def test_book_title_is_italic_in_html():
    ref = Reference(key="b", kind="boek", authors=["Bowlby, J."], year="1988", title="A secure base",
                    publisher="Basic Books")
    html = format_apa(ref, html=True)
    assert "<i>A secure base</i>" in html and "Basic Books." in html
