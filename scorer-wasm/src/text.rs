//! Every Dutch string the scorer shows, in one place.

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
    pub fn bad_json(line: usize, column: usize) -> String {
        format!("Het bestand is geen geldig traject: de opmaak klopt niet (regel {line}, kolom {column}).")
    }
    pub const NOT_AN_OBJECT: &str =
        "Het bestand is geen traject: er staat geen object met traject-gegevens in.";
    pub const WRONG_FORMAT: &str =
        "Dit is geen Wegwijzer-traject: het veld “formaat” ontbreekt of klopt niet.";
    pub const NO_VERSION: &str = "Het veld “schema_version” ontbreekt of is geen geheel getal.";
    pub fn newer_version(found: u64, supported: u32) -> String {
        format!("Dit bestand komt uit een nieuwere versie van de Wegwijzer (versie {found}). Deze versie kan versie 1 tot en met {supported} lezen.")
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
    pub const NO_RESPONDENTS: &str = "Er staan geen respondenten in het bestand.";
    pub fn too_many_respondents(n: usize, max: usize) -> String {
        format!("Te veel respondenten ({n}); maximaal {max}.")
    }
    pub fn unknown_domain(domain: i64) -> String {
        format!("Domein {domain} bestaat niet in deze Wegwijzer.")
    }
    pub fn unknown_domain_text(key: &str) -> String {
        format!("Domein “{}” bestaat niet in deze Wegwijzer.", shorten(key))
    }
    pub fn duplicate_domain(domain: u8, respondent: usize) -> String {
        format!("Domein {domain} staat twee keer bij respondent {respondent}.")
    }
    pub fn bad_score(domain: u8, respondent: usize, found: &str) -> String {
        format!("De score bij domein {domain} (respondent {respondent}) moet 1 tot en met 10 of “weet-niet” zijn, niet {found}.")
    }
    pub fn duplicate_focus(domain: u8) -> String {
        format!("Domein {domain} staat twee keer in de gekozen domeinen.")
    }

    /// Quoted user input in a message stays short.
    fn shorten(s: &str) -> String {
        let mut out: String = s.chars().take(40).collect();
        if s.chars().count() > 40 {
            out.push('…');
        }
        out
    }
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
    pub const NOTE_GOING_WELL: &str = "De notitie “wat gaat goed”";
    pub const NOTE_ATTENTION: &str = "De notitie “aandachtspunten”";
    pub fn progress(scored: usize, total: usize) -> String {
        format!("{scored} van {total} gescoord")
    }
}

/// Sentences in the rapport.
pub mod rapport {
    pub fn too_few(scored: usize, total: usize) -> String {
        format!("Er zijn nog maar {scored} van de {total} domeinen met een cijfer gescoord. Score er meer voor een betrouwbaar beeld; het voorstel hieronder is voorlopig.")
    }
    pub const NONE_SCORED: &str =
        "Er is nog geen domein met een cijfer gescoord, dus er is nog geen voorstel.";
    pub fn suggestion(titles: &[String]) -> String {
        format!(
            "Voorstel: begin met {}, de domeinen met de laagste scores.",
            join(titles)
        )
    }
    pub fn tie(titles: &[String], score: &str) -> String {
        format!("Deze domeinen hebben dezelfde score ({score}): {}. Daarom staan ze allemaal in het voorstel; kies samen welke het zwaarst wegen.", join(titles))
    }
    pub const STRENGTH_NOTE: &str = "Je kunt ook kiezen om te versterken wat al goed gaat.";

    pub fn join(items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} en {last}", init.join(", ")),
        }
    }
}

/// Messages in the traject pages.
pub mod ui {
    pub const SAVED: &str = "Opgeslagen";
    pub const SAVED_IN_MEMORY: &str = "Alleen tijdelijk bewaard: exporteer je traject";
    pub const STORAGE_UNAVAILABLE: &str = "Deze browser laat de Wegwijzer niets bewaren (opslag staat uit of is vol). Je kunt verder werken, maar alles verdwijnt als je deze pagina sluit. Exporteer je traject als bestand om het te bewaren.";
    pub fn corrupt(message: &str) -> String {
        format!("Een opgeslagen traject kon niet worden gelezen: {message} De oorspronkelijke tekst is bewaard als reservekopie; download die hieronder voordat je iets wist.")
    }
    pub const DOWNLOAD_BACKUP: &str = "Download reservekopie";
    pub const REMOVE_BACKUP: &str = "Verwijder reservekopie";
    pub const NO_TRAJECTEN: &str = "Er zijn op dit apparaat nog geen trajecten opgeslagen.";
    pub const NAME_NEEDED: &str =
        "Geef het traject een naam, bijvoorbeeld de naam van je school of team.";
    pub fn confirm_delete(name: &str) -> String {
        format!("Traject “{name}” verwijderen? Dit kan niet ongedaan worden gemaakt. Exporteer het eerst als je het wilt bewaren.")
    }
    pub const CONFIRM_CLEAR: &str = "Alle trajecten en reservekopieën van de Wegwijzer op dit apparaat wissen? Dit kan niet ongedaan worden gemaakt.";
    pub const CLEARED: &str = "Alle gegevens van de Wegwijzer op dit apparaat zijn gewist.";
    pub fn confirm_replace(name: &str, existing: &str) -> String {
        format!("Er bestaat al een traject met dezelfde herkomst (“{existing}”). Wil je het vervangen door “{name}” uit het bestand? Kies Annuleren om het bestand als kopie te importeren.")
    }
    pub fn imported(name: &str) -> String {
        format!("Traject “{name}” is geïmporteerd.")
    }
    pub fn imported_copy(name: &str) -> String {
        format!("Traject “{name}” is als kopie geïmporteerd; het bestaande traject is ongewijzigd.")
    }
    pub fn import_failed(message: &str) -> String {
        format!("Importeren is niet gelukt. {message} Er is niets veranderd.")
    }
    pub const COPY_SUFFIX: &str = " (kopie)";
    pub const RENAME_PROMPT: &str = "Nieuwe naam voor het traject:";
    pub fn deleted(name: &str) -> String {
        format!("Traject “{name}” is verwijderd.")
    }
    pub fn last_change(date: &str) -> String {
        format!("Laatst gewijzigd: {date}")
    }
    pub const OPEN: &str = "Scoren";
    pub const RAPPORT: &str = "Rapport";
    pub const RENAME: &str = "Hernoemen";
    pub const EXPORT: &str = "Exporteren";
    pub const DELETE: &str = "Verwijderen";
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
    pub const NO_FOCUS: &str = "Kies hierboven een of meer domeinen om hun aanbevelingen te zien.";
    pub fn traject_line(name: &str, date: &str) -> String {
        format!("Traject: {name} · {date}")
    }
}
