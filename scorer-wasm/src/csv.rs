//! CSV export of the scores, for spreadsheets: `;`-separated as Dutch Excel
//! expects, with a BOM so accents survive, and guarded against formulas.

use crate::score::Score;
use crate::text::label;
use crate::traject::Traject;
use site_data::SiteData;

/// [`HEADER`] as one line; spelled out so the scorer carries no `join` for `&str`.
const HEADER_LINE: &str =
    "domein;titel;deelnemer;naam;perspectief;score;wat gaat goed;aandachtspunten";

pub const HEADER: [&str; 8] = [
    "domein",
    "titel",
    "deelnemer",
    "naam",
    "perspectief",
    "score",
    "wat gaat goed",
    "aandachtspunten",
];

pub fn field(value: &str) -> String {
    // A cell starting with one of these would run as a formula in a spreadsheet.
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

pub fn export(traject: &Traject, data: &SiteData) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(HEADER_LINE);
    out.push_str("\r\n");
    for (i, r) in traject.participants.iter().enumerate() {
        for d in &data.domains {
            let a = r.answers.get(&d.number).cloned().unwrap_or_default();
            let score = match a.score {
                Some(Score::Value(v)) => v.to_string(),
                Some(Score::DontKnow) => label::DONT_KNOW.to_string(),
                None => String::new(),
            };
            let cells = [
                d.number.to_string(),
                field(&d.title),
                (i + 1).to_string(),
                field(r.shown_name()),
                field(r.perspective.label()),
                score,
                field(&a.going_well),
                field(&a.attention),
            ];
            row(&mut out, &cells);
        }
    }
    out
}

fn row(out: &mut String, cells: &[String]) {
    for (k, cell) in cells.iter().enumerate() {
        if k > 0 {
            out.push(';');
        }
        out.push_str(cell);
    }
    out.push_str("\r\n");
}

/// [`ACTIONS_HEADER`] as one line.
const ACTIONS_HEADER_LINE: &str = "domein;titel;wat;wie;wanneer;evaluatiemoment";
pub const ACTIONS_HEADER: [&str; 6] = crate::text::plan::CSV_HEADER;

/// The plan's actions, one row each: the chosen domains first, in the
/// order chosen, then any other domain that has actions. Empty actions
/// (added, never filled in) are left out.
pub fn actions(traject: &Traject, data: &SiteData) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(ACTIONS_HEADER_LINE);
    out.push_str("\r\n");
    let mut order = traject.focus.clone();
    order.extend(
        data.domains
            .iter()
            .map(|d| d.number)
            .filter(|n| !traject.focus.contains(n)),
    );
    for n in order {
        let title = data.domain(n).map_or("", |d| d.title.as_str());
        for a in traject.plan.actions_of(n).filter(|a| !a.is_empty()) {
            let mut cells = vec![n.to_string(), field(title)];
            cells.extend(a.parts().iter().map(|p| field(p)));
            row(&mut out, &cells);
        }
    }
    out
}

/// Reads CSV as written by [`export`] into rows of cells.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ';') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_header_line_matches_the_header() {
        assert_eq!(super::HEADER_LINE, super::HEADER.join(";"));
        assert_eq!(super::ACTIONS_HEADER_LINE, super::ACTIONS_HEADER.join(";"));
    }
}
