//! What the coordinator's pages (the traject list, the rapport, the plan)
//! share; each page's own module builds on it. Only in the coordinator's
//! build (feature `coordinator`).

use super::*;

pub(super) fn get(id: &str) -> Option<Traject> {
    let a = app();
    a.session.get(id, &a.data)
}

/// The traject of the button's `data-id`, else the one on the page, as a
/// file to keep or to hand to another device.
pub(super) fn export_json(el: &Element) {
    let id = el.get_attribute("data-id").unwrap_or_default();
    let t = if id.is_empty() { active() } else { get(&id) };
    if let Some(t) = t {
        let (today, _) = today_and_time();
        download(
            &files::name(&t.name, &today, "json"),
            "application/json",
            &t.to_json(),
        );
    }
}

/// A spreadsheet named after `name` and today.
pub(super) fn download_csv(name: &str, csv: &str) {
    let (today, _) = today_and_time();
    download(
        &files::name(name, &today, "csv"),
        "text/csv;charset=utf-8",
        csv,
    );
}

/// Shows a list's chosen domains, in the order chosen; hides the others.
/// A `staged` list's sections are long: on the page's first fill each
/// waits for a frame of its own (`fill_next`), so no single task lays out
/// all of them on a phone.
pub(super) fn show_chosen(list: &str, prefix: &str, focus: &[u8], staged: bool) {
    let Some(list) = by_id(list) else { return };
    let later = staged && app().filling;
    let sections = all(&(String::from("#") + &list.id() + " > [data-domain]"));
    for el in &sections {
        let shown = domain_of(el).is_some_and(|d| focus.contains(&d));
        if later && shown && el.has_attribute("hidden") {
            let _ = el.set_attribute(LATER, "");
        } else {
            // At once, not queued: `next_section` reads it back.
            if el.has_attribute(LATER) {
                let _ = el.remove_attribute(LATER);
            }
            set_hidden(el, !shown);
        }
    }
    // In the order chosen; moved only when out of it, since a section
    // moved is laid out anew.
    let in_order = sections
        .iter()
        .filter_map(domain_of)
        .filter(|d| focus.contains(d))
        .eq(focus.iter().copied());
    if in_order {
        return;
    }
    for n in focus {
        if let Some(el) = by_id(&idn(prefix, *n, "")) {
            let _ = list.append_child(&el);
        }
    }
}
