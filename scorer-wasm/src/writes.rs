//! DOM writes as plain data, for the loader to make: what `web` queues
//! while the page's first fill runs (see `web/queue.rs` for why). Four
//! fields per write, each field its length in UTF-16 units (a JS string's
//! length), a `:`, and its text, so no text, whatever it holds, ends a
//! field early. `apply` in `theme/static/scorer.js` reads it.

/// What a write does; `apply` reads the same letters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    /// Text content: (id, text).
    Text,
    /// Markup the scorer made: (id, markup).
    Html,
    /// An attribute set: (id, name, value).
    Attr,
    /// An attribute removed: (id, name).
    Remove,
    /// Focus moved: (id).
    Focus,
    /// A checkbox checked (`1`) or not (empty): (id, state).
    Check,
}

impl Op {
    fn letter(self) -> &'static str {
        match self {
            Op::Text => "t",
            Op::Html => "h",
            Op::Attr => "a",
            Op::Remove => "r",
            Op::Focus => "f",
            Op::Check => "c",
        }
    }
}

/// Writes in the order made.
#[derive(Default)]
pub struct Writes(String);

impl Writes {
    pub fn push(&mut self, op: Op, id: &str, a: &str, b: &str) {
        for field in [op.letter(), id, a, b] {
            self.0.push_str(&field.encode_utf16().count().to_string());
            self.0.push(':');
            self.0.push_str(field);
        }
    }

    pub fn append(&mut self, other: Writes) {
        self.0.push_str(&other.0);
    }

    /// The string the loader reads; empty again after.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loader's reading, in Rust: lengths count UTF-16 units.
    fn fields(s: &str) -> Vec<String> {
        let units: Vec<u16> = s.encode_utf16().collect();
        let mut out = Vec::new();
        let mut at = 0;
        while at < units.len() {
            let colon = at
                + units[at..]
                    .iter()
                    .position(|&u| u == u16::from(b':'))
                    .unwrap();
            let n: usize = String::from_utf16(&units[at..colon])
                .unwrap()
                .parse()
                .unwrap();
            out.push(String::from_utf16(&units[colon + 1..colon + 1 + n]).unwrap());
            at = colon + 1 + n;
        }
        out
    }

    #[test]
    fn any_text_comes_back_whole_in_order() {
        let mut w = Writes::default();
        w.push(Op::Text, "traject-naam", "Team 12:30 😀", "");
        w.push(Op::Html, "notities-1-lijst", "<li>a:b\n3:c</li>", "");
        w.push(Op::Attr, "grafiek-1", "data-chosen", "");
        w.push(Op::Remove, "focus-2", "hidden", "");
        w.push(Op::Focus, "kop", "", "");
        w.push(Op::Check, "focus-keuze-1", "1", "");
        let s = w.take();
        assert_eq!(
            fields(&s),
            [
                "t",
                "traject-naam",
                "Team 12:30 😀",
                "",
                "h",
                "notities-1-lijst",
                "<li>a:b\n3:c</li>",
                "",
                "a",
                "grafiek-1",
                "data-chosen",
                "",
                "r",
                "focus-2",
                "hidden",
                "",
                "f",
                "kop",
                "",
                "",
                "c",
                "focus-keuze-1",
                "1",
                ""
            ]
        );
        // The emoji is two UTF-16 units, as a JS string counts it.
        assert!(s.starts_with("1:t12:traject-naam13:Team 12:30 😀0:"));
        assert_eq!(w.take(), "");
    }

    #[test]
    fn appended_writes_follow_in_order() {
        let mut a = Writes::default();
        a.push(Op::Text, "x", "1", "");
        let mut b = Writes::default();
        b.push(Op::Text, "y", "2", "");
        a.append(b);
        assert_eq!(fields(&a.take()), ["t", "x", "1", "", "t", "y", "2", ""]);
    }
}
