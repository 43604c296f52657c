import pytest

from pipeline.ingest.layout import join_lines


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        (["perhekeskustoimintamal", "lia Vantaalle."], "perhekeskustoimintamallia Vantaalle."),
        (["Katri Kalske,", "raportointivas", "tuu: Timo"], "Katri Kalske, raportointivastuu: Timo"),
        (["Oppivelvollisuude", "n laajentamisen"], "Oppivelvollisuuden laajentamisen"),
        (["mielenterveysosaamist", "a opiskeluhuollossa"], "mielenterveysosaamista opiskeluhuollossa"),
        (["Tulevaisuuden sote-", "keskus -hankekauteen."], "Tulevaisuuden sote-keskus -hankekauteen."),
        (["Korona-", "avustuksella"], "Korona-avustuksella"),
        (["5 koulutusta kieli-", "ja kulttuuritietoisesta"], "5 koulutusta kieli- ja kulttuuritietoisesta"),
        (["vuosille 2023-", "2028."], "vuosille 2023-2028."),
        (["määrä 1.1.-", "31.12.2021 on 194"], "määrä 1.1.-31.12.2021 on 194"),
        (["Keskeyttämisestä kohtaamiseen -", "hankkeeseen"], "Keskeyttämisestä kohtaamiseen -hankkeeseen"),
        # Both pieces are words of their own: left apart, as the report wrote them.
        (["Vantaan perhekeskussuunnittelu", "ryhmä työstänyt"], "Vantaan perhekeskussuunnittelu ryhmä työstänyt"),
        (["on kontaktoitu", "kahdeksan"], "on kontaktoitu kahdeksan"),
    ],
)
def test_join_lines_repairs_layout_breaks(voikko, lines, text):
    assert join_lines(lines) == text
