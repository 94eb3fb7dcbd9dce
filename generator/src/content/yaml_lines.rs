//! Maps paths inside a YAML document (`aanbevelingen[1].interventies[0].ref`)
//! to their line, so validation errors found after deserialising can still
//! point at the right line. serde_yaml keeps no positions once it is done.

use std::collections::HashMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

#[derive(Debug, Default)]
pub struct LineMap {
    lines: HashMap<String, usize>,
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, index: usize },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    lines: HashMap<String, usize>,
}

impl Builder {
    /// The path of the node that starts now, recording its line; `None` for a mapping key.
    fn enter_value(&mut self, line: usize) -> Option<String> {
        let path = match self.stack.last_mut() {
            None => String::new(),
            Some(Frame::Seq { path, index }) => {
                let p = format!("{path}[{index}]");
                *index += 1;
                p
            }
            Some(Frame::Map { path, key }) => join(path, &key.take()?),
        };
        self.lines.entry(path.clone()).or_insert(line);
        Some(path)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let line = mark.line();
        match ev {
            Event::Scalar(value, ..) => {
                if self.enter_value(line).is_none() {
                    // A mapping key: remember it for the value that follows.
                    if let Some(Frame::Map { path, key }) = self.stack.last_mut() {
                        self.lines.entry(join(path, &value)).or_insert(line);
                        *key = Some(value);
                    }
                }
            }
            Event::Alias(_) => {
                self.enter_value(line);
            }
            Event::MappingStart(..) => {
                let path = self.enter_value(line).unwrap_or_default();
                self.stack.push(Frame::Map { path, key: None });
            }
            Event::SequenceStart(..) => {
                let path = self.enter_value(line).unwrap_or_default();
                self.stack.push(Frame::Seq { path, index: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

impl LineMap {
    /// Builds the map; a document that does not parse gives an empty map
    /// (serde_yaml reports the syntax error itself).
    pub fn new(yaml: &str) -> Self {
        let mut builder = Builder::default();
        let mut parser = Parser::new_from_str(yaml);
        let _ = parser.load(&mut builder, false);
        LineMap {
            lines: builder.lines,
        }
    }

    /// The 1-based line of `path`, or of its nearest ancestor that has one.
    pub fn line(&self, path: &str) -> usize {
        let mut p = path;
        loop {
            if let Some(&l) = self.lines.get(p) {
                return l;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "nummer: 3\ntitel: Thuis\naanbevelingen:\n  - nummer: \"3.1\"\n    interventies:\n      - ref: a\n      - ref: b\n        toelichting: >\n          x\n  - nummer: \"3.2\"\n";

    #[test]
    fn finds_lines_of_keys_and_items() {
        let m = LineMap::new(DOC);
        assert_eq!(m.line("nummer"), 1);
        assert_eq!(m.line("titel"), 2);
        assert_eq!(m.line("aanbevelingen[0]"), 4);
        assert_eq!(m.line("aanbevelingen[0].nummer"), 4);
        assert_eq!(m.line("aanbevelingen[0].interventies[1].ref"), 7);
        assert_eq!(m.line("aanbevelingen[0].interventies[1].toelichting"), 8);
        assert_eq!(m.line("aanbevelingen[1].nummer"), 10);
    }

    #[test]
    fn falls_back_to_the_nearest_ancestor() {
        let m = LineMap::new(DOC);
        assert_eq!(m.line("aanbevelingen[1].tekst"), 10);
        assert_eq!(m.line("nothing.here"), 1);
    }
}
