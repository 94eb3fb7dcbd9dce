//! regiobeeld.html: many schools' summaries in, the region's picture out.
//! `regiobeeld.js` reads the chosen or dropped files in batches and keeps
//! the set in IndexedDB; checking, merging and every figure are the
//! core's (`crate::region`). Only in the coordinator's build.

use super::region_share::name_of;
use super::*;
use crate::region::codec::set_to_json;
use crate::region::merge::Set;
use crate::region::model::{MAX_SET_BYTES, SchoolKind};
use crate::region::picture::{Filter, Picture, Shown, picture};
use crate::region::view;
use crate::text::region_page as msg;
use web_sys::HtmlSelectElement;

#[derive(Default)]
pub(super) struct State {
    set: Set,
    /// The filter by kind of school; `None`: every school.
    kind: Option<SchoolKind>,
}

/// One chosen file: `size` is its length, and `bytes` is empty when it is
/// too large to read, so a huge file is refused by its size alone.
/// `kept`: the set this browser kept, read back as the page opens.
#[wasm_bindgen]
pub fn region_add(name: &str, size: f64, bytes: &[u8], kept: bool) {
    let a = &mut *app();
    let set = &mut a.region.set;
    let name = if kept { msg::KEPT_FILE } else { name };
    if size > MAX_SET_BYTES as f64 {
        set.refuse(name, crate::text::region::too_large(size as usize));
    } else {
        set.add_file(name, bytes, &a.data);
    }
}

/// While files are read, how far it is; once `read` reaches `total`,
/// the list and the picture.
#[wasm_bindgen]
pub fn region_progress(read: usize, total: usize) {
    let (refused, schools) = {
        let s = &app().region.set;
        (s.refused(), s.schools.len())
    };
    let done = read >= total;
    say(
        "regio-voortgang",
        &msg::progress(done, read, total, refused, schools),
    );
    if done {
        draw();
    }
}

/// The set as one file, for regiobeeld.js to keep in IndexedDB; empty
/// without schools.
#[wasm_bindgen]
pub fn region_set_json() -> String {
    let set = &app().region.set;
    if set.schools.is_empty() {
        String::new()
    } else {
        set_to_json(set.schools.iter().map(|s| &s.summary))
    }
}

/// How keeping the set in this browser went: `bewaard`, `uit` or `mislukt`.
#[wasm_bindgen]
pub fn region_kept(state: &str) {
    say("regio-bewaren-melding", msg::kept(state));
}

pub(super) fn render() {
    draw();
}

/// The list of files and the picture: after files were read or removed.
fn draw() {
    let (list, heading) = {
        let set = &app().region.set;
        let heading = msg::files_heading(set.files.len(), set.refused());
        (view::file_list(set), heading)
    };
    set_html("regio-lijst", &list);
    set_text("regio-lijst-kop", &heading);
    draw_picture();
}

/// The picture alone: a new filter leaves the list of files as it is.
fn draw_picture() {
    let html = {
        let a = app();
        let set = &a.region.set;
        (!set.schools.is_empty()).then(|| picture_html(set, &a.data, a.region.kind))
    };
    show("regio-uitvoer", html.is_some());
    show("regio-beeld", html.is_some());
    if let Some(
        [
            count,
            participants,
            chart,
            rows,
            groups,
            taken_up,
            considered,
        ],
    ) = html
    {
        set_text("regio-aantal", &count);
        set_text("regio-deelnemers", &participants);
        set_html("regio-grafiek", &chart);
        set_html("regio-tabel", &rows);
        set_html("regio-perspectieven", &groups);
        set_html("regio-aanbevelingen", &taken_up);
        set_html("regio-interventies", &considered);
    }
}

/// The picture of the schools the filter by kind admits.
fn picture_of(set: &Set, data: &SiteData, kind: Option<SchoolKind>) -> Picture {
    picture(set, kind.map_or(Filter::All, Filter::Kind), &data.numbers())
}

fn picture_html(set: &Set, data: &SiteData, kind: Option<SchoolKind>) -> [String; 7] {
    let p = picture_of(set, data, kind);
    let count = match p.schools {
        Shown::Value(n) => msg::schools_line(n, set.schools.len(), kind.is_some()),
        Shown::TooFew => msg::TOO_FEW_LINE.to_string(),
    };
    [
        count,
        view::participants(&p),
        view::chart(&p.domains, data),
        view::rows(&p.domains, Some(&p), data),
        view::groups(&p, data),
        view::ranked(&p.taken_up, &name_of),
        view::ranked(&p.considered, &name_of),
    ]
}

pub(super) fn on_click(action: &str) {
    let (today, _) = today_and_time();
    match action {
        "region-csv" => {
            let csv = {
                let a = app();
                view::csv(&picture_of(&a.region.set, &a.data, a.region.kind), &a.data)
            };
            download(&files::region_table(&today), "text/csv;charset=utf-8", &csv);
        }
        "region-set" => {
            let json = region_set_json();
            if !json.is_empty() {
                download(&files::region_set(&today), "application/json", &json);
            }
        }
        "region-clear" => {
            app().region = State::default();
            say("regio-voortgang", msg::CLEARED);
            draw();
        }
        _ => {}
    }
}

pub(super) fn on_change(target: &web_sys::EventTarget) {
    if let Some(select) = target.dyn_ref::<HtmlSelectElement>()
        && select.id() == "regio-filter"
    {
        app().region.kind = SchoolKind::from_key(&select.value());
        draw_picture();
    }
}
