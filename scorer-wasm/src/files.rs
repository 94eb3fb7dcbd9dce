//! Names of the files the scorer offers for download.

/// The download name of an unreadable stored text.
pub const UNREADABLE: &str = "wegwijzer-onleesbare-tekst.json";

/// `wegwijzer-team-onderbouw-2026-12-01.json`: the traject's name in plain
/// letters, and the day the copy was made, so copies sort by date.
/// A school's summary for its region, dated.
pub fn region_summary(date: &str) -> String {
    format!("wegwijzer-regio-{date}.json")
}

/// A region's saved set of summaries, dated.
pub fn region_set(date: &str) -> String {
    format!("wegwijzer-regioset-{date}.json")
}

/// The Regiobeeld's aggregate table, dated.
pub fn region_table(date: &str) -> String {
    format!("wegwijzer-regiobeeld-{date}.csv")
}

pub fn name(traject_name: &str, date: &str, ext: &str) -> String {
    let mut slug = String::new();
    // Dutch accents (é, ë, ï, ó, ü …) by their plain letter, everything
    // else outside a–z and 0–9 as a dash; full Unicode tables would add
    // kilobytes to the scorer.
    for c in traject_name.chars() {
        let c = match c {
            'à'..='å' => 'a',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ò'..='ö' => 'o',
            'ù'..='ü' => 'u',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if c != '-' || !(slug.is_empty() || slug.ends_with('-')) {
            slug.push(c);
        }
        if slug.len() >= 40 {
            break;
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    let slug = if slug.is_empty() { "traject" } else { &slug };
    format!("wegwijzer-{slug}-{date}.{ext}")
}

/// Two digits; by hand, because `{:02}` pulls in the formatter's padding.
fn two(n: u32) -> String {
    let mut s = String::new();
    s.push(char::from(b'0' + (n / 10 % 10) as u8));
    s.push(char::from(b'0' + (n % 10) as u8));
    s
}

/// `2026-12-01` from a year, month (1–12) and day.
pub fn iso_date(year: u32, month: u32, day: u32) -> String {
    format!(
        "{}{}-{}-{}",
        two(year / 100),
        two(year),
        two(month),
        two(day)
    )
}

/// `1-12-2026`, as Dutch readers write a date.
pub fn dutch_date(year: u32, month: u32, day: u32) -> String {
    format!("{day}-{month}-{year}")
}

/// `14:02`.
pub fn clock(hours: u32, minutes: u32) -> String {
    format!("{}:{}", two(hours), two(minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_dated_and_never_empty() {
        let d = "2026-12-01";
        assert_eq!(
            name("Team onderbouw", d, "json"),
            "wegwijzer-team-onderbouw-2026-12-01.json"
        );
        assert_eq!(
            name("  Een — café’s, reële!! ", d, "csv"),
            "wegwijzer-een-cafe-s-reele-2026-12-01.csv"
        );
        assert_eq!(
            name("<script>", d, "json"),
            "wegwijzer-script-2026-12-01.json"
        );
        assert_eq!(
            name("\u{202e}\u{200b}", d, "json"),
            "wegwijzer-traject-2026-12-01.json"
        );
        assert_eq!(
            name(&"a".repeat(100), d, "json").len(),
            "wegwijzer--2026-12-01.json".len() + 40
        );
    }

    #[test]
    fn dates_and_times_have_leading_zeros() {
        assert_eq!(iso_date(2026, 3, 7), "2026-03-07");
        assert_eq!(clock(9, 5), "09:05");
        assert_eq!(dutch_date(2026, 3, 7), "7-3-2026");
    }
}
