//! Keeps trajecten in a key-value store (`localStorage` in the browser, a
//! map in tests). A corrupt entry is moved to a backup key, never dropped;
//! when the store refuses writes, they wait in memory ([`Unsaved`]), are
//! carried from page to page by the browser layer, and reach the store with
//! the next change it takes.

use crate::json_fields::obj;
use crate::text::ui;
use crate::traject::{MAX_FILE_BYTES, Traject, valid_id};
use site_data::SiteData;
use site_data::json::{self, Value};

/// The store refused a write: full, or switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused;

pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    /// `Err` when the store is full or disabled.
    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// A store in memory: for tests, and when `localStorage` is unavailable.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    /// In insertion order; a vector keeps the WebAssembly small.
    entries: Vec<(String, String)>,
    /// Makes every write fail, like a full or disabled `localStorage`.
    pub refuse_writes: bool,
}

impl MemoryStore {
    /// A store whose every write fails, like a full or disabled `localStorage`.
    pub fn refusing() -> Self {
        MemoryStore {
            refuse_writes: true,
            ..MemoryStore::default()
        }
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        if self.refuse_writes {
            return Err(Refused);
        }
        match self.entries.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value.to_string(),
            None => self.entries.push((key.to_string(), value.to_string())),
        }
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.entries.retain(|(k, _)| k != key);
    }
    fn keys(&self) -> Vec<String> {
        self.entries.iter().map(|(k, _)| k.clone()).collect()
    }
}

/// A stored entry that did not load, and where its text is kept now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrupt {
    pub backup_key: String,
    pub message: String,
    pub raw: String,
}

/// An unreadable stored text as the traject page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Where it is kept: a backup key, or its own key while the store
    /// refuses to move it.
    pub key: String,
    /// What it concerns: the traject's name if that can still be read,
    /// else its id.
    pub about: String,
    /// Why it cannot be read.
    pub message: String,
    /// Kept apart as a backup, so it can be removed.
    pub removable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Import {
    Added(Traject),
    /// A traject with this id exists: the page must ask before replacing it.
    Conflict {
        incoming: Traject,
        /// The name of the traject already here, for the question.
        existing_name: String,
    },
}

/// The traject the pages work on, as far as it can be read.
// Returned and matched at once, never stored in bulk: a Box would only add
// an allocation and code to every match.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Active {
    None,
    Ok(Traject),
    /// Stored, but unreadable: the text stays where it is, untouched.
    Damaged {
        raw: String,
        message: String,
    },
}

/// A write the store refused, waiting until it takes one.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Unsaved {
    key: String,
    value: String,
    /// What the store held under `key` at the first refusal: if that has
    /// changed by the time the store takes writes again, another tab wrote
    /// there, and a traject is kept as a copy instead of overwriting it.
    before: Option<String>,
}

pub struct Session<S: Store> {
    store: S,
    prefix: String,
    /// Writes the store refused, in order; reads see them first.
    unsaved: Vec<Unsaved>,
    /// The store refused the boot probe and has taken no write since.
    probe_failed: bool,
    /// Names of trajecten kept as a copy when the store took writes again.
    copies: Vec<String>,
}

/// `wegwijzer:/scholen/wegwijzer/:` for a page at `/scholen/wegwijzer/rapport.html`:
/// the site's folder, so two mirrors on one host keep their own trajecten.
pub fn prefix_for(page_path: &str) -> String {
    let dir = match page_path.bytes().rposition(|b| b == b'/') {
        Some(i) => &page_path[..=i],
        None => "/",
    };
    format!("wegwijzer:{dir}:")
}

impl<S: Store> Session<S> {
    pub fn new(store: S, prefix: &str) -> Self {
        Session {
            store,
            prefix: prefix.to_string(),
            unsaved: Vec::new(),
            probe_failed: false,
            copies: Vec::new(),
        }
    }

    /// Whether something is not in the store: a change it refused, or a
    /// store found full before any change. False again once it takes them.
    pub fn storage_failed(&self) -> bool {
        self.probe_failed || !self.unsaved.is_empty()
    }

    /// The store was found refusing writes before any save (e.g. full).
    pub fn mark_failed(&mut self) {
        self.probe_failed = true;
    }

    /// The keys' namespace: this site's folder.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut S {
        &mut self.store
    }

    /// Names of trajecten kept as a copy since the last call (see [`Unsaved`]).
    pub fn take_copies(&mut self) -> Vec<String> {
        std::mem::take(&mut self.copies)
    }

    /// What waits for the store, as JSON for the page after this one;
    /// `None` when everything is stored.
    pub fn unsaved_json(&self) -> Option<String> {
        if self.unsaved.is_empty() {
            return None;
        }
        let entries = self
            .unsaved
            .iter()
            .map(|u| {
                obj(vec![
                    ("k", Value::from(u.key.as_str())),
                    ("v", Value::from(u.value.as_str())),
                    ("b", u.before.as_deref().map_or(Value::Null, Value::from)),
                ])
            })
            .collect();
        Some(Value::Array(entries).to_json())
    }

    /// Takes back what [`Session::unsaved_json`] gave the previous page.
    /// Hostile until proven otherwise (`window.name` can be set by any site
    /// before it sends the browser here): only this site's keys, and every
    /// traject validated as an import is. Anything else is ignored whole.
    pub fn restore_unsaved(&mut self, text: &str, data: &SiteData) -> bool {
        let Some(entries) = self.parse_unsaved(text, data) else {
            return false;
        };
        for u in entries {
            self.unsaved.retain(|e| e.key != u.key);
            self.unsaved.push(u);
        }
        true
    }

    fn parse_unsaved(&self, text: &str, data: &SiteData) -> Option<Vec<Unsaved>> {
        // The store's whole quota is the most there can be to carry.
        if text.len() > 10 * MAX_FILE_BYTES {
            return None;
        }
        let value = json::parse(text).ok()?;
        let mut out = Vec::new();
        for e in value.as_array()? {
            let key = e.get("k")?.as_str()?;
            let v = e.get("v")?.as_str()?;
            let before = match e.get("b")? {
                Value::Null => None,
                b => Some(b.as_str()?.to_string()),
            };
            let rest = key.strip_prefix(&self.prefix)?;
            if let Some(id) = rest.strip_prefix("traject:") {
                let t = Traject::from_json(v, data).ok()?;
                if t.id != id {
                    return None;
                }
            } else if !(rest == "actief" && valid_id(v)
                || rest.starts_with("deelnemer:") && valid_id(v))
            {
                return None;
            }
            out.push(Unsaved {
                key: key.to_string(),
                value: v.to_string(),
                before,
            });
        }
        Some(out)
    }

    fn traject_key(&self, id: &str) -> String {
        format!("{}traject:{id}", self.prefix)
    }

    fn active_key(&self) -> String {
        format!("{}actief", self.prefix)
    }

    fn participant_key(&self, traject: &str) -> String {
        format!("{}deelnemer:{traject}", self.prefix)
    }

    /// Who scores on this device in a traject: its own choice, not part of
    /// the traject, so two laptops in one meeting each keep their own.
    pub fn participant(&self, traject: &str) -> Option<String> {
        self.read(&self.participant_key(traject))
    }

    pub fn set_participant(&mut self, traject: &str, participant: &str) {
        let key = self.participant_key(traject);
        self.set(&key, participant);
    }

    /// Forgets who scores on this device, so the scoring page asks again
    /// (a new round, or the one scoring here was invited elsewhere).
    pub fn clear_participant(&mut self, traject: &str) {
        let key = self.participant_key(traject);
        self.forget(&key);
    }

    /// Where an invited participant's answers live on their device: apart
    /// from the trajecten, so the coordinator's own copy on the same device
    /// is never touched, and the traject list never shows them.
    /// Where an invited participant's own answers are kept on their device:
    /// one place per round, so a later round starts afresh.
    pub fn invited_key(&self, traject: &str, participant: &str, round: usize) -> String {
        let key = format!("{}meedoen:{traject}:{participant}", self.prefix);
        if round > 1 {
            key + ":" + &round.to_string()
        } else {
            key
        }
    }

    /// The round an [`Session::invited_key`] is for.
    pub fn invited_round(&self, key: &str) -> usize {
        let rest = key.strip_prefix(&self.prefix).unwrap_or(key);
        rest.split(':')
            .nth(3)
            .and_then(|r| r.parse().ok())
            .unwrap_or(1)
    }

    /// The invitation opened last on this device.
    pub fn last_invited(&self) -> Option<String> {
        self.read(&format!("{}meedoen-actief", self.prefix))
    }

    pub fn set_last_invited(&mut self, key: &str) {
        let k = format!("{}meedoen-actief", self.prefix);
        self.set(&k, key);
    }

    /// A traject kept under `key` (from [`Session::invited_key`]).
    pub fn open_key(&self, key: &str, data: &SiteData) -> Active {
        if !key.starts_with(&self.prefix) {
            return Active::None;
        }
        match self.read(key) {
            None => Active::None,
            Some(raw) => match Traject::from_json(&raw, data) {
                Ok(t) => Active::Ok(t),
                Err(message) => Active::Damaged { raw, message },
            },
        }
    }

    pub fn save_key(&mut self, key: &str, t: &Traject) -> bool {
        self.set(key, &t.to_json())
    }

    fn backup_prefix(&self) -> String {
        format!("{}backup:", self.prefix)
    }

    /// What is kept under `key`: a write waiting for the store first.
    fn read(&self, key: &str) -> Option<String> {
        match self.unsaved.iter().find(|u| u.key == key) {
            Some(u) => Some(u.value.clone()),
            None => self.store.get(key),
        }
    }

    /// Every key, the stored ones and those waiting for the store.
    fn all_keys(&self) -> Vec<String> {
        let mut keys = self.store.keys();
        for u in &self.unsaved {
            if !keys.contains(&u.key) {
                keys.push(u.key.clone());
            }
        }
        keys
    }

    fn forget(&mut self, key: &str) {
        self.unsaved.retain(|u| u.key != key);
        self.store.remove(key);
    }

    /// Writes `value`, or keeps it waiting when the store refuses. Each
    /// write first hands the store what waits, in order. Returns whether
    /// `key` reached the store.
    fn set(&mut self, key: &str, value: &str) -> bool {
        match self.unsaved.iter_mut().find(|u| u.key == key) {
            Some(u) => u.value = value.to_string(),
            None => {
                if self.unsaved.is_empty() && self.store.set(key, value).is_ok() {
                    self.probe_failed = false;
                    return true;
                }
                let before = self.store.get(key);
                self.unsaved.push(Unsaved {
                    key: key.to_string(),
                    value: value.to_string(),
                    before,
                });
            }
        }
        self.flush();
        !self.unsaved.iter().any(|u| u.key == key)
    }

    /// Hands the store what waits, in order, until it refuses one.
    fn flush(&mut self) {
        let trajecten = format!("{}traject:", self.prefix);
        while let Some(u) = self.unsaved.first().cloned() {
            let now = self.store.get(&u.key);
            let changed_elsewhere = now.is_some() && now != u.before;
            let written = match u.key.strip_prefix(&trajecten) {
                Some(id) if changed_elsewhere => self.keep_as_copy(id, &u.value),
                _ => self.store.set(&u.key, &u.value).is_ok(),
            };
            if !written {
                return;
            }
            self.unsaved.remove(0);
            self.probe_failed = false;
        }
    }

    /// Another tab changed the stored traject `id` while this page kept its
    /// own version: both stay, this page's as a copy, which this page goes
    /// on with (the active traject and who scores follow it).
    fn keep_as_copy(&mut self, id: &str, value: &str) -> bool {
        let copy = self.free_copy_id(id);
        // Edited as JSON: written by this scorer, so no site data is needed
        // to read it again; the name keeps at most its usual length.
        let Ok(Value::Object(mut fields)) = json::parse(value) else {
            let key = self.free_backup_key(id);
            return self.store.set(&key, value).is_ok();
        };
        let mut name = String::new();
        for (k, v) in &mut fields {
            match k.as_str() {
                "id" => *v = Value::from(copy.as_str()),
                "naam" => {
                    let old: String = v
                        .as_str()
                        .unwrap_or_default()
                        .chars()
                        .take(crate::traject::MAX_NAME - ui::COPY_SUFFIX.chars().count())
                        .collect();
                    name = old + ui::COPY_SUFFIX;
                    *v = Value::from(name.as_str());
                }
                _ => {}
            }
        }
        let text = Value::Object(fields).to_json_pretty();
        if self.store.set(&self.traject_key(&copy), &text).is_err() {
            return false;
        }
        let active = self.active_key();
        let participant = self.participant_key(id);
        for u in &mut self.unsaved {
            if u.key == active && u.value == id {
                u.value = copy.clone();
            } else if u.key == participant {
                u.key = format!("{}deelnemer:{copy}", self.prefix);
            }
        }
        // Already written ahead of the traject: follow the copy too.
        if self.store.get(&active).as_deref() == Some(id) {
            let _ = self.store.set(&active, &copy);
        }
        if let Some(who) = self.store.get(&participant) {
            let _ = self.store.set(&self.participant_key(&copy), &who);
        }
        self.copies.push(name);
        true
    }

    fn free_copy_id(&self, id: &str) -> String {
        let base: String = id.chars().take(crate::traject::MAX_ID - 10).collect();
        let mut n = 1;
        loop {
            let copy = format!("{base}-kopie-{n}");
            if self.read(&self.traject_key(&copy)).is_none() {
                return copy;
            }
            n += 1;
        }
    }

    /// Every traject, newest change first. Corrupt entries are moved to a
    /// backup key (or left in place if even that fails) and reported.
    pub fn load_all(&mut self, data: &SiteData) -> (Vec<Traject>, Vec<Corrupt>) {
        let mut found: Vec<Traject> = Vec::new();
        let mut corrupt = Vec::new();
        let trajecten = format!("{}traject:", self.prefix);
        for key in self.all_keys() {
            if !key.starts_with(&trajecten) {
                continue;
            }
            let Some(raw) = self.read(&key) else {
                continue;
            };
            match Traject::from_json(&raw, data) {
                Ok(t) => found.push(t),
                Err(message) => {
                    // Moved only when the store takes the backup at once:
                    // nothing is dropped while it refuses writes.
                    let backup_key = self.free_backup_key(&key[trajecten.len()..]);
                    let kept =
                        if self.unsaved.is_empty() && self.store.set(&backup_key, &raw).is_ok() {
                            self.forget(&key);
                            backup_key
                        } else {
                            key.clone()
                        };
                    corrupt.push(Corrupt {
                        backup_key: kept,
                        message,
                        raw,
                    });
                }
            }
        }
        crate::sort_small(&mut found, |a, b| {
            (&b.updated, &a.name) < (&a.updated, &b.name)
        });
        (found, corrupt)
    }

    fn free_backup_key(&self, id: &str) -> String {
        // The id is shown only escaped, so it needs no cleaning here.
        let base = format!("{}{id}", self.backup_prefix());
        let mut n = 1;
        loop {
            let key = format!("{base}:{n}");
            if self.read(&key).is_none() {
                return key;
            }
            n += 1;
        }
    }

    /// Backups of corrupt entries, to offer as downloads: (key, raw text).
    pub fn backups(&self) -> Vec<(String, String)> {
        let prefix = self.backup_prefix();
        self.store
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .filter_map(|k| self.store.get(&k).map(|v| (k, v)))
            .collect()
    }

    /// Every unreadable text: the backups, and those just `found` that the
    /// store would not let move.
    pub fn unreadable(&self, found: &[Corrupt], data: &SiteData) -> Vec<Unreadable> {
        let trajecten = format!("{}traject:", self.prefix);
        let backup = self.backup_prefix();
        let mut out = Vec::new();
        let left: Vec<(String, String)> = found
            .iter()
            .filter(|c| c.backup_key.starts_with(&trajecten))
            .map(|c| (c.backup_key.clone(), c.raw.clone()))
            .collect();
        for (key, raw) in self.backups().into_iter().chain(left) {
            let id = key
                .strip_prefix(&backup)
                .map(|rest| rest.rsplit_once(':').map_or(rest, |(id, _)| id))
                .or_else(|| key.strip_prefix(&trajecten))
                .unwrap_or_default();
            let name = json::parse(&raw)
                .ok()
                .and_then(|v| v.get("naam").and_then(Value::as_str).map(String::from))
                .filter(|n| !n.trim().is_empty());
            out.push(Unreadable {
                about: name.map_or_else(
                    || ui::unreadable_id(id),
                    |n| ui::unreadable_name(&crate::text::import::shorten(&n)),
                ),
                message: Traject::from_json(&raw, data).err().unwrap_or_default(),
                removable: key.starts_with(&backup),
                key,
            });
        }
        out
    }

    /// An unreadable text by its key, for its download.
    pub fn unreadable_text(&self, key: &str) -> Option<String> {
        let trajecten = format!("{}traject:", self.prefix);
        (key.starts_with(&self.backup_prefix()) || key.starts_with(&trajecten))
            .then(|| self.read(key))
            .flatten()
    }

    pub fn remove_backup(&mut self, key: &str) {
        if key.starts_with(&self.backup_prefix()) {
            self.store.remove(key);
        }
    }

    pub fn get(&self, id: &str, data: &SiteData) -> Option<Traject> {
        let raw = self.read(&self.traject_key(id))?;
        Traject::from_json(&raw, data).ok()
    }

    /// Saves to the store, or keeps it waiting when the store refuses.
    /// Returns whether it reached the store.
    pub fn save(&mut self, t: &Traject) -> bool {
        let key = self.traject_key(&t.id);
        self.set(&key, &t.to_json())
    }

    pub fn delete(&mut self, id: &str) {
        let key = self.traject_key(id);
        self.forget(&key);
        let key = self.participant_key(id);
        self.forget(&key);
        if self.active().as_deref() == Some(id) {
            let key = self.active_key();
            self.forget(&key);
        }
    }

    /// Removes everything this site keeps on this device, backups included.
    pub fn clear_all(&mut self) {
        for key in self.store.keys() {
            if key.starts_with(&self.prefix) {
                self.store.remove(&key);
            }
        }
        self.unsaved.clear();
    }

    pub fn active(&self) -> Option<String> {
        self.read(&self.active_key())
    }

    /// The active traject, read fresh from the store: another tab may have
    /// changed it since this page last looked.
    pub fn open_active(&self, data: &SiteData) -> Active {
        let Some(id) = self.active() else {
            return Active::None;
        };
        let Some(raw) = self.read(&self.traject_key(&id)) else {
            return Active::None;
        };
        match Traject::from_json(&raw, data) {
            Ok(t) => Active::Ok(t),
            Err(message) => Active::Damaged { raw, message },
        }
    }

    /// Whether `key` (from a `storage` event) is this session's active traject.
    pub fn is_active_key(&self, key: &str) -> bool {
        self.active()
            .is_some_and(|id| key == self.traject_key(&id) || key == self.active_key())
    }

    pub fn set_active(&mut self, id: &str) {
        let key = self.active_key();
        self.set(&key, id);
    }

    /// Validates a file; never replaces an existing traject by itself.
    pub fn import(&mut self, text: &str, data: &SiteData) -> Result<Import, String> {
        let incoming = Traject::from_json(text, data)?;
        match self.get(&incoming.id, data) {
            Some(existing) => Ok(Import::Conflict {
                incoming,
                existing_name: existing.name,
            }),
            None => {
                self.save(&incoming);
                Ok(Import::Added(incoming))
            }
        }
    }
}
