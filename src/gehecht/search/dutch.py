"""Dutch function words that carry no meaning for retrieval (queries are full sentences)."""

STOPWORDS = frozenset("""
aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in
is ja je jij jou jouw kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of
om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat
we wel werd wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zonder zou zouden
hoe wat waarom wanneer welke waar kun kunt mag mogen moeten jullie hen hun haar heel erg echt
the a an of to in is are and or for with my his her how what why when does do on at be as by it this that
""".split())
