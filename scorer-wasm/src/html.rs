//! The little HTML the scorer writes itself: the list of saved trajecten
//! and the advice above the choice. Everything else (charts, tables,
//! recommendations) is markup in the templates, which the scorer only fills.
//! Every user string goes through [`esc`] and sits in a `<bdi>`, so a name
//! with direction overrides cannot reorder the text around it.

use crate::rapport::{Outcome, Rapport, format_score};
use crate::session::Corrupt;
use crate::text::{label, rapport as txt, ui};
use crate::traject::{MAX_NAME, Traject};
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

/// Stored texts that could not be read: why (for those found just now),
/// and for each kept copy a download and a remove button.
pub fn unreadable(found: &[Corrupt], backups: &[(String, String)]) -> String {
    let mut h = String::new();
    for c in found {
        let _ = write!(h, "<p>{}</p>", esc(&c.message));
    }
    h.push_str("<ul class=\"backups\">");
    for (key, _) in backups {
        let _ = write!(
            h,
            "<li class=\"button-row\"><button type=\"button\" class=\"button\" data-action=\"download-backup\" data-key=\"{k}\">{}</button><button type=\"button\" class=\"button button--danger\" data-action=\"remove-backup\" data-key=\"{k}\">{}</button></li>",
            ui::DOWNLOAD_BACKUP,
            ui::REMOVE_BACKUP,
            k = esc(key)
        );
    }
    h.push_str("</ul>");
    h
}
