//! All YAML the generator reads goes through here, parsed once by one
//! parser (yaml-rust2). One pass over its events builds both the value
//! that serde turns into our types and a map from paths inside the document
//! (`aanbevelingen[1].interventies[0].ref`) to their lines, so every error,
//! found while parsing, typing or validating, points at its true line.

use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};
use std::collections::HashMap;
use yaml_rust2::Yaml;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Where things are in a document: 1-based lines by path.
#[derive(Debug, Default, Clone)]
pub struct LineMap {
    lines: HashMap<String, usize>,
}

impl LineMap {
    /// The 1-based line of `path`, or of its nearest ancestor that has one.
    pub fn line(&self, path: &str) -> usize {
        let mut p = path;
        loop {
            if let Some(&l) = self.lines.get(p) {
                return l;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return self.lines.get("").copied().unwrap_or(1),
            }
        }
    }
}

/// A document that could not be read as `T`: the line (1-based, within
/// the YAML) and what is wrong there.
#[derive(Debug, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub message: String,
}

/// Parses `text` and deserialises it into `T`, with the line map.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<(T, LineMap), YamlError> {
    let mut builder = Builder::default();
    let mut parser = Parser::new_from_str(text);
    if let Err(e) = parser.load(&mut builder, false) {
        return Err(YamlError {
            line: e.marker().line().max(1),
            message: e.info().to_string(),
        });
    }
    if let Some((line, message)) = builder.error.take() {
        return Err(YamlError { line, message });
    }
    let lines = LineMap {
        lines: std::mem::take(&mut builder.lines),
    };
    let value = builder.root.take().unwrap_or(Value::Null);
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(t) => Ok((t, lines)),
        Err(e) => {
            let path = path_key(e.path());
            let inner = e.into_inner().to_string();
            // The path says where in the file, except for an unknown key,
            // whose message names it already.
            let message = if path.is_empty() || inner.starts_with("unknown field") {
                inner
            } else {
                format!("{path}: {inner}")
            };
            Err(YamlError {
                line: lines.line(&path),
                message,
            })
        }
    }
}

/// serde_path_to_error's path in our notation: `a.b[2].c`.
fn path_key(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        map: Map<String, Value>,
        anchor: usize,
    },
    Seq {
        path: String,
        items: Vec<Value>,
        anchor: usize,
    },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    lines: HashMap<String, usize>,
    anchors: HashMap<usize, Value>,
    root: Option<Value>,
    /// The first problem the events show that the parser lets through.
    error: Option<(usize, String)>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A scalar as YAML 1.2's core schema reads it: plain `3` is a number,
/// `true` a boolean, `~` or nothing null; anything quoted stays text.
fn scalar(text: String, style: TScalarStyle) -> Value {
    if style != TScalarStyle::Plain {
        return Value::String(text);
    }
    match Yaml::from_str(&text) {
        Yaml::Integer(i) => Value::Number(i.into()),
        Yaml::Real(r) => r
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or(Value::String(text), Value::Number),
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Null => Value::Null,
        _ => Value::String(text),
    }
}

impl Builder {
    /// Where the next value goes: its path (recorded with its line), or
    /// `None` when it is a mapping key.
    fn next_path(&mut self, line: usize) -> Option<String> {
        let path = match self.stack.last() {
            None => String::new(),
            Some(Frame::Seq { path, items, .. }) => format!("{path}[{}]", items.len()),
            Some(Frame::Map { path, key, .. }) => join(path, key.as_ref()?),
        };
        self.lines.entry(path.clone()).or_insert(line);
        Some(path)
    }

    /// Puts a finished value where it belongs.
    fn place(&mut self, value: Value, anchor: usize, line: usize) {
        if anchor > 0 {
            self.anchors.insert(anchor, value.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(value),
            Some(Frame::Seq { items, .. }) => items.push(value),
            Some(Frame::Map { key, map, .. }) => {
                if let Some(k) = key.take() {
                    if map.contains_key(&k) && self.error.is_none() {
                        self.error = Some((line, format!("duplicate key `{k}`")));
                    }
                    map.insert(k, value);
                }
            }
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let line = mark.line().max(1);
        match ev {
            Event::Scalar(text, style, anchor, _) => match self.next_path(line) {
                Some(_) => self.place(scalar(text, style), anchor, line),
                None => {
                    // A mapping key: remember it, and its line, for the value.
                    if let Some(Frame::Map { path, key, .. }) = self.stack.last_mut() {
                        self.lines.entry(join(path, &text)).or_insert(line);
                        *key = Some(text);
                    }
                }
            },
            Event::Alias(id) => {
                self.next_path(line);
                let value = self.anchors.get(&id).cloned().unwrap_or(Value::Null);
                self.place(value, 0, line);
            }
            Event::MappingStart(anchor, _) => {
                let path = self.next_path(line).unwrap_or_else(|| {
                    if self.error.is_none() {
                        self.error = Some((line, "a mapping cannot be a key".into()));
                    }
                    String::new()
                });
                self.stack.push(Frame::Map {
                    path,
                    key: None,
                    map: Map::new(),
                    anchor,
                });
            }
            Event::SequenceStart(anchor, _) => {
                let path = self.next_path(line).unwrap_or_else(|| {
                    if self.error.is_none() {
                        self.error = Some((line, "a list cannot be a key".into()));
                    }
                    String::new()
                });
                self.stack.push(Frame::Seq {
                    path,
                    items: Vec::new(),
                    anchor,
                });
            }
            Event::MappingEnd => {
                if let Some(Frame::Map { map, anchor, .. }) = self.stack.pop() {
                    self.place(Value::Object(map), anchor, line);
                }
            }
            Event::SequenceEnd => {
                if let Some(Frame::Seq { items, anchor, .. }) = self.stack.pop() {
                    self.place(Value::Array(items), anchor, line);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    const DOC: &str = "nummer: 3\ntitel: Thuis\naanbevelingen:\n  - nummer: \"3.1\"\n    interventies:\n      - ref: a\n      - ref: b\n        toelichting: >\n          x\n  - nummer: \"3.2\"\n";

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        nummer: i64,
        titel: String,
        aanbevelingen: Vec<Rec>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Rec {
        nummer: String,
        #[serde(default)]
        interventies: Vec<Use>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Use {
        #[serde(rename = "ref")]
        id: String,
        toelichting: Option<String>,
    }

    #[test]
    fn reads_values_and_the_lines_of_keys_and_items() {
        let (doc, m): (Doc, _) = parse(DOC).unwrap();
        assert_eq!((doc.nummer, doc.titel.as_str()), (3, "Thuis"));
        assert_eq!(doc.aanbevelingen[0].interventies[1].id, "b");
        assert_eq!(
            doc.aanbevelingen[0].interventies[1].toelichting.as_deref(),
            Some("x\n")
        );
        assert_eq!(doc.aanbevelingen[1].nummer, "3.2");
        assert_eq!(m.line("nummer"), 1);
        assert_eq!(m.line("titel"), 2);
        assert_eq!(m.line("aanbevelingen[0]"), 4);
        assert_eq!(m.line("aanbevelingen[0].nummer"), 4);
        assert_eq!(m.line("aanbevelingen[0].interventies[1].ref"), 7);
        assert_eq!(m.line("aanbevelingen[0].interventies[1].toelichting"), 8);
        assert_eq!(m.line("aanbevelingen[1].nummer"), 10);
        // The nearest ancestor stands in for a path that is not there.
        assert_eq!(m.line("aanbevelingen[1].tekst"), 10);
        assert_eq!(m.line("nothing.here"), 1);
    }

    #[test]
    fn a_type_error_deep_in_the_file_reports_its_true_line() {
        let text = DOC.replace("      - ref: b", "      - ref: [b, c]");
        let err = parse::<Doc>(&text).unwrap_err();
        assert_eq!(err.line, 7);
        assert_eq!(
            err.message,
            "aanbevelingen[0].interventies[1].ref: invalid type: sequence, expected a string"
        );
        let text = DOC.replace(
            "  - nummer: \"3.2\"",
            "  - nummer: \"3.2\"\n    kleur: rood",
        );
        let err = parse::<Doc>(&text).unwrap_err();
        assert_eq!(err.line, 11);
        assert!(
            err.message.starts_with("unknown field `kleur`"),
            "{}",
            err.message
        );
        let err = parse::<Doc>("nummer: drie\ntitel: x\naanbevelingen: []\n").unwrap_err();
        assert_eq!(
            (err.line, err.message.as_str()),
            (1, "nummer: invalid type: string \"drie\", expected i64")
        );
    }

    #[test]
    fn syntax_errors_and_duplicates_are_reported_where_they_are() {
        let err = parse::<Doc>("nummer: 3\ntitel: [open\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
        let err = parse::<Doc>("nummer: 3\ntitel: a\ntitel: b\naanbevelingen: []\n").unwrap_err();
        assert_eq!(
            (err.line, err.message.as_str()),
            (3, "duplicate key `titel`")
        );
        let err = parse::<Doc>("titel: a\naanbevelingen: []\n").unwrap_err();
        assert_eq!(
            (err.line, err.message.as_str()),
            (1, "missing field `nummer`")
        );
    }

    #[test]
    fn scalars_follow_the_core_schema() {
        let (v, _): (Value, _) =
            parse("a: 3\nb: \"3\"\nc: true\nd: ~\ne: 3.5\nf: tekst\ng: 'ja'\n").unwrap();
        assert_eq!(
            v,
            serde_json::json!({"a": 3, "b": "3", "c": true, "d": null, "e": 3.5, "f": "tekst", "g": "ja"})
        );
    }
}
