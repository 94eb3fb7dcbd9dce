//! The thin browser layer: `localStorage`, the DOM and events. All logic it
//! calls lives in the plain-Rust modules; this file only moves strings
//! between them and the page.

use crate::html::{self, esc};
use crate::rapport::Rapport;
use crate::score::Score;
use crate::session::{prefix_for, Import, MemoryStore, Refused, Session, Store};
use crate::text::{label, ui};
use crate::traject::{Answer, Traject, MAX_FILE_BYTES};
use site_data::SiteData;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement, Storage};

/// `localStorage`, or memory when the browser refuses it.
enum AnyStore {
    Local(Storage),
    Memory(MemoryStore),
}

impl Store for AnyStore {
    fn get(&self, key: &str) -> Option<String> {
        match self {
            AnyStore::Local(s) => s.get_item(key).ok().flatten(),
            AnyStore::Memory(m) => m.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        match self {
            AnyStore::Local(s) => s.set_item(key, value).map_err(|_| Refused),
            AnyStore::Memory(m) => m.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) {
        match self {
            AnyStore::Local(s) => {
                let _ = s.remove_item(key);
            }
            AnyStore::Memory(m) => m.remove(key),
        }
    }
    fn keys(&self) -> Vec<String> {
        match self {
            AnyStore::Local(s) => {
                let n = s.length().unwrap_or(0);
                (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
            }
            AnyStore::Memory(m) => m.keys(),
        }
    }
}

struct App {
    data: SiteData,
    session: Session<AnyStore>,
    /// Set when `localStorage` could not be opened at all.
    no_storage: bool,
}

#[global_allocator]
static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32 in the browser runs this module on one thread only.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// The page's one App. wasm32 in a browser page is single-threaded, so a
/// plain static cell does what `thread_local!` would, in far less code.
struct AppCell(RefCell<Option<App>>);
// SAFETY: this module only ever runs on the page's one thread.
unsafe impl Sync for AppCell {}
static APP: AppCell = AppCell(RefCell::new(None));

fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    APP.0.borrow_mut().as_mut().map(f)
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn doc() -> Document {
    window().document().expect("a document")
}

fn by_id(id: &str) -> Option<Element> {
    doc().get_element_by_id(id)
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

fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// "23-11-2026", in the browser's own time zone.
fn readable_date(iso: &str) -> String {
    let d = js_sys::Date::new(&JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.to_string();
    }
    d.to_locale_date_string("nl-NL", &JsValue::UNDEFINED).into()
}

/// A fresh traject id: the time and a random number, in the id alphabet.
fn new_id() -> String {
    let time = js_sys::Date::now() as u64;
    let rand = (js_sys::Math::random() * 1e9) as u64;
    format!("t-{time}-{rand}")
}

fn confirm(message: &str) -> bool {
    window().confirm_with_message(message).unwrap_or(false)
}

/// Offers `text` as a file download, without any server.
fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn file_name(t: &Traject, ext: &str) -> String {
    let slug: String = t
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_start_matches('-');
    let slug = if slug.is_empty() { "traject" } else { slug };
    format!(
        "wegwijzer-{}.{ext}",
        slug.chars().take(40).collect::<String>()
    )
}

/// Shows a message to everyone, screen readers included.
fn announce(text: &str) {
    set_text("melding", text);
}

fn warn(html: &str) {
    if let Some(el) = by_id("waarschuwing") {
        el.set_inner_html(html);
        if html.is_empty() {
            let _ = el.set_attribute("hidden", "");
        } else {
            let _ = el.remove_attribute("hidden");
        }
    }
}

/// One listener for every event: a single closure type keeps the module small.
fn on_event(e: web_sys::Event) {
    match e.type_().as_str() {
        "click" => on_click(e),
        "change" => on_change(e),
        "input" => on_input(e),
        "submit" => on_submit(e),
        "hashchange" => show_domain_from_hash(true),
        _ => {}
    }
}

/// Called once by the loader with the generator's data as JSON.
#[wasm_bindgen]
pub fn boot(data_json: &str) {
    // Unreadable data leaves the page as without JavaScript, with the
    // "could not start" line shown: nothing half-works.
    let Ok(data) = SiteData::from_json(data_json) else {
        if let Some(el) = by_id("scorer-fout") {
            let _ = el.remove_attribute("hidden");
        }
        return;
    };
    let prefix = prefix_for(&window().location().pathname().unwrap_or_default());
    let local = window().local_storage().ok().flatten();
    // A storage that exists but refuses a write is as good as none.
    let usable = local.filter(|s| {
        let probe = format!("{prefix}probe");
        let ok = s.set_item(&probe, "1").is_ok();
        let _ = s.remove_item(&probe);
        ok
    });
    let no_storage = usable.is_none();
    let store = match usable {
        Some(s) => AnyStore::Local(s),
        None => AnyStore::Memory(MemoryStore::default()),
    };
    *APP.0.borrow_mut() = Some(App {
        data,
        session: Session::new(store, &prefix),
        no_storage,
    });
    for el in doc()
        .query_selector_all(".needs-js")
        .map(|l| (0..l.length()).filter_map(move |i| l.get(i)))
        .into_iter()
        .flatten()
    {
        if let Some(el) = el.dyn_ref::<Element>() {
            let _ = el.set_attribute("hidden", "");
        }
    }
    if let Some(app) = by_id("app") {
        let _ = app.remove_attribute("hidden");
    }
    let page = doc()
        .body()
        .and_then(|b| b.get_attribute("data-page"))
        .unwrap_or_default();
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(on_event);
    let d: web_sys::EventTarget = doc().into();
    for event in ["click", "change", "input", "submit"] {
        let _ = d.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    }
    let w: web_sys::EventTarget = window().into();
    let _ = w.add_event_listener_with_callback("hashchange", cb.as_ref().unchecked_ref());
    cb.forget();
    match page.as_str() {
        "traject" => render_traject_page(),
        "scoring" => init_scoring(),
        "rapport" => render_rapport(),
        _ => {}
    }
    storage_warnings();
}

fn storage_warnings() {
    let failed = with_app(|a| a.no_storage || a.session.storage_failed()).unwrap_or(false);
    if failed {
        warn(&format!("<p>{}</p>", esc(ui::STORAGE_UNAVAILABLE)));
    }
}

/// The active traject, if there is one.
fn active() -> Option<Traject> {
    with_app(|a| {
        let id = a.session.active()?;
        a.session.get(&id, &a.data)
    })
    .flatten()
}

fn save(t: &Traject) {
    let stored = with_app(|a| a.session.save(t)).unwrap_or(false);
    set_text(
        "opslag-status",
        if stored {
            ui::SAVED
        } else {
            ui::SAVED_IN_MEMORY
        },
    );
    if !stored {
        storage_warnings();
    }
}

// ---- Start traject ------------------------------------------------------

fn render_traject_page() {
    let Some((list, corrupt, backups)) = with_app(|a| {
        let (list, corrupt) = a.session.load_all(&a.data);
        (list, corrupt, a.session.backups())
    }) else {
        return;
    };
    let total = with_app(|a| a.data.domains.len()).unwrap_or(8);
    let mut warning = String::new();
    for c in &corrupt {
        warning.push_str(&format!("<p>{}</p>", esc(&ui::corrupt(&c.message))));
    }
    if !backups.is_empty() {
        warning.push_str("<ul class=\"backups\">");
        for (key, _) in &backups {
            warning.push_str(&format!(
                "<li><button type=\"button\" data-action=\"download-backup\" data-key=\"{k}\">{}</button> <button type=\"button\" data-action=\"remove-backup\" data-key=\"{k}\">{}</button></li>",
                ui::DOWNLOAD_BACKUP,
                ui::REMOVE_BACKUP,
                k = esc(key)
            ));
        }
        warning.push_str("</ul>");
    }
    if with_app(|a| a.no_storage || a.session.storage_failed()).unwrap_or(false) {
        warning.push_str(&format!("<p>{}</p>", esc(ui::STORAGE_UNAVAILABLE)));
    }
    warn(&warning);

    if list.is_empty() {
        set_html(
            "traject-lijst",
            &format!("<p class=\"empty\">{}</p>", ui::NO_TRAJECTEN),
        );
        return;
    }
    let mut h = String::from("<ul class=\"traject-list\">");
    for t in &list {
        let id = esc(&t.id);
        h.push_str(&format!(
            "<li class=\"traject-item\"><h3 class=\"traject-item__name\">{name}</h3><p class=\"meta\">{date} · {progress}</p><div class=\"button-row\">\
<button type=\"button\" data-action=\"open\" data-id=\"{id}\">{open}<span class=\"visually-hidden\">: {name}</span></button>\
<button type=\"button\" data-action=\"open-rapport\" data-id=\"{id}\">{rapport}<span class=\"visually-hidden\">: {name}</span></button>\
<button type=\"button\" data-action=\"rename\" data-id=\"{id}\">{rename}<span class=\"visually-hidden\">: {name}</span></button>\
<button type=\"button\" data-action=\"export-json\" data-id=\"{id}\">{export}<span class=\"visually-hidden\">: {name}</span></button>\
<button type=\"button\" class=\"danger\" data-action=\"delete\" data-id=\"{id}\">{delete}<span class=\"visually-hidden\">: {name}</span></button></div></li>",
            name = esc(&t.name),
            date = esc(&ui::last_change(&readable_date(&t.updated))),
            progress = label::progress(t.scored_count(), total),
            open = ui::OPEN,
            rapport = ui::RAPPORT,
            rename = ui::RENAME,
            export = ui::EXPORT,
            delete = ui::DELETE,
        ));
    }
    h.push_str("</ul>");
    set_html("traject-lijst", &h);
}

fn on_submit(e: web_sys::Event) {
    let Some(form) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if form.id() != "nieuw-traject" {
        return;
    }
    e.prevent_default();
    let Some(input) = by_id("nieuw-naam").and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let name = input.value();
    if name.trim_ascii().is_empty() {
        announce(ui::NAME_NEEDED);
        let _ = input.focus();
        return;
    }
    let t = Traject::new(&new_id(), &name, &now());
    save(&t);
    with_app(|a| a.session.set_active(&t.id));
    let _ = window().location().set_href("scoren.html#domein-1");
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
    let data_of = |id: &str| with_app(|a| a.session.get(id, &a.data)).flatten();
    match action.as_str() {
        "open" | "open-rapport" => {
            with_app(|a| a.session.set_active(&id));
            let target = if action == "open" {
                "scoren.html#domein-1"
            } else {
                "rapport.html"
            };
            let _ = window().location().set_href(target);
        }
        "rename" => {
            let Some(mut t) = data_of(&id) else { return };
            if let Ok(Some(name)) =
                window().prompt_with_message_and_default(ui::RENAME_PROMPT, &t.name)
            {
                if name.trim_ascii().is_empty() {
                    announce(ui::NAME_NEEDED);
                    return;
                }
                t.rename(&name, &now());
                save(&t);
                render_traject_page();
            }
        }
        "delete" => {
            let Some(t) = data_of(&id) else { return };
            if confirm(&ui::confirm_delete(&t.name)) {
                with_app(|a| a.session.delete(&id));
                render_traject_page();
                announce(&ui::deleted(&t.name));
            }
        }
        "export-json" => {
            let t = if id.is_empty() {
                active()
            } else {
                data_of(&id)
            };
            if let Some(t) = t {
                download(&file_name(&t, "json"), "application/json", &t.to_json());
            }
        }
        "export-csv" => {
            if let Some(t) = active() {
                let csv = with_app(|a| crate::csv::export(&t, &a.data)).unwrap_or_default();
                download(&file_name(&t, "csv"), "text/csv;charset=utf-8", &csv);
            }
        }
        "clear-all" => {
            if confirm(ui::CONFIRM_CLEAR) {
                with_app(|a| a.session.clear_all());
                render_traject_page();
                announce(ui::CLEARED);
            }
        }
        "download-backup" => {
            let key = el.get_attribute("data-key").unwrap_or_default();
            let raw =
                with_app(|a| a.session.backups().into_iter().find(|(k, _)| *k == key)).flatten();
            if let Some((_, raw)) = raw {
                download("wegwijzer-reservekopie.json", "application/json", &raw);
            }
        }
        "remove-backup" => {
            let key = el.get_attribute("data-key").unwrap_or_default();
            with_app(|a| a.session.remove_backup(&key));
            render_traject_page();
        }
        "prev" | "next" => step_domain(if action == "next" { 1 } else { -1 }),
        "print" => {
            let _ = window().print();
        }
        "use-suggestion" => {
            let Some(mut t) = active() else { return };
            let suggestion = with_app(|a| Rapport::new(&t, &a.data).suggestion).unwrap_or_default();
            t.set_focus(suggestion, &now());
            save(&t);
            render_rapport();
        }
        _ => {}
    }
}

fn on_change(e: web_sys::Event) {
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    match input.type_().as_str() {
        "radio" if input.name().starts_with("score-") => save_domain_from_form(domain_of(&input)),
        "checkbox" if input.name() == "focus" => save_focus(),
        "file" if input.id() == "import-bestand" => import_file(&input),
        _ => {}
    }
}

fn on_input(e: web_sys::Event) {
    if let Some(area) = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
    {
        save_domain_from_form(domain_of(&area));
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

fn import_file(input: &HtmlInputElement) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    if file.size() > MAX_FILE_BYTES as f64 {
        let msg = crate::text::import::too_large(file.size() as usize);
        set_text("import-melding", &ui::import_failed(&msg));
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let r = reader.clone();
    let onload = Closure::once_into_js(move |_: web_sys::Event| {
        let text = r
            .result()
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        finish_import(&text);
    });
    reader.set_onload(Some(onload.unchecked_ref()));
    let _ = reader.read_as_text(&file);
}

fn finish_import(text: &str) {
    let Some(result) = with_app(|a| a.session.import(text, &a.data)) else {
        return;
    };
    let message = match result {
        Err(e) => ui::import_failed(&e),
        Ok(Import::Added(t)) => ui::imported(&t.name),
        Ok(Import::Conflict {
            mut incoming,
            existing,
        }) => {
            if confirm(&ui::confirm_replace(&incoming.name, &existing.name)) {
                save(&incoming);
                ui::imported(&incoming.name)
            } else {
                incoming.id = new_id();
                let name = format!("{}{}", incoming.name, ui::COPY_SUFFIX);
                incoming.rename(&name, &incoming.updated.clone());
                save(&incoming);
                ui::imported_copy(&incoming.name)
            }
        }
    };
    set_text("import-melding", &message);
    render_traject_page();
}

// ---- Scoring ------------------------------------------------------------

fn init_scoring() {
    let Some(t) = active() else {
        no_active();
        return;
    };
    set_text(
        "traject-naam",
        &ui::traject_line(&t.name, &readable_date(&t.updated)),
    );
    let numbers: Vec<u8> =
        with_app(|a| a.data.domains.iter().map(|d| d.number).collect()).unwrap_or_default();
    for n in numbers {
        let a = t.answer(n);
        let value = match a.score {
            Some(Score::Value(v)) => v.to_string(),
            Some(Score::DontKnow) => "weet-niet".to_string(),
            None => String::new(),
        };
        if let Ok(radios) = doc().query_selector_all(&format!("input[name=\"score-{n}\"]")) {
            for i in 0..radios.length() {
                if let Some(r) = radios
                    .get(i)
                    .and_then(|r| r.dyn_into::<HtmlInputElement>().ok())
                {
                    r.set_checked(r.value() == value);
                }
            }
        }
        for (id, text) in [
            (format!("goed-{n}"), &a.going_well),
            (format!("aandacht-{n}"), &a.attention),
        ] {
            if let Some(area) = by_id(&id).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) {
                area.set_value(text);
            }
        }
    }
    update_progress(&t);
    show_domain_from_hash(false);
}

fn no_active() {
    if let Some(app) = by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
    if let Some(el) = by_id("geen-traject") {
        let _ = el.remove_attribute("hidden");
    }
}

fn update_progress(t: &Traject) {
    let total = with_app(|a| a.data.domains.len()).unwrap_or(8);
    set_text("voortgang", &label::progress(t.scored_count(), total));
    for n in 1..=total as u8 {
        if let Some(link) = by_id(&format!("stap-{n}")) {
            let done = t.answer(n).score.is_some();
            let _ = link.set_attribute("data-done", if done { "ja" } else { "nee" });
        }
    }
}

fn save_domain_from_form(domain: Option<u8>) {
    let (Some(n), Some(mut t)) = (domain, active()) else {
        return;
    };
    let checked = doc()
        .query_selector(&format!("input[name=\"score-{n}\"]:checked"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|r| r.value());
    let score = match checked.as_deref() {
        Some("weet-niet") => Some(Score::DontKnow),
        Some(v) => v.parse::<i64>().ok().and_then(|v| Score::new(v).ok()),
        None => None,
    };
    let area = |id: String| {
        by_id(&id)
            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
            .map(|a| a.value())
            .unwrap_or_default()
    };
    let answer = Answer {
        score,
        going_well: area(format!("goed-{n}")),
        attention: area(format!("aandacht-{n}")),
    };
    t.set_answer(n, answer, &now());
    save(&t);
    update_progress(&t);
}

fn current_domain() -> u8 {
    let hash = window().location().hash().unwrap_or_default();
    hash.strip_prefix("#domein-")
        .and_then(small_number)
        .filter(|n| (1..=8).contains(n))
        .unwrap_or(1)
}

/// Shows the domain named in the hash and hides the others.
fn show_domain_from_hash(move_focus: bool) {
    let current = current_domain();
    let Ok(sections) = doc().query_selector_all(".score-domain") else {
        return;
    };
    for i in 0..sections.length() {
        if let Some(s) = sections.get(i).and_then(|s| s.dyn_into::<Element>().ok()) {
            if domain_of(&s) == Some(current) {
                let _ = s.remove_attribute("hidden");
            } else {
                let _ = s.set_attribute("hidden", "");
            }
        }
    }
    for n in 1..=8u8 {
        if let Some(link) = by_id(&format!("stap-{n}")) {
            if n == current {
                let _ = link.set_attribute("aria-current", "step");
            } else {
                let _ = link.remove_attribute("aria-current");
            }
        }
    }
    if move_focus {
        if let Some(h) =
            by_id(&format!("domein-{current}-kop")).and_then(|h| h.dyn_into::<HtmlElement>().ok())
        {
            let _ = h.focus();
        }
    }
}

fn step_domain(delta: i8) {
    let next = (current_domain() as i8 + delta).clamp(1, 8);
    let _ = window().location().set_hash(&format!("domein-{next}"));
    // hashchange comes later; show the domain and move focus now.
    show_domain_from_hash(true);
}

// ---- Rapport ------------------------------------------------------------

fn render_rapport() {
    let Some(t) = active() else {
        no_active();
        return;
    };
    let Some((rapport, notes_html, recs_html)) = with_app(|a| {
        (
            Rapport::new(&t, &a.data),
            html::notes(&t, &a.data),
            html::recommendations(&t.focus, &a.data),
        )
    }) else {
        return;
    };
    set_text(
        "traject-naam",
        &ui::traject_line(&t.name, &readable_date(&t.updated)),
    );
    set_text(
        "voortgang",
        &label::progress(rapport.answered, rapport.total),
    );
    set_html("rapport-grafiek", &html::bar_chart(&rapport));
    set_html("rapport-tabel", &html::score_table(&rapport));
    set_html("rapport-notities", &notes_html);
    let mut advice = String::new();
    if let Some(s) = rapport.suggestion_sentence() {
        advice.push_str(&format!("<p class=\"suggestion\">{}</p>", esc(&s)));
    }
    for n in &rapport.notes {
        advice.push_str(&format!("<p>{}</p>", esc(n)));
    }
    advice.push_str(&format!("<p>{}</p>", crate::text::rapport::STRENGTH_NOTE));
    set_html("rapport-voorstel", &advice);
    for row in &rapport.rows {
        set_text(
            &format!("keuze-score-{}", row.domain),
            &format!("score: {}", html::outcome_text(row.outcome)),
        );
        if let Some(cb) = by_id(&format!("focus-keuze-{}", row.domain))
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            cb.set_checked(t.focus.contains(&row.domain));
        }
    }
    set_text("focus-aantal", &ui::focus_count(t.focus.len()));
    if t.focus.is_empty() {
        set_html(
            "rapport-aanbevelingen",
            &format!("<p class=\"empty\">{}</p>", ui::NO_FOCUS),
        );
    } else {
        set_html("rapport-aanbevelingen", &recs_html);
    }
}

fn save_focus() {
    let Some(mut t) = active() else { return };
    let mut focus: Vec<u8> = t.focus.clone();
    let Ok(boxes) = doc().query_selector_all("input[name=\"focus\"]") else {
        return;
    };
    for i in 0..boxes.length() {
        let Some(cb) = boxes
            .get(i)
            .and_then(|b| b.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        let Some(n) = small_number(&cb.value()) else {
            continue;
        };
        // Keep the order in which domains were chosen.
        match (cb.checked(), focus.contains(&n)) {
            (true, false) => focus.push(n),
            (false, true) => focus.retain(|d| *d != n),
            _ => {}
        }
    }
    t.set_focus(focus, &now());
    save(&t);
    render_rapport();
}
