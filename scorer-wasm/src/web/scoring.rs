//! The scoring pages: scoren.html, where a team scores (and adds and
//! invites participants), and meedoen.html, where an invited participant
//! scores and sends the answers back. Every build of the scorer has these.

use super::*;
use crate::html;
use crate::score::Score;
use crate::share::Reply;
use crate::text::label;
use crate::traject::{Note, Participant, Perspective};
use web_sys::{EventTarget, HtmlSelectElement, HtmlTextAreaElement};

/// What the scoring pages keep between events.
#[derive(Default)]
pub(super) struct State {
    /// The participant dialog makes an invitation rather than a scorer.
    inviting: bool,
}

/// A click on an element with one of these pages' `data-action`s.
pub(super) fn on_click(action: &str, el: &Element) {
    if invite::on_click(action, el) {
        if let Active::Ok(t) = open_active() {
            init_scoring(&t);
        }
        return;
    }
    match action {
        "prev" | "next" => step_domain(if action == "next" { 1 } else { -1 }),
        "add-participant" | "invite-open" => {
            let inviting = action == "invite-open";
            app().scoring.inviting = inviting;
            show("deelnemer-scoren", !inviting);
            show("deelnemer-uitnodigen", inviting);
            show("deelnemer-anders-fout", false);
            open_dialog("dialoog-deelnemer");
        }
        "who-scores" => {
            let id = by_id("wie-scoort-keuze")
                .and_then(|s| s.dyn_into::<HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            score_as(&id);
            focus("domein-positie");
        }
        "remove-participant" => {
            let Active::Ok(t) = open_active() else {
                return;
            };
            let Some(p) = who(&t).and_then(|id| t.participant(&id)) else {
                return;
            };
            set_text("dialoog-weg-naam", &html::participant_text(p));
            open_dialog("dialoog-deelnemer-weg");
        }
        "remove-participant-confirmed" => {
            let mut gone = String::new();
            let t = change_active(|t, now| {
                let Some(id) = who(t) else { return };
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
        "reply-link" | "reply-file" => send_back(action == "reply-link"),
        _ => {}
    }
}

/// A score chosen, or the participant who scores on this device.
pub(super) fn on_change(target: &EventTarget) {
    if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        if select.id() == "deelnemer-keuze" {
            score_as(&select.value());
        }
        return;
    }
    let Some(input) = target
        .dyn_ref::<HtmlInputElement>()
        .filter(|i| i.type_() == "radio")
    else {
        return;
    };
    let Some(n) = domain_of(input) else {
        return;
    };
    let score = match input.value().as_str() {
        "weet-niet" => Some(Score::DontKnow),
        v => v.parse::<i64>().ok().and_then(|v| Score::new(v).ok()),
    };
    if let Some(t) = change_active(|t, now| {
        if let Some(who) = who(t) {
            t.set_score(&who, n, score, now);
        }
    }) {
        update_progress(&t);
    }
}

/// A note typed in a domain's "gaat goed" or "aandacht" field.
pub(super) fn on_input(target: &EventTarget) {
    let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() else {
        return;
    };
    let which = match area.get_attribute("data-field").as_deref() {
        Some("goed") => Note::GoingWell,
        Some("aandacht") => Note::Attention,
        _ => return,
    };
    let Some(n) = domain_of(area) else {
        return;
    };
    let text = area.value();
    change_active(|t, now| {
        if let Some(who) = who(t) {
            t.set_note(&who, n, which, &text, now);
        }
    });
}

/// An invitation chosen as a file on meedoen.html.
pub(super) fn open_invitation_file(text: &str) {
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
}

// ---- Scoring ------------------------------------------------------------

/// The participant this device scores as in `t`: its own choice, or the
/// only participant. `None` when several could be meant: the page asks
/// (after a new round, or once the one scoring here was invited).
fn who(t: &Traject) -> Option<String> {
    let a = app();
    if a.invited.is_some() || t.participants.len() == 1 {
        return Some(t.participants[0].id.clone());
    }
    a.session
        .participant(&t.id)
        .filter(|id| t.participant(id).is_some())
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
pub(super) fn add_participant(form: &Element) {
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
    let inviting = app().scoring.inviting;
    let invited = p.clone();
    let mut refused = None;
    let mut scoring_here = None;
    let Some(t) = change_active(|t, now| {
        // The one scoring here stays so once a second participant comes.
        scoring_here = who(t);
        refused = t.add_participant(p, now).err();
    }) else {
        return;
    };
    if let Some(here) = scoring_here {
        app().session.set_participant(&t.id, &here);
    }
    close_dialog("dialoog-deelnemer");
    if let Some(message) = refused {
        announce(&message);
        return;
    }
    name.set_value("");
    other.set_value("");
    if inviting {
        invite::invite(&invited.id);
        init_scoring(&t);
        return;
    }
    app().session.set_participant(&t.id, &id);
    score_as(&id);
}

// ---- Invitations and answers sent back --------------------------------

/// meedoen.html: the invitation in the link, else the last one opened here.
pub(super) fn meedoen_page() {
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
    // Without an invitation this page has nothing to show: never the
    // coordinator's own traject that this device may also hold.
    if app().invited.is_none() {
        show("geen-uitnodiging", true);
        show("app", false);
        return;
    }
    match open_active() {
        Active::Ok(t) => {
            app().shown = Some(t.updated.clone());
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
            plan: crate::plan::Keep::empty(),
            region_id: String::new(),
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
                invite::offer_link(
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

pub(super) fn init_scoring(t: &Traject) {
    // The field being typed in keeps its text and caret.
    let typing = doc().active_element();
    let chosen = who(t);
    // Several participants and none chosen here: ask before anything is kept.
    show("wie-scoort", chosen.is_none());
    show("scoren-domeinen", chosen.is_some());
    set_html(
        "wie-scoort-keuze",
        &html::participant_options(t, chosen.as_deref().unwrap_or_default()),
    );
    let p = t.participant_or_first(chosen.as_deref().unwrap_or_default());
    set_html("deelnemer-keuze", &html::participant_options(t, &p.id));
    show("deelnemer-keuze-blok", chosen.is_some());
    // The last participant cannot be removed.
    show(
        "deelnemer-weg",
        t.participants.len() > 1 && chosen.is_some(),
    );
    if app().invited.is_none() {
        invite::render_list(t);
    }
    show_words(&p.perspective);
    let numbers: Vec<u8> = app().data.numbers();
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
    let p = t.participant_or_first(&who(t).unwrap_or_default());
    set_text("voortgang", &label::progress(p.scored_count(), total));
    for n in 1..=total as u8 {
        let done = p.answer(n).score.is_some();
        attr(
            &idn("stap-", n, ""),
            "data-done",
            if done { "ja" } else { "nee" },
        );
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
pub(super) fn show_domain_from_hash(move_focus: bool) {
    let current = current_domain();
    let changed = by_id(&idn("domein-", current, "")).is_some_and(|s| s.has_attribute("hidden"));
    for s in all(".score-domain") {
        set_hidden(&s, domain_of(&s) != Some(current));
    }
    for n in 1..=total() as u8 {
        let link = idn("stap-", n, "");
        if n == current {
            attr(&link, "aria-current", "step");
        } else {
            flag(&link, "aria-current", false);
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
