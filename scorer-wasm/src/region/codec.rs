//! The summary file and the saved set: written in a fixed field order, read
//! with every field validated. A refused file gets one precise Dutch
//! sentence; nothing of it is kept.

use super::model::{
    Choice, Counts, DomainRound, DomainScore, FORMAT, Group, GroupRound, MAX_FILE_BYTES,
    MAX_PARTICIPANTS, MAX_ROUNDS, MAX_SCHOOL_NAME, MAX_SET_BYTES, MAX_SUMMARIES, MIN_PARTICIPANTS,
    RoundSummary, SCHEMA_VERSION, SET_FORMAT, SchoolKind, Summary, valid_month,
};
use crate::json_fields::{fields, valid_id};
use crate::plan::{MAX_CONSIDERED, MAX_RECOMMENDATIONS, Status, recommendation_parts};
use crate::text::region as msg;
use site_data::SiteData;
use site_data::json::{self, Value};

/// Writes the files straight into text, indented by two spaces as every
/// file the Wegwijzer writes: no tree of values built first, which keeps
/// the browser's module small.
struct Writer {
    out: String,
    level: usize,
    /// A container was just opened and holds nothing yet.
    empty: bool,
}

impl Writer {
    fn new() -> Writer {
        Writer {
            out: String::new(),
            level: 0,
            empty: true,
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.level {
            self.out.push_str("  ");
        }
    }

    /// Before each item of an object or list.
    fn item(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.newline();
    }

    fn key(&mut self, k: &str) {
        self.item();
        self.out.push('"');
        self.out.push_str(k);
        self.out.push_str("\": ");
    }

    fn open(&mut self, c: char) {
        self.out.push(c);
        self.level += 1;
        self.empty = true;
    }

    fn close(&mut self, c: char) {
        self.level -= 1;
        if !self.empty {
            self.newline();
        }
        self.empty = false;
        self.out.push(c);
    }

    fn num(&mut self, k: &str, n: u32) {
        self.key(k);
        self.out.push_str(&n.to_string());
    }

    fn text(&mut self, k: &str, v: &str) {
        self.key(k);
        json::write_string(v, &mut self.out);
    }

    fn raw(&mut self, k: &str, v: &str) {
        self.key(k);
        self.out.push_str(v);
    }

    /// `[1, 2]` as items on lines of their own.
    fn numbers(&mut self, k: &str, list: impl Iterator<Item = u32>) {
        self.key(k);
        self.open('[');
        for n in list {
            self.item();
            self.out.push_str(&n.to_string());
        }
        self.close(']');
    }

    fn header(&mut self, format: &str) {
        self.open('{');
        self.text("formaat", format);
        self.num("schema_version", SCHEMA_VERSION);
    }

    fn summary(&mut self, s: &Summary) {
        self.text("school", &s.school);
        self.text("naam", &s.name);
        match s.kind {
            Some(k) => self.text("soort", k.key()),
            None => self.raw("soort", "null"),
        }
        self.key("metingen");
        self.open('[');
        for r in &s.rounds {
            self.round(r);
        }
        self.close(']');
        let c = &s.choice;
        self.key("keuze");
        self.open('{');
        self.numbers("domeinen", c.domains.iter().map(|d| u32::from(*d)));
        self.key("aanbevelingen");
        self.open('[');
        for (n, st) in &c.recommendations {
            self.item();
            self.open('{');
            self.text("nummer", n);
            self.text("status", st.key());
            self.close('}');
        }
        self.close(']');
        self.key("interventies");
        self.open('[');
        for i in &c.interventions {
            self.item();
            json::write_string(i, &mut self.out);
        }
        self.close(']');
        self.key("acties");
        self.open('[');
        for (d, n) in &c.actions {
            self.item();
            self.open('{');
            self.num("domein", u32::from(*d));
            self.num("aantal", *n);
            self.close('}');
        }
        self.close(']');
        self.close('}');
    }

    fn round(&mut self, r: &RoundSummary) {
        self.item();
        self.open('{');
        self.text("maand", &r.month);
        self.key("domeinen");
        self.open('[');
        for d in &r.domains {
            self.item();
            self.open('{');
            self.num("domein", u32::from(d.domain));
            match d.score {
                DomainScore::Scored(t) if t % 10 == 0 => self.num("score", t / 10),
                DomainScore::Scored(t) => self.raw("score", &format!("{}.{}", t / 10, t % 10)),
                DomainScore::DontKnow => self.text("score", "weet-niet"),
                DomainScore::NotScored => self.raw("score", "null"),
            }
            self.num("deelnemers", d.participants);
            self.close('}');
        }
        self.close(']');
        self.key("perspectieven");
        self.open('[');
        for g in &r.groups {
            self.item();
            self.open('{');
            self.text("perspectief", g.group.key());
            self.num("deelnemers", g.participants);
            match &g.counts {
                Some(counts) => {
                    self.key("scores");
                    self.open('[');
                    for (d, c) in counts {
                        self.item();
                        self.open('{');
                        self.num("domein", u32::from(*d));
                        self.numbers("aantallen", c.scores.iter().copied());
                        self.num("weet_niet", c.dont_know);
                        self.close('}');
                    }
                    self.close(']');
                }
                None => {
                    self.raw("scores", "null");
                    self.text("waarom_geen_scores", msg::WHY_NO_SCORES);
                }
            }
            self.close('}');
        }
        self.close(']');
        self.close('}');
    }
}

impl Summary {
    pub fn to_json(&self) -> String {
        let mut w = Writer::new();
        w.header(FORMAT);
        w.summary(self);
        w.close('}');
        w.out
    }
}

/// Many summaries as one file: a region's saved set.
pub fn set_to_json<'a>(summaries: impl Iterator<Item = &'a Summary>) -> String {
    let mut w = Writer::new();
    w.header(SET_FORMAT);
    w.key("samenvattingen");
    w.open('[');
    for s in summaries {
        w.item();
        w.open('{');
        w.summary(s);
        w.close('}');
    }
    w.close(']');
    w.close('}');
    w.out
}

/// What a file held: one summary, or a saved set of them.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    One(Summary),
    Set(Vec<Summary>),
}

/// Reads a chosen file's bytes: a summary or a saved set, every field
/// validated against the site's domains.
pub fn read_file(bytes: &[u8], data: &SiteData) -> Result<Read, String> {
    if bytes.is_empty() {
        return Err(msg::EMPTY.to_string());
    }
    if bytes.len() > MAX_SET_BYTES {
        return Err(msg::too_large(bytes.len()));
    }
    if let Some(kind) = not_text(bytes) {
        return Err(kind.to_string());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| msg::NOT_UTF8.to_string())?;
    // Only a saved set may be larger than a summary; our writer puts the
    // format first, so the start of the file tells.
    let head: String = text.chars().take(200).collect();
    if text.len() > MAX_FILE_BYTES && !head.contains(SET_FORMAT) {
        return Err(msg::too_large(text.len()));
    }
    let value = json::parse(text).map_err(|_| msg::NOT_READABLE.to_string())?;
    match value.get("formaat").and_then(Value::as_str) {
        Some(FORMAT) => {
            version(&value)?;
            Ok(Read::One(summary(
                &value,
                data,
                &["formaat", "schema_version"],
            )?))
        }
        Some(SET_FORMAT) => {
            version(&value)?;
            known(&value, &["formaat", "schema_version", "samenvattingen"])?;
            let list = value
                .get("samenvattingen")
                .and_then(Value::as_array)
                .ok_or_else(|| msg::missing("samenvattingen"))?;
            if list.len() > MAX_SUMMARIES {
                return Err(msg::too_many_summaries(list.len()));
            }
            let mut out = Vec::new();
            for (i, s) in list.iter().enumerate() {
                out.push(summary(s, data, &[]).map_err(|e| msg::in_set(i + 1, &e))?);
            }
            Ok(Read::Set(out))
        }
        Some(crate::traject::FORMAT) => Err(msg::A_TRAJECT.to_string()),
        _ => Err(msg::NOT_A_SUMMARY.to_string()),
    }
}

/// Files that are plainly no text: what the person picked by mistake.
fn not_text(b: &[u8]) -> Option<&'static str> {
    if b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") {
        return Some(msg::A_ZIP);
    }
    let images: [&[u8]; 5] = [b"\x89PNG", b"\xFF\xD8\xFF", b"GIF8", b"RIFF", b"<svg"];
    if images.iter().any(|m| b.starts_with(m)) {
        return Some(msg::AN_IMAGE);
    }
    if b.starts_with(b"%PDF") {
        return Some(msg::A_PDF);
    }
    if b.starts_with(b"\xFF\xFE")
        || b.starts_with(b"\xFE\xFF")
        || b.iter().take(64).any(|&c| c == 0)
    {
        return Some(msg::UTF16);
    }
    None
}

fn version(v: &Value) -> Result<(), String> {
    match v.get("schema_version").and_then(Value::as_i64) {
        Some(1) => Ok(()),
        Some(n) if n > 1 => Err(msg::newer_version(n)),
        _ => Err(msg::NO_VERSION.to_string()),
    }
}

fn known(v: &Value, keys: &[&str]) -> Result<(), String> {
    match fields(v).iter().find(|(k, _)| !keys.contains(&k.as_str())) {
        Some((k, _)) => Err(crate::text::import::unknown_field(k)),
        None => Ok(()),
    }
}

fn count(v: Option<&Value>, what: &str, max: u32) -> Result<u32, String> {
    v.and_then(Value::as_i64)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n <= max)
        .ok_or_else(|| msg::bad_count(what, max))
}

fn summary(v: &Value, data: &SiteData, extra: &[&str]) -> Result<Summary, String> {
    if v.as_object().is_none() {
        return Err(msg::NOT_A_SUMMARY.to_string());
    }
    let mut keys = vec!["school", "naam", "soort", "metingen", "keuze"];
    keys.extend_from_slice(extra);
    known(v, &keys)?;
    let school = v
        .get("school")
        .and_then(Value::as_str)
        .ok_or_else(|| msg::missing("school"))?;
    if !valid_id(school) {
        return Err(msg::BAD_SCHOOL.to_string());
    }
    let name = match v.get("naam") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(n)) => school_name(n)?,
        Some(_) => return Err(msg::missing("naam")),
    };
    let kind = match v.get("soort") {
        None | Some(Value::Null) => None,
        Some(Value::String(k)) => Some(SchoolKind::from_key(k).ok_or_else(|| msg::bad_kind(k))?),
        Some(_) => return Err(msg::bad_kind("")),
    };
    let domains: Vec<u8> = data.numbers();
    let list = v
        .get("metingen")
        .and_then(Value::as_array)
        .ok_or_else(|| msg::missing("metingen"))?;
    if list.is_empty() {
        return Err(msg::NO_ROUNDS.to_string());
    }
    if list.len() > MAX_ROUNDS {
        return Err(msg::too_many_rounds(list.len()));
    }
    let mut rounds: Vec<RoundSummary> = Vec::new();
    for r in list {
        let round = round(r, &domains)?;
        if rounds.iter().any(|o| o.month == round.month) {
            return Err(msg::month_twice(&round.month));
        }
        rounds.push(round);
    }
    crate::sort_small(&mut rounds, |a, b| a.month < b.month);
    let choice = choice(
        v.get("keuze").ok_or_else(|| msg::missing("keuze"))?,
        &domains,
    )?;
    Ok(Summary {
        school: school.to_string(),
        name,
        kind,
        rounds,
        choice,
    })
}

fn school_name(n: &str) -> Result<String, String> {
    if n.chars().count() > MAX_SCHOOL_NAME {
        return Err(crate::text::import::too_long(
            msg::NAME,
            n.chars().count(),
            MAX_SCHOOL_NAME,
        ));
    }
    if n.chars().any(|c| c.is_control()) {
        return Err(msg::NAME_CONTROL.to_string());
    }
    Ok(crate::traject::clean_name(n).unwrap_or_default())
}

fn domain_of(v: Option<&Value>, domains: &[u8]) -> Result<u8, String> {
    let n = v
        .and_then(Value::as_i64)
        .ok_or_else(|| msg::missing("domein"))?;
    u8::try_from(n)
        .ok()
        .filter(|d| domains.contains(d))
        .ok_or_else(|| crate::text::import::unknown_domain(n))
}

/// A school's score: a whole or half number 1–10 (the median of whole
/// scores), "weet-niet" or null.
fn domain_score(v: Option<&Value>, month: &str, domain: u8) -> Result<DomainScore, String> {
    match v {
        None | Some(Value::Null) => Ok(DomainScore::NotScored),
        Some(Value::String(s)) if s == "weet-niet" => Ok(DomainScore::DontKnow),
        Some(Value::Number(n)) => {
            let (whole, half) = match n.split_once('.') {
                None => (n.as_str(), false),
                Some((w, "5")) => (w, true),
                Some((w, "0")) => (w, false),
                Some(_) => return Err(msg::bad_score(month, domain, n)),
            };
            let w: u32 = whole
                .parse()
                .map_err(|_| msg::bad_score(month, domain, n))?;
            let tenths = w * 10 + if half { 5 } else { 0 };
            if (10..=100).contains(&tenths) {
                Ok(DomainScore::Scored(tenths))
            } else {
                Err(msg::bad_score(month, domain, n))
            }
        }
        Some(_) => Err(msg::bad_score(month, domain, "?")),
    }
}

fn round(v: &Value, domains: &[u8]) -> Result<RoundSummary, String> {
    known(v, &["maand", "domeinen", "perspectieven"])?;
    let month = v
        .get("maand")
        .and_then(Value::as_str)
        .ok_or_else(|| msg::missing("maand"))?;
    if !valid_month(month) {
        return Err(msg::bad_month(month));
    }
    let mut out = RoundSummary {
        month: month.to_string(),
        domains: Vec::new(),
        groups: Vec::new(),
    };
    let list = v
        .get("domeinen")
        .and_then(Value::as_array)
        .ok_or_else(|| msg::missing("domeinen"))?;
    for d in list {
        known(d, &["domein", "score", "deelnemers"])?;
        let domain = domain_of(d.get("domein"), domains)?;
        if out.domains.iter().any(|o| o.domain == domain) {
            return Err(msg::domain_twice(month, domain));
        }
        let score = domain_score(d.get("score"), month, domain)?;
        let participants = count(d.get("deelnemers"), "deelnemers", MAX_PARTICIPANTS * 4)?;
        if (score == DomainScore::NotScored) != (participants == 0) {
            return Err(msg::score_without_participants(month, domain));
        }
        out.domains.push(DomainRound {
            domain,
            score,
            participants,
        });
    }
    crate::sort_small(&mut out.domains, |a, b| a.domain < b.domain);
    let list = v
        .get("perspectieven")
        .and_then(Value::as_array)
        .ok_or_else(|| msg::missing("perspectieven"))?;
    for g in list {
        known(
            g,
            &["perspectief", "deelnemers", "scores", "waarom_geen_scores"],
        )?;
        let key = g
            .get("perspectief")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let group = Group::from_key(key).ok_or_else(|| msg::bad_group(key))?;
        if out.group(group).is_some() {
            return Err(msg::group_twice(month, key));
        }
        let participants = count(g.get("deelnemers"), "deelnemers", MAX_PARTICIPANTS)?;
        let counts = match g.get("scores") {
            None | Some(Value::Null) => None,
            Some(Value::Array(list)) => {
                if participants < MIN_PARTICIPANTS {
                    return Err(msg::scores_of_few(month, key));
                }
                let mut counts: Vec<(u8, Counts)> = Vec::new();
                for c in list {
                    known(c, &["domein", "aantallen", "weet_niet"])?;
                    let domain = domain_of(c.get("domein"), domains)?;
                    if counts.iter().any(|(d, _)| *d == domain) {
                        return Err(msg::domain_twice(month, domain));
                    }
                    let per = c
                        .get("aantallen")
                        .and_then(Value::as_array)
                        .filter(|a| a.len() == 10);
                    let per = per.ok_or_else(|| msg::missing("aantallen"))?;
                    let mut k = Counts {
                        dont_know: count(c.get("weet_niet"), "weet_niet", MAX_PARTICIPANTS)?,
                        ..Counts::default()
                    };
                    for (i, n) in per.iter().enumerate() {
                        k.scores[i] = count(Some(n), "aantallen", MAX_PARTICIPANTS)?;
                    }
                    if k.answered() > participants {
                        return Err(msg::counts_exceed(
                            month,
                            key,
                            domain,
                            k.answered(),
                            participants,
                        ));
                    }
                    counts.push((domain, k));
                }
                crate::sort_small(&mut counts, |a, b| a.0 < b.0);
                Some(counts)
            }
            Some(_) => return Err(msg::missing("scores")),
        };
        if counts.is_none() && participants >= MIN_PARTICIPANTS {
            return Err(msg::scores_missing(month, key));
        }
        out.groups.push(GroupRound {
            group,
            participants,
            counts,
        });
    }
    crate::sort_small(&mut out.groups, |a, b| (a.group as u8) < (b.group as u8));
    consistent(&out)?;
    Ok(out)
}

/// The school's numbers agree with its perspectives' counts.
fn consistent(r: &RoundSummary) -> Result<(), String> {
    let all_counted = r.groups.iter().all(|g| g.counts.is_some());
    for d in &r.domains {
        let of = |g: &GroupRound| {
            g.counts
                .as_ref()
                .and_then(|c| c.iter().find(|(n, _)| *n == d.domain))
                .map(|(_, c)| *c)
        };
        let mut counted = Vec::new();
        let mut answered = 0;
        for g in &r.groups {
            if let Some(c) = of(g) {
                answered += c.answered();
                counted.push(c);
            }
        }
        if d.participants > r.participants() {
            return Err(msg::more_than_round(
                &r.month,
                d.domain,
                d.participants,
                r.participants(),
            ));
        }
        if answered > d.participants || (all_counted && answered != d.participants) {
            return Err(msg::counts_dont_add_up(
                &r.month,
                d.domain,
                answered,
                d.participants,
            ));
        }
        if all_counted && !r.groups.is_empty() {
            let mut merged = Counts::default();
            for c in &counted {
                for i in 0..10 {
                    merged.scores[i] += c.scores[i];
                }
                merged.dont_know += c.dont_know;
            }
            let want = match merged.median_tenths() {
                Some(t) => DomainScore::Scored(t),
                None if merged.dont_know > 0 => DomainScore::DontKnow,
                None => DomainScore::NotScored,
            };
            if want != d.score {
                return Err(msg::score_disagrees(&r.month, d.domain));
            }
        }
    }
    Ok(())
}

fn choice(v: &Value, domains: &[u8]) -> Result<Choice, String> {
    known(v, &["domeinen", "aanbevelingen", "interventies", "acties"])?;
    let list = |key: &str| {
        v.get(key)
            .and_then(Value::as_array)
            .ok_or_else(|| msg::missing(key))
    };
    let mut c = Choice::default();
    for d in list("domeinen")? {
        let d = domain_of(Some(d), domains)?;
        if c.domains.contains(&d) {
            return Err(msg::chosen_twice(d));
        }
        c.domains.push(d);
    }
    let recs = list("aanbevelingen")?;
    if recs.len() > MAX_RECOMMENDATIONS {
        return Err(msg::bad_count("aanbevelingen", MAX_RECOMMENDATIONS as u32));
    }
    for r in recs {
        known(r, &["nummer", "status"])?;
        let number = r.get("nummer").and_then(Value::as_str).unwrap_or_default();
        match recommendation_parts(number) {
            Some((d, _)) if domains.contains(&d) => {}
            _ => return Err(msg::bad_recommendation(number)),
        }
        let status = r
            .get("status")
            .and_then(Value::as_str)
            .and_then(Status::from_key);
        let status = status.ok_or_else(|| msg::bad_status(number))?;
        if c.recommendations.iter().any(|(n, _)| n == number) {
            return Err(msg::bad_recommendation(number));
        }
        c.recommendations.push((number.to_string(), status));
    }
    let ivs = list("interventies")?;
    if ivs.len() > MAX_CONSIDERED {
        return Err(msg::bad_count("interventies", MAX_CONSIDERED as u32));
    }
    for i in ivs {
        let id = i
            .as_str()
            .filter(|id| valid_id(id))
            .ok_or_else(|| msg::missing("interventies"))?;
        if !c.interventions.iter().any(|o| o == id) {
            c.interventions.push(id.to_string());
        }
    }
    for a in list("acties")? {
        known(a, &["domein", "aantal"])?;
        let d = domain_of(a.get("domein"), domains)?;
        let n = count(a.get("aantal"), "aantal", crate::plan::MAX_ACTIONS as u32)?;
        if c.actions.iter().any(|(o, _)| *o == d) {
            return Err(msg::chosen_twice(d));
        }
        c.actions.push((d, n));
    }
    Ok(c)
}
