import pytest

from ecocsme.text.zones import zone_name


@pytest.mark.parametrize(("language", "name"), [
    ("en", "Eastern European Time"), ("ro", "ora Europei de Est"), ("it", "ora dell’Europa orientale"),
    ("de", "Osteuropäische Zeit"), ("nl", "Oost-Europese tijd"), ("hr", "istočnoeuropsko vrijeme"),
    ("lt", "rytų Europos laikas"), ("fi", "itä-Euroopan aika"),
])
def test_a_zone_is_named_as_each_language_names_it(language, name):
    assert zone_name("Europe/Bucharest", language) == name


def test_an_unknown_zone_keeps_its_identifier():
    assert zone_name("Etc/Unknown-Zone", "ro") == "Etc/Unknown-Zone"
