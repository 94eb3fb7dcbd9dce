//! The spread of school scores: lowest, quartiles, median and highest, as
//! Excel's KWARTIEL.INC computes them (linear between the ordered values),
//! in whole integers: values in tenths of a point, quartiles in quarters of
//! a tenth, so every figure is exact and the page rounds only to show it.

/// Lowest, first quartile, median, third quartile, highest: the quartiles
/// and median in quarters of a tenth (a 5,5 is 220), the ends in tenths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quartiles {
    pub count: usize,
    pub min: i32,
    pub q1_x4: i32,
    pub median_x4: i32,
    pub q3_x4: i32,
    pub max: i32,
}

/// Scores and changes in tenths lie within ±[`SPAN`]: counted per value
/// instead of sorted, so a thousand schools cost one pass and the scorer
/// carries no sort.
const SPAN: i32 = 100;

/// `None` for no values (or one outside ±[`SPAN`], which no file can hold).
pub fn quartiles(values: &[i32]) -> Option<Quartiles> {
    let mut counts = [0u32; (2 * SPAN + 1) as usize];
    for &v in values {
        if !(-SPAN..=SPAN).contains(&v) {
            return None;
        }
        counts[(v + SPAN) as usize] += 1;
    }
    let n = values.len();
    // The k-th smallest value (0-based).
    let nth = |k: usize| {
        let mut seen = 0;
        for (i, c) in counts.iter().enumerate() {
            seen += *c as usize;
            if seen > k {
                return i as i32 - SPAN;
            }
        }
        SPAN
    };
    let (min, max) = (nth(0), nth(n.checked_sub(1)?));
    // The position (n − 1) · p with p = 1/4, 1/2, 3/4: its whole part and
    // the quarters beyond it.
    let at = |p4: usize| {
        let pos4 = (n - 1) * p4;
        let (k, r) = (pos4 / 4, (pos4 % 4) as i32);
        let next = nth((k + 1).min(n - 1));
        nth(k) * (4 - r) + next * r
    };
    Some(Quartiles {
        count: n,
        min,
        q1_x4: at(1),
        median_x4: at(2),
        q3_x4: at(3),
        max,
    })
}

/// Quarters of a tenth to tenths, halves away from zero.
pub fn x4_to_tenths(x4: i32) -> i32 {
    if x4 >= 0 {
        (x4 + 2) / 4
    } else {
        -((-x4 + 2) / 4)
    }
}

/// "5,5", "−0,5", "6": a figure in tenths as Dutch readers write it.
pub fn format_tenths(t: i32) -> String {
    let sign = if t < 0 { "−" } else { "" };
    let a = t.unsigned_abs();
    if a.is_multiple_of(10) {
        format!("{sign}{}", a / 10)
    } else {
        format!("{sign}{},{}", a / 10, a % 10)
    }
}

/// With a plus for a rise: a change between rounds.
pub fn format_change(t: i32) -> String {
    if t > 0 {
        format!("+{}", format_tenths(t))
    } else {
        format_tenths(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(v: &[i32]) -> Quartiles {
        quartiles(v).unwrap()
    }

    #[test]
    fn quartiles_follow_kwartiel_inc_with_ties() {
        // 1, 2, 3, 4 (in tenths ×10): Q1 1,75, median 2,5, Q3 3,25.
        let a = q(&[40, 10, 30, 20]);
        assert_eq!((a.min, a.max), (10, 40));
        assert_eq!((a.q1_x4, a.median_x4, a.q3_x4), (70, 100, 130));
        assert_eq!(x4_to_tenths(a.q1_x4), 18);
        assert_eq!(format_tenths(x4_to_tenths(a.median_x4)), "2,5");
        // Ties: 5, 5, 5, 7, 9 → Q1 5, median 5, Q3 7.
        let t = q(&[50, 90, 50, 70, 50]);
        assert_eq!((t.q1_x4, t.median_x4, t.q3_x4), (200, 200, 280));
        // One value: all five are that value.
        let one = q(&[65]);
        assert_eq!(
            (one.min, one.q1_x4, one.median_x4, one.q3_x4, one.max),
            (65, 260, 260, 260, 65)
        );
        // Half points from the schools' own medians: 5,5, 6, 6,5.
        let h = q(&[55, 65, 60]);
        assert_eq!(h.median_x4, 240);
        assert_eq!(x4_to_tenths(h.q1_x4), 58); // 5,75 → 5,8
        assert!(quartiles(&[]).is_none());
        assert!(quartiles(&[101]).is_none());
    }

    #[test]
    fn changes_are_signed_and_rounded_away_from_zero() {
        let c = q(&[-10, 5, 20]);
        assert_eq!(c.median_x4, 20);
        assert_eq!(format_change(x4_to_tenths(c.median_x4)), "+0,5");
        assert_eq!(x4_to_tenths(-6), -2);
        assert_eq!(format_change(-15), "−1,5");
        assert_eq!(format_change(0), "0");
    }
}
