//! HTML for the rapport and the traject list. Every user string goes
//! through [`esc`]; only HTML the generator rendered from our own content
//! (`*_html` fields of the site data) is inserted as is.

use crate::rapport::{format_score, Outcome, Rapport};
use crate::text::label;
use crate::traject::Traject;
use site_data::SiteData;
use std::fmt::Write;

pub use site_data::escape_html as esc;

pub fn outcome_text(o: Outcome) -> String {
    match o {
        Outcome::Scored(v) => format_score(v),
        Outcome::DontKnow => label::DONT_KNOW.to_string(),
        Outcome::NotScored => label::NOT_SCORED.to_string(),
    }
}

/// The score table: domain order, with the rank by score.
pub fn score_table(r: &Rapport) -> String {
    let mut h = String::from("<table class=\"score-table\"><caption>Scores per domein (1 = als het niet goed gaat, 10 = als het wel goed gaat)</caption><thead><tr><th scope=\"col\">Domein</th><th scope=\"col\">Score</th><th scope=\"col\">Plaats van laag naar hoog</th></tr></thead><tbody>");
    for row in &r.rows {
        let rank = match row.outcome {
            Outcome::Scored(_) => {
                (r.sorted.iter().position(|d| *d == row.domain).unwrap_or(0) + 1).to_string()
            }
            _ => "–".to_string(),
        };
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}. {}</th><td>{}</td><td>{}</td></tr>",
            row.domain,
            esc(&row.title),
            esc(&outcome_text(row.outcome)),
            rank
        );
    }
    h.push_str("</tbody></table>");
    h
}

/// A horizontal bar chart as inline SVG, readable in black and white: each
/// bar carries its number, and unscored domains say so in words. Integer
/// coordinates: float formatting would add kilobytes to the scorer.
pub fn bar_chart(r: &Rapport) -> String {
    const LABEL_W: i64 = 250;
    const BAR_W: i64 = 300;
    const ROW_H: i64 = 34;
    const TOP: i64 = 30;
    let width = LABEL_W + BAR_W + 50;
    let height = TOP + ROW_H * r.rows.len() as i64 + 10;
    let summary: Vec<String> = r
        .rows
        .iter()
        .map(|row| format!("{}: {}", row.title, outcome_text(row.outcome)))
        .collect();
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"score-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"grafiek-titel grafiek-uitleg\">\
<title id=\"grafiek-titel\">Staafdiagram van de scores per domein</title>\
<desc id=\"grafiek-uitleg\">{}</desc>",
        esc(&summary.join("; "))
    );
    // Scale: ticks at 1, 5 and 10.
    for tick in [1i64, 5, 10] {
        let x = LABEL_W + BAR_W * tick / 10;
        let _ = write!(
            s,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" class=\"grid\"/><text x=\"{x}\" y=\"18\" text-anchor=\"middle\" class=\"tick\">{tick}</text>",
            TOP - 6,
            height - 10
        );
    }
    for (i, row) in r.rows.iter().enumerate() {
        let y = TOP + ROW_H * i as i64;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"label\">{}. {}</text>",
            LABEL_W - 10,
            y + 21,
            row.domain,
            esc(&short(&row.title, 30))
        );
        match row.outcome {
            Outcome::Scored(v) => {
                let w = (BAR_W as f64 * v / 10.0).round() as i64;
                let _ = write!(
                    s,
                    "<rect x=\"{LABEL_W}\" y=\"{}\" width=\"{w}\" height=\"{}\" class=\"bar\"/><text x=\"{}\" y=\"{}\" class=\"value\">{}</text>",
                    y + 6,
                    ROW_H - 12,
                    LABEL_W + w + 6,
                    y + 21,
                    format_score(v)
                );
            }
            other => {
                let _ = write!(
                    s,
                    "<text x=\"{}\" y=\"{}\" class=\"value empty\">{}</text>",
                    LABEL_W + 6,
                    y + 21,
                    esc(&outcome_text(other))
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max - 1).collect::<String>() + "…"
    }
}

/// The team's notes, per domain that has any.
pub fn notes(traject: &Traject, data: &SiteData) -> String {
    let mut h = String::new();
    for d in &data.domains {
        let a = traject.answer(d.number);
        if a.going_well.is_empty() && a.attention.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            "<section class=\"note-block\"><h3>{}. {}</h3><dl>",
            d.number,
            esc(&d.title)
        );
        for (label, text) in [
            (label::GOING_WELL, &a.going_well),
            (label::ATTENTION, &a.attention),
        ] {
            if !text.is_empty() {
                let _ = write!(h, "<dt>{label}</dt><dd>{}</dd>", paragraphs(text));
            }
        }
        h.push_str("</dl></section>");
    }
    if h.is_empty() {
        h.push_str("<p class=\"empty\">Er zijn nog geen notities gemaakt.</p>");
    }
    h
}

/// Keeps the line breaks a team typed, escaped.
fn paragraphs(text: &str) -> String {
    esc(text).replace('\n', "<br>")
}

/// The recommendations of the chosen domains, from the generator's data.
pub fn recommendations(focus: &[u8], data: &SiteData) -> String {
    let mut h = String::new();
    for &n in focus {
        let Some(d) = data.domain(n) else { continue };
        let _ = write!(
            h,
            "<section class=\"focus-domain\" aria-labelledby=\"focus-{n}\"><h3 id=\"focus-{n}\">{n}. {}</h3><p><a href=\"{}\">Lees het hele domein</a></p>",
            esc(&d.title),
            esc(&d.url)
        );
        for r in &d.recommendations {
            let _ = write!(
                h,
                "<article class=\"recommendation\"><h4 class=\"recommendation__title\"><span class=\"recommendation__num\">{}</span> <span>{}</span></h4>",
                esc(&r.number),
                r.text_html
            );
            h.push_str("<div class=\"recommendation__parts\"><div class=\"part\"><h5>Inspiratie uit de praktijk</h5>");
            if r.inspiration_html.is_empty() {
                h.push_str("<p class=\"empty\">Bij deze aanbeveling is (nog) geen voorbeeld uit de praktijk opgenomen.</p>");
            }
            for i in &r.inspiration_html {
                let _ = write!(h, "<div class=\"inspiration\">{i}</div>");
            }
            h.push_str("</div><div class=\"part\"><h5>Interventies</h5>");
            if r.interventions.is_empty() {
                h.push_str("<p class=\"empty\">Bij deze aanbeveling is (nog) geen erkende interventie opgenomen.</p>");
            } else {
                h.push_str("<ul class=\"intervention-list\">");
                for u in &r.interventions {
                    let Some(i) = data.intervention(&u.id) else {
                        continue;
                    };
                    let star = if u.secondary {
                        "<span aria-hidden=\"true\">*</span><span class=\"visually-hidden\"> (zie voetnoot)</span>"
                    } else {
                        ""
                    };
                    let _ = write!(
                        h,
                        "<li class=\"intervention-use\"><p class=\"intervention-use__name\"><a href=\"{}\">{}</a>{star}</p><div class=\"intervention-use__note\">{}</div></li>",
                        esc(&i.url),
                        esc(&i.name),
                        u.note_html
                    );
                }
                h.push_str("</ul>");
            }
            if let Some(f) = &r.footnote_html {
                let _ = write!(
                    h,
                    "<div class=\"footnote\"><span aria-hidden=\"true\">* </span>{f}</div>"
                );
            }
            h.push_str("</div></div></article>");
        }
        h.push_str("</section>");
    }
    h
}
