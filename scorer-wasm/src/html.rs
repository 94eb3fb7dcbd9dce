//! The little HTML the scorer writes itself: the list of saved trajecten
//! and the advice above the choice. Everything else (charts, tables,
//! recommendations) is markup in the templates, which the scorer only fills.
//! Every user string goes through [`esc`] and sits in a `<bdi>`, so a name
//! with direction overrides cannot reorder the text around it.

use crate::rapport::{Outcome, Rapport, format_score};
use crate::session::Unreadable;
use crate::spread::{Discuss, DomainSpread};
use crate::text::isolate as isolated;
use crate::text::{label, rapport as txt, ui};
use crate::traject::{MAX_NAME, Participant, Traject};
use std::fmt::Write;

pub use site_data::escape_html as esc;

pub fn outcome_text(o: Outcome) -> String {
    match o {
        Outcome::Scored(v) => format_score(v),
        Outcome::DontKnow => label::DONT_KNOW.to_string(),
        Outcome::NotScored => label::NOT_SCORED.to_string(),
    }
}

/// One saved traject in the list, as the page shows it.
pub struct ListItem<'a> {
    pub traject: &'a Traject,
    /// Already readable, e.g. "23-11-2026".
    pub date: String,
    pub total: usize,
}

/// The saved trajecten; `editing` names the one whose name is being
/// changed in place.
pub fn traject_list(items: &[ListItem], editing: Option<&str>) -> String {
    if items.is_empty() {
        // The page's own "no trajecten here" text shows instead.
        return String::new();
    }
    let mut h = String::from("<ul class=\"traject-list\">");
    for item in items {
        let t = item.traject;
        let id = esc(&t.id);
        let name = esc(&t.name);
        let _ = write!(h, "<li class=\"traject-item\" data-id=\"{id}\">");
        if editing == Some(t.id.as_str()) {
            let _ = write!(
                h,
                "<form class=\"rename-form\" data-id=\"{id}\" novalidate>\
<label for=\"naam-{id}\">{new_name}</label>\
<input id=\"naam-{id}\" name=\"naam\" type=\"text\" maxlength=\"{MAX_NAME}\" autocomplete=\"off\" value=\"{name}\" dir=\"auto\" aria-describedby=\"naam-{id}-fout\">\
<p id=\"naam-{id}-fout\" class=\"field-error\" hidden></p>\
<div class=\"button-row\"><button type=\"submit\" class=\"button button--primary\">{save}</button>\
<button type=\"button\" class=\"button\" data-action=\"rename-cancel\">{cancel}</button></div></form>",
                new_name = ui::NEW_NAME,
                save = ui::SAVE_NAME,
                cancel = ui::CANCEL,
            );
        } else {
            let _ = write!(h, "<h3 class=\"traject-item__name\"><bdi>{name}</bdi></h3>");
        }
        let hidden_name = format!("<span class=\"visually-hidden\">: <bdi>{name}</bdi></span>");
        let _ = write!(
            h,
            "<p class=\"meta\">{date} · {progress}</p><div class=\"button-row\">\
<button type=\"button\" class=\"button\" data-action=\"open\" data-id=\"{id}\">{open}{hidden_name}</button>\
<button type=\"button\" class=\"button\" data-action=\"open-rapport\" data-id=\"{id}\">{rapport}{hidden_name}</button>\
<button type=\"button\" class=\"button\" id=\"hernoem-{id}\" data-action=\"rename\" data-id=\"{id}\">{rename}{hidden_name}</button>\
<button type=\"button\" class=\"button\" data-action=\"export-json\" data-id=\"{id}\">{export}{hidden_name}</button>\
<button type=\"button\" class=\"button button--danger\" data-action=\"delete\" data-id=\"{id}\">{delete}{hidden_name}</button></div></li>",
            date = esc(&ui::last_change(&item.date)),
            progress = label::progress(t.scored_count(), item.total),
            open = ui::OPEN,
            rapport = ui::RAPPORT,
            rename = ui::RENAME,
            export = ui::EXPORT,
            delete = ui::DELETE,
        );
    }
    h.push_str("</ul>");
    h
}

/// What the rapport says above the choice: while fewer than 6 domains have
/// a number, how far the team is, with a link to go on; once there are
/// enough and nothing is chosen yet, the suggestion; once the team has
/// chosen, nothing, so no suggestion ever stands beside a different choice.
pub fn advice(r: &Rapport, chosen: &[u8]) -> String {
    let mut h = String::new();
    if r.numbered < crate::rapport::MIN_FOR_SUGGESTION {
        let unanswered = r.total - r.answered;
        let _ = write!(
            h,
            "<p>{} {} {}</p>",
            txt::numbered(r.numbered, r.total),
            txt::unanswered(unanswered),
            txt::needed(crate::rapport::MIN_FOR_SUGGESTION)
        );
        if let Some(next) = r.next_to_score() {
            let _ = write!(
                h,
                "<p><a href=\"scoren.html#domein-{n}\">{} {n}. {}</a></p>",
                txt::GO_ON,
                esc(&next.title),
                n = next.domain
            );
        }
    } else if chosen.is_empty() {
        if let Some(s) = r.suggestion_sentence() {
            let _ = write!(
                h,
                "<p class=\"suggestion\"><strong>{}</strong> {}</p>",
                txt::SUGGESTION_LABEL,
                esc(&s)
            );
        }
        for n in &r.notes {
            let _ = write!(h, "<p>{}</p>", esc(n));
        }
    }
    h
}

/// Stored texts that could not be read, each with why, and a download
/// (and, once kept apart as a backup, a remove) button that names what it
/// concerns and is described by that reason.
pub fn unreadable(items: &[Unreadable]) -> String {
    let mut h = String::from("<ul class=\"backups\">");
    for (i, u) in items.iter().enumerate() {
        let about = format!("<bdi>{}</bdi>", esc(&u.about));
        let reason = format!("onleesbaar-{}", i + 1);
        let _ = write!(
            h,
            "<li><p id=\"{reason}\">{about}: {}</p><div class=\"button-row\"><button type=\"button\" class=\"button\" data-action=\"download-backup\" data-key=\"{k}\" aria-describedby=\"{reason}\">{} {about}</button>",
            esc(&u.message),
            ui::DOWNLOAD_BACKUP,
            k = esc(&u.key)
        );
        if u.removable {
            let _ = write!(
                h,
                "<button type=\"button\" class=\"button button--danger\" data-action=\"remove-backup\" data-key=\"{k}\" aria-describedby=\"{reason}\">{} {about}</button>",
                ui::REMOVE_BACKUP,
                k = esc(&u.key)
            );
        }
        h.push_str("</div></li>");
    }
    h.push_str("</ul>");
    h
}

/// "Sam · leerlingen": how a participant is named in lists. Plain text.
pub fn participant_text(p: &Participant) -> String {
    format!(
        "{} · {}",
        isolated(p.shown_name()),
        isolated(p.perspective.label())
    )
}

/// The participants, each with a button that makes their invitation:
/// inviting never depends on who scores on this device.
pub fn participant_rows(t: &Traject) -> String {
    let mut h = String::new();
    for p in &t.participants {
        let name = format!(
            "<bdi>{}</bdi> · <bdi>{}</bdi>",
            esc(p.shown_name()),
            esc(p.perspective.label())
        );
        let _ = write!(
            h,
            "<li><span>{name}</span> <button type=\"button\" class=\"button\" data-action=\"invite-participant\" data-id=\"{}\">{}<span class=\"visually-hidden\"> voor {name}</span></button></li>",
            esc(&p.id),
            ui::INVITE_PARTICIPANT
        );
    }
    h
}

/// The options of "Je scoort als", the current participant selected.
pub fn participant_options(t: &Traject, current: &str) -> String {
    let mut h = String::new();
    for p in &t.participants {
        let _ = write!(
            h,
            "<option value=\"{}\"{}>{}</option>",
            esc(&p.id),
            if p.id == current { " selected" } else { "" },
            esc(&participant_text(p))
        );
    }
    h
}

/// Every perspective in the traject once, in order of first appearance.
pub fn perspectives(t: &Traject) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for p in &t.participants {
        let label = p.perspective.label();
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out
}

/// The rapport's filter: everyone, or one perspective.
pub fn filter_options(t: &Traject, current: Option<&str>) -> String {
    let mut h = format!(
        "<option value=\"\"{}>{}</option>",
        if current.is_none() { " selected" } else { "" },
        txt::ALL_PARTICIPANTS
    );
    for label in perspectives(t) {
        let _ = write!(
            h,
            "<option value=\"{v}\"{}>{}</option>",
            if current == Some(label) {
                " selected"
            } else {
                ""
            },
            esc(&isolated(label)),
            v = esc(label)
        );
    }
    h
}

/// The chart's dots, one per participant with a number, on the 900-wide
/// axis. Zero-length lines with round caps and a stroke that does not
/// scale stay round however wide the chart is stretched; equal scores
/// stack up and down so each stays visible.
pub fn dots(values: &[u8]) -> String {
    let mut h = String::new();
    for (i, v) in values.iter().enumerate() {
        let same_before = values[..i].iter().filter(|w| *w == v).count();
        let y = [10, 4, 16][same_before % 3];
        let x = (u32::from(*v) - 1) * 100;
        let _ = write!(
            h,
            "<line class=\"chart__dot\" x1=\"{x}\" x2=\"{x}\" y1=\"{y}\" y2=\"{y}\"/>"
        );
    }
    h
}

/// "team 5 · leerlingen 7,5": each perspective's median.
pub fn by_perspective(spread: Option<&DomainSpread>) -> String {
    let mut parts = Vec::new();
    for (p, s) in spread.map_or(&[][..], |s| &s.by_perspective[..]) {
        parts.push(format!(
            "<bdi>{}</bdi> {}",
            esc(p),
            format_score(u32::from(s.median_tenths))
        ));
    }
    dotted(&parts)
}

/// "a · b · c".
fn dotted(parts: &[String]) -> String {
    let mut h = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h.push_str(" · ");
        }
        h.push_str(p);
    }
    h
}

/// "3–8": the lowest and highest number.
pub fn range_text(spread: Option<&DomainSpread>) -> String {
    match spread {
        Some(s) if s.all.min == s.all.max => s.all.min.to_string(),
        Some(s) => format!("{}–{}", s.all.min, s.all.max),
        None => label::RANK_NONE.to_string(),
    }
}

/// Why a domain is a point to discuss, as a sentence; empty when it is not.
pub fn discuss_text(spread: Option<&DomainSpread>) -> String {
    let mut h = String::new();
    for d in spread.map_or(&[][..], |s| &s.discuss[..]) {
        if !h.is_empty() {
            h.push(' ');
        }
        match d {
            Discuss::ParticipantsApart(n) => h.push_str(&txt::participants_apart(*n)),
            Discuss::PerspectivesApart(a, b, tenths) => h.push_str(&txt::perspectives_apart(
                &format!("<bdi>{}</bdi>", esc(a)),
                &format!("<bdi>{}</bdi>", esc(b)),
                &format_score(u32::from(*tenths)),
            )),
        }
    }
    h
}

/// One domain's notes, grouped by who wrote them; empty without notes.
pub fn notes(t: &Traject, domain: u8, admits: impl Fn(&Participant) -> bool) -> String {
    let mut h = String::new();
    for p in t.participants.iter().filter(|p| admits(p)) {
        let a = p.answer(domain);
        if a.going_well.is_empty() && a.attention.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            "<div class=\"note-author\"><h4><bdi>{}</bdi> · <bdi>{}</bdi></h4><dl>",
            esc(p.shown_name()),
            esc(p.perspective.label())
        );
        for (term, text) in [
            (label::GOING_WELL, &a.going_well),
            (label::ATTENTION, &a.attention),
        ] {
            if !text.is_empty() {
                let _ = write!(
                    h,
                    "<div><dt>{term}</dt><dd class=\"user-text\" dir=\"auto\">{}</dd></div>",
                    esc(text)
                );
            }
        }
        h.push_str("</dl></div>");
    }
    h
}

/// The earlier rounds to compare with, newest first, then "no comparison".
/// `dates` are the rounds' start dates as the page shows them.
pub fn round_options(dates: &[String], current: Option<usize>) -> String {
    let mut h = String::new();
    for (i, date) in dates.iter().enumerate().rev() {
        let _ = write!(
            h,
            "<option value=\"{i}\"{}>{}</option>",
            if current == Some(i) { " selected" } else { "" },
            esc(&crate::text::rounds::earlier_option(i + 1, date))
        );
    }
    let _ = write!(
        h,
        "<option value=\"geen\"{}>{}</option>",
        if current.is_none() { " selected" } else { "" },
        crate::text::rounds::NO_COMPARISON
    );
    h
}

/// "+1,5", "−2" or "0" from tenths; a real minus sign, as in print.
pub fn signed(tenths: i32) -> String {
    let sign = match tenths {
        t if t > 0 => "+",
        t if t < 0 => "−",
        _ => "",
    };
    String::from(sign) + &format_score(tenths.unsigned_abs())
}

/// A domain's change: overall, then each perspective then → now, e.g.
/// "+0,5 (<bdi>team</bdi> 4 → 6 · <bdi>leerlingen</bdi> 8 → 7)".
pub fn change_text(c: &crate::comparison::Change) -> String {
    let mut h = c.difference().map_or(label::RANK_NONE.to_string(), signed);
    let mut parts = Vec::new();
    for (p, was, is) in &c.by_perspective {
        let score = |v: &Option<u16>| {
            v.map_or(label::RANK_NONE.to_string(), |v| format_score(u32::from(v)))
        };
        parts.push(format!(
            "<bdi>{}</bdi> {} → {}",
            esc(p),
            score(was),
            score(is)
        ));
    }
    if parts.len() > 1 {
        h.push_str(" (");
        h.push_str(&dotted(&parts));
        h.push(')');
    }
    h
}
