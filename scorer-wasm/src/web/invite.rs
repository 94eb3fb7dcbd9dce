//! Invitations, made per participant from the list of participants on the
//! scoring page and the rapport: never for whoever this device scores as.
//! In the builds of those two pages.

use super::*;
use crate::html;

/// What the invitation box keeps between events.
#[derive(Default)]
pub(super) struct State {
    /// The invitation last made, for its file.
    invitation: Option<Invitation>,
}

/// A click on one of the invitation actions; `false` when it is none.
pub(super) fn on_click(action: &str, el: &Element) -> bool {
    match action {
        "invite-participant" => {
            let id = el.get_attribute("data-id").unwrap_or_default();
            invite(&id);
        }
        "invite-file" => {
            let inv = app().invite.invitation.clone();
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
        _ => return false,
    }
    true
}

/// The participants' list with an invitation button each.
pub(super) fn render_list(t: &Traject) {
    set_html("deelnemer-lijst", &html::participant_rows(t));
    show("deelnemers", t.participants.len() > 1);
}

/// An invitation for participant `id` of the active traject, for the
/// current round. Whoever is invited scores on their own device: if this
/// device scored as them, it no longer does, and the scoring page asks.
pub(super) fn invite(id: &str) {
    let Active::Ok(t) = open_active() else { return };
    let Some(p) = t.participant(id) else { return };
    let mut p = p.clone();
    p.answers = Default::default();
    let scored_here = {
        let a = &mut *app();
        let here = a.session.participant(&t.id).as_deref() == Some(id);
        if here {
            a.session.clear_participant(&t.id);
        }
        here
    };
    let label = html::participant_text(&p);
    show_invitation(Invitation {
        traject_id: t.id.clone(),
        traject_name: t.name.clone(),
        participant: p,
        round: t.rounds.len() + 1,
    });
    if scored_here {
        announce(&ui::invited_elsewhere(&label));
    }
}

fn on_file_page() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

/// Fills a link block from the `share_link` macro; from file:// a link
/// only works on this computer, so the block says to use the file.
pub(super) fn offer_link(id: &str, url: &str) {
    let local = on_file_page();
    if let Some(input) = by_id(id).and_then(|i| i.dyn_into::<HtmlInputElement>().ok()) {
        input.set_value(if local { "" } else { url });
    }
    show(&(String::from(id) + "-blok"), !local);
    show(&(String::from(id) + "-lokaal"), local);
}

pub(super) fn show_invitation(inv: Invitation) {
    let url = site_page(&(String::from("meedoen.html#") + &inv.to_fragment()));
    set_text("uitnodiging-wie", &html::participant_text(&inv.participant));
    offer_link("uitnodiging-link", &url);
    show("uitnodiging", true);
    app().invite.invitation = Some(inv);
    focus("uitnodiging-kop");
}
