//! The rapport's *Deel met de regio*: the school reads the whole summary,
//! picks a name to show and a kind of school, and saves the file. Only in
//! the coordinator's build.

use super::*;
use crate::region::model::{SchoolKind, Summary};
use crate::region::{make, view};
use crate::text::region_page as msg;
use web_sys::HtmlSelectElement;

/// A recommendation's number or an intervention's id as the page names it
/// (the template's `naam-…` list), else the key itself.
pub(super) fn name_of(key: &str) -> String {
    by_id(&(String::from("naam-") + key))
        .and_then(|e| e.text_content())
        .unwrap_or_else(|| key.to_string())
}

fn summary(t: &Traject) -> Summary {
    let name = by_id("regio-naam")
        .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    let kind = by_id("regio-soort")
        .and_then(|s| s.dyn_into::<HtmlSelectElement>().ok())
        .and_then(|s| SchoolKind::from_key(&s.value()));
    make::summary(t, &app().data, &name, kind)
}

/// Shows what the file will hold, as the form stands now.
pub(super) fn preview() {
    if let Some(t) = active() {
        let html = view::preview(&summary(&t), &app().data, &name_of);
        set_html("regio-inhoud", &html);
    }
}

/// The dialog's actions; `false` for any other.
pub(super) fn on_click(action: &str) -> bool {
    match action {
        "region-open" => {
            preview();
            open_dialog("dialoog-regio");
        }
        "region-summary" => {
            // The id is made once and kept in the traject (and so in its
            // reservekopie): a school's later summaries match its earlier.
            let Some(t) = change_active(|t, _| {
                if t.region_id.is_empty() {
                    t.region_id = new_id_with("s");
                }
            }) else {
                return true;
            };
            let (today, _) = today_and_time();
            let file = files::region_summary(&today);
            download(&file, "application/json", &summary(&t).to_json());
            announce(&msg::saved(&file));
        }
        _ => return false,
    }
    true
}
