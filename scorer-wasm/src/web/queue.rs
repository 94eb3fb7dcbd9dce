//! The first fill's DOM writes, queued. A DOM change made with the module
//! on the stack costs many times more under a profiler or Lighthouse's
//! instrumentation (each change records that stack), and each write is
//! calls across the boundary. So while `fill` or `fill_next` runs, the
//! write helpers in `mod.rs` queue the texts, markup, attributes, checked
//! states and focus of elements with an id (`crate::writes`, plain data);
//! the loader makes them once the call returns (`writes`, then `apply` in
//! `scorer.js`), leaving alone what already shows the value, as the
//! helpers do. Still made at once, since the fill reads them back or
//! they are few: `data-straks`, a section moved into the order chosen,
//! field values, the plan's action rows, messages (`say`) and writes to
//! elements without an id. Events write at once: a handler may read back
//! what it wrote.

use crate::writes::{Op, Writes};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[derive(Default)]
struct Queue {
    /// Open while a fill runs.
    open: Option<Writes>,
    /// What the last fill queued, until the loader takes it.
    done: Writes,
}

struct QueueCell(RefCell<Option<Queue>>);
// SAFETY: as for `AppCell` in `mod.rs`, the page's one thread.
#[allow(unsafe_code)]
unsafe impl Sync for QueueCell {}
static QUEUE: QueueCell = QueueCell(RefCell::new(None));

fn with<T>(f: impl FnOnce(&mut Queue) -> T) -> T {
    f(QUEUE.0.borrow_mut().get_or_insert_with(Queue::default))
}

/// Runs `f` with the writes queued; they wait for `writes`.
pub(super) fn queued<T>(f: impl FnOnce() -> T) -> T {
    with(|q| q.open = Some(Writes::default()));
    let out = f();
    with(|q| {
        let made = q.open.take().unwrap_or_default();
        q.done.append(made);
    });
    out
}

/// Queues a write on the element `id`: `false` when no fill runs or the
/// element has no id, and the caller writes at once.
pub(super) fn queue(op: Op, id: &str, a: &str, b: &str) -> bool {
    with(|q| match q.open.as_mut() {
        Some(w) if !id.is_empty() => {
            w.push(op, id, a, b);
            true
        }
        _ => false,
    })
}

/// Whether a fill runs: an element-based write asks its id only then.
pub(super) fn open() -> bool {
    with(|q| q.open.is_some())
}

/// The writes the last fill queued, for the loader to make, in order.
/// Also closes the queue, should a fill have stopped halfway (a trap), so
/// later events write at once.
#[wasm_bindgen]
pub fn writes() -> String {
    with(|q| {
        if let Some(left) = q.open.take() {
            q.done.append(left);
        }
        q.done.take()
    })
}
