//! Every Dutch string the scorer shows, in one place.

/// A name someone typed or imported, in plain text, isolated by FSI…PDI
/// (the plain-text counterpart of `<bdi>`): a right-to-left mark inside it
/// cannot reorder the sentence around it. Every message that quotes a
/// name passes it through here. Not escaped.
pub fn isolate(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

/// Messages about an imported or stored traject file.
pub mod import {
    pub const EMPTY: &str = "Het bestand is leeg.";
    pub fn too_large(bytes: usize) -> String {
        let tenths = (bytes + 50_000) / 100_000;
        format!(
            "Het bestand is te groot ({},{} MB). Een traject-bestand is hooguit 1 MB.",
            tenths / 10,
            tenths % 10
        )
    }
    /// Not JSON at all: a plain sentence, no parser position.
    pub const NOT_READABLE: &str = "Dit is geen Wegwijzer-bestand, of het is beschadigd of niet helemaal gekopieerd: de inhoud is niet te lezen.";
    pub const NOT_OURS: &str = "Dit is geen Wegwijzer-bestand.";
    pub const NO_VERSION: &str = "Het veld “schema_version” ontbreekt of is geen geheel getal.";
    pub fn newer_version(found: u64, supported: u32) -> String {
        format!(
            "Dit bestand komt uit een nieuwere versie van de Wegwijzer (versie {found}). Deze versie kan versie 1 tot en met {supported} lezen."
        )
    }
    pub fn old_version(found: u64) -> String {
        format!("Versie {found} van het traject-formaat bestaat niet.")
    }
    pub fn unknown_field(field: &str) -> String {
        format!("Onbekend veld “{}” in het bestand.", shorten(field))
    }
    pub fn missing_or_wrong(field: &str, what: &str) -> String {
        format!("Het veld “{field}” ontbreekt of is geen {what}.")
    }
    pub const BAD_ID: &str =
        "Het veld “id” bevat ongeldige tekens (alleen a-z, 0-9 en -, hooguit 64).";
    pub const EMPTY_NAME: &str = "De naam van het traject is leeg.";
    pub fn too_long(what: &str, chars: usize, max: usize) -> String {
        format!("{what} is te lang ({chars} tekens); maximaal {max}.")
    }
    pub const NO_PARTICIPANTS: &str = "Er staan geen deelnemers in het bestand.";
    pub fn too_many_participants(n: usize, max: usize) -> String {
        format!("Te veel deelnemers ({n}); een traject heeft er hooguit {max}.")
    }
    pub fn duplicate_participant(id: &str) -> String {
        format!(
            "Deelnemer “{}” staat twee keer in het traject.",
            shorten(id)
        )
    }
    pub fn bad_participant_id(nr: usize) -> String {
        format!(
            "Deelnemer {nr} heeft een ongeldige “id” (alleen a-z, 0-9 en -, hooguit 64 tekens)."
        )
    }
    pub fn bad_perspective(nr: usize) -> String {
        format!(
            "Deelnemer {nr} heeft een onbekend perspectief; het moet “team”, “leerlingen”, “ouders” of “anders” zijn."
        )
    }
    pub fn no_other_perspective(nr: usize) -> String {
        format!("Deelnemer {nr} heeft perspectief “anders”, maar de omschrijving is leeg.")
    }
    pub fn unknown_domain(domain: i64) -> String {
        format!("Domein {domain} bestaat niet in deze Wegwijzer.")
    }
    pub fn unknown_domain_text(key: &str) -> String {
        format!("Domein “{}” bestaat niet in deze Wegwijzer.", shorten(key))
    }
    pub fn duplicate_domain(domain: u8, participant: usize) -> String {
        format!("Domein {domain} staat twee keer bij deelnemer {participant}.")
    }
    pub fn bad_score(domain: u8, participant: usize, found: &str) -> String {
        format!(
            "De score bij domein {domain} (deelnemer {participant}) moet 1 tot en met 10 of “weet-niet” zijn, niet {found}."
        )
    }
    pub fn duplicate_focus(domain: u8) -> String {
        format!("Domein {domain} staat twee keer in de gekozen domeinen.")
    }
    pub fn duplicate_reason(domain: u8) -> String {
        format!("Domein {domain} heeft twee keer een reden voor de keuze.")
    }

    /// Quoted user input in a message stays short.
    pub(crate) fn shorten(s: &str) -> String {
        let mut out: String = s.chars().take(40).collect();
        if s.chars().count() > 40 {
            out.push('…');
        }
        out
    }
}

/// Messages about the plan van aanpak in a file.
pub mod plan {
    use super::import::shorten;
    pub const NOTE: &str = "Een notitie bij een aanbeveling";
    pub const ANSWER: &str = "Een antwoord op een vraag bij een interventie";
    pub const ACTION: &str = "Een onderdeel van een actie";
    pub const BAD_INTERVENTION: &str = "Een interventie in het plan heeft een ongeldige “id” (alleen a-z, 0-9 en -, hooguit 64 tekens).";
    pub fn too_many(list: &str, n: usize, max: usize) -> String {
        format!("Het plan heeft te veel {list} ({n}); hooguit {max}.")
    }
    pub fn bad_recommendation(number: &str) -> String {
        format!(
            "Het plan noemt aanbeveling “{}”, maar die bestaat niet: een aanbeveling heet domein.nummer, zoals 3.1.",
            shorten(number)
        )
    }
    pub fn duplicate_recommendation(number: &str) -> String {
        format!("Aanbeveling {number} staat twee keer in het plan.")
    }
    pub fn bad_status(number: &str) -> String {
        format!(
            "Aanbeveling {number} heeft een onbekende status; die moet “oppakken”, “later” of “niet” zijn, of leeg."
        )
    }
    pub fn duplicate_intervention(id: &str) -> String {
        format!("Interventie “{}” staat twee keer in het plan.", shorten(id))
    }
    pub fn five_answers(id: &str) -> String {
        format!(
            "Bij interventie “{}” horen precies 5 antwoorden (tekst), één per vraag.",
            shorten(id)
        )
    }
    /// Added to the traject's name in the actions spreadsheet's file name.
    pub const ACTIONS_FILE: &str = " acties";
    pub const ACTIONS_FULL: &str = "Het plan heeft al 100 acties; verwijder er eerst een.";
    pub fn action_removed(n: usize) -> String {
        format!("Actie {n} is verwijderd.")
    }
    pub fn action_added(n: usize) -> String {
        format!("Actie {n} is toegevoegd.")
    }
    /// Column names of the actions spreadsheet.
    pub const CSV_HEADER: [&str; 6] = [
        "domein",
        "titel",
        "wat",
        "wie",
        "wanneer",
        "evaluatiemoment",
    ];
}

/// Rounds of measurement: messages and the rapport's comparison.
pub mod rounds {
    pub const NOTHING_SCORED: &str = "In deze meting is nog niets gescoord. Een nieuwe meting begint pas als er scores zijn om te bewaren.";
    pub fn too_many(max: usize) -> String {
        format!("Een traject bewaart hooguit {max} metingen.")
    }
    /// `nr` 0: the current round.
    fn which(nr: usize) -> String {
        if nr == 0 {
            "De huidige meting".to_string()
        } else {
            format!("Eerdere meting {nr}")
        }
    }
    pub fn bad_stamp(nr: usize) -> String {
        format!(
            "{} heeft geen geldige begindatum (zoals 2026-12-02T09:00:00.000Z).",
            which(nr)
        )
    }
    pub fn out_of_order(nr: usize) -> String {
        format!("{} begint vóór de meting ervoor.", which(nr))
    }
    pub fn in_the_future(nr: usize, date: &str, updated: &str) -> String {
        format!(
            "{} begint op {date}, na de laatste wijziging van het traject ({updated}): een datum in de toekomst.",
            which(nr)
        )
    }
    pub fn round_line(n: usize, started: &str) -> String {
        format!("Meting {n}, gestart op {started}.")
    }
    pub fn earlier_option(n: usize, started: &str) -> String {
        format!("meting {n} ({started})")
    }
    pub const NO_COMPARISON: &str = "geen vergelijking";
    pub fn started(n: usize) -> String {
        format!(
            "Meting {n} is gestart. De scores van de vorige meting zijn bewaard; het rapport vergelijkt ermee."
        )
    }
}

/// Invitations and answers sent back by link or file.
pub mod share {
    pub const BROKEN: &str =
        "Deze link is niet compleet of is veranderd. Vraag om een nieuwe link, of om het bestand.";
    pub fn unknown_traject(id: &str) -> String {
        format!(
            "Deze antwoorden horen bij een traject dat niet op dit apparaat staat ({}). Open de link of het bestand op het apparaat waarop het traject staat.",
            super::import::shorten(id)
        )
    }
    use super::isolate;
    /// `who` comes isolated (`html::participant_text`); `traject` is a name.
    pub fn added(who: &str, traject: &str) -> String {
        format!(
            "De antwoorden van {who} zijn toegevoegd aan “{}”.",
            isolate(traject)
        )
    }
    pub fn unchanged(who: &str) -> String {
        format!("De antwoorden van {who} stonden er al, precies zo. Er is niets veranderd.")
    }
    pub fn replaced(who: &str) -> String {
        format!("De antwoorden van {who} zijn bijgewerkt. De andere deelnemers zijn ongewijzigd.")
    }
    pub fn received(who: &str, traject: &str, scored: usize) -> String {
        format!(
            "Antwoorden van {who} voor het traject “{}”: {scored} van de domeinen gescoord. Toevoegen aan dit traject? De andere deelnemers blijven zoals ze zijn.",
            isolate(traject)
        )
    }
    pub fn differs(who: &str, traject: &str) -> String {
        format!(
            "{who} staat al in het traject “{}”, met andere antwoorden. Wil je de oude antwoorden vervangen door deze?",
            isolate(traject)
        )
    }
    pub fn other_round(theirs: usize, now: usize) -> String {
        format!(
            "Deze antwoorden horen bij meting {theirs}, maar het traject is nu bij meting {now}. Er is niets toegevoegd. Stuur de deelnemer een nieuwe uitnodiging voor meting {now}."
        )
    }
    pub const ADD: &str = "Toevoegen";
    pub const REPLACE: &str = "Vervangen";
    pub const NOT_AN_INVITATION: &str = "Dit bestand is geen uitnodiging voor de Wegwijzer.";
    pub const NOT_ADDED: &str = "De antwoorden zijn niet toegevoegd. Er is niets veranderd.";
    pub const TOO_LONG_FOR_LINK: &str =
        "Je notities zijn te lang voor een link. Stuur het bestand.";
    pub const COPIED: &str = "De link is gekopieerd.";
    pub const COPY_FAILED: &str = "Kopiëren lukte niet: selecteer de link en kopieer hem zelf.";
}

/// Labels used in exports and the rapport.
pub mod label {
    pub const DONT_KNOW: &str = "weet niet";
    pub const NOT_SCORED: &str = "nog niet gescoord";
    pub const GOING_WELL: &str = "Wat gaat goed";
    pub const ATTENTION: &str = "Aandachtspunten";
    pub const DEFAULT_ROLE: &str = "Team";
    pub const NAME: &str = "De naam";
    pub const ROLE: &str = "De rol";
    pub const PARTICIPANT_NAME: &str = "De naam van een deelnemer";
    pub const ANONYMOUS: &str = "anoniem";
    /// The participant a new traject starts with.
    pub const CORE_TEAM: &str = "Kernteam";
    pub const NOTE_GOING_WELL: &str = "De notitie “wat gaat goed”";
    pub const NOTE_ATTENTION: &str = "De notitie “aandachtspunten”";
    pub const REASON: &str = "De reden voor een keuze";
    pub fn progress(scored: usize, total: usize) -> String {
        format!("{scored} van {total} gescoord")
    }
    pub const CHOSEN: &str = "gekozen";
    /// In the table; the reasons are in the list of bespreekpunten below it.
    pub const DISCUSS: &str = "ja";
    pub const RANK_NONE: &str = "–";
}

/// Sentences in the rapport.
pub mod rapport {
    /// "1 van de 8 domeinen heeft een score", grammatical for every count.
    pub fn numbered(n: usize, total: usize) -> String {
        match n {
            0 => format!("Nog geen van de {total} domeinen heeft een score."),
            1 => format!("1 van de {total} domeinen heeft een score."),
            _ => format!("{n} van de {total} domeinen hebben een score."),
        }
    }
    pub fn unanswered(n: usize) -> String {
        match n {
            0 => "Bij de andere domeinen staat ‘weet niet’.".to_string(),
            1 => "Nog 1 domein is niet gescoord.".to_string(),
            _ => format!("Nog {n} domeinen zijn niet gescoord."),
        }
    }
    pub fn needed(min: usize) -> String {
        format!(
            "Een suggestie om mee te beginnen volgt zodra minstens {min} domeinen een cijfer hebben."
        )
    }
    pub const GO_ON: &str = "Verder scoren met";
    pub const ALL_PARTICIPANTS: &str = "alle deelnemers";
    pub fn participants_apart(points: u8) -> String {
        format!("De deelnemers liggen {points} punten uit elkaar.")
    }
    /// `a` and `b` arrive as markup, already escaped.
    pub fn perspectives_apart(a: &str, b: &str, points: &str) -> String {
        format!("De medianen van {a} en {b} liggen {points} punten uit elkaar.")
    }
    /// "3 deelnemers: team 1, leerlingen 2."
    pub fn participants(n: usize, per: &[(String, usize)]) -> String {
        let mut s = if n == 1 {
            "1 deelnemer".to_string()
        } else {
            format!("{n} deelnemers")
        };
        for (i, (p, count)) in per.iter().enumerate() {
            s.push_str(if i == 0 { ": " } else { ", " });
            s.push_str(&super::isolate(p));
            s.push(' ');
            s.push_str(&count.to_string());
        }
        s.push('.');
        s
    }
    pub const SUGGESTION_LABEL: &str = "Suggestie:";
    pub fn suggestion(titles: &[String]) -> String {
        format!(
            "begin met {}, de domeinen met de laagste scores. Je kiest zelf; ook een hoge score kan een reden zijn om te versterken wat al goed gaat.",
            join(titles)
        )
    }
    pub fn tie(titles: &[String], score: &str) -> String {
        format!(
            "Deze domeinen hebben dezelfde score ({score}): {}. Daarom staan ze allemaal in de suggestie; kies samen welke het zwaarst wegen.",
            join(titles)
        )
    }

    /// "a, b en c". By hand: `[String]::join` adds a generic copy loop.
    pub fn join(items: &[String]) -> String {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(if i + 1 == items.len() { " en " } else { ", " });
            }
            out.push_str(item);
        }
        out
    }
}

/// Messages in the traject pages. Names arrive as typed; each is isolated here.
pub mod ui {
    use super::isolate;
    pub fn saved_at(time: &str) -> String {
        format!("opgeslagen om {time}")
    }
    pub const NOT_SAVED: &str = "niet opgeslagen: bewaar een reservekopie";
    pub const NOTHING_CHANGED: &str = "nog niets gewijzigd";
    pub fn domain_of(n: usize, total: usize) -> String {
        format!("Domein {n} van {total}")
    }
    pub const STEP_DONE: &str = ", gescoord";
    pub const STEP_OPEN: &str = ", nog niet gescoord";
    /// Followed by what the text concerns ([`unreadable_name`]).
    pub const DOWNLOAD_BACKUP: &str = "Download de onleesbare tekst van";
    pub const REMOVE_BACKUP: &str = "Verwijder de onleesbare tekst van";
    pub fn unreadable_name(name: &str) -> String {
        format!("traject “{name}”")
    }
    pub fn unreadable_id(id: &str) -> String {
        format!("traject {}", super::import::shorten(id))
    }
    pub const NAME_NEEDED: &str = "Vul een naam in, bijvoorbeeld de naam van je school of team.";
    pub const CLEARED: &str = "Alle gegevens van de Wegwijzer op dit apparaat zijn gewist.";
    pub fn imported(name: &str) -> String {
        format!("Traject “{}” is teruggezet.", isolate(name))
    }
    pub fn imported_copy(name: &str) -> String {
        format!(
            "Traject “{}” is als kopie bewaard; het bestaande traject is ongewijzigd.",
            isolate(name)
        )
    }
    pub fn replaced(name: &str) -> String {
        format!(
            "Het bestaande traject is vervangen door “{}” uit het bestand.",
            isolate(name)
        )
    }
    pub const IMPORT_CANCELLED: &str = "Terugzetten geannuleerd. Er is niets veranderd.";
    pub fn import_failed(message: &str) -> String {
        format!("Terugzetten is niet gelukt. {message} Er is niets veranderd.")
    }
    pub const COPY_SUFFIX: &str = " (kopie)";
    /// The store took writes again, but another tab had changed the same
    /// traject meanwhile: both are kept.
    pub fn kept_as_copy(name: &str) -> String {
        format!(
            "De opslag werkt weer. Intussen was dit traject in een ander tabblad gewijzigd; die versie is bewaard, en wat je hier deed staat in “{}”.",
            isolate(name)
        )
    }
    pub fn deleted(name: &str) -> String {
        format!("Traject “{}” is verwijderd.", isolate(name))
    }
    pub fn renamed(name: &str) -> String {
        format!("De naam is gewijzigd in “{}”.", isolate(name))
    }
    pub fn last_change(date: &str) -> String {
        format!("Laatst gewijzigd: {date}")
    }
    pub const OPEN: &str = "Scoren";
    pub const RAPPORT: &str = "Rapport";
    pub const RENAME: &str = "Naam wijzigen";
    pub const EXPORT: &str = "Bewaar een reservekopie";
    pub const DELETE: &str = "Verwijderen";
    pub const NEW_NAME: &str = "Nieuwe naam";
    pub const SAVE_NAME: &str = "Naam opslaan";
    pub const CANCEL: &str = "Annuleren";
    pub fn focus_count(n: usize) -> String {
        match n {
            0 => "Je hebt nog geen domeinen gekozen.".to_string(),
            1 => "Je hebt 1 domein gekozen.".to_string(),
            2..=4 => format!("Je hebt {n} domeinen gekozen."),
            _ => format!(
                "Je hebt {n} domeinen gekozen. Voor een eerste plan raden we er ongeveer 3 aan."
            ),
        }
    }
    pub fn score_in_brackets(score: &str) -> String {
        format!("(score: {score})")
    }
    pub fn scoring_as(label: &str) -> String {
        format!("Je scoort nu als {label}.")
    }
    /// `label` comes isolated (`html::participant_text`).
    pub fn invited_elsewhere(label: &str) -> String {
        format!(
            "{label} scoort voortaan op een eigen apparaat. Kies bij ‘Wie scoort er op dit apparaat?’ wie hier verder scoort."
        )
    }
    pub fn participant_removed(label: &str) -> String {
        format!("Deelnemer {label} en diens antwoorden zijn verwijderd.")
    }
    pub const OTHER_NEEDED: &str = "Vul in welk perspectief, bijvoorbeeld ‘zorgteam’.";
    pub const INVITATION: &str = "uitnodiging";
    /// Followed, for screen readers, by "voor" and the participant's name.
    pub const INVITE_PARTICIPANT: &str = "Uitnodiging maken";
    /// The column that holds a domain's score: the median once several score.
    pub fn score_heading(several: bool) -> &'static str {
        if several { "Mediaan" } else { "Score" }
    }
    pub const NO_FOCUS: &str = "Kies hierboven een of meer domeinen om hun aanbevelingen te zien.";
}

/// The Regiobeeld: a school's summary and the region's page.
pub mod region {
    use super::import::shorten;

    pub const EMPTY: &str = "Het bestand is leeg.";
    pub fn too_large(bytes: usize) -> String {
        let tenths = (bytes + 50_000) / 100_000;
        format!(
            "Het bestand is te groot ({},{} MB). Een samenvatting is hooguit 1 MB, een opgeslagen set hooguit 30 MB.",
            tenths / 10,
            tenths % 10
        )
    }
    pub const A_ZIP: &str =
        "Dit is een zip-bestand. Pak het eerst uit en kies dan de samenvattingen die erin zitten.";
    pub const AN_IMAGE: &str = "Dit is een afbeelding, geen samenvatting voor de regio.";
    pub const A_PDF: &str = "Dit is een pdf, geen samenvatting voor de regio.";
    pub const UTF16: &str = "Dit bestand is als UTF-16 opgeslagen, niet zoals de Wegwijzer het maakte. Vraag de school om de samenvatting opnieuw te sturen.";
    pub const NOT_UTF8: &str = "Dit bestand bevat tekens die geen tekst zijn. Het is beschadigd of geen samenvatting voor de regio.";
    pub const NOT_READABLE: &str = "Dit is geen samenvatting voor de regio, of het bestand is beschadigd of niet helemaal gekopieerd: de inhoud is niet te lezen.";
    pub const A_TRAJECT: &str = "Dit is een reservekopie van een traject, geen samenvatting voor de regio. Een school maakt die op haar rapport met ‘Deel met de regio’.";
    pub const NOT_A_SUMMARY: &str = "Dit is geen samenvatting voor de regio.";
    pub const NO_VERSION: &str = "Het veld “schema_version” ontbreekt of is geen geheel getal.";
    pub fn newer_version(found: i64) -> String {
        format!(
            "Deze samenvatting komt uit een nieuwere versie van de Wegwijzer (versie {found}). Deze versie leest versie 1."
        )
    }
    pub fn missing(field: &str) -> String {
        format!("Het veld “{field}” ontbreekt of klopt niet.")
    }
    pub fn bad_count(field: &str, max: u32) -> String {
        format!("Het veld “{field}” is geen geheel getal van 0 tot en met {max}.")
    }
    pub fn too_many_summaries(n: usize) -> String {
        format!(
            "Deze set bevat {} samenvattingen; de Regiobeeld leest er hooguit 5.000 tegelijk.",
            thousands(n)
        )
    }
    pub fn in_set(nr: usize, why: &str) -> String {
        format!("Samenvatting {nr} in deze set: {why}")
    }
    pub const BAD_SCHOOL: &str =
        "Het veld “school” bevat ongeldige tekens (alleen a-z, 0-9 en -, hooguit 64).";
    pub const NAME: &str = "De naam van de school";
    pub const NAME_CONTROL: &str = "De naam van de school bevat tekens die niet in een naam horen.";
    pub fn bad_kind(key: &str) -> String {
        format!(
            "Onbekende soort school “{}”; het moet vmbo, havo-vwo, brede-scholengemeenschap, praktijkonderwijs, vso of anders zijn.",
            shorten(key)
        )
    }
    pub const NO_ROUNDS: &str = "Er staat geen meting in de samenvatting.";
    pub fn too_many_rounds(n: usize) -> String {
        format!("Te veel metingen ({n}); een samenvatting heeft er hooguit 20.")
    }
    pub fn bad_month(m: &str) -> String {
        format!("“{}” is geen maand in de vorm 2026-03.", shorten(m))
    }
    pub fn month_twice(m: &str) -> String {
        format!("De meting van {m} staat twee keer in de samenvatting.")
    }
    pub fn domain_twice(m: &str, d: u8) -> String {
        format!("Domein {d} staat twee keer in de meting van {m}.")
    }
    pub fn bad_score(m: &str, d: u8, found: &str) -> String {
        format!(
            "Meting {m}, domein {d}: de score {} ligt niet tussen 1 en 10 (in hele of halve punten).",
            shorten(found)
        )
    }
    pub fn score_without_participants(m: &str, d: u8) -> String {
        format!("Meting {m}, domein {d}: een score zonder deelnemers, of deelnemers zonder score.")
    }
    pub fn bad_group(key: &str) -> String {
        format!(
            "Onbekend perspectief “{}”; het moet team, leerlingen, ouders of anders zijn.",
            shorten(key)
        )
    }
    pub fn group_twice(m: &str, g: &str) -> String {
        format!("Perspectief {g} staat twee keer in de meting van {m}.")
    }
    pub fn scores_of_few(m: &str, g: &str) -> String {
        format!(
            "Meting {m}, perspectief {g}: met minder dan 5 deelnemers horen er geen scores in een samenvatting."
        )
    }
    pub fn scores_missing(m: &str, g: &str) -> String {
        format!("Meting {m}, perspectief {g}: de scores ontbreken.")
    }
    pub fn counts_exceed(m: &str, g: &str, d: u8, answered: u32, participants: u32) -> String {
        format!(
            "Meting {m}, perspectief {g}, domein {d}: er zijn {answered} antwoorden geteld bij {participants} deelnemers."
        )
    }
    pub fn counts_dont_add_up(m: &str, d: u8, counted: u32, participants: u32) -> String {
        format!(
            "Meting {m}, domein {d}: de aantallen per score (samen {counted}) passen niet bij het aantal deelnemers ({participants})."
        )
    }
    pub fn more_than_round(m: &str, d: u8, n: u32, all: u32) -> String {
        format!("Meting {m}, domein {d}: {n} deelnemers, meer dan de {all} van de hele meting.")
    }
    pub fn score_disagrees(m: &str, d: u8) -> String {
        format!(
            "Meting {m}, domein {d}: de score van de school past niet bij de aantallen per score."
        )
    }
    pub fn chosen_twice(d: u8) -> String {
        format!("Domein {d} staat twee keer bij wat de school koos.")
    }
    pub fn bad_recommendation(n: &str) -> String {
        format!(
            "Aanbeveling “{}” bestaat niet of staat twee keer in de samenvatting.",
            shorten(n)
        )
    }
    pub fn bad_status(n: &str) -> String {
        format!(
            "Aanbeveling {}: de status moet oppakken, later of niet zijn.",
            shorten(n)
        )
    }
    /// In the file, beside a perspective below the threshold.
    pub const WHY_NO_SCORES: &str =
        "Minder dan 5 deelnemers: alleen het aantal deelnemers gaat mee, geen scores.";

    /// 10.000, as Dutch readers group thousands.
    pub fn thousands(n: usize) -> String {
        let s = n.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push('.');
            }
            out.push(c);
        }
        out
    }
}

/// The Regiobeeld page: what it says about the files and the figures.
pub mod region_page {
    use super::isolate;

    pub const TOO_FEW: &str = "te weinig scholen";
    pub const TOO_FEW_LINE: &str = "Te weinig scholen: een cijfer verschijnt pas vanaf 3 scholen, en een keuze van scholen laat er buiten zich geen 1 of 2 over.";
    /// The file name the list gives the set kept in this browser.
    pub const KEPT_FILE: &str = "bewaard in deze browser";
    /// How keeping the set in this browser (IndexedDB) went.
    pub fn kept(state: &str) -> &'static str {
        match state {
            "bewaard" => {
                "De bestanden zijn bewaard in deze browser; ze staan er weer als je deze pagina opnieuw opent."
            }
            "uit" => "Er is niets bewaard in deze browser.",
            _ => {
                "Bewaren in deze browser lukt niet (de browser staat het niet toe of de opslag is vol). Sla de set op als bestand om hem te houden."
            }
        }
    }
    pub const CLEARED: &str = "Alle bestanden zijn weggehaald uit de Regiobeeld.";
    pub fn progress(
        done: bool,
        read: usize,
        total: usize,
        refused: usize,
        n_schools: usize,
    ) -> String {
        let refused = match refused {
            0 => String::new(),
            1 => ", 1 niet gelezen".to_string(),
            n => format!(", {n} niet gelezen"),
        };
        if done {
            format!(
                "Klaar: {read} bestanden gelezen{refused}. Samen {}.",
                schools(n_schools)
            )
        } else {
            format!(
                "Bezig: {read} van {total} bestanden gelezen{refused}; {} tot nu toe.",
                schools(n_schools)
            )
        }
    }
    pub fn files_heading(files: usize, refused: usize) -> String {
        format!("Bestanden: {files} gekozen, {refused} niet gelezen")
    }
    pub fn schools_line(n: usize, all: usize, filtered: bool) -> String {
        if filtered {
            format!("{n} van de {all} scholen.")
        } else {
            format!("{n} scholen.")
        }
    }
    pub fn too_many(max: usize) -> String {
        format!(
            "Niet gelezen: de Regiobeeld leest hooguit {} samenvattingen tegelijk.",
            super::region::thousands(max)
        )
    }
    pub fn copy_kept(month: &str, kept_file: &str) -> String {
        format!(
            "De meting van {month} van deze school kwam ook in {} binnen; die kopie telt mee, deze niet.",
            isolate(kept_file)
        )
    }
    pub fn twice_in_file(month: &str) -> String {
        format!(
            "De meting van {month} van deze school stond al eerder in dit bestand; die telt één keer mee."
        )
    }

    /// "maart 2026" from "2026-03".
    pub fn month_name(month: &str) -> String {
        let m: usize = month.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
        format!(
            "{} {}",
            site_data::MONTHS[m.clamp(1, 12) - 1],
            month.get(..4).unwrap_or("")
        )
    }
    pub fn round_heading(month: &str) -> String {
        format!("Meting van {}", month_name(month))
    }
    pub fn round_participants(r: &crate::region::model::RoundSummary) -> String {
        format!(
            "{}. Per domein de score zoals het rapport van de school die toont, en hoeveel deelnemers het domein scoorden:",
            participants(r.participants())
        )
    }
    pub fn group_line(g: &crate::region::model::GroupRound) -> String {
        match g.counts {
            Some(_) => format!(
                "{}: {} deelnemers, met per domein hoe vaak elke score van 1 tot en met 10 en ‘weet niet’ gegeven is (geen score van één persoon).",
                g.group.key(),
                g.participants
            ),
            None => format!(
                "{}: {} deelnemers. Dat zijn er minder dan 5, dus alleen dit aantal gaat mee, geen scores.",
                g.group.key(),
                g.participants
            ),
        }
    }
    pub fn saved(file: &str) -> String {
        format!(
            "De samenvatting is bewaard als {}. Stuur dat bestand naar de regio, bijvoorbeeld per e-mail.",
            isolate(file)
        )
    }
    pub const NOT_SCORED: &str = "niet gescoord";
    pub const ANONYMOUS: &str =
        "Zonder naam: de regio ziet niet van welke school deze samenvatting is.";
    pub const ANONYMOUS_SHORT: &str = "school zonder naam";
    pub const SHOWN_NAME: &str = "Naam die de regio ziet, alleen in de lijst met bestanden:";
    pub fn kind_line(kind: Option<&str>) -> String {
        match kind {
            Some(k) => format!("Soort school: {k}."),
            None => "Soort school: niet vermeld.".to_string(),
        }
    }
    pub const NO_ROUNDS_YET: &str =
        "Er is nog niets gescoord; de samenvatting heeft dan geen meting.";
    pub const CHOICE_HEADING: &str = "Wat het team koos (alleen de huidige meting)";
    pub fn chosen_line(domains: &[String]) -> String {
        list_line("Gekozen domeinen", domains)
    }
    pub const RECOMMENDATIONS: &str = "Aanbevelingen met wat het team ermee doet";
    pub const INTERVENTIONS: &str = "Interventies die het team overweegt";
    pub const ACTIONS: &str = "Aantal acties per gekozen domein (zonder de tekst)";
    pub fn list_line(what: &str, items: &[String]) -> String {
        if items.is_empty() {
            format!("{what}: geen.")
        } else {
            let mut s = format!("{what}: ");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(item);
            }
            s.push('.');
            s
        }
    }
    pub const REFUSED: &str = "Niet gelezen.";
    /// `who`: the shown names of its schools, already as HTML.
    /// Empty when other copies of all its measurements counted instead.
    pub fn read_line(n: usize, who: &str) -> String {
        let who = if who.is_empty() {
            String::new()
        } else {
            format!(" ({who})")
        };
        match n {
            1 => format!("gelezen{who}."),
            n => format!("gelezen: een opgeslagen set van {n} samenvattingen{who}."),
        }
    }
    pub fn participants(n: u32) -> String {
        if n == 1 {
            "1 deelnemer".to_string()
        } else {
            format!("{n} deelnemers")
        }
    }
    pub fn group_caption(g: crate::region::model::Group) -> String {
        format!(
            "Scores van {} per domein: de mediaan van elke school die dit perspectief meestuurde.",
            g.key()
        )
    }
    pub const TABLE_HEAD: &str = "<th scope=\"col\">Domein</th><th scope=\"col\">Scholen</th><th scope=\"col\">Laagste</th><th scope=\"col\">Kwartiel 1</th><th scope=\"col\">Mediaan</th><th scope=\"col\">Kwartiel 3</th><th scope=\"col\">Hoogste</th>";
    pub fn group_heading(g: crate::region::model::Group) -> String {
        format!("Perspectief {}", g.key())
    }
    pub const NO_GROUP_SCORES: &str = "Geen school stuurde scores per perspectief: dat kan pas vanaf 5 deelnemers per perspectief.";
    pub fn change_cell(change: &str, schools: usize) -> String {
        format!("{change} ({schools} scholen)")
    }
    pub const NONE_YET: &str = "nog geen";
    pub fn schools(n: usize) -> String {
        if n == 1 {
            "1 school".to_string()
        } else {
            format!("{n} scholen")
        }
    }
    pub const CSV_HEADER: &str = "domein;titel;perspectief;scholen;laagste;kwartiel 1;mediaan;kwartiel 3;hoogste;gekozen door;mediane verandering";
    pub const EVERYONE: &str = "iedereen";
    pub fn participants_line(parts: &[String]) -> String {
        list_line("Deelnemers in de nieuwste meting per perspectief", parts)
    }
}
