//! A host's overlay (`--overlay DIR`): `mirror.yaml`, local notes for
//! domains and interventions, local offers and extra pages. It adds to the
//! content and never changes it; what it adds is always marked as local.

use super::*;
use crate::content::load::OverlayTree;
use crate::content::raw::{RawLocalOffer, RawMirror};
use crate::render::{outputs, urls};

/// The largest logo a host may add, in bytes.
pub const MAX_LOGO_BYTES: u64 = 200 * 1024;

/// The theme's colours the accent meets (theme/static/site.css): the page
/// (`--paper`) and the grey of boxes (`--soft`) it is link text on, and
/// the white text on buttons and numbers it is the background of.
pub const ACCENT_BACKGROUNDS: [(&str, &str); 2] = [
    ("#ffffff", "white: the page, and text on buttons"),
    ("#f4f6f8", "light grey: boxes"),
];

impl Validator<'_> {
    /// Validates the overlay and adds its notes, offers and pages to the
    /// site; returns who hosts it.
    pub(super) fn overlay(
        &mut self,
        tree: &OverlayTree,
        domains: &mut [Domain],
        interventions: &mut Vec<InterventionWithLine>,
        pages: &mut BTreeMap<String, Page>,
    ) -> Option<Mirror> {
        let mirror = tree.mirror_yaml.as_deref().and_then(|text| {
            let file = SourceFile {
                display_path: tree.dir.join(MIRROR_FILE),
                rel_path: MIRROR_FILE.to_string(),
                front_matter: text.to_string(),
                front_matter_line: 1,
                body: String::new(),
                body_line: 1,
            };
            let parsed = parse::<RawMirror>(file, &mut self.diags)?;
            Some(self.mirror(&tree.dir, &parsed))
        });

        // First every file's shape, so links between overlay files resolve
        // whatever their order.
        let mut notes = Vec::new();
        let mut offers = Vec::new();
        let mut new_pages = Vec::new();
        for (rel, text) in &tree.files {
            let display = tree.dir.join(rel);
            let (dir, name) = rel.split_once('/').unwrap_or(("", rel));
            let stem = name.trim_end_matches(".md").to_string();
            let is_note = match dir {
                DOMAIN_DIR => true,
                INTERVENTION_DIR => interventions.iter().any(|(i, _)| i.id == stem),
                _ => false,
            };
            if is_note {
                if text.trim_start_matches('\u{feff}').starts_with("---") {
                    self.error(
                        &display,
                        1,
                        "a local note is plain Markdown, without front matter",
                    );
                    continue;
                }
                notes.push((dir, stem, display, rel.clone(), text.clone()));
                continue;
            }
            if !is_slug(&stem) {
                self.error(
                    &display,
                    1,
                    format!("file name `{stem}.md` must use only a-z, 0-9 and -"),
                );
                continue;
            }
            if dir == INTERVENTION_DIR && !text.trim_start_matches('\u{feff}').starts_with("---") {
                self.error(
                    &display,
                    1,
                    format!(
                        "no intervention `{stem}` in the content to add a note to; a new local offer starts with front matter (`naam`, `aanbieder`)"
                    ),
                );
                continue;
            }
            let parsed = SourceFile::parse(display, rel, text, &mut self.diags).and_then(|file| {
                if dir == INTERVENTION_DIR {
                    offers.push(parse::<RawLocalOffer>(file, &mut self.diags)?);
                } else {
                    new_pages.push(parse::<RawPage>(file, &mut self.diags)?);
                }
                Some(())
            });
            if parsed.is_none() {
                // Reported once; links into it are not broken on top.
                self.unparsed.insert(rel.clone());
            }
        }
        for (f, scan) in offers
            .iter()
            .map(|o| (&o.file, &o.body))
            .chain(new_pages.iter().map(|p| (&p.file, &p.body)))
        {
            let ids = scan.heading_ids.iter().cloned().collect();
            self.index.anchors.insert(f.rel_path.clone(), ids);
        }

        let organisation = mirror.as_ref().map(|m| m.organisation.clone());
        for (dir, stem, display, _rel, text) in notes {
            let source = if dir == DOMAIN_DIR {
                match domains.iter().find(|d| d.slug == stem) {
                    Some(d) => d.rel_path.clone(),
                    None => {
                        let known: Vec<&str> = domains.iter().map(|d| d.slug.as_str()).collect();
                        self.error(
                            &display,
                            1,
                            format!(
                                "no domain `{stem}` to add a note to; expected one of: {}",
                                known.join(", ")
                            ),
                        );
                        continue;
                    }
                }
            } else {
                format!("{INTERVENTION_DIR}/{stem}.md")
            };
            let note = self.note(&display, &source, &text);
            if dir == DOMAIN_DIR {
                if let Some(d) = domains.iter_mut().find(|d| d.slug == stem) {
                    d.local_note = Some(note);
                }
            } else if let Some((i, _)) = interventions.iter_mut().find(|(i, _)| i.id == stem) {
                i.local_note = Some(note);
            }
        }
        for p in offers {
            let offer = self.local_offer(&p, organisation.as_deref().unwrap_or_default());
            self.link_offer(&p, &offer, domains);
            interventions.push((offer, (p.path().to_path_buf(), p.line("naam"))));
        }
        interventions.sort_by_key(|a| a.0.name.to_lowercase());
        for p in new_pages {
            let slug = p.file.rel_path[PAGE_DIR.len() + 1..]
                .trim_end_matches(".md")
                .to_string();
            // Taken by a content page, or by a page the build writes itself
            // (render::outputs, with site-data's traject pages).
            let path = urls::page(&slug);
            let owner = pages
                .values()
                .find(|q| urls::page(&q.slug) == path)
                .map(|q| {
                    let dir = if q.local { &tree.dir } else { self.content_dir };
                    outputs::Source::page(dir, &q.rel_path, q.local)
                })
                .or_else(|| outputs::build_page(&path));
            if let Some(owner) = owner {
                let this = outputs::Source::page(&tree.dir, &p.file.rel_path, true);
                self.error(p.path(), 1, outputs::message(&path, &this, &owner));
                continue;
            }
            let page = self.page(&p, &slug, true);
            pages.insert(slug, page);
        }
        mirror
    }

    /// Shows a local offer under the recommendations it names.
    fn link_offer(
        &mut self,
        p: &Parsed<RawLocalOffer>,
        offer: &Intervention,
        domains: &mut [Domain],
    ) {
        for (n, number) in p.raw.aanbevelingen.iter().enumerate() {
            let number = number.trim();
            let found = domains
                .iter_mut()
                .flat_map(|d| d.recommendations.iter_mut())
                .find(|r| r.number == number);
            let Some(r) = found else {
                self.error(
                    p.path(),
                    p.line(&format!("aanbevelingen[{n}]")),
                    format!("no recommendation `{number}` in the content; use a number like 3.2"),
                );
                continue;
            };
            if r.interventions.iter().any(|u| u.id == offer.id) {
                self.error(
                    p.path(),
                    p.line(&format!("aanbevelingen[{n}]")),
                    format!("recommendation `{number}` is named twice"),
                );
                continue;
            }
            r.interventions.push(InterventionUse {
                id: offer.id.clone(),
                note: Markdown::new(offer.aim.clone().unwrap_or_default(), &offer.rel_path),
                secondary: false,
                local: true,
                support: None,
            });
        }
    }

    fn note(&mut self, display: &Path, source: &str, text: &str) -> Markdown {
        let file = SourceFile {
            display_path: display.to_path_buf(),
            rel_path: source.to_string(),
            front_matter: String::new(),
            front_matter_line: 1,
            body: text.trim_start_matches('\u{feff}').to_string(),
            body_line: 1,
        };
        if file.body.trim().is_empty() {
            self.error(display, 1, "the note must not be empty");
        }
        let scan = markdown::scan(&file.body);
        self.check_scan(display, source, &scan, |offset| file.body_line_at(offset));
        Markdown::new(file.body.clone(), source)
    }

    fn local_offer(&mut self, p: &Parsed<RawLocalOffer>, organisation: &str) -> Intervention {
        let r = &p.raw;
        let optional = |v: &Option<String>| {
            v.as_ref()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
        };
        if let Some(url) = &r.url {
            self.https(p.path(), p.line("url"), url);
        }
        let body = self.body_markdown(p);
        if body.text.trim().is_empty() {
            self.error(
                p.path(),
                p.file.body_line,
                "the description below the front matter must not be empty",
            );
        }
        Intervention {
            id: p.file.rel_path[INTERVENTION_DIR.len() + 1..]
                .trim_end_matches(".md")
                .to_string(),
            name: self.text(p, "naam", &r.naam),
            source: Source::Other,
            source_name: self.text(p, "aanbieder", &r.aanbieder),
            recognition: None,
            not_found: Some(format!(
                "lokaal aanbod van {organisation}; het staat niet in een databank en is niet beoordeeld."
            )),
            target_group: optional(&r.doelgroep),
            aim: optional(&r.doel),
            duration: optional(&r.duur),
            costs: optional(&r.kosten),
            external_url: optional(&r.url),
            facts_source: None,
            checked: None,
            rel_path: p.file.rel_path.clone(),
            body,
            local: true,
            local_note: None,
        }
    }

    fn mirror(&mut self, dir: &Path, p: &Parsed<RawMirror>) -> Mirror {
        let r = &p.raw;
        let local_heading = match r.soort.trim() {
            "school" => "Op onze school",
            "regio" => "In onze regio",
            other => {
                self.error(
                    p.path(),
                    p.line("soort"),
                    format!("unknown `soort` `{other}`: expected school or regio"),
                );
                ""
            }
        };
        let logo = r.logo.as_ref().and_then(|l| self.logo(dir, p, l));
        let accent = r.accentkleur.as_ref().and_then(|c| {
            let line = p.line("accentkleur");
            match accent_problem(c.trim()) {
                Some(message) => {
                    self.error(p.path(), line, message);
                    None
                }
                None => Some(c.trim().to_ascii_lowercase()),
            }
        });
        if r.contact.is_empty() {
            self.error(
                p.path(),
                p.line("contact"),
                "`contact` needs at least one person or desk, with `rol` and `email` or `telefoon`",
            );
        }
        let mut contacts = Vec::new();
        for (n, c) in r.contact.iter().enumerate() {
            let key = format!("contact[{n}]");
            let role = self.text(p, &format!("{key}.rol"), &c.rol);
            let email = c.email.as_ref().map(|e| e.trim().to_string());
            let phone = c.telefoon.as_ref().map(|t| t.trim().to_string());
            if email.is_none() && phone.is_none() {
                self.error(
                    p.path(),
                    p.line(&key),
                    "a contact needs `email` or `telefoon`",
                );
            }
            if let Some(e) = &email
                && !is_email(e)
            {
                self.error(
                    p.path(),
                    p.line(&format!("{key}.email")),
                    format!("`{e}` is not an e-mail address"),
                );
            }
            if let Some(t) = &phone
                && !is_phone(t)
            {
                self.error(
                    p.path(),
                    p.line(&format!("{key}.telefoon")),
                    format!("`{t}` is not a phone number: use digits, spaces, +, - and ()"),
                );
            }
            contacts.push(MirrorContact {
                name: c
                    .naam
                    .as_ref()
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty()),
                role,
                email,
                phone,
            });
        }
        let address = r.adres.as_ref().map(|a| {
            self.https(p.path(), p.line("adres"), a.trim());
            let a = a.trim();
            if a.contains(['?', '#', ' ', '"', '<', '>']) {
                self.error(
                    p.path(),
                    p.line("adres"),
                    format!("address `{a}` must be a plain site address, without ?, # or spaces"),
                );
            }
            if a.ends_with('/') {
                a.to_string()
            } else {
                format!("{a}/")
            }
        });
        Mirror {
            organisation: self.text(p, "organisatie", &r.organisatie),
            local_heading: local_heading.to_string(),
            logo,
            accent,
            contacts,
            address,
            region: r.soort.trim() == "regio",
        }
    }

    fn logo(&mut self, dir: &Path, p: &Parsed<RawMirror>, name: &str) -> Option<Logo> {
        let line = p.line("logo");
        let name = name.trim();
        let ext = Path::new(name)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        let ext = match ext.as_deref() {
            Some("svg") => "svg",
            Some("png") => "png",
            _ => {
                self.error(
                    p.path(),
                    line,
                    format!("logo `{name}` must be an .svg or .png file"),
                );
                return None;
            }
        };
        if Path::new(name).is_absolute() || name.split(['/', '\\']).any(|part| part == "..") {
            self.error(
                p.path(),
                line,
                format!("logo `{name}` must be a file inside the overlay folder"),
            );
            return None;
        }
        let path = dir.join(name);
        let size = match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => m.len(),
            _ => {
                self.error(
                    p.path(),
                    line,
                    format!("logo `{name}` not found in the overlay folder"),
                );
                return None;
            }
        };
        if size > MAX_LOGO_BYTES {
            self.error(
                p.path(),
                line,
                format!(
                    "logo `{name}` is {} KB; at most 200 KB",
                    size.div_ceil(1024)
                ),
            );
            return None;
        }
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                self.error(p.path(), line, format!("cannot read logo `{name}`: {e}"));
                return None;
            }
        };
        let looks_right = match ext {
            "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            _ => std::str::from_utf8(&bytes).is_ok_and(|t| t.contains("<svg")),
        };
        if !looks_right {
            self.error(
                p.path(),
                line,
                format!("logo `{name}` is not a valid {} file", ext.to_uppercase()),
            );
            return None;
        }
        if ext == "svg"
            && let Some(what) = svg_active_content(&String::from_utf8_lossy(&bytes))
        {
            self.error(
                p.path(),
                line,
                format!("logo `{name}` contains {what}; a logo must be a plain picture"),
            );
            return None;
        }
        Some(Logo {
            file_name: format!("logo.{ext}"),
            bytes,
        })
    }
}

/// What in an SVG could run or load something when the file is opened on
/// its own (as `assets/logo.svg`, on the site's own origin).
fn svg_active_content(svg: &str) -> Option<&'static str> {
    let lower = svg.to_ascii_lowercase();
    if lower.contains("<script") {
        return Some("a script");
    }
    if lower.contains("<foreignobject") {
        return Some("foreignObject");
    }
    if lower.contains("javascript:") {
        return Some("a javascript: link");
    }
    let handler = lower.match_indices("on").any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let rest = &lower[i + 2..];
        let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        before.is_some_and(char::is_whitespace)
            && name_len > 0
            && rest[name_len..].trim_start().starts_with('=')
    });
    if handler {
        return Some("an event handler (on…=)");
    }
    if [
        "href=\"http",
        "href='http",
        "href=\"//",
        "url(http",
        "url(//",
        "@import",
    ]
    .iter()
    .any(|p| lower.contains(p))
    {
        return Some("a link to another site");
    }
    None
}

/// Why a colour cannot be the accent, if it can't: not `#rrggbb`, or too
/// little contrast where the theme uses it (WCAG AA: 4.5:1).
pub fn accent_problem(colour: &str) -> Option<String> {
    let Some(rgb) = parse_hex(colour) else {
        return Some(format!(
            "`accentkleur` `{colour}` must be a colour like #1f5f8b"
        ));
    };
    for (hex, where_) in ACCENT_BACKGROUNDS {
        let other = parse_hex(hex).unwrap_or([255; 3]);
        let ratio = contrast(rgb, other);
        if ratio < 4.5 {
            return Some(format!(
                "`accentkleur` {colour} has contrast {:.2}:1 against {hex} ({where_}); WCAG AA needs at least 4.5:1",
                (ratio * 100.0).floor() / 100.0
            ));
        }
    }
    None
}

fn parse_hex(colour: &str) -> Option<[u8; 3]> {
    let hex = colour.strip_prefix('#')?;
    let hex: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG 2.2 contrast ratio of two sRGB colours.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    fn luminance(c: [u8; 3]) -> f64 {
        let ch = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn is_email(e: &str) -> bool {
    let Some((user, host)) = e.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !e.contains(|c: char| c.is_whitespace() || "<>\"'()[],;:@".contains(c) && c != '@')
        && e.matches('@').count() == 1
}

fn is_phone(t: &str) -> bool {
    t.chars().filter(char::is_ascii_digit).count() >= 6
        && t.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 0.01);
        assert!((contrast([0x76; 3], [255; 3]) - 4.54).abs() < 0.01);
        assert_eq!(contrast([9, 9, 9], [9, 9, 9]), 1.0);
    }

    #[test]
    fn accent_needs_aa_against_every_background_it_meets() {
        assert_eq!(accent_problem("#1f5f8b"), None);
        assert_eq!(accent_problem("#767676"), Some(
            "`accentkleur` #767676 has contrast 4.19:1 against #f4f6f8 (light grey: boxes); WCAG AA needs at least 4.5:1".into()
        ));
        assert!(
            accent_problem("#ffcc00")
                .unwrap()
                .contains("against #ffffff (white")
        );
        assert!(
            accent_problem("blue")
                .unwrap()
                .contains("must be a colour like")
        );
        assert!(accent_problem("#12345g").is_some());
    }

    #[test]
    fn the_backgrounds_are_the_themes_own() {
        let css = include_str!("../../../../theme/static/site.css");
        for (var, (hex, _)) in ["--paper", "--soft"].iter().zip(ACCENT_BACKGROUNDS) {
            assert!(
                css.contains(&format!("{var}: {hex};")),
                "{var} is not {hex} in site.css"
            );
        }
        assert!(css.contains("--brand: "), "the accent replaces --brand");
    }

    #[test]
    fn an_svg_logo_may_not_run_or_load_anything() {
        assert_eq!(
            svg_active_content(
                r##"<svg viewBox="0 0 4 4"><rect width="4" height="4" fill="#123"/></svg>"##
            ),
            None
        );
        assert_eq!(
            svg_active_content("<svg><SCRIPT>x()</SCRIPT></svg>"),
            Some("a script")
        );
        assert_eq!(
            svg_active_content(r#"<svg onload = "x()"></svg>"#),
            Some("an event handler (on…=)")
        );
        assert_eq!(
            svg_active_content(r#"<svg><a href="javascript:x()"/></svg>"#),
            Some("a javascript: link")
        );
        assert_eq!(
            svg_active_content(r#"<svg><image href="https://x.nl/a.png"/></svg>"#),
            Some("a link to another site")
        );
        assert_eq!(
            svg_active_content("<svg><foreignObject/></svg>"),
            Some("foreignObject")
        );
        // Words with "on" in them are fine.
        assert_eq!(
            svg_active_content(r#"<svg><title>Onderwijs on the move</title></svg>"#),
            None
        );
    }

    #[test]
    fn contact_details_are_checked() {
        assert!(is_email("zorg@school.nl"));
        assert!(!is_email("zorg@school"));
        assert!(!is_email("zorg school@x.nl"));
        assert!(!is_email("<script>@x.nl"));
        assert!(is_phone("030 123 45 67"));
        assert!(is_phone("+31 (0)30-1234567"));
        assert!(!is_phone("bel maar"));
    }
}
