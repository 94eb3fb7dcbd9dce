//! rapport.html: every domain's scores and spread, the choice of domains
//! with their aanbevelingen, and rounds of measurement compared. Only with
//! the coordinator's build.

use super::coordinator::{download_csv, export_json, show_chosen};
use super::*;
use crate::html;
use crate::rapport::{Filter, Rapport};
use crate::text::label;
use crate::traject::Participant;
use web_sys::{EventTarget, HtmlSelectElement, HtmlTextAreaElement};

/// What the rapport keeps between events.
#[derive(Default)]
pub(super) struct State {
    /// The perspective the rapport shows; `None`: everyone.
    filter: Option<String>,
    /// The rapport's "Vergelijk met": an earlier round's index, "geen", or
    /// `None` for the newest earlier round.
    compare: Option<String>,
}

pub(super) fn render() {
    if let Some(t) = active_or_notice() {
        render_rapport(&t);
    }
}

pub(super) fn on_click(action: &str, el: &Element) {
    if invite::on_click(action, el) || region_share::on_click(action) {
        return;
    }
    match action {
        "new-round" => {
            let started = active()
                .map(|t| readable_date(&t.round_started))
                .unwrap_or_default();
            set_text("dialoog-meting-datum", &started);
            open_dialog("dialoog-nieuwe-meting");
        }
        "new-round-confirmed" => {
            let mut result = Ok(());
            if let Some(t) = change_active(|t, now| result = t.new_round(now)) {
                if result.is_ok() {
                    // Whoever scores next on this device says so first.
                    app().session.clear_participant(&t.id);
                }
                app().rapport.compare = None;
                render_rapport(&t);
                announce(&match result {
                    Ok(()) => crate::text::rounds::started(t.rounds.len() + 1),
                    Err(e) => e,
                });
            }
        }
        "use-suggestion" => {
            let Some(t) = active() else { return };
            let suggestion = Rapport::new(&t, &app().data).suggestion;
            if let Some(t) = change_active(|t, now| {
                for d in suggestion {
                    t.choose(d, true, now);
                }
            }) {
                render_rapport(&t);
            }
        }
        "export-csv" => {
            if let Some(t) = active() {
                let csv = crate::csv::export(&t, &app().data);
                download_csv(&t.name, &csv);
            }
        }
        "export-json" => export_json(el),
        _ => {}
    }
}

/// The perspective filter, the round compared with, a domain chosen.
pub(super) fn on_change(target: &EventTarget) {
    if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        let value = select.value();
        match select.id().as_str() {
            "vergelijk-meting" => app().rapport.compare = Some(value),
            "perspectief-filter" => app().rapport.filter = (!value.is_empty()).then_some(value),
            "regio-soort" => return region_share::preview(),
            _ => return,
        }
        if let Active::Ok(t) = open_active() {
            render_rapport(&t);
        }
        return;
    }
    let Some(input) = target
        .dyn_ref::<HtmlInputElement>()
        .filter(|i| i.type_() == "checkbox")
    else {
        return;
    };
    let Some(n) = small_number(&input.value()) else {
        return;
    };
    let chosen = input.checked();
    if let Some(t) = change_active(|t, now| t.choose(n, chosen, now)) {
        render_rapport(&t);
    }
}

/// Why the team chose a domain.
pub(super) fn on_input(target: &EventTarget) {
    if target
        .dyn_ref::<Element>()
        .is_some_and(|e| e.id() == "regio-naam")
    {
        return region_share::preview();
    }
    let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() else {
        return;
    };
    let Some(n) = domain_of(area).filter(|_| area.has_attribute("data-field")) else {
        return;
    };
    let text = area.value();
    change_active(|t, now| t.set_reason(n, &text, now));
    set_reason_print(n, &text);
}

fn set_reason_print(n: u8, text: &str) {
    set_text(&idn("reden-tekst-", n, ""), text);
    show(&idn("reden-print-", n, ""), !text.is_empty());
}

fn render_rapport(t: &Traject) {
    // A perspective no longer in the traject shows everyone.
    let filter = app()
        .rapport
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
    invite::render_list(t);
    set_text("kolom-score", ui::score_heading(several));
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
    attr(
        "score-tabel",
        "data-deelnemers",
        if several { "meer" } else { "een" },
    );
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
        // A 1 still shows a sliver, so it never looks like no bar at all.
        let end = row.bar_end().map_or(0, |e| e.max(8));
        attr(&idn("grafiek-balk-", n, ""), "width", &end.to_string());
        let r = idn("grafiek-", n, "");
        attr(
            &r,
            "data-score",
            if row.bar_end().is_some() { "ja" } else { "nee" },
        );
        flag(&r, "data-chosen", chosen);
        flag(&r, "data-dots", several);
        set_text(&idn("keuze-score-", n, ""), &ui::score_in_brackets(&score));
        set_text(&idn("gekozen-score-", n, ""), &score);
        check(&idn("focus-keuze-", n, ""), chosen);
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
    show_chosen("keuze-lijst", "keuze-", &t.focus, false);
    show_chosen("rapport-aanbevelingen", "focus-", &t.focus, true);
    let none = t.focus.is_empty();
    show("naar-plan", !none);
    show("keuze-leeg", none);
    show("aanbevelingen-leeg", none);
    set_html("rapport-voorstel", &html::advice(&rapport, &t.focus));
    show("neem-suggestie", none && !rapport.suggestion.is_empty());
    render_comparison(t, filter.as_deref());
    set_text("focus-aantal", &ui::focus_count(t.focus.len()));
}

/// The round line, the "Vergelijk met" choice, and the earlier round's
/// scores and changes in the table and the chart.
fn render_comparison(t: &Traject, filter: Option<&str>) {
    let choice = app().rapport.compare.clone();
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
    attr(
        "score-tabel",
        "data-vergelijk",
        if earlier.is_some() { "ja" } else { "nee" },
    );
    let changes = match earlier {
        Some(i) => {
            let a = app();
            let f = filter.map_or(Filter::All, Filter::Only);
            crate::comparison::compare(t, &t.rounds[i], &a.data, f)
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
        let line = idn("grafiek-eerder-", n, "");
        let x = match change.map(|c| c.earlier) {
            Some(crate::rapport::Outcome::Scored(v)) => {
                Some((v.saturating_sub(10) * 10).to_string())
            }
            _ => None,
        };
        attr(
            &line,
            "visibility",
            if x.is_some() { "visible" } else { "hidden" },
        );
        // Hidden, it still needs a valid length.
        let x = x.unwrap_or_else(|| String::from("0"));
        attr(&line, "x1", &x);
        attr(&line, "x2", &x);
    }
}
