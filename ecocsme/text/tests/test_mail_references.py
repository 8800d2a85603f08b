"""How people point at a question: labels around its number and references in words, in the
platform's eight languages, and what is not a reference."""

import pytest

from ecocsme.text.mail.references import label_match, number_reference, ordinal_reference, says_skipped


@pytest.mark.parametrize(("line", "number", "rest"), [
    ("Zu 1.: Über die Kammern", "1", "Über die Kammern"),
    ("Ad 2) yes", "2", "yes"),
    ("Na pitanje 3: da", "3", "da"),
    ("Į 4 klausimą: taip", "4", "taip"),
    ("Kysymys 5: joo", "5", "joo"),
    ("Vraag 6 — ja", "6", "ja"),
    ("Răspuns la 7: da", "7", "da"),
    ("Risposta alla domanda 2: sì", "2", "sì"),
    ("Antwort auf 4: Kooperation", "4", "Kooperation"),
    ("Pitanje br. 4 - Zajednički", "4", "Zajednički"),
    ("3. pitanje: djelomično", "3", "djelomično"),
    ("5. kysymykseen: kyllä", "5", "kyllä"),
    ("2-as: insta", "2", "insta"),
    ("1° Con video brevi", "1", "Con video brevi"),
    ("III. Radio", "3", "Radio"),
    ("(5) Mapiranjem", "5", "Mapiranjem"),
    ("#5 go to the studios", "5", "go to the studios"),
    ("Q3 radio", "3", "radio"),
])
def test_labels_in_every_language(line, number, rest):
    found = label_match(line)
    assert found is not None and found.number == number and found.rest.strip() == rest


@pytest.mark.parametrize("line", ["2020 was a good year", "la 3 ani după", "a 3 ani", "zu 3 Punkten",
                                  "I think so.", "a) radio", "IV Mercatini"])
def test_what_is_not_a_label(line):
    assert label_match(line) is None


@pytest.mark.parametrize(("line", "number", "rest"), [
    ("la prima întrebare: radio", "1", "radio"),
    ("Regarding the second question, we would use radio.", "2", "we would use radio."),
    ("Zur dritten Frage: Netzwerke", "3", "Netzwerke"),
    ("Quanto alla quarta, direi di no.", "4", "direi di no."),
    ("Što se tiče pete, ne znam.", "5", "ne znam."),
    ("Wat betreft de zesde vraag: geen idee", "6", "geen idee"),
    ("Dėl septinto klausimo – nežinau", "7", "nežinau"),
    ("Kolmanteen kysymykseen: tapahtumat", "3", "tapahtumat"),
    ("Toisesta kysymyksestä: verkostot", "2", "verkostot"),
    ("nelonen: kahvilat", "4", "kahvilat"),
    ("As for the last question, no.", "7", "no."),
    ("Was die vierte Frage betrifft, so denke ich", "4", "so denke ich"),
    ("Question five: yes", "5", "yes"),
    ("La întrebarea a doua, răspunsul e da", "2", "răspunsul e da"),
    ("Na drugo pitanje odgovaram potvrdno.", "2", "odgovaram potvrdno."),
    ("In merito all'ultima domanda, servono tempi certi.", "7", "servono tempi certi."),
    ("Hoi! de tweede vraag: instagram", "2", "instagram"),
    ("the 3rd one: most dont", "3", "most dont"),
])
def test_references_in_words(line, number, rest):
    found = ordinal_reference(line, 7)
    assert found is not None and found.number == number and found.rest == rest


@pytest.mark.parametrize("line", ["Prima, bisogna capire", "At first, we tried", "In primo luogo, serve",
                                  "Drugi problem je novac", "First one, then the other",
                                  "the eighth question is missing"])
def test_what_is_not_a_reference_in_words(line):
    assert ordinal_reference(line, 7) is None


def test_numbers_in_a_sentence():
    assert number_reference("La 6 nu am idee.", 7).rest == "nu am idee."
    assert number_reference("Și la 2 completez: LinkedIn", 7).rest == "LinkedIn"
    assert number_reference("Za 5 i 7 nemam ideju.", 7).lead == "remark"
    assert number_reference("La 9 ani", 7) is None and number_reference("Avem 3 angajați", 7) is None


def test_a_skipped_question_is_not_an_answer():
    assert says_skipped("lasse ich aus") and says_skipped("skip") and not says_skipped("Radio and TV")


def test_an_answer_put_off_in_words_is_not_an_answer():
    from ecocsme.text.mail import parse_reply

    questions = {"1": "How can we reach SMEs?", "2": "What channels can be used?"}
    raw = (b"From: a@example.org\nSubject: Re: lab\n\nTo the first question I will reply next week.\n\n"
           b"To the second: I will answer later, I need to ask my boss.\n")
    reply = parse_reply(raw, questions)
    assert reply.answers == {} and not reply.is_answer
