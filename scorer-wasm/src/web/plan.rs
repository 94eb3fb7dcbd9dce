//! plan.html: the plan van aanpak for the chosen domains: each
//! aanbeveling's status, the interventions weighed, and the actions. Only
//! in the coordinator's build.

use super::coordinator::{download_csv, export_json, show_chosen};
use super::*;
use crate::html;
use crate::plan::Field;
use crate::rapport::Rapport;
use crate::text::plan as plan_msg;
use web_sys::{EventTarget, HtmlTextAreaElement};

/// What the plan keeps between events.
#[derive(Default)]
pub(super) struct State {
    /// A domain's action (0-based) waiting for "Verwijderen".
    pending_action: Option<(u8, usize)>,
}

pub(super) fn render() {
    if let Some(t) = active_or_notice() {
        render_plan(&t);
    }
}

pub(super) fn on_click(action: &str, el: &Element) {
    match action {
        "add-action" => {
            let Some(n) = domain_of(el).filter(|n| app().data.domain(*n).is_some()) else {
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
                domain_of(el),
                el.get_attribute("data-k").and_then(|k| small_number(&k)),
            ) else {
                return;
            };
            let k = usize::from(k.max(1)) - 1;
            let action = active().and_then(|t| t.plan.action(n, k).cloned());
            let Some(action) = action else { return };
            app().plan.pending_action = Some((n, k));
            if action.is_empty() {
                remove_action();
            } else {
                set_text("dialoog-actie-nummer", &(k + 1).to_string());
                set_text("dialoog-actie-wat", &action.what);
                open_dialog("dialoog-actie-weg");
            }
        }
        "remove-action-confirmed" => remove_action(),
        "export-actions" => {
            if let Some(t) = active() {
                let csv = crate::csv::actions(&t, &app().data);
                download_csv(&(t.name.clone() + plan_msg::ACTIONS_FILE), &csv);
            }
        }
        "export-json" => export_json(el),
        _ => {}
    }
}

/// The plan's ticks and choices; typed text comes as "input".
pub(super) fn on_change(target: &EventTarget) {
    let Some(input) = target
        .dyn_ref::<HtmlInputElement>()
        .filter(|i| i.has_attribute("data-plan"))
    else {
        return;
    };
    let value = match input.type_().as_str() {
        "checkbox" if input.checked() => input.value(),
        "checkbox" => String::new(),
        "radio" => input.value(),
        _ => return,
    };
    plan_change(input, &value);
}

/// The plan's text fields.
pub(super) fn on_input(target: &EventTarget) {
    if let Some(input) = target.dyn_ref::<HtmlInputElement>()
        && input.type_() == "text"
    {
        plan_change(input, &input.value());
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>()
        && area.has_attribute("data-plan")
    {
        plan_change(area, &area.value());
    }
}

fn render_plan(t: &Traject) {
    let rapport = {
        let a = app();
        Rapport::new(t, &a.data)
    };
    show_chosen("plan-domeinen", "plan-", &t.focus, true);
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
            // At once, even in a fill: `plan_values` fills these fields next.
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
    let Some((n, k)) = app().plan.pending_action.take() else {
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
