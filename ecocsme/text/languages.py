"""The platform's eight languages in one table: names, the language detector's and the stemmer's
names for each, stop words, and the phrases mail programs and people write in each, which the
reply reader looks for.

Mail phrases are regular-expression fragments, matched case-insensitively; the reader joins each
kind across every language (a Romanian reply may quote a German mail program's header), so a
phrase may sit with any language it belongs to. `OTHER_MAIL_PHRASES` holds what mail programs
write in languages the platform does not serve.
"""

from dataclasses import dataclass, field, fields


def gettext_noop(message: str) -> str:
    """Marks a name for translation (makemessages finds it); the platform translates it where it
    shows it (settings.LANGUAGES)."""
    return message


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class MailPhrases:
    """What the reply reader recognises, in one language."""

    wrote: tuple[str, ...] = ()  # ends a quote header: "On … wrote:", "Am … schrieb:"
    quote_openers: tuple[str, ...] = ()  # starts it
    original_message: tuple[str, ...] = ()  # "-----Original Message-----", forwarded too
    forwarded: tuple[str, ...] = ()  # "Forwarded message", "Begin forwarded message" (a forward's own line)
    forward_subjects: tuple[str, ...] = ()  # "Fwd:", "WG:" before a forwarded mail's subject
    from_labels: tuple[str, ...] = ()  # "From:" of an Outlook header block
    header_labels: tuple[str, ...] = ()  # "Sent:", "To:", "Subject:" of that block
    sign_offs: tuple[str, ...] = ()  # "Kind regards" on a line of its own
    sent_from: tuple[str, ...] = ()  # "Sent from my iPhone"
    disclaimers: tuple[str, ...] = ()
    company_register: tuple[str, ...] = ()  # register and tax numbers at the foot of a mail
    closings: tuple[str, ...] = ()  # "Hope this helps" as a last short paragraph
    auto_reply_subjects: tuple[str, ...] = ()
    auto_reply_bodies: tuple[str, ...] = ()
    bounce_subjects: tuple[str, ...] = ()
    unsubscribe: tuple[str, ...] = ()
    later: tuple[str, ...] = ()  # "I will answer next week"
    own_structure: tuple[str, ...] = ()  # "rather than answering one by one"
    question_words: tuple[str, ...] = ()  # before a question's number: "Q1", "Întrebarea 1"
    answer_words: tuple[str, ...] = ()  # before an answer: "A:", "Antwort 2"
    item_words: tuple[str, ...] = ()  # other words before a number: "Ad 3)", "punctul 2"


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    name: str  # in English; translated where it is shown
    native_name: str
    lingua_name: str  # the member of lingua.Language
    stemmer: str  # the snowballstemmer algorithm (Serbian's serves Croatian)
    stop_words_list: str | None  # the language in the stop-words package, when it has it
    stop_words: frozenset[str]  # more: the package's missing languages, and words every answer here uses
    mail: MailPhrases = field(default_factory=MailPhrases)


ENGLISH = Language(
    code="en", name=gettext_noop("English"), native_name="English", lingua_name="ENGLISH",
    stemmer="english", stop_words_list="english",
    stop_words=_words("ecoc european europe sme smes startup startups start-up start-ups"),
    mail=MailPhrases(
        wrote=("wrote",),
        quote_openers=("on",),
        original_message=("original message", "forwarded message"),
        forwarded=("forwarded message", "begin forwarded message"),
        forward_subjects=("fwd?", "fw"),
        from_labels=("from",),
        header_labels=("sent", "date", "to", "subject"),
        sign_offs=("all the best", "best", "br", "kind wishes", "greetings( from .{1,40})?",
                   "best( regards| wishes)?", "kind regards", "regards", "warm regards", "many thanks",
                   "thanks?( you)?( and regards)?", "cheers", "sincerely",
                   "yours( sincerely| faithfully)?"),
        sent_from=("sent from my",),
        disclaimers=("confidential", "this (e-?mail|message) and any attach", "disclaimer",
                     "please consider the environment"),
        company_register=("vat (no|number)",),
        closings=("hope (this|it|that) helps", "will send (you )?more", "more (details )?(later|soon)",
                  "let me know", "happy to (help|talk|discuss)", "feel free to", "good luck", "the rest"),
        auto_reply_subjects=("out of (the )?office", "automatic reply", "auto[- ]?reply", "autoreply",
                             "vacation"),
        auto_reply_bodies=("out of (the )?office", "i am (currently )?away", "i('| a)m on (annual )?leave",
                           "on holiday until", "limited access to (my )?e-?mail"),
        bounce_subjects=("undeliver", "delivery (status notification|failure|has failed)",
                         "returned mail", "mail delivery failed", "failure notice"),
        unsubscribe=("unsubscribe", "remove me", "take me off", "no longer (wish|want) to receive"),
        later=("will (answer|reply|respond|get back|send)", "next week", "later this week"),
        own_structure=("rather than answering", "instead of answering",
                       "not answer(ing)? (the questions )?one by one"),
        question_words=("q", "question"),
        answer_words=("answer", "ans", "a"),
        item_words=("re", "no", "n", "nr"),
    ),
)

ROMANIAN = Language(
    code="ro", name=gettext_noop("Romanian"), native_name="Română", lingua_name="ROMANIAN",
    stemmer="romanian", stop_words_list="romanian",
    stop_words=_words("cea ceac capitală capitala cultura culturii europeană imm imm-uri imm-urile "
                      "startup-uri startup-urile firme firmele companii companiile"),
    mail=MailPhrases(
        wrote=("a scris",),
        quote_openers=("în", "in", "pe"),
        original_message=("mesaj(ul)? original", "mesaj redirecționat"),
        forwarded=("mesaj redirec[țţt]ionat", "[îi]nceput mesaj redirec[țţt]ionat", "mesaj [îi]naintat"),
        forward_subjects=("redirec[țţt]ionare", "[îi]naintare"),
        from_labels=("de la", "de"),
        header_labels=("trimis", "data", "către", "subiect"),
        sign_offs=("cu (stimă|stima|respect|drag|bine)", "cu deosebită stimă", "toate cele bune",
                   "mulțumesc", "mulțumim", "multumesc", "numai bine", "o zi (bună|frumoasă)", "o zi bună",
                   "pe curând", "salutări( din .{1,40})?"),
        sent_from=("trimis de pe", "trimis din"),
        disclaimers=("confidențial", "acest (e-?mail|mesaj).{0,40}(confiden|destinat)",
                     "gândiți-vă la mediu"),
        company_register=(r"nr\. ?reg\. ?com", r"j\d{2}/\d+/\d{4}", "cui:? ?ro"),
        closings=("sper (că|ca|sa|să) (v-|vă |va )?", "rămân la dispoziți", "ramân la dispoziți",
                  "mult succes", "restul"),
        auto_reply_subjects=("răspuns automat", "raspuns automat"),
        auto_reply_bodies=("sunt (plecat|plecată|în concediu|in concediu)",
                           "(sunt|voi fi) în afara biroului", "revin (la birou )?(în|pe|după)"),
        unsubscribe=("dezabon", "nu mai doresc", "scoateți-mă", "mă scoateți", "scoateti-ma", "ma scoateti",
                     "lista de distribuți"),
        later=("(voi|o să) (răspunde|reveni|trimite)", "revin (cu|săptămâna|mâine)", "săptămâna viitoare"),
        own_structure=("în loc să răspund",),
        question_words=("întrebarea", "intrebarea", "întrebare", "intrebare"),
        answer_words=("răspuns(?:ul)?", "raspuns(?:ul)?", "r"),
        item_words=("punctul", "punct", "pct", "nr"),
    ),
)

ITALIAN = Language(
    code="it", name=gettext_noop("Italian"), native_name="Italiano", lingua_name="ITALIAN",
    stemmer="italian", stop_words_list="italian",
    stop_words=_words("capitale cultura europea pmi imprese aziende"),
    mail=MailPhrases(
        wrote=("ha scritto",),
        quote_openers=("il", "in"),
        original_message=("messaggio originale", "messaggio inoltrato"),
        forwarded=("messaggio inoltrato", "inizio messaggio inoltrato"),
        forward_subjects=("i", "inoltro"),
        from_labels=("da",),
        header_labels=("inviato", "data", "a", "oggetto"),
        sign_offs=("cordiali saluti", "distinti saluti", "saluti", "saluti da .{1,40}",
                   "un (caro )?saluto", "grazie", "buona giornata"),
        sent_from=("inviato da",),
        disclaimers=("riservat", "il presente messaggio"),
        company_register=(r"p\. ?iva", "partita iva"),
        closings=("resto a disposizione", "restiamo a disposizione", "spero (che|di) ", "buona fortuna",
                  "il resto"),
        auto_reply_subjects=("risposta automatica", "fuori ufficio"),
        auto_reply_bodies=("sono fuori (ufficio|sede)", "sarò assente", "sono in ferie"),
        unsubscribe=("cancellatemi", "non desidero più ricevere", "rimuovetemi"),
        later=("risponderò", "la prossima settimana"),
        own_structure=("anziché rispondere",),
        question_words=("domanda",),
        answer_words=("risposta", "risp", "r"),
    ),
)

DUTCH = Language(
    code="nl", name=gettext_noop("Dutch"), native_name="Nederlands", lingua_name="DUTCH",
    stemmer="dutch", stop_words_list="dutch",
    stop_words=_words("cultuur hoofdstad europese mkb bedrijven"),
    mail=MailPhrases(
        wrote=("schreef",),
        quote_openers=("op",),
        original_message=("oorspronkelijk bericht", "doorgestuurd bericht"),
        forwarded=("doorgestuurd bericht", "begin doorgestuurd bericht"),
        forward_subjects=("doorst", "fw"),
        from_labels=("van",),
        header_labels=("verzonden", "datum", "aan", "onderwerp"),
        sign_offs=("met (vriendelijke|hartelijke) groet(en)?", "vriendelijke groet(en)?", "groet(en|jes)?",
                   "groeten uit .{1,40}", "mvg"),
        sent_from=("verzonden vanaf", "verstuurd vanaf"),
        disclaimers=("vertrouwelijk", "deze e-?mail"),
        company_register=("kvk[- ]nummer",),
        closings=("ik hoop", "hopelijk", "veel succes", "de rest"),
        auto_reply_subjects=("automatisch antwoord", "afwezig"),
        auto_reply_bodies=("ben (afwezig|met vakantie)", "ik ben (niet|afwezig)"),
        bounce_subjects=("onbestelbaar",),
        unsubscribe=("afmelden", "niet meer ontvangen"),
        later=("ik (antwoord|reageer|stuur) .{0,30}(later|volgende week)", "volgende week"),
        own_structure=("in plaats van .{0,30}beantwoorden",),
        question_words=("vraag",),
        answer_words=("antwoord", "antw"),
    ),
)

CROATIAN = Language(
    code="hr", name=gettext_noop("Croatian"), native_name="Hrvatski", lingua_name="CROATIAN",
    stemmer="serbian", stop_words_list=None,
    stop_words=_words(
        "i u na je se da za od do po sa su koji koja koje kao ali ili ako što sve biti bi bilo može mogu "
        "treba trebalo kroz više jer još već samo nego tako ovo ova ovaj taj ta to te tih njih "
        "epk kulture kultury europska msp poduzeća"),
    mail=MailPhrases(
        wrote=("je napisao/la", "je napisao", "je napisala", "napisao je", "napisala je", "napisa"),
        quote_openers=("dana",),
        original_message=("izvorna poruka",),
        forwarded=("proslijeđena poruka", "proslijedena poruka", "početak proslijeđene poruke",
                   "prosljeđena poruka"),
        forward_subjects=("proslijeđeno", "prosl", "fw"),
        from_labels=("od",),
        header_labels=("poslano", "prima", "predmet", "datum"),
        sign_offs=("s poštovanjem", "srdačan pozdrav", "lijep pozdrav", "pozdrav", "pozdrav iz .{1,40}",
                   "hvala"),
        sent_from=("poslano s", "poslano sa"),
        disclaimers=("povjerljiv", "ova poruka"),
        company_register=("oib:",),
        closings=("nadam se", "stojim na raspolaganju", "sretno", "ostatak"),
        auto_reply_subjects=("automatski odgovor", "odsutnost", "izvan ureda"),
        auto_reply_bodies=("izvan ureda", "na godišnjem odmoru", "odsutan", "odsutna"),
        unsubscribe=("odjav", "ne želim (više )?primati"),
        later=("odgovorit ću", "sljedeći tjedan", "sljedećeg tjedna"),
        own_structure=("umjesto odgovora",),
        question_words=("pitanje",),
        answer_words=("odgovor", "odg"),
        item_words=("ad",),
    ),
)

LITHUANIAN = Language(
    code="lt", name=gettext_noop("Lithuanian"), native_name="Lietuvių", lingua_name="LITHUANIAN",
    stemmer="lithuanian", stop_words_list=None,
    stop_words=_words(
        "ir kad kaip kur yra buvo būti tai tas ta tie jie jos jų mes mūsų jūs su iš į prie per apie nuo be "
        "ar bet taip pat labai daugiau galėtų reikia turėtų kurie kurios kuri tik dar jau "
        "eks kultūros sostinė sostinės europos mvį įmonės"),
    mail=MailPhrases(
        wrote=("rašė",),
        original_message=("originali žinutė",),
        forwarded=("persiųstas laiškas", "persiųsta žinutė", "persiunčiamas laiškas",
                   "persiųstas pranešimas"),
        forward_subjects=("pers", "persiųsti", "pd"),
        from_labels=("nuo",),
        header_labels=("išsiųsta", "kam", "tema"),
        sign_offs=("pagarbiai", "su pagarba", "geros dienos", "ačiū", "linkėjimai", "linkėjimai iš .{1,40}"),
        sent_from=("išsiųsta iš",),
        disclaimers=("konfidencial", "šis laiškas"),
        closings=("tikiuosi", "mielai atsakysiu", "sėkmės", "likusius"),
        auto_reply_subjects=("automatinis atsakymas", "nebuvimas"),
        auto_reply_bodies=("nebūsiu", "atostogose", "esu išvykęs", "esu išvykusi"),
        unsubscribe=("atsisakyti", "nebenoriu gauti"),
        later=("atsakysiu", "kitą savaitę"),
        own_structure=("užuot atsakęs",),
        question_words=("klausimas",),
        answer_words=("atsakymas", "ats"),
    ),
)

FINNISH = Language(
    code="fi", name=gettext_noop("Finnish"), native_name="Suomi", lingua_name="FINNISH",
    stemmer="finnish", stop_words_list="finnish",
    stop_words=_words("ekp kulttuuripääkaupunki euroopan yritykset"),
    mail=MailPhrases(
        wrote=("kirjoitti",),
        original_message=("alkuperäinen viesti",),
        forwarded=("välitetty viesti", "välitetty viesti alkaa", "edelleenlähetetty viesti"),
        forward_subjects=("vl", "välitetty"),
        from_labels=("lähettäjä",),
        header_labels=("lähetetty", "vastaanottaja", "aihe"),
        sign_offs=("ystävällisin terveisin", "terveisin", "terveisin .{1,40}", "parhain terveisin",
                   "kiittäen", "kiitos"),
        sent_from=("lähetetty",),
        disclaimers=("luottamuksellinen", "tämä viesti"),
        closings=("toivottavasti", "vastaan mielelläni", "onnea", "loput"),
        auto_reply_subjects=("poissaolo", "automaattinen vastaus", "lomalla"),
        auto_reply_bodies=("olen (lomalla|poissa)", "poissa toimistolta"),
        unsubscribe=("poistakaa minut", "en halua enää"),
        later=("vastaan .{0,20}myöhemmin", "ensi viikolla"),
        own_structure=("sen sijaan että vastaisin",),
        question_words=("kysymys",),
        answer_words=("vastaus", "vast", "v"),
    ),
)

GERMAN = Language(
    code="de", name=gettext_noop("German"), native_name="Deutsch", lingua_name="GERMAN",
    stemmer="german", stop_words_list="german",
    stop_words=_words("kulturhauptstadt europäische kmu unternehmen"),
    mail=MailPhrases(
        wrote=("schrieb",),
        quote_openers=("am",),
        original_message=("originalnachricht", "ursprüngliche nachricht", "weitergeleitete nachricht"),
        forwarded=("weitergeleitete nachricht", "anfang der weitergeleiteten nachricht"),
        forward_subjects=("wg", "fw", "wtr"),
        from_labels=("von",),
        header_labels=("gesendet", "datum", "an", "betreff"),
        sign_offs=("mit freundlichen grüßen", "mit freundlichen gruessen", "freundliche grüße", "viele grüße",
                   "beste grüße", "liebe grüße", "grüße aus .{1,40}", "mfg"),
        sent_from=("von meinem", "gesendet von"),
        disclaimers=("vertraulich", "dieses e-?mail"),
        company_register=("sitz der gesellschaft", "amtsgericht", "handelsregister", "registergericht"),
        closings=("ich hoffe", "für rückfragen", "stehe ich gerne", "viel erfolg", "den rest"),
        auto_reply_subjects=("automatische antwort", "abwesenheit"),
        auto_reply_bodies=("bin (bis|ab|vom).{0,40}(nicht im büro|abwesend|im urlaub)", "nicht im büro",
                           "bin ich (nicht erreichbar|abwesend)"),
        bounce_subjects=("nicht zustellbar",),
        unsubscribe=("abbestellen", "austragen", "keine weiteren"),
        later=("(antworte|melde mich) .{0,30}(später|nächste woche)", "nächste woche"),
        own_structure=("statt .{0,40}beantworten",),
        question_words=("frage",),
        answer_words=("antwort", "antw"),
        item_words=("ad",),
    ),
)

# In the order the platform lists them.
LANGUAGES: tuple[Language, ...] = (ENGLISH, ROMANIAN, ITALIAN, DUTCH, CROATIAN, LITHUANIAN, FINNISH, GERMAN)
CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}

# French, Spanish, Scandinavian, Russian, Czech and Hungarian mail programs, as invitees use them.
OTHER_MAIL_PHRASES = MailPhrases(
    wrote=("escribió", "a écrit", "skrev", "написал"),
    quote_openers=("le", "el", "den", "dne"),
    from_labels=("feladó",),
    bounce_subjects=("non remis",),
    forwarded=("message transféré", "mensaje reenviado", "videresendt melding", "vidarebefordrat meddelande"),
    forward_subjects=("tr", "rv", "enc", "fs", "vb"),
)


def language(code: str) -> Language | None:
    return BY_CODE.get(code)


def mail_phrases(kind: str) -> list[str]:
    """Every language's phrases of one kind (a MailPhrases field), each once."""
    if kind not in {f.name for f in fields(MailPhrases)}:
        raise KeyError(kind)
    found = [phrase for phrases in (*(lang.mail for lang in LANGUAGES), OTHER_MAIL_PHRASES)
             for phrase in getattr(phrases, kind)]
    return list(dict.fromkeys(found))
