//! The session over a key-value store: namespacing, corrupt entries kept as
//! backups, storage that refuses writes, imports that never overwrite.

mod common;

use scorer_wasm::score::Score;
use scorer_wasm::session::{Active, Import, MemoryStore, Session, Store, prefix_for};
use scorer_wasm::traject::{Answer, Traject};

const P1: &str = scorer_wasm::traject::FIRST_PARTICIPANT;

const P: &str = "wegwijzer:/a/b/:";

fn traject(id: &str, name: &str, updated: &str) -> Traject {
    let mut t = Traject::new(id, name, updated);
    t.set_answer(
        P1,
        2,
        Answer {
            score: Some(Score::Value(6)),
            ..Answer::default()
        },
        updated,
    );
    t
}

#[test]
fn keys_are_namespaced_by_the_site_folder() {
    assert_eq!(prefix_for("/a/b/rapport.html"), "wegwijzer:/a/b/:");
    assert_eq!(prefix_for("/index.html"), "wegwijzer:/:");
    assert_eq!(
        prefix_for("/media/usb/wegwijzer/traject.html"),
        "wegwijzer:/media/usb/wegwijzer/:"
    );
    let mut store = MemoryStore::default();
    store
        .set(
            "wegwijzer:/andere/:traject:t-x",
            &traject("t-x", "Andere spiegel", "1").to_json(),
        )
        .unwrap();
    let mut s = Session::new(store, P);
    assert!(
        s.load_all(&common::data()).0.is_empty(),
        "another mirror's trajecten are not ours"
    );
    s.save(&traject("t-1", "Ons team", "2"));
    assert!(s.store().get("wegwijzer:/a/b/:traject:t-1").is_some());
}

#[test]
fn save_load_list_newest_first_rename_delete() {
    let data = common::data();
    let mut s = Session::new(MemoryStore::default(), P);
    assert!(s.save(&traject("t-1", "Eerste", "2026-01-01")));
    assert!(s.save(&traject("t-2", "Tweede", "2026-02-01")));
    let (list, corrupt) = s.load_all(&data);
    assert!(corrupt.is_empty());
    assert_eq!(
        list.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["Tweede", "Eerste"]
    );
    let mut t = s.get("t-1", &data).unwrap();
    t.rename("Eerste, hernoemd", "2026-03-01");
    s.save(&t);
    s.set_active("t-1");
    assert_eq!(s.active().as_deref(), Some("t-1"));
    assert_eq!(s.load_all(&data).0[0].name, "Eerste, hernoemd");
    s.delete("t-1");
    assert_eq!(s.active(), None, "deleting the active traject forgets it");
    assert_eq!(s.load_all(&data).0.len(), 1);
}

#[test]
fn a_corrupt_entry_is_moved_to_a_backup_and_the_rest_still_loads() {
    let data = common::data();
    let mut store = MemoryStore::default();
    store
        .set(
            &format!("{P}traject:t-1"),
            &traject("t-1", "Goed", "1").to_json(),
        )
        .unwrap();
    store
        .set(
            &format!("{P}traject:t-2"),
            "{\"formaat\": \"wegwijzer-traject\", kapot",
        )
        .unwrap();
    let mut s = Session::new(store, P);
    let (list, corrupt) = s.load_all(&data);
    assert_eq!(list.len(), 1);
    assert_eq!(corrupt.len(), 1);
    assert_eq!(corrupt[0].backup_key, format!("{P}backup:t-2:1"));
    assert_eq!(corrupt[0].raw, "{\"formaat\": \"wegwijzer-traject\", kapot");
    assert!(
        corrupt[0]
            .message
            .starts_with("Dit is geen Wegwijzer-bestand, of het is beschadigd")
    );
    assert_eq!(
        s.backups(),
        vec![(format!("{P}backup:t-2:1"), corrupt[0].raw.clone())]
    );
    assert_eq!(s.store().get(&format!("{P}traject:t-2")), None);
    // The next load is clean, and the backup stays until removed.
    assert!(s.load_all(&data).1.is_empty());
    s.remove_backup(&format!("{P}backup:t-2:1"));
    assert!(s.backups().is_empty());
}

#[test]
fn a_corrupt_entry_stays_in_place_when_no_backup_can_be_written() {
    let data = common::data();
    let mut store = MemoryStore::default();
    store
        .set(&format!("{P}traject:t-9"), "niet eens json")
        .unwrap();
    store.refuse_writes = true;
    let mut s = Session::new(store, P);
    let (_, corrupt) = s.load_all(&data);
    assert_eq!(corrupt[0].backup_key, format!("{P}traject:t-9"));
    assert_eq!(
        s.store().get(&format!("{P}traject:t-9")).as_deref(),
        Some("niet eens json")
    );
}

#[test]
fn a_damaged_active_traject_is_reported_and_left_untouched() {
    let data = common::data();
    let mut s = Session::new(MemoryStore::default(), P);
    assert_eq!(s.open_active(&data), Active::None);
    let t = traject("t-1", "Actief", "1");
    s.save(&t);
    s.set_active("t-1");
    assert_eq!(s.open_active(&data), Active::Ok(t));
    let key = format!("{P}traject:t-1");
    let mut store = s.store().clone();
    store
        .set(&key, "{\"formaat\": \"wegwijzer-traject\", kap")
        .unwrap();
    let s = Session::new(store, P);
    match s.open_active(&data) {
        Active::Damaged { raw, message } => {
            assert_eq!(raw, "{\"formaat\": \"wegwijzer-traject\", kap");
            assert!(
                message.starts_with("Dit is geen Wegwijzer-bestand"),
                "{message}"
            );
        }
        other => panic!("expected damaged, got {other:?}"),
    }
    // Reading it twice changes nothing in the store.
    let _ = s.open_active(&data);
    assert_eq!(
        s.store().get(&key).as_deref(),
        Some("{\"formaat\": \"wegwijzer-traject\", kap")
    );
    assert!(s.is_active_key(&key));
    assert!(!s.is_active_key(&format!("{P}traject:t-2")));
}

#[test]
fn a_full_store_still_lists_what_it_holds() {
    let data = common::data();
    let mut store = MemoryStore::default();
    store
        .set(
            &format!("{P}traject:t-1"),
            &traject("t-1", "Al opgeslagen", "1").to_json(),
        )
        .unwrap();
    store.refuse_writes = true;
    let mut s = Session::new(store, P);
    s.mark_failed();
    assert!(s.storage_failed());
    let (list, _) = s.load_all(&data);
    assert_eq!(list[0].name, "Al opgeslagen");
    // A new change lives on in memory, and the stored copy is unchanged.
    let mut changed = list[0].clone();
    changed.set_score(P1, 1, Some(Score::Value(4)), "2");
    assert!(!s.save(&changed));
    assert_eq!(s.get("t-1", &data).unwrap(), changed);
    assert_eq!(
        s.store().get(&format!("{P}traject:t-1")),
        Some(traject("t-1", "Al opgeslagen", "1").to_json())
    );
}

#[test]
fn when_storage_refuses_writes_trajecten_live_on_in_memory() {
    let data = common::data();
    let store = MemoryStore::refusing();
    let mut s = Session::new(store, P);
    assert!(!s.save(&traject("t-1", "In het geheugen", "1")));
    assert!(s.storage_failed());
    assert_eq!(s.get("t-1", &data).unwrap().name, "In het geheugen");
    assert_eq!(s.load_all(&data).0.len(), 1);
}

#[test]
fn an_import_never_overwrites_without_asking() {
    let data = common::data();
    let mut s = Session::new(MemoryStore::default(), P);
    let original = traject("t-1", "Origineel", "1");
    s.save(&original);
    let incoming = traject("t-1", "Uit een bestand", "2");
    match s.import(&incoming.to_json(), &data).unwrap() {
        Import::Conflict {
            incoming: i,
            existing_name,
        } => {
            assert_eq!(i.name, "Uit een bestand");
            assert_eq!(existing_name, "Origineel");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(
        s.get("t-1", &data).unwrap().name,
        "Origineel",
        "nothing replaced yet"
    );
    let fresh = traject("t-2", "Nieuw", "3");
    assert!(matches!(
        s.import(&fresh.to_json(), &data).unwrap(),
        Import::Added(_)
    ));
    assert_eq!(s.load_all(&data).0.len(), 2);
    // A malformed import changes nothing.
    assert!(s.import("{kapot", &data).is_err());
    assert_eq!(s.load_all(&data).0.len(), 2);
}

#[test]
fn clear_all_removes_only_this_sites_data() {
    let mut store = MemoryStore::default();
    store.set("wegwijzer:/andere/:traject:x", "x").unwrap();
    store.set("iets-anders", "y").unwrap();
    let mut s = Session::new(store, P);
    s.save(&traject("t-1", "Weg", "1"));
    s.set_active("t-1");
    s.clear_all();
    let mut keys = s.store().keys();
    keys.sort();
    assert_eq!(keys, ["iets-anders", "wegwijzer:/andere/:traject:x"]);
}

#[test]
fn who_scores_is_kept_per_traject_on_this_device_and_goes_with_a_delete() {
    let data = common::data();
    let mut s = Session::new(MemoryStore::default(), P);
    let (a, b) = (traject("t-a", "A", "1"), traject("t-b", "B", "1"));
    s.save(&a);
    s.save(&b);
    assert_eq!(s.participant("t-a"), None);
    s.set_participant("t-a", "p-leerling");
    s.set_participant("t-b", "p-ouder");
    assert_eq!(s.participant("t-a").as_deref(), Some("p-leerling"));
    assert_eq!(s.participant("t-b").as_deref(), Some("p-ouder"));
    // Device state, not traject data: the export is unchanged.
    assert_eq!(s.get("t-a", &data), Some(a.clone()));
    s.delete("t-a");
    assert_eq!(s.participant("t-a"), None);
    assert_eq!(s.participant("t-b").as_deref(), Some("p-ouder"));
    assert!(s.store().keys().iter().all(|k| !k.contains("t-a")));
}

#[test]
fn an_invited_participant_keeps_each_round_apart() {
    let s = Session::new(MemoryStore::default(), P);
    let first = s.invited_key("t-1", "p-2", 1);
    // Round 1 keeps the key of the time before rounds, so nothing is orphaned.
    assert_eq!(first, format!("{P}meedoen:t-1:p-2"));
    assert_eq!(
        s.invited_key("t-1", "p-2", 2),
        format!("{P}meedoen:t-1:p-2:2")
    );
    assert_ne!(
        s.invited_key("t-1", "p-2", 2),
        s.invited_key("t-1", "p-2", 3)
    );
}

/// A store that is full now and takes writes again later, as a real
/// `localStorage` does once space is freed.
fn full_store_with(entries: &[(&str, String)]) -> MemoryStore {
    let mut store = MemoryStore::default();
    for (k, v) in entries {
        store.set(k, v).unwrap();
    }
    store.refuse_writes = true;
    store
}

#[test]
fn a_traject_started_on_a_full_store_is_carried_to_the_next_page() {
    let data = common::data();
    let mut first = Session::new(full_store_with(&[]), P);
    first.mark_failed();
    let t = traject("t-vol", "Volle opslag", "2026-12-07T09:00:00.000Z");
    assert!(!first.save(&t));
    first.set_active("t-vol");
    first.set_participant("t-vol", P1);
    assert!(first.storage_failed());
    assert!(first.store().keys().is_empty(), "nothing reached the store");
    let carried = first.unsaved_json().expect("something to carry");

    // The next page: a new session over the same full store.
    let mut next = Session::new(full_store_with(&[]), P);
    assert!(next.restore_unsaved(&carried, &data));
    assert_eq!(next.active().as_deref(), Some("t-vol"));
    assert_eq!(next.participant("t-vol").as_deref(), Some(P1));
    match next.open_active(&data) {
        Active::Ok(found) => assert_eq!(found, t),
        other => panic!("expected the carried traject, got {other:?}"),
    }
    assert_eq!(next.load_all(&data).0.len(), 1);
    assert!(next.storage_failed());
}

#[test]
fn once_the_store_takes_writes_the_next_change_saves_everything_and_the_warning_goes() {
    let data = common::data();
    let kept = traject("t-1", "Al opgeslagen", "1");
    let key = format!("{P}traject:t-1");
    let mut s = Session::new(full_store_with(&[(&key, kept.to_json())]), P);
    s.mark_failed();
    let mut changed = kept.clone();
    changed.set_score(P1, 1, Some(Score::Value(4)), "2");
    assert!(!s.save(&changed));
    let new = traject("t-2", "Nieuw", "3");
    assert!(!s.save(&new));
    s.set_active("t-2");
    assert_eq!(
        s.store().get(&key),
        Some(kept.to_json()),
        "the stored copy is untouched"
    );

    s.store_mut().refuse_writes = false;
    assert!(s.storage_failed(), "nothing was written yet");
    let mut newer = new.clone();
    newer.rename("Nieuw, hernoemd", "4");
    assert!(s.save(&newer));
    assert!(!s.storage_failed());
    assert_eq!(s.unsaved_json(), None);
    assert_eq!(s.store().get(&key), Some(changed.to_json()));
    assert_eq!(
        s.store().get(&format!("{P}traject:t-2")),
        Some(newer.to_json())
    );
    assert_eq!(s.store().get(&format!("{P}actief")).as_deref(), Some("t-2"));
    assert!(s.take_copies().is_empty());
    assert_eq!(s.load_all(&data).0.len(), 2);
}

#[test]
fn a_traject_changed_in_another_tab_meanwhile_is_kept_and_this_pages_version_becomes_a_copy() {
    let data = common::data();
    let stored = traject("t-1", "Ons team", "1");
    let key = format!("{P}traject:t-1");
    let mut s = Session::new(full_store_with(&[(&key, stored.to_json())]), P);
    s.set_active("t-1");
    s.set_participant("t-1", P1);
    let mut mine = stored.clone();
    mine.set_score(P1, 3, Some(Score::Value(2)), "2");
    assert!(!s.save(&mine));

    // Space is freed, and another tab saves its own change first.
    s.store_mut().refuse_writes = false;
    let mut theirs = stored.clone();
    theirs.set_score(P1, 4, Some(Score::Value(9)), "3");
    s.store_mut().set(&key, &theirs.to_json()).unwrap();

    mine.set_score(P1, 5, Some(Score::Value(7)), "4");
    s.save(&mine);
    assert!(!s.storage_failed());
    assert_eq!(
        s.store().get(&key),
        Some(theirs.to_json()),
        "the other tab's change stays"
    );
    assert_eq!(s.take_copies(), ["Ons team (kopie)"]);
    let copy = s
        .get("t-1-kopie-1", &data)
        .expect("this page's version, as a copy");
    assert_eq!(copy.name, "Ons team (kopie)");
    assert_eq!(copy.answer(P1, 3).score, Some(Score::Value(2)));
    assert_eq!(copy.answer(P1, 5).score, Some(Score::Value(7)));
    assert_eq!(
        s.active().as_deref(),
        Some("t-1-kopie-1"),
        "this page goes on with its copy"
    );
    assert_eq!(s.participant("t-1-kopie-1").as_deref(), Some(P1));
    assert_eq!(s.load_all(&data).0.len(), 2);
}

#[test]
fn carried_state_is_hostile_until_validated() {
    let data = common::data();
    let good = traject("t-1", "Team", "1").to_json();
    let entry = |k: &str, v: &str| {
        format!(
            "[{{\"k\":{},\"v\":{},\"b\":null}}]",
            site_data::json::Value::from(k).to_json(),
            site_data::json::Value::from(v).to_json()
        )
    };
    for (what, text) in [
        ("not JSON", "wegwijzer".to_string()),
        ("not a list", "{}".to_string()),
        (
            "another mirror's key",
            entry("wegwijzer:/andere/:traject:t-1", &good),
        ),
        (
            "a key the scorer never carries",
            entry(&format!("{P}backup:t-1:1"), "x"),
        ),
        (
            "an invalid traject",
            entry(
                &format!("{P}traject:t-1"),
                "{\"formaat\":\"wegwijzer-traject\"}",
            ),
        ),
        (
            "a traject under another id",
            entry(&format!("{P}traject:t-2"), &good),
        ),
        (
            "an active id with markup",
            entry(&format!("{P}actief"), "<img src=x>"),
        ),
        (
            "a before that is not text",
            format!("[{{\"k\":\"{P}actief\",\"v\":\"t-1\",\"b\":5}}]"),
        ),
    ] {
        let mut s = Session::new(MemoryStore::default(), P);
        assert!(!s.restore_unsaved(&text, &data), "{what}");
        assert_eq!(s.unsaved_json(), None, "{what}");
    }
    let mut s = Session::new(MemoryStore::default(), P);
    assert!(s.restore_unsaved(&entry(&format!("{P}traject:t-1"), &good), &data));
    assert_eq!(s.get("t-1", &data).unwrap().name, "Team");
}
