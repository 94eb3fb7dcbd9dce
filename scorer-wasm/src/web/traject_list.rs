//! traject.html: the list of trajecten (start, rename, delete, wipe,
//! unreadable ones kept apart), importing a traject, and a participant's
//! answers received by link or file. Only in the coordinator's build.

use super::coordinator::{export_json, get};
use super::*;
use crate::html::{self, ListItem};
use crate::session::Import;
use crate::share::Reply;
use crate::traject::clean_name;

/// What the traject page keeps between events.
#[derive(Default)]
pub(super) struct State {
    /// The traject whose name is being edited in place.
    editing: Option<String>,
    pending_delete: Option<String>,
    pending_import: Option<Traject>,
    /// Answers received, waiting for "Toevoegen" or "Vervangen".
    pending_reply: Option<Reply>,
    /// Another tab changed the list while a name was being edited or a
    /// dialog was open: redrawn once that ends, never under someone's typing.
    stale: bool,
}

pub(super) fn render() {
    render_traject_page();
    receive_from_hash();
}

/// A new traject's name, or a traject renamed in place.
pub(super) fn on_submit(e: &web_sys::Event, form: &Element) {
    let input = form
        .query_selector("input[name=\"naam\"]")
        .ok()
        .flatten()
        .and_then(|i| i.dyn_into::<HtmlInputElement>().ok());
    let Some(input) = input else {
        // Dialog forms close themselves.
        return;
    };
    e.prevent_default();
    if form.id() == "nieuw-traject" {
        let Some(name) = name_from(&input, "naam-fout") else {
            return;
        };
        let t = Traject::new(&new_id(), &name, &now());
        save(&t);
        app().session.set_active(&t.id);
        // Its one participant scores here; a second one changes nothing.
        app()
            .session
            .set_participant(&t.id, crate::traject::FIRST_PARTICIPANT);
        go("scoren.html#domein-1");
        return;
    }
    let id = form.get_attribute("data-id").unwrap_or_default();
    let Some(name) = name_from(&input, &(String::from("naam-") + &id + "-fout")) else {
        return;
    };
    let Some(mut t) = get(&id) else {
        // Deleted in another tab meanwhile: nothing left to rename.
        app().list.editing = None;
        render_traject_page();
        return;
    };
    t.rename(&name, &now());
    save(&t);
    app().list.editing = None;
    render_traject_page();
    announce(&ui::renamed(&t.name));
    focus(&(String::from("hernoem-") + &id));
}

pub(super) fn on_click(action: &str, el: &Element) {
    let id = el.get_attribute("data-id").unwrap_or_default();
    match action {
        "open" | "open-rapport" => {
            app().session.set_active(&id);
            let target = if action == "open" {
                "scoren.html#domein-1"
            } else {
                "rapport.html"
            };
            go(target);
        }
        "rename" => {
            app().list.editing = Some(id.clone());
            render_traject_page();
            focus(&(String::from("naam-") + &id));
        }
        "rename-cancel" => {
            let id = app().list.editing.take().unwrap_or_default();
            render_traject_page();
            focus(&(String::from("hernoem-") + &id));
        }
        "delete" => {
            let Some(t) = get(&id) else { return };
            set_text("dialoog-verwijderen-naam", &t.name);
            app().list.pending_delete = Some(id);
            open_dialog("dialoog-verwijderen");
        }
        "delete-confirmed" => {
            let Some(id) = app().list.pending_delete.take() else {
                return;
            };
            let name = get(&id).map(|t| t.name).unwrap_or_default();
            app().session.delete(&id);
            render_traject_page();
            announce(&ui::deleted(&name));
        }
        "clear-all" => open_dialog("dialoog-wissen"),
        "clear-confirmed" => {
            app().session.clear_all();
            render_traject_page();
            announce(ui::CLEARED);
        }
        "import-replace" | "import-copy" | "import-cancel" => finish_conflict(action),
        "export-json" => export_json(el),
        "download-backup" => {
            let key = el.get_attribute("data-key").unwrap_or_default();
            let raw = app().session.unreadable_text(&key);
            if let Some(raw) = raw {
                download(files::UNREADABLE, "application/json", &raw);
            }
        }
        "remove-backup" => {
            let key = el.get_attribute("data-key").unwrap_or_default();
            app().session.remove_backup(&key);
            render_traject_page();
        }
        "reply-add" => add_reply(),
        "reply-cancel" => {
            app().list.pending_reply = None;
            // Dealt with: opening the same link again asks again.
            let _ = window().location().set_hash("");
            show("ontvangen", false);
            say("ontvangen-melding", share_msg::NOT_ADDED);
        }
        _ => {}
    }
}

/// A file chosen on traject.html: a traject, or a participant's answers.
pub(super) fn import_file(text: &str) {
    let reply = {
        let a = app();
        Reply::from_file(text, &a.data)
    };
    match reply {
        Ok(None) => finish_import(text),
        Ok(Some(r)) => receive(Ok(r)),
        Err(e) => receive(Err(e)),
    }
}

fn new_id() -> String {
    new_id_with("t")
}

/// Another tab changed the list: redraw it now, or once the edit ends.
pub(super) fn other_tab_changed() {
    app().list.stale = true;
    catch_up();
}

/// Redraws a list another tab changed, unless a name is being edited in
/// it or a dialog is open (its focus returns to a button in the list).
pub(super) fn catch_up() {
    let busy = app().list.editing.is_some()
        || doc()
            .query_selector("dialog[open]")
            .ok()
            .flatten()
            .is_some();
    if app().list.stale && !busy {
        render_traject_page();
    }
}

pub(super) fn render_traject_page() {
    app().list.stale = false;
    let (list, unreadable, active, editing) = {
        let a = &mut *app();
        let (list, corrupt) = a.session.load_all(&a.data);
        (
            list,
            a.session.unreadable(&corrupt, &a.data),
            a.session.active(),
            a.list.editing.clone(),
        )
    };
    let total = total();
    set_html("onleesbaar-lijst", &html::unreadable(&unreadable));
    show("onleesbaar", !unreadable.is_empty());

    let items: Vec<ListItem> = list
        .iter()
        .map(|t| ListItem {
            traject: t,
            date: readable_date(&t.updated),
            total,
        })
        .collect();
    set_html(
        "traject-lijst",
        &html::traject_list(&items, editing.as_deref()),
    );
    show("geen-trajecten", items.is_empty());
    let last = active.and_then(|id| list.iter().find(|t| t.id == id));
    if let Some(t) = last {
        set_text("verder-naam", &t.name);
    }
    show("verder", last.is_some());
}

/// The name field's value, or an inline error tied to it.
fn name_from(input: &HtmlInputElement, error_id: &str) -> Option<String> {
    let name = clean_name(&input.value());
    let error = by_id(error_id);
    match &name {
        Some(_) => {
            let _ = input.remove_attribute("aria-invalid");
            if let Some(e) = error {
                set_hidden(&e, true);
            }
        }
        None => {
            // The template names the error in aria-describedby already.
            let _ = input.set_attribute("aria-invalid", "true");
            if let Some(e) = error {
                e.set_text_content(Some(ui::NAME_NEEDED));
                set_hidden(&e, false);
            }
            let _ = input.focus();
        }
    }
    name
}

fn finish_import(text: &str) {
    let result = {
        let a = &mut *app();
        a.session.import(text, &a.data)
    };
    let message = match result {
        Err(e) => ui::import_failed(&e),
        Ok(Import::Added(t)) => ui::imported(&t.name),
        Ok(Import::Conflict {
            incoming,
            existing_name,
        }) => {
            set_text("dialoog-import-nieuw", &incoming.name);
            set_text("dialoog-import-bestaand", &existing_name);
            app().list.pending_import = Some(incoming);
            open_dialog("dialoog-import");
            return;
        }
    };
    say("import-melding", &message);
    render_traject_page();
}

/// The team's answer to "this traject is already here".
fn finish_conflict(action: &str) {
    let Some(mut incoming) = app().list.pending_import.take() else {
        return;
    };
    let message = match action {
        "import-replace" => {
            save(&incoming);
            ui::replaced(&incoming.name)
        }
        "import-copy" => {
            incoming.id = new_id();
            let name = format!("{}{}", incoming.name, ui::COPY_SUFFIX);
            incoming.rename(&name, &incoming.updated.clone());
            save(&incoming);
            ui::imported_copy(&incoming.name)
        }
        _ => ui::IMPORT_CANCELLED.to_string(),
    };
    say("import-melding", &message);
    render_traject_page();
}

/// traject.html opened from a link with answers: show what would be added.
pub(super) fn receive_from_hash() {
    let hash = window().location().hash().unwrap_or_default();
    let Some(fragment) = hash.strip_prefix('#').filter(|h| h.starts_with("a1.")) else {
        return;
    };
    let result = {
        let a = app();
        Reply::from_fragment(fragment, &a.data)
    };
    receive(result);
}

/// Shows received answers and asks before anything is stored.
fn receive(result: Result<Reply, String>) {
    show("ontvangen", false);
    let reply = match result {
        Ok(r) => r,
        Err(message) => {
            say("ontvangen-melding", &message);
            return;
        }
    };
    let Some(t) = get(&reply.traject_id) else {
        say(
            "ontvangen-melding",
            &share_msg::unknown_traject(&reply.traject_id),
        );
        return;
    };
    let who = html::participant_text(&reply.participant);
    let check = match reply.check(&t) {
        Ok(c) => c,
        Err(message) => {
            say("ontvangen-melding", &message);
            return;
        }
    };
    let (text, differs) = match check {
        crate::traject::Merge::Unchanged => {
            say("ontvangen-melding", &share_msg::unchanged(&who));
            return;
        }
        crate::traject::Merge::Added => (
            share_msg::received(&who, &t.name, reply.participant.scored_count()),
            false,
        ),
        crate::traject::Merge::Differs => (share_msg::differs(&who, &t.name), true),
    };
    set_text("ontvangen-tekst", &text);
    set_text(
        "ontvangen-ja",
        if differs {
            share_msg::REPLACE
        } else {
            share_msg::ADD
        },
    );
    say("ontvangen-melding", "");
    app().list.pending_reply = Some(reply);
    show("ontvangen", true);
    focus("ontvangen-kop");
}

fn add_reply() {
    let Some(reply) = app().list.pending_reply.take() else {
        return;
    };
    show("ontvangen", false);
    let Some(mut t) = get(&reply.traject_id) else {
        return;
    };
    let who = html::participant_text(&reply.participant);
    // The traject may have moved on to a new round since the question.
    if let Err(message) = reply.check(&t) {
        say("ontvangen-melding", &message);
        return;
    }
    let message = match t.merge(reply.participant, true, &now()) {
        Ok(crate::traject::Merge::Added) => share_msg::added(&who, &t.name),
        Ok(_) => share_msg::replaced(&who),
        Err(e) => e,
    };
    save(&t);
    app().session.set_active(&t.id);
    // The answers are in; the link's fragment has done its work.
    let _ = window().location().set_hash("");
    render_traject_page();
    say("ontvangen-melding", &message);
}
