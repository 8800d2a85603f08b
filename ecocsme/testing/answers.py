# ruff: noqa: E501 - one example answer a line
"""Example answers for the theme finder and the stored synthesis: three ideas, each written in
six languages (labs' tests and the text engine's tests share them)."""

# (idea, language, text)
TRANSLATED = [
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
