//! The thin browser layer: storage, the DOM and events. The markup is the
//! templates'; the logic and every sentence live in the plain-Rust modules.
//! This file holds what every page needs and hands each event to the
//! module of the page it happens on (`<body data-page>`), each behind a
//! cargo feature so that every page loads a module with its own code
//! only: `scoring` (scoren.html, meedoen.html), `traject_list`, `rapport`,
//! `plan`, and what the last three share in `coordinator`; `region_share`
//! (the rapport's *Deel met de regio*) and `region` (regiobeeld.html).

// A page's build uses only some of the helpers below; the build with every
// page (the default, which tests and clippy see) still reports dead code.
#![cfg_attr(
    not(feature = "coordinator"),
    allow(dead_code, unused_imports, unused_variables)
)]

#[cfg(feature = "coordinator")]
mod coordinator;
mod invite;
#[cfg(feature = "coordinator")]
mod plan;
mod queue;
#[cfg(feature = "coordinator")]
mod rapport;
#[cfg(feature = "coordinator")]
mod region;
#[cfg(feature = "coordinator")]
mod region_share;
mod scoring;
#[cfg(feature = "coordinator")]
mod traject_list;

use crate::files;
use crate::session::{Active, Refused, Session, Store, prefix_for};
use crate::share::Invitation;
use crate::text::share as share_msg;
use crate::text::ui;
use crate::traject::{MAX_FILE_BYTES, Traject};
use crate::writes::Op;
use queue::queue;
use scoring::{init_scoring, meedoen_page, show_domain_from_hash};
use site_data::SiteData;
use site_data::pages::Kind;
use std::cell::{RefCell, RefMut};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, Storage};

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

/// The browser's storage, if any. Without one every write is refused, so
/// the session keeps the changes waiting and this tab carries them.
struct AnyStore(Option<Storage>);

impl Store for AnyStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.as_ref()?.get_item(key).ok().flatten()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        match &self.0 {
            Some(s) => s.set_item(key, value).map_err(|_| Refused),
            None => Err(Refused),
        }
    }
    fn remove(&mut self, key: &str) {
        if let Some(s) = &self.0 {
            let _ = s.remove_item(key);
        }
    }
    fn keys(&self) -> Vec<String> {
        match &self.0 {
            Some(s) => {
                let n = s.length().unwrap_or(0);
                (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
            }
            None => Vec::new(),
        }
    }
}

struct App {
    data: SiteData,
    session: Session<AnyStore>,
    kept: Kept,
    page: Option<Kind>,
    /// The `updated` stamp of the traject as this page last showed it, to
    /// notice changes in other tabs.
    shown: Option<String>,
    /// The unreadable text of a damaged active traject.
    damaged: Option<String>,
    /// On meedoen.html: the storage key of the invited participant's answers.
    invited: Option<String>,
    /// From `boot` until the first fill is done: long sections wait.
    filling: bool,
    scoring: scoring::State,
    invite: invite::State,
    #[cfg(feature = "coordinator")]
    list: traject_list::State,
    #[cfg(feature = "coordinator")]
    rapport: rapport::State,
    #[cfg(feature = "coordinator")]
    plan: plan::State,
    #[cfg(feature = "coordinator")]
    region: region::State,
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

// The writes below leave an element alone when it already says what they
// would write: a write of the same value still invalidates its style, and
// a fill made of such writes is what a phone waits on before a tap counts.
// During a fill they are queued (`queue.rs`) and the loader compares.
// A message a screen reader should say again goes through `say`.

/// Markup the scorer made (escaped in `html`). Left alone only when it
/// stays empty: markup holds form fields, whose state a rewrite resets.
fn set_html(id: &str, html: &str) {
    if queue(Op::Html, id, html, "") {
        return;
    }
    if let Some(el) = by_id(id)
        && (!html.is_empty() || el.has_child_nodes())
    {
        el.set_inner_html(html);
    }
}

fn set_text(id: &str, text: &str) {
    if queue(Op::Text, id, text, "") {
        return;
    }
    if let Some(el) = by_id(id)
        && el.text_content().as_deref() != Some(text)
    {
        el.set_text_content(Some(text));
    }
}

fn show(id: &str, visible: bool) {
    flag(id, "hidden", !visible);
}

/// `set_attr` on the element `id`.
fn attr(id: &str, name: &str, value: &str) {
    if !queue(Op::Attr, id, name, value)
        && let Some(el) = by_id(id)
    {
        set_attr(&el, name, value);
    }
}

/// `set_flag` on the element `id`.
fn flag(id: &str, name: &str, on: bool) {
    if on {
        attr(id, name, "");
    } else if !queue(Op::Remove, id, name, "")
        && let Some(el) = by_id(id)
    {
        set_flag(&el, name, false);
    }
}

/// A checkbox checked or not.
fn check(id: &str, on: bool) {
    if queue(Op::Check, id, if on { "1" } else { "" }, "") {
        return;
    }
    if let Some(el) = by_id(id).and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
        && el.checked() != on
    {
        el.set_checked(on);
    }
}

fn set_hidden(el: &Element, hidden: bool) {
    set_flag(el, "hidden", hidden);
}

/// Sets an attribute unless it has that value.
fn set_attr(el: &Element, name: &str, value: &str) {
    if queue::open() && queue(Op::Attr, &el.id(), name, value) {
        return;
    }
    if el.get_attribute(name).as_deref() != Some(value) {
        let _ = el.set_attribute(name, value);
    }
}

/// A boolean attribute: present (empty) or absent.
fn set_flag(el: &Element, name: &str, on: bool) {
    if on {
        set_attr(el, name, "");
    } else if !(queue::open() && queue(Op::Remove, &el.id(), name, "")) && el.has_attribute(name) {
        let _ = el.remove_attribute(name);
    }
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
    if queue(Op::Focus, id, "", "") {
        return;
    }
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
    say("melding", text);
}

/// Writes a live region's message even when it is the same as before, so
/// a screen reader says it again.
fn say(id: &str, text: &str) {
    if let Some(el) = by_id(id) {
        el.set_text_content(Some(text));
    }
}

fn open_dialog(id: &str) {
    if let Some(d) = by_id(id).and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
        let _ = d.show_modal();
    }
}

/// One listener for every event: a single closure type keeps the module small.
fn on_event(e: web_sys::Event) {
    dispatch(e);
    after_change();
}

fn dispatch(e: web_sys::Event) {
    match e.type_().as_str() {
        "click" => on_click(e),
        "change" => on_change(e),
        "input" => on_input(e),
        "submit" => on_submit(e),
        // A link with answers pasted into a traject page already open.
        #[cfg(feature = "coordinator")]
        "hashchange" if page() == Some(Kind::Traject) => traject_list::receive_from_hash(),
        // A new invitation opened in a tab that shows an earlier one.
        "hashchange"
            if page() == Some(Kind::Meedoen)
                && window()
                    .location()
                    .hash()
                    .is_ok_and(|h| h.starts_with("#u1.")) =>
        {
            meedoen_page()
        }
        "hashchange" => show_domain_from_hash(true),
        "storage" => on_other_tab(&e),
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
    match tab_storage() {
        Some(s) if writes(&s) => (Some(s), Kept::Tab, false),
        _ => (None, Kept::Page, false),
    }
}

fn tab_storage() -> Option<Storage> {
    window().session_storage().ok().flatten()
}

/// What this tab carries from page to page while the store refuses writes
/// (site-data's `assets::CARRY_MARK` starts it in `window.name`).
fn carry_key(prefix: &str) -> String {
    String::from(prefix) + "niet-opgeslagen"
}

/// Where the waiting writes travel to the next page of this tab:
/// `sessionStorage` when it takes them and is not the refusing store
/// itself, else `window.name`. That one outlives a navigation to another
/// site, so it stays empty: `assets/tab-memory.js` writes it only as a
/// navigation to a page of this site starts, from the global set here,
/// and the next page empties it as it reads it.
fn carry() {
    let (json, kept, prefix) = {
        let a = app();
        (
            a.session.unsaved_json(),
            a.kept,
            a.session.prefix().to_string(),
        )
    };
    let key = carry_key(&prefix);
    let in_tab = kept != Kept::Tab
        && tab_storage().is_some_and(|s| match &json {
            Some(j) => s.set_item(&key, j).is_ok(),
            None => s.remove_item(&key).is_ok(),
        });
    let marked = match json {
        Some(j) if !in_tab => JsValue::from_str(&(carry_mark(&prefix) + &j)),
        _ => JsValue::UNDEFINED,
    };
    let _ = js_sys::Reflect::set(&window(), &JsValue::from_str(CARRIED_GLOBAL), &marked);
}

/// Opens another page of the site, carrying what waits for the store:
/// the navigation starts before this event's `after_change`.
fn go(url: &str) {
    carry();
    let _ = window().location().set_href(url);
}

/// The global `tab-memory.js` reads as a navigation within the site starts.
use site_data::assets::CARRIED_GLOBAL;

fn carry_mark(prefix: &str) -> String {
    String::from(site_data::assets::CARRY_MARK) + prefix + "\n"
}

/// Takes back what the previous page of this tab carried, and empties
/// `window.name` at once.
fn restore_carried() {
    let prefix = app().session.prefix().to_string();
    let mut found = Vec::new();
    if let Some(text) = tab_storage().and_then(|s| s.get_item(&carry_key(&prefix)).ok().flatten()) {
        found.push(text);
    }
    // `tab-memory.js` may have taken it over from `window.name` first.
    let held = js_sys::Reflect::get(&window(), &JsValue::from_str(CARRIED_GLOBAL))
        .ok()
        .and_then(|v| v.as_string());
    let name = window().name().unwrap_or_default();
    if name.starts_with(site_data::assets::CARRY_MARK) {
        let _ = window().set_name("");
    }
    for carried in [Some(name), held].into_iter().flatten() {
        if let Some(text) = carried.strip_prefix(&carry_mark(&prefix)) {
            found.push(text.to_string());
        }
    }
    let a = &mut *app();
    for text in found {
        a.session.restore_unsaved(&text, &a.data);
    }
}

/// After each event: carry what waits, say which trajecten became copies,
/// and show the storage warnings as they are now.
fn after_change() {
    #[cfg(feature = "coordinator")]
    if page() == Some(Kind::Traject) {
        traject_list::catch_up();
    }
    carry();
    let copies = app().session.take_copies();
    for name in copies {
        announce(&ui::kept_as_copy(&name));
    }
    storage_warnings();
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
    let mut session = Session::new(AnyStore(storage), &prefix);
    if full {
        session.mark_failed();
    }
    let page = doc()
        .body()
        .and_then(|b| b.get_attribute("data-page"))
        .and_then(|key| site_data::pages::by_key(&key))
        .map(|p| p.kind);
    *APP.0.borrow_mut() = Some(App {
        data,
        session,
        kept,
        page,
        shown: None,
        damaged: None,
        invited: None,
        filling: true,
        scoring: Default::default(),
        invite: Default::default(),
        #[cfg(feature = "coordinator")]
        list: Default::default(),
        #[cfg(feature = "coordinator")]
        rapport: Default::default(),
        #[cfg(feature = "coordinator")]
        plan: Default::default(),
        #[cfg(feature = "coordinator")]
        region: Default::default(),
    });
    restore_carried();
    true
}

/// Marks a section the first fill will show a frame later.
const LATER: &str = "data-straks";

/// Called by the loader after `boot`, in the same task or the next one
/// (when starting took long; see `SLICE_MS` in `scorer.js`): fills the
/// page in. Most of its DOM writes wait for the loader (`queue.rs`).
/// `true` while long sections wait: the loader then calls `fill_next`
/// once a frame until it says `false`.
#[wasm_bindgen]
pub fn fill() -> bool {
    queue::queued(first_fill)
}

fn first_fill() -> bool {
    // Listening starts here, not in `boot`: until the page is filled in
    // (on meedoen.html: until the invitation is read), a tap would act on
    // a page the scorer has not set up, and write to the wrong traject.
    //
    // `Fn`, not `FnMut`: a DOM change made while handling one event (a
    // focused field removed, a dialog closed) may dispatch another at once.
    let cb = Closure::<dyn Fn(web_sys::Event)>::new(on_event);
    let d: web_sys::EventTarget = doc().clone().into();
    for event in ["click", "change", "input", "submit"] {
        let _ = d.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    }
    // A dialog's `close` does not bubble: caught on the way down.
    let _ = d.add_event_listener_with_callback_and_bool("close", cb.as_ref().unchecked_ref(), true);
    let w: web_sys::EventTarget = window().into();
    for event in ["hashchange", "storage"] {
        let _ = w.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    }
    cb.forget();
    render_page();
    after_change();
    app().filling = false;
    next_section(false)
}

/// Shows the next waiting section; `false` once none waits.
#[wasm_bindgen]
pub fn fill_next() -> bool {
    queue::queued(|| next_section(true))
}

fn next_section(reveal: bool) -> bool {
    let waiting = all(&format!("[{LATER}]"));
    let mut left = waiting.len();
    if reveal && let Some(el) = waiting.first() {
        let _ = el.remove_attribute(LATER);
        set_hidden(el, false);
        left -= 1;
    }
    // At `false` the loader marks the page whole (`data-scorer`).
    left > 0
}

/// What this page is: its `<body data-page>` found in site-data's one
/// list of traject pages.
fn page() -> Option<Kind> {
    app().page
}

fn render_page() {
    match page() {
        Some(Kind::Meedoen) => meedoen_page(),
        Some(Kind::Scoring) => {
            if let Some(t) = active_or_notice() {
                init_scoring(&t);
            }
        }
        #[cfg(feature = "coordinator")]
        Some(Kind::Traject) => traject_list::render(),
        #[cfg(feature = "coordinator")]
        Some(Kind::Rapport) => rapport::render(),
        #[cfg(feature = "coordinator")]
        Some(Kind::Plan) => plan::render(),
        #[cfg(feature = "coordinator")]
        Some(Kind::Regiobeeld) => region::render(),
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

/// The active traject, read fresh; shows why there is none when there isn't.
fn active_or_notice() -> Option<Traject> {
    let active = open_active();
    match active {
        Active::Ok(t) => {
            app().shown = Some(t.updated.clone());
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

/// The active traject as stored now, if it is readable: what an export or
/// an action acts on, so a change from another tab is never undone.
fn active() -> Option<Traject> {
    match open_active() {
        Active::Ok(t) => Some(t),
        _ => None,
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
    app().shown = Some(t.updated.clone());
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

/// Another tab changed storage: show the newest version of this page's
/// traject. Keys that are not a traject's, the active one's or a backup's
/// (a probe as another tab opens a page) change nothing here.
fn on_other_tab(e: &web_sys::Event) {
    let key = e.dyn_ref::<web_sys::StorageEvent>().and_then(|e| e.key());
    let relevant = key.is_none_or(|k| {
        let a = app();
        k.strip_prefix(a.session.prefix()).is_some_and(|rest| {
            ["traject:", "actief", "backup:", "deelnemer:"]
                .iter()
                .any(|p| rest.starts_with(p))
        })
    });
    if !relevant {
        return;
    }
    let fresh = open_active();
    let shown = app().shown.clone();
    match (page(), fresh) {
        #[cfg(feature = "coordinator")]
        (Some(Kind::Traject), _) => traject_list::other_tab_changed(),
        // Every change sets `updated`, so a new stamp is a change elsewhere.
        (_, Active::Ok(t)) if Some(&t.updated) != shown.as_ref() => {
            render_page();
            show("ander-tabblad", true);
        }
        _ => {}
    }
}

fn on_submit(e: web_sys::Event) {
    let Some(form) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    match page() {
        Some(Kind::Scoring) if form.id() == "nieuwe-deelnemer" => {
            e.prevent_default();
            scoring::add_participant(&form);
        }
        #[cfg(feature = "coordinator")]
        Some(Kind::Traject) => traject_list::on_submit(&e, &form),
        // Dialog forms close themselves.
        _ => {}
    }
}

/// The element with the `data-action` that was clicked, its action and id.
fn on_click(e: web_sys::Event) {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("[data-action]").ok().flatten())
    else {
        return;
    };
    let action = el.get_attribute("data-action").unwrap_or_default();
    match action.as_str() {
        "download-active" => {
            if let Some(raw) = app().damaged.clone() {
                download(files::UNREADABLE, "application/json", &raw);
            }
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
        _ => match page() {
            Some(Kind::Scoring) | Some(Kind::Meedoen) => scoring::on_click(&action, &el),
            #[cfg(feature = "coordinator")]
            Some(Kind::Traject) => traject_list::on_click(&action, &el),
            #[cfg(feature = "coordinator")]
            Some(Kind::Rapport) => rapport::on_click(&action, &el),
            #[cfg(feature = "coordinator")]
            Some(Kind::Plan) => plan::on_click(&action, &el),
            #[cfg(feature = "coordinator")]
            Some(Kind::Regiobeeld) => region::on_click(&action),
            _ => {}
        },
    }
}

fn on_change(e: web_sys::Event) {
    let Some(target) = e.target() else { return };
    match page() {
        Some(Kind::Scoring) | Some(Kind::Meedoen) => scoring::on_change(&target),
        #[cfg(feature = "coordinator")]
        Some(Kind::Rapport) => rapport::on_change(&target),
        #[cfg(feature = "coordinator")]
        Some(Kind::Plan) => plan::on_change(&target),
        #[cfg(feature = "coordinator")]
        Some(Kind::Regiobeeld) => region::on_change(&target),
        _ => {}
    }
}

fn on_input(e: web_sys::Event) {
    let Some(target) = e.target() else { return };
    match page() {
        Some(Kind::Scoring) | Some(Kind::Meedoen) => scoring::on_input(&target),
        #[cfg(feature = "coordinator")]
        Some(Kind::Rapport) => rapport::on_input(&target),
        #[cfg(feature = "coordinator")]
        Some(Kind::Plan) => plan::on_input(&target),
        _ => {}
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
        say("import-melding", &ui::import_failed(&msg));
        set_text("uitnodiging-fout", &msg);
    }
    ok
}

/// The text of a file chosen in the input with id `from`, from the loader:
/// an invitation on meedoen.html, a traject or answers on traject.html.
#[wasm_bindgen]
pub fn import_text(text: &str, from: &str) {
    match page() {
        Some(Kind::Meedoen) if from.starts_with("uitnodiging-bestand") => {
            scoring::open_invitation_file(text)
        }
        #[cfg(feature = "coordinator")]
        Some(Kind::Traject) => traject_list::import_file(text),
        _ => {}
    }
    after_change();
}
