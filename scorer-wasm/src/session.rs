//! Keeps trajecten in a key-value store (`localStorage` in the browser, a
//! map in tests). A corrupt entry is moved to a backup key, never dropped;
//! when the store refuses writes, trajecten live on in memory.

use crate::traject::Traject;
use site_data::SiteData;

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

pub struct Session<S: Store> {
    store: S,
    prefix: String,
    /// Trajecten the store refused to save.
    memory: Vec<Traject>,
    storage_failed: bool,
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
            memory: Vec::new(),
            storage_failed: false,
        }
    }

    pub fn storage_failed(&self) -> bool {
        self.storage_failed
    }

    /// The store was found refusing writes before any save (e.g. full).
    pub fn mark_failed(&mut self) {
        self.storage_failed = true;
    }

    pub fn store(&self) -> &S {
        &self.store
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
        self.store.get(&self.participant_key(traject))
    }

    pub fn set_participant(&mut self, traject: &str, participant: &str) {
        let key = self.participant_key(traject);
        self.set(&key, participant);
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
        self.store.get(&format!("{}meedoen-actief", self.prefix))
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
        match self.store.get(key) {
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

    fn set(&mut self, key: &str, value: &str) -> bool {
        let ok = self.store.set(key, value).is_ok();
        if !ok {
            self.storage_failed = true;
        }
        ok
    }

    /// Every traject, newest change first. Corrupt entries are moved to a
    /// backup key (or left in place if even that fails) and reported.
    pub fn load_all(&mut self, data: &SiteData) -> (Vec<Traject>, Vec<Corrupt>) {
        let mut found: Vec<Traject> = Vec::new();
        let mut corrupt = Vec::new();
        let trajecten = format!("{}traject:", self.prefix);
        for key in self.store.keys() {
            if !key.starts_with(&trajecten) {
                continue;
            }
            let Some(raw) = self.store.get(&key) else {
                continue;
            };
            match Traject::from_json(&raw, data) {
                Ok(t) => found.push(t),
                Err(message) => {
                    let backup_key = self.free_backup_key(&key[trajecten.len()..]);
                    let kept = if self.set(&backup_key, &raw) {
                        self.store.remove(&key);
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
        for t in &self.memory {
            found.retain(|f| f.id != t.id);
            found.push(t.clone());
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
            if self.store.get(&key).is_none() {
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

    pub fn remove_backup(&mut self, key: &str) {
        if key.starts_with(&self.backup_prefix()) {
            self.store.remove(key);
        }
    }

    pub fn get(&self, id: &str, data: &SiteData) -> Option<Traject> {
        if let Some(t) = self.memory.iter().find(|t| t.id == id) {
            return Some(t.clone());
        }
        let raw = self.store.get(&self.traject_key(id))?;
        Traject::from_json(&raw, data).ok()
    }

    /// Saves to the store, or keeps it in memory when the store refuses.
    /// Returns whether it reached the store.
    pub fn save(&mut self, t: &Traject) -> bool {
        let key = self.traject_key(&t.id);
        self.memory.retain(|m| m.id != t.id);
        if self.set(&key, &t.to_json()) {
            true
        } else {
            self.memory.push(t.clone());
            false
        }
    }

    pub fn delete(&mut self, id: &str) {
        let key = self.traject_key(id);
        self.store.remove(&key);
        let key = self.participant_key(id);
        self.store.remove(&key);
        self.memory.retain(|m| m.id != id);
        if self.active().as_deref() == Some(id) {
            let key = self.active_key();
            self.store.remove(&key);
        }
    }

    /// Removes everything this site keeps on this device, backups included.
    pub fn clear_all(&mut self) {
        for key in self.store.keys() {
            if key.starts_with(&self.prefix) {
                self.store.remove(&key);
            }
        }
        self.memory.clear();
    }

    pub fn active(&self) -> Option<String> {
        self.store.get(&self.active_key())
    }

    /// The active traject, read fresh from the store: another tab may have
    /// changed it since this page last looked.
    pub fn open_active(&self, data: &SiteData) -> Active {
        let Some(id) = self.active() else {
            return Active::None;
        };
        if let Some(t) = self.memory.iter().find(|t| t.id == id) {
            return Active::Ok(t.clone());
        }
        let Some(raw) = self.store.get(&self.traject_key(&id)) else {
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
