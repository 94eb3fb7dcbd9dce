//! The little HTML the Regiobeeld writes: the summary as the school reads
//! it before saving, the list of files, and the figures. Headings, captions
//! and the table heads are the template's; this fills them. Every name a
//! file brings is escaped and sits in a `<bdi>`; a school's shown name only
//! ever appears in the list of files.

use super::merge::{Outcome, Set};
use super::model::{DomainScore, Summary};
use super::picture::{DomainFigure, Picture, Shown};
use super::stats::{Quartiles, format_change, format_tenths, x4_to_tenths};
use crate::html::esc;
use crate::text::region_page as msg;
use site_data::SiteData;
use std::fmt::Write;

/// A recommendation's number or an intervention's id, as the page names it.
pub type Names<'a> = &'a dyn Fn(&str) -> String;

fn title(data: &SiteData, d: u8) -> String {
    let t = data.domain(d).map_or("", |d| d.title.as_str());
    format!("{d}. {}", esc(t))
}

fn score_text(s: DomainScore) -> String {
    match s {
        DomainScore::Scored(t) => format_tenths(t as i32),
        DomainScore::DontKnow => crate::text::label::DONT_KNOW.to_string(),
        DomainScore::NotScored => msg::NOT_SCORED.to_string(),
    }
}

/// Everything the summary holds, in plain Dutch, for the school to read
/// before it saves.
pub fn preview(s: &Summary, data: &SiteData, names: Names) -> String {
    let mut h = String::from("<p>");
    if s.name.is_empty() {
        h.push_str(msg::ANONYMOUS);
    } else {
        let _ = write!(h, "{} <bdi>{}</bdi>", msg::SHOWN_NAME, esc(&s.name));
    }
    let _ = write!(
        h,
        "</p><p>{}</p>",
        esc(&msg::kind_line(s.kind.map(|k| k.label())))
    );
    if s.rounds.is_empty() {
        let _ = write!(h, "<p>{}</p>", msg::NO_ROUNDS_YET);
    }
    for r in &s.rounds {
        let _ = write!(
            h,
            "<h3>{}</h3><p>{}</p><ul>",
            msg::round_heading(&r.month),
            msg::round_participants(r)
        );
        for d in &r.domains {
            let _ = write!(
                h,
                "<li>{}: {} ({})</li>",
                title(data, d.domain),
                score_text(d.score),
                msg::participants(d.participants)
            );
        }
        h.push_str("</ul><ul>");
        for g in &r.groups {
            let _ = write!(h, "<li>{}</li>", msg::group_line(g));
        }
        h.push_str("</ul>");
    }
    // Plain loops: each iterator chain adds code to the browser's module.
    let c = &s.choice;
    let (mut domains, mut recs, mut interventions, mut actions) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for d in &c.domains {
        domains.push(title(data, *d));
    }
    for (n, st) in &c.recommendations {
        recs.push(format!("{} ({})", esc(&names(n)), st.key()));
    }
    for i in &c.interventions {
        interventions.push(esc(&names(i)));
    }
    for (d, n) in &c.actions {
        actions.push(format!("{}: {n}", title(data, *d)));
    }
    let _ = write!(
        h,
        "<h3>{}</h3><p>{}</p><p>{}</p><p>{}</p><p>{}</p>",
        msg::CHOICE_HEADING,
        msg::chosen_line(&domains),
        msg::list_line(msg::RECOMMENDATIONS, &recs),
        msg::list_line(msg::INTERVENTIONS, &interventions),
        msg::list_line(msg::ACTIONS, &actions),
    );
    h
}

/// Each chosen file: read (with the shown names of its schools) or why not,
/// and which copy of a school's measurement counted.
pub fn file_list(set: &Set) -> String {
    let mut h = String::new();
    for (i, f) in set.files.iter().enumerate() {
        let _ = write!(h, "<li><bdi>{}</bdi>: ", esc(&f.name));
        match &f.outcome {
            Outcome::Read(n) => {
                let mut who = String::new();
                let schools = set.schools.iter().filter(|s| s.round_files.contains(&i));
                for (named, s) in schools.enumerate() {
                    if named == 3 {
                        who.push_str(", …");
                        break;
                    }
                    if named > 0 {
                        who.push_str(", ");
                    }
                    let _ = match s.summary.name.as_str() {
                        "" => write!(who, "{}", msg::ANONYMOUS_SHORT),
                        name => write!(who, "<bdi>{}</bdi>", esc(name)),
                    };
                }
                h.push_str(&msg::read_line(*n, &who));
            }
            Outcome::Refused(why) => {
                let _ = write!(
                    h,
                    "<strong class=\"field-error\">{}</strong> {}",
                    msg::REFUSED,
                    esc(why)
                );
            }
        }
        for note in &f.notes {
            let _ = write!(h, " {}", esc(note));
        }
        h.push_str("</li>");
    }
    h
}

/// A tenth-of-a-point score at its place on the 900-wide axis of 1–10.
fn x(tenths: i32) -> i32 {
    (tenths - 10) * 10
}

/// One row per domain: the box from quartile to quartile, the line from
/// lowest to highest, the median, and every school's dot in one path, so
/// a thousand schools draw as fast as three.
pub fn chart(figures: &[DomainFigure], data: &SiteData) -> String {
    let mut h = String::from("<ul class=\"region-chart\">");
    for f in figures {
        let _ = write!(
            h,
            "<li><span class=\"region-chart__label\">{}</span>",
            title(data, f.domain)
        );
        match &f.spread {
            Shown::Value(s) => {
                let q = &s.quartiles;
                let (q1, q3) = (q.q1_x4 * 5 / 2 - 400, q.q3_x4 * 5 / 2 - 400);
                let _ = write!(
                    h,
                    "<svg viewBox=\"0 0 900 24\" preserveAspectRatio=\"none\" focusable=\"false\"><line class=\"region-chart__range\" x1=\"{}\" x2=\"{}\" y1=\"12\" y2=\"12\"/><rect class=\"region-chart__box\" x=\"{q1}\" width=\"{}\" y=\"5\" height=\"14\"/><line class=\"region-chart__median\" x1=\"{m}\" x2=\"{m}\" y1=\"2\" y2=\"22\"/><path class=\"region-chart__dots\" d=\"",
                    x(q.min),
                    x(q.max),
                    q3 - q1,
                    m = q.median_x4 * 5 / 2 - 400,
                );
                for (i, v) in s.dots.iter().enumerate() {
                    let _ = write!(h, "M{} {}h0", x(*v), 4 + (i * 7) % 17);
                }
                h.push_str("\"/></svg>");
            }
            Shown::TooFew => {
                let _ = write!(h, "<span>{}</span>", msg::TOO_FEW);
            }
        }
        h.push_str("</li>");
    }
    h.push_str("</ul>");
    h
}

fn spread_cells(q: Option<&Quartiles>) -> [String; 5] {
    match q {
        Some(q) => [
            format_tenths(q.min),
            format_tenths(x4_to_tenths(q.q1_x4)),
            format_tenths(x4_to_tenths(q.median_x4)),
            format_tenths(x4_to_tenths(q.q3_x4)),
            format_tenths(q.max),
        ],
        None => std::array::from_fn(|_| msg::TOO_FEW.to_string()),
    }
}

fn shown<T: ToString>(v: &Shown<T>) -> String {
    v.value().map_or(msg::TOO_FEW.to_string(), T::to_string)
}

fn change_text(c: &Shown<Quartiles>) -> String {
    match c {
        Shown::Value(q) => msg::change_cell(&format_change(x4_to_tenths(q.median_x4)), q.count),
        Shown::TooFew => msg::TOO_FEW.to_string(),
    }
}

/// The rows of the table beside a chart; the whole picture's table has
/// the choice and the change as well.
pub fn rows(figures: &[DomainFigure], p: Option<&Picture>, data: &SiteData) -> String {
    let mut h = String::new();
    for (i, f) in figures.iter().enumerate() {
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            title(data, f.domain),
            if f.spread == Shown::TooFew {
                msg::TOO_FEW.to_string()
            } else {
                f.schools.to_string()
            }
        );
        for cell in spread_cells(f.spread.value().map(|s| &s.quartiles)) {
            let _ = write!(h, "<td>{cell}</td>");
        }
        if let Some(p) = p {
            let _ = write!(
                h,
                "<td>{}</td><td>{}</td>",
                shown(&p.chosen[i].1),
                change_text(&p.change[i].1)
            );
        }
        h.push_str("</tr>");
    }
    h
}

/// Per perspective that any school sent scores for: its chart and table.
pub fn groups(p: &Picture, data: &SiteData) -> String {
    if p.by_group.is_empty() {
        return format!("<p>{}</p>", msg::NO_GROUP_SCORES);
    }
    let mut h = String::new();
    for (g, figures) in &p.by_group {
        let heading = msg::group_heading(*g);
        let _ = write!(
            h,
            "<h4>{heading}</h4>{}<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{heading}\"><table class=\"region-table\"><caption>{}</caption><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>",
            chart(figures, data),
            msg::group_caption(*g),
            msg::TABLE_HEAD,
            rows(figures, None, data)
        );
    }
    h
}

/// The most frequent first, with how many schools.
pub fn ranked(list: &Shown<Vec<(String, usize)>>, names: Names) -> String {
    match list {
        Shown::TooFew => format!("<p>{}</p>", msg::TOO_FEW_LINE),
        Shown::Value(items) if items.is_empty() => format!("<p>{}</p>", msg::NONE_YET),
        Shown::Value(items) => {
            let mut h = String::from("<ol>");
            for (key, n) in items.iter().take(10) {
                let _ = write!(h, "<li>{}: {}</li>", esc(&names(key)), msg::schools(*n));
            }
            h.push_str("</ol>");
            h
        }
    }
}

/// "team 40, leerlingen 212": participants in the newest rounds.
pub fn participants(p: &Picture) -> String {
    let mut parts = Vec::new();
    for (g, n) in &p.participants {
        parts.push(format!("{} {}", g.key(), shown(n)));
    }
    msg::participants_line(&parts)
}

fn csv_line(
    out: &mut String,
    d: u8,
    data: &SiteData,
    who: &str,
    f: &DomainFigure,
    extra: [&str; 2],
) {
    let t = data.domain(d).map_or("", |d| d.title.as_str());
    let [lo, q1, med, q3, hi] = spread_cells(f.spread.value().map(|s| &s.quartiles));
    let schools = if f.spread == Shown::TooFew {
        msg::TOO_FEW.to_string()
    } else {
        f.schools.to_string()
    };
    let _ = write!(
        out,
        "\r\n{d};{};{who};{schools};{lo};{q1};{med};{q3};{hi};{};{}",
        crate::csv::field(t),
        extra[0],
        extra[1]
    );
}

/// The aggregate table as Dutch Excel opens it: `;`, decimal commas, a BOM.
pub fn csv(p: &Picture, data: &SiteData) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(msg::CSV_HEADER);
    for (i, f) in p.domains.iter().enumerate() {
        let chosen = shown(&p.chosen[i].1);
        let change = match &p.change[i].1 {
            Shown::Value(q) => format_change(x4_to_tenths(q.median_x4)),
            Shown::TooFew => msg::TOO_FEW.to_string(),
        };
        csv_line(
            &mut out,
            f.domain,
            data,
            msg::EVERYONE,
            f,
            [&chosen, &change],
        );
    }
    for (g, figures) in &p.by_group {
        for f in figures {
            csv_line(&mut out, f.domain, data, g.key(), f, ["", ""]);
        }
    }
    out.push_str("\r\n");
    out
}
