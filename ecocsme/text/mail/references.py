"""How people point at a question in a reply, in the platform's languages: by a label around its
number ("Zu 1.:", "Ad 2)", "Na pitanje 3:", "Į 4 klausimą:", "Răspuns la 7:", "III.") and in words
("la prima întrebare", "regarding the second question", "zur dritten Frage", "quanto alla quarta",
"što se tiče pete").

`label_match(line)` reads a label at the start of a line; `ordinal_reference(line, count)` a
reference in words at the start of a line. Both return the question's number as text and what
follows the reference on the line. Words are matched without case; the inflected forms of
Croatian, Lithuanian and Finnish ordinals are written as stems with their endings.
"""

import re
from dataclasses import dataclass

# Words that stand before a question's number. Nouns, in the forms people write before a number
# ("întrebarea 3", "kysymykseen 5", "klausimą 4"), and the short words that join them ("răspuns
# la", "antwoord op", "zu", "ad"). A weak word alone ("la 3", "zu 3") needs punctuation after the
# number to be a label.
STRONG_LEAD = {
    "en": "q|qn|question|questions|answer|answers|ans|a|item|point|no|nr|re",
    "ro": r"întrebarea|intrebarea|întrebare|intrebare|întrebării|intrebarii|răspuns(?:ul)?|raspuns(?:ul)?"
          r"|r|punctul|punct|pct|nr",
    "it": r"domanda|domande|risposta|risp|d|r|punto|quesito|n|nr",
    "nl": r"vraag|vragen|antwoord|antw|v|a|punt|nr",
    "hr": r"pitanje|pitanja|pitanju|odgovor|odg|p|o|točka|tocka|ad",
    "lt": r"klausimas|klausimo|klausimą|klausimui|klausime|kl|atsakymas|ats|punktas|nr",
    "fi": r"kysymys|kysymykseen|kysymyksen|kysymyksessä|kys|k|vastaus|vast|v|kohta|kohtaan",
    "de": r"frage|fragen|antwort|antw|f|a|punkt|pkt|ad|nr",
}
WEAK_LEAD = {
    "en": "to|on|for|about|regarding|re:|as to",
    "ro": "la|pentru|despre|legat de|cu privire la|referitor la",
    "it": "alla|al|sulla|sul|per la|per il|in merito alla|riguardo alla",
    "nl": "op|bij|over|wat betreft",
    "hr": "na|za|uz|o|u vezi s",
    "lt": "į|i|dėl|del|prie",
    "fi": "koskien|liittyen",
    "de": "zu|zur|zum|bei|betreffend|auf",
}
# What comes before an ordinal without its noun ("Quanto alla quarta, …", "Što se tiče pete, …").
LEAD_IN = {
    "en": "as for|as to|regarding|concerning|about|on|to|for|re|with regard to|in answer to|"
          "in reply to|answering|moving on to|now to|and|then",
    "ro": "la|cât despre|cat despre|despre|privind|legat de|referitor la|în privința|in privinta|pentru|"
          "în ceea ce privește|in ceea ce priveste|cu privire la|răspunsul la|raspunsul la|iar",
    "it": "quanto alla|quanto al|alla|al|per la|per il|sulla|sul|riguardo alla|riguardo al|circa la|"
          "in merito alla|in merito al|in merito all'|rispondo alla|per quanto riguarda la|e",
    "nl": "wat betreft|op|bij|over|voor|m.b.t.|met betrekking tot|aangaande|dan|en",
    "hr": "što se tiče|sto se tice|na|za|o|u vezi s|vezano uz|glede|kod|a",
    "lt": "dėl|del|į|i|kalbant apie|atsakant į|prie|o",
    "fi": "mitä tulee|mita tulee|koskien|liittyen|entä|enta",
    "de": "zur|zu|zum|bei|was|für|fuer|in bezug auf|bezüglich|bzgl.|hinsichtlich|betreffend|und",
}
# Nouns after the number ("4 klausimą", "3. pitanje", "5. kysymykseen", "3rd question").
AFTER_NUMBER = {
    "en": "question|q",
    "ro": "întrebare|intrebare",
    "it": "domanda",
    "nl": "vraag",
    "hr": r"pitanj[eau]",
    "lt": r"klausim(?:as|o|ą|a|ui|e)|kl\.?",
    "fi": r"kysymy(?:s|kseen|ksen|ksessä|ksessa)",
    "de": r"frage",
}

# Ordinals one to ten, and "last". Each entry is an alternation matched as a whole word.
_HR_ENDINGS = r"(?:i|a|o|e|u|og|oga|om|omu|oj|ih|im|ima)"
_LT_ENDINGS = r"(?:as|asis|ą|ąjį|ąją|o|ojo|am|ajam|ame|ajame|a|oji|os|osios)"
_FI_ENDINGS = r"(?:\w{0,8})"
ORDINALS = {
    "en": ["first|1st", "second|2nd", "third|3rd", "fourth|4th", "fifth|5th", "sixth|6th",
           "seventh|7th", "eighth|8th", "ninth|9th", "tenth|10th"],
    "ro": [r"prima|primul|(?:a\s+)?întâia|întâi|intai", r"a\s+doua|al\s+doilea|doua",
           r"a\s+treia|al\s+treilea|treia", r"a\s+patra|al\s+patrulea|patra",
           r"a\s+cincea|al\s+cincilea|cincea", r"a\s+[șşs]asea|al\s+[șşs]aselea|[șşs]asea",
           r"a\s+[șşs]aptea|al\s+[șşs]aptelea|[șşs]aptea", r"a\s+opta|al\s+optulea|opta",
           r"a\s+noua|al\s+nou[ăa]lea|noua", r"a\s+zecea|al\s+zecelea|zecea"],
    "it": ["prima|primo", "seconda|secondo", "terza|terzo", "quarta|quarto", "quinta|quinto",
           "sesta|sesto", "settima|settimo", "ottava|ottavo", "nona|nono", "decima|decimo"],
    "nl": ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste",
           "negende", "tiende"],
    "hr": [f"prv{_HR_ENDINGS}", f"drug{_HR_ENDINGS}", f"(?:treć|trec){_HR_ENDINGS}",
           f"(?:četvrt|cetvrt){_HR_ENDINGS}", f"pet{_HR_ENDINGS}", f"(?:šest|sest){_HR_ENDINGS}",
           f"sedm{_HR_ENDINGS}", f"osm{_HR_ENDINGS}", f"devet{_HR_ENDINGS}", f"deset{_HR_ENDINGS}"],
    "lt": [f"pirm{_LT_ENDINGS}", f"antr{_LT_ENDINGS}", f"(?:treči|treč|trec|treci){_LT_ENDINGS}",
           f"ketvirt{_LT_ENDINGS}", f"penkt{_LT_ENDINGS}", f"(?:šešt|sest){_LT_ENDINGS}",
           f"septint{_LT_ENDINGS}", f"(?:aštunt|astunt){_LT_ENDINGS}", f"devint{_LT_ENDINGS}",
           f"(?:dešimt|desimt){_LT_ENDINGS}"],
    "fi": [f"ensimmäi{_FI_ENDINGS}|ensimmai{_FI_ENDINGS}|eka{_FI_ENDINGS}",
           f"toinen|tois{_FI_ENDINGS}|toka{_FI_ENDINGS}",
           f"kolma{_FI_ENDINGS}|kolmanteen|kolmannen", f"neljä{_FI_ENDINGS}|nelja{_FI_ENDINGS}",
           f"viide{_FI_ENDINGS}|viides", f"kuude{_FI_ENDINGS}|kuudes",
           f"seitsemä{_FI_ENDINGS}|seitsema{_FI_ENDINGS}", f"kahdeksa{_FI_ENDINGS}",
           f"yhdeksä{_FI_ENDINGS}|yhdeksa{_FI_ENDINGS}", f"kymmene{_FI_ENDINGS}|kymmenes"],
    "de": [r"erst\w{0,2}", r"zweit\w{0,2}", r"dritt\w{0,2}", r"viert\w{0,2}", r"(?:fünft|fuenft)\w{0,2}",
           r"sechst\w{0,2}", r"(?:siebt|siebent)\w{0,2}", r"acht\w{1,2}", r"neunt\w{0,2}", r"zehnt\w{0,2}"],
}
LAST = {
    "en": "last|final", "ro": "ultima|ultimul|ultimei", "it": "ultima|ultimo",
    "nl": "laatste", "hr": f"(?:zadnj|posljednj){_HR_ENDINGS}", "lt": r"paskutin\w{0,6}",
    "fi": f"viimei{_FI_ENDINGS}", "de": r"letzt\w{0,2}",
}
# Numbers that name themselves as nouns: Finnish "ykkönen", "nelonen", "seiskaan" (to number seven).
NUMBER_NOUNS = {
    "fi": [r"ykkö\w{0,6}|ykkose\w{0,4}", r"kakko\w{0,6}", r"kolmo\w{0,6}", r"nelo\w{0,6}", r"vito\w{0,6}",
           r"kuto\w{0,6}", r"seisk\w{0,6}", r"kasi\w{0,4}|kasin\w{0,4}", r"ysi\w{0,4}|ysin\w{0,4}",
           r"kymppi\w{0,4}"],
}
# A reference that says the question is skipped ("5 lasse ich aus", "Za 5 i 7 nemam ideju" names
# two): a remark, not an answer.
SKIPS = (r"skip(?:ped|ping)?|pass|leave (?:it|out)|not applicable|sar[ií]|las [îi]n|o las|nu r[ăa]spund|"
         r"salto|lascio|sla ik over|laat ik|overslaan|preska[čc]\w*|ne odgovaram|praleid\w*|"
         r"j[äa]t[äa]n (?:v[äa]liin|pois)|ohitan|lasse ich aus|[üu]berspringe|entf[äa]llt|keine angabe")
# Cardinal numbers after the noun ("question five", "Frage drei", "pitanje pet").
CARDINALS = {
    "en": ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
    "ro": ["unu", "doi|două|doua", "trei", "patru", "cinci", "[șşs]ase", "[șşs]apte", "opt", "nouă|noua",
           "zece"],
    "it": ["uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci"],
    "nl": ["één|een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"],
    "hr": ["jedan", "dva", "tri", "četiri|cetiri", "pet", "šest|sest", "sedam", "osam", "devet", "deset"],
    "lt": ["vienas", "du", "trys", "keturi", "penki", "šeši|sesi", "septyni", "aštuoni|astuoni",
           "devyni", "dešimt|desimt"],
    "fi": ["yksi", "kaksi", "kolme", "neljä|nelja", "viisi", "kuusi", "seitsemän|seitseman",
           "kahdeksan", "yhdeksän|yhdeksan", "kymmenen"],
    "de": ["eins", "zwei", "drei", "vier", "fünf|fuenf", "sechs", "sieben", "acht", "neun", "zehn"],
}
# The question nouns of a reference in words, in every case a sentence puts them in.
NOUNS = {
    "en": "questions?|q|one|point|item",
    "ro": r"întreb[aă]r(?:ea|ii|e|i)?|intreb[aă]r(?:ea|ii|e|i)?|punct(?:ul)?",
    "it": "domand[ae]|quesit[oi]|punto",
    "nl": "vra(?:ag|gen)|punt",
    "hr": r"pitanj(?:e|a|u|em|ima)|točk[aeiu]|tock[aeiu]",
    "lt": r"klausim(?:as|o|ą|a|ui|e|ą|ai|us|ų)",
    "fi": r"kysymy(?:s|ksen|kseen|ksessä|ksessa|stä|sta|kset|ksiin|ksestä)|kohta(?:an)?",
    "de": r"frage(?:n)?|punkt(?:e|en)?",
}
# Words that end the reference after the noun ("Was die vierte Frage betrifft, …").
AFTER_NOUN = {
    "en": r"is concerned|goes", "nl": r"betreft|aangaat", "de": r"betrifft|angeht|anbelangt",
    "ro": r"(?:mă|ma) privește", "it": r"", "hr": r"", "lt": r"", "fi": r"tulee|kohdalla|osalta|suhteen",
}
MAX_WORDS_BEFORE = 6  # "In what concerns the answer to the …" is as long as a lead-in gets
REMARK = "remark"  # the lead of a reference that names questions without answering them


@dataclass(frozen=True)
class Reference:
    number: str
    lead: str  # the label's words, normalised: the style of a run of answers
    punct: str
    rest: str  # what follows the reference on its line


def _alternation(parts) -> str:
    return "|".join(sorted({p for p in parts if p}, key=len, reverse=True))


_STRONG = _alternation(w for words in STRONG_LEAD.values() for w in words.split("|"))
_WEAK = _alternation([*(w for words in WEAK_LEAD.values() for w in words.split("|")),
                      *(w for words in LEAD_IN.values() for w in words.split("|") if len(w) > 1)])
_AFTER_NUMBER = _alternation(AFTER_NUMBER.values())
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}

LABEL_RE = re.compile(
    r"^\s*(?:[*_]+\s*|#+\s+)?"
    r"(?P<lead>(?:(?:" + _STRONG + "|" + _WEAK + r")\.?:?\s*){1,3}?)??"
    r"(?P<hash>(?:nr\.?|no\.?|n\.|nº|br\.?|#)\s*)?"
    r"(?P<open>\()?(?P<num>\d{1,2}|(?-i:[IVX]{1,4}|[ivx]{1,4}))"
    r"(?P<ord>\.(?=\s*(?:" + _AFTER_NUMBER + r")\b)"
    r"|-?(?:ą|ias|asis|ioji|ąjį|as|ai|ojo|ame)|º|°|ª|st|nd|rd|th)?"
    r"(?:\s*(?P<noun>" + _AFTER_NUMBER + r"))?"
    r"(?P<punct>\s?[.):\-–—/|]|\.\)|\):|\.:|:\)|\.-)?(?:[*_]+)?(?=\s|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
_WEAK_RE = re.compile(r"^(?:(?:" + _WEAK + r")\.?:?\s*)+$", re.IGNORECASE)


def label_match(line: str) -> Reference | None:
    """A label at the start of a line, or None. Numbers alone need their punctuation ("3.",
    "3)"), weak words alone too ("la 3" is "at 3"), and Roman numerals a dot or bracket."""
    match = LABEL_RE.match(line)
    if not match:
        return None
    lead = " ".join((match.group("lead") or "").lower().replace(":", " ").replace(".", " ").split())
    punct = (match.group("punct") or "").strip()
    number, roman = match.group("num"), not match.group("num").isdigit()
    noun = match.group("noun")
    if roman:
        if match.group("num").lower() not in ROMAN or punct not in (".", ")") or match.group("open"):
            return None
        number = str(ROMAN[match.group("num").lower()])
    if match.group("open") and punct != ")":
        return None
    raw_lead = match.group("lead") or ""
    if len(lead) == 1 and raw_lead[-1:].isspace() and not punct:
        return None  # "a 3 ani": a word, not "A3"
    if match.group("hash"):
        lead = (lead + " #").strip()
    if not lead and not punct and not noun and not match.group("ord"):
        return None  # "2020 was …", or a bare number starting a sentence
    if lead and _WEAK_RE.match(lead) and not punct and not noun and not match.group("ord"):
        return None
    if noun:
        lead = (lead + " " + "#").strip()
    return Reference(number, lead, punct, match.group("rest"))


def _compile_ordinals() -> tuple[re.Pattern, dict[str, int]]:
    """One pattern for a reference in words in any language; each ordinal's group names its
    number (o1 … o10, olast; p… the same after a noun; c1 … c10 for cardinals after a noun;
    n1 … n10 for numbers named as nouns)."""
    ordinal_groups = []
    for index in range(10):
        forms = _alternation(part for words in ORDINALS.values() for part in [words[index]])
        ordinal_groups.append(f"(?P<o{index + 1}>{forms})")
    ordinal_groups.append(f"(?P<olast>{_alternation(LAST.values())})")
    ordinal = "(?:" + "|".join(ordinal_groups) + ")"
    named = "|".join(f"(?P<n{index + 1}>{_alternation(words[index] for words in NUMBER_NOUNS.values())})"
                     for index in range(10))
    cardinal = "(?:" + "|".join(
        f"(?P<c{index + 1}>{_alternation(words[index] for words in CARDINALS.values())})"
        for index in range(10)) + ")"
    noun = f"(?:{_alternation(NOUNS.values())})"
    after_noun = _alternation(AFTER_NOUN.values())
    the = r"(?P<the>(?:the|de|die|der|den|la|il|a|al)\s+|(?:l|all|dell|sull|nell)['’])?"
    pattern = (
        r"^\s*(?:[*_#>•\-–]+\s*)?(?P<before>(?:[\w'’]+[,!.]?\s+){0," + str(MAX_WORDS_BEFORE) + r"}?)"
        r"(?:" + the + ordinal + r"(?:\s+(?P<noun1>" + noun + r"))?|" + named +
        r"|(?P<noun2>" + noun + r")\s+(?:(?:num[ăa]rul|number|nummer|numero|nr\.?|no\.?|br\.?|broj)\s+)?(?:"
        + ordinal.replace("?P<o", "?P<p") + "|" + cardinal + r"))"
        r"(?:\s+(?:" + after_noun + r"))?"
        r"(?=[\s,:;.!?\-–—)]|$)(?P<rest>.*)$"
    )
    return re.compile(pattern, re.IGNORECASE)


ORDINAL_RE = _compile_ordinals()
FINNISH_CASE_RE = re.compile(r"(?:teen|seen|ksi|sta|stä|lla|llä)\s*$", re.IGNORECASE)
_LEAD_INS = _alternation(w for words in LEAD_IN.values() for w in words.split("|"))
LEAD_IN_RE = re.compile(r"(?:^|\s)(?:" + _LEAD_INS + r")\s*$", re.IGNORECASE)
_NUMBER_GROUPS = [f"{kind}{n}" for kind in ("o", "p", "c", "n") for n in range(1, 11)]
_NAMED_NUMBER_GROUPS = [f"n{n}" for n in range(1, 11)]


def ordinal_reference(line: str, count: int) -> Reference | None:
    """A reference in words at the start of a line ("Regarding the second question, …"), with
    `count` questions (what "the last" is). An ordinal without its noun counts only after a
    lead-in and before punctuation ("Quanto alla quarta, …"): "Prima, bisogna …" is "first"."""
    if len(line) > 4000:
        line = line[:4000]
    match = ORDINAL_RE.match(line)
    if not match:
        return None
    number = next((name[1:] for name in _NUMBER_GROUPS if match.group(name)), None)
    if number is None and (match.group("olast") or match.group("plast")):
        number = str(count)
    if number is None or int(number) > count:
        return None
    has_noun = bool(match.group("noun1") or match.group("noun2")
                    or any(match.group(name) for name in _NAMED_NUMBER_GROUPS))
    rest = match.group("rest")
    before = match.group("before").rstrip(", ")
    led = LEAD_IN_RE.search(before) or LEAD_IN_RE.search((before + " " + (match.group("the") or "")).rstrip())
    colon = re.match(r"\s*:", rest)
    # "The second: …", "Kuudenteen: …" (Finnish "to the sixth") name a question by themselves.
    self_standing = colon and (match.group("the") or FINNISH_CASE_RE.search(line[:40].split(":")[0]))
    if not has_noun and not self_standing and not (led and re.match(r"\s*[,:;\-–—]", rest)):
        return None
    introduced = match.group("before").strip() or match.group("the")
    if (match.group("noun1") or "").lower() == "one" and not introduced:
        return None  # "First one, …" opens a list
    return Reference(number, "ordinal", "", _after_reference(rest))


def _after_reference(rest: str) -> str:
    """What follows a reference, without its punctuation and a short lead to a colon
    ("…, my answer is simple: no" is "no")."""
    rest = re.sub(r"^\s*[,:;.\-–—)]*\s*", "", rest)
    lead, colon, after = rest.partition(":")
    if colon and after.strip() and len(lead.split()) <= 2 and not lead.strip().startswith("http"):
        return after.strip()
    return rest


NUMBER_REFERENCE_RE = re.compile(
    r"^\s*(?P<before>(?:[\w'’]+\s+){0,2}?)(?P<num>\d{1,2})(?![\d.,:/%])(?P<rest>\s.*)$")


def number_reference(line: str, count: int) -> Reference | None:
    """A question's number after a lead-in word, in a sentence: "La 6 nu am idee.", "Și la 2
    completez: …", "As for 3, no". Weaker than a label: the caller takes it only for questions
    no label answered."""
    match = NUMBER_REFERENCE_RE.match(line[:4000])
    if not match or not 1 <= int(match.group("num")) <= count:
        return None
    if not LEAD_IN_RE.search(match.group("before").rstrip(", ")):
        return None
    if TWO_NUMBERS_RE.match(match.group("rest")):  # "Za 5 i 7 nemam ideju": a remark on skipped ones
        return Reference(match.group("num"), REMARK, "", match.group("rest"))
    return Reference(match.group("num"), "number", "", _after_reference(match.group("rest")))


TWO_NUMBERS_RE = re.compile(r"^\s*(?:,|&|\+|and|und|en|e|și|si|i|ir|ja)\s*\d{1,2}\b", re.IGNORECASE)
SKIP_RE = re.compile(r"^\W*(?:" + SKIPS + r")\b.{0,40}$", re.IGNORECASE)


SKIP_ANYWHERE_RE = re.compile(r"\b(?:" + SKIPS + r")\b", re.IGNORECASE)
QUESTION_NUMBER_RE = re.compile(r"(?<![\d.,])\b(\d{1,2})\b(?![\d.,:/%])")


def skip_remark(line: str, count: int) -> bool:
    """A line that says which questions were skipped ("I skipped 4 and 6, don't really know")."""
    head = line[:160]
    return bool(SKIP_ANYWHERE_RE.search(head)) and any(
        1 <= int(n) <= count for n in QUESTION_NUMBER_RE.findall(head))


def says_skipped(text: str) -> bool:
    """A short answer that only says the question is skipped."""
    return len(text) < 80 and bool(SKIP_RE.match(text.strip()))
