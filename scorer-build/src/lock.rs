//! One build of the scorer at a time per target dir. Every module's build
//! writes the same cargo output and the same wasm-bindgen staging folder,
//! so two runs at once (two terminals, a test and a serve) could hand one
//! module's code to another's files. The lock is an OS file lock: it goes
//! with the process, also when that is killed.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// Held for a whole run; dropping it lets the next run go.
#[derive(Debug)]
pub struct BuildLock {
    _file: File,
}

impl BuildLock {
    /// The lock, or `None` while another run holds it.
    pub fn try_acquire(path: &Path) -> Result<Option<Self>, String> {
        let file = open(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Self { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(format!("cannot lock {}: {e}", path.display())),
        }
    }

    /// The lock, waiting (and saying so once) while another run holds it.
    pub fn acquire(path: &Path) -> Result<Self, String> {
        if let Some(lock) = Self::try_acquire(path)? {
            return Ok(lock);
        }
        eprintln!(
            "scorer: waiting for another build of the scorer to finish ({})",
            path.display()
        );
        let file = open(path)?;
        file.lock()
            .map_err(|e| format!("cannot lock {}: {e}", path.display()))?;
        Ok(Self { _file: file })
    }
}

fn open(path: &Path) -> Result<File, String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lock_path(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("scorer-build-lock-{}-{name}", std::process::id()));
        dir.join("nested").join("scorer-build.lock")
    }

    #[test]
    fn a_second_run_waits_until_the_first_is_done() {
        let path = lock_path("second");
        let first = BuildLock::try_acquire(&path).unwrap().expect("a free lock");
        assert!(
            BuildLock::try_acquire(&path).unwrap().is_none(),
            "held twice"
        );
        drop(first);
        assert!(
            BuildLock::try_acquire(&path).unwrap().is_some(),
            "not released"
        );
        std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap()).unwrap();
    }

    #[test]
    fn a_waiting_run_goes_on_when_the_lock_is_let_go() {
        let path = lock_path("waits");
        let first = BuildLock::acquire(&path).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter = {
            let path = path.clone();
            std::thread::spawn(move || {
                let lock = BuildLock::acquire(&path).unwrap();
                tx.send(()).unwrap();
                drop(lock);
            })
        };
        // Still held: the waiter has not got it.
        assert!(
            rx.recv_timeout(std::time::Duration::from_millis(200))
                .is_err()
        );
        drop(first);
        rx.recv_timeout(std::time::Duration::from_secs(10))
            .expect("the waiting run never got the lock");
        waiter.join().unwrap();
        std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap()).unwrap();
    }
}
