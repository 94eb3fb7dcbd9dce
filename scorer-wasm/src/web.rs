//! The thin browser layer: storage, the DOM and events. The markup is the
//! templates'; the logic and every sentence live in the plain-Rust modules.
//! This file only moves strings and numbers between them and the page.

use crate::files;
use crate::html::{self, ListItem};
use crate::plan::Field;
use crate::rapport::Filter;
use crate::rapport::Rapport;
use crate::score::Score;
use crate::session::{Active, Import, MemoryStore, Refused, Session, Store, prefix_for};
use crate::share::{Invitation, Reply};
use crate::text::plan as plan_msg;
use crate::text::share as share_msg;
use crate::text::{label, ui};
use crate::traject::{MAX_FILE_BYTES, Note, Participant, Perspective, Traject, clean_name};
use site_data::SiteData;
use std::cell::{RefCell, RefMut};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{
    Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
    Storage,
};

/// Where trajecten are kept, best first.
#[derive(Clone, Copy, PartialEq)]
enum Kept {
    /// `localStorage`: kept after the browser closes.
    Local,
    /// `sessionStorage`: kept across the pages of this tab, until it closes.
    Tab,
    /// Nothing works: kept on this page only.
    Page,
}

struct AnyStore(Option<Storage>, MemoryStore);

impl Store for AnyStore {
    fn get(&self, key: &str) -> Option<String> {
        match &self.0 {
            Some(s) => s.get_item(key).ok().flatten(),
            None => self.1.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        match &self.0 {
            Some(s) => s.set_item(key, value).map_err(|_| Refused),
            None => self.1.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) {
        match &self.0 {
            Some(s) => {
                let _ = s.remove_item(key);
            }
            None => self.1.remove(key),
        }
    }
    fn keys(&self) -> Vec<String> {
        match &self.0 {
            Some(s) => {
                let n = s.length().unwrap_or(0);
                (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
            }
            None => self.1.keys(),
        }
    }
}

struct App {
    data: SiteData,
    session: Session<AnyStore>,
    kept: Kept,
    page: String,
    /// The traject as this page last showed it, to notice other tabs.
    shown: Option<Traject>,
    /// The traject whose name is being edited in place.
    editing: Option<String>,
    pending_delete: Option<String>,
    pending_import: Option<Traject>,
    /// The unreadable text of a damaged active traject.
    damaged: Option<String>,
    /// The perspective the rapport shows; `None`: everyone.
    filter: Option<String>,
    /// On meedoen.html: the storage key of the invited participant's answers.
    invited: Option<String>,
    /// The participant dialog makes an invitation rather than a scorer.
    inviting: bool,
    /// The invitation last made, for its file.
    invitation: Option<Invitation>,
    /// Answers received, waiting for "Toevoegen" or "Vervangen".
    pending_reply: Option<Reply>,
    /// A domain's action (0-based) waiting for "Verwijderen".
    pending_action: Option<(u8, usize)>,
    /// The rapport's "Vergelijk met": an earlier round's index, "geen", or
    /// `None` for the newest earlier round.
    compare: Option<String>,
}

#[global_allocator]
#[allow(unsafe_code)]
static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32 in the browser runs this module on one thread only.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// The page's one App. wasm32 in a browser page is single-threaded, so a
/// plain static cell does what `thread_local!` would, in far less code.
struct AppCell(RefCell<Option<App>>);
// SAFETY: this module only ever runs on the page's one thread.
#[allow(unsafe_code)]
unsafe impl Sync for AppCell {}
static APP: AppCell = AppCell(RefCell::new(None));

/// The page's App. Events reach the scorer only after `boot` made it, so
/// it is always there; one plain function instead of a closure per use
/// keeps the module small. Never hold it across another call to `app()`.
fn app() -> RefMut<'static, App> {
    RefMut::map(APP.0.borrow_mut(), |a| a.as_mut().expect("booted"))
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// The page's document, fetched once: every element lookup goes through
/// it, and `web_sys::window()` costs two calls into JS each time.
struct DocCell(std::cell::OnceCell<Document>);
// SAFETY: as for AppCell, the page's one thread.
#[allow(unsafe_code)]
unsafe impl Sync for DocCell {}
static DOC: DocCell = DocCell(std::cell::OnceCell::new());

fn doc() -> &'static Document {
    DOC.0
        .get_or_init(|| window().document().expect("a document"))
}

fn by_id(id: &str) -> Option<Element> {
    doc().get_element_by_id(id)
}

/// `prefix`, the number, `suffix`: an element id such as `stap-3-status`.
/// One small function instead of a `format!` at every call keeps the module small.
fn idn(prefix: &str, n: u8, suffix: &str) -> String {
    let mut s = String::from(prefix);
    for (div, from) in [(100, 100), (10, 10), (1, 0)] {
        if n >= from {
            s.push(char::from(b'0' + n / div % 10));
        }
    }
    s.push_str(suffix);
    s
}

fn set_html(id: &str, html: &str) {
    if let Some(el) = by_id(id) {
        el.set_inner_html(html);
    }
}

fn set_text(id: &str, text: &str) {
    if let Some(el) = by_id(id) {
        el.set_text_content(Some(text));
    }
}

fn show(id: &str, visible: bool) {
    if let Some(el) = by_id(id) {
        set_hidden(&el, !visible);
    }
}

fn set_hidden(el: &Element, hidden: bool) {
    let _ = if hidden {
        el.set_attribute("hidden", "")
    } else {
        el.remove_attribute("hidden")
    };
}

fn all(selector: &str) -> Vec<Element> {
    doc()
        .query_selector_all(selector)
        .map(|l| {
            (0..l.length())
                .filter_map(|i| l.get(i)?.dyn_into().ok())
                .collect()
        })
        .unwrap_or_default()
}

fn focus(id: &str) {
    if let Some(h) = by_id(id).and_then(|h| h.dyn_into::<HtmlElement>().ok()) {
        let _ = h.focus();
    }
}

fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// "23-11-2026", in the browser's own time zone.
fn readable_date(iso: &str) -> String {
    let d = js_sys::Date::new(&JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.to_string();
    }
    files::dutch_date(d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Today as `2026-12-01` and the time as `14:02`, in local time.
fn today_and_time() -> (String, String) {
    let d = js_sys::Date::new_0();
    (
        files::iso_date(d.get_full_year(), d.get_month() + 1, d.get_date()),
        files::clock(d.get_hours(), d.get_minutes()),
    )
}

/// A fresh id, `t-` for a traject or `p-` for a participant: the time and
/// a random number, in the id alphabet, so ids made on two devices differ.
fn new_id_with(kind: &str) -> String {
    let time = js_sys::Date::now() as u64;
    let rand = (js_sys::Math::random() * 1e9) as u64;
    format!("{kind}-{time}-{rand}")
}

fn new_id() -> String {
    new_id_with("t")
}

fn close_dialog(id: &str) {
    if let Some(d) = by_id(id).and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
        d.close();
    }
}

#[wasm_bindgen]
extern "C" {
    /// Offers `text` as a file download, without any server. In the loader
    /// (`scorer.js`): a Blob and a link are far less code in JS than here.
    #[wasm_bindgen(js_name = wegwijzerDownload)]
    fn download(name: &str, mime: &str, text: &str);
    /// The address of a page of this site: the public address when the
    /// build knows one, else the folder of the page open now.
    #[wasm_bindgen(js_name = wegwijzerPageUrl)]
    fn site_page(page: &str) -> String;
    /// Puts `text` on the clipboard and says `ok` or `failed` in the status line.
    #[wasm_bindgen(js_name = wegwijzerCopy)]
    fn copy(text: &str, ok: &str, failed: &str);
}

/// Shows a message to everyone, screen readers included.
fn announce(text: &str) {
    set_text("melding", text);
}

fn open_dialog(id: &str) {
    if let Some(d) = by_id(id).and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
        let _ = d.show_modal();
    }
}

/// One listener for every event: a single closure type keeps the module small.
fn on_event(e: web_sys::Event) {
    match e.type_().as_str() {
        "click" => on_click(e),
        "change" => on_change(e),
        "input" => on_input(e),
        "submit" => on_submit(e),
        // A link with answers pasted into a traject page already open.
        "hashchange" if page() == "traject" => receive_from_hash(),
        // A new invitation opened in a tab that shows an earlier one.
        "hashchange"
            if page() == "meedoen"
                && window()
                    .location()
                    .hash()
                    .is_ok_and(|h| h.starts_with("#u1.")) =>
        {
            meedoen_page()
        }
        "hashchange" => show_domain_from_hash(true),
        "storage" => on_other_tab(),
        _ => {}
    }
}

/// `localStorage` if it can be opened, else `sessionStorage` if it takes a
/// write, else nothing. A `localStorage` that refuses the probe is full:
/// it is still read, so saved trajecten stay visible and exportable.
fn open_storage(prefix: &str) -> (Option<Storage>, Kept, bool) {
    let probe = format!("{prefix}probe");
    let writes = |s: &Storage| {
        let ok = s.set_item(&probe, "1").is_ok();
        let _ = s.remove_item(&probe);
        ok
    };
    if let Some(s) = window().local_storage().ok().flatten()
        && s.length().is_ok()
    {
        let full = !writes(&s);
        return (Some(s), Kept::Local, full);
    }
    match window().session_storage().ok().flatten().filter(writes) {
        Some(s) => (Some(s), Kept::Tab, false),
        None => (None, Kept::Page, false),
    }
}

/// Called once by the loader with the generator's data as JSON. `false`
/// when the data is unreadable: the loader then shows the page as without
/// JavaScript, with the "could not start" line, so nothing half-works.
#[wasm_bindgen]
pub fn boot(data_json: &str) -> bool {
    let Ok(data) = SiteData::from_json(data_json) else {
        return false;
    };
    let prefix = prefix_for(&window().location().pathname().unwrap_or_default());
    let (storage, kept, full) = open_storage(&prefix);
    let mut session = Session::new(AnyStore(storage, MemoryStore::default()), &prefix);
    if full {
        session.mark_failed();
    }
    let page = doc()
        .body()
        .and_then(|b| b.get_attribute("data-page"))
        .unwrap_or_default();
    *APP.0.borrow_mut() = Some(App {
        data,
        session,
        kept,
        page,
        shown: None,
        editing: None,
        pending_delete: None,
        pending_import: None,
        damaged: None,
        filter: None,
        invited: None,
        inviting: false,
        invitation: None,
        pending_reply: None,
        pending_action: None,
        compare: None,
    });
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(on_event);
    let d: web_sys::EventTarget = doc().clone().into();
    for event in ["click", "change", "input", "submit"] {
        let _ = d.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    }
    let w: web_sys::EventTarget = window().into();
    for event in ["hashchange", "storage"] {
        let _ = w.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    }
    cb.forget();
    render_page();
    // For tests and tools: the page is filled in now.
    if let Some(b) = doc().body() {
        let _ = b.set_attribute("data-scorer", "klaar");
    }
    true
}

fn page() -> String {
    app().page.clone()
}

fn render_page() {
    match page().as_str() {
        "traject" => {
            render_traject_page();
            receive_from_hash();
        }
        "meedoen" => meedoen_page(),
        "scoring" => {
            if let Some(t) = active_or_notice() {
                init_scoring(&t);
            }
        }
        "rapport" => {
            if let Some(t) = active_or_notice() {
                render_rapport(&t);
            }
        }
        "plan" => {
            if let Some(t) = active_or_notice() {
                render_plan(&t);
            }
        }
        _ => {}
    }
    storage_warnings();
}

/// Says where trajecten are kept when that is less than this browser's
/// lasting storage, or that it is full.
fn storage_warnings() {
    let (kept, failed) = {
        let a = app();
        (a.kept, a.session.storage_failed())
    };
    // The sentences are in the templates (`status` macro).
    show("opslag-vol", kept == Kept::Local && failed);
    show("opslag-tabblad", kept == Kept::Tab);
    show("opslag-geen", kept == Kept::Page);
}

fn total() -> usize {
    app().data.domains.len()
}

/// The active traject as stored now; on meedoen.html, the invited
/// participant's own answers.
fn open_active() -> Active {
    let a = app();
    match &a.invited {
        Some(key) => a.session.open_key(key, &a.data),
        None => a.session.open_active(&a.data),
    }
}

fn get(id: &str) -> Option<Traject> {
    let a = app();
    a.session.get(id, &a.data)
}

/// The active traject, read fresh; shows why there is none when there isn't.
fn active_or_notice() -> Option<Traject> {
    let active = open_active();
    match active {
        Active::Ok(t) => {
            app().shown = Some(t.clone());
            let date = readable_date(&t.updated);
            set_text("traject-naam", &t.name);
            set_text("traject-datum", &date);
            show("traject-regel", true);
            Some(t)
        }
        Active::None => {
            show("app", false);
            show("geen-traject", true);
            None
        }
        Active::Damaged { raw, message } => {
            show("app", false);
            set_text("traject-kapot-tekst", &message);
            show("traject-kapot", true);
            app().damaged = Some(raw);
            None
        }
    }
}

/// Re-reads the active traject and applies `change` to that fresh copy, so
/// a change made in another tab in the meantime is kept.
fn change_active(change: impl FnOnce(&mut Traject, &str)) -> Option<Traject> {
    let Active::Ok(mut t) = open_active() else {
        return None;
    };
    change(&mut t, &now());
    save(&t);
    app().shown = Some(t.clone());
    Some(t)
}

fn save(t: &Traject) {
    let stored = {
        let a = &mut *app();
        match a.invited.clone() {
            Some(key) => a.session.save_key(&key, t),
            None => a.session.save(t),
        }
    };
    let (_, time) = today_and_time();
    set_text(
        "opslag-status",
        &if stored {
            ui::saved_at(&time)
        } else {
            ui::NOT_SAVED.to_string()
        },
    );
    storage_warnings();
}

/// Another tab changed storage: show the newest version of this page's traject.
fn on_other_tab() {
    let fresh = open_active();
    let shown = app().shown.as_ref().map(|t| t.updated.clone());
    match (page().as_str(), fresh) {
        ("traject", _) => render_traject_page(),
        // Every change sets `updated`, so a new stamp is a change elsewhere.
        (_, Active::Ok(t)) if Some(&t.updated) != shown.as_ref() => {
            render_page();
            show("ander-tabblad", true);
        }
        _ => {}
    }
}

// ---- Start traject ------------------------------------------------------

fn render_traject_page() {
    let (list, corrupt, backups, active, editing) = {
        let a = &mut *app();
        let (list, corrupt) = a.session.load_all(&a.data);
        (
            list,
            corrupt,
            a.session.backups(),
            a.session.active(),
            a.editing.clone(),
        )
    };
    let total = total();
    set_html("onleesbaar-lijst", &html::unreadable(&corrupt, &backups));
    show("onleesbaar", !backups.is_empty() || !corrupt.is_empty());

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

fn on_submit(e: web_sys::Event) {
    let Some(form) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if form.id() == "nieuwe-deelnemer" {
        e.prevent_default();
        add_participant(&form);
        return;
    }
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
        let _ = window().location().set_href("scoren.html#domein-1");
        return;
    }
    let id = form.get_attribute("data-id").unwrap_or_default();
    let Some(name) = name_from(&input, &(String::from("naam-") + &id + "-fout")) else {
        return;
    };
    let Some(mut t) = get(&id) else {
        return;
    };
    t.rename(&name, &now());
    save(&t);
    app().editing = None;
    render_traject_page();
    announce(&ui::renamed(&t.name));
    focus(&(String::from("hernoem-") + &id));
}

fn on_click(e: web_sys::Event) {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("[data-action]").ok().flatten())
    else {
        return;
    };
    let action = el.get_attribute("data-action").unwrap_or_default();
    let id = el.get_attribute("data-id").unwrap_or_default();
    match action.as_str() {
        "open" | "open-rapport" => {
            app().session.set_active(&id);
            let target = if action == "open" {
                "scoren.html#domein-1"
            } else {
                "rapport.html"
            };
            let _ = window().location().set_href(target);
        }
        "rename" => {
            app().editing = Some(id.clone());
            render_traject_page();
            focus(&(String::from("naam-") + &id));
        }
        "rename-cancel" => {
            let id = app().editing.take().unwrap_or_default();
            render_traject_page();
            focus(&(String::from("hernoem-") + &id));
        }
        "delete" => {
            let Some(t) = get(&id) else { return };
            set_text("dialoog-verwijderen-naam", &t.name);
            app().pending_delete = Some(id);
            open_dialog("dialoog-verwijderen");
        }
        "delete-confirmed" => {
            let Some(id) = app().pending_delete.take() else {
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
        "import-replace" | "import-copy" | "import-cancel" => finish_conflict(&action),
        "export-json" => {
            let t = if id.is_empty() {
                app().shown.clone()
            } else {
                get(&id)
            };
            if let Some(t) = t {
                let (today, _) = today_and_time();
                download(
                    &files::name(&t.name, &today, "json"),
                    "application/json",
                    &t.to_json(),
                );
            }
        }
        "add-action" => {
            let Some(n) = domain_of(&el).filter(|n| app().data.domain(*n).is_some()) else {
                return;
            };
            let mut added = false;
            if let Some(t) = change_active(|t, now| added = t.plan_mut(now).add_action(n)) {
                render_plan(&t);
                let k = t.plan.actions_of(n).count();
                if added {
                    focus(&idn(
                        "actie-",
                        n,
                        &(String::from("-") + &k.to_string() + "-wat"),
                    ));
                    announce(&plan_msg::action_added(k));
                } else {
                    announce(plan_msg::ACTIONS_FULL);
                }
            }
        }
        "remove-action" => {
            let (Some(n), Some(k)) = (
                domain_of(&el),
                el.get_attribute("data-k").and_then(|k| small_number(&k)),
            ) else {
                return;
            };
            let k = usize::from(k.max(1)) - 1;
            let action = app()
                .shown
                .as_ref()
                .and_then(|t| t.plan.action(n, k).cloned());
            let Some(action) = action else { return };
            app().pending_action = Some((n, k));
            if action.is_empty() {
                remove_action();
            } else {
                set_text("dialoog-actie-nummer", &(k + 1).to_string());
                set_text("dialoog-actie-wat", &action.what);
                open_dialog("dialoog-actie-weg");
            }
        }
        "remove-action-confirmed" => remove_action(),
        "new-round" => {
            let started = app()
                .shown
                .as_ref()
                .map(|t| readable_date(&t.round_started))
                .unwrap_or_default();
            set_text("dialoog-meting-datum", &started);
            open_dialog("dialoog-nieuwe-meting");
        }
        "new-round-confirmed" => {
            let mut result = Ok(());
            if let Some(t) = change_active(|t, now| result = t.new_round(now)) {
                app().compare = None;
                render_rapport(&t);
                announce(&match result {
                    Ok(()) => crate::text::rounds::started(t.rounds.len() + 1),
                    Err(e) => e,
                });
            }
        }
        // The scores, or the plan's actions, as a spreadsheet.
        "export-csv" | "export-actions" => {
            let shown = app().shown.clone();
            if let Some(t) = shown {
                let (csv, name) = if action == "export-csv" {
                    (crate::csv::export(&t, &app().data), t.name.clone())
                } else {
                    (
                        crate::csv::actions(&t, &app().data),
                        t.name.clone() + plan_msg::ACTIONS_FILE,
                    )
                };
                let (today, _) = today_and_time();
                download(
                    &files::name(&name, &today, "csv"),
                    "text/csv;charset=utf-8",
                    &csv,
                );
            }
        }
        "download-backup" => {
            let key = el.get_attribute("data-key").unwrap_or_default();
            let raw = app().session.backups().into_iter().find(|(k, _)| *k == key);
            if let Some((_, raw)) = raw {
                download(files::UNREADABLE, "application/json", &raw);
            }
        }
        "download-active" => {
            if let Some(raw) = app().damaged.clone() {
                download(files::UNREADABLE, "application/json", &raw);
            }
        }
        "remove-backup" => {
            let key = el.get_attribute("data-key").unwrap_or_default();
            app().session.remove_backup(&key);
            render_traject_page();
        }
        "prev" | "next" => step_domain(if action == "next" { 1 } else { -1 }),
        "add-participant" | "invite-open" => {
            let inviting = action == "invite-open";
            app().inviting = inviting;
            show("deelnemer-scoren", !inviting);
            show("deelnemer-uitnodigen", inviting);
            show("deelnemer-anders-fout", false);
            open_dialog("dialoog-deelnemer");
        }
        "reinvite" => {
            let Active::Ok(t) = open_active() else { return };
            let mut p = t.participant_or_first(&who(&t)).clone();
            p.answers = Default::default();
            show_invitation(Invitation {
                traject_id: t.id.clone(),
                traject_name: t.name.clone(),
                participant: p,
                round: t.rounds.len() + 1,
            });
        }
        "remove-participant" => {
            let Active::Ok(t) = open_active() else { return };
            let p = t.participant_or_first(&who(&t));
            set_text("dialoog-weg-naam", &html::participant_text(p));
            open_dialog("dialoog-deelnemer-weg");
        }
        "remove-participant-confirmed" => {
            let mut gone = String::new();
            let t = change_active(|t, now| {
                let id = who(t);
                gone = html::participant_text(t.participant_or_first(&id));
                if !t.remove_participant(&id, now) {
                    gone.clear();
                }
            });
            if let Some(t) = t {
                init_scoring(&t);
                if !gone.is_empty() {
                    announce(&ui::participant_removed(&gone));
                }
            }
        }
        "invite-file" => {
            let inv = app().invitation.clone();
            if let Some(inv) = inv {
                let (today, _) = today_and_time();
                let name = format!("{} {}", inv.traject_name, ui::INVITATION);
                download(
                    &files::name(&name, &today, "json"),
                    "application/json",
                    &crate::share::invitation_file(&inv),
                );
            }
        }
        "reply-link" | "reply-file" => send_back(action == "reply-link"),
        "reply-add" => add_reply(),
        "reply-cancel" => {
            app().pending_reply = None;
            // Dealt with: opening the same link again asks again.
            let _ = window().location().set_hash("");
            show("ontvangen", false);
            set_text("ontvangen-melding", share_msg::NOT_ADDED);
        }
        "copy" => {
            let target = el.get_attribute("data-target").unwrap_or_default();
            if let Some(input) = by_id(&target).and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
            {
                input.select();
                copy(&input.value(), share_msg::COPIED, share_msg::COPY_FAILED);
            }
        }
        "close-dialog" => {
            if let Ok(Some(d)) = el.closest("dialog") {
                close_dialog(&d.id());
            }
        }
        "print" => {
            let _ = window().print();
        }
        "use-suggestion" => {
            let suggestion = {
                let a = app();
                match &a.shown {
                    Some(t) => Rapport::new(t, &a.data).suggestion,
                    None => return,
                }
            };
            if let Some(t) = change_active(|t, now| {
                for d in suggestion {
                    t.choose(d, true, now);
                }
            }) {
                render_rapport(&t);
            }
        }
        _ => {}
    }
}

fn on_change(e: web_sys::Event) {
    let Some(target) = e.target() else { return };
    if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        let value = select.value();
        match select.id().as_str() {
            "deelnemer-keuze" => score_as(&value),
            "vergelijk-meting" => {
                app().compare = Some(value);
                if let Active::Ok(t) = open_active() {
                    render_rapport(&t);
                }
            }
            "perspectief-filter" => {
                app().filter = (!value.is_empty()).then_some(value);
                if let Active::Ok(t) = open_active() {
                    render_rapport(&t);
                }
            }
            _ => {}
        }
        return;
    }
    let Ok(input) = target.dyn_into::<HtmlInputElement>() else {
        return;
    };
    if input.has_attribute("data-plan") {
        let value = match input.type_().as_str() {
            "checkbox" if input.checked() => input.value(),
            "checkbox" => String::new(),
            "radio" => input.value(),
            // Typed text came as "input" already.
            _ => return,
        };
        plan_change(&input, &value);
        return;
    }
    let domain = domain_of(&input);
    match input.type_().as_str() {
        "radio" => {
            let Some(n) = domain else { return };
            let value = input.value();
            let score = match value.as_str() {
                "weet-niet" => Some(Score::DontKnow),
                v => v.parse::<i64>().ok().and_then(|v| Score::new(v).ok()),
            };
            if let Some(t) = change_active(|t, now| t.set_score(&who(t), n, score, now)) {
                update_progress(&t);
            }
        }
        "checkbox" => {
            let Some(n) = small_number(&input.value()) else {
                return;
            };
            let chosen = input.checked();
            if let Some(t) = change_active(|t, now| t.choose(n, chosen, now)) {
                render_rapport(&t);
            }
        }
        _ => {}
    }
}

fn on_input(e: web_sys::Event) {
    let Some(target) = e.target() else { return };
    // Text fields of the plan; its ticks and choices come as "change".
    if let Some(input) = target.dyn_ref::<HtmlInputElement>()
        && input.type_() == "text"
    {
        plan_change(input, &input.value());
        return;
    }
    let Ok(area) = target.dyn_into::<HtmlTextAreaElement>() else {
        return;
    };
    if area.has_attribute("data-plan") {
        plan_change(&area, &area.value());
        return;
    }
    let (Some(n), Some(field)) = (domain_of(&area), area.get_attribute("data-field")) else {
        return;
    };
    let text = area.value();
    let note = match field.as_str() {
        "goed" => Some(Note::GoingWell),
        "aandacht" => Some(Note::Attention),
        _ => None,
    };
    change_active(|t, now| match note {
        Some(which) => t.set_note(&who(t), n, which, &text, now),
        None => t.set_reason(n, &text, now),
    });
    if note.is_none() {
        set_reason_print(n, &text);
    }
}

/// A domain number from the page; one parser (i64) keeps the module small.
fn small_number(s: &str) -> Option<u8> {
    u8::try_from(s.parse::<i64>().ok()?).ok()
}

fn domain_of(el: &Element) -> Option<u8> {
    small_number(&el.get_attribute("data-domain")?)
}

// ---- Import -------------------------------------------------------------

/// The loader reads a chosen file and asks first whether its size is
/// acceptable, so a huge file is never read into memory.
#[wasm_bindgen]
pub fn import_size_ok(bytes: f64) -> bool {
    let ok = bytes <= MAX_FILE_BYTES as f64;
    if !ok {
        let msg = crate::text::import::too_large(bytes as usize);
        set_text("import-melding", &ui::import_failed(&msg));
        set_text("uitnodiging-fout", &msg);
    }
    ok
}

/// The text of a file chosen in the input with id `from`, from the loader.
#[wasm_bindgen]
pub fn import_text(text: &str, from: &str) {
    if from.starts_with("uitnodiging-bestand") {
        let result = {
            let a = app();
            crate::share::invitation_from_file(text, &a.data)
        };
        match result {
            Ok(inv) => {
                accept_invitation(inv);
                meedoen_page();
            }
            Err(message) => {
                set_text("uitnodiging-fout", &message);
                // With an invitation open, that line is hidden: say it here.
                announce(&message);
            }
        }
        return;
    }
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
            app().pending_import = Some(incoming);
            open_dialog("dialoog-import");
            return;
        }
    };
    set_text("import-melding", &message);
    render_traject_page();
}

/// The team's answer to "this traject is already here".
fn finish_conflict(action: &str) {
    let Some(mut incoming) = app().pending_import.take() else {
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
    set_text("import-melding", &message);
    render_traject_page();
}

// ---- Scoring ------------------------------------------------------------

/// The participant this device scores as in `t`: its own choice, else the first.
fn who(t: &Traject) -> String {
    let id = app().session.participant(&t.id).unwrap_or_default();
    t.participant_or_first(&id).id.clone()
}

/// Switches who scores on this device, and shows their answers and words.
fn score_as(id: &str) {
    let Active::Ok(t) = open_active() else { return };
    let Some(p) = t.participant(id) else { return };
    let label = html::participant_text(p);
    app().session.set_participant(&t.id, id);
    init_scoring(&t);
    announce(&ui::scoring_as(&label));
}

/// From the dialog "Voeg een deelnemer toe": adds the participant and
/// scores as them; a missing description for "anders" is said at the field.
fn add_participant(form: &Element) {
    let field = |selector: &str| {
        form.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
    };
    let (Some(name), Some(other)) = (field("#deelnemer-naam"), field("#deelnemer-anders")) else {
        return;
    };
    let key = field("input[name=\"perspectief\"]:checked").map_or_else(String::new, |r| r.value());
    let Some(perspective) = Perspective::from_key(&key, &other.value()) else {
        let _ = other.set_attribute("aria-invalid", "true");
        set_text("deelnemer-anders-fout", ui::OTHER_NEEDED);
        show("deelnemer-anders-fout", true);
        let _ = other.focus();
        return;
    };
    let _ = other.remove_attribute("aria-invalid");
    show("deelnemer-anders-fout", false);
    let p = Participant::new(&new_id_with("p"), &name.value(), perspective);
    let id = p.id.clone();
    let inviting = app().inviting;
    let invited = p.clone();
    let mut refused = None;
    let Some(t) = change_active(|t, now| refused = t.add_participant(p, now).err()) else {
        return;
    };
    close_dialog("dialoog-deelnemer");
    if let Some(message) = refused {
        announce(&message);
        return;
    }
    name.set_value("");
    other.set_value("");
    if inviting {
        show_invitation(Invitation {
            traject_id: t.id.clone(),
            traject_name: t.name.clone(),
            participant: invited,
            round: t.rounds.len() + 1,
        });
        init_scoring(&t);
        return;
    }
    app().session.set_participant(&t.id, &id);
    score_as(&id);
}

// ---- Invitations and answers sent back --------------------------------

fn on_file_page() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

/// Fills a link block from the `share_link` macro; from file:// a link
/// only works on this computer, so the block says to use the file.
fn offer_link(id: &str, url: &str) {
    let local = on_file_page();
    if let Some(input) = by_id(id).and_then(|i| i.dyn_into::<HtmlInputElement>().ok()) {
        input.set_value(if local { "" } else { url });
    }
    show(&(String::from(id) + "-blok"), !local);
    show(&(String::from(id) + "-lokaal"), local);
}

fn show_invitation(inv: Invitation) {
    let url = site_page(&(String::from("meedoen.html#") + &inv.to_fragment()));
    set_text("uitnodiging-wie", &html::participant_text(&inv.participant));
    offer_link("uitnodiging-link", &url);
    show("uitnodiging", true);
    app().invitation = Some(inv);
    focus("uitnodiging-kop");
}

/// meedoen.html: the invitation in the link, else the last one opened here.
fn meedoen_page() {
    let hash = window().location().hash().unwrap_or_default();
    if let Some(fragment) = hash.strip_prefix('#').filter(|h| h.starts_with("u1.")) {
        let result = {
            let a = app();
            Invitation::from_fragment(fragment, &a.data)
        };
        match result {
            Ok(inv) => {
                accept_invitation(inv);
                // The domains use the hash from here on.
                let _ = window().location().set_hash("domein-1");
            }
            Err(message) => {
                set_text("uitnodiging-fout", &message);
                show("geen-uitnodiging", true);
                show("app", false);
                return;
            }
        }
    }
    if app().invited.is_none() {
        let last = app().session.last_invited();
        app().invited = last;
    }
    match open_active() {
        Active::Ok(t) => {
            app().shown = Some(t.clone());
            set_text("traject-naam", &t.name);
            set_text("meedoen-wie", &html::participant_text(&t.participants[0]));
            let round = invited_round();
            set_text("meedoen-meting-nr", &round.to_string());
            show("meedoen-meting", round > 1);
            show("meedoen-regel", true);
            show("geen-uitnodiging", false);
            show("app", true);
            init_scoring(&t);
        }
        _ => {
            show("geen-uitnodiging", true);
            show("app", false);
        }
    }
}

/// The round of the invitation this page scores for; 1 elsewhere.
fn invited_round() -> usize {
    let a = app();
    a.invited
        .as_deref()
        .map_or(1, |key| a.session.invited_round(key))
}

/// Keeps the invitation on this device; opening it again goes on where
/// the participant left off.
fn accept_invitation(inv: Invitation) {
    let now = now();
    let a = &mut *app();
    let key = a
        .session
        .invited_key(&inv.traject_id, &inv.participant.id, inv.round);
    if matches!(a.session.open_key(&key, &a.data), Active::None) {
        let t = Traject {
            id: inv.traject_id,
            name: inv.traject_name,
            created: now.clone(),
            updated: now.clone(),
            participants: vec![inv.participant],
            focus: Vec::new(),
            reasons: Vec::new(),
            round_started: now.clone(),
            rounds: Vec::new(),
            plan: Default::default(),
        };
        a.session.save_key(&key, &t);
    }
    a.session.set_last_invited(&key);
    a.invited = Some(key);
}

/// The participant's answers as a link to the coordinator's traject page,
/// or as a file when asked, when they are too long, or from file://.
fn send_back(as_link: bool) {
    let Active::Ok(t) = open_active() else { return };
    let round = invited_round();
    let reply = Reply {
        traject_id: t.id.clone(),
        participant: t.participants[0].clone(),
        round,
    };
    show("antwoord-te-lang", false);
    if as_link {
        match reply.to_fragment() {
            Some(f) => {
                offer_link(
                    "antwoord-link",
                    &site_page(&(String::from("traject.html#") + &f)),
                );
                focus("antwoord-link");
                return;
            }
            None => {
                set_text("antwoord-te-lang", share_msg::TOO_LONG_FOR_LINK);
                show("antwoord-te-lang", true);
            }
        }
    }
    let (today, _) = today_and_time();
    let name = format!("{} {}", t.name, reply.participant.shown_name());
    download(
        &files::name(&name, &today, "json"),
        "application/json",
        &reply.to_file(),
    );
}

/// traject.html opened from a link with answers: show what would be added.
fn receive_from_hash() {
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
            set_text("ontvangen-melding", &message);
            return;
        }
    };
    let Some(t) = get(&reply.traject_id) else {
        set_text(
            "ontvangen-melding",
            &share_msg::unknown_traject(&reply.traject_id),
        );
        return;
    };
    let who = html::participant_text(&reply.participant);
    let check = match reply.check(&t) {
        Ok(c) => c,
        Err(message) => {
            set_text("ontvangen-melding", &message);
            return;
        }
    };
    let (text, differs) = match check {
        crate::traject::Merge::Unchanged => {
            set_text("ontvangen-melding", &share_msg::unchanged(&who));
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
    set_text("ontvangen-melding", "");
    app().pending_reply = Some(reply);
    show("ontvangen", true);
    focus("ontvangen-kop");
}

fn add_reply() {
    let Some(reply) = app().pending_reply.take() else {
        return;
    };
    show("ontvangen", false);
    let Some(mut t) = get(&reply.traject_id) else {
        return;
    };
    let who = html::participant_text(&reply.participant);
    // The traject may have moved on to a new round since the question.
    if let Err(message) = reply.check(&t) {
        set_text("ontvangen-melding", &message);
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
    set_text("ontvangen-melding", &message);
}

/// Shows a domain's extremes in the words of the participant's perspective;
/// anyone but leerlingen and ouders reads the team's.
fn show_words(perspective: &Perspective) {
    let key = match perspective {
        Perspective::Students | Perspective::Parents => perspective.key(),
        _ => "team",
    };
    for el in all(".extremes[data-voor]") {
        set_hidden(&el, el.get_attribute("data-voor").as_deref() != Some(key));
    }
}

fn init_scoring(t: &Traject) {
    // The field being typed in keeps its text and caret.
    let typing = doc().active_element();
    let p = t.participant_or_first(&who(t));
    set_html("deelnemer-keuze", &html::participant_options(t, &p.id));
    // The last participant cannot be removed.
    show("deelnemer-weg", t.participants.len() > 1);
    // A participant who scores elsewhere gets a link again, e.g. in a new round.
    show("deelnemer-opnieuw", t.participants.len() > 1);
    show_words(&p.perspective);
    let numbers: Vec<u8> = app().data.domains.iter().map(|d| d.number).collect();
    for n in numbers {
        let a = p.answer(n);
        // One radio per domain, found by its value: checking it unchecks
        // the rest of its group (a handful of DOM calls, not 11 per domain).
        let group = idn("input[name=\"score-", n, "\"]");
        let radio = match a.score {
            Some(Score::Value(v)) => idn(&(group + "[value=\""), v, "\"]"),
            Some(Score::DontKnow) => group + "[value=\"weet-niet\"]",
            None => group + ":checked",
        };
        if let Ok(Some(r)) = doc().query_selector(&radio) {
            r.unchecked_into::<HtmlInputElement>()
                .set_checked(a.score.is_some());
        }
        for (id, text) in [
            (idn("goed-", n, ""), &a.going_well),
            (idn("aandacht-", n, ""), &a.attention),
        ] {
            if let Some(area) = by_id(&id)
                && Some(&area) != typing.as_ref()
            {
                area.unchecked_into::<HtmlTextAreaElement>().set_value(text);
            }
        }
    }
    update_progress(t);
    show_domain_from_hash(false);
}

fn update_progress(t: &Traject) {
    let total = total();
    let p = t.participant_or_first(&who(t));
    set_text("voortgang", &label::progress(p.scored_count(), total));
    for n in 1..=total as u8 {
        let done = p.answer(n).score.is_some();
        if let Some(link) = by_id(&idn("stap-", n, "")) {
            let _ = link.set_attribute("data-done", if done { "ja" } else { "nee" });
        }
        set_text(
            &idn("stap-", n, "-status"),
            if done { ui::STEP_DONE } else { ui::STEP_OPEN },
        );
    }
}

fn current_domain() -> u8 {
    let hash = window().location().hash().unwrap_or_default();
    let total = total() as u8;
    hash.strip_prefix("#domein-")
        .and_then(small_number)
        .filter(|n| (1..=total).contains(n))
        .unwrap_or(1)
}

/// Shows the domain named in the hash and hides the others. Focus moves
/// only when the shown domain changes: `step_domain` shows it before its
/// hashchange arrives, and a Tab pressed in between must not be undone.
fn show_domain_from_hash(move_focus: bool) {
    let current = current_domain();
    let changed = by_id(&idn("domein-", current, "")).is_some_and(|s| s.has_attribute("hidden"));
    for s in all(".score-domain") {
        set_hidden(&s, domain_of(&s) != Some(current));
    }
    for n in 1..=total() as u8 {
        if let Some(link) = by_id(&idn("stap-", n, "")) {
            let _ = if n == current {
                link.set_attribute("aria-current", "step")
            } else {
                link.remove_attribute("aria-current")
            };
        }
    }
    set_text("domein-positie", &ui::domain_of(current as usize, total()));
    if move_focus && changed {
        focus(&idn("domein-", current, "-kop"));
    }
}

fn step_domain(delta: i8) {
    let next = (current_domain() as i8 + delta).clamp(1, total() as i8);
    let _ = window()
        .location()
        .set_hash(&idn("domein-", next as u8, ""));
    // hashchange comes later; show the domain and move focus now.
    show_domain_from_hash(true);
}

// ---- Rapport ------------------------------------------------------------

fn set_reason_print(n: u8, text: &str) {
    set_text(&idn("reden-tekst-", n, ""), text);
    show(&idn("reden-print-", n, ""), !text.is_empty());
}

fn render_rapport(t: &Traject) {
    // A perspective no longer in the traject shows everyone.
    let filter = app()
        .filter
        .clone()
        .filter(|f| html::perspectives(t).contains(&f.as_str()));
    let rapport = {
        let a = app();
        let f = filter.as_deref().map_or(Filter::All, Filter::Only);
        Rapport::filtered(t, &a.data, f)
    };
    let admits = |p: &Participant| filter.as_deref().is_none_or(|f| p.perspective.label() == f);
    let several = t.participants.len() > 1;
    set_html(
        "perspectief-filter",
        &html::filter_options(t, filter.as_deref()),
    );
    show("filter-blok", several);
    let mut per: Vec<(String, usize)> = Vec::new();
    for label in html::perspectives(t) {
        let n = t
            .participants
            .iter()
            .filter(|p| p.perspective.label() == label)
            .count();
        per.push((label.to_string(), n));
    }
    set_text(
        "deelnemers-regel",
        &crate::text::rapport::participants(t.participants.len(), &per),
    );
    if let Some(table) = by_id("score-tabel") {
        let _ = table.set_attribute("data-deelnemers", if several { "meer" } else { "een" });
    }
    let mut any_discuss = false;
    let typing = doc().active_element();
    set_text(
        "voortgang",
        &label::progress(rapport.answered, rapport.total),
    );
    let mut any_note = false;
    for row in &rapport.rows {
        let n = row.domain;
        let chosen = t.focus.contains(&n);
        let score = html::outcome_text(row.outcome);
        set_text(&idn("tabel-score-", n, ""), &score);
        set_text(
            &idn("tabel-plaats-", n, ""),
            &row.rank
                .map_or(label::RANK_NONE.to_string(), |r| r.to_string()),
        );
        set_text(
            &idn("tabel-keuze-", n, ""),
            if chosen { label::CHOSEN } else { "" },
        );
        set_text(&idn("grafiek-waarde-", n, ""), &score);
        let spread = row.spread.as_ref();
        set_text(&idn("tabel-spreiding-", n, ""), &html::range_text(spread));
        set_html(
            &idn("tabel-perspectief-", n, ""),
            &html::by_perspective(spread),
        );
        let discuss = html::discuss_text(spread);
        any_discuss |= !discuss.is_empty();
        set_text(
            &idn("tabel-bespreek-", n, ""),
            if discuss.is_empty() {
                ""
            } else {
                label::DISCUSS
            },
        );
        set_html(&idn("bespreek-tekst-", n, ""), &discuss);
        show(&idn("bespreek-", n, ""), !discuss.is_empty());
        set_html(
            &idn("grafiek-punten-", n, ""),
            &if several {
                html::dots(&row.dots)
            } else {
                String::new()
            },
        );
        if let Some(bar) = by_id(&idn("grafiek-balk-", n, "")) {
            // A 1 still shows a sliver, so it never looks like no bar at all.
            let end = row.bar_end().map_or(0, |e| e.max(8));
            let _ = bar.set_attribute("width", &end.to_string());
        }
        if let Some(r) = by_id(&idn("grafiek-", n, "")) {
            let _ = r.set_attribute(
                "data-score",
                if row.bar_end().is_some() { "ja" } else { "nee" },
            );
            let _ = if chosen {
                r.set_attribute("data-chosen", "")
            } else {
                r.remove_attribute("data-chosen")
            };
            let _ = if several {
                r.set_attribute("data-dots", "")
            } else {
                r.remove_attribute("data-dots")
            };
        }
        set_text(&idn("keuze-score-", n, ""), &ui::score_in_brackets(&score));
        set_text(&idn("gekozen-score-", n, ""), &score);
        if let Some(cb) = by_id(&idn("focus-keuze-", n, "")) {
            cb.unchecked_into::<HtmlInputElement>().set_checked(chosen);
        }
        let reason = t.reason(n);
        if let Some(area) = by_id(&idn("reden-", n, ""))
            && Some(&area) != typing.as_ref()
        {
            area.unchecked_into::<HtmlTextAreaElement>()
                .set_value(reason);
        }
        set_reason_print(n, reason);
        let notes = html::notes(t, n, admits);
        any_note |= !notes.is_empty();
        show(&idn("notities-", n, ""), !notes.is_empty());
        set_html(&idn("notities-", n, "-lijst"), &notes);
    }
    show("notities-leeg", !any_note);
    show("bespreekpunten", any_discuss);
    show_chosen("keuze-lijst", "keuze-", &t.focus);
    show_chosen("rapport-aanbevelingen", "focus-", &t.focus);
    let none = t.focus.is_empty();
    show("naar-plan", !none);
    show("keuze-leeg", none);
    show("aanbevelingen-leeg", none);
    set_html("rapport-voorstel", &html::advice(&rapport, &t.focus));
    show("neem-suggestie", none && !rapport.suggestion.is_empty());
    render_comparison(t, filter.as_deref());
    set_text("focus-aantal", &ui::focus_count(t.focus.len()));
}

/// Shows a list's chosen domains, in the order chosen; hides the others.
fn show_chosen(list: &str, prefix: &str, focus: &[u8]) {
    let Some(list) = by_id(list) else { return };
    for el in all(&(String::from("#") + &list.id() + " > [data-domain]")) {
        set_hidden(&el, domain_of(&el).is_none_or(|d| !focus.contains(&d)));
    }
    for n in focus {
        if let Some(el) = by_id(&idn(prefix, *n, "")) {
            let _ = list.append_child(&el);
        }
    }
}

// ---- Plan van aanpak ----------------------------------------------------

fn render_plan(t: &Traject) {
    let rapport = {
        let a = app();
        Rapport::new(t, &a.data)
    };
    show_chosen("plan-domeinen", "plan-", &t.focus);
    show("plan-leeg", t.focus.is_empty());
    let template = by_id("actie-sjabloon")
        .map(|el| el.inner_html())
        .unwrap_or_default();
    for row in &rapport.rows {
        let n = row.domain;
        set_text(&idn("plan-score-", n, ""), &html::outcome_text(row.outcome));
        let reason = t.reason(n);
        set_text(&idn("plan-reden-", n, ""), reason);
        show(&idn("plan-reden-blok-", n, ""), !reason.is_empty());
        // The action list is rebuilt only when its length changed, so a
        // field being typed in keeps its place.
        let count = t.plan.actions_of(n).count();
        show(&idn("acties-", n, "-leeg"), count == 0);
        if let Some(list) = by_id(&idn("acties-", n, ""))
            && list.child_element_count() as usize != count
        {
            let mut out = String::new();
            for k in 1..=count {
                out.push_str(
                    &template
                        .replace("{d}", &n.to_string())
                        .replace("{k}", &k.to_string()),
                );
            }
            list.set_inner_html(&out);
        }
    }
    plan_values(t);
}

/// Puts the plan's values into every field that names one, except the one
/// being typed in: the same intervention may show under two domains.
fn plan_values(t: &Traject) {
    let typing = doc().active_element();
    for el in all("[data-plan]") {
        let Some(field) = el.get_attribute("data-plan").and_then(|k| Field::parse(&k)) else {
            continue;
        };
        let value = t.plan.get(&field);
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            match input.type_().as_str() {
                "radio" => input.set_checked(input.value() == value),
                "checkbox" => input.set_checked(!value.is_empty()),
                _ if Some(&el) != typing.as_ref() => input.set_value(value),
                _ => {}
            }
        } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>()
            && Some(&el) != typing.as_ref()
        {
            area.set_value(value);
        }
    }
}

fn plan_change(el: &Element, value: &str) {
    let Some(field) = el.get_attribute("data-plan").and_then(|k| Field::parse(&k)) else {
        return;
    };
    if !field.fits(&app().data) {
        return;
    }
    if let Some(t) = change_active(|t, now| t.plan_mut(now).set(&field, value)) {
        plan_values(&t);
    }
}

fn remove_action() {
    let Some((n, k)) = app().pending_action.take() else {
        return;
    };
    let mut removed = false;
    if let Some(t) = change_active(|t, now| removed = t.plan_mut(now).remove_action(n, k)) {
        render_plan(&t);
        focus(&idn("actie-erbij-", n, ""));
        if removed {
            announce(&plan_msg::action_removed(k + 1));
        }
    }
}

/// The round line, the "Vergelijk met" choice, and the earlier round's
/// scores and changes in the table and the chart.
fn render_comparison(t: &Traject, filter: Option<&str>) {
    let choice = app().compare.clone();
    let earlier = match choice.as_deref() {
        None => t.rounds.len().checked_sub(1),
        Some("geen") => None,
        Some(n) => n.parse::<usize>().ok().filter(|i| *i < t.rounds.len()),
    };
    set_text(
        "meting-regel",
        &crate::text::rounds::round_line(t.rounds.len() + 1, &readable_date(&t.round_started)),
    );
    let dates: Vec<String> = t.rounds.iter().map(|r| readable_date(&r.started)).collect();
    set_html("vergelijk-meting", &html::round_options(&dates, earlier));
    show("vergelijk-blok", !t.rounds.is_empty());
    if let Some(table) = by_id("score-tabel") {
        let _ = table.set_attribute(
            "data-vergelijk",
            if earlier.is_some() { "ja" } else { "nee" },
        );
    }
    let changes = match earlier {
        Some(i) => {
            let a = app();
            let f = filter.map_or(Filter::All, Filter::Only);
            crate::rounds::compare(t, &t.rounds[i], &a.data, f)
        }
        None => Vec::new(),
    };
    if let Some(i) = earlier {
        set_text(
            "kolom-eerder",
            &crate::text::rounds::earlier_option(i + 1, &dates[i]),
        );
    }
    for n in 1..=total() as u8 {
        let change = changes.iter().find(|c| c.domain == n);
        set_text(
            &idn("tabel-eerder-", n, ""),
            &change.map_or(String::new(), |c| html::outcome_text(c.earlier)),
        );
        set_html(
            &idn("tabel-verandering-", n, ""),
            &change.map_or(String::new(), html::change_text),
        );
        if let Some(line) = by_id(&idn("grafiek-eerder-", n, "")) {
            let x = match change.map(|c| c.earlier) {
                Some(crate::rapport::Outcome::Scored(v)) => {
                    Some((v.saturating_sub(10) * 10).to_string())
                }
                _ => None,
            };
            let _ =
                line.set_attribute("visibility", if x.is_some() { "visible" } else { "hidden" });
            // Hidden, it still needs a valid length.
            let x = x.unwrap_or_else(|| String::from("0"));
            let _ = line.set_attribute("x1", &x);
            let _ = line.set_attribute("x2", &x);
        }
    }
}
