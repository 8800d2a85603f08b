#!/usr/bin/env python3
"""Build the held-out e-mail reply corpus (invented example data only).

Run `python3 build_heldout.py`: it rewrites every file in this folder deterministically, then
re-reads what it wrote and checks it (exit status 1 on the first failed check).
Standard library only.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import quopri
import random
import re
import sys
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy
from email.header import Header
from email.utils import formataddr, format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV_CORPUS = HERE.parent / "replies"
LANGS = ["ro", "en", "it", "nl", "hr", "lt", "de", "fi"]
CATEGORIES = ["forwarded", "bottom_posted", "local_labels", "ordinal_prose", "split",
              "non_answer", "classic"]
PHONE_CLIENTS = {"iphone_mail", "gmail_android", "samsung_email"}

# ---------------------------------------------------------------------------------------------
# Dates in each language
# ---------------------------------------------------------------------------------------------

TZ = {lang: timezone(timedelta(hours=2 if lang in ("ro", "lt", "fi") else 1)) for lang in LANGS}
TZ_NAME = {"ro": "EET", "lt": "EET", "fi": "EET", "en": "GMT", "it": "CET", "nl": "CET",
           "hr": "CET", "de": "CET"}
TZ["en"] = timezone(timedelta(hours=0))

WEEKDAY = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
    "ro": "luni marți miercuri joi vineri sâmbătă duminică".split(),
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica".split(),
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split(),
    "hr": "ponedjeljak utorak srijeda četvrtak petak subota nedjelja".split(),
    "lt": "pirmadienis antradienis trečiadienis ketvirtadienis penktadienis šeštadienis "
          "sekmadienis".split(),
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split(),
    "fi": "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai".split(),
}
WEEKDAY_ABBR = {
    "en": "Mon Tue Wed Thu Fri Sat Sun".split(),
    "ro": "lun. mar. mie. joi vin. sâm. dum.".split(),
    "it": "lun mar mer gio ven sab dom".split(),
    "nl": "ma di wo do vr za zo".split(),
    "hr": "pon uto sri čet pet sub ned".split(),
    "lt": "pr an tr kt pn št sk".split(),
    "de": "Mo. Di. Mi. Do. Fr. Sa. So.".split(),
    "fi": "ma ti ke to pe la su".split(),
}
MONTH = {  # the form used after a day number
    "en": "January February March April May June July August September October November "
          "December".split(),
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie "
          "noiembrie decembrie".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
          "dicembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november "
          "december".split(),
    "hr": "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada "
          "studenoga prosinca".split(),
    "lt": "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio "
          "lapkričio gruodžio".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November "
          "Dezember".split(),
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta "
          "elokuuta syyskuuta lokakuuta marraskuuta joulukuuta".split(),
}
MONTH_ABBR = {  # as Gmail writes them
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec".split(),
    "ro": "ian. feb. mar. apr. mai iun. iul. aug. sept. oct. nov. dec.".split(),
    "it": "gen feb mar apr mag giu lug ago set ott nov dic".split(),
    "nl": "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.".split(),
    "hr": "sij velj ožu tra svi lip srp kol ruj lis stu pro".split(),
    "lt": [""] * 12,
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.".split(),
    "fi": "tammik. helmik. maalisk. huhtik. toukok. kesäk. heinäk. elok. syysk. lokak. "
          "marrask. jouluk.".split(),
}


def hm(d: datetime, lang: str) -> str:
    return f"{d.hour}.{d.minute:02d}" if lang == "fi" else f"{d.hour:02d}:{d.minute:02d}"


def gmail_date(d: datetime, lang: str) -> str:
    """The date as Gmail's web client prints it in attributions and forward headers."""
    wd, mo, t = WEEKDAY_ABBR[lang][d.weekday()], MONTH_ABBR[lang][d.month - 1], hm(d, lang)
    return {
        "en": f"{wd}, {d.day} {mo} {d.year} at {t}",
        "ro": f"{wd}, {d.day} {mo} {d.year} la {t}",
        "it": f"{wd} {d.day} {mo} {d.year} alle ore {t}",
        "nl": f"{wd} {d.day} {mo} {d.year} om {t}",
        "hr": f"{wd}, {d.day}. {mo} {d.year}. u {t}",
        "lt": f"{d:%Y-%m-%d}, {wd}, {t}",
        "de": f"{wd}, {d.day}. {mo} {d.year} um {t} Uhr",
        "fi": f"{wd} {d.day}. {mo} {d.year} klo {t}",
    }[lang]


def outlook_date(d: datetime, lang: str) -> str:
    """The 'Sent:' date of a desktop Outlook header block."""
    wd, mo, t = WEEKDAY[lang][d.weekday()], MONTH[lang][d.month - 1], hm(d, lang)
    return {
        "en": f"{wd}, {d.day} {mo} {d.year} {t}",
        "ro": f"{wd}, {d.day} {mo} {d.year} {t}",
        "it": f"{wd} {d.day} {mo} {d.year} {t}",
        "nl": f"{wd} {d.day} {mo} {d.year} {t}",
        "hr": f"{wd}, {d.day}. {mo} {d.year}. {t}",
        "lt": f"{d.year} m. {mo} {d.day} d. {t}",
        "de": f"{wd}, {d.day}. {mo} {d.year} {t}",
        "fi": f"{wd} {d.day}. {mo} {d.year} {t}",
    }[lang]


def numeric_date(d: datetime, lang: str) -> str:
    return {
        "en": f"{d:%d/%m/%Y}", "ro": f"{d:%d.%m.%Y}", "it": f"{d:%d/%m/%y}",
        "nl": f"{d:%d-%m-%Y}", "hr": f"{d.day}.{d.month}.{d.year}.", "lt": f"{d:%Y-%m-%d}",
        "de": f"{d:%d.%m.%y}", "fi": f"{d.day}.{d.month}.{d.year}",
    }[lang]


# ---------------------------------------------------------------------------------------------
# The two questionnaires and the invitations
# ---------------------------------------------------------------------------------------------

LAB2_MAILBOX = {"ro": "lab2@timisoara.example.org", "en": "consultations@platform.example.org",
                "it": "lab2@matera.example.org", "nl": "lab2@leeuwarden.example.org",
                "hr": "lab2@rijeka.example.org", "lt": "lab2@kaunas.example.org",
                "de": "lab2@chemnitz.example.org", "fi": "lab2@oulu.example.org"}
LAB4_MAILBOX = {lang: box.replace("lab2@", "legacy-lab@") for lang, box in LAB2_MAILBOX.items()}
LAB4_MAILBOX["en"] = "legacy-lab@platform.example.org"
SENDER_NAME = {"ro": "ECoC-SME Timișoara", "en": "ECoC-SME Platform", "it": "ECoC-SME Matera",
               "nl": "ECoC-SME Leeuwarden", "hr": "ECoC-SME Rijeka", "lt": "ECoC-SME Kaunas",
               "de": "ECoC-SME Chemnitz", "fi": "ECoC-SME Oulu"}
TEAM = {
    "ro": "Echipa proiectului ECoC-SME, Municipiul Timișoara (example)",
    "en": "The ECoC-SME project team, Municipality of Timișoara (example)",
    "it": "Il team del progetto ECoC-SME, Comune di Matera (example)",
    "nl": "Projectteam ECoC-SME, Gemeente Leeuwarden (example)",
    "hr": "Projektni tim ECoC-SME, Grad Rijeka (example)",
    "lt": "ECoC-SME projekto komanda, Kauno miesto savivaldybė (example)",
    "de": "Projektteam ECoC-SME, Stadt Chemnitz (example)",
    "fi": "ECoC-SME-projektitiimi, Oulun kaupunki (example)",
}
LAB4_TEAM = dict(TEAM, en="The ECoC-SME legacy team (example)")

LAB2_SUBJECT = {
    "en": "ECoC-SME Local Learning Lab 2: consultation on engaging SMEs and startups",
    "fi": "ECoC-SME Local Learning Lab 2: kysely pk-yritysten ja startupien osallistamisesta",
    "it": "ECoC-SME Local Learning Lab 2: consultazione sul coinvolgimento di PMI e startup",
    "de": "ECoC-SME Local Learning Lab 2: Befragung zur Einbindung von KMU und Start-ups",
    "nl": "ECoC-SME Local Learning Lab 2: raadpleging over de betrokkenheid van mkb en startups",
    "hr": "ECoC-SME Local Learning Lab 2: savjetovanje o uključivanju MSP-ova i startupa",
    "ro": "ECoC-SME Local Learning Lab 2: consultare privind implicarea IMM-urilor și "
          "startup-urilor",
    "lt": "ECoC-SME Local Learning Lab 2: konsultacija dėl MVĮ ir startuolių įtraukimo",
}
LAB4_SUBJECT = {
    "en": "ECoC-SME Local Learning Lab 4: funding and skills of creative SMEs for the legacy",
    "ro": "ECoC-SME Local Learning Lab 4: finanțare și competențe pentru IMM-urile creative",
    "it": "ECoC-SME Local Learning Lab 4: finanziamenti e competenze delle PMI creative",
    "nl": "ECoC-SME Local Learning Lab 4: financiering en vaardigheden van creatieve mkb'ers",
    "hr": "ECoC-SME Local Learning Lab 4: financiranje i vještine kreativnih MSP-ova",
    "lt": "ECoC-SME Local Learning Lab 4: kūrybinių MVĮ finansavimas ir įgūdžiai",
    "de": "ECoC-SME Local Learning Lab 4: Finanzierung und Kompetenzen kreativer KMU",
    "fi": "ECoC-SME Local Learning Lab 4: luovien pk-yritysten rahoitus ja osaaminen",
}

QUESTIONS2 = {
    "en": [
        "Which sources of funding has your organisation used for cultural or creative projects "
        "since the ECoC year?",
        "What kind of financial support would help creative SMEs most in the legacy years "
        "(grants, loans, vouchers, crowdfunding, other)?",
        "Which skills are most lacking in your team or in the creative businesses you work with?",
        "Which training formats would you actually attend (length, place, language, online or "
        "in person)?",
        "How could the ECoC legacy organisation and local businesses share the costs of joint "
        "projects?",
        "What is the one thing the city should keep from the ECoC year for creative SMEs?",
    ],
    "ro": [
        "Ce surse de finanțare a folosit organizația dumneavoastră pentru proiecte culturale sau "
        "creative după anul Capitalei Europene a Culturii?",
        "Ce tip de sprijin financiar ar ajuta cel mai mult IMM-urile creative în anii de "
        "moștenire (granturi, împrumuturi, vouchere, crowdfunding, altele)?",
        "Ce competențe lipsesc cel mai mult echipei dumneavoastră sau firmelor creative cu care "
        "lucrați?",
        "La ce formate de instruire ați participa cu adevărat (durată, loc, limbă, online sau "
        "față în față)?",
        "Cum ar putea structura de moștenire a CEaC și firmele locale să împartă costurile "
        "proiectelor comune?",
        "Care este lucrul pe care orașul ar trebui să-l păstreze din anul CEaC pentru IMM-urile "
        "creative?",
    ],
    "it": [
        "Quali fonti di finanziamento ha utilizzato la Sua organizzazione per progetti culturali "
        "o creativi dopo l'anno della Capitale Europea della Cultura?",
        "Quale tipo di sostegno finanziario aiuterebbe di più le PMI creative negli anni "
        "dell'eredità (contributi, prestiti, voucher, crowdfunding, altro)?",
        "Quali competenze mancano di più nel Suo team o nelle imprese creative con cui lavora?",
        "A quali formati di formazione parteciperebbe davvero (durata, luogo, lingua, online o "
        "in presenza)?",
        "Come potrebbero l'organizzazione dell'eredità della Capitale e le imprese locali "
        "condividere i costi dei progetti comuni?",
        "Qual è l'unica cosa che la città dovrebbe conservare dell'anno della Capitale per le "
        "PMI creative?",
    ],
    "nl": [
        "Welke financieringsbronnen heeft uw organisatie sinds het jaar van de Culturele "
        "Hoofdstad gebruikt voor culturele of creatieve projecten?",
        "Welke financiële steun zou creatieve mkb-bedrijven in de legacy-jaren het meest helpen "
        "(subsidies, leningen, vouchers, crowdfunding, anders)?",
        "Welke vaardigheden ontbreken het meest in uw team of bij de creatieve bedrijven waarmee "
        "u werkt?",
        "Aan welke vormen van training zou u echt deelnemen (duur, plaats, taal, online of "
        "fysiek)?",
        "Hoe zouden de legacy-organisatie van de Culturele Hoofdstad en lokale bedrijven de "
        "kosten van gezamenlijke projecten kunnen delen?",
        "Wat is het ene dat de stad van het jaar van de Culturele Hoofdstad moet behouden voor "
        "creatieve mkb-bedrijven?",
    ],
    "hr": [
        "Koje je izvore financiranja Vaša organizacija koristila za kulturne ili kreativne "
        "projekte od godine Europske prijestolnice kulture?",
        "Koja bi vrsta financijske potpore najviše pomogla kreativnim MSP-ovima u godinama "
        "nasljeđa (bespovratna sredstva, zajmovi, vaučeri, skupno financiranje, ostalo)?",
        "Koje vještine najviše nedostaju Vašem timu ili kreativnim tvrtkama s kojima surađujete?",
        "Koje biste oblike edukacije zaista pohađali (trajanje, mjesto, jezik, online ili "
        "uživo)?",
        "Kako bi organizacija zadužena za nasljeđe EPK-a i lokalne tvrtke mogle dijeliti "
        "troškove zajedničkih projekata?",
        "Koju bi jednu stvar grad trebao zadržati iz godine EPK-a za kreativne MSP-ove?",
    ],
    "lt": [
        "Kokius finansavimo šaltinius jūsų organizacija naudojo kultūros ar kūrybiniams "
        "projektams po Europos kultūros sostinės metų?",
        "Kokia finansinė parama labiausiai padėtų kūrybinėms MVĮ palikimo metais (subsidijos, "
        "paskolos, čekiai, sutelktinis finansavimas, kita)?",
        "Kokių įgūdžių labiausiai trūksta jūsų komandai ar kūrybinėms įmonėms, su kuriomis "
        "dirbate?",
        "Kokiuose mokymuose iš tikrųjų dalyvautumėte (trukmė, vieta, kalba, nuotoliniu būdu ar "
        "gyvai)?",
        "Kaip Europos kultūros sostinės palikimą tęsianti organizacija ir vietos verslas galėtų "
        "pasidalyti bendrų projektų išlaidas?",
        "Ką vieną dalyką miestas turėtų išsaugoti iš Europos kultūros sostinės metų kūrybinėms "
        "MVĮ?",
    ],
    "de": [
        "Welche Finanzierungsquellen hat Ihre Organisation seit dem Kulturhauptstadtjahr für "
        "kulturelle oder kreative Projekte genutzt?",
        "Welche Art von finanzieller Unterstützung würde kreativen KMU in den Legacy-Jahren am "
        "meisten helfen (Zuschüsse, Darlehen, Gutscheine, Crowdfunding, Sonstiges)?",
        "Welche Kompetenzen fehlen in Ihrem Team oder in den Kreativbetrieben, mit denen Sie "
        "arbeiten, am meisten?",
        "An welchen Weiterbildungsformaten würden Sie tatsächlich teilnehmen (Dauer, Ort, "
        "Sprache, online oder in Präsenz)?",
        "Wie könnten die Legacy-Organisation der Kulturhauptstadt und lokale Unternehmen die "
        "Kosten gemeinsamer Projekte teilen?",
        "Was ist das eine, das die Stadt aus dem Kulturhauptstadtjahr für kreative KMU "
        "bewahren sollte?",
    ],
    "fi": [
        "Mitä rahoituslähteitä organisaationne on käyttänyt kulttuuri- tai luoviin hankkeisiin "
        "kulttuuripääkaupunkivuoden jälkeen?",
        "Millainen rahoitustuki auttaisi luovia pk-yrityksiä eniten perintövuosina (avustukset, "
        "lainat, setelit, joukkorahoitus, muu)?",
        "Mitä osaamista tiimistänne tai luovan alan yrityksistä, joiden kanssa teette työtä, "
        "puuttuu eniten?",
        "Mihin koulutusmuotoihin todella osallistuisitte (kesto, paikka, kieli, verkossa vai "
        "paikan päällä)?",
        "Miten kulttuuripääkaupungin perintöä jatkava organisaatio ja paikalliset yritykset "
        "voisivat jakaa yhteisten hankkeiden kustannukset?",
        "Mikä on se yksi asia, joka kaupungin pitäisi säilyttää kulttuuripääkaupunkivuodesta "
        "luovia pk-yrityksiä varten?",
    ],
}

INVITATION_TEXT = {  # (greeting, paragraph, link line, expiry line, thanks) per lab and language
    2: {
        "ro": ("Bună ziua, {name},",
               "Vă invităm să participați la consultarea organizată în cadrul proiectului ECoC-SME "
               "(Local Learning Lab 2). Tema acestei runde este implicarea IMM-urilor și a "
               "startup-urilor în cele trei etape ale Capitalei Europene a Culturii: pregătirea, "
               "anul evenimentului și anii de moștenire. Răspunsurile dumneavoastră vor fi "
               "folosite, în mod anonim, la formularea recomandărilor pentru planul de acțiune "
               "local. Puteți răspunde direct la acest e-mail sau folosind linkul personal de mai "
               "jos.",
               "Linkul dumneavoastră personal: {link}", "Linkul expiră la 30 noiembrie 2020.",
               "Vă mulțumim!"),
        "en": ("Dear {name},",
               "We would like to invite you to take part in the ECoC-SME consultation (Local "
               "Learning Lab 2). This round looks at how SMEs and startups can be engaged in the "
               "three stages of the European Capital of Culture: the preparation, the event year "
               "and the legacy years. Your answers will be used anonymously to draft "
               "recommendations for the local action plan. You can simply reply to this e-mail or "
               "use your personal link below.",
               "Your personal link: {link}", "The link expires on 30 November 2020.",
               "Thank you!"),
        "it": ("Gentile {name},",
               "La invitiamo a partecipare alla consultazione del progetto ECoC-SME (Local "
               "Learning Lab 2). Il tema di questo ciclo è il coinvolgimento delle PMI e delle "
               "startup nelle tre fasi della Capitale Europea della Cultura: la preparazione, "
               "l'anno dell'evento e gli anni dell'eredità. Le Sue risposte saranno utilizzate in "
               "forma anonima per elaborare le raccomandazioni del piano d'azione locale. Può "
               "rispondere direttamente a questa e-mail oppure utilizzare il link personale qui "
               "sotto.",
               "Il Suo link personale: {link}", "Il link scade il 30 novembre 2020.", "Grazie!"),
        "nl": ("Beste {name},",
               "Graag nodigen wij u uit voor de raadpleging van het project ECoC-SME (Local "
               "Learning Lab 2). Deze ronde gaat over de vraag hoe mkb-bedrijven en startups "
               "betrokken kunnen worden bij de drie fasen van de Culturele Hoofdstad van Europa: "
               "de voorbereiding, het evenementenjaar en de jaren daarna (legacy). Uw antwoorden "
               "worden anoniem gebruikt voor de aanbevelingen in het lokale actieplan. U kunt "
               "deze e-mail direct beantwoorden of uw persoonlijke link hieronder gebruiken.",
               "Uw persoonlijke link: {link}", "De link verloopt op 30 november 2020.",
               "Hartelijk dank!"),
        "hr": ("Poštovani/Poštovana {name},",
               "pozivamo Vas da sudjelujete u savjetovanju projekta ECoC-SME (Local Learning Lab "
               "2). Tema ovog kruga je uključivanje malih i srednjih poduzeća te startupa u tri "
               "faze Europske prijestolnice kulture: pripremu, godinu događanja i godine "
               "nasljeđa. Vaši će odgovori anonimno biti korišteni za izradu preporuka za lokalni "
               "akcijski plan. Možete odgovoriti izravno na ovu e-poruku ili putem osobne "
               "poveznice u nastavku.",
               "Vaša osobna poveznica: {link}", "Poveznica vrijedi do 30. studenoga 2020.",
               "Hvala!"),
        "lt": ("Gerb. {name},",
               "kviečiame Jus dalyvauti projekto ECoC-SME konsultacijoje (Local Learning Lab 2). "
               "Šio etapo tema yra tai, kaip įtraukti MVĮ ir startuolius į visus tris Europos "
               "kultūros sostinės etapus: pasirengimą, renginių metus ir palikimo metus. Jūsų "
               "atsakymai bus anonimiškai panaudoti rengiant vietos veiksmų plano "
               "rekomendacijas. Galite atsakyti tiesiog į šį laišką arba naudodamiesi asmenine "
               "nuoroda.",
               "Jūsų asmeninė nuoroda: {link}", "Nuoroda galioja iki 2020 m. lapkričio 30 d.",
               "Ačiū!"),
        "de": ("Guten Tag {name},",
               "wir laden Sie herzlich zur Befragung im Projekt ECoC-SME (Local Learning Lab 2) "
               "ein. In dieser Runde geht es darum, wie KMU und Start-ups in alle drei Phasen der "
               "Kulturhauptstadt Europas eingebunden werden können: die Vorbereitung, das "
               "Veranstaltungsjahr und die Jahre danach (Legacy). Ihre Antworten werden anonym "
               "für die Empfehlungen des lokalen Aktionsplans verwendet. Sie können einfach auf "
               "diese E-Mail antworten oder Ihren persönlichen Link unten nutzen.",
               "Ihr persönlicher Link: {link}", "Der Link ist bis zum 30. November 2020 gültig.",
               "Vielen Dank!"),
        "fi": ("Hei {name},",
               "kutsumme sinut mukaan ECoC-SME-hankkeen kyselyyn (Local Learning Lab 2). Tämän "
               "kierroksen aiheena on, miten pk-yritykset ja startupit saadaan mukaan Euroopan "
               "kulttuuripääkaupunkihankkeen kaikkiin kolmeen vaiheeseen: valmisteluun, "
               "tapahtumavuoteen ja perintövuosiin. Vastauksiasi käytetään nimettöminä "
               "paikallisen toimintasuunnitelman suositusten laatimiseen. Voit vastata suoraan "
               "tähän sähköpostiin tai käyttää alla olevaa henkilökohtaista linkkiä.",
               "Henkilökohtainen linkkisi: {link}", "Linkki vanhenee 30.11.2020.", "Kiitos!"),
    },
    4: {
        "ro": ("Bună ziua, {name},",
               "Vă invităm la a patra consultare ECoC-SME (Local Learning Lab 4). De data "
               "aceasta vrem să aflăm din ce bani și cu ce oameni pot continua IMM-urile creative "
               "proiectele începute în anul Capitalei Europene a Culturii. Răspunsurile sunt "
               "anonime și vor intra în planul pentru moștenirea CEaC. Răspundeți direct la acest "
               "e-mail (scrieți sub fiecare întrebare sau numerotați răspunsurile) sau folosiți "
               "linkul personal.",
               "Linkul dumneavoastră personal: {link}", "Linkul este valabil până la 7 noiembrie "
               "2025.", "Mulțumim pentru timpul acordat!"),
        "en": ("Dear {name},",
               "You are invited to the fourth ECoC-SME consultation (Local Learning Lab 4). This "
               "time we would like to know which money and which people creative SMEs can rely on "
               "to carry on what began in the European Capital of Culture year. Answers are "
               "anonymous and feed into the legacy plan. Reply to this e-mail (under each "
               "question, or numbered) or use your personal link.",
               "Your personal link: {link}", "The link is valid until 7 November 2025.",
               "Thank you for your time!"),
        "it": ("Gentile {name},",
               "La invitiamo alla quarta consultazione ECoC-SME (Local Learning Lab 4). Questa "
               "volta vorremmo capire con quali risorse e con quali competenze le PMI creative "
               "possono portare avanti ciò che è nato nell'anno della Capitale Europea della "
               "Cultura. Le risposte sono anonime e confluiranno nel piano per l'eredità. Può "
               "rispondere a questa e-mail (sotto ogni domanda o numerando le risposte) oppure "
               "usare il link personale.",
               "Il Suo link personale: {link}", "Il link è valido fino al 7 novembre 2025.",
               "Grazie per il Suo tempo!"),
        "nl": ("Beste {name},",
               "Wij nodigen u uit voor de vierde raadpleging van ECoC-SME (Local Learning Lab 4). "
               "Deze keer willen we weten met welk geld en welke mensen creatieve mkb-bedrijven "
               "kunnen voortbouwen op wat in het jaar van de Culturele Hoofdstad is begonnen. De "
               "antwoorden zijn anoniem en komen in het legacy-plan. U kunt op deze e-mail "
               "antwoorden (onder elke vraag of genummerd) of uw persoonlijke link gebruiken.",
               "Uw persoonlijke link: {link}", "De link is geldig tot 7 november 2025.",
               "Dank voor uw tijd!"),
        "hr": ("Poštovani/Poštovana {name},",
               "pozivamo Vas na četvrto savjetovanje projekta ECoC-SME (Local Learning Lab 4). "
               "Ovaj put zanima nas s kojim novcem i s kojim ljudima kreativni MSP-ovi mogu "
               "nastaviti ono što je započelo u godini Europske prijestolnice kulture. Odgovori "
               "su anonimni i ulaze u plan nasljeđa. Odgovorite na ovu e-poruku (ispod svakog "
               "pitanja ili numerirano) ili putem osobne poveznice.",
               "Vaša osobna poveznica: {link}", "Poveznica vrijedi do 7. studenoga 2025.",
               "Hvala na izdvojenom vremenu!"),
        "lt": ("Gerb. {name},",
               "kviečiame Jus į ketvirtąją ECoC-SME konsultaciją (Local Learning Lab 4). Šį kartą "
               "norime sužinoti, iš kokių lėšų ir su kokiais žmonėmis kūrybinės MVĮ gali tęsti "
               "tai, kas prasidėjo Europos kultūros sostinės metais. Atsakymai anonimiški ir bus "
               "panaudoti palikimo plane. Atsakykite į šį laišką (po kiekvienu klausimu arba "
               "sunumeruodami) arba naudokitės asmenine nuoroda.",
               "Jūsų asmeninė nuoroda: {link}", "Nuoroda galioja iki 2025 m. lapkričio 7 d.",
               "Dėkojame už Jūsų laiką!"),
        "de": ("Guten Tag {name},",
               "wir laden Sie zur vierten Befragung im Projekt ECoC-SME (Local Learning Lab 4) "
               "ein. Diesmal möchten wir wissen, mit welchem Geld und mit welchen Leuten kreative "
               "KMU weiterführen können, was im Kulturhauptstadtjahr begonnen hat. Die Antworten "
               "sind anonym und fließen in den Legacy-Plan ein. Antworten Sie einfach auf diese "
               "E-Mail (unter jeder Frage oder nummeriert) oder nutzen Sie Ihren persönlichen "
               "Link.",
               "Ihr persönlicher Link: {link}", "Der Link ist bis zum 7. November 2025 gültig.",
               "Danke für Ihre Zeit!"),
        "fi": ("Hei {name},",
               "kutsumme sinut ECoC-SME-hankkeen neljänteen kyselyyn (Local Learning Lab 4). "
               "Tällä kertaa haluamme tietää, millä rahalla ja millä osaajilla luovat "
               "pk-yritykset voivat jatkaa sitä, mikä alkoi kulttuuripääkaupunkivuonna. "
               "Vastaukset ovat nimettömiä ja ne käytetään perintösuunnitelmassa. Vastaa tähän "
               "viestiin (kunkin kysymyksen alle tai numeroiden) tai käytä henkilökohtaista "
               "linkkiäsi.",
               "Henkilökohtainen linkkisi: {link}", "Linkki on voimassa 7.11.2025 asti.",
               "Kiitos ajastasi!"),
    },
}

LAB_SENT = {2: (2020, 11, 3, 10, 15), 4: (2025, 10, 14, 9, 30)}


def questions_for(lab: int, lang: str) -> dict[str, str]:
    if lab == 2:
        return json.loads((DEV_CORPUS / f"questions.{lang}.json").read_text(encoding="utf-8"))
    return {str(i): q for i, q in enumerate(QUESTIONS2[lang], 1)}


def questions_file(lab: int, lang: str) -> str:
    return f"questions.{lang}.json" if lab == 2 else f"questions2.{lang}.json"


def make_token(inv_id: str) -> str:
    digest = hashlib.sha256(f"heldout-{inv_id}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()[:22]


@dataclass
class Person:
    name: str
    email: str


@dataclass
class Invitation:
    id: str
    lab: int
    lang: str
    invitee: Person

    @property
    def message_id(self) -> str:
        return f"<invitation-{self.id}@platform.example.org>"

    @property
    def token(self) -> str:
        return make_token(self.id)

    @property
    def link(self) -> str:
        return f"https://platform.example.org/{self.lang}/labs/answer/{self.token}/"

    @property
    def mailbox(self) -> str:
        return (LAB2_MAILBOX if self.lab == 2 else LAB4_MAILBOX)[self.lang]

    @property
    def platform(self) -> Person:
        return Person(SENDER_NAME[self.lang], self.mailbox)

    @property
    def subject(self) -> str:
        return (LAB2_SUBJECT if self.lab == 2 else LAB4_SUBJECT)[self.lang]

    @property
    def sent(self) -> datetime:
        return datetime(*LAB_SENT[self.lab], tzinfo=TZ[self.lang])

    def questions(self) -> dict[str, str]:
        return questions_for(self.lab, self.lang)

    def text_parts(self):
        greeting, para, link, expiry, thanks = INVITATION_TEXT[self.lab][self.lang]
        team = (TEAM if self.lab == 2 else LAB4_TEAM)[self.lang]
        return (greeting.format(name=self.invitee.name), para, link.format(link=self.link),
                expiry, thanks, team)

    def text(self, answers_under: dict[str, str] | None = None) -> str:
        """The invitation as text; answers_under puts typed answers under their question."""
        greeting, para, link, expiry, thanks, team = self.text_parts()
        lines = [greeting, "", para, ""]
        for n, q in self.questions().items():
            lines.append(f"{n}. {q}")
            if answers_under and n in answers_under:
                lines.append(answers_under[n])
        lines += ["", link, expiry, "", thanks, team]
        return "\n".join(lines)

    def record(self) -> dict:
        return {
            "id": self.id, "message_id": self.message_id, "token": self.token, "link": self.link,
            "questions": questions_file(self.lab, self.lang), "language": self.lang,
            "invitee_name": self.invitee.name, "invitee_email": self.invitee.email,
            "project_mailbox": self.mailbox, "subject": self.subject,
            "sent": self.sent.isoformat(),
            "link_expires": "2020-11-30" if self.lab == 2 else "2025-11-07",
        }


# ---------------------------------------------------------------------------------------------
# What a mail body is made of
# ---------------------------------------------------------------------------------------------

@dataclass
class Text:
    """Text the writer of this message typed (blank lines separate paragraphs)."""
    text: str


@dataclass
class HeaderLines:
    """A reply or forward header block ('From: ...', '---------- Forwarded message ---------')."""
    lines: list[str]
    bold_labels: bool = True


@dataclass
class Quoted:
    """Earlier mail. style: 'gt' = '> ' quoted; 'plain' = unquoted below a header block;
    'cite' = unquoted in text, <blockquote type=cite> in HTML (Apple forwards)."""
    blocks: list
    attribution: str | None = None
    style: str = "gt"
    attribution_inside: bool = False


@dataclass
class Msg:
    """A message written earlier, to be quoted or forwarded."""
    sender: Person
    to: Person
    date: datetime
    subject: str
    blocks: list


def quote_prefix(line: str, client: str) -> str:
    if client.startswith("gmail"):
        return "> " + line if line else ">"
    if line.startswith(">"):
        return ">" + line
    return "> " + line if line else ">"


def to_plain(blocks: list, client: str) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Text):
            out.append(block.text)
        elif isinstance(block, HeaderLines):
            out.append("\n".join(block.lines))
        elif isinstance(block, Quoted):
            inner = to_plain(block.blocks, client)
            if block.style == "gt":
                body = inner
                if block.attribution and block.attribution_inside:
                    body = block.attribution + "\n\n" + inner
                quoted = "\n".join(quote_prefix(line, client) for line in body.split("\n"))
                if block.attribution and not block.attribution_inside:
                    quoted = block.attribution + "\n\n" + quoted
                out.append(quoted)
            elif block.style == "indent":
                head = (" " + block.attribution + "\n\n") if block.attribution else ""
                out.append(head + "\n".join(" " + line if line else "" for line in
                                            inner.split("\n")))
            else:
                head = (block.attribution + "\n\n") if block.attribution else ""
                out.append(head + inner)
    return "\n\n".join(out)


def esc(text: str) -> str:
    return html.escape(text, quote=False).replace("\u00a0", "&nbsp;")


def html_header_lines(lines: list[str], bold: bool) -> str:
    parts = []
    for line in lines:
        label, sep, rest = line.partition(": ")
        if bold and sep and len(label) < 20:
            parts.append(f"<b>{esc(label)}:</b> {esc(rest.strip())}")
        else:
            parts.append(esc(line))
    return "<br>\n".join(parts)


class HtmlStyle:
    """How one mail program writes lines, paragraphs and quotes in HTML."""
    line_open, line_close, empty = "<div>", "</div>", "<div><br></div>"

    def text(self, text: str) -> str:
        return "\n".join(self.empty if not line.strip() else
                         f"{self.line_open}{esc(line)}{self.line_close}"
                         for line in text.split("\n"))

    def header(self, block: HeaderLines) -> str:
        return f"<div>{html_header_lines(block.lines, block.bold_labels)}<br></div>"

    def quote(self, block: Quoted, inner: str) -> str:
        attr = f"<div>{esc(block.attribution)}</div>" if block.attribution else ""
        if block.style == "plain":
            return attr + inner
        return f'{attr}<blockquote type="cite">{inner}</blockquote>'

    def blocks(self, blocks: list) -> str:
        out = []
        for block in blocks:
            if isinstance(block, Text):
                out.append(self.text(block.text))
            elif isinstance(block, HeaderLines):
                out.append(self.header(block))
            else:
                out.append(self.quote(block, self.blocks(block.blocks)))
        return f"\n{self.empty}\n".join(out)

    def document(self, blocks: list, charset: str) -> str:
        return f"<html><body>{self.blocks(blocks)}</body></html>"


class OutlookHtml(HtmlStyle):
    line_open, line_close = "<p class=MsoNormal>", "<o:p></o:p></p>"
    empty = "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"

    def __init__(self, lang_tag: str = "EN-GB"):
        self.lang_tag = lang_tag

    def header(self, block: HeaderLines) -> str:
        lines = [line for line in block.lines if not set(line) <= set("_-")]
        return ('<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm '
                f'0cm 0cm"><p class=MsoNormal><span lang={self.lang_tag}>'
                f"{html_header_lines(lines, True)}<o:p></o:p></span></p></div></div>")

    def quote(self, block: Quoted, inner: str) -> str:
        if block.style == "gt":
            return ('<blockquote style="border:none;border-left:solid #CCCCCC 1.0pt;padding:0cm '
                    f'0cm 0cm 6.0pt;margin-left:4.8pt;margin-right:0cm">{inner}</blockquote>')
        return inner

    def document(self, blocks: list, charset: str) -> str:
        return (
            '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:'
            'office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://'
            'schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">\n'
            f'<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
            "<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\t"
            "font-size:11.0pt;\n\tfont-family:\"Calibri\",sans-serif;}\nspan.EmailStyle17\n\t"
            "{mso-style-type:personal-compose;}\n@page WordSection1\n\t{size:612.0pt 792.0pt;}\n"
            "div.WordSection1\n\t{page:WordSection1;}\n--></style>\n</head>\n"
            f'<body lang={self.lang_tag} link="#0563C1" vlink="#954F72" style="word-wrap:'
            f'break-word">\n<div class=WordSection1>\n{self.blocks(blocks)}\n</div>\n</body>\n'
            "</html>\n")


class OutlookWebHtml(HtmlStyle):
    line_open = ('<div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: '
                 '12pt; color: rgb(0, 0, 0);">')
    empty = line_open + "<br></div>"

    def header(self, block: HeaderLines) -> str:
        lines = [line for line in block.lines if not set(line) <= set("_-")]
        return ('<hr style="display:inline-block;width:98%" tabindex="-1">\n<div id="divRplyFwdMsg"'
                ' dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" '
                f'color="#000000">{html_header_lines(lines, True)}</font>\n<div>&nbsp;</div>\n'
                "</div>")

    def quote(self, block: Quoted, inner: str) -> str:
        return f'<div class="BodyFragment"><font size="2"><span style="font-size:11pt;">' \
               f'{inner}</span></font></div>' if block.style != "gt" else \
               f'<blockquote style="margin-left:0.8ex">{inner}</blockquote>'

    def document(self, blocks: list, charset: str) -> str:
        return (f'<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; '
                f'charset={charset}">\n<style type="text/css" style="display:none;"> P '
                "{margin-top:0;margin-bottom:0;} </style>\n</head>\n<body dir=\"ltr\">\n"
                f"{self.blocks(blocks)}\n</body>\n</html>\n")


class GmailHtml(HtmlStyle):
    def header(self, block: HeaderLines) -> str:
        return f'<div dir="ltr" class="gmail_attr">{html_header_lines(block.lines, False)}<br>' \
               "</div><br><br>"

    def quote(self, block: Quoted, inner: str) -> str:
        attr = (f'<div dir="ltr" class="gmail_attr">{esc(block.attribution)}<br></div>'
                if block.attribution else "")
        if block.style == "gt":
            return (f'<div class="gmail_quote">{attr}<blockquote class="gmail_quote" '
                    'style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);'
                    f'padding-left:1ex">{inner}</blockquote></div>')
        return f'<div class="gmail_quote">{attr}{inner}</div>'

    def document(self, blocks: list, charset: str) -> str:
        return f'<div dir="ltr">{self.blocks(blocks)}</div>\n'


class AppleHtml(HtmlStyle):
    line_open, empty = '<div class="">', '<div class=""><br class=""></div>'

    def quote(self, block: Quoted, inner: str) -> str:
        attr = f'<div class="">{esc(block.attribution)}</div><br class="Apple-interchange-' \
               'newline">' if block.attribution else ""
        if block.attribution_inside or block.style == "cite":
            return f'<blockquote type="cite" class="">{attr}{inner}</blockquote>'
        return f'{attr}<blockquote type="cite" class="">{inner}</blockquote>'

    def document(self, blocks: list, charset: str) -> str:
        return (f'<html><head><meta http-equiv="Content-Type" content="text/html; '
                f'charset={charset}"></head><body style="word-wrap: break-word; '
                '-webkit-nbsp-mode: space; line-break: after-white-space;" class="">'
                f"{self.blocks(blocks)}</body></html>")


class IphoneHtml(AppleHtml):
    line_open, empty = '<div dir="ltr">', '<div dir="ltr"><br></div>'

    def document(self, blocks: list, charset: str) -> str:
        return (f'<html><head><meta http-equiv="content-type" content="text/html; '
                f'charset={charset}"></head><body dir="auto">{self.blocks(blocks)}</body></html>')


class ThunderbirdHtml(HtmlStyle):
    line_open, line_close, empty = "", "<br>", "<br>"

    def text(self, text: str) -> str:
        return "".join(f"<p>{'<br>'.join(esc(line) for line in para.split(chr(10)))}</p>\n"
                       for para in text.split("\n\n"))

    def header(self, block: HeaderLines) -> str:
        return ('<div class="moz-forward-container"><br><br>' +
                html_header_lines(block.lines, False) + "<br></div>")

    def quote(self, block: Quoted, inner: str) -> str:
        attr = f'<div class="moz-cite-prefix">{esc(block.attribution)}<br></div>' \
            if block.attribution else ""
        if block.style == "gt":
            return f'{attr}<blockquote type="cite">{inner}</blockquote>'
        return attr + inner

    def blocks(self, blocks: list) -> str:
        return "\n".join(self.text(b.text) if isinstance(b, Text) else
                         self.header(b) if isinstance(b, HeaderLines) else
                         self.quote(b, self.blocks(b.blocks)) for b in blocks)

    def document(self, blocks: list, charset: str) -> str:
        return ("<html>\n  <head>\n    <meta http-equiv=\"Content-Type\" content=\"text/html; "
                f"charset={charset}\">\n  </head>\n  <body>\n{self.blocks(blocks)}\n  </body>\n"
                "</html>\n")


class SamsungHtml(HtmlStyle):
    line_open, empty = '<div dir="auto">', '<div dir="auto"><br></div>'

    def header(self, block: HeaderLines) -> str:
        rows = "".join(f"<div>{esc(line)}</div>" for line in block.lines)
        return f'<div align="left" dir="auto" style="font-size:100%;color:#000000">{rows}</div>'

    def quote(self, block: Quoted, inner: str) -> str:
        return inner if block.style != "gt" else f"<blockquote>{inner}</blockquote>"

    def document(self, blocks: list, charset: str) -> str:
        return (f'<html><head><meta http-equiv="Content-Type" content="text/html; '
                f'charset={charset}"></head><body>{self.blocks(blocks)}</body></html>')


class YahooHtml(HtmlStyle):
    def quote(self, block: Quoted, inner: str) -> str:
        return ('<div id="yahoo_quoted_0123" class="yahoo_quoted"><div style="font-family:'
                '\'Helvetica Neue\', Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;">'
                f"<div>{esc(block.attribution or '')}</div><div><br></div><div><br></div>"
                f"<div>{inner}</div></div></div>")

    def document(self, blocks: list, charset: str) -> str:
        return ('<html><head></head><body><div class="ydp5f1c3e7ayahoo-style-wrap" style='
                '"font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:13px;">'
                f"{self.blocks(blocks)}</div></body></html>")


class ProtonHtml(HtmlStyle):
    def quote(self, block: Quoted, inner: str) -> str:
        attr = "<br>".join(esc(line) for line in (block.attribution or "").split("\n"))
        return (f'<div class="protonmail_quote">{attr}<br><blockquote class="protonmail_quote" '
                f'type="cite">{inner}</blockquote><br></div>')

    def document(self, blocks: list, charset: str) -> str:
        return f"<div>{self.blocks(blocks)}</div>"


HTML_STYLE = {
    "outlook_windows": OutlookHtml, "outlook_mac": OutlookHtml, "outlook_web": OutlookWebHtml,
    "gmail_web": GmailHtml, "gmail_android": GmailHtml, "apple_mail": AppleHtml,
    "iphone_mail": IphoneHtml, "thunderbird": ThunderbirdHtml, "samsung_email": SamsungHtml,
    "yahoo": YahooHtml, "proton": ProtonHtml,
}
OUTLOOK_LANG_TAG = {"en": "EN-GB", "ro": "RO", "it": "IT", "nl": "NL", "hr": "HR", "lt": "LT",
                    "de": "DE", "fi": "FI"}


def html_for(client: str, lang: str, blocks: list, charset: str) -> str:
    style = HTML_STYLE[client]
    renderer = style(OUTLOOK_LANG_TAG[lang]) if style is OutlookHtml else style()
    return renderer.document(blocks, charset)


# ---------------------------------------------------------------------------------------------
# Reply and forward headers as each mail program writes them, in its interface language
# ---------------------------------------------------------------------------------------------

def addr(p: Person) -> str:
    return f"{p.name} <{p.email}>"


def attribution(client: str, lang: str, m: Msg) -> str:
    d, n, a = m.date, m.sender.name, m.sender.email
    t, wd, mo = hm(d, lang), WEEKDAY_ABBR[lang][d.weekday()], MONTH_ABBR[lang][d.month - 1]
    if client == "gmail_web":
        g = gmail_date(d, lang)
        return {"en": f"On {g}, {n} <{a}> wrote:", "ro": f"În {g}, {n} <{a}> a scris:",
                "it": f"Il giorno {g} {n} <{a}> ha scritto:", "nl": f"Op {g} schreef {n} <{a}>:",
                "hr": f"{g} {n} <{a}> je napisao:", "lt": f"{g}, {n} <{a}> rašė:",
                "de": f"Am {g} schrieb {n} <{a}>:", "fi": f"{g} {n} ({a}) kirjoitti:"}[lang]
    if client == "gmail_android":
        return {"en": f"On {wd}, {d.day} {mo} {d.year}, {t} {n}, <{a}> wrote:",
                "ro": f"{wd}, {d.day} {mo} {d.year}, {t} {n} <{a}> a scris:",
                "it": f"Il {wd} {d.day} {mo} {d.year}, {t} {n} <{a}> ha scritto:",
                "nl": f"Op {wd} {d.day} {mo} {d.year} {t} schreef {n} <{a}>:",
                "hr": f"{wd}, {d.day}. {mo} {d.year}. {t} {n} <{a}> je napisao:",
                "lt": f"{d:%Y-%m-%d}, {wd}, {t}, {n} <{a}> rašė:",
                "de": f"{n} <{a}> schrieb am {wd}, {d.day}. {mo} {d.year}, {t}:",
                "fi": f"{wd} {d.day}. {mo} {d.year} klo {t} {n} <{a}> kirjoitti:"}[lang]
    if client in ("apple_mail", "iphone_mail"):
        mo = MONTH_ABBR[lang][d.month - 1] if lang != "en" else MONTH[lang][d.month - 1][:3]
        return {"en": f"On {d.day} {mo} {d.year}, at {t}, {n} <{a}> wrote:",
                "ro": f"Pe {d.day} {mo} {d.year}, la {t}, {n} <{a}> a scris:",
                "it": f"Il giorno {d.day} {mo} {d.year}, alle ore {t}, {n} <{a}> ha scritto:",
                "nl": f"Op {d.day} {mo} {d.year} om {t} heeft {n} <{a}> het volgende "
                      "geschreven:",
                "hr": f"{d.day}. {mo} {d.year}. u {t}, {n} <{a}> je napisao/la:",
                "lt": f"{d:%Y-%m-%d} {t}, {n} <{a}> rašė:",
                "de": f"Am {d:%d.%m.%Y} um {t} schrieb {n} <{a}>:",
                "fi": f"{n} <{a}> kirjoitti {d.day}.{d.month}.{d.year} kello {t}:"}[lang]
    if client == "thunderbird":
        nd = numeric_date(d, lang)
        return {"en": f"On {nd} {t}, {n} wrote:", "ro": f"Pe {nd} {t}, {n} a scris:",
                "it": f"Il {nd} {t}, {n} ha scritto:", "nl": f"Op {nd} om {t} schreef {n}:",
                "hr": f"Dana {nd} u {t}, {n} je napisao:", "lt": f"{nd} {t}, {n} rašė:",
                "de": f"Am {nd} um {t} schrieb {n}:", "fi": f"{n} kirjoitti {nd} klo {t}:"}[lang]
    if client == "yahoo":
        long = f"{WEEKDAY[lang][d.weekday()]}, {d.day} {MONTH[lang][d.month - 1]} {d.year}"
        z = TZ_NAME[lang]
        return {"en": f"On {long}, {t}:00 {z}, {n} <{a}> wrote:",
                "it": f"Il {long.replace(',', '')}, {t}:00 {z}, {n} <{a}> ha scritto:",
                "ro": f"Pe {long}, {t}:00 {z}, {n} <{a}> a scris:",
                "de": f"Am {WEEKDAY[lang][d.weekday()]}, {d.day}. {MONTH[lang][d.month - 1]} "
                      f"{d.year}, {t}:00 MEZ hat {n} <{a}> Folgendes geschrieben:"}[lang]
    if client == "proton":
        long_en = f"{WEEKDAY['en'][d.weekday()]}, {MONTH['en'][d.month - 1]} {d.day}, {d.year}"
        ampm = f"{(d.hour - 1) % 12 + 1}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"
        dash = "\u2010" * 7
        return {"en": f"{dash} Original Message {dash}\nOn {long_en} {ampm}, {n} <{a}> wrote:",
                "nl": f"{dash} Oorspronkelijk bericht {dash}\nOp {WEEKDAY[lang][d.weekday()]} "
                      f"{d.day} {MONTH[lang][d.month - 1]} {d.year} {t}, schreef {n} <{a}>:",
                "de": f"{dash} Original-Nachricht {dash}\nAm {WEEKDAY[lang][d.weekday()]}, "
                      f"{d.day}. {MONTH[lang][d.month - 1]} {d.year} {t}, {n} <{a}> schrieb:",
                "fi": f"{dash} Alkuperäinen viesti {dash}\n{WEEKDAY[lang][d.weekday()]}na "
                      f"{d.day}. {MONTH[lang][d.month - 1]} {d.year} klo {t}, {n} <{a}> "
                      "kirjoitti:"}[lang]
    raise KeyError(client)


OUTLOOK_LABELS = {  # From, Sent, To, Cc, Subject
    "en": ("From", "Sent", "To", "Cc", "Subject"),
    "ro": ("De la", "Trimis", "Către", "Cc", "Subiect"),
    "it": ("Da", "Inviato", "A", "Cc", "Oggetto"),
    "nl": ("Van", "Verzonden", "Aan", "CC", "Onderwerp"),
    "hr": ("Od", "Poslano", "Prima", "Kopija", "Predmet"),
    "lt": ("Nuo", "Išsiųsta", "Kam", "Kopija", "Tema"),
    "de": ("Von", "Gesendet", "An", "Cc", "Betreff"),
    "fi": ("Lähettäjä", "Lähetetty", "Vastaanottaja", "Kopio", "Aihe"),
}
OUTLOOK_REPLY = {"en": "RE", "ro": "RE", "it": "R", "nl": "RE", "hr": "RE", "lt": "RE",
                 "de": "AW", "fi": "VS"}
OUTLOOK_FORWARD = {"en": "FW", "ro": "FW", "it": "I", "nl": "Doorst", "hr": "Proslijeđeno",
                   "lt": "PD", "de": "WG", "fi": "VL"}
GMAIL_FORWARD = {
    "en": ("---------- Forwarded message ---------", "From"),
    "ro": ("---------- Mesaj redirecționat ---------", "De la"),
    "it": ("---------- Messaggio inoltrato ---------", "Da"),
    "nl": ("---------- Doorgestuurd bericht ---------", "Van"),
    "hr": ("---------- Proslijeđena poruka ---------", "Od"),
    "lt": ("---------- Persiųstas laiškas ---------", "Nuo"),
    "de": ("---------- Weitergeleitete Nachricht ---------", "Von"),
    "fi": ("---------- Välitetty viesti ---------", "Lähettäjä"),
}
APPLE_FORWARD = {  # intro, From, Subject, Date, To
    "en": ("Begin forwarded message:", "From", "Subject", "Date", "To"),
    "ro": ("Începutul mesajului redirecționat:", "De la", "Subiect", "Dată", "Către"),
    "it": ("Inizio messaggio inoltrato:", "Da", "Oggetto", "Data", "A"),
    "nl": ("Begin doorgestuurd bericht:", "Van", "Onderwerp", "Datum", "Aan"),
    "hr": ("Početak proslijeđene poruke:", "Šalje", "Predmet", "Datum", "Prima"),
    "lt": ("Pradžia persiųsto laiško:", "Nuo", "Tema", "Data", "Kam"),
    "de": ("Anfang der weitergeleiteten Nachricht:", "Von", "Betreff", "Datum", "An"),
    "fi": ("Välitetty viesti alkaa:", "Lähettäjä", "Aihe", "Päivämäärä", "Vastaanottaja"),
}
THUNDERBIRD_FORWARD = {  # title, Subject, Date, From, To
    "en": ("-------- Forwarded Message --------", "Subject", "Date", "From", "To"),
    "de": ("-------- Weitergeleitete Nachricht --------", "Betreff", "Datum", "Von", "An"),
    "it": ("-------- Messaggio Inoltrato --------", "Oggetto", "Data", "Mittente",
           "Destinatario"),
    "nl": ("-------- Doorgestuurd bericht --------", "Onderwerp", "Datum", "Van", "Aan"),
    "fi": ("-------- Välitetty viesti --------", "Aihe", "Päiväys", "Lähettäjä",
           "Vastaanottaja"),
    "hr": ("-------- Proslijeđena poruka --------", "Predmet", "Datum", "Šalje", "Prima"),
    "lt": ("-------- Persiųstas laiškas --------", "Tema", "Data", "Siuntėjas", "Gavėjas"),
    "ro": ("-------- Mesaj redirecționat --------", "Subiect", "Dată", "De la", "Către"),
}
SAMSUNG_ORIGINAL = {  # title (reply), title (forward), From, Date, To, Subject
    "en": ("-------- Original message --------", "-------- Forwarded message --------",
           "From", "Date", "To", "Subject"),
    "ro": ("-------- Mesaj original --------", "-------- Mesaj redirecționat --------",
           "De la", "Dată", "Către", "Subiect"),
    "de": ("-------- Ursprüngliche Nachricht --------", "-------- Weitergeleitete Nachricht "
           "--------", "Von", "Datum", "An", "Betreff"),
    "hr": ("-------- Izvorna poruka --------", "-------- Proslijeđena poruka --------",
           "Od", "Datum", "Prima", "Predmet"),
    "fi": ("-------- Alkuperäinen viesti --------", "-------- Välitetty viesti --------",
           "Lähettäjä", "Päivämäärä", "Vastaanottaja", "Aihe"),
}
SAMSUNG_FOOTER = {"en": "Sent from my Galaxy", "ro": "Trimis de pe Samsung Galaxy",
                  "de": "Von meinem Samsung Galaxy Smartphone gesendet.",
                  "hr": "Poslano s mog Galaxy uređaja", "fi": "Lähetetty Galaxy-laitteesta"}
IPHONE_FOOTER = {"en": "Sent from my iPhone", "ro": "Trimis de pe iPhone-ul meu",
                 "it": "Inviato da iPhone", "nl": "Verstuurd vanaf mijn iPhone",
                 "hr": "Poslano s mog iPhonea", "lt": "Išsiųsta iš mano iPhone",
                 "de": "Von meinem iPhone gesendet", "fi": "Lähetetty iPhonesta"}
OUTLOOK_MAC_DATE = {"en": "{wd}, {d} {mo} {y} at {t}", "de": "{wd}, {d}. {mo} {y} um {t}",
                    "nl": "{wd} {d} {mo} {y} om {t}"}


def outlook_block(client: str, lang: str, m: Msg, cc: Person | None = None) -> HeaderLines:
    f, s, t, c, subj = OUTLOOK_LABELS[lang]
    if client == "outlook_mac":
        d = m.date
        date = OUTLOOK_MAC_DATE[lang].format(wd=WEEKDAY[lang][d.weekday()], d=d.day,
                                             mo=MONTH[lang][d.month - 1], y=d.year, t=hm(d, lang))
        s = {"en": "Date", "de": "Datum", "nl": "Datum"}[lang]
        lines = [f"{f}: {addr(m.sender)}", f"{s}: {date}", f"{t}: {addr(m.to)}"]
    else:
        sender = (f"{m.sender.name} <{m.sender.email}>" if client == "outlook_web" else
                  f"{m.sender.name} [mailto:{m.sender.email}]" if m.sender.name.startswith("ECoC")
                  else f"{m.sender.name} <{m.sender.email}>")
        lines = [f"{f}: {sender}", f"{s}: {outlook_date(m.date, lang)}", f"{t}: {m.to.name}"]
    if cc:
        lines.append(f"{c}: {cc.name}")
    lines.append(f"{subj}: {m.subject}")
    if client == "outlook_web":
        lines = ["_" * 32] + lines
    return HeaderLines(lines)


def reply_blocks(client: str, lang: str, own: str, m: Msg, bottom: bool = False) -> list:
    """The body of a reply to m: own text on top (or below, if bottom-posted) and the quote."""
    if client.startswith("outlook"):
        quote = [outlook_block(client, lang, m), Quoted(m.blocks, None, "plain")]
        return [Text(own)] + quote
    if client == "samsung_email":
        title, _, f, d, t, s = SAMSUNG_ORIGINAL[lang]
        date = f"{numeric_date(m.date, 'ro').replace('.', '/')} {hm(m.date, 'en')} (GMT+0" \
               f"{int(m.date.utcoffset().total_seconds() // 3600)}:00) "
        head = HeaderLines([title, f"{f}: {addr(m.sender)} ", f"{d}: {date}",
                            f"{t}: {m.to.email} ", f"{s}: {m.subject} "], bold_labels=False)
        return [Text(own), head, Quoted(m.blocks, None, "plain")]
    inside = client == "iphone_mail"
    style = "indent" if client == "yahoo" else "gt"
    quote = Quoted(m.blocks, attribution(client, lang, m), style, attribution_inside=inside)
    return [quote, Text(own)] if bottom else [Text(own), quote]


def forward_blocks(client: str, lang: str, own: str, m: Msg) -> list:
    """The body of a forward of m, with the forwarder's own lines on top."""
    if client.startswith("outlook"):
        head = outlook_block(client, lang, m)
        if client == "outlook_windows":
            head = HeaderLines(["_" * 32] + head.lines) if lang in ("lt", "fi") else head
        return [Text(own), head, Quoted(m.blocks, None, "plain")]
    if client.startswith("gmail"):
        title, frm = GMAIL_FORWARD[lang]
        head = HeaderLines([title, f"{frm}: {m.sender.name} <{m.sender.email}>",
                            f"Date: {gmail_date(m.date, lang)}", f"Subject: {m.subject}",
                            f"To: {addr(m.to)}"], bold_labels=False)
        return [Text(own), head, Quoted(m.blocks, None, "plain")]
    if client in ("apple_mail", "iphone_mail"):
        intro, f, s, d, t = APPLE_FORWARD[lang]
        date = f"{d}: {m.date.day} {MONTH[lang][m.date.month - 1]} {m.date.year} " \
               f"{hm(m.date, lang)}:00 {TZ_NAME[lang]}"
        head = HeaderLines([intro, "", f"{f}: {addr(m.sender)}", f"{s}: {m.subject}", date,
                            f"{t}: {addr(m.to)}"])
        return [Text(own), head, Quoted(m.blocks, None, "cite")]
    if client == "thunderbird":
        title, s, d, f, t = THUNDERBIRD_FORWARD[lang]
        date = f"{WEEKDAY_ABBR['en'][m.date.weekday()]}, {m.date.day} {MONTH['en'][m.date.month - 1][:3]} " \
               f"{m.date.year} {m.date:%H:%M:%S} {m.date:%z}"
        head = HeaderLines([title, f"{s}: \t{m.subject}", f"{d}: \t{date}",
                            f"{f}: \t{addr(m.sender)}", f"{t}: \t{addr(m.to)}"],
                           bold_labels=False)
        return [Text(own), head, Quoted(m.blocks, None, "plain")]
    if client == "samsung_email":
        _, title, f, d, t, s = SAMSUNG_ORIGINAL[lang]
        head = HeaderLines([title, f"{f}: {addr(m.sender)} ",
                            f"{d}: {m.date:%d.%m.%Y} {m.date:%H:%M} ",
                            f"{t}: {m.to.email} ", f"{s}: {m.subject} "], bold_labels=False)
        return [Text(own), head, Quoted(m.blocks, None, "plain")]
    raise KeyError(client)


def reply_subject(client: str, lang: str, subject: str) -> str:
    if client.startswith("outlook"):
        return f"{OUTLOOK_REPLY[lang]}: {subject}"
    if client == "samsung_email" and lang == "de":
        return f"AW: {subject}"
    return f"Re: {subject}"


def forward_subject(client: str, lang: str, subject: str) -> str:
    if client.startswith("outlook"):
        return f"{OUTLOOK_FORWARD[lang]}: {subject}"
    if client == "samsung_email" and lang == "de":
        return f"WG: {subject}"
    return f"Fwd: {subject}"


# ---------------------------------------------------------------------------------------------
# MIME: headers, parts, transfer encodings
# ---------------------------------------------------------------------------------------------

def encode_part(text: str, charset: str, cte: str) -> bytes:
    data = text.encode(charset)
    if cte == "quoted-printable":
        return quopri.encodestring(data)
    if cte == "base64":
        return base64.encodebytes(data)
    if cte == "7bit":
        data.decode("ascii")
    return data


def flowed(text: str, width: int = 72) -> str:
    """format=flowed (RFC 3676): long lines broken after a space that stays at the line end."""
    out = []
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        prefix, body = line[:depth], line[depth:]
        if depth:
            prefix, body = prefix + " ", body[1:] if body.startswith(" ") else body
        elif body.startswith((" ", "From ")):
            body = " " + body
        if body == "-- " or len(prefix) + len(body) <= width:
            out.append(prefix + body.rstrip(" ") if body != "-- " else prefix + body)
            continue
        words, cur = body.split(" "), ""
        for word in words:
            if cur and len(prefix) + len(cur) + len(word) > width:
                out.append(prefix + cur)
                cur = ""
            cur += word + " "
        out.append(prefix + cur.rstrip(" "))
    return "\n".join(out)


def hdr(name: str, value: str, charset: str = "utf-8") -> str:
    if value.isascii():
        folded = Header(value, "us-ascii", header_name=name).encode(linesep="\n")
    else:
        folded = Header(value, charset, header_name=name).encode(linesep="\n")
    return f"{name}: {folded}"


def addr_hdr(name: str, people: list[Person], charset: str = "utf-8") -> str:
    values = []
    for p in people:
        if p.name.isascii():
            values.append(formataddr((p.name, p.email)) if p.name else p.email)
        else:
            values.append(f"{Header(p.name, charset).encode()} <{p.email}>")
    return f"{name}: " + ",\n ".join(values)


@dataclass
class Mail:
    client: str
    lang: str  # the language of the mail program's interface
    sender: Person
    to: list
    date: datetime
    subject: str
    blocks: list = field(default_factory=list)
    in_reply_to: str | None = None
    references: list = field(default_factory=list)
    cc: list = field(default_factory=list)
    charset: str = "utf-8"
    cte: str = "quoted-printable"
    html: str = "alt"  # alt = text + HTML, none = text only, only = HTML only
    html_charset: str | None = None
    html_cte: str | None = None
    flowed: bool = False
    crlf: bool = False
    extra_headers: list = field(default_factory=list)
    body_override: tuple | None = None  # (content-type header, body bytes) for special mails


def rng_for(*keys) -> random.Random:
    return random.Random(hashlib.sha256("|".join(map(str, keys)).encode()).hexdigest())


def hexs(r: random.Random, n: int, upper: bool = False) -> str:
    s = "".join(r.choice("0123456789abcdef") for _ in range(n))
    return s.upper() if upper else s


def alnum(r: random.Random, n: int) -> str:
    return "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                   for _ in range(n))


def client_identity(mail: Mail, r: random.Random) -> tuple[str, list, str, str]:
    """Message-ID, client headers, MIME boundary and the Received relay of one mail program."""
    domain = mail.sender.email.split("@")[1]
    year = mail.date.year
    c = mail.client
    thread_index = base64.b64encode(bytes(r.randrange(256) for _ in range(22))).decode()
    if c in ("outlook_windows", "outlook_web"):
        box = r.choice(["AM6PR08MB", "DB8PR02MB", "VI1PR07MB", "HE1PR0101MB", "PAXPR04MB"]) + \
            str(r.randrange(1000, 9999))
        mid = f"<{box}{hexs(r, 20, True)}@{box}.eurprd0{r.randrange(1, 9)}.prod.outlook.example.com>"
        heads = [("Thread-Topic", mail.subject.split(": ", 1)[-1]), ("Thread-Index", thread_index),
                 ("Accept-Language", f"{mail.lang}-{OUTLOOK_LANG_TAG[mail.lang][:2]}, en-US"),
                 ("Content-Language", f"{mail.lang}-{OUTLOOK_LANG_TAG[mail.lang][:2]}"),
                 ("X-MS-Has-Attach", ""), ("X-MS-TNEF-Correlator", "")]
        if c == "outlook_windows":
            heads.append(("X-Mailer", "Microsoft Outlook 16.0"))
        relay = f"mail-{box.lower()}.outbound.protection.outlook.example.com"
        return mid, heads, f"_000_{box}{hexs(r, 12, True)}_", relay
    if c == "outlook_mac":
        mid = f"<{str(uuid.UUID(int=r.getrandbits(128))).upper()}@{domain}>"
        heads = [("User-Agent", "Microsoft-MacOutlook/16.43.20110804" if year < 2024 else
                  "Microsoft-MacOutlook/16.89.24091630"),
                 ("Thread-Topic", mail.subject.split(": ", 1)[-1]), ("Thread-Index", thread_index)]
        return mid, heads, f"B_{r.randrange(10**9, 4 * 10**9)}_{r.randrange(10**6, 10**7)}", \
            f"mail.{domain}"
    if c.startswith("gmail"):
        mid = f"<CA{alnum(r, 6)}+{alnum(r, 30)}{r.choice(['=', '-', '_'])}{alnum(r, 8)}" \
              "@mail.gmail.example.com>"
        return mid, [], f"000000000000{hexs(r, 12)}", \
            f"mail-{r.choice(['wr1', 'ej1', 'lf1', 'pj1'])}-f{r.randrange(40, 80)}.google.example.com"
    if c == "apple_mail":
        ver = "3654.20.0" if year < 2024 else "3826.500.181.1.5"
        heads = [("X-Mailer", f"Apple Mail (2.{ver})"),
                 ("Mime-Version", f"1.0 (Mac OS X Mail {'14.0' if year < 2024 else '16.0'} "
                                  f"\\({ver}\\))")]
        mid = f"<{str(uuid.UUID(int=r.getrandbits(128))).upper()}@{domain}>"
        return mid, heads, f"Apple-Mail=_{str(uuid.UUID(int=r.getrandbits(128))).upper()}", \
            f"mail.{domain}"
    if c == "iphone_mail":
        heads = [("X-Mailer", "iPhone Mail (18B92)" if year < 2024 else "iPhone Mail (22F76)"),
                 ("Mime-Version", "1.0 (1.0)")]
        mid = f"<{str(uuid.UUID(int=r.getrandbits(128))).upper()}@{domain}>"
        return mid, heads, f"Apple-Mail-{str(uuid.UUID(int=r.getrandbits(128))).upper()}", \
            f"mail.{domain}"
    if c == "thunderbird":
        ua = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101 "
              "Thunderbird/78.4.0") if year < 2024 else "Mozilla Thunderbird"
        heads = [("User-Agent", ua), ("Content-Language", mail.lang if mail.lang != "en"
                                       else "en-GB")]
        mid = f"<{uuid.UUID(int=r.getrandbits(128))}@{domain}>"
        return mid, heads, f"------------{alnum(r, 24)}", f"mail.{domain}"
    if c == "samsung_email":
        mid = f"<{hexs(r, 8)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 12)}" \
              "@email.android.example.com>"
        return mid, [("X-Mailer", "Samsung Mail")], \
            f"--_com.samsung.android.email_{r.randrange(10**14, 10**15)}", f"mail.{domain}"
    if c == "yahoo":
        mid = f"<{r.randrange(10**8, 10**9)}.{r.randrange(10**6, 10**7)}." \
              f"{int(mail.date.timestamp() * 1000)}@mail.yahoo.example.com>"
        return mid, [("X-Mailer", "WebService/1.1.16955 YMailNorrin")], \
            f"----=_Part_{r.randrange(10**6, 10**7)}_{r.randrange(10**8, 10**9)}." \
            f"{int(mail.date.timestamp() * 1000)}", "sonic302-21.consmr.mail.ir2.yahoo.example.com"
    if c == "proton":
        mid = f"<{alnum(r, 43)}=@proton.example.me>"
        return mid, [("X-Pm-Origin", "internal"), ("X-Pm-Content-Encryption", "end-to-end")], \
            f"b1_{alnum(r, 40)}", "mail-4317.proton.example.ch"
    raise KeyError(c)


def render(mail: Mail, key: str) -> tuple[bytes, str]:
    """The mail as received by the project mailbox, and its Message-ID."""
    r = rng_for(key)
    mid, client_heads, boundary, relay = client_identity(mail, r)
    received_at = mail.date + timedelta(seconds=r.randrange(2, 9))
    lines = [
        f"Received: from {relay}\n\t({relay} [192.0.2.{r.randrange(10, 250)}])\n\tby "
        f"mx.platform.example.org (Postfix) with ESMTPS id {hexs(r, 10, True)}\n\tfor "
        f"<{mail.to[0].email}>; {format_datetime(received_at)}",
        addr_hdr("From", [mail.sender], mail.charset if mail.charset != "utf-8" else "utf-8"),
        addr_hdr("To", mail.to),
    ]
    if mail.cc:
        lines.append(addr_hdr("Cc", mail.cc))
    lines += [hdr("Subject", mail.subject), f"Date: {format_datetime(mail.date)}",
              f"Message-ID: {mid}"]
    if mail.in_reply_to:
        lines.append(f"In-Reply-To: {mail.in_reply_to}")
    if mail.references:
        lines.append("References: " + "\n ".join(mail.references))
    mime_version = "MIME-Version: 1.0"
    for name, value in client_heads:
        if name == "Mime-Version":
            mime_version = f"Mime-Version: {value}"
        else:
            lines.append(hdr(name, value) if value else f"{name}: ")
    lines += [hdr(name, value) for name, value in mail.extra_headers]
    lines += ["X-Example: true", mime_version]
    head = "\n".join(lines)
    if mail.body_override:
        ctype, body = mail.body_override
        out = head.encode("ascii") + b"\n" + ctype.encode("ascii") + b"\n\n" + body
    else:
        out = head.encode("ascii") + b"\n" + build_body(mail, boundary)
    if mail.crlf:
        out = out.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return out, mid


def text_part(mail: Mail) -> tuple[str, bytes]:
    text = to_plain(mail.blocks, mail.client).rstrip("\n") + "\n"
    flowed_param = "; format=flowed" if mail.flowed else ""
    if mail.flowed:
        text = flowed(text)
    ctype = f'Content-Type: text/plain; charset="{mail.charset}"{flowed_param}' \
        if not mail.client.startswith(("thunderbird", "apple", "iphone")) else \
        f"Content-Type: text/plain; charset={mail.charset}{flowed_param}"
    head = f"{ctype}\nContent-Transfer-Encoding: {mail.cte}"
    return head, encode_part(text, mail.charset, mail.cte)


def html_part(mail: Mail) -> tuple[str, bytes]:
    charset = mail.html_charset or mail.charset
    cte = mail.html_cte or ("quoted-printable" if mail.cte in ("8bit", "7bit") else mail.cte)
    doc = html_for(mail.client, mail.lang, mail.blocks, charset)
    head = f'Content-Type: text/html; charset="{charset}"\nContent-Transfer-Encoding: {cte}'
    return head, encode_part(doc, charset, cte)


def build_body(mail: Mail, boundary: str) -> bytes:
    if mail.html == "none":
        head, body = text_part(mail)
        return head.encode() + b"\n\n" + body
    if mail.html == "only":
        head, body = html_part(mail)
        return head.encode() + b"\n\n" + body
    parts = [text_part(mail), html_part(mail)]
    out = f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n'.encode()
    for head, body in parts:
        out += f"--{boundary}\n{head}\n\n".encode() + body.rstrip(b"\n") + b"\n\n"
    return out + f"--{boundary}--\n".encode()


# ---------------------------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------------------------

@dataclass
class Case:
    num: int
    lang: str
    lab: int
    category: str
    client: str
    slug: str
    invitation: Invitation
    mail: Mail
    answers: dict
    notes: str
    is_answer: bool = True
    flags: list = field(default_factory=list)
    answer_language: str | None = None
    part: str = ""  # "a" / "b" for the two halves of a split pair
    split: dict | None = None
    unmapped_text: str | None = None

    @property
    def name(self) -> str:
        part = f"_{self.part}" if self.part else ""
        return f"{self.num:03d}{part}_{self.lang}_{self.category}-{self.client}-{self.slug}"


INVITATIONS: list[Invitation] = []
CASES: list[Case] = []


def invite(lab: int, lang: str, name: str, email: str) -> Invitation:
    inv = Invitation(f"inv-{500 + len(INVITATIONS):04d}", lab, lang, Person(name, email))
    INVITATIONS.append(inv)
    return inv


def invitation_msg(inv: Invitation, answers_under: dict | None = None) -> Msg:
    return Msg(inv.platform, inv.invitee, inv.sent, inv.subject,
               [Text(inv.text(answers_under))])


def later(inv: Invitation, days: int, hour: int, minute: int) -> datetime:
    d = inv.sent + timedelta(days=days)
    return d.replace(hour=hour, minute=minute, second=(days * 7 + minute) % 60)


def compose(*pieces: str) -> str:
    """Own text from pieces (greeting, intro, answers, sign-off, signature...), blank-line joined."""
    return "\n\n".join(p.strip("\n") for p in pieces if p)


def numbered(answers: dict, fmt: str = "{n}. ", sep: str = "\n\n") -> str:
    return sep.join(fmt.format(n=n) + text for n, text in answers.items())


def labelled(items: list, sep: str = "\n\n") -> str:
    """items: (label, text) pairs; label '' for free lines in between."""
    return sep.join(label + text for label, text in items)


def partial_flag(answers: dict, lab: int) -> list:
    return ["partial"] if answers and len(answers) < (7 if lab == 2 else 6) else []


def add_case(num: int, inv: Invitation, category: str, client: str, slug: str, mail: Mail,
             answers: dict, notes: str, **kw) -> Case:
    flags = kw.pop("flags", None)
    if flags is None:
        flags = partial_flag(answers, inv.lab)
        if kw.get("answer_language") and kw["answer_language"] != inv.lang:
            flags.append("different_language")
        if mail.html == "only":
            flags.append("html_only")
    case = Case(num, inv.lang, inv.lab, category, client, slug, inv, mail, answers, notes,
                flags=flags, **kw)
    CASES.append(case)
    return case


def reply_mail(inv: Invitation, client: str, own: str, when: datetime, *, bottom=False,
               sender: Person | None = None, threaded=True, ui_lang=None, quote=True,
               original: Msg | None = None, **kw) -> Mail:
    lang = ui_lang or inv.lang
    original = original or invitation_msg(inv)
    blocks = reply_blocks(client, lang, own, original, bottom) if quote else [Text(own)]
    return Mail(client, lang, sender or inv.invitee, [inv.platform], when,
                reply_subject(client, lang, original.subject), blocks,
                in_reply_to=inv.message_id if threaded else None,
                references=[inv.message_id] if threaded else [], **kw)


def forward_mail(inv: Invitation, client: str, own: str, inner: Msg, when: datetime, *,
                 sender: Person | None = None, ui_lang=None, **kw) -> Mail:
    lang = ui_lang or inv.lang
    blocks = forward_blocks(client, lang, own, inner)
    return Mail(client, lang, sender or inv.invitee, [inv.platform], when,
                forward_subject(client, lang, inner.subject), blocks, **kw)


def forwarded_invitation(inv: Invitation, client: str, note: str, colleague: Person,
                         when: datetime, answers_under: dict | None = None) -> Msg:
    """The invitee's forward of the invitation to a colleague."""
    blocks = forward_blocks(client, inv.lang, note, invitation_msg(inv, answers_under))
    return Msg(inv.invitee, colleague, when, forward_subject(client, inv.lang, inv.subject),
               blocks)


def colleague_reply(inv: Invitation, colleague: Person, client: str, own: str,
                    fwd: Msg, when: datetime) -> Msg:
    """A colleague's answer to the invitee, quoting the forwarded invitation."""
    return Msg(colleague, inv.invitee, when, reply_subject(client, inv.lang, fwd.subject),
               reply_blocks(client, inv.lang, own, fwd))


# ---------------------------------------------------------------------------------------------
# Writing and checking
# ---------------------------------------------------------------------------------------------

def expected(case: Case, raw: bytes) -> dict:
    msg = message_from_bytes(raw, policy=policy.default)
    threaded = " ".join(str(msg.get(h, "")) for h in ("In-Reply-To", "References"))
    threaded += " ".join(re.findall(r"Original-Message-ID: (<[^>]+>)", raw.decode("latin-1")))
    body = all_text(msg)
    inv = case.invitation
    data = {
        "questions": questions_file(inv.lab, inv.lang),
        "is_answer": case.is_answer,
        "sender": case.mail.sender.email,
        "answers": case.answers,
        "flags": case.flags,
        "invitation": {"message_id": inv.message_id if inv.message_id in threaded else None,
                       "token": inv.token if inv.token in body else None},
        "language": case.answer_language or inv.lang,
        "notes": case.notes,
        "unmapped_text": case.unmapped_text,
        "category": case.category,
        "client": case.client,
    }
    if case.split:
        data["split"] = case.split
    return data


def unflow(text: str) -> str:
    out, cur = [], None
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        body = line[depth:]
        if body.startswith(" "):
            body = body[1:]
        if cur is not None and cur[0] == depth:
            cur = (depth, cur[1] + body)
        else:
            if cur is not None:
                out.append(cur)
            cur = (depth, body)
        if not (body.endswith(" ") and body != "-- "):
            out.append(cur)
            cur = None
    if cur is not None:
        out.append(cur)
    return "\n".join((">" * d + " " if d else "") + b for d, b in out)


def html_text(doc: str) -> str:
    doc = re.sub(r"(?is)<(style|head)\b.*?</\1>", "", doc)
    doc = re.sub(r"(?i)<br\s*/?>|</p>|</div>|<p\b[^>]*>|<div\b[^>]*>", "\n", doc)
    return html.unescape(re.sub(r"<[^>]+>", "", doc)).replace("\u00a0", " ")


def part_text(part) -> str:
    text = part.get_content()
    if part.get_content_subtype() == "html":
        return html_text(text)
    if part.get_param("format") == "flowed":
        return unflow(text.replace("\r\n", "\n"))
    return text


def all_text(msg) -> str:
    return "\n".join(part_text(part) for part in msg.walk()
                     if part.get_content_maintype() == "text")


def squash(text: str) -> str:
    lines = [re.sub(r"^(\s*>)+ ?", "", line) for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\s+", " ", " ".join(lines)).strip()


class CheckFailed(Exception):
    pass


def check(cond: bool, what: str) -> None:
    if not cond:
        raise CheckFailed(what)


def check_case(case: Case, path: Path) -> None:
    raw = path.with_suffix(".eml").read_bytes()
    msg = message_from_bytes(raw, policy=policy.default)
    exp = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    check(msg["X-Example"] == "true", f"{path.name}: X-Example")
    check(msg["From"] is not None and case.mail.sender.email in str(msg["From"]),
          f"{path.name}: From")
    check(all(d.endswith((".example", ".example.org", ".example.com")) or ".example." in d
              for d in re.findall(r"@([A-Za-z0-9.-]+)", all_text(msg) + " ".join(
                  str(v) for v in msg.values()))),
          f"{path.name}: a non-example domain")
    bodies = [squash(part_text(part)) for part in msg.walk()
              if part.get_content_type() in ("text/plain", "text/html")]
    for n, answer in exp["answers"].items():
        check(n in questions_for(case.lab, case.lang), f"{path.name}: no question {n}")
        check(answer == answer.strip() and answer, f"{path.name}: answer {n} not trimmed")
        for body in bodies:  # the text part and the HTML part each hold every answer
            check(squash(answer) in body, f"{path.name}: answer {n} not in a part: "
                                          f"{answer[:60]}")
    check(exp["is_answer"] == bool(exp["answers"]) or exp["unmapped_text"],
          f"{path.name}: is_answer and answers disagree")
    check(exp["category"] in CATEGORIES, f"{path.name}: category")
    if case.split:
        check(exp["split"]["part"] in (1, 2), f"{path.name}: split part")


def check_all(out: Path) -> None:
    names = {c.name for c in CASES}
    check(len(names) == len(CASES), "duplicate file names")
    for case in CASES:
        check_case(case, out / f"{case.name}.eml")
    on_disk = {p.name[:-4] for p in out.glob("*.eml")}
    check(on_disk == names, f"stray .eml files: {sorted(on_disk - names)}")
    invitations = json.loads((out / "invitations.json").read_text(encoding="utf-8"))
    check({i["id"] for i in invitations} == {i.id for i in INVITATIONS}, "invitations.json")
    for lang in LANGS:
        q2 = json.loads((out / f"questions2.{lang}.json").read_text(encoding="utf-8"))
        check(len(q2) == 6, f"questions2.{lang}.json")
        for cat in CATEGORIES:
            check(any(c.lang == lang and c.category == cat for c in CASES),
                  f"no {cat} case in {lang}")
        check(any(c.lang == lang and c.client in PHONE_CLIENTS for c in CASES),
              f"no phone in {lang}")
    check(len({c.client for c in CASES}) >= 8, "fewer than 8 mail programs")
    check(sum(c.lab == 4 for c in CASES) * 3 >= len(CASES), "under a third on questionnaire 2")
    for group in {c.split["group"] for c in CASES if c.split}:
        parts = [c for c in CASES if c.split and c.split["group"] == group]
        check(sorted(c.split["part"] for c in parts) == [1, 2], f"split {group}")
        merged = dict(parts[0].answers if parts[0].split["part"] == 1 else parts[1].answers)
        merged.update(parts[1].answers if parts[1].split["part"] == 2 else parts[0].answers)
        check(merged == parts[0].split["merged"] == parts[1].split["merged"],
              f"split {group}: merged")


def write_all(out: Path) -> None:
    for old in list(out.glob("*.eml")) + list(out.glob("*.expected.json")):
        old.unlink()
    for lang in LANGS:
        for lab, name in ((2, f"questions.{lang}.json"), (4, f"questions2.{lang}.json")):
            (out / name).write_text(json.dumps(questions_for(lab, lang), ensure_ascii=False,
                                               indent=2) + "\n", encoding="utf-8")
    (out / "invitations.json").write_text(
        json.dumps([i.record() for i in INVITATIONS], ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8")
    for case in CASES:
        raw, _ = render(case.mail, case.name)
        (out / f"{case.name}.eml").write_bytes(raw)
        (out / f"{case.name}.expected.json").write_text(
            json.dumps(expected(case, raw), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8")
    (out / "README.md").write_text(readme(), encoding="utf-8")


def readme() -> str:
    rows = []
    for c in CASES:
        answered = ",".join(c.answers) or "-"
        rows.append(f"| {c.num:03d}{c.part} | `{c.name}` | {questions_file(c.lab, c.lang)} | "
                    f"{c.category} | {c.client} | {c.invitation.id} | {answered} | "
                    f"{', '.join(c.flags) or '-'} | {c.notes} |")
    matrix = ["| category | " + " | ".join(LANGS) + " | total |",
              "|---|" + "---|" * (len(LANGS) + 1)]
    for cat in CATEGORIES:
        counts = [sum(c.category == cat and c.lang == lang for c in CASES) for lang in LANGS]
        matrix.append(f"| {cat} | " + " | ".join(map(str, counts)) + f" | {sum(counts)} |")
    clients = sorted({c.client for c in CASES})
    client_rows = [f"| {cl} | {sum(c.client == cl for c in CASES)} | "
                   f"{' '.join(sorted({c.lang for c in CASES if c.client == cl}))} |"
                   for cl in clients]
    lab4 = sum(c.lab == 4 for c in CASES)
    return f"""# Held-out e-mail reply corpus

Replies to two Local Learning Lab consultations, written to score the reply parser on mails it was
**not** developed on. They were written without looking at the parser or at the development
corpus generators, by imitating how people answer with real mail programs. **Everything here is
invented example data**: people, organisations, addresses and phone numbers are made up, all
domains are `example.*`, and every mail carries `X-Example: true`.

Do not edit the generated files by hand: change `build_heldout.py` and run

    python3 build_heldout.py

It rewrites every file below deterministically (standard library only) and re-reads them to check
them: each expected answer must occur in the decoded mail, every language must have every
category and a phone client, at least 8 mail programs, at least a third of the mails on the second
questionnaire, and the merged answers of each split pair must follow from its two parts. It exits
with status 1 if a check fails. Do not tune the parser on these mails: they are the held-out set.

## Files

* `questions.<lang>.json` - Local Learning Lab 2 ("Engagement: ways to activate potential startups
  and SMEs"), seven questions; copies of `../replies/questions.<lang>.json`.
* `questions2.<lang>.json` - Local Learning Lab 4 ("Funding and skills of creative SMEs for the
  ECoC legacy"), six questions, in all eight languages (the English one is the source).
* `invitations.json` - the invitations (`inv-0500` onwards) in the same format as the development
  corpus, with `questions` naming the questionnaire. Lab 2 invitations were sent Tue 3 Nov 2020
  10:15, lab 4 invitations Tue 14 Oct 2025 09:30 (local time), from `lab2@<city>.example.org`
  and `legacy-lab@<city>.example.org`.
* `NNN_<lang>_<category>-<client>-<slug>.eml` + `.expected.json` - one reply as received by the
  project mailbox; split pairs are `NNN_a_...` and `NNN_b_...`.

## Expected results

Same format and conventions as `../replies/README.md` (answers keyed by question number, label,
quote markers, greeting, sign-off, signature, disclaimer, mobile footer removed; lists inside
answers kept verbatim; `flags`; `invitation` holds what the mail itself lets you find, so a
forwarded mail usually has `message_id: null` and the token of the quoted personal link, which is
always the invitee's). Added keys:

* `questions` names the questionnaire file (`questions.<lang>.json` or `questions2.<lang>.json`).
* `category`: forwarded, bottom_posted, local_labels, ordinal_prose, split, non_answer, classic.
* `client`: the mail program imitated.
* `split` (split pairs only): `{{"group", "part", "merged", "note"}}`, `merged` = what the lab
  holds after both parts; a question answered again in part 2 takes the later text (`note` says
  which).
* `sender` is the address in From: (for a forward by a colleague, the colleague); the invitation
  the answers count for is the invitee's.
* `ordinal_prose`: the answer is the paragraph after the referring phrase and its punctuation;
  when the phrase stands alone ("Zur dritten Frage:"), the answer is what follows it.
* `non_answer`: `is_answer: false`, `answers: {{}}`; out-of-office, read receipts and automatic
  calendar mails carry `auto_reply`, human non-answers no flag.

## Cases

{len(CASES)} mails, {lab4} of them on the second questionnaire.

| # | file | questions | category | client | invitation | answered | flags | what is tricky |
|---|---|---|---|---|---|---|---|---|
""" + "\n".join(rows) + """

## Coverage (mails per category and language)

""" + "\n".join(matrix) + """

## Mail programs

| client | mails | languages |
|---|---|---|
""" + "\n".join(client_rows) + "\n"


def split_pair(num: int, inv: Invitation, client: str, slug: str, part1: tuple, part2: tuple,
               note: str) -> None:
    """part1/part2: (mail, answers, notes); merged = part 1 updated by part 2."""
    merged = dict(part1[1])
    merged.update(part2[1])
    merged = {k: merged[k] for k in sorted(merged, key=int)}
    group = f"split-{num:03d}"
    for part, (mail, answers, notes) in (("a", part1), ("b", part2)):
        split = {"group": group, "part": 1 if part == "a" else 2, "merged": merged,
                 "note": note}
        add_case(num, inv, "split", client, slug, mail, answers, notes, part=part, split=split)


# ---------------------------------------------------------------------------------------------
# Special mails: interleaved replies, out-of-office, read receipts, calendar auto-mails
# ---------------------------------------------------------------------------------------------

def interleaved_blocks(inv: Invitation, client: str, top: str, answers: dict, bottom: str,
                       lang: str | None = None) -> list:
    """A reply written between the pieces of the quoted invitation, under each question."""
    lang = lang or inv.lang
    greeting, para, link, expiry, thanks, team = inv.text_parts()
    attr = attribution(client, lang, invitation_msg(inv))
    blocks = [Text(top)] if top else []
    blocks.append(Quoted([Text(f"{greeting}\n\n{para}")], attr, "gt"))
    for n, q in inv.questions().items():
        blocks.append(Quoted([Text(f"{n}. {q}")], None, "gt"))
        if n in answers:
            blocks.append(Text(answers[n]))
    blocks.append(Quoted([Text(f"{link}\n{expiry}\n\n{thanks}\n{TEAM[inv.lang] if inv.lab == 2 else LAB4_TEAM[inv.lang]}")],
                         None, "gt"))
    if bottom:
        blocks.append(Text(bottom))
    return blocks


def auto_mail(inv: Invitation, client: str, subject: str, text: str, when: datetime,
              headers: list, **kw) -> Mail:
    return Mail(client, inv.lang, inv.invitee, [inv.platform], when, subject, [Text(text)],
                in_reply_to=inv.message_id, references=[inv.message_id], extra_headers=headers,
                **kw)


def read_receipt(inv: Invitation, client: str, subject: str, text: str, when: datetime,
                 ua: str) -> Mail:
    r = rng_for("mdn", inv.id)
    boundary = f"----=_NextPart_{hexs(r, 3)}_{hexs(r, 4)}_{hexs(r, 8).upper()}"
    report = (f"Reporting-UA: {inv.invitee.email.split('@')[1]}; {ua}\n"
              f"Final-Recipient: rfc822;{inv.invitee.email}\n"
              f"Original-Message-ID: {inv.message_id}\n"
              "Disposition: manual-action/MDN-sent-manually; displayed\n")
    body = (f"--{boundary}\nContent-Type: text/plain; charset=\"utf-8\"\n"
            "Content-Transfer-Encoding: quoted-printable\n\n").encode() + \
        encode_part(text + "\n", "utf-8", "quoted-printable") + \
        f"\n--{boundary}\nContent-Type: message/disposition-notification\n\n{report}\n" \
        f"--{boundary}--\n".encode()
    ctype = ("Content-Type: multipart/report; report-type=disposition-notification;\n"
             f'\tboundary="{boundary}"')
    return Mail(client, inv.lang, inv.invitee, [inv.platform], when, subject, [],
                extra_headers=[], body_override=(ctype, body))


def calendar_auto_reply(inv: Invitation, client: str, subject: str, text: str,
                        when: datetime) -> Mail:
    r = rng_for("ics", inv.id)
    boundary = f"_000_{hexs(r, 24, True)}_"
    stamp = f"{when.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}"
    ics = ("BEGIN:VCALENDAR\nMETHOD:REPLY\nPRODID:Microsoft Exchange Server 2010\nVERSION:2.0\n"
           f"BEGIN:VEVENT\nATTENDEE;PARTSTAT=DECLINED:mailto:{inv.invitee.email}\n"
           f"SUMMARY;LANGUAGE={inv.lang}:{inv.subject}\nDTSTART:20201103T101500Z\n"
           f"DTSTAMP:{stamp}\nUID:{hexs(r, 32)}\nSEQUENCE:0\nEND:VEVENT\nEND:VCALENDAR\n")
    body = (f"--{boundary}\nContent-Type: text/plain; charset=\"utf-8\"\n"
            "Content-Transfer-Encoding: quoted-printable\n\n").encode() + \
        encode_part(text + "\n", "utf-8", "quoted-printable") + \
        (f"\n--{boundary}\nContent-Type: text/calendar; charset=\"utf-8\"; method=REPLY\n"
         "Content-Transfer-Encoding: base64\n\n").encode() + \
        encode_part(ics, "utf-8", "base64") + f"\n--{boundary}--\n".encode()
    ctype = f'Content-Type: multipart/alternative; boundary="{boundary}"'
    return Mail(client, inv.lang, inv.invitee, [inv.platform], when, subject, [],
                in_reply_to=inv.message_id, references=[inv.message_id],
                extra_headers=[("Auto-Submitted", "auto-generated"),
                               ("X-MS-Exchange-Calendar-Series-Instance-Id", hexs(r, 16))],
                body_override=(ctype, body))


# ---------------------------------------------------------------------------------------------
# Romanian
# ---------------------------------------------------------------------------------------------

def cases_ro() -> None:
    # 001 forwarded (a): a colleague answered the invitee, who forwards his answers
    inv = invite(2, "ro", "Sorina Mărginean", "sorina.marginean@ceramica-fabric.example.ro")
    tudor = Person("Tudor Ardelean", "tudor@ceramica-fabric.example.ro")
    fwd = forwarded_invitation(inv, "gmail_web", "Tudor, poți să le răspunzi tu? Tu ai fost la "
                               "întâlnirile cu primăria.", tudor, later(inv, 0, 11, 2))
    a = {
        "1": "Prin oameni pe care îi cunosc deja: asociațiile de breaslă, contabilii și băncile "
             "la care au cont. Un e-mail de la primărie nu îl citește nimeni.",
        "2": "Câteva care chiar funcționează la noi:\n- grupurile de WhatsApp ale meșterilor\n"
             "- radioul local, dimineața\n- târgurile de Crăciun și de Paște, unde suntem oricum "
             "toți",
        "3": "Puțin. Știu că va fi „ceva cu cultura” în 2021, dar nu știu ce pot face ei "
             "concret.",
        "5": "Nu știu sigur. Poate un formular scurt la fiecare târg, completat pe loc.",
        "6": "Un singur om de contact la primărie, care să răspundă la telefon.",
        "7": "Comenzi. Dacă programul cumpără obiecte de la noi pentru invitați, vom face singuri "
             "și alte lucruri.",
    }
    own = compose("Salut Sorina,", "uite ce aș răspunde eu:", numbered(a, "{n}) "),
                  "Pe 4 o las ție, tu știi mai bine ce am discutat cu ei.", "Tudor")
    reply = colleague_reply(inv, tudor, "gmail_web", own, fwd, later(inv, 1, 16, 40))
    note = compose("Bună ziua,", "vă trimit mai jos răspunsurile colegului meu Tudor Ardelean, "
                   "el s-a ocupat de proiectele noastre cu Timișoara 2021. Sunt de acord cu ce a "
                   "scris.", "O zi bună,\nSorina Mărginean\nCeramica Fabric SRL (example)")
    mail = forward_mail(inv, "gmail_web", note, reply, later(inv, 2, 9, 12))
    add_case(1, inv, "forwarded", "gmail_web", "fwd-re-fwd-colleague-answers", mail, a,
             "Gmail 'Mesaj redirecționat' of the colleague's 'Re: Fwd:' reply, which quotes "
             "with '>' the invitee's own forward of the invitation; the invitee's note on top "
             "and 'Pe 4 o las ție' are not answers; answer 2 is a dash list.")

    # 002 bottom-posted Thunderbird, format=flowed
    inv = invite(2, "ro", "Cosmin Boldea", "cosmin@fabricsonor.example.org")
    a = {
        "1": "Spuneți-le ce câștigă, nu ce are nevoie programul. Un antreprenor citește "
             "„vizibilitate pentru 300.000 de vizitatori”, nu „rolul CEaC în dezvoltarea "
             "comunității”.",
        "2": "Newsletterul ADR Vest, paginile de Facebook ale cartierelor și evenimentele "
             "Techsylvania / Timișoara Startup Week.",
        "3": "Startup-urile da, IMM-urile tradiționale mai puțin.",
        "4": "Co-producții de evenimente, închirierea spațiilor industriale pentru expoziții, "
             "achiziții de la furnizori locali.",
        "5": "Întrebați-ne direct, prin focus-grupuri pe domenii. Noi, de exemplu, avem nevoie "
             "de săli de repetiții, nu de bani.",
        "6": "Un calendar public cu toate apelurile de proiecte, cu filtre pe domenii.",
        "7": "Exemple de reușită și mentori din afaceri care au lucrat deja cu sectorul "
             "cultural.",
    }
    own = compose("Bună ziua,", "Răspunsurile mele, în ordine:", numbered(a),
                  "Cu bine,\nCosmin Boldea", "-- \nAsociația Culturală Fabric Sonor (example)\n"
                  "tel. 0700 000 417")
    mail = reply_mail(inv, "thunderbird", own, later(inv, 1, 22, 5), bottom=True, cte="8bit",
                      html="none", flowed=True)
    add_case(2, inv, "bottom_posted", "thunderbird", "answers-under-whole-quote-flowed", mail, a,
             "Thunderbird 'Pe 03.11.2020 10:15, ... a scris:' on top, the whole invitation "
             "quoted, then greeting and '1.'..'7.' answers underneath; format=flowed 8bit with "
             "long answers wrapped; '-- ' signature.")

    # 003 local labels, Outlook desktop, CRLF
    inv = invite(2, "ro", "Lavinia Toma", "lavinia.toma@brutaria-toma.example.ro")
    a = {
        "1": "Cu exemple de la firme ca a noastră. O brutărie care a vândut de două ori mai mult "
             "în zilele de festival convinge mai mult decât orice broșură.",
        "2": "Prin Camera de Comerț și prin furnizori: noi vorbim zilnic cu distribuitorii de "
             "făină, ei știu pe toată lumea.",
        "3": "Nu prea.",
        "4": "Produse cu tematica Timișoara 2021 (noi ne gândeam la un covrig „2021”), standuri "
             "la evenimente, sponsorizare în natură.",
        "7": "Dacă li se garantează o comandă minimă sau un loc la evenimente, se mișcă singuri.",
    }
    labels = {"1": "Răspuns la 1: ", "2": "Răspuns la 2: ", "3": "La punctul 3: ",
              "4": "Pct. 4 – ", "7": "Răspuns la 7: "}
    own = compose("Bună ziua,", "Vă răspund pe scurt; 5 și 6 le sar.",
                  labelled([(labels[n], t) for n, t in a.items()]),
                  "Mulțumesc,\nLavinia Toma\nAdministrator, Brutăria Toma & Fiii SRL (example)\n"
                  "Tel.: 0256 000 318",
                  "Acest mesaj poate conține informații confidențiale. Dacă l-ați primit din "
                  "greșeală, vă rugăm să îl ștergeți și să anunțați expeditorul.")
    mail = reply_mail(inv, "outlook_windows", own, later(inv, 3, 8, 47), crlf=True)
    add_case(3, inv, "local_labels", "outlook_windows", "raspuns-la-pct", mail, a,
             "Labels 'Răspuns la N:', 'La punctul 3:', 'Pct. 4 –'; the intro says 5 and 6 are "
             "skipped ('5 și 6 le sar'); Romanian Outlook 'De la:/Trimis:/Către:/Subiect:' block, original "
             "unquoted; confidentiality notice; CRLF.")

    # 004 ordinal prose from a phone, no diacritics, lab 4
    inv = invite(4, "ro", "Vlad Onu", "vlad.onu@studiolumen.example.ro")
    a = {
        "1": "am folosit doar bani proprii si un grant mic de la AFCN in 2024.",
        "2": "vouchere pentru echipamente, granturile mari au prea multa birocratie pentru noi.",
        "3": "marketing online si contabilitate, noi suntem fotografi nu economisti :)",
        "6": "spatiile de lucru ieftine din fosta fabrica. fara ele ne mutam la Cluj",
    }
    own = compose("buna ziua,", "la prima intrebare: " + a["1"], "cat despre a doua, " + a["2"],
                  "la a treia intrebare - " + a["3"], "pentru ultima intrebare: " + a["6"],
                  "multumesc\nvlad")
    mail = reply_mail(inv, "gmail_android", own, later(inv, 0, 21, 14), cte="base64")
    add_case(4, inv, "ordinal_prose", "gmail_android", "prima-a-doua-ultima-no-diacritics", mail,
             a, "Phone reply without capitals or diacritics: 'la prima intrebare:', 'cat despre a "
             "doua,', 'la a treia intrebare -', 'pentru ultima intrebare:' (= 6 in this "
             "questionnaire); Android Gmail attribution; base64.")

    # 005 split pair, Samsung Email; part 2 answers 2 again
    inv = invite(2, "ro", "Gabriela Nistor", "gabi.nistor@casacumesteri.example.org")
    a1 = {"1": "Prin ateliere deschise: oamenii vin, văd, întreabă. Pliantele nu merg.",
          "2": "Facebook și radio.",
          "3": "Cei tineri da. Meșterii bătrâni nu au auzit de CEaC."}
    a2 = {"2": "Facebook, radio și Instagram (am uitat ieri, acolo sunt clienții noștri tineri).",
          "4": "Trasee de ateliere deschise în weekend, incluse în programul oficial.",
          "5": "Un recensământ al meșteșugarilor, făcut de cineva care merge din ușă în ușă.",
          "7": "Să li se cumpere produsele pentru cadourile oficiale ale orașului."}
    foot = SAMSUNG_FOOTER["ro"]
    own1 = compose("Bună ziua,", "Răspund acum la primele trei, restul mâine.",
                   numbered(a1, "{n} - ", "\n"), "Gabriela", foot)
    own2 = compose("Revin cu restul.", numbered(a2, "{n} - ", "\n"), "Pe 6 o sar.",
                   "Gabriela Nistor\nFundația Casa cu Meșteri (example)", foot)
    m1 = reply_mail(inv, "samsung_email", own1, later(inv, 1, 19, 3))
    m2 = reply_mail(inv, "samsung_email", own2, later(inv, 2, 18, 51))
    split_pair(5, inv, "samsung_email", "primele-trei-apoi-restul",
               (m1, a1, "Part 1: '1 - ' answers on consecutive lines, 'restul mâine'; Samsung "
                        "'-------- Mesaj original --------' block, original unquoted."),
               (m2, a2, "Part 2: answers 2 again (the later text wins in merged), then 4, 5, 7; "
                        "'Pe 6 o sar.' (I skip 6) is not an answer."),
               "answer 2 given in both parts; merged keeps part 2's text")

    # 006 read receipt, Outlook, lab 4
    inv = invite(4, "ro", "Doina Rusu", "doina.rusu@filarmonica-banatul.example.ro")
    text = (f"Mesajul dumneavoastră\n\n  Către: {inv.invitee.name}\n  Subiect: {inv.subject}\n"
            f"  Trimis: {outlook_date(inv.sent, 'ro')}\n\na fost citit pe "
            f"{outlook_date(later(inv, 0, 11, 2), 'ro')}.")
    mail = read_receipt(inv, "outlook_windows", f"Citit: {inv.subject}", text,
                        later(inv, 0, 11, 2), "Microsoft Outlook 16.0")
    add_case(6, inv, "non_answer", "outlook_windows", "read-receipt-citit", mail, {},
             "Outlook read receipt 'Citit:' (multipart/report; report-type=disposition-"
             "notification) naming the invitation in Original-Message-ID only.",
             is_answer=False, flags=["auto_reply"])

    # 007 classic: Apple Mail, answers interleaved under the quoted questions, lab 4
    inv = invite(4, "ro", "Andrei Vlase", "andrei@vlasedesign.example.ro")
    a = {"1": "Fonduri proprii, un proiect AFCN (2024) și două sponsorizări mici de la firme "
              "din Freidorf.",
         "2": "Microgranturi cu decizie rapidă (maxim o lună). Împrumuturile nu ne interesează.",
         "3": "Vânzări internaționale și partea juridică (contracte, drepturi de autor).",
         "4": "Seara, după 18:00, câte 2-3 ore, față în față. Online adorm.",
         "6": "Programul de rezidențe pentru designeri."}
    blocks = interleaved_blocks(inv, "apple_mail", "Bună ziua,\n\nam scris printre rânduri.",
                                a, "Numai bine,\nAndrei Vlase\nVlase Design (example)")
    mail = Mail("apple_mail", "ro", inv.invitee, [inv.platform], later(inv, 2, 23, 18),
                reply_subject("apple_mail", "ro", inv.subject), blocks,
                in_reply_to=inv.message_id, references=[inv.message_id])
    add_case(7, inv, "classic", "apple_mail", "interleaved-under-quoted-questions", mail, a,
             "Apple Mail reply written between '> N. question' quote pieces (question 5 quoted "
             "but not answered); attribution 'Pe 14 oct. 2025, la 09:30, ... a scris:'; "
             "blockquote type=cite in HTML.")

    # 008 forwarded (b): the colleague forwards the forwarded invitation with answers inside
    inv = invite(4, "ro", "Mihai Crăciunescu", "mihai.craciunescu@incubator-bega.example.ro")
    ioana = Person("Ioana Pop", "ioana.pop@incubator-bega.example.ro")
    a = {"1": "Granturi AFCN, fonduri de la Consiliul Județean și un proiect Europa Creativă în "
              "parteneriat.",
         "2": "Vouchere de consultanță și o linie de împrumuturi fără dobândă pentru echipamente.",
         "3": "Managementul proiectelor europene și comunicarea în engleză.",
         "4": "Module de o zi, la incubator, în română; online doar pentru întâlniri scurte.",
         "5": "Cofinanțare 50/50 la proiectele pilot, cu firme locale ca parteneri, nu doar "
              "ca sponsori."}
    fwd = forwarded_invitation(inv, "outlook_web", "Ioana, te rog completează tu chestionarul, "
                               "eu sunt plecat săptămâna asta. Mulțumesc, M.", ioana,
                               later(inv, 0, 12, 3), answers_under=a)
    note = compose("Bună ziua,", "Domnul Crăciunescu mi-a cerut să completez chestionarul. Am "
                   "scris răspunsurile direct sub întrebări, mai jos.",
                   "Cu stimă,\nIoana Pop\nCoordonator programe, Incubatorul Creativ Bega "
                   "(example)")
    mail = forward_mail(inv, "outlook_web", note, fwd, later(inv, 3, 10, 20), sender=ioana)
    add_case(8, inv, "forwarded", "outlook_web", "fw-fw-answers-typed-under-questions", mail, a,
             "Outlook on the web 'FW: FW:': a colleague forwards the invitee's forward of the "
             "invitation with her answers typed on the line under each question (6 left "
             "empty); her note and the invitee's request are not answers.")

    # 009 out-of-office from Gmail's vacation responder
    inv = invite(2, "ro", "Paul Ionescu", "paul.ionescu@banatfilm.example.ro")
    text = ("Bună ziua,\n\nsunt în concediu până pe 16 noiembrie și nu am acces constant la "
            "e-mail. Pentru urgențe o puteți contacta pe colega mea, Irina, la "
            "irina@banatfilm.example.ro.\n\nMulțumesc,\nPaul Ionescu")
    mail = auto_mail(inv, "gmail_web", "Concediu de odihnă (Re: " + inv.subject + ")", text,
                     later(inv, 0, 10, 16), [("Auto-Submitted", "auto-replied")], html="none")
    add_case(9, inv, "non_answer", "gmail_web", "ooo-gmail-vacation-responder", mail, {},
             "Gmail vacation responder: Auto-Submitted: auto-replied, subject of the user's own "
             "choice, a colleague's address in the text.", is_answer=False, flags=["auto_reply"])


# ---------------------------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------------------------

def cases_en() -> None:
    # 010 forwarded (a): Apple Mail 'Begin forwarded message:' of a colleague's Outlook reply
    inv = invite(2, "en", "Rachel Osei", "rachel@northgate-makers.example.org")
    tom = Person("Tom Hadley", "tom.hadley@northgate-makers.example.org")
    fwd = forwarded_invitation(inv, "apple_mail", "Tom – could you take this one? You know the "
                               "Timișoara people better than I do.\n\nR", tom,
                               later(inv, 0, 12, 40))
    a = {"1": "Stop leading with the programme. Lead with one concrete thing a small business can "
              "do next month, and who to call about it.",
         "2": "- the Chamber's weekly newsletter\n- LinkedIn (for the B2B crowd)\n- the coworking "
              "spaces' Slack groups\n- a stand at the Christmas market, honestly",
         "3": "Mostly no. The ones in hospitality have heard of it; everybody else thinks it is "
              "for theatres.",
         "4": "Supplier lists that small firms can actually get onto, joint ticketing deals, and "
              "letting companies host small events in their own premises.\n\nWe did the last one "
              "in 2019 with a design week and it brought us three new clients.",
         "6": "One web page, kept up to date, in Romanian and English.",
         "7": "Small, fast money and a named person who answers the phone."}
    own = compose("Rachel,", "Here's my go at it. Skipped 5 – not my area.", numbered(a),
                  "Tom\n\nTom Hadley | Workshop manager\nNorthgate Makers CIC (example)\n"
                  "+40 700 000 861")
    reply = colleague_reply(inv, tom, "outlook_mac", own, fwd, later(inv, 1, 9, 5))
    note = compose("Hi both,", "Tom wrote our answers, see below. I'd only add that we're happy "
                   "to host one of your sessions at our space.", "Best,\nRachel",
                   "Rachel Osei\nDirector, Northgate Makers CIC (example)")
    mail = forward_mail(inv, "apple_mail", note, reply, later(inv, 1, 13, 22))
    add_case(10, inv, "forwarded", "apple_mail", "begin-forwarded-outlook-mac-reply", mail, a,
             "Apple Mail 'Begin forwarded message:' of a colleague's Outlook for Mac reply "
             "(From/Date/To/Subject block, original unquoted) to the invitee's own Apple Mail "
             "forward; the invitee's offer to host a session is not an answer; 'Skipped 5 – not "
             "my area.' is not an answer to 5.")

    # 011 bottom-posted Proton, lab 4
    inv = invite(4, "en", "Dominic Achterberg", "dominic@quietroomaudio.example.net")
    a = {"1": "Own savings, one Creative Europe subcontract (2023) and a bank overdraft we are "
              "still paying off.",
         "2": "Loans, actually, if they were small and patient. Grants come with so much "
              "paperwork that a two-person studio loses a month on each one.",
         "3": "Sales and pricing. We undercharge for everything.",
         "4": "Half-day sessions, in person, in English, somewhere central. Nothing on Friday "
              "afternoons.",
         "5": "The legacy body could pay for the venue and the marketing, we bring the content "
              "and the crew. That's roughly 50/50 in practice.",
         "6": "The open-call format for small commissions. Please keep it."}
    own = compose("Hi,", numbered(a, "{n}) ", "\n\n"), "Cheers,\nDominic",
                  "Quiet Room Audio (example)")
    mail = reply_mail(inv, "proton", own + "\n\nSent with Proton Mail secure email.",
                      later(inv, 5, 23, 48), bottom=True)
    add_case(11, inv, "bottom_posted", "proton", "quote-first-then-numbered", mail, a,
             "Proton Mail reply posted under the quote: '‐‐‐‐‐‐‐ Original Message ‐‐‐‐‐‐‐' and "
             "'On Tuesday, October 14, 2025 9:30 AM, ... wrote:' with the whole questionnaire "
             "quoted first, then '1)'..'6)' answers; Proton footer after the signature.")

    # 012 local labels, Yahoo
    inv = invite(2, "en", "Mehmet Arslan", "m.arslan@anatoliafoods.example.com")
    a = {"1": "Short videos of real businesses explaining what they got out of it.",
         "2": "Facebook groups and WhatsApp, especially for the food sector.",
         "3": "No.",
         "5": "Go to where they are. Markets, trade fairs, the bakers' association.",
         "7": "Guaranteed orders for the festival catering, payed on time."}
    own = compose("Hello,", labelled([("Re Q1: ", a["1"]), ("Answer to 2) ", a["2"]),
                                      ("(3) ", a["3"]), ("Re Q5: ", a["5"]),
                                      ("Answer to 7) ", a["7"])], "\n\n"),
                  "Regards\nMehmet Arslan\nAnatolia Foods SRL (example)")
    mail = reply_mail(inv, "yahoo", own, later(inv, 6, 14, 9))
    add_case(12, inv, "local_labels", "yahoo", "re-q-answer-to-paren", mail, a,
             "Mixed labels 'Re Q1:', 'Answer to 2)', '(3)', 'Re Q5:', 'Answer to 7)'; Yahoo "
             "plain text puts the quote indented by one space under 'On Tuesday, 3 November "
             "2020, 10:15:00 GMT, ... wrote:' with no '>'; '(3) No.' is a one-word answer.")

    # 013 ordinal prose, Outlook for Mac
    inv = invite(2, "en", "Helen Carraway", "helen.carraway@westbridge-uni.example.ac.uk")
    a = {"1": "we would start from the businesses' calendar, not the programme's. September "
              "and January are when owners plan; July is lost.",
         "2": "we would use the regional radio and the trade associations' newsletters before "
              "anything digital. Our survey of 240 firms last year found that 61% still get "
              "local news from radio.",
         "5": "a short diary study with 15–20 creative freelancers over a month would tell you "
              "more than a large survey.",
         "7": "Match-funding. If a business puts in €1, the programme puts in €1, up to a small "
              "cap. It signals trust."}
    own = compose("Dear colleagues,", "Thank you for the invitation. A few thoughts from our "
                  "research group, not in the order you asked.",
                  "Regarding the second question, " + a["2"],
                  "To your first question – " + a["1"],
                  "As for question five, " + a["5"],
                  "On the last question:\n" + a["7"],
                  "We have no strong view on the others.",
                  "Kind regards,\nDr Helen Carraway\nSenior Lecturer in Cultural Economics\n"
                  "Westbridge University (example)")
    mail = reply_mail(inv, "outlook_mac", own, later(inv, 2, 16, 31))
    add_case(13, inv, "ordinal_prose", "outlook_mac", "regarding-second-as-for-five-last", mail,
             a, "Prose out of order: 'Regarding the second question,', 'To your first question "
             "–', 'As for question five,', and 'On the last question:' on a line of its own "
             "(answer on the next line, = 7); closing remark not an answer; Outlook for Mac "
             "header block.")

    # 014 split, Gmail; part 2 corrects 2
    inv = invite(4, "en", "Priya Raman", "priya@loomandlantern.example.com")
    a1 = {"1": "Crowdfunding (twice), a city micro-grant and a lot of our own money.",
          "2": "Vouchers we can spend with local suppliers.",
          "4": "Evening workshops, 2 hours max, in person."}
    a2 = {"2": "Scratch what I said yesterday: match-funding for crowdfunding campaigns would "
               "help us far more than vouchers.",
          "3": "Bookkeeping, and writing funding applications in English.",
          "5": "Shared marketing budget, proportional to ticket revenue.",
          "6": "The makers' market in the old tram depot."}
    own1 = compose("Hi there,", "Quick answers to some of these now, more tomorrow.",
                   numbered(a1, "{n}. ", "\n"), "Priya")
    own2 = compose("Hello again,", "Here are the rest – and a change to question 2.",
                   numbered(a2, "{n}. ", "\n"), "Thanks,\nPriya Raman\nLoom & Lantern Studio "
                   "(example)")
    m1 = reply_mail(inv, "gmail_web", own1, later(inv, 0, 18, 2))
    m2 = reply_mail(inv, "gmail_web", own2, later(inv, 1, 8, 44))
    split_pair(14, inv, "gmail_web", "rest-and-a-change",
               (m1, a1, "Part 1: answers 1, 2, 4 on consecutive lines, 'more tomorrow'."),
               (m2, a2, "Part 2: 'Here are the rest – and a change to question 2': answer 2 "
                        "replaces part 1's, plus 3, 5, 6."),
               "answer 2 changed in part 2; merged keeps part 2's text")

    # 015 please remove me, iPhone
    inv = invite(2, "en", "Gareth Bowen", "gareth@bowen-joinery.example.co.uk")
    own = compose("Please take me off this list, we closed the business in the summer.",
                  "Gareth", IPHONE_FOOTER["en"])
    mail = reply_mail(inv, "iphone_mail", own, later(inv, 0, 19, 55), html="none")
    add_case(15, inv, "non_answer", "iphone_mail", "please-remove-me", mail, {},
             "'Please take me off this list' from an iPhone: a human reply that is not an "
             "answer; attribution inside the '>' quote.", is_answer=False, flags=[])

    # 016 calendar auto-mail
    inv = invite(2, "en", "Meeting Room Bega 2", "room.bega2@citycentre-hub.example.org")
    text = ("Your request was declined.\n\nThe resource Meeting Room Bega 2 could not accept "
            "this item because it is not a meeting request.\n\n____________________\n"
            f"Subject: {inv.subject}\nWhen: {outlook_date(inv.sent, 'en')}\n"
            "Sent by Microsoft Exchange Server")
    mail = calendar_auto_reply(inv, "outlook_web", f"Declined: {inv.subject}", text,
                               later(inv, 0, 10, 16))
    add_case(16, inv, "non_answer", "outlook_web", "resource-calendar-declined", mail, {},
             "An Exchange room mailbox was on the list: 'Declined:' calendar auto-reply "
             "(text/plain + text/calendar METHOD:REPLY, Auto-Submitted: auto-generated).",
             is_answer=False, flags=["auto_reply"])

    # 017 classic top-posted numbered, Outlook desktop, windows-1252, lab 4
    inv = invite(4, "en", "Siobhan Keane", "s.keane@harbourlights.example.ie")
    a = {"1": "- Arts Council project grant (2023, 2024)\n- EU Creative Europe as a partner\n"
              "- Box office and a small Patreon",
         "2": "Multi-year operating grants, even small ones. Project money alone means we spend "
              "half the year writing applications.",
         "3": "Digital marketing, and someone who understands tax for artists.",
         "4": "A one-day intensive every couple of months, in person, with lunch – people come "
              "for the networking as much as the content.",
         "5": "Shared services: a common ticketing system and a pooled technician team, paid per "
              "use.",
         "6": "The volunteer programme. It's the one thing everybody still talks about."}
    own = compose("Hi,", "Please find our answers below.", numbered(a, "{n}. ", "\n\n"),
                  "Kind regards,\nSiobhán Keane\nGeneral Manager | Harbour Lights Theatre "
                  "Company (example)\nT: +353 00 000 0000",
                  "This e-mail and any files transmitted with it are confidential. If you are "
                  "not the intended recipient, please delete it and notify the sender.")
    mail = reply_mail(inv, "outlook_windows", own, later(inv, 8, 11, 0), charset="windows-1252",
                      crlf=True)
    add_case(17, inv, "classic", "outlook_windows", "numbered-with-lists-cp1252", mail, a,
             "Top-posted '1.'..'6.' with a dash list as answer 1 (the list starts right after "
             "the number); windows-1252 QP, CRLF; 'RE:' Outlook block; disclaimer.")

    # 018 forwarded (b): colleague forwards with answers above the forwarded invitation
    inv = invite(4, "en", "Oliver Brandt", "oliver.brandt@brandtfurniture.example.com")
    lena = Person("Lena Marsh", "lena.marsh@brandtfurniture.example.com")
    fwd = forwarded_invitation(inv, "gmail_web", "Lena, can you answer this for us? Thanks, O.",
                               lena, later(inv, 1, 8, 15))
    a = {"1": "None so far apart from our own money.",
         "3": "Product photography and online shop management.",
         "4": "Online, short, recorded so we can watch later.",
         "6": "The design fair."}
    note = compose("Hello,", "Oliver asked me to reply on behalf of Brandt Furniture. Our "
                   "answers:", numbered(a, "Q{n}: ", "\n"),
                   "We'll leave 2 and 5 to others.",
                   "Best regards,\nLena Marsh\nOffice manager, Brandt Furniture (example)")
    mail = forward_mail(inv, "thunderbird", note, fwd, later(inv, 4, 15, 37), sender=lena)
    add_case(18, inv, "forwarded", "thunderbird", "answers-above-forwarded-forward", mail, a,
             "Thunderbird inline forward ('-------- Forwarded Message --------' with tab-"
             "aligned Subject/Date/From/To) of the invitee's Gmail forward; the colleague's "
             "'Q1:' answers sit above it; sender is the colleague, the token is the invitee's.")



# ---------------------------------------------------------------------------------------------
# Italian
# ---------------------------------------------------------------------------------------------

def cases_it() -> None:
    # 019 forwarded (a): Outlook 'I:' of a colleague's reply
    inv = invite(2, "it", "Rocco Santoro", "r.santoro@lanternamagica.example.it")
    chiara = Person("Chiara Dell'Acqua", "c.dellacqua@lanternamagica.example.it")
    fwd = forwarded_invitation(inv, "outlook_windows", "Chiara, ci pensi tu? Grazie\nRocco",
                               chiara, later(inv, 0, 15, 20))
    a = {"1": "Con incontri piccoli, nei quartieri, e con qualcuno che parli la lingua delle "
              "imprese e non quella dei bandi.",
         "2": "Confcommercio, CNA, le pagine Facebook dei quartieri (Sassi, Piccianello, "
              "Lanera) e il passaparola.",
         "3": "Lo conoscono per sentito dire.",
         "4": "Ospitalità diffusa, laboratori aperti durante gli eventi, prodotti con il marchio "
              "di Matera 2019 concordato con la Fondazione.",
         "5": "Con un'indagine fatta casa per casa da studenti dell'Università della "
              "Basilicata, pagati.",
         "6": "Uno sportello unico.",
         "7": "Anticipi sui contributi e tempi certi."}
    own = compose("Ciao Rocco,", "ecco le risposte, dimmi se vanno bene.",
                  numbered(a, "{n}) ", "\n"), "Chiara\n\nChiara Dell'Acqua\nUfficio progetti "
                  "- Lanterna Magica soc. coop. (example)\nTel. 0835 000 214")
    reply = colleague_reply(inv, chiara, "outlook_windows", own, fwd, later(inv, 1, 10, 2))
    note = compose("Buongiorno,", "Vi inoltro le risposte della mia collega Chiara "
                   "Dell'Acqua, che segue i progetti con la Fondazione. Io sottoscrivo.",
                   "Cordiali saluti\nRocco Santoro\nPresidente, Lanterna Magica soc. coop. "
                   "(example)",
                   "Questo messaggio e i suoi allegati sono destinati esclusivamente al "
                   "destinatario. Se lo avete ricevuto per errore, vi preghiamo di cancellarlo.")
    mail = forward_mail(inv, "outlook_windows", note, reply, later(inv, 1, 11, 35),
                        charset="windows-1252", cte="quoted-printable")
    add_case(19, inv, "forwarded", "outlook_windows", "i-r-i-colleague-answers", mail, a,
             "Italian Outlook 'I: R: I:' with two nested 'Da:/Inviato:/A:/Oggetto:' blocks, "
             "all unquoted; the invitee's note and disclaimer on top are not answers; the "
             "colleague's '1)' answers on consecutive lines; windows-1252 QP.")

    # 020 bottom-posted from an iPhone
    inv = invite(2, "it", "Martina Grieco", "martina.grieco@ceramichegrieco.example.it")
    a = {"1": "Serve qualcuno che vada di persona", "2": "Instagram e whatsapp",
         "3": "No quasi nessuno", "7": "Soldi subito e meno carte 🙏"}
    own = compose(numbered(a, "{n} ", "\n"), "Martina")
    mail = reply_mail(inv, "iphone_mail", own, later(inv, 0, 22, 41), bottom=True,
                      html="none")
    add_case(20, inv, "bottom_posted", "iphone_mail", "under-quote-short-no-punctuation", mail,
             a, "iPhone reply typed under the quote (attribution 'Il giorno 3 nov 2020, alle ore "
             "10:15, ... ha scritto:' inside the '>' quote): '1 ', '2 ' numbers without a dot, "
             "no final punctuation, an emoji in 7; no footer.")

    # 021 local labels, Gmail, lab 4
    inv = invite(4, "it", "Davide Ferri", "davide@ferri-sartoria.example.it")
    a = {"1": "Un bando regionale per le imprese artigiane (2024) e un piccolo prestito "
              "d'onore.",
         "2": "Voucher per la formazione e per la consulenza, senza obbligo di "
              "cofinanziamento.",
         "3": "Vendita online e lingue: abbiamo clienti stranieri ma nessuno in bottega parla "
              "bene l'inglese.",
         "4": "Il lunedì, quando la bottega è chiusa. Mezza giornata, in presenza, a Matera.",
         "6": "La rete delle botteghe aperte."}
    own = compose("Buongiorno,", labelled([("Risposta alla domanda 1: ", a["1"]),
                                           ("Risposta alla domanda 2: ", a["2"]),
                                           ("Alla 3: ", a["3"]),
                                           ("Domanda n. 4 – ", a["4"]),
                                           ("Sulla 6: ", a["6"])]),
                  "La 5 la salto.", "Saluti,\nDavide Ferri\nSartoria Ferri (example)")
    mail = reply_mail(inv, "gmail_web", own, later(inv, 2, 9, 58))
    add_case(21, inv, "local_labels", "gmail_web", "risposta-alla-domanda-alla-sulla", mail, a,
             "Labels 'Risposta alla domanda N:', 'Alla 3:', 'Domanda n. 4 –', 'Sulla 6:'; 'La 5 "
             "la salto.' after the answers is a remark, not an answer to 5; Gmail 'Il giorno "
             "mar 14 ott 2025 alle ore 09:30 ... ha scritto:'.")

    # 022 ordinal prose, Thunderbird
    inv = invite(2, "it", "Anna Carbone", "anna.carbone@unibas-example.example.it")
    a = {"1": "penso che la comunicazione debba passare dalle associazioni di categoria, con "
              "esempi concreti di imprese che hanno già collaborato con la Fondazione.",
         "3": "la mia impressione è che la conoscano solo le imprese turistiche.",
         "4": "co-progettazione, sponsorizzazioni tecniche e uso degli spazi delle imprese per "
              "eventi diffusi.",
         "6": "Un portale unico e un numero di telefono."}
    own = compose("Gentili colleghi,", "vi rispondo in forma discorsiva, spero vada bene.",
                  "Quanto alla prima domanda, " + a["1"],
                  "Sulla terza domanda: " + a["3"],
                  "Quanto alla quarta, " + a["4"],
                  "Per la sesta domanda.\n" + a["6"],
                  "Cordiali saluti,\nAnna Carbone", "-- \nProf.ssa Anna Carbone\nDipartimento "
                  "di Scienze Umane, Università (example)")
    mail = reply_mail(inv, "thunderbird", own, later(inv, 4, 17, 12), html="none", flowed=True,
                      cte="8bit")
    add_case(22, inv, "ordinal_prose", "thunderbird", "quanto-alla-prima-quarta-sesta", mail, a,
             "'Quanto alla prima domanda,', 'Sulla terza domanda:', 'Quanto alla quarta,' and "
             "'Per la sesta domanda.' as its own line (answer on the next line); format=flowed "
             "8bit; Thunderbird 'Il 03/11/20 10:15, ... ha scritto:'.")

    # 023 split, Yahoo
    inv = invite(2, "it", "Salvatore Lopez", "salvolopez@example-yahoo.example.it")
    a1 = {"1": "Con la radio locale e con gli incontri in Camera di Commercio.",
          "2": "Radio, giornali locali, Facebook.",
          "3": "Poco.",
          "4": "Sponsorizzazioni e forniture."}
    a2 = {"5": "Con questionari brevi da compilare al telefono.",
          "6": "Un numero verde.",
          "7": "Con premi e visibilità sui materiali ufficiali."}
    own1 = compose("Salve,", numbered(a1, "{n}. ", "\n"), "Le altre risposte domani.",
                   "Salvatore Lopez\nAutonoleggio Lopez (example)")
    own2 = compose("Salve, completo il questionario:", numbered(a2, "{n}. ", "\n"),
                   "Salvatore Lopez")
    m1 = reply_mail(inv, "yahoo", own1, later(inv, 1, 20, 8))
    m2 = reply_mail(inv, "yahoo", own2, later(inv, 2, 20, 30))
    split_pair(23, inv, "yahoo", "le-altre-domani",
               (m1, a1, "Part 1: 1-4, 'Le altre risposte domani.' is not an answer."),
               (m2, a2, "Part 2: 'completo il questionario:' then 5-7."), "no overlap")

    # 024 thanks, will answer later, Gmail on Android
    inv = invite(2, "it", "Elena Russo", "elena.russo@russoviaggi.example.it")
    own = compose("Grazie, rispondo appena riesco. In questi giorni siamo pieni.", "Elena")
    mail = reply_mail(inv, "gmail_android", own, later(inv, 0, 13, 3))
    add_case(24, inv, "non_answer", "gmail_android", "grazie-rispondo-appena-riesco", mail, {},
             "'Grazie, rispondo appena riesco': a human reply that is not an answer.",
             is_answer=False, flags=[])

    # 025 classic: Thunderbird, interleaved, lab 4
    inv = invite(4, "it", "Giulia Monti", "giulia.monti@monti-editore.example.it")
    a = {"1": "Contributi del Centro per il libro, due campagne di crowdfunding e la vendita "
              "diretta alle fiere.",
         "2": "Prestiti a tasso zero per la stampa: il problema è la liquidità tra la stampa e "
              "l'incasso.",
         "3": "Diritti esteri e marketing digitale.",
         "5": "La Fondazione potrebbe coprire le spese degli spazi, noi quelle editoriali.",
         "6": "Il festival del libro nei rioni."}
    blocks = interleaved_blocks(inv, "thunderbird", "Buongiorno,\nrispondo qui sotto.", a,
                                "Un saluto,\nGiulia Monti\nMonti Editore (example)")
    mail = Mail("thunderbird", "it", inv.invitee, [inv.platform], later(inv, 6, 9, 14),
                reply_subject("thunderbird", "it", inv.subject), blocks,
                in_reply_to=inv.message_id, references=[inv.message_id], html="alt")
    add_case(25, inv, "classic", "thunderbird", "interleaved-multipart", mail, a,
             "Thunderbird HTML+text reply written under each '> N.' question (4 quoted but not "
             "answered); moz-cite-prefix attribution in HTML.")

    # 026 forwarded (b): Apple Mail, colleague answers above, lab 4
    inv = invite(4, "it", "Franco Gallo", "franco.gallo@gallo-vini.example.it")
    sara = Person("Sara Gallo", "sara.gallo@gallo-vini.example.it")
    fwd = forwarded_invitation(inv, "iphone_mail", "Sara guarda tu", sara, later(inv, 0, 18, 2))
    a = {"1": "Solo fondi nostri e il PSR regionale per la cantina.",
         "2": "Voucher per fiere ed eventi.",
         "3": "Comunicazione e inglese.",
         "4": "Online, la sera.",
         "5": "Non saprei.",
         "6": "Gli eventi in cantina del programma."}
    note = compose("Buonasera,", "mio padre mi ha girato il questionario, rispondo io per "
                   "l'azienda:", numbered(a, "{n}) ", "\n"),
                   "Saluti\nSara Gallo\nAzienda Agricola Gallo (example)")
    mail = forward_mail(inv, "apple_mail", note, fwd, later(inv, 2, 21, 7), sender=sara)
    add_case(26, inv, "forwarded", "apple_mail", "inizio-messaggio-inoltrato-answers-above", mail,
             a, "Apple Mail 'Inizio messaggio inoltrato:' of the invitee's iPhone forward; the "
             "daughter answers above it; 'Non saprei.' IS an answer.")



# ---------------------------------------------------------------------------------------------
# Dutch
# ---------------------------------------------------------------------------------------------

def cases_nl() -> None:
    # 027 forwarded (b): Outlook 'Doorst:', colleague's answers above the forwarded invitation
    inv = invite(2, "nl", "Wietske Hoekstra", "w.hoekstra@drukkerij-hoekstra.example.nl")
    jelle = Person("Jelle Bosma", "j.bosma@drukkerij-hoekstra.example.nl")
    fwd = forwarded_invitation(inv, "outlook_windows", "Jelle, wil jij deze invullen? Jij "
                               "zat in de werkgroep.\n\nGroet, Wietske", jelle,
                               later(inv, 0, 11, 48))
    a = {"1": "Door het concreet te maken: welke opdrachten komen er, wanneer, en hoe schrijf "
              "je in.",
         "2": "De nieuwsbrief van VNO-NCW Noord, de Leeuwarder Courant en de "
              "ondernemersverenigingen per wijk.",
         "3": "Nauwelijks, buiten de horeca.",
         "4": "Drukwerk en merchandise lokaal laten maken, en bedrijven als locatie gebruiken.",
         "6": "Eén loket.",
         "7": "Kleine opdrachten met snelle betaling."}
    note = compose("Goedemiddag,", "Namens Wietske Hoekstra stuur ik u onze antwoorden. Ik heb "
                   "ze hieronder gezet, de oorspronkelijke mail staat eronder.",
                   numbered(a, "{n}. ", "\n"),
                   "Met vriendelijke groet,\n\nJelle Bosma\nDrukkerij Hoekstra B.V. (example)\n"
                   "T 058 000 0000")
    mail = forward_mail(inv, "outlook_windows", note, fwd, later(inv, 2, 14, 6), sender=jelle,
                        charset="windows-1252", crlf=True)
    add_case(27, inv, "forwarded", "outlook_windows", "doorst-answers-above", mail, a,
             "Dutch Outlook 'Doorst: Doorst:' by a colleague, answers above two nested "
             "'Van:/Verzonden:/Aan:/Onderwerp:' blocks; 5 skipped; the invitee's request is "
             "not an answer; windows-1252, CRLF.")

    # 028 bottom-posted Gmail, all answers after the whole quote
    inv = invite(2, "nl", "Sanne Visser", "sanne@kaasmakerij-visser.example.nl")
    a = {"1": "Via de mensen die ondernemers al vertrouwen: de boekhouder, de bank, de "
              "brancheorganisatie.",
         "2": "LinkedIn, de regionale omroep (Omrop Fryslân) en de markten.",
         "3": "Ik weet het niet.",
         "4": "Streekproducten in de programmering opnemen, bijvoorbeeld proeverijen bij "
              "voorstellingen.",
         "5": "Gewoon langsgaan.",
         "6": "Een overzicht op één pagina met alle regelingen.",
         "7": "Laat zien wat anderen ermee verdiend hebben."}
    own = compose("Hoi,", numbered(a, "{n}. ", "\n"), "Groet,\nSanne Visser\nKaasmakerij Visser "
                  "(example)")
    mail = reply_mail(inv, "gmail_web", own, later(inv, 1, 20, 15), bottom=True)
    add_case(28, inv, "bottom_posted", "gmail_web", "op-schreef-quote-then-answers", mail, a,
             "Gmail 'Op di 3 nov. 2020 om 10:15 schreef ...:' on top, the whole invitation "
             "quoted, answers '1.'..'7.' on consecutive lines below; 'Ik weet het niet.' IS an "
             "answer.")

    # 029 local labels, Outlook for Mac, lab 4
    inv = invite(4, "nl", "Thijs de Boer", "thijs@deboer-architecten.example.nl")
    a = {"1": "Provinciale subsidie (Mienskipsfonds), een lening van de ontwikkelingsmaatschappij "
              "en opdrachtgevers.",
         "3": "Projectadministratie en Engels schrijven voor Europese aanvragen.",
         "5": "Kosten delen naar rato van de omzet die het project oplevert.",
         "6": "De tijdelijke werkplaatsen in de oude graansilo's."}
    own = compose("Beste projectteam,", labelled([("Antwoord op vraag 1: ", a["1"]),
                                                  ("Antwoord op vraag 3: ", a["3"]),
                                                  ("Vraag 5 — ", a["5"]),
                                                  ("Vraag 6 — ", a["6"])]),
                  "Vragen 2 en 4 sla ik over.",
                  "Hartelijke groet,\nThijs de Boer\nDe Boer Architecten (example)")
    mail = reply_mail(inv, "outlook_mac", own, later(inv, 3, 8, 12))
    add_case(29, inv, "local_labels", "outlook_mac", "antwoord-op-vraag-vraag-dash", mail, a,
             "Labels 'Antwoord op vraag N:' and 'Vraag N —' (em dash); 'Vragen 2 en 4 sla ik "
             "over.' is not an answer; Outlook for Mac 'Van:/Datum:/Aan:/Onderwerp:' block.")

    # 030 ordinal prose, Apple Mail
    inv = invite(2, "nl", "Marloes Kuipers", "marloes@kuipers-textiel.example.nl")
    a = {"1": "het moet over geld en klanten gaan, niet over cultuur.",
         "2": "de bestaande netwerken: BNI-groepen, de Rotary, de winkeliersvereniging.",
         "4": "Samen producten ontwikkelen met kunstenaars. Wij hebben in 2018 een stof "
              "ontworpen met een Friese kunstenaar en die verkopen we nog steeds.",
         "7": "een kleine bijdrage en vooral erkenning, een vermelding in het programma."}
    own = compose("Beste allemaal,", "Wat betreft de eerste vraag: " + a["1"],
                  "Over de tweede vraag, " + a["2"],
                  "Wat de vierde vraag betreft:\n" + a["4"],
                  "En bij de laatste vraag: " + a["7"],
                  "Hartelijke groet,\nMarloes Kuipers")
    mail = reply_mail(inv, "apple_mail", own, later(inv, 2, 19, 33))
    add_case(30, inv, "ordinal_prose", "apple_mail", "wat-betreft-eerste-vierde-laatste", mail,
             a, "'Wat betreft de eerste vraag:', 'Over de tweede vraag,', 'Wat de vierde vraag "
             "betreft:' alone on its line, 'En bij de laatste vraag:' (= 7); Apple Mail 'Op 3 "
             "nov. 2020 om 10:15 heeft ... het volgende geschreven:'.")

    # 031 split from an iPhone
    inv = invite(2, "nl", "Ruben Dijkstra", "ruben@dijkstrafietsen.example.nl")
    a1 = {"1": "Kort en concreet", "2": "Instagram en de krant"}
    a2 = {"3": "Nee", "4": "Fietsverhuur bij evenementen",
          "6": "Alles op 1 website", "7": "Met kleine opdrachten"}
    foot = IPHONE_FOOTER["nl"]
    m1 = reply_mail(inv, "iphone_mail", compose("1 " + a1["1"] + "\n2 " + a1["2"],
                                                "Rest volgt", foot), later(inv, 0, 17, 40))
    m2 = reply_mail(inv, "iphone_mail", compose("Hier de rest:", "3 " + a2["3"] + "\n4 " +
                                                a2["4"] + "\n6 " + a2["6"] + "\n7 " + a2["7"],
                                                "Ruben", foot), later(inv, 1, 7, 55))
    split_pair(31, inv, "iphone_mail", "rest-volgt",
               (m1, a1, "Part 1 from a phone: '1 ' and '2 ' without dots, 'Rest volgt'."),
               (m2, a2, "Part 2: 'Hier de rest:' 3, 4, 6, 7 (5 skipped)."), "no overlap")

    # 032 out-of-office with X-Autoreply, lab 4
    inv = invite(4, "nl", "Annelies Postma", "a.postma@cultuurfonds-noord.example.nl")
    text = ("Dank voor uw bericht. Ik ben afwezig tot en met maandag 27 oktober en lees mijn "
            "e-mail niet. Voor dringende zaken kunt u bellen met 058 000 0000.\n\nMet "
            "vriendelijke groet,\nAnnelies Postma")
    mail = auto_mail(inv, "outlook_windows", f"Automatisch antwoord: {inv.subject}", text,
                     later(inv, 0, 9, 30), [("Auto-Submitted", "auto-replied"),
                                            ("X-Autoreply", "yes"),
                                            ("X-Auto-Response-Suppress", "All")],
                     charset="iso-8859-1")
    add_case(32, inv, "non_answer", "outlook_windows", "automatisch-antwoord", mail, {},
             "Dutch Exchange 'Automatisch antwoord:' with Auto-Submitted and X-Autoreply; "
             "iso-8859-1.", is_answer=False, flags=["auto_reply"])

    # 033 signature only, Proton
    inv = invite(2, "nl", "Bram Meijer", "bram@meijer-podcast.example.nl")
    own = compose("Bram Meijer\nMeijer Podcast Producties (example)\n06 0000 0000",
                  "Verzonden met beveiligde e-mail van Proton Mail.")
    mail = reply_mail(inv, "proton", own, later(inv, 0, 10, 44))
    add_case(33, inv, "non_answer", "proton", "signature-only", mail, {},
             "A reply that holds only the signature and the Proton footer above the quote "
             "(sent by mistake): not an answer.", is_answer=False, flags=[])

    # 034 classic top-posted, Proton, lab 4
    inv = invite(4, "nl", "Femke van der Meer", "femke@lichtspel-studio.example.nl")
    a = {"1": "Crowdfunding via Voordekunst en een bijdrage van het gemeentelijke "
              "cultuurfonds.",
         "2": "Garantiesubsidies: dan durven we grotere producties aan.",
         "3": "Fondsenwerving.",
         "4": "Online, maar dan live en interactief, max. 90 minuten.",
         "5": "Het legacy-programma betaalt de basis, bedrijven de extra's.",
         "6": "De lichtroute."}
    own = compose("Hallo,", "Hierbij mijn antwoorden:", numbered(a, "{n}) ", "\n"),
                  "Groetjes,\nFemke", "Verzonden met beveiligde e-mail van Proton Mail.")
    mail = reply_mail(inv, "proton", own, later(inv, 1, 12, 12))
    add_case(34, inv, "classic", "proton", "top-posted-numbered", mail, a,
             "Top-posted '1)'..'6)' from Proton Mail with a Dutch 'Oorspronkelijk bericht' "
             "quote header.")

    # 035 forwarded (a) from a phone: Gmail for Android, lab 4
    inv = invite(4, "nl", "Koen Smit", "koen@smitgames.example.nl")
    lisa = Person("Lisa Mulder", "lisa@smitgames.example.nl")
    fwd = forwarded_invitation(inv, "gmail_android", "Kun jij dit doen?", lisa,
                               later(inv, 0, 12, 5))
    a = {"1": "Niets behalve eigen geld en één opdracht van de provincie.",
         "2": "Leningen met uitstel van aflossing.",
         "3": "Marketing, en iemand die de boekhouding snapt.",
         "4": "Meetups op vrijdagmiddag met een korte talk."}
    own = compose("Hoi Koen,", numbered(a, "{n}. "), "Meer weet ik niet. Lisa")
    reply = colleague_reply(inv, lisa, "gmail_web", own, fwd, later(inv, 1, 9, 40))
    mail = forward_mail(inv, "gmail_android", "Zie Lisa's antwoorden hieronder. Koen", reply,
                        later(inv, 1, 10, 2))
    add_case(35, inv, "forwarded", "gmail_android", "doorgestuurd-bericht-phone", mail, a,
             "A one-line forward from Gmail on a phone ('---------- Doorgestuurd bericht "
             "---------') of the colleague's reply, which quotes the invitee's forward; "
             "'Meer weet ik niet. Lisa' is not part of answer 4.")



# ---------------------------------------------------------------------------------------------
# Croatian
# ---------------------------------------------------------------------------------------------

def cases_hr() -> None:
    # 036 forwarded (a): Gmail 'Proslijeđena poruka' of a colleague's reply
    inv = invite(2, "hr", "Marko Babić", "marko.babic@kvarner-tours.example.hr")
    petra = Person("Petra Jurić", "petra.juric@kvarner-tours.example.hr")
    fwd = forwarded_invitation(inv, "gmail_web", "Petra, možeš li ti ovo ispuniti? Hvala!",
                               petra, later(inv, 0, 13, 17))
    a = {"1": "Kroz konkretne primjere: koliko je gostiju više bilo u gradu tijekom velikih "
              "događanja i tko je od toga zaradio.",
         "2": "Turistička zajednica, HGK, lokalni portali i Facebook grupe iznajmljivača.",
         "3": "Djelomično. Turizam zna, ostali slabo.",
         "4": "Paket-aranžmani s ulaznicama, zajednička promocija, lokalni vodiči na "
              "događanjima.",
         "6": "Jedna web-stranica sa svim natječajima."}
    own = compose("Bok Marko,", "evo odgovora:", numbered(a), "5 i 7 preskačem.", "Petra")
    reply = colleague_reply(inv, petra, "gmail_web", own, fwd, later(inv, 1, 15, 2))
    note = compose("Poštovani,", "u nastavku šaljem odgovore moje kolegice Petre Jurić, koja "
                   "kod nas vodi suradnju s gradom.", "Lijep pozdrav,\nMarko Babić\nKvarner "
                   "Tours d.o.o. (example)\nmob. 091 000 0000")
    mail = forward_mail(inv, "gmail_web", note, reply, later(inv, 1, 16, 30))
    add_case(36, inv, "forwarded", "gmail_web", "proslijedena-poruka-colleague", mail, a,
             "Croatian Gmail '---------- Proslijeđena poruka ---------' of the colleague's "
             "reply, which quotes the invitee's own forward with '>'; '5 i 7 preskačem' "
             "(I skip 5 and 7) is not an answer; the invitee's phone number in his note.")

    # 037 forwarded (b): Outlook 'Proslijeđeno:', answers under the questions, lab 4
    inv = invite(4, "hr", "Nikolina Kos", "nikolina.kos@rijeka-art-hub.example.hr")
    dino = Person("Dino Perić", "dino.peric@rijeka-art-hub.example.hr")
    a = {"1": "Gradske potpore za kulturu, Zaklada Kultura nova i jedan projekt iz programa "
              "Kreativna Europa.",
         "2": "Bespovratna sredstva za male projekte i vaučeri za digitalizaciju.",
         "3": "Vođenje projekata i financijsko izvještavanje.",
         "4": "Radionice od pola dana, uživo u Rijeci, na hrvatskom.",
         "6": "Program Slatko i Kvartovi — male akcije po kvartovima."}
    fwd = forwarded_invitation(inv, "outlook_windows", "Dino, molim te ispuni ovo do petka.\n"
                               "N.", dino, later(inv, 0, 10, 1), answers_under=a)
    note = compose("Poštovani,", "kolegica Kos proslijedila mi je upitnik; odgovore sam "
                   "upisao ispod pitanja.", "S poštovanjem,\nDino Perić\nVoditelj programa, "
                   "Rijeka Art Hub (example)")
    mail = forward_mail(inv, "outlook_windows", note, fwd, later(inv, 3, 14, 44), sender=dino,
                        charset="windows-1250")
    add_case(37, inv, "forwarded", "outlook_windows", "proslijedeno-answers-under-questions",
             mail, a, "Croatian Outlook 'Proslijeđeno: Proslijeđeno:' by a colleague; answers "
             "typed on the line under each question of the forwarded invitation (5 left "
             "empty); 'Od:/Poslano:/Prima:/Predmet:' blocks; windows-1250 QP.")

    # 038 bottom-posted Thunderbird
    inv = invite(2, "hr", "Tomislav Horvat", "tomislav@horvat-stolarija.example.hr")
    a = {"1": "Kratko i jasno: što dobivam, koliko košta, do kada.",
         "2": "Obrtnička komora i lokalni radio.",
         "3": "Ne.",
         "4": "Izrada scenografije i opreme za događanja kod lokalnih obrtnika.",
         "7": "Da im se plati na vrijeme."}
    own = compose("Pozdrav,", numbered(a, "{n}) ", "\n"), "Tomislav Horvat\nStolarija Horvat "
                  "(example)")
    mail = reply_mail(inv, "thunderbird", own, later(inv, 2, 21, 12), bottom=True, html="none",
                      charset="iso-8859-2", cte="quoted-printable")
    add_case(38, inv, "bottom_posted", "thunderbird", "dana-je-napisao-under-quote", mail, a,
             "Thunderbird 'Dana 3.11.2020. u 10:15, ... je napisao:' with the whole invitation "
             "quoted first, then '1)' answers; iso-8859-2 QP.")

    # 039 local labels from a Samsung phone
    inv = invite(2, "hr", "Ante Marić", "ante.maric@maric-ribarstvo.example.hr")
    a = {"1": "Preko udruga ribara i obrtnika", "2": "Radio i Facebook",
         "3": "Ne znam", "4": "Ponuda lokalne hrane na događanjima"}
    own = compose("Na pitanje 1: " + a["1"] + "\nNa pitanje 2: " + a["2"] + "\nOdgovor na 3. " +
                  a["3"] + "\nOdgovor na 4. " + a["4"], "Ante", SAMSUNG_FOOTER["hr"])
    mail = reply_mail(inv, "samsung_email", own, later(inv, 0, 19, 2))
    add_case(39, inv, "local_labels", "samsung_email", "na-pitanje-odgovor-na", mail, a,
             "Phone reply: 'Na pitanje N:' and 'Odgovor na N.' on consecutive lines, no final "
             "dots; 'Ne znam' IS an answer; Samsung 'Poslano s mog Galaxy uređaja' and "
             "'-------- Izvorna poruka --------' block.")

    # 040 ordinal prose, Outlook, lab 4
    inv = invite(4, "hr", "Lucija Novak", "lucija.novak@novak-dizajn.example.hr")
    a = {"1": "koristili smo gradske potpore i vlastita sredstva.",
         "2": "najviše bi nam pomogli vaučeri, jer ne zahtijevaju sufinanciranje.",
         "3": "Nedostaje nam znanja o prodaji na stranim tržištima i o autorskim pravima.",
         "5": "troškove bi trebalo dijeliti razmjerno koristi koju svaka strana ima.",
         "6": "otvorene pozive za male narudžbe."}
    own = compose("Poštovani,", "Što se tiče prvog pitanja, " + a["1"],
                  "Na drugo pitanje: " + a["2"],
                  "Vezano uz treće pitanje:\n" + a["3"],
                  "Što se tiče pete, " + a["5"],
                  "I na posljednje pitanje – grad bi trebao zadržati " + a["6"],
                  "Srdačan pozdrav,\nLucija Novak\nNovak dizajn j.d.o.o. (example)")
    a["6"] = "grad bi trebao zadržati " + a["6"]
    mail = reply_mail(inv, "outlook_windows", own, later(inv, 4, 9, 25))
    add_case(40, inv, "ordinal_prose", "outlook_windows", "sto-se-tice-prvog-pete-posljednje",
             mail, a, "Croatian case forms: 'Što se tiče prvog pitanja,', 'Na drugo pitanje:', "
             "'Vezano uz treće pitanje:' alone on its line, 'Što se tiče pete,', 'I na "
             "posljednje pitanje –' (= 6); Outlook 'Od:/Poslano:' block.")

    # 041 split, Gmail; part 2 repeats 3
    inv = invite(2, "hr", "Ivana Šimić", "ivana.simic@uduga-kvart.example.hr")
    a1 = {"1": "Kroz udruge i mjesne odbore.", "2": "Facebook, lokalni portali, plakati.",
          "3": "Ne baš."}
    a2 = {"3": "Ispravak: poduzetnici u centru grada znaju, oni u kvartovima ne.",
          "5": "Anketom i sastancima u kvartovima.", "6": "Info-dani.",
          "7": "Malim potporama."}
    own1 = compose("Poštovani,", numbered(a1, "{n}. ", "\n"), "Ostalo šaljem sutra.",
                   "Ivana Šimić\nUdruga Kvart (example)")
    own2 = compose("Poštovani, evo ostatka odgovora.", numbered(a2, "{n}. ", "\n"),
                   "4 preskačem.", "Ivana")
    m1 = reply_mail(inv, "gmail_web", own1, later(inv, 1, 9, 3))
    m2 = reply_mail(inv, "gmail_web", own2, later(inv, 2, 11, 20))
    split_pair(41, inv, "gmail_web", "ostalo-sutra-ispravak",
               (m1, a1, "Part 1: 1-3, 'Ostalo šaljem sutra.'"),
               (m2, a2, "Part 2: corrects 3 ('Ispravak:'), then 5, 6, 7; '4 preskačem.' "
                        "(I skip 4) is not an answer."),
               "answer 3 given in both parts; merged keeps part 2's text")

    # 042 out-of-office without automatic headers
    inv = invite(2, "hr", "Zoran Kovač", "zoran.kovac@kovac-audio.example.hr")
    text = ("Poštovani,\n\ntrenutno sam na godišnjem odmoru do 16. studenoga. Vaša poruka neće "
            "biti proslijeđena. U hitnim slučajevima nazovite 051 000 000.\n\nZoran Kovač")
    mail = auto_mail(inv, "outlook_web", f"RE: {inv.subject}", text, later(inv, 0, 10, 15), [],
                     html="none")
    add_case(42, inv, "non_answer", "outlook_web", "godisnji-odmor-no-headers", mail, {},
             "Out-of-office ('trenutno sam na godišnjem odmoru') with a plain 'RE:' subject and "
             "no Auto-Submitted/X-Autoreply header: recognisable only from the text and the "
             "timing.", is_answer=False, flags=["auto_reply"])

    # 043 classic: iPhone, numbered, lab 4
    inv = invite(4, "hr", "Mateo Radić", "mateo@radic-foto.example.hr")
    a = {"1": "Vlastita sredstva", "2": "Vaučeri", "3": "Marketing", "4": "Online navečer",
         "6": "Festival fotografije"}
    own = compose(numbered(a, "{n}. ", "\n"), "5 ne znam kako", IPHONE_FOOTER["hr"])
    mail = reply_mail(inv, "iphone_mail", own, later(inv, 0, 23, 1))
    add_case(43, inv, "classic", "iphone_mail", "short-numbered-phone", mail,
             dict(a, **{"5": "ne znam kako"}),
             "One- and two-word answers from an iPhone, '1.'..'4.' and '6.', then '5 ne znam "
             "kako' on its own line after a blank line: 'ne znam kako' (I don't know how) IS "
             "the answer to 5; 'Poslano s mog iPhonea'.")



# ---------------------------------------------------------------------------------------------
# Lithuanian
# ---------------------------------------------------------------------------------------------

def cases_lt() -> None:
    # 044 forwarded (a): Outlook 'PD:' of a colleague's 'RE: PD:' reply
    inv = invite(2, "lt", "Rūta Jankauskienė", "ruta.jankauskiene@medzio-ritmas.example.lt")
    darius = Person("Darius Kazlauskas", "darius.kazlauskas@medzio-ritmas.example.lt")
    fwd = forwarded_invitation(inv, "outlook_windows", "Dariau, gal galėtum atsakyti? Ačiū.\n"
                               "Rūta", darius, later(inv, 0, 14, 5))
    a = {"1": "Per konkrečius pavyzdžius: kiek lankytojų atvyksta, ką jie perka ir kaip smulkus "
              "verslas gali prie to prisijungti.",
         "2": "Verslo asociacijos, Kauno prekybos, pramonės ir amatų rūmai, vietinės Facebook "
              "grupės.",
         "3": "Dalis žino, bet dauguma mano, kad tai tik renginiai menininkams.",
         "4": "Bendri renginiai, vietinių gamintojų produktai renginiuose, patalpų nuoma "
              "parodoms.",
         "5": "Apklausomis ir susitikimais su kūrybinių industrijų asociacijomis.",
         "7": "Mažomis dotacijomis ir matomumu oficialioje programoje."}
    own = compose("Sveika, Rūta,", "štai mano atsakymai:", numbered(a),
                  "6 klausimą palieku tau.", "Darius")
    reply = colleague_reply(inv, darius, "outlook_windows", own, fwd, later(inv, 1, 11, 10))
    note = compose("Laba diena,", "persiunčiu kolegos Dariaus Kazlausko atsakymus į Jūsų "
                   "klausimyną.", "Pagarbiai\nRūta Jankauskienė\nUAB „Medžio ritmas“ "
                   "(example)\nTel. +370 600 00000")
    mail = forward_mail(inv, "outlook_windows", note, reply, later(inv, 1, 12, 0),
                        charset="windows-1257")
    add_case(44, inv, "forwarded", "outlook_windows", "pd-re-pd-colleague", mail, a,
             "Lithuanian Outlook 'PD: RE: PD:' with three 'Nuo:/Išsiųsta:/Kam:/Tema:' blocks "
             "after '____' lines, all unquoted; '6 klausimą palieku tau.' is not an answer; "
             "windows-1257 QP.")

    # 045 bottom-posted Gmail, lab 4
    inv = invite(4, "lt", "Eglė Stankevičiūtė", "egle@molio-studija.example.lt")
    a = {"1": "Lietuvos kultūros taryba (2023 ir 2024 m.) ir savivaldybės kultūros projektų "
              "konkursas.",
         "2": "Nedidelės subsidijos be privalomo bendrafinansavimo.",
         "3": "Pardavimai internetu ir anglų kalba.",
         "4": "Vakariniai užsiėmimai gyvai, Kaune, ne ilgiau kaip trys valandos.",
         "6": "Atviros dirbtuvės senamiestyje."}
    own = compose("Sveiki,", numbered(a, "{n}. ", "\n"), "5 klausimo nesupratau, todėl "
                  "praleidžiu.", "Eglė Stankevičiūtė\nMolio studija (example)")
    mail = reply_mail(inv, "gmail_web", own, later(inv, 2, 20, 47), bottom=True)
    add_case(45, inv, "bottom_posted", "gmail_web", "rase-quote-then-answers", mail, a,
             "Gmail '2025-10-14, an, 09:30, ... rašė:' on top with the whole questionnaire "
             "quoted, answers below on consecutive lines; the line about question 5 is a "
             "remark, not an answer.")

    # 046 local labels, Thunderbird, iso-8859-13
    inv = invite(2, "lt", "Vytautas Petraitis", "vytautas@kurybines-industrijos.example.lt")
    a = {"1": "Reikia kalbėti verslo kalba: pajamos, klientai, matomumas.",
         "2": "Naujienlaiškiai, LinkedIn, verslo pusryčiai.",
         "4": "Rėmimas paslaugomis, bendri projektai su menininkais, vietinių tiekėjų sąrašas.",
         "6": "Viena interneto svetainė ir konsultacijų telefonas.",
         "7": "Pavyzdžiai iš kitų miestų ir greitas sprendimų priėmimas."}
    own = compose("Laba diena,", labelled([("Į 1 klausimą: ", a["1"]),
                                            ("Atsakymas į 2: ", a["2"]),
                                            ("Į 4 klausimą: ", a["4"]),
                                            ("Atsakymas į 6: ", a["6"]),
                                            ("Į 7 klausimą: ", a["7"])]),
                  "Pagarbiai,\nVytautas Petraitis", "-- \nKūrybinių industrijų asociacija "
                  "(example)")
    mail = reply_mail(inv, "thunderbird", own, later(inv, 3, 10, 10), html="none",
                      charset="iso-8859-13")
    add_case(46, inv, "local_labels", "thunderbird", "i-klausima-atsakymas-i", mail, a,
             "Labels 'Į N klausimą:' and 'Atsakymas į N:'; Thunderbird '2020-11-03 10:15, ... "
             "rašė:'; iso-8859-13 QP; '-- ' signature.")

    # 047 ordinal prose from a phone, lower case
    inv = invite(2, "lt", "Karolis Vaitkus", "karolis@vaitkus-kava.example.lt")
    a = {"1": "trumpai ir aiškiai, be biurokratinės kalbos.",
         "2": "instagram ir facebook, kitur mūsų klientų nėra",
         "3": "mano pažįstami verslininkai beveik nieko nežino.",
         "7": "duokit galimybę prekiauti renginiuose be didelių mokesčių"}
    own = compose("labas,", "dėl pirmojo klausimo – " + a["1"],
                  "į antrąjį klausimą: " + a["2"],
                  "kalbant apie trečiąjį klausimą, " + a["3"],
                  "dėl septinto klausimo: " + a["7"], "karolis")
    mail = reply_mail(inv, "gmail_android", own, later(inv, 0, 22, 18))
    add_case(47, inv, "ordinal_prose", "gmail_android", "del-pirmojo-septinto-phone", mail, a,
             "Phone reply in lower case with inflected ordinals: 'dėl pirmojo klausimo –', 'į "
             "antrąjį klausimą:', 'kalbant apie trečiąjį klausimą,', 'dėl septinto "
             "klausimo:'.")

    # 048 split, Outlook, lab 4
    inv = invite(4, "lt", "Jurgita Mockutė", "jurgita@sokio-erdve.example.lt")
    a1 = {"1": "Kultūros tarybos stipendijos ir „Kaunas 2022“ palikimo konkursas.",
          "2": "Ilgalaikis (dvejų–trejų metų) finansavimas.",
          "3": "Vadyba ir rinkodara."}
    a2 = {"4": "Nuotoliniai mokymai po 1–2 valandas, lietuvių kalba.",
          "5": "Organizacija galėtų padengti salių nuomą, o mes – atlikėjų honorarus.",
          "6": "Šiuolaikinio šokio festivalis kiemuose."}
    sig = "Jurgita Mockutė\nVšĮ „Šokio erdvė“ (example)"
    own1 = compose("Laba diena,", numbered(a1), "Likusius atsakymus atsiųsiu rytoj.", sig)
    own2 = compose("Laba diena,", "pamiršau atsakyti į likusius klausimus, siunčiu:",
                   numbered(a2), sig)
    m1 = reply_mail(inv, "outlook_windows", own1, later(inv, 1, 16, 0), charset="windows-1257")
    m2 = reply_mail(inv, "outlook_windows", own2, later(inv, 3, 9, 45), charset="windows-1257")
    split_pair(48, inv, "outlook_windows", "likusius-rytoj",
               (m1, a1, "Part 1: 1-3 and 'Likusius atsakymus atsiųsiu rytoj.'; windows-1257."),
               (m2, a2, "Part 2: 'pamiršau atsakyti į likusius klausimus' then 4-6."),
               "no overlap")

    # 049 out-of-office, iso-8859-13
    inv = invite(2, "lt", "Andrius Žukauskas", "andrius@zukauskas-baldai.example.lt")
    text = ("Sveiki,\n\niki lapkričio 13 d. esu komandiruotėje ir el. laiškus skaitau retai. "
            "Skubiais klausimais kreipkitės el. paštu info@zukauskas-baldai.example.lt.\n\n"
            "Pagarbiai\nAndrius Žukauskas")
    mail = auto_mail(inv, "outlook_windows", f"Automatinis atsakymas: {inv.subject}", text,
                     later(inv, 0, 10, 15), [("Auto-Submitted", "auto-replied"),
                                             ("X-Auto-Response-Suppress", "All")],
                     charset="iso-8859-13", html="none")
    add_case(49, inv, "non_answer", "outlook_windows", "automatinis-atsakymas", mail, {},
             "Lithuanian 'Automatinis atsakymas:' (business trip) with Auto-Submitted; "
             "iso-8859-13 QP.", is_answer=False, flags=["auto_reply"])

    # 050 empty reply: only the quote, lab 4
    inv = invite(4, "lt", "Simona Urbonienė", "simona@urbone-design.example.lt")
    mail = reply_mail(inv, "iphone_mail", IPHONE_FOOTER["lt"], later(inv, 0, 12, 12))
    add_case(50, inv, "non_answer", "iphone_mail", "empty-reply-footer-only", mail, {},
             "Sent by mistake from an iPhone: nothing but 'Išsiųsta iš mano iPhone' above the "
             "quoted questionnaire.", is_answer=False, flags=[])

    # 051 classic: Apple Mail, numbered with a lettered list
    inv = invite(2, "lt", "Laura Kazlauskaitė", "laura@knygu-namai.example.lt")
    a = {"1": "Per konkrečius pasiūlymus verslui, ne per bendras kampanijas.",
         "2": "Trys kanalai, kurie veikia:\na) verslo asociacijų naujienlaiškiai;\nb) vietinė "
              "spauda;\nc) renginiai knygynuose ir kavinėse.",
         "3": "Manau, kad ne.",
         "4": "Knygų mugės, literatūriniai vakarai verslo erdvėse, bendri leidiniai.",
         "5": "Nežinau.",
         "6": "Vienas kontaktinis asmuo savivaldybėje.",
         "7": "Greitas finansavimas mažiems projektams."}
    own = compose("Laba diena,", numbered(a, "{n}) "), "Sėkmės!\nLaura Kazlauskaitė\n"
                  "Knygų namai (example)")
    mail = reply_mail(inv, "apple_mail", own, later(inv, 1, 18, 30))
    add_case(51, inv, "classic", "apple_mail", "numbered-lettered-list", mail, a,
             "Top-posted '1)'..'7)', answer 2 holds an 'a) b) c)' list; 'Nežinau.' IS an "
             "answer; Apple Mail '2020-11-03 10:15, ... rašė:'.")

    # 052 forwarded (b): Gmail, colleague's answers above the forwarded invitation, lab 4
    inv = invite(4, "lt", "Tomas Balčiūnas", "tomas@balciunas-studija.example.lt")
    ieva = Person("Ieva Rimkutė", "ieva@balciunas-studija.example.lt")
    fwd = forwarded_invitation(inv, "gmail_web", "Ieva, atsakyk jiems, prašau.", ieva,
                               later(inv, 0, 16, 20))
    a = {"1": "Savivaldybės kultūros projektų finansavimas ir rėmėjai.",
         "3": "Finansų valdymas ir projektų rašymas.",
         "4": "Trumpi mokymai gyvai, darbo dienomis po pietų.",
         "6": "Kūrybinių dirbtuvių tinklą."}
    note = compose("Sveiki,", "Tomas paprašė atsakyti į klausimyną. Mūsų atsakymai:",
                   numbered(a, "{n}. ", "\n"), "Geros dienos,\nIeva Rimkutė\nBalčiūno studija "
                   "(example)")
    mail = forward_mail(inv, "gmail_web", note, fwd, later(inv, 2, 9, 30), sender=ieva)
    add_case(52, inv, "forwarded", "gmail_web", "persiustas-laiskas-answers-above", mail, a,
             "Gmail 'Persiųstas laiškas' (Fwd: Fwd:) by a colleague with her answers above "
             "the forwarded forward; the invitee's one-line request is not an answer.")



# ---------------------------------------------------------------------------------------------
# German
# ---------------------------------------------------------------------------------------------

def cases_de() -> None:
    # 053 forwarded (b): Thunderbird inline forward, answers typed under each question
    inv = invite(2, "de", "Sabine Krüger", "s.krueger@krueger-metallbau.example.de")
    uwe = Person("Uwe Lindner", "u.lindner@krueger-metallbau.example.de")
    a = {"1": "Über die Kammern und mit Beispielen aus dem Handwerk, nicht aus der Kunst.",
         "2": "IHK- und HWK-Newsletter, Freie Presse, Innungsversammlungen.",
         "3": "Eher nicht. Man hat davon gehört, aber nicht, was es für einen selbst bedeutet.",
         "4": "Aufträge für Bühnenbau und Ausstattung, Werkstattführungen, gemeinsame "
              "Ausbildungsprojekte.",
         "6": "Eine zentrale Ansprechperson bei der Stadt.",
         "7": "Kleine, schnell entschiedene Aufträge."}
    fwd = forwarded_invitation(inv, "thunderbird", "Uwe, kannst Du das bitte beantworten? "
                               "Danke, Sabine", uwe, later(inv, 0, 13, 40), answers_under=a)
    note = compose("Sehr geehrte Damen und Herren,", "Frau Krüger hat mich gebeten, die "
                   "Fragen zu beantworten. Ich habe die Antworten direkt unter die Fragen "
                   "geschrieben.", "Mit freundlichen Grüßen\nUwe Lindner\nKrüger Metallbau "
                   "GmbH (example)")
    mail = forward_mail(inv, "thunderbird", note, fwd, later(inv, 2, 10, 5), sender=uwe,
                        html="none", cte="8bit")
    add_case(53, inv, "forwarded", "thunderbird", "weitergeleitete-nachricht-under-questions",
             mail, a, "Two Thunderbird inline forwards ('-------- Weitergeleitete Nachricht "
             "--------' with tab-aligned Betreff/Datum/Von/An); the colleague typed each answer "
             "on the line under its question in the forwarded invitation (5 left empty); the "
             "invitee's request is not an answer.")

    # 054 forwarded (a): Outlook 'WG: AW: WG:', lab 4
    inv = invite(4, "de", "Frank Seidel", "f.seidel@seidel-verlag.example.de")
    nora = Person("Nora Hahn", "n.hahn@seidel-verlag.example.de")
    fwd = forwarded_invitation(inv, "outlook_windows", "Hallo Nora,\n\nbitte einmal "
                               "beantworten, Du kennst die Zahlen.\n\nGruß\nFrank", nora,
                               later(inv, 0, 11, 11))
    a = {"1": "Kulturstiftung des Freistaates Sachsen (2024), Neustart Kultur, "
              "Druckkostenzuschüsse und unser Crowdfunding für die Stadtteilchronik.",
         "2": "Zinslose Darlehen für die Vorfinanzierung. Zuschüsse kommen meist erst nach der "
              "Produktion.",
         "3": "• Lizenzhandel und Rechte\n• Online-Marketing\n• Buchhaltung für "
              "Förderprojekte",
         "5": "Gemeinsame Projektstelle, Kosten anteilig nach Nutzen.",
         "6": "Die Lesungen in leerstehenden Läden."}
    own = compose("Hallo Frank,", "anbei meine Antworten:", numbered(a, "{n}) "),
                  "4 musst Du ergänzen.",
                  "Viele Grüße\nNora\n\nNora Hahn | Programmleitung\nSeidel Verlag (example)")
    reply = colleague_reply(inv, nora, "outlook_windows", own, fwd, later(inv, 1, 15, 50))
    note = compose("Guten Tag,", "hier die Antworten meiner Kollegin Frau Hahn. Von mir "
                   "selbst noch: Wir machen gern beim nächsten Workshop mit.",
                   "Mit freundlichen Grüßen\n\nFrank Seidel\nGeschäftsführer\nSeidel Verlag "
                   "GmbH & Co. KG (example)\nTel. 0371 000000",
                   "Sitz der Gesellschaft: Chemnitz, Amtsgericht Chemnitz HRA 0000 (example)")
    mail = forward_mail(inv, "outlook_windows", note, reply, later(inv, 1, 16, 5),
                        charset="windows-1252")
    add_case(54, inv, "forwarded", "outlook_windows", "wg-aw-wg-colleague", mail, a,
             "German Outlook 'WG: AW: WG:' with nested 'Von:/Gesendet:/An:/Betreff:' blocks; "
             "the colleague's '1)' answers, answer 3 a '•' list; '4 musst Du ergänzen' is a "
             "remark (not an answer); the invitee's own sentence about the workshop is not an "
             "answer; windows-1252 QP.")

    # 055 bottom-posted Apple Mail
    inv = invite(2, "de", "Katharina Vogt", "katharina@vogt-keramik.example.de")
    a = {"1": "Mit Geschichten von Betrieben, die schon mitgemacht haben.",
         "2": "Instagram, die Kreativ-Stammtische und die Kammer.",
         "3": "Die Kreativen ja, der klassische Mittelstand kaum.",
         "4": "Werkstätten als Spielorte, Auftragsarbeiten für Gäste, Kooperationen mit "
              "Schulen.",
         "5": "Fragen Sie uns direkt. Wir sind nicht so viele.",
         "7": "Ein kleines Budget, schnell und unbürokratisch."}
    own = compose("Hallo,", numbered(a), "Herzliche Grüße\nKatharina Vogt\nVogt Keramik "
                  "(example)")
    mail = reply_mail(inv, "apple_mail", own, later(inv, 1, 21, 30), bottom=True)
    add_case(55, inv, "bottom_posted", "apple_mail", "am-schrieb-quote-then-answers", mail, a,
             "Apple Mail 'Am 03.11.2020 um 10:15 schrieb ...:' with the whole invitation quoted "
             "first, the answers '1.'..'7.' (6 skipped) below it.")

    # 056 local labels, Outlook on the web
    inv = invite(2, "de", "Thomas Weber", "thomas.weber@weber-events.example.de")
    a = {"1": "Klare Ansprache: Was bringt es meinem Betrieb, was kostet es, wen rufe ich an.",
         "2": "LinkedIn und die Newsletter der Wirtschaftsförderung.",
         "3": "Teilweise.",
         "5": "Mit einer Umfrage, aber bitte kurz (max. 5 Minuten).",
         "7": "Sichtbarkeit im offiziellen Programm und faire Zahlungsziele."}
    own = compose("Guten Tag,", labelled([("Zu 1.:\u00a0", a["1"]), ("Ad 2)\u00a0", a["2"]),
                                          ("Zu Frage 3: ", a["3"]), ("Zu 5.: ", a["5"]),
                                          ("Ad 7) ", a["7"])]),
                  "Beste Grüße\nThomas Weber\nWeber Events (example)")
    mail = reply_mail(inv, "outlook_web", own, later(inv, 2, 8, 22))
    add_case(56, inv, "local_labels", "outlook_web", "zu-ad-zu-frage", mail, a,
             "Labels 'Zu 1.:', 'Ad 2)' (each followed by a no-break space), 'Zu Frage 3:', 'Zu 5.:', 'Ad 7)'; 'Teilweise.' is a "
             "one-word answer; Outlook on the web '____' + 'Von:/Gesendet:' block.")

    # 057 ordinal prose, Gmail, lab 4
    inv = invite(4, "de", "Lea Brandt", "lea@brandt-illustration.example.de")
    a = {"1": "Bisher nur eigene Mittel und zwei Aufträge der Stadt.",
         "2": "ganz klar Mikrozuschüsse bis 5.000 € mit einfachem Antrag.",
         "3": "Es fehlt an kaufmännischem Wissen: Kalkulation, Verträge, Steuern. Die meisten "
              "von uns haben Gestaltung studiert, nicht BWL.",
         "4": "Abendformate in Präsenz, gern im Kreativzentrum, auf Deutsch.",
         "6": "die offenen Ateliers."}
    own = compose("Hallo zusammen,", "Zur ersten Frage: " + a["1"],
                  "Was die zweite Frage angeht, " + a["2"], "Zur dritten Frage:\n" + a["3"],
                  "Zur vierten Frage – " + a["4"], "Und zur letzten Frage: " + a["6"],
                  "Liebe Grüße\nLea Brandt")
    mail = reply_mail(inv, "gmail_web", own, later(inv, 3, 19, 9), cte="base64")
    add_case(57, inv, "ordinal_prose", "gmail_web", "zur-ersten-dritten-letzten", mail, a,
             "'Zur ersten Frage:', 'Was die zweite Frage angeht,', 'Zur dritten Frage:' alone "
             "on its line (answer below), 'Zur vierten Frage –', 'Und zur letzten Frage:' (= "
             "6); German Gmail attribution; base64.")

    # 058 split, Outlook for Mac; part 2 answers 1 again
    inv = invite(2, "de", "Michael Braun", "m.braun@braun-it.example.de")
    a1 = {"1": "Über Unternehmerstammtische.", "2": "LinkedIn, Xing, Newsletter.",
          "4": "Sponsoring von IT-Infrastruktur."}
    a2 = {"1": "Ergänzung zu gestern: über Unternehmerstammtische und über die Steuerberater, "
               "die kennen alle Betriebe.",
          "3": "Nein.", "6": "Eine Website mit allen Ausschreibungen.",
          "7": "Mit Aufträgen."}
    own1 = compose("Hallo,", numbered(a1, "{n}. ", "\n"), "Der Rest folgt.",
                   "Gruß\nMichael Braun\nBraun IT-Service (example)")
    own2 = compose("Hallo nochmal,", "hier der Rest (und 1 noch einmal vollständig):",
                   numbered(a2, "{n}. ", "\n"), "5 lasse ich aus.",
                   "Gruß\nMichael Braun")
    m1 = reply_mail(inv, "outlook_mac", own1, later(inv, 0, 16, 45))
    m2 = reply_mail(inv, "outlook_mac", own2, later(inv, 1, 8, 3))
    split_pair(58, inv, "outlook_mac", "der-rest-folgt",
               (m1, a1, "Part 1: 1, 2, 4 and 'Der Rest folgt.'"),
               (m2, a2, "Part 2: 1 again in full ('Ergänzung zu gestern:'), then 3, 6, 7; '5 "
                        "lasse ich aus.' is a remark, not an answer."),
               "answer 1 given in both parts; merged keeps part 2's text")

    # 059 out-of-office, Exchange
    inv = invite(2, "de", "Petra Schulze", "petra.schulze@stadtwerke-beispiel.example.de")
    text = ("Vielen Dank für Ihre Nachricht.\n\nIch bin bis einschließlich 13.11.2020 nicht im "
            "Büro. Ihre E-Mail wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich "
            "bitte an unser Sekretariat unter 0371 000000.\n\nMit freundlichen Grüßen\n"
            "Petra Schulze")
    mail = auto_mail(inv, "outlook_windows", f"Abwesenheitsnotiz: {inv.subject}", text,
                     later(inv, 0, 10, 15), [("Auto-Submitted", "auto-replied"),
                                             ("X-MS-Exchange-Inbox-Rules-Loop", inv.invitee.email)])
    add_case(59, inv, "non_answer", "outlook_windows", "abwesenheitsnotiz", mail, {},
             "Exchange 'Abwesenheitsnotiz:' with Auto-Submitted: auto-replied and "
             "X-MS-Exchange-Inbox-Rules-Loop.", is_answer=False, flags=["auto_reply"])

    # 060 read receipt, Thunderbird, lab 4
    inv = invite(4, "de", "Jan Hoffmann", "jan@hoffmann-tonstudio.example.de")
    text = (f"Dies ist eine Empfangsbestätigung für die Nachricht, die Sie an "
            f"{inv.invitee.email} gesendet haben, Zeitpunkt: {numeric_date(inv.sent, 'de')} "
            f"{hm(inv.sent, 'de')}.\n\nDiese Empfangsbestätigung bedeutet nur, dass die "
            "Nachricht auf dem Computer des Empfängers angezeigt wurde. Es gibt keine Garantie, "
            "dass der Empfänger die Nachricht gelesen oder ihren Inhalt verstanden hat.")
    mail = read_receipt(inv, "thunderbird", f"Empfangsbestätigung (angezeigt) - {inv.subject}",
                        text, later(inv, 0, 14, 2), "Thunderbird")
    add_case(60, inv, "non_answer", "thunderbird", "empfangsbestaetigung", mail, {},
             "Thunderbird read receipt 'Empfangsbestätigung (angezeigt)' (multipart/report, "
             "disposition-notification) with the invitation only in Original-Message-ID.",
             is_answer=False, flags=["auto_reply"])

    # 061 classic from a Samsung phone
    inv = invite(2, "de", "Yusuf Demir", "yusuf@demir-imbiss.example.de")
    a = {"1": "einfach erklären was man davon hat", "2": "whatsapp, instagram",
         "3": "nein", "4": "essen verkaufen bei den festen", "7": "weniger papierkram!!"}
    own = compose(numbered(a, "{n}. ", "\n"), "gruß yusuf", SAMSUNG_FOOTER["de"])
    mail = reply_mail(inv, "samsung_email", own, later(inv, 0, 23, 37))
    add_case(61, inv, "classic", "samsung_email", "phone-lower-case-numbered", mail, a,
             "Phone reply without capitals: '1.'..'4.', '7.' on consecutive lines; Samsung "
             "'-------- Ursprüngliche Nachricht --------' block and 'Von meinem Samsung Galaxy "
             "Smartphone gesendet.'; subject 'AW:'.")

    # 062 classic: Outlook, answers in two paragraphs and a numbered list, lab 4
    inv = invite(4, "de", "Dr. Ulrike Schmitt", "u.schmitt@tu-beispiel.example.de")
    a = {"1": "Drittmittel (EFRE, Sächsisches Staatsministerium), Sponsoring der Sparkasse.",
         "2": "Eine Kombination:\n1. kleine Zuschüsse für Prototypen,\n2. Bürgschaften für "
              "Bankkredite,\n3. Matching-Funds für Crowdfunding.\n\nWichtig wäre, dass die "
              "Programme länger als ein Jahr laufen.",
         "3": "Vertrieb und Internationalisierung.",
         "4": "Blockseminare an zwei Tagen, Präsenz, Englisch ist in Ordnung.",
         "5": "Die Legacy-Gesellschaft übernimmt Raum und Koordination, die Unternehmen "
              "Personal und Material.",
         "6": "Das Netzwerk der Kreativorte."}
    own = compose("Sehr geehrte Damen und Herren,", "anbei unsere Antworten aus dem "
                  "Gründungsservice.", numbered(a, "Frage {n}: "), "Mit freundlichen Grüßen\n"
                  "Dr. Ulrike Schmitt\nGründungsservice, Technische Universität (example)")
    mail = reply_mail(inv, "outlook_windows", own, later(inv, 7, 14, 30), charset="iso-8859-15")
    add_case(62, inv, "classic", "outlook_windows", "frage-n-inner-numbered-list", mail, a,
             "'Frage N:' numbering where answer 2 contains its own '1. 2. 3.' list and a second "
             "paragraph: the inner numbers are not questions; iso-8859-15 QP.")



# ---------------------------------------------------------------------------------------------
# Finnish
# ---------------------------------------------------------------------------------------------

def cases_fi() -> None:
    # 063 forwarded (a): Gmail 'Välitetty viesti' of a colleague's reply
    inv = invite(2, "fi", "Jukka Heikkilä", "jukka.heikkila@heikkilan-puutyo.example.fi")
    minna = Person("Minna Laine", "minna.laine@heikkilan-puutyo.example.fi")
    fwd = forwarded_invitation(inv, "gmail_web", "Minna, ehditkö vastata tähän?", minna,
                               later(inv, 0, 14, 30))
    a = {"1": "Konkreettisilla esimerkeillä: mitä yritys voi myydä, kenelle ja milloin.",
         "2": "Oulun Yrittäjien uutiskirje, paikallislehti, LinkedIn ja yritysten aamukahvit.",
         "3": "Huonosti. Useimmat ajattelevat, että kyse on taiteesta eikä liiketoiminnasta.",
         "5": "Kyselyllä ja pienillä työpajoilla toimialoittain.",
         "6": "Yksi verkkosivu ja yksi yhteyshenkilö.",
         "7": "Pienillä tilauksilla ja nopealla päätöksenteolla."}
    own = compose("Moi Jukka,", "tässä vastaukset:", numbered(a), "Kohta 4 jää sinulle.",
                  "Minna")
    reply = colleague_reply(inv, minna, "gmail_web", own, fwd, later(inv, 1, 9, 15))
    note = compose("Hei,", "ohessa kollegani Minna Laineen vastaukset kyselyyn. Olen samaa "
                   "mieltä.", "Terveisin\nJukka Heikkilä\nHeikkilän Puutyö Oy (example)\n"
                   "puh. 040 000 0000")
    mail = forward_mail(inv, "gmail_web", note, reply, later(inv, 1, 10, 40))
    add_case(63, inv, "forwarded", "gmail_web", "valitetty-viesti-colleague", mail, a,
             "Finnish Gmail '---------- Välitetty viesti ---------' of the colleague's reply, "
             "which quotes the invitee's forward with '>' and the Finnish attribution with the "
             "address in parentheses; 'Kohta 4 jää sinulle.' is not an answer.")

    # 064 forwarded (b): Outlook 'VL: VL:', answers under the questions, lab 4
    inv = invite(4, "fi", "Sari Korhonen", "sari.korhonen@taidetehdas-pohjoinen.example.fi")
    antti = Person("Antti Mäkelä", "antti.makela@taidetehdas-pohjoinen.example.fi")
    a = {"1": "Taiteen edistämiskeskuksen avustukset, kaupungin kulttuuriavustus ja yksi "
              "Leader-hanke.",
         "2": "Monivuotiset toiminta-avustukset. Hankerahalla ei voi palkata ketään "
              "pysyvästi.",
         "3": "Myynti ja markkinointi sekä englanninkielisten hakemusten kirjoittaminen.",
         "4": "Puolen päivän työpajat paikan päällä, suomeksi.",
         "6": "Yhteiset tuotantotilat."}
    fwd = forwarded_invitation(inv, "outlook_windows", "Antti, voisitko vastata tähän? "
                               "Kiitos! Sari", antti, later(inv, 0, 10, 12), answers_under=a)
    note = compose("Hei,", "Sari Korhonen pyysi minua vastaamaan. Kirjoitin vastaukset "
                   "kysymysten alle.", "Ystävällisin terveisin\nAntti Mäkelä\nTuottaja, "
                   "Taidetehdas Pohjoinen ry (example)")
    mail = forward_mail(inv, "outlook_windows", note, fwd, later(inv, 2, 13, 55), sender=antti)
    add_case(64, inv, "forwarded", "outlook_windows", "vl-vl-answers-under-questions", mail, a,
             "Finnish Outlook 'VL: VL:' by a colleague: answers on the line under each "
             "question of the forwarded invitation (5 left empty); 'Lähettäjä:/Lähetetty:/"
             "Vastaanottaja:/Aihe:' blocks after '____' lines.")

    # 065 bottom-posted iPhone
    inv = invite(2, "fi", "Ville Rantanen", "ville@kahvila-rantanen.example.fi")
    a = {"1": "Lyhyesti ja selkeästi", "2": "Instagram ja Facebook", "3": "Ei oikein",
         "4": "Tapahtumia kahviloissa", "6": "Kaikki yhdellä sivulla"}
    own = compose(numbered(a, "{n}. ", "\n"), "Ville", IPHONE_FOOTER["fi"])
    mail = reply_mail(inv, "iphone_mail", own, later(inv, 0, 21, 58), bottom=True)
    add_case(65, inv, "bottom_posted", "iphone_mail", "kirjoitti-kello-under-quote", mail, a,
             "iPhone answers typed under the quote (attribution '... kirjoitti 3.11.2020 kello "
             "10.15:' inside it), short answers without final dots, 'Lähetetty iPhonesta' at "
             "the very end.")

    # 066 local labels, Outlook, iso-8859-15, lab 4
    inv = invite(4, "fi", "Hanna Lehtonen", "hanna@lehtonen-design.example.fi")
    a = {"1": "Omaa rahaa ja Business Finlandin innovaatioseteli.",
         "2": "Pieniä avustuksia ilman omarahoitusosuutta.",
         "3": "Hinnoittelu ja sopimukset.",
         "5": "Kustannukset voisi jakaa puoliksi, kun hyöty on yhteinen.",
         "6": "Luovien alojen yhteistyöverkosto."}
    own = compose("Hei,", labelled([("Vastaus kysymykseen 1: ", a["1"]), ("Kohta 2: ", a["2"]),
                                    ("Kys. 3:\u00a0", a["3"]),
                                    ("Vastaus kysymykseen 5: ", a["5"]),
                                    ("Kohta 6: ", a["6"])]),
                  "Ystävällisin terveisin\nHanna Lehtonen\nLehtonen Design Oy (example)")
    mail = reply_mail(inv, "outlook_windows", own, later(inv, 1, 15, 5),
                      charset="iso-8859-15", crlf=True)
    add_case(66, inv, "local_labels", "outlook_windows", "vastaus-kysymykseen-kohta", mail, a,
             "Labels 'Vastaus kysymykseen N:', 'Kohta N:', 'Kys. 3:' (no-break space after it); 4 skipped; Finnish Outlook "
             "'VS:' with 'Lähettäjä:/Lähetetty:' block; iso-8859-15 QP, CRLF.")

    # 067 ordinal prose, Thunderbird
    inv = invite(2, "fi", "Pekka Niemi", "pekka.niemi@pohjoinen-yliopisto.example.fi")
    a = {"1": "viestinnän pitää lähteä yrittäjän arjesta, ei ohjelman tavoitteista.",
         "2": "paikalliset yrittäjäjärjestöt ja alueen media ovat tehokkaimpia.",
         "3": "Kokemukseni mukaan mahdollisuudet tunnetaan heikosti, erityisesti pienissä "
              "palveluyrityksissä.",
         "5": "luovan alan tarpeet selviävät parhaiten haastattelemalla yrittäjiä.",
         "7": "pienet ja nopeat rahoitusmuodot sekä näkyvyys ohjelmassa."}
    own = compose("Hei,", "Ensimmäiseen kysymykseen: " + a["1"],
                  "Toisesta kysymyksestä: " + a["2"], "Kolmanteen kysymykseen:\n" + a["3"],
                  "Mitä tulee viidenteen kysymykseen, " + a["5"],
                  "Viimeiseen kysymykseen: " + a["7"],
                  "Terveisin\nPekka Niemi\nyliopistotutkija, Pohjoinen yliopisto (example)")
    mail = reply_mail(inv, "thunderbird", own, later(inv, 3, 11, 21), html="none",
                      flowed=True, cte="8bit")
    add_case(67, inv, "ordinal_prose", "thunderbird", "ensimmaiseen-viidenteen-viimeiseen",
             mail, a, "Finnish case forms: 'Ensimmäiseen kysymykseen:', 'Toisesta "
             "kysymyksestä:', 'Kolmanteen kysymykseen:' alone on its line, 'Mitä tulee "
             "viidenteen kysymykseen,', 'Viimeiseen kysymykseen:' (= 7); format=flowed.")

    # 068 split from a Samsung phone, lab 4; part 2 changes 2
    inv = invite(4, "fi", "Laura Saarinen", "laura@saarinen-kuva.example.fi")
    a1 = {"1": "omat säästöt", "2": "setelit", "3": "markkinointi"}
    a2 = {"2": "setelit tai pienet avustukset, kumpi vaan", "4": "iltaisin verkossa",
          "5": "en osaa sanoa", "6": "taiteilijaresidenssit"}
    foot = SAMSUNG_FOOTER["fi"]
    m1 = reply_mail(inv, "samsung_email", compose(numbered(a1, "{n}. ", "\n"),
                                                  "loput myöhemmin", foot),
                    later(inv, 0, 20, 20))
    m2 = reply_mail(inv, "samsung_email", compose("loput ja 2 uudestaan:",
                                                  numbered(a2, "{n}. ", "\n"), "laura", foot),
                    later(inv, 1, 7, 12))
    split_pair(68, inv, "samsung_email", "loput-myohemmin",
               (m1, a1, "Part 1 from a phone, lower case: 1-3 and 'loput myöhemmin'."),
               (m2, a2, "Part 2: 'loput ja 2 uudestaan:' 2 again, 4, 5, 6; 'en osaa sanoa' "
                        "IS an answer."),
               "answer 2 given in both parts; merged keeps part 2's text")

    # 069 thanks, will answer later, Gmail on Android
    inv = invite(2, "fi", "Timo Virtanen", "timo@virtanen-kuljetus.example.fi")
    mail = reply_mail(inv, "gmail_android", compose("Kiitos, vastaan myöhemmin tällä viikolla.",
                                                    "Timo"), later(inv, 0, 12, 31))
    add_case(69, inv, "non_answer", "gmail_android", "kiitos-vastaan-myohemmin", mail, {},
             "'Kiitos, vastaan myöhemmin': a human reply that is not an answer.",
             is_answer=False, flags=[])

    # 070 out-of-office, Outlook on the web, lab 4
    inv = invite(4, "fi", "Riikka Hämäläinen", "riikka.hamalainen@oulun-kulttuuri.example.fi")
    text = ("Hei,\n\nolen lomalla 27.10.2025 asti enkä lue sähköpostia. Kiireellisissä "
            "asioissa ota yhteyttä kulttuuritoimistoon, puh. 08 000 0000.\n\nRiikka Hämäläinen")
    mail = auto_mail(inv, "outlook_web", f"Automaattinen vastaus: {inv.subject}", text,
                     later(inv, 0, 9, 30), [("Auto-Submitted", "auto-generated"),
                                            ("X-Auto-Response-Suppress", "All")])
    add_case(70, inv, "non_answer", "outlook_web", "automaattinen-vastaus", mail, {},
             "Finnish 'Automaattinen vastaus:' from Outlook on the web with Auto-Submitted: "
             "auto-generated.", is_answer=False, flags=["auto_reply"])

    # 071 classic top-posted, Proton, lab 4
    inv = invite(4, "fi", "Eero Kallio", "eero@revontuli-games.example.fi")
    a = {"1": "Business Finlandin Tempo-rahoitus ja enkelisijoittajat. Kulttuurirahaa emme ole "
              "saaneet.",
         "2": "Pääomalainat, joissa on joustava takaisinmaksu.",
         "3": "- myynti kansainvälisille julkaisijoille\n- yhteisön hallinta\n- taloushallinto",
         "4": "Englanniksi, verkossa, lyhyitä. Mieluiten tallenteina.",
         "6": "Pelialan yhteisötilan."}
    own = compose("Moi,", numbered(a), "Ohitamme kysymyksen 5.",
                  "Terveisin,\nEero Kallio\nRevontuli Games Oy (example)")
    mail = reply_mail(inv, "proton", own, later(inv, 2, 14, 14))
    add_case(71, inv, "classic", "proton", "numbered-with-dash-list", mail, a,
             "Top-posted '1.'..'6.' from Proton Mail, answer 3 is a dash list; 'Ohitamme kysymyksen 5.' "
             "(we skip question 5) is not an answer; Finnish Proton quote header 'Alkuperäinen "
             "viesti'.")


def main() -> int:
    for lang in LANGS:
        if f"cases_{lang}" in globals():
            globals()[f"cases_{lang}"]()
    write_all(HERE)
    try:
        check_all(HERE)
    except CheckFailed as failure:
        print(f"check failed: {failure}", file=sys.stderr)
        return 1
    print(f"{len(CASES)} mails, {len(INVITATIONS)} invitations written and checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
